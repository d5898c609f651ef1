//! Where each role sits on the time axis of the roadmap, and what the
//! current role still has to give toward the next one.

use super::ids::{RoleId, SkillId};
use super::plan::{Level, Plan, Role, Stage};
use jiff::ToSpan;
use jiff::civil::Date;

/// A role's stretch of time on the roadmap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleSpan {
    pub role: RoleId,
    pub stage: Stage,
    pub from: Date,
    pub to: Date,
}

fn years(d: Date, n: i64) -> Date {
    d.checked_add(n.years()).unwrap_or(d)
}

/// The span of every role. Missing dates are filled in sensibly: a past
/// role without an end ends a year after it starts; the current role runs
/// to its planned end or today; a future role starts when the role leading
/// to it is hoped to be reached (or today) and ends at its target date (or
/// a year later).
pub fn role_spans(plan: &Plan, today: Date) -> Vec<RoleSpan> {
    let leads_into = |id: RoleId| plan.roles.iter().find(|r| r.leads_to.contains(&id));
    let span = |r: &Role| -> (Date, Date) {
        match r.stage {
            Stage::Past => {
                let from = r
                    .start
                    .or_else(|| r.end.map(|e| years(e, -1)))
                    .unwrap_or(years(today, -1));
                (from, r.end.unwrap_or_else(|| years(from, 1)).max(from))
            }
            Stage::Current => {
                let from = r.start.unwrap_or_else(|| years(today, -1));
                (from, r.end.unwrap_or(today).max(today).max(from))
            }
            Stage::Next | Stage::LongTerm | Stage::Alternative => {
                let before = leads_into(r.id)
                    .filter(|p| p.stage != Stage::Past)
                    .and_then(|p| match p.stage {
                        Stage::Current => Some(p.end.unwrap_or(today).max(today)),
                        _ => p.target_date,
                    });
                let from = r.start.or(before).unwrap_or(today);
                (
                    from,
                    r.target_date.unwrap_or_else(|| years(from, 1)).max(from),
                )
            }
        }
    };
    plan.roles
        .iter()
        .map(|r| {
            let (from, to) = span(r);
            RoleSpan {
                role: r.id,
                stage: r.stage,
                from,
                to,
            }
        })
        .collect()
}

/// A skill a target role asks for that is not there yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub skill: SkillId,
    pub have: Level,
    pub need: Level,
}

/// The skills `role` requires above their level on `day` (as readiness counts them).
pub fn skill_gaps(plan: &Plan, role: &Role, day: Date) -> Vec<Gap> {
    role.requires
        .iter()
        .filter_map(|q| {
            let have = plan.skill(q.skill).map_or(Level(0), |s| s.level_on(day));
            (have < q.level).then_some(Gap {
                skill: q.skill,
                have,
                need: q.level,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Requirement, Skill};
    use jiff::civil::date;

    fn role(id: u32, stage: Stage) -> Role {
        Role::new(RoleId(id), format!("Role {id}"), stage)
    }

    #[test]
    fn spans_follow_the_path() {
        let today = date(2026, 6, 1);
        let mut past = role(1, Stage::Past);
        past.start = Some(date(2020, 1, 1));
        past.end = Some(date(2023, 1, 1));
        let mut current = role(2, Stage::Current);
        current.start = Some(date(2023, 2, 1));
        current.leads_to = vec![RoleId(3)];
        let mut next = role(3, Stage::Next);
        next.target_date = Some(date(2027, 6, 1));
        next.leads_to = vec![RoleId(4)];
        let long = role(4, Stage::LongTerm);
        let plan = Plan {
            roles: vec![past, current, next, long],
            ..Plan::default()
        };
        let s = role_spans(&plan, today);
        assert_eq!((s[0].from, s[0].to), (date(2020, 1, 1), date(2023, 1, 1)));
        assert_eq!(
            (s[1].from, s[1].to),
            (date(2023, 2, 1), today),
            "current runs to today"
        );
        assert_eq!(
            (s[2].from, s[2].to),
            (today, date(2027, 6, 1)),
            "next starts when current ends"
        );
        assert_eq!(
            (s[3].from, s[3].to),
            (date(2027, 6, 1), date(2028, 6, 1)),
            "a year after next is reached"
        );
    }

    #[test]
    fn gaps_list_only_missing_levels() {
        let mut s1 = Skill::new(SkillId(1), "A");
        s1.history.push(crate::model::LevelChange {
            date: date(2026, 1, 1),
            level: Level(4),
            evidence: String::new(),
        });
        let s2 = Skill::new(SkillId(2), "B");
        let mut r = role(1, Stage::Next);
        r.requires = vec![
            Requirement {
                skill: SkillId(1),
                level: Level(3),
            },
            Requirement {
                skill: SkillId(2),
                level: Level(2),
            },
        ];
        let plan = Plan {
            skills: vec![s1, s2],
            ..Plan::default()
        };
        assert_eq!(
            skill_gaps(&plan, &r, date(2026, 6, 1)),
            vec![Gap {
                skill: SkillId(2),
                have: Level(0),
                need: Level(2)
            }]
        );
    }
}
