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
/// to its planned end or today. A future role, never held yet, starts at its
/// own start, else where the role before it ends (the role leading to it,
/// or the current role, when that one has a planned end), else at its
/// target date (a span of no length); it ends at its target date (or a year
/// later). A path of roles without any date starts today and still reads
/// one after another.
pub fn role_spans(plan: &Plan, today: Date) -> Vec<RoleSpan> {
    let mut spans = Spans {
        plan,
        today,
        known: std::collections::HashMap::new(),
        visiting: Vec::new(),
    };
    plan.roles
        .iter()
        .map(|r| {
            let (from, to) = spans.of(r);
            RoleSpan {
                role: r.id,
                stage: r.stage,
                from,
                to,
            }
        })
        .collect()
}

/// Role spans worked out once each, following `leads_to` back.
struct Spans<'p> {
    plan: &'p Plan,
    today: Date,
    known: std::collections::HashMap<RoleId, (Date, Date)>,
    /// The roles being worked out, to stop at a loop of `leads_to`.
    visiting: Vec<RoleId>,
}

impl Spans<'_> {
    fn of(&mut self, r: &Role) -> (Date, Date) {
        if let Some(&known) = self.known.get(&r.id) {
            return known;
        }
        if self.visiting.contains(&r.id) {
            return (self.today, years(self.today, 1));
        }
        self.visiting.push(r.id);
        let span = self.work_out(r);
        self.visiting.pop();
        self.known.insert(r.id, span);
        span
    }

    fn work_out(&mut self, r: &Role) -> (Date, Date) {
        let today = self.today;
        let plan = self.plan;
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
                // The role before it: the one leading to it, else the current role.
                let before = plan
                    .roles
                    .iter()
                    .find(|p| p.leads_to.contains(&r.id) && p.stage != Stage::Past)
                    .or_else(|| plan.current_role().filter(|c| c.id != r.id))
                    .and_then(|p| match p.stage {
                        // A current role without a planned end says nothing
                        // of when the next one starts.
                        Stage::Current => p.end.map(|e| e.max(today)),
                        Stage::Past => None,
                        _ => Some(self.of(p).1),
                    });
                let from = r.start.or(before).or(r.target_date).unwrap_or(today);
                (
                    from,
                    r.target_date.unwrap_or_else(|| years(from, 1)).max(from),
                )
            }
        }
    }
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
            (date(2027, 6, 1), date(2027, 6, 1)),
            "the current role has no planned end: next is only at its target date"
        );
        assert_eq!(
            (s[3].from, s[3].to),
            (date(2027, 6, 1), date(2028, 6, 1)),
            "a year after next is reached"
        );
    }

    #[test]
    fn a_future_role_starts_at_its_start_else_where_the_current_role_ends_else_at_its_target() {
        let today = date(2026, 6, 1);
        let target = date(2028, 6, 1);
        let plan_with = |current_end: Option<Date>, next_start: Option<Date>| {
            let mut current = role(1, Stage::Current);
            current.start = Some(date(2024, 1, 1));
            current.end = current_end;
            current.leads_to = vec![RoleId(2)];
            let mut next = role(2, Stage::Next);
            next.start = next_start;
            next.target_date = Some(target);
            // An option nothing leads to follows the current role too.
            let mut option = role(3, Stage::Alternative);
            option.target_date = Some(date(2029, 1, 1));
            Plan {
                roles: vec![current, next, option],
                ..Plan::default()
            }
        };
        let next_and_option = |plan: &Plan| {
            let s = role_spans(plan, today);
            ((s[1].from, s[1].to), (s[2].from, s[2].to))
        };
        let ends = date(2027, 3, 31);
        assert_eq!(
            next_and_option(&plan_with(Some(ends), Some(date(2027, 1, 4)))),
            ((date(2027, 1, 4), target), (ends, date(2029, 1, 1))),
            "its own start comes first"
        );
        assert_eq!(
            next_and_option(&plan_with(Some(ends), None)),
            ((ends, target), (ends, date(2029, 1, 1))),
            "then the current role's planned end"
        );
        assert_eq!(
            next_and_option(&plan_with(None, None)),
            ((target, target), (date(2029, 1, 1), date(2029, 1, 1))),
            "else only its target date, never today"
        );
        assert_eq!(
            next_and_option(&plan_with(Some(date(2026, 1, 1)), None)).0,
            (today, target),
            "a planned end already past: the current role is still held today"
        );
    }

    #[test]
    fn future_roles_without_dates_follow_one_another() {
        // A ladder imported from a framework: four levels, no dates, the
        // first one leading from nothing; and a loop that must not hang.
        let today = date(2026, 6, 1);
        let mut roles: Vec<Role> = (1..=4)
            .map(|i| {
                let mut r = role(i, Stage::LongTerm);
                r.leads_to = if i < 4 {
                    vec![RoleId(i + 1)]
                } else {
                    Vec::new()
                };
                r
            })
            .collect();
        let mut looped = role(5, Stage::Next);
        looped.leads_to = vec![RoleId(6)];
        let mut back = role(6, Stage::Next);
        back.leads_to = vec![RoleId(5)];
        roles.extend([looped, back]);
        let plan = Plan {
            roles,
            ..Plan::default()
        };
        let s = role_spans(&plan, today);
        let starts: Vec<Date> = s[..4].iter().map(|r| r.from).collect();
        assert_eq!(
            starts,
            [today, date(2027, 6, 1), date(2028, 6, 1), date(2029, 6, 1)]
        );
        assert!(
            s[4].from >= today && s[5].from >= today,
            "a loop ends somewhere"
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
