//! The Roadmap driven through its UI with `egui_kittest`: zooming to the ends
//! of the calendar, hovering a milestone, and starting from an empty plan.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use egui_plot::{PlotMemory, PlotPoint};
use jiff::civil::{Date, date};
use stepstone::model::{Goal, GoalId, GoalKind, Milestone, MilestoneId, Plan, Role, RoleId, Stage};
use stepstone::time_axis::{date_at, day_of};
use stepstone::ui::storage::AppDirs;
use stepstone::ui::views::roadmap::PLOT_ID;
use stepstone::ui::{App, Settings};

const TODAY: Date = Date::constant(2026, 11, 25);

fn app(dir: &std::path::Path, plan: Plan) -> Harness<'static, App> {
    let settings = Settings {
        dirs: AppDirs::in_folder(dir),
        native_dialogs: false,
        today: Some(TODAY),
        welcome: false,
        live_sample: false,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_| App::from_plan(plan, settings));
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Roadmap")
        .click();
    h.run();
    h
}

fn plot(h: &Harness<'_, App>) -> PlotMemory {
    PlotMemory::load(&h.ctx, egui::Id::unique(PLOT_ID)).expect("the roadmap plot has drawn")
}

/// The visible x range of the plot, in days.
fn x_range(h: &Harness<'_, App>) -> (f64, f64) {
    let b = *plot(h).bounds();
    (b.min()[0], b.max()[0])
}

fn zoom(h: &mut Harness<'_, App>, factor: f32, times: usize) {
    let centre = plot(h).transform().frame().center();
    for _ in 0..times {
        h.hover_at(centre);
        h.event(egui::Event::Zoom(factor));
        h.run();
    }
}

/// The caption under the plot: "Showing 2 Mar 2026 to 14 Apr 2026".
fn caption(h: &Harness<'_, App>) -> Option<String> {
    h.query_by_label_contains("Showing ")
        .and_then(|n| n.value())
}

#[test]
fn zooming_to_the_ends_of_the_calendar_and_back_never_panics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), stepstone::io::sample_plan());
    let (first, last) = x_range(&h);
    let span = |r: (f64, f64)| r.1 - r.0;
    assert!(
        date_at(first) < Some(date(2015, 1, 1)) && date_at(last) > Some(date(2030, 1, 1)),
        "the sample's whole path fits at first: {:?} to {:?}",
        date_at(first),
        date_at(last)
    );
    let fitted = span((first, last));

    // Far out: past -9999 and 9999, where jiff has no dates.
    zoom(&mut h, 0.1, 12);
    let out = x_range(&h);
    assert!(span(out) > fitted * 1e10, "zoomed out: {out:?}");
    assert_eq!(
        caption(&h).as_deref(),
        Some("Showing 1 Jan -9999 to 31 Dec 9999"),
        "the caption stops at the calendar's ends"
    );

    // Far in: a tiny fraction of a day.
    zoom(&mut h, 10.0, 22);
    let inside = x_range(&h);
    assert!(span(inside) < 0.01, "zoomed in: {inside:?}");
    let text = |x| {
        date_at(x)
            .expect("a date in view")
            .strftime("%-d %b %Y")
            .to_string()
    };
    assert_eq!(
        caption(&h),
        Some(format!("Showing {} to {}", text(inside.0), text(inside.1)))
    );

    // Nothing in the plan changed, and the app still draws its other views.
    assert_eq!(h.state().plan(), &stepstone::io::sample_plan());
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Skills")
        .click();
    h.run();
    assert!(h.query_by_label("Budgeting").is_some());
}

#[test]
fn hovering_a_milestone_names_it_its_goal_and_its_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut goal = Goal::new(GoalId(1), "Become a certified educator", GoalKind::Learning);
    let mut m = Milestone::new(MilestoneId(1), "Pass the CNE exam");
    m.due = Some(date(2026, 12, 3));
    goal.milestones.push(m);
    let plan = Plan {
        goals: vec![goal],
        ..Plan::default()
    };
    let mut h = app(dir.path(), plan);
    let transform = plot(&h).transform();
    // The milestones' lane is the top one, at y = 5.
    let dot = transform.position_from_point(&PlotPoint::new(day_of(date(2026, 12, 3)), 5.0));
    assert!(transform.frame().contains(dot), "the dot is in view");
    h.hover_at(dot);
    h.run();
    let tip = h
        .query_by_label_contains("Pass the CNE exam")
        .expect("the milestone's title shows on hover");
    let text = tip.value().unwrap_or_default();
    assert!(text.contains("Goal: Become a certified educator"), "{text}");
    assert!(text.contains("Due 3 Dec 2026"), "{text}");
}

#[test]
fn an_empty_roadmap_says_what_to_do_first_and_does_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), Plan::default());
    assert!(h.query_by_label_contains("Your roadmap is empty").is_some());
    // Two years of calendar around today, not a week of "Nov 2026".
    let (first, last) = x_range(&h);
    assert!(last - first > 700.0, "{first}..{last}");
    let today = day_of(TODAY);
    assert!(
        first < today - 150.0 && last > today + 500.0,
        "{first}..{last}"
    );

    h.get_by_label_contains("Add my current role").click();
    h.run();
    let roles = &h.state().plan().roles;
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0].stage, Stage::Current);
    assert_eq!(roles[0].start, Some(TODAY));
    assert!(
        h.query_by_label_contains("Your roadmap is empty").is_none(),
        "the empty state goes once there is a role"
    );
    assert!(
        h.query_by_label_contains("Delete this role").is_some(),
        "the new role's editor is open"
    );
}

/// A current role held since 2024 (no planned end) leading to a next role
/// hoped for by June 2028, on lane 2 of the roadmap.
fn path_to_next_role() -> Plan {
    let mut current = Role::new(RoleId(1), "Clinical educator", Stage::Current);
    current.start = Some(date(2024, 1, 8));
    current.leads_to = vec![RoleId(2)];
    let mut next = Role::new(RoleId(2), "Program manager", Stage::Next);
    next.target_date = Some(date(2028, 6, 1));
    Plan {
        roles: vec![current, next],
        ..Plan::default()
    }
}

#[test]
fn the_next_role_sits_at_its_target_date_not_under_today() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), path_to_next_role());
    let transform = plot(&h).transform();
    let at = |d: Date, dx: f32| {
        transform.position_from_point(&PlotPoint::new(day_of(d), 2.0)) + egui::vec2(dx, 0.0)
    };
    // Today, in the next role's lane: only the date, no role held.
    h.hover_at(at(TODAY, 0.0));
    h.run();
    assert!(h.query_by_label_contains("25 Nov 2026").is_some());
    assert!(
        h.query_by_label_contains("Program manager (next").is_none(),
        "the next role is not drawn from today"
    );
    // Its target date is marked, and says so.
    h.hover_at(at(date(2028, 6, 1), 0.0));
    h.run();
    let tip = h
        .query_by_label_contains("Hope to start by Jun 2028")
        .expect("the target date's marker names it");
    assert!(tip.value().unwrap_or_default().contains("Program manager"));
    // Just after it, its short bar: not held yet, and a click opens it.
    h.hover_at(at(date(2028, 6, 1), 6.0));
    h.run();
    assert!(
        h.query_by_label_contains("Program manager (next, not held yet)")
            .is_some()
    );
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at(date(2028, 6, 1), 6.0),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
    assert_eq!(
        h.state_mut().views_mut().roadmap.selected,
        Some(RoleId(2)),
        "the short bar is there to click"
    );
}
