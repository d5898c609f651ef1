//! What the roadmap says on hover: the milestone, target date or role
//! under the pointer, and the date.

use super::lanes::{BAR_HALF_HEIGHT, Target, bar_x, future, lane, target_series};
use super::milestones::{DONE_SERIES, Dot, OPEN_SERIES};
use crate::model::{Goal, Milestone, Plan, Role, RoleSpan};
use crate::time_axis::date_at;
use egui_plot::{HoverPosition, PlotPoint};
use jiff::civil::Date;

fn long_date(d: Date) -> String {
    d.strftime("%-d %b %Y").to_string()
}

/// What a milestone's dot says on hover: its title, its goal, and when it
/// was done or is due.
fn milestone_text(m: &Milestone, goal: &Goal, today: Date) -> String {
    let when = match (m.done, m.due) {
        (Some(done), Some(due)) => format!("Done {} (due {})", long_date(done), long_date(due)),
        (Some(done), None) => format!("Done {}", long_date(done)),
        (None, Some(due)) if due < today => format!("Due {}, overdue", long_date(due)),
        (None, Some(due)) => format!("Due {}", long_date(due)),
        (None, None) => "No date yet".to_string(),
    };
    format!("{}\nGoal: {}\n{when}", m.title, goal.title)
}

/// The role whose bar (at least `min_bar` days wide) is at a point of the plot.
pub(super) fn span_at(spans: &[RoleSpan], at: PlotPoint, min_bar: f64) -> Option<&RoleSpan> {
    spans.iter().find(|s| {
        let (x0, x1) = bar_x(s, min_bar);
        (at.y - lane(s.stage)).abs() <= BAR_HALF_HEIGHT && at.x >= x0 && at.x <= x1
    })
}

/// What the plot's points are, for their hover text.
pub(super) struct Dots<'a, 'p> {
    pub(super) done: &'a [Dot<'p>],
    pub(super) open: &'a [Dot<'p>],
    pub(super) targets: &'a [Target<'p>],
}

/// The hover label: a milestone or target date near the pointer, else the
/// role under it, and the date.
pub(super) fn hover_text(
    hover: &HoverPosition<'_>,
    plan: &Plan,
    spans: &[RoleSpan],
    dots: &Dots<'_, '_>,
    min_bar: f64,
    today: Date,
) -> Option<String> {
    let position = match *hover {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            index,
        } => {
            let milestones = match plot_name {
                DONE_SERIES => dots.done,
                OPEN_SERIES => dots.open,
                _ => &[],
            };
            if let Some(d) = milestones.get(index) {
                return Some(milestone_text(d.milestone, d.goal, today));
            }
            let target = dots
                .targets
                .iter()
                .filter(|t| target_series(t.stage) == plot_name)
                .nth(index);
            if let Some(t) = target {
                return Some(format!(
                    "{}\nHope to start by {}",
                    t.role.title,
                    t.at.strftime("%b %Y")
                ));
            }
            position
        }
        HoverPosition::Elsewhere { position } => position,
    };
    let day = long_date(date_at(position.x)?);
    let role = span_at(spans, position, min_bar).and_then(|s| Some((s, plan.role(s.role)?)));
    Some(match role {
        Some((s, r)) => format!("{}\n{day}", role_text(s, r)),
        None => day,
    })
}

/// What a role's bar says on hover: its title and stage, and its span; a
/// role not held yet says so, with when it is hoped for.
fn role_text(s: &RoleSpan, r: &Role) -> String {
    let month = |d: Date| d.strftime("%b %Y").to_string();
    let stage = s.stage.label().to_lowercase();
    if !future(s.stage) {
        return format!(
            "{} ({stage})\n{} to {}",
            r.title,
            month(s.from),
            month(s.to)
        );
    }
    let when = match r.target_date {
        Some(t) if s.from < t => format!("from {}, hope to start by {}", month(s.from), month(t)),
        Some(t) => format!("hope to start by {}", month(t)),
        None => format!("from {} (no target date)", month(s.from)),
    };
    format!("{} ({stage}, not held yet)\n{when}", r.title)
}

#[cfg(test)]
mod tests {
    use super::super::lanes::{MILESTONE_LANE, target_marks, x_of};
    use super::super::milestones::milestone_dots;
    use super::*;
    use crate::model::{RoleId, Stage, role_spans};

    const NO_DOTS: Dots<'static, 'static> = Dots {
        done: &[],
        open: &[],
        targets: &[],
    };

    /// A current role from 2024 leading to a next role hoped for by June
    /// 2028, the current role ending when `current_end` says.
    fn path(current_end: Option<Date>) -> Plan {
        let mut current = Role::new(RoleId(1), "Clinical educator", Stage::Current);
        current.start = Some(Date::constant(2024, 1, 8));
        current.end = current_end;
        current.leads_to = vec![RoleId(2)];
        let mut next = Role::new(RoleId(2), "Program manager", Stage::Next);
        next.target_date = Some(Date::constant(2028, 6, 1));
        Plan {
            roles: vec![current, next],
            ..Plan::default()
        }
    }

    #[test]
    fn a_future_role_is_not_drawn_as_held_today() {
        let today = Date::constant(2026, 11, 25);
        let hover = |plan: &Plan, d: Date, stage: Stage| {
            let spans = role_spans(plan, today);
            let at = HoverPosition::Elsewhere {
                position: PlotPoint::new(x_of(d) + 0.5, lane(stage)),
            };
            hover_text(&at, plan, &spans, &NO_DOTS, 10.0, today).unwrap_or_default()
        };
        // The current role has no planned end: the next role is a short
        // bar at its target date, nothing before it.
        let plan = path(None);
        let spans = role_spans(&plan, today);
        let target = x_of(Date::constant(2028, 6, 1));
        assert_eq!(bar_x(&spans[1], 10.0), (target, target + 10.0));
        assert_eq!(hover(&plan, today, Stage::Next), "25 Nov 2026");
        assert_eq!(
            hover(&plan, Date::constant(2028, 6, 3), Stage::Next),
            "Program manager (next, not held yet)\nhope to start by Jun 2028\n3 Jun 2028"
        );
        // The current role ends in March 2027: the next one starts there.
        let plan = path(Some(Date::constant(2027, 3, 31)));
        let spans = role_spans(&plan, today);
        assert_eq!(
            bar_x(&spans[1], 10.0),
            (x_of(Date::constant(2027, 3, 31)), target)
        );
        assert_eq!(hover(&plan, today, Stage::Next), "25 Nov 2026");
        assert_eq!(
            hover(&plan, Date::constant(2027, 9, 1), Stage::Next),
            "Program manager (next, not held yet)\nfrom Mar 2027, hope to start by Jun 2028\n1 Sep 2027"
        );
        // The roles held say so plainly.
        assert_eq!(
            hover(&plan, today, Stage::Current),
            "Clinical educator (current)\nJan 2024 to Mar 2027\n25 Nov 2026"
        );
    }

    #[test]
    fn a_future_roles_target_date_is_marked_and_named_on_hover() {
        let today = Date::constant(2026, 11, 25);
        let plan = path(None);
        let spans = role_spans(&plan, today);
        let targets = target_marks(&plan, &spans);
        let marked: Vec<(Date, Stage)> = targets.iter().map(|t| (t.at, t.stage)).collect();
        assert_eq!(marked, [(Date::constant(2028, 6, 1), Stage::Next)]);
        let dots = Dots {
            done: &[],
            open: &[],
            targets: &targets,
        };
        let near = HoverPosition::NearDataPoint {
            plot_name: target_series(Stage::Next),
            position: PlotPoint::new(x_of(Date::constant(2028, 6, 1)), lane(Stage::Next)),
            index: 0,
        };
        assert_eq!(
            hover_text(&near, &plan, &spans, &dots, 10.0, today).as_deref(),
            Some("Program manager\nHope to start by Jun 2028")
        );
    }

    #[test]
    fn a_milestone_on_hover_names_itself_its_goal_and_its_date() {
        let today = Date::constant(2026, 11, 25);
        let goal = Goal::new(
            crate::model::GoalId(1),
            "Lead the residency",
            crate::model::GoalKind::Learning,
        );
        let mut m = Milestone::new(crate::model::MilestoneId(4), "Pass the CNE exam");
        m.due = Some(Date::constant(2026, 12, 3));
        assert_eq!(
            milestone_text(&m, &goal, today),
            "Pass the CNE exam\nGoal: Lead the residency\nDue 3 Dec 2026"
        );
        m.due = Some(Date::constant(2026, 11, 1));
        assert!(milestone_text(&m, &goal, today).ends_with("Due 1 Nov 2026, overdue"));
        m.done = Some(Date::constant(2026, 11, 20));
        assert!(milestone_text(&m, &goal, today).ends_with("Done 20 Nov 2026 (due 1 Nov 2026)"));
    }

    #[test]
    fn the_hovered_point_finds_its_own_milestone() {
        let today = Date::constant(2026, 11, 25);
        let mut plan = Plan::default();
        let mut g1 = Goal::new(
            crate::model::GoalId(1),
            "First goal",
            crate::model::GoalKind::Learning,
        );
        let mut a = Milestone::new(crate::model::MilestoneId(1), "A (done)");
        a.done = Some(Date::constant(2026, 1, 1));
        let mut b = Milestone::new(crate::model::MilestoneId(2), "B (to come)");
        b.due = Some(Date::constant(2027, 1, 1));
        let undated = Milestone::new(crate::model::MilestoneId(3), "Undated");
        g1.milestones = vec![a, undated, b];
        let mut g2 = Goal::new(
            crate::model::GoalId(2),
            "Second goal",
            crate::model::GoalKind::Learning,
        );
        let mut c = Milestone::new(crate::model::MilestoneId(4), "C (done)");
        c.done = Some(Date::constant(2026, 5, 1));
        g2.milestones = vec![c];
        plan.goals = vec![g1, g2];
        let (done, open) = milestone_dots(&plan);
        let hover = |name, index| {
            hover_text(
                &HoverPosition::NearDataPoint {
                    plot_name: name,
                    position: PlotPoint::new(0.0, MILESTONE_LANE),
                    index,
                },
                &plan,
                &[],
                &Dots {
                    done: &done,
                    open: &open,
                    targets: &[],
                },
                0.0,
                today,
            )
            .unwrap_or_default()
        };
        assert!(hover(DONE_SERIES, 1).starts_with("C (done)\nGoal: Second goal"));
        assert!(hover(OPEN_SERIES, 0).starts_with("B (to come)\nGoal: First goal"));
        assert_eq!(
            hover(OPEN_SERIES, 1),
            "1 Jan 1970",
            "no such point: the date"
        );
    }

    #[test]
    fn hovering_a_role_bar_names_the_role_and_its_span() {
        let mut role = Role::new(RoleId(2), "Charge Nurse, 4 West", Stage::Past);
        role.start = Some(Date::constant(2019, 9, 30));
        role.end = Some(Date::constant(2022, 3, 25));
        let plan = Plan {
            roles: vec![role],
            ..Plan::default()
        };
        let today = Date::constant(2026, 11, 25);
        let spans = role_spans(&plan, today);
        let at = |d: Date, y: f64| HoverPosition::Elsewhere {
            position: PlotPoint::new(x_of(d) + 0.5, y),
        };
        let on_bar = at(Date::constant(2021, 1, 12), lane(Stage::Past) + 0.2);
        assert_eq!(
            hover_text(&on_bar, &plan, &spans, &NO_DOTS, 0.0, today).as_deref(),
            Some("Charge Nurse, 4 West (past)\nSep 2019 to Mar 2022\n12 Jan 2021")
        );
        let above = at(Date::constant(2021, 1, 12), lane(Stage::Past) + 0.5);
        assert_eq!(
            hover_text(&above, &plan, &spans, &NO_DOTS, 0.0, today).as_deref(),
            Some("12 Jan 2021")
        );
    }

    #[test]
    fn far_zoomed_hover_has_no_date_rather_than_a_crash() {
        let hover = HoverPosition::Elsewhere {
            position: PlotPoint::new(1.0e12, 0.0),
        };
        assert_eq!(
            hover_text(&hover, &Plan::default(), &[], &NO_DOTS, 0.0, Date::MIN),
            None
        );
    }
}
