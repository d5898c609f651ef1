//! An occupation taken into a plan: a role whose required skills are the
//! elements the person ticked, at the occupation's levels on the plan's
//! scale. An element matches a plan skill of the same name (by
//! `name_key`) or becomes a new skill; all of it is one undo step.

use super::{ElementKind, KNOWLEDGE_CATEGORY, Occupations, SKILL_CATEGORY, plan_level};
use crate::model::ids::FreshIds;
use crate::model::{Edit, Item, Plan, Requirement, Role, RoleId, Skill, SkillId, Stage, name_key};

/// The edit that takes `occupation` into `plan` as a role at `stage`,
/// requiring `elements` (indices into [`Occupations::elements`]) at the
/// occupation's levels. A next role is led to from the current one. `None`
/// if the occupation is not rated or no element is chosen.
pub fn take_edit(
    plan: &Plan,
    data: &Occupations,
    occupation: usize,
    elements: &[usize],
    stage: Stage,
) -> Option<Edit> {
    let o = data.occupations.get(occupation).filter(|o| o.is_rated())?;
    let mut skill_ids = FreshIds::new(plan.skills.iter().map(|s| s.id.0));
    let mut edits = Vec::new();
    let mut requires: Vec<Requirement> = Vec::new();
    for &e in elements {
        let (Some(element), Some(rating)) = (data.elements.get(e), o.ratings.get(e)) else {
            continue;
        };
        let key = name_key(&element.name);
        let skill = if let Some(s) = plan.skills.iter().find(|s| name_key(&s.name) == key) {
            s.id
        } else {
            let mut skill = Skill::new(SkillId(skill_ids.take()), element.name.clone());
            skill.category = match element.kind {
                ElementKind::Skill => SKILL_CATEGORY,
                ElementKind::Knowledge => KNOWLEDGE_CATEGORY,
            }
            .to_string();
            let id = skill.id;
            edits.push(Edit::Put(Item::Skill(skill)));
            id
        };
        if !requires.iter().any(|r| r.skill == skill) {
            requires.push(Requirement {
                skill,
                level: plan_level(rating.level),
            });
        }
    }
    if requires.is_empty() {
        return None;
    }
    let id = RoleId(FreshIds::new(plan.roles.iter().map(|r| r.id.0)).take());
    let mut role = Role::new(id, o.title.clone(), stage);
    role.requires = requires;
    edits.push(plan.put_role_edit(role));
    if stage == Stage::Next
        && let Some(current) = plan.roles.iter().find(|r| r.stage == Stage::Current)
    {
        let mut current = current.clone();
        current.leads_to.push(id);
        edits.push(Edit::Put(Item::Role(current)));
    }
    Some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::super::{Element, ElementKind, Occupation, Occupations, Rating};
    use super::take_edit;
    use crate::model::{Level, Plan, Role, RoleId, Skill, SkillId, Stage};

    fn element(id: &str, kind: ElementKind, name: &str) -> Element {
        Element {
            id: id.into(),
            kind,
            name: name.into(),
            description: String::new(),
        }
    }

    fn rating(importance: f32, level: f32) -> Rating {
        Rating {
            importance,
            level,
            suppressed: false,
        }
    }

    fn data() -> Occupations {
        Occupations::new(
            vec![
                element("2.A.1.d", ElementKind::Skill, "Speaking"),
                element("2.C.4.a", ElementKind::Knowledge, "Mathematics"),
                element("2.C.7.c", ElementKind::Knowledge, "Fine Arts"),
            ],
            vec![Occupation {
                code: "11-3071.00".into(),
                title: "Transportation, Storage, and Distribution Managers".into(),
                description: String::new(),
                alternates: vec!["Logistics Manager".into()],
                ratings: vec![rating(4.0, 4.2), rating(3.5, 3.0), rating(1.5, 0.5)],
            }],
        )
    }

    #[test]
    fn an_occupation_becomes_a_next_role_in_one_undo_step() {
        let mut plan = Plan::default();
        plan.roles
            .push(Role::new(RoleId(1), "Shift supervisor", Stage::Current));
        // Named as O*NET names it, in another case: it is reused, not doubled.
        plan.skills.push(Skill::new(SkillId(7), "speaking"));
        let before = plan.clone();
        let data = data();
        let edit = take_edit(&plan, &data, 0, &[0, 1], Stage::Next).expect("an edit");
        let undo = plan.apply(edit).expect("applies");
        let role = plan
            .roles
            .iter()
            .find(|r| r.stage == Stage::Next)
            .expect("the new role");
        assert_eq!(
            role.title,
            "Transportation, Storage, and Distribution Managers"
        );
        // Speaking 4.2 of 7 is 3 of 5; Mathematics 3.0 of 7 is 2 of 5.
        let requires: Vec<(SkillId, Level)> =
            role.requires.iter().map(|r| (r.skill, r.level)).collect();
        let maths = plan
            .skills
            .iter()
            .find(|s| s.name == "Mathematics")
            .expect("a new skill");
        assert_eq!(requires, [(SkillId(7), Level(3)), (maths.id, Level(2))]);
        assert_eq!(maths.category, super::super::KNOWLEDGE_CATEGORY);
        assert_eq!(plan.skills.len(), 2, "Fine Arts was not ticked");
        assert_eq!(
            plan.roles[0].leads_to,
            [role.id],
            "the current role leads to it"
        );
        plan.apply(undo).expect("undo");
        assert_eq!(plan, before, "one undo gives the plan back");
    }

    #[test]
    fn a_current_occupation_becomes_the_current_role_and_nothing_ticked_is_no_edit() {
        let mut plan = Plan::default();
        plan.roles
            .push(Role::new(RoleId(1), "Clerk", Stage::Current));
        let data = data();
        assert!(take_edit(&plan, &data, 0, &[], Stage::Next).is_none());
        let edit = take_edit(&plan, &data, 0, &[0], Stage::Current).expect("an edit");
        plan.apply(edit).expect("applies");
        let current: Vec<&str> = plan
            .roles
            .iter()
            .filter(|r| r.stage == Stage::Current)
            .map(|r| r.title.as_str())
            .collect();
        assert_eq!(
            current,
            ["Transportation, Storage, and Distribution Managers"],
            "one current role: the old one became past"
        );
        assert!(matches!(
            plan.skills.first(),
            Some(s) if s.category == super::super::SKILL_CATEGORY
        ));
    }
}
