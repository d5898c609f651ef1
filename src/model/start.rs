//! The guided start's answers and the plan data they make: ordinary roles,
//! skills and a goal, added in one edit so one undo takes them all back.

use super::ids::FreshIds;
use super::{
    Edit, Goal, GoalKind, Item, Level, LevelChange, Measure, Milestone, MilestoneId, Plan,
    Requirement, Role, RoleId, Skill, SkillId, SkillTarget, Stage, name_key,
};
use jiff::civil::Date;

/// What a person told the guided start. Every part may be left empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartAnswers {
    /// Whose plan it is (the plan's owner).
    pub owner: String,
    /// Why they are on this path: lines of the plan's purpose.
    pub whys: Vec<String>,
    /// The role held now, and since when.
    pub current: String,
    pub since: Option<Date>,
    /// The role wanted next, and by when.
    pub next: String,
    pub by: Option<Date>,
    pub skills: Vec<SkillAnswer>,
    /// A first goal, its due day, what it counts (hours, entries, or its
    /// milestones when `None`) and its milestones.
    pub goal: String,
    pub goal_due: Option<Date>,
    pub measure: Option<Measure>,
    pub milestones: Vec<MilestoneAnswer>,
}

/// A milestone of the first goal, and when it is due.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MilestoneAnswer {
    pub title: String,
    pub due: Option<Date>,
}

/// A skill, where the person is now and where the next role needs them.
#[derive(Clone, Debug, PartialEq)]
pub struct SkillAnswer {
    pub name: String,
    pub now: Level,
    pub needed: Level,
}

/// A skill typed on one line with its two levels, "Teaching 2 4": the
/// name, the level now and the level the next role needs. Only two single
/// digits from 0 to 5 at the end count, so "Python 3" stays a name.
pub fn skill_line(text: &str) -> Option<(&str, Level, Level)> {
    let level = |t: &str| {
        let l = Level(t.parse().ok()?);
        (t.len() == 1 && l.is_valid()).then_some(l)
    };
    let text = text.trim();
    let (rest, needed) = text.rsplit_once(char::is_whitespace)?;
    let (name, now) = rest.trim_end().rsplit_once(char::is_whitespace)?;
    let name = name.trim_end();
    Some((name, level(now)?, level(needed)?)).filter(|_| !name.is_empty())
}

/// How many skills the guided start asks about.
pub const MAX_SKILLS: usize = 5;

impl StartAnswers {
    /// True when nothing was answered.
    pub fn is_empty(&self) -> bool {
        self.edits(&Plan::default(), Date::MIN).is_empty()
    }

    /// One edit that adds the answers to `plan` (dated `today`): the owner
    /// and the whys, the current role leading to the next one (which requires the skills
    /// at the levels given), the skills with their levels and targets, and
    /// the goal toward the next role with its milestones. A skill the plan
    /// already has (by name) is required and linked, not added again.
    pub fn edit(&self, plan: &Plan, today: Date) -> Edit {
        Edit::Batch(self.edits(plan, today))
    }

    fn edits(&self, plan: &Plan, today: Date) -> Vec<Edit> {
        let mut edits = Vec::new();
        let owner = self.owner.trim();
        if !owner.is_empty() && owner != plan.owner {
            edits.push(Edit::SetOwner(owner.to_string()));
        }
        let whys = self.whys.iter().map(|w| w.trim()).filter(|w| !w.is_empty());
        let mut purpose = plan.purpose.clone();
        purpose.extend(whys.map(String::from));
        if purpose.len() > plan.purpose.len() {
            edits.push(Edit::SetPurpose(purpose));
        }
        let skills = self.skill_ids(plan, today, &mut edits);
        let mut role_ids = FreshIds::new(plan.roles.iter().map(|r| r.id.0));
        let mut role = |title: &str, stage: Stage| {
            let title = title.trim();
            (!title.is_empty()).then(|| Role::new(RoleId(role_ids.take()), title, stage))
        };
        let current = role(&self.current, Stage::Current);
        let next = role(&self.next, Stage::Next).map(|mut r| {
            r.target_date = self.by;
            r.requires = skills
                .iter()
                .map(|&(skill, needed)| Requirement {
                    skill,
                    level: needed,
                })
                .collect();
            r
        });
        let next_id = next.as_ref().map(|r| r.id);
        if let Some(mut r) = current {
            r.start = self.since;
            r.leads_to.extend(next_id);
            r.teaches.skills = skills.iter().map(|&(s, _)| s).collect();
            let id = r.id;
            edits.push(Edit::Put(Item::Role(r)));
            // A role already marked current becomes a past one.
            edits.push(Edit::SetCurrentRole(id));
        }
        edits.extend(next.map(|r| Edit::Put(Item::Role(r))));
        if let Some(goal) = self.goal(plan, today, next_id, &skills) {
            edits.push(Edit::Put(Item::Goal(goal)));
        }
        edits
    }

    /// When the first goal is due: the day given, else when its last
    /// milestone is, else by the next role's date.
    pub fn goal_due(&self) -> Option<Date> {
        self.goal_due.or_else(|| {
            self.milestones
                .iter()
                .filter(|m| !m.title.trim().is_empty())
                .filter_map(|m| m.due)
                .max()
                .or(self.by)
        })
    }

    /// The skills' ids with the level the next role needs, adding the new
    /// ones to `edits`. Blank names are skipped and a name given twice
    /// counts once.
    fn skill_ids(&self, plan: &Plan, today: Date, edits: &mut Vec<Edit>) -> Vec<(SkillId, Level)> {
        let mut skill_ids = FreshIds::new(plan.skills.iter().map(|s| s.id.0));
        let mut seen = Vec::new();
        let mut ids = Vec::new();
        for answer in self.skills.iter().take(MAX_SKILLS) {
            let name = answer.name.trim();
            let key = name_key(name);
            if name.is_empty() || seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let id = if let Some(known) = plan.skill_named(name) {
                known.id
            } else {
                let id = SkillId(skill_ids.take());
                let mut skill = Skill::new(id, name);
                skill.history.push(LevelChange {
                    date: today,
                    level: answer.now,
                    evidence: String::new(),
                });
                skill.target = Some(SkillTarget {
                    level: answer.needed,
                    by: self.by,
                });
                edits.push(Edit::Put(Item::Skill(skill)));
                id
            };
            ids.push((id, answer.needed));
        }
        ids
    }

    /// The first goal, toward the next role and its skills, started today.
    fn goal(
        &self,
        plan: &Plan,
        today: Date,
        next_role: Option<RoleId>,
        skills: &[(SkillId, Level)],
    ) -> Option<Goal> {
        let title = self.goal.trim();
        if title.is_empty() {
            return None;
        }
        let mut goal = Goal::new(plan.new_goal_id(), title, GoalKind::Skill);
        let milestones = self
            .milestones
            .iter()
            .filter(|m| !m.title.trim().is_empty());
        goal.start = Some(today);
        goal.due = self.goal_due();
        goal.measure = self.measure;
        goal.roles.extend(next_role);
        goal.skills = skills.iter().map(|&(s, _)| s).collect();
        let mut milestone_ids = FreshIds::new(
            plan.goals
                .iter()
                .flat_map(|g| &g.milestones)
                .map(|m| m.id.0),
        );
        goal.milestones = milestones
            .map(|m| Milestone {
                due: m.due,
                ..Milestone::new(MilestoneId(milestone_ids.take()), m.title.trim())
            })
            .collect();
        Some(goal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = Date::constant(2026, 11, 25);

    fn answers() -> StartAnswers {
        StartAnswers {
            owner: " Ana Lima ".into(),
            whys: vec![
                " Help new nurses feel safe on their first ward ".into(),
                "  ".into(),
                "Teach what I wish I had been taught".into(),
            ],
            current: "Staff nurse".into(),
            since: Some(date(2022, 9, 1)),
            next: "Nurse educator".into(),
            by: Some(date(2028, 6, 30)),
            skills: vec![
                SkillAnswer {
                    name: "Teaching".into(),
                    now: Level(2),
                    needed: Level(4),
                },
                SkillAnswer {
                    name: "  ".into(),
                    now: Level(1),
                    needed: Level(3),
                },
                SkillAnswer {
                    name: "Wound care".into(),
                    now: Level(4),
                    needed: Level(4),
                },
                SkillAnswer {
                    name: "TEACHING".into(),
                    now: Level(0),
                    needed: Level(5),
                },
            ],
            goal: "Run the new-hire skills day".into(),
            goal_due: None,
            measure: Some(Measure::Hours(40)),
            milestones: vec![
                MilestoneAnswer {
                    title: "Write the lesson plan".into(),
                    due: Some(date(2027, 3, 31)),
                },
                MilestoneAnswer::default(),
                MilestoneAnswer {
                    title: "Teach it once".into(),
                    due: Some(date(2027, 6, 30)),
                },
            ],
        }
    }

    fn applied(plan: &Plan, a: &StartAnswers) -> Plan {
        let mut plan = plan.clone();
        plan.apply(a.edit(&plan, TODAY)).expect("applies");
        plan
    }

    #[test]
    fn answers_become_roles_skills_and_a_goal_that_link_up() {
        let plan = applied(&Plan::default(), &answers());
        assert_eq!(plan.owner, "Ana Lima");
        assert_eq!(
            plan.purpose,
            [
                "Help new nurses feel safe on their first ward",
                "Teach what I wish I had been taught"
            ],
            "each why a line, the blank one dropped"
        );
        let [now, next] = &plan.roles[..] else {
            panic!("two roles: {:?}", plan.roles)
        };
        assert_eq!(
            (now.title.as_str(), now.stage),
            ("Staff nurse", Stage::Current)
        );
        assert_eq!(now.start, Some(date(2022, 9, 1)));
        assert_eq!(now.leads_to, [next.id]);
        assert_eq!(
            (next.title.as_str(), next.stage),
            ("Nurse educator", Stage::Next)
        );
        assert_eq!(next.target_date, Some(date(2028, 6, 30)));

        let names: Vec<_> = plan.skills.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Teaching", "Wound care"],
            "blank and repeated names skipped"
        );
        let teaching = &plan.skills[0];
        assert_eq!(teaching.current_level(TODAY), Level(2));
        assert_eq!(
            teaching.target,
            Some(SkillTarget {
                level: Level(4),
                by: Some(date(2028, 6, 30))
            })
        );
        let required: Vec<_> = next.requires.iter().map(|r| (r.skill, r.level.0)).collect();
        assert_eq!(required, [(plan.skills[0].id, 4), (plan.skills[1].id, 4)]);

        let goal = &plan.goals[0];
        assert_eq!(goal.title, "Run the new-hire skills day");
        assert_eq!(
            (goal.start, goal.due, goal.measure),
            (
                Some(TODAY),
                Some(date(2027, 6, 30)),
                Some(Measure::Hours(40))
            ),
            "due when its last milestone is"
        );
        assert_eq!(goal.roles, [next.id]);
        let steps: Vec<_> = goal
            .milestones
            .iter()
            .map(|m| (m.title.as_str(), m.due))
            .collect();
        assert_eq!(
            steps,
            [
                ("Write the lesson plan", Some(date(2027, 3, 31))),
                ("Teach it once", Some(date(2027, 6, 30)))
            ]
        );
        assert_ne!(goal.milestones[0].id, goal.milestones[1].id);
        assert!(plan.validate().is_empty());
    }

    #[test]
    fn a_goal_is_due_when_asked_else_at_its_last_milestone_else_by_the_next_role() {
        let due = |a: &StartAnswers| applied(&Plan::default(), a).goals[0].due;
        let mut a = answers();
        assert_eq!(due(&a), Some(date(2027, 6, 30)));
        a.goal_due = Some(date(2027, 12, 31));
        assert_eq!(due(&a), Some(date(2027, 12, 31)));
        a.goal_due = None;
        a.milestones.iter_mut().for_each(|m| m.due = None);
        assert_eq!(due(&a), Some(date(2028, 6, 30)));
        a.measure = None;
        assert_eq!(
            applied(&Plan::default(), &a).goals[0].measure,
            None,
            "counted by its milestones"
        );
    }

    #[test]
    fn a_skill_line_may_carry_its_two_levels() {
        assert_eq!(
            skill_line(" Demand planning  2 4 "),
            Some(("Demand planning", Level(2), Level(4)))
        );
        assert_eq!(
            skill_line("Level 3 support 1 3"),
            Some(("Level 3 support", Level(1), Level(3)))
        );
        for name in [
            "Python 3",
            "Teaching 2 7",
            "Excel 12 4",
            "2 4",
            "Teaching",
            "",
            "Teaching 24",
        ] {
            assert_eq!(skill_line(name), None, "{name}");
        }
    }

    #[test]
    fn one_undo_takes_everything_back() {
        let before = Plan::default();
        let mut plan = before.clone();
        let undo = plan.apply(answers().edit(&plan, TODAY)).expect("applies");
        assert_ne!(plan, before);
        plan.apply(undo).expect("undo");
        assert_eq!(plan, before);
    }

    #[test]
    fn every_step_can_be_skipped() {
        assert!(StartAnswers::default().is_empty());
        assert!(!answers().is_empty());
        let only_skills = StartAnswers {
            skills: answers().skills,
            ..StartAnswers::default()
        };
        let plan = applied(&Plan::default(), &only_skills);
        assert_eq!(
            (plan.roles.len(), plan.skills.len(), plan.goals.len()),
            (0, 2, 0)
        );
        let only_next = StartAnswers {
            next: "Team lead".into(),
            ..StartAnswers::default()
        };
        let plan = applied(&Plan::default(), &only_next);
        assert_eq!(plan.roles[0].stage, Stage::Next);
        assert!(plan.purpose.is_empty());
    }

    #[test]
    fn a_plan_with_items_gets_fresh_ids_and_keeps_its_skills() {
        let sample = crate::io::sample_plan();
        let known = sample.skills[0].clone();
        let mut a = answers();
        a.skills[0].name = known.name.to_uppercase();
        let plan = applied(&sample, &a);
        // Wound care and (now that the first answer is another name) Teaching.
        assert_eq!(plan.skills.len(), sample.skills.len() + 2);
        assert_eq!(
            plan.skill(known.id),
            Some(&known),
            "the known skill is untouched"
        );
        assert_eq!(plan.validate(), []);
    }

    #[test]
    fn a_plan_holding_the_last_ids_gets_new_items_beside_its_own() {
        let mut plan = Plan::default();
        for id in [2, u32::MAX - 1] {
            let mut skill = Skill::new(SkillId(id), format!("Skill {id}"));
            skill.category = "Mine".into();
            plan.skills.push(skill);
            plan.roles
                .push(Role::new(RoleId(id), format!("Role {id}"), Stage::Past));
            let mut goal = Goal::new(
                crate::model::GoalId(id),
                format!("Goal {id}"),
                GoalKind::Skill,
            );
            goal.milestones
                .push(Milestone::new(MilestoneId(id), format!("Step {id}")));
            plan.goals.push(goal);
        }
        let before = plan.clone();
        let after = applied(&plan, &answers());
        assert_eq!(after.validate(), []);
        for s in &before.skills {
            assert_eq!(after.skill(s.id), Some(s));
        }
        for r in &before.roles {
            assert_eq!(after.role(r.id), Some(r));
        }
        for g in &before.goals {
            assert_eq!(after.goal(g.id), Some(g));
        }
        assert_eq!(
            (after.skills.len(), after.roles.len(), after.goals.len()),
            (4, 4, 3),
            "two skills, two roles and a goal added"
        );
        let steps = after
            .goals
            .iter()
            .map(|g| g.milestones.len())
            .sum::<usize>();
        assert_eq!(steps, 4);
    }
}
