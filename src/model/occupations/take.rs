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
