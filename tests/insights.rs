//! The Insights view driven with `egui_kittest`: every plot draws on the
//! sample plan, the weekly split switches, and a click on a bar opens the Log
//! filtered to the entries behind it.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::settings;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use stepstone::ui::App;
use stepstone::ui::commands::View;

/// The sample plan in a window tall enough for every plot, on Insights.
fn insights(dir: &std::path::Path) -> Harness<'static, App> {
    let s = settings(dir, date(2026, 11, 25));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 2600.0))
        .build_eframe(move |_| App::from_plan(stepstone::io::sample_plan(), s));
    h.state_mut().set_view(View::Insights);
    h.run();
    h
}

const PLOTS: [&str; 9] = [
    "Readiness over time (plot)",
    "Hours per week (plot)",
    "Hours so far per goal (plot)",
    "Alignment per week (plot)",
    "Skill levels over time (plot)",
    "Milestone burn-up (plot)",
    "Evidence per skill (plot)",
    "Experience balance per month (plot)",
    "Logging calendar (plot)",
];

#[test]
fn every_plot_draws_something_for_the_sample() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = insights(dir.path());
    for plot in PLOTS {
        assert!(h.query_by_label(plot).is_some(), "{plot} is drawn");
    }
    for title in [
        "Goals: pace",
        "Target roles: readiness and arrival",
        "Options compared",
        "Logging calendar",
    ] {
        assert!(h.query_by_label(title).is_some(), "{title}");
    }
    for empty in [
        "Nothing logged yet.",
        "No milestones yet: add some under a goal.",
    ] {
        assert!(
            h.query_by_label(empty).is_none(),
            "the sample fills every plot"
        );
    }
    // Pace badges for the sample's goals with due dates.
    let badges = ["On track", "Behind", "At risk"]
        .iter()
        .map(|b| h.query_all_by_label(b).count())
        .sum::<usize>();
    assert!(badges >= 4, "{badges} goals have a pace status");
}

#[test]
fn the_weekly_split_switches_between_goals_and_skills() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = insights(dir.path());
    let plan = h.state().plan().clone();
    let count = |h: &Harness<'_, App>, label: &str| h.query_all_by_label(label).count();
    let goal = plan.goals[0].title.clone();
    let skill = plan
        .skills
        .iter()
        .map(|s| s.name.clone())
        .max_by_key(|n| {
            plan.log
                .iter()
                .filter(|e| {
                    e.skills
                        .iter()
                        .any(|s| plan.skill(*s).is_some_and(|k| &k.name == n))
                })
                .count()
        })
        .expect("a skill");
    let (goals_before, skills_before) = (count(&h, &goal), count(&h, &skill));
    h.get_by_label("Skill").click();
    h.run();
    assert!(
        count(&h, &goal) < goals_before,
        "goal series leave the legend"
    );
    assert!(count(&h, &skill) > skills_before, "skill series join it");
}

/// Clicks at `pos` with the primary button.
fn click_at(h: &mut Harness<'_, App>, pos: Pos2) {
    h.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

#[test]
fn a_click_on_a_weekly_bar_opens_the_log_on_its_entries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = insights(dir.path());
    let rect = h.get_by_label("Hours per week (plot)").rect();
    // The newest weeks are on the right; the bars rise from the bottom.
    for f in [0.93, 0.9, 0.87, 0.84, 0.8, 0.75, 0.7] {
        let x = rect.min.x + (rect.width() * f);
        let y = rect.max.y - rect.height() * 0.1;
        click_at(&mut h, Pos2::new(x as f32, y as f32));
        if h.state().view() == View::Log {
            break;
        }
    }
    assert_eq!(h.state().view(), View::Log, "a bar click opens the Log");
    let filter = h.state_mut().views_mut().log.filter.clone();
    let (from, to) = (filter.from.expect("from"), filter.to.expect("to"));
    assert_eq!(from.weekday(), jiff::civil::Weekday::Monday);
    assert_eq!(
        to,
        from.checked_add(jiff::Span::new().days(6)).expect("sunday")
    );
    let shown = h.state_mut().views_mut().log.shown();
    let behind = h
        .state()
        .plan()
        .log
        .iter()
        .filter(|e| e.date >= from && e.date <= to)
        .filter(|e| filter.goal.is_none_or(|g| e.goals.contains(&g)))
        .filter(|e| filter.skill.is_none_or(|s| e.skills.contains(&s)))
        .count();
    assert!(
        shown > 0 && shown == behind,
        "{shown} shown, {behind} behind the bar"
    );
}

#[test]
fn a_click_on_an_evidence_bar_opens_the_log_with_no_made_up_first_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = insights(dir.path());
    let label = "Evidence per skill (plot)";
    h.get_by_label(label).scroll_to_me();
    h.run();
    let rect = h.get_by_label(label).rect();
    'search: for fy in [0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6] {
        for fx in [0.08, 0.15, 0.25] {
            let x = rect.min.x + rect.width() * fx;
            let y = rect.min.y + rect.height() * fy;
            click_at(&mut h, Pos2::new(x as f32, y as f32));
            if h.state().view() == View::Log {
                break 'search;
            }
        }
    }
    assert_eq!(h.state().view(), View::Log, "a bar click opens the Log");
    let filter = h.state_mut().views_mut().log.filter.clone();
    assert!(filter.skill.is_some(), "on the bar's skill");
    assert_eq!(
        filter.from, None,
        "from the first entry, not from year -9999"
    );
    assert!(h.query_by_label_contains("is not a date").is_none());
}
