//! The Insights view driven with `egui_kittest`: every plot draws on the
//! sample plan, the weekly split switches, and a click on a bar opens the Log
//! filtered to the entries behind it.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::settings;
use egui::{Event, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
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

#[test]
fn a_click_on_a_weekly_bar_opens_the_log_on_its_entries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = insights(dir.path());
    let rect = h.get_by_label("Hours per week (plot)").rect();
    // The newest weeks are on the right; the bars rise from the bottom.
    for f in [0.93, 0.9, 0.87, 0.84, 0.8, 0.75, 0.7] {
        let x = rect.min.x + (rect.width() * f);
        let y = rect.max.y - rect.height() * 0.1;
        common::ui::click_at(&mut h, Pos2::new(x as f32, y as f32));
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
            common::ui::click_at(&mut h, Pos2::new(x as f32, y as f32));
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

/// A new person's plan (see `common::early`) on Insights, in a window tall
/// enough for every card.
fn early(dir: &std::path::Path, log: common::early::Log) -> Harness<'static, App> {
    let mut h = common::ui::plan_app(
        common::early::early_plan(log),
        settings(dir, common::early::TODAY),
        egui::vec2(1280.0, 2600.0),
    );
    h.state_mut().set_view(View::Insights);
    h.run();
    h
}

/// Every text on screen (AccessKit keeps a `Label`'s text as its value).
fn labels(h: &Harness<'_, App>) -> Vec<String> {
    h.query_all_by(|n| n.label().is_some() || n.value().is_some())
        .filter_map(|n| {
            let n = n.accesskit_node();
            n.label().or_else(|| n.value())
        })
        .collect()
}

/// The years named on screen: any four digits from 1900 to 2199 standing alone.
fn years(labels: &[String]) -> Vec<u32> {
    labels
        .iter()
        .flat_map(|l| {
            l.split(|c: char| !c.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse::<u32>().ok())
                .filter(|y| (1900..2200).contains(y))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Moves the pointer over `rect` (left to right, then down) until a
/// tooltip holding every one of `words` shows; returns its text.
fn hover_until(h: &mut Harness<'_, App>, plot: &str, words: &[&str]) -> Option<String> {
    let rect = h.get_by_label(plot).rect();
    for fy in [0.5, 0.3, 0.7, 0.15, 0.85, 0.6, 0.4, 0.2, 0.8] {
        for i in 0..=50 {
            let fx = i as f32 / 50.0;
            let pos = Pos2::new(
                rect.min.x + rect.width() * fx,
                rect.min.y + rect.height() * fy,
            );
            h.event(Event::PointerMoved(pos));
            h.run();
            if let Some(text) = labels(h)
                .into_iter()
                .find(|l| words.iter().all(|w| l.contains(w)))
            {
                return Some(text);
            }
        }
    }
    None
}

#[test]
fn three_days_of_log_draw_every_card_with_honest_words_and_dates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = early(dir.path(), common::early::Log::ThreeDays);
    for plot in PLOTS {
        assert!(h.query_by_label(plot).is_some(), "{plot} is drawn");
    }
    // The forecast is one of the honest forms, and says what it takes.
    assert!(
        h.query_by_label(
            "Too early to tell: record a level rise when you reach one, and log for 4 more weeks."
        )
        .is_some()
    );
    assert!(
        h.query_by_label_contains("To be ready by Jun 2028: 1 level every 4 months")
            .is_some()
    );
    assert!(
        h.query_by_label("Too early to tell").is_some(),
        "the options table"
    );
    // The time linked to skills but no goal is named for what it is.
    assert!(h.query_by_label("No goal").is_some());
    assert!(h.query_by_label("Not linked").is_none());
    // No absurd date: every year named is between the plan's and ten years on.
    let named = years(&labels(&h));
    assert!(!named.is_empty(), "some dates are named");
    assert!(
        named.iter().all(|y| (2025..=2036).contains(y)),
        "years named: {named:?}"
    );
    // The evidence rows count days, not "daies".
    assert!(h.query_by_label_contains("daies").is_none());
}

#[test]
fn three_days_of_log_have_points_that_tell_their_value_on_hover() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = early(dir.path(), common::early::Log::ThreeDays);
    // Readiness from the plan's first day: 2 of 4 + 1 of 3 + 2 of 3, over 3.
    let ready = hover_until(
        &mut h,
        "Readiness over time (plot)",
        &["Inventory planner", "50%"],
    );
    assert!(ready.is_some(), "a readiness point tells its value");
    let level = hover_until(
        &mut h,
        "Skill levels over time (plot)",
        &["Forecasting", "level 1"],
    );
    assert!(level.is_some(), "a level marker tells its value");
    let hours = hover_until(
        &mut h,
        "Hours so far per goal (plot)",
        &["Learn demand planning", "1 h 55 min"],
    );
    assert!(hours.is_some(), "the hours so far tell their value");
}

#[test]
fn an_empty_log_still_shows_readiness_levels_and_what_logging_adds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = early(dir.path(), common::early::Log::Empty);
    for plot in [
        "Readiness over time (plot)",
        "Skill levels over time (plot)",
    ] {
        assert!(h.query_by_label(plot).is_some(), "{plot} is drawn");
    }
    assert!(
        h.query_by_label_contains("Insights come from your daily log")
            .is_some()
    );
    assert!(h.query_by_label("Log what I did today").is_some());
    assert!(h.query_by_label("Hours per week (plot)").is_none());
    assert!(h.query_by_label("Options compared").is_some());
}

/// The day the pointer is over at the left edge of a plot, from its tooltip
/// ("Mon 24 Aug 2026", or a series' name and then that).
fn first_day_shown(h: &mut Harness<'_, App>, plot: &str) -> jiff::civil::Date {
    let rect = h.get_by_label(plot).rect();
    let pos = Pos2::new(rect.min.x + 2.0, rect.min.y + rect.height() * 0.9);
    h.event(Event::PointerMoved(pos));
    h.run();
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    labels(h)
        .iter()
        .find_map(|l| {
            let line = l.lines().last()?;
            let words: Vec<&str> = line.split([' ', ':']).filter(|w| !w.is_empty()).collect();
            let [_, day, month, year, ..] = words.as_slice() else {
                return None;
            };
            let month = months.iter().position(|m| m == month)?;
            jiff::civil::Date::new(
                year.parse().ok()?,
                i8::try_from(month + 1).ok()?,
                day.parse().ok()?,
            )
            .ok()
        })
        .expect("a tooltip naming the day")
}

#[test]
fn the_window_buttons_set_how_far_back_the_plots_go() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = insights(dir.path());
    let plot = "Readiness over time (plot)";
    h.get_by_label("3 months").click();
    h.run();
    let three = first_day_shown(&mut h, plot);
    // Three months before Wed 25 Nov, from its Monday: 24 Aug (a few days'
    // margin either side for the plot's edge).
    let days = |a: jiff::civil::Date, b: jiff::civil::Date| a.until(b).expect("span").get_days();
    assert!(
        days(date(2026, 8, 24), three).abs() <= 7,
        "3 months from {three}"
    );
    h.get_by_label("12 months").click();
    h.run();
    let year = first_day_shown(&mut h, plot);
    assert!(
        days(year, three) > 60,
        "12 months from {year}, 3 months from {three}"
    );
    assert!(
        year >= date(2025, 11, 17),
        "no further back than 12 months: {year}"
    );
}

#[test]
fn every_click_through_on_three_days_opens_the_log_with_real_dates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = early(dir.path(), common::early::Log::ThreeDays);
    let mut opened = 0;
    for plot in PLOTS {
        for (fx, fy) in [(0.97, 0.9), (0.9, 0.8), (0.5, 0.5), (0.05, 0.5), (0.2, 0.1)] {
            h.state_mut().set_view(View::Insights);
            h.run();
            let Some(node) = h.query_by_label(plot) else {
                continue;
            };
            let rect = node.rect();
            let pos = Pos2::new(
                rect.min.x + rect.width() * fx,
                rect.min.y + rect.height() * fy,
            );
            common::ui::click_at(&mut h, pos);
            if h.state().view() != View::Log {
                continue;
            }
            opened += 1;
            let filter = h.state_mut().views_mut().log.filter.clone();
            let to = filter.to.expect("a last day");
            assert!(
                (date(2026, 1, 1)..=date(2027, 1, 31)).contains(&to),
                "{plot}: to {to}"
            );
            if let Some(from) = filter.from {
                assert!(
                    from <= to && from >= date(2026, 1, 1),
                    "{plot}: {from} to {to}"
                );
            }
            assert!(
                h.query_by_label_contains("is not a date").is_none(),
                "{plot}"
            );
        }
    }
    assert!(opened >= 4, "{opened} clicks opened the Log");
}
