//! A plan at a glance, for a mentor's folder of plans: where the person
//! stands, how ready they are for their next role and when they would get
//! there, which goals are at risk, and how much they logged lately. Made
//! from the same numbers as Today and Insights, so the two never disagree.
//! No egui here.

use super::insights::{Forecast, Insights, LogTotals, Outlook};
use super::metrics::{self, Readiness};
use super::plan::Plan;
use jiff::ToSpan;
use jiff::civil::Date;

/// "The last 4 weeks": today and the 27 days before it.
pub const RECENT_DAYS: i32 = 28;

/// One plan summed up in a row.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    /// Whose plan it is, as the plan says (may be empty).
    pub owner: String,
    pub current_role: Option<String>,
    /// The role being worked toward (see `metrics::next_role`).
    pub next_role: Option<String>,
    /// Readiness for the next role; `None` without one, or when it lists no
    /// required skills.
    pub readiness: Option<Readiness>,
    /// The next role's forecast (`model::insights::forecast`); `None` on
    /// the same terms as `readiness`.
    pub forecast: Option<Forecast>,
    /// The titles of the open goals at risk, in plan order.
    pub goals_at_risk: Vec<String>,
    /// The latest day up to today with something logged.
    pub last_logged: Option<Date>,
    /// Minutes logged in the last [`RECENT_DAYS`] days, today included.
    pub recent_minutes: u64,
}

impl Overview {
    /// Sums up `plan` as it stands on `today`.
    pub fn of(plan: &Plan, today: Date) -> Self {
        let totals = LogTotals::new(plan);
        let insights = Insights::summary(plan, &totals, today);
        let next = metrics::next_role(plan);
        let option = next.and_then(|r| insights.options.iter().find(|o| o.role == r.id));
        let forecast = option
            .map(|o| o.forecast.clone())
            .filter(|f| f.outlook != Outlook::NoRequirements);
        let from = today
            .checked_sub((RECENT_DAYS - 1).days())
            .unwrap_or(Date::MIN);
        Self {
            owner: plan.owner.trim().to_string(),
            current_role: plan.current_role().map(|r| r.title.clone()),
            next_role: next.map(|r| r.title.clone()),
            readiness: option.and_then(|o| o.readiness),
            forecast,
            goals_at_risk: insights
                .goals_at_risk(plan)
                .into_iter()
                .map(|g| g.title.clone())
                .collect(),
            last_logged: totals.last_day(today),
            recent_minutes: totals.minutes_between(from, today),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        EntryId, ExperienceKind, Goal, GoalId, GoalKind, GoalStatus, Level, LevelChange, LogEntry,
        Measure, Requirement, Role, RoleId, Skill, SkillId, Stage,
    };
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 25);

    fn skill(id: u32, name: &str, levels: &[(Date, u8)]) -> Skill {
        Skill {
            history: levels
                .iter()
                .map(|&(date, level)| LevelChange {
                    date,
                    level: Level(level),
                    evidence: String::new(),
                })
                .collect(),
            ..Skill::new(SkillId(id), name)
        }
    }

    fn goal(id: u32, title: &str, status: GoalStatus) -> Goal {
        Goal {
            status,
            start: Some(date(2026, 9, 1)),
            due: Some(date(2026, 12, 31)),
            measure: Some(Measure::Hours(20)),
            ..Goal::new(GoalId(id), title, GoalKind::Learning)
        }
    }

    fn entry(id: u32, day: Date, minutes: u32, goal: Option<u32>) -> LogEntry {
        LogEntry {
            goals: goal.map(GoalId).into_iter().collect(),
            ..LogEntry::new(EntryId(id), day, minutes, ExperienceKind::Learning, "x")
        }
    }

    /// A nurse on her way to nurse educator, with numbers worked out by hand.
    fn nurse() -> Plan {
        let mut current = Role::new(RoleId(1), "Staff nurse", Stage::Current);
        current.leads_to = vec![RoleId(2)];
        let mut next = Role::new(RoleId(2), "Nurse educator", Stage::Next);
        next.requires = vec![
            Requirement {
                skill: SkillId(1),
                level: Level(4),
            },
            Requirement {
                skill: SkillId(2),
                level: Level(2),
            },
        ];
        Plan {
            owner: "  Dana Reyes ".into(),
            roles: vec![
                Role::new(RoleId(3), "Care assistant", Stage::Past),
                current,
                next,
            ],
            skills: vec![
                skill(
                    1,
                    "Teaching",
                    &[(date(2025, 1, 1), 2), (date(2026, 9, 1), 3)],
                ),
                skill(2, "Charting", &[(date(2024, 3, 1), 2)]),
            ],
            goals: vec![
                goal(1, "Teach 20 hours", GoalStatus::Active),
                goal(2, "Finish the course", GoalStatus::Done),
                goal(3, "A course given up", GoalStatus::Dropped),
                Goal::new(GoalId(4), "No due date", GoalKind::Learning),
            ],
            log: vec![
                entry(1, date(2026, 10, 28), 100, None),
                entry(2, date(2026, 10, 29), 15, Some(1)),
                entry(3, date(2026, 11, 20), 45, Some(1)),
                entry(4, date(2026, 11, 26), 30, Some(1)),
            ],
            ..Plan::default()
        }
    }

    #[test]
    fn a_plan_summed_up_by_hand() {
        let o = Overview::of(&nurse(), TODAY);
        assert_eq!(o.owner, "Dana Reyes", "trimmed");
        assert_eq!(o.current_role.as_deref(), Some("Staff nurse"));
        assert_eq!(o.next_role.as_deref(), Some("Nurse educator"));
        // Teaching 3 of 4 (0.75) and Charting met (1.0): 0.875, one of two met.
        let r = o.readiness.expect("the next role requires skills");
        assert!((r.score - 0.875).abs() < 1e-9, "{}", r.score);
        assert_eq!((r.met, r.required), (1, 2));
        // Teaching gained one level in the last 180 days (no time logged on
        // it to calibrate) and has one to go: 180 days after 25 Nov 2026.
        let f = o.forecast.expect("a forecast");
        assert_eq!(f.outlook, Outlook::On(date(2027, 5, 24)));
        assert_eq!(f.headline(), "Ready about May 2027");
        // Goal 1: 60 of 1,200 minutes where the pace line asks for 843: at
        // risk. Goals 2 and 3 are done and dropped; goal 4 has no due date.
        assert_eq!(o.goals_at_risk, ["Teach 20 hours"]);
        // 20 Nov is the last day up to today; 26 Nov is still to come.
        assert_eq!(o.last_logged, Some(date(2026, 11, 20)));
        // 29 Oct (the 28th day back) and 20 Nov; not 28 Oct, not 26 Nov.
        assert_eq!(o.recent_minutes, 15 + 45);
    }

    #[test]
    fn a_plan_with_no_rise_in_six_months_is_not_moving() {
        let outlook = |p: &Plan| Overview::of(p, TODAY).forecast.map(|f| f.outlook);
        let mut plan = nurse();
        plan.skills[0].history.truncate(1);
        assert_eq!(
            outlook(&plan),
            Some(Outlook::NotMoving(crate::model::insights::Stall::NoRise))
        );
        plan.skills[0].history.push(LevelChange {
            date: date(2026, 11, 1),
            level: Level(4),
            evidence: String::new(),
        });
        assert_eq!(outlook(&plan), Some(Outlook::Ready));
    }

    #[test]
    fn a_plan_with_nothing_in_it_has_nothing_to_show() {
        let o = Overview::of(&Plan::default(), TODAY);
        assert_eq!(
            o,
            Overview {
                owner: String::new(),
                current_role: None,
                next_role: None,
                readiness: None,
                forecast: None,
                goals_at_risk: Vec::new(),
                last_logged: None,
                recent_minutes: 0,
            }
        );
        // A next role that asks for no skills has no readiness or arrival.
        let mut plan = nurse();
        plan.roles[2].requires.clear();
        let o = Overview::of(&plan, TODAY);
        assert_eq!(o.next_role.as_deref(), Some("Nurse educator"));
        assert_eq!((o.readiness, o.forecast), (None, None));
    }
}
