//! No edit lands on the wrong row: a list that sorts never moves a row from
//! under the pointer or the keyboard while the person is editing it.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::settings;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use stepstone::model::{Goal, GoalId, GoalKind, Milestone, MilestoneId, Plan};
use stepstone::ui::commands::View;

/// A goal due 31 May 2027 with three milestones: the first due 1 Dec, the
/// second without a date, the third due 1 Feb.
fn plan() -> Plan {
    let milestone = |id, title: &str, due| Milestone {
        due,
        ..Milestone::new(MilestoneId(id), title)
    };
    Plan {
        goals: vec![Goal {
            due: Some(date(2027, 5, 31)),
            milestones: vec![
                milestone(1, "First", Some(date(2026, 12, 1))),
                milestone(2, "Second", None),
                milestone(3, "Third", Some(date(2027, 2, 1))),
            ],
            ..Goal::new(GoalId(1), "Learn demand planning", GoalKind::Learning)
        }],
        ..Plan::default()
    }
}

#[test]
fn ticking_due_on_milestone_two_then_typing_a_date_changes_milestone_two() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = common::ui::plan_app(
        plan(),
        settings(dir.path(), date(2026, 11, 25)),
        egui::vec2(1280.0, 1000.0),
    );
    h.state_mut().set_view(View::Goals);
    h.state_mut().views_mut().goals.selected = Some(GoalId(1));
    h.run();
    // The goal's own "Due", then one per milestone in the order written.
    let due = |h: &egui_kittest::Harness<'_, stepstone::ui::App>, role, i: usize| {
        h.query_all_by_role_and_label(role, "Due")
            .nth(i)
            .expect("a Due")
            .rect()
    };
    let tick = due(&h, Role::CheckBox, 2);
    common::ui::click_at(&mut h, tick.center());
    h.run();
    let m = |h: &egui_kittest::Harness<'_, stepstone::ui::App>, id| {
        h.state()
            .plan()
            .milestone(MilestoneId(id))
            .and_then(|(_, m)| m.due)
    };
    assert_eq!(
        m(&h, 2),
        Some(date(2027, 5, 31)),
        "starts at the goal's date, not today"
    );
    // The date box now at milestone 2's place is milestone 2's.
    let boxed = due(&h, Role::TextInput, 2);
    common::ui::click_at(&mut h, boxed.center());
    h.run();
    common::ui::press(&mut h, Modifiers::COMMAND, Key::A);
    common::ui::type_text(&mut h, "2027-01-10");
    common::ui::press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(m(&h, 2), Some(date(2027, 1, 10)));
    assert_eq!(m(&h, 1), Some(date(2026, 12, 1)), "the first is untouched");
    assert_eq!(m(&h, 3), Some(date(2027, 2, 1)), "the third is untouched");
    // The keyboard stays in that box after Enter: more typing goes there too.
    common::ui::press(&mut h, Modifiers::COMMAND, Key::A);
    common::ui::type_text(&mut h, "2027-01-12");
    common::ui::press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(m(&h, 2), Some(date(2027, 1, 12)));
    assert_eq!(m(&h, 1), Some(date(2026, 12, 1)));
}
