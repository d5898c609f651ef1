//! An edit to one log entry (issue 20) updates what the views show from it
//! alone; what they show is what a plan opened afresh shows.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{plan_app, settings};
use egui_kittest::Harness;
use jiff::civil::date;
use stepstone::model::{Edit, Item, LogEntry, Plan, SkillId};
use stepstone::ui::App;
use stepstone::ui::commands::View;

/// The Log view's rows and their minutes, after a frame.
fn rows(h: &mut Harness<'_, App>) -> (Vec<usize>, u64) {
    h.step();
    let (rows, minutes) = h.state_mut().views_mut().log.rows();
    (rows.to_vec(), minutes)
}

fn log_of(plan: Plan, skill: SkillId, dir: &std::path::Path) -> Harness<'static, App> {
    let mut h = plan_app(
        plan,
        settings(dir, date(2026, 11, 25)),
        egui::vec2(1280.0, 800.0),
    );
    h.state_mut().set_view(View::Log);
    h.state_mut().views_mut().log.filter.skill = Some(skill);
    h.step();
    h
}

#[test]
fn changing_one_entry_in_the_log_keeps_the_rows_a_fresh_open_would_show() {
    type Change = fn(&mut LogEntry, SkillId);
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = stepstone::io::sample_plan();
    let skill = plan
        .log
        .iter()
        .find_map(|e| e.skills.first().copied())
        .expect("a skill");
    let mut h = log_of(plan, skill, dir.path());
    let at = h.state().plan().log.len() / 2;
    let changes: Vec<(&str, Change)> = vec![
        ("to an older day", |e, _| e.date = date(2025, 2, 3)),
        ("more minutes", |e, _| e.minutes += 40),
        ("without the skill", |e, s| e.skills.retain(|x| *x != s)),
        ("with the skill", |e, s| e.skills.push(s)),
        ("to today", |e, _| e.date = date(2026, 11, 25)),
    ];
    for (what, change) in changes {
        let mut e = h.state().plan().log[at].clone();
        change(&mut e, skill);
        h.state_mut()
            .apply_edit(Edit::Put(Item::Entry(e)))
            .expect("changes");
        let shown = rows(&mut h);
        let mut fresh = log_of(h.state().plan().clone(), skill, dir.path());
        assert_eq!(shown, rows(&mut fresh), "{what}");
    }
    assert!(
        rows(&mut h).0.contains(&at),
        "the entry is shown again once it has the skill"
    );
}
