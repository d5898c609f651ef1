//! Career-path templates: plans to start from, compiled into the binary from
//! `assets/templates/` (each a plain plan file, listed in `index.ron`).

use crate::model::Plan;
use serde::Deserialize;

/// A template's plan text, by its file name.
const FILES: [(&str, &str); 7] = [
    (
        "education-coordinator-to-program-manager.stepstone.ron",
        include_str!(
            "../../assets/templates/education-coordinator-to-program-manager.stepstone.ron"
        ),
    ),
    (
        "parts-counter-to-branch-manager.stepstone.ron",
        include_str!("../../assets/templates/parts-counter-to-branch-manager.stepstone.ron"),
    ),
    (
        "junior-developer-to-senior-engineer.stepstone.ron",
        include_str!("../../assets/templates/junior-developer-to-senior-engineer.stepstone.ron"),
    ),
    (
        "staff-nurse-to-nurse-educator.stepstone.ron",
        include_str!("../../assets/templates/staff-nurse-to-nurse-educator.stepstone.ron"),
    ),
    (
        "support-agent-to-team-lead.stepstone.ron",
        include_str!("../../assets/templates/support-agent-to-team-lead.stepstone.ron"),
    ),
    (
        "teaching-assistant-to-teacher.stepstone.ron",
        include_str!("../../assets/templates/teaching-assistant-to-teacher.stepstone.ron"),
    ),
    (
        "warehouse-supervisor-to-logistics-manager.stepstone.ron",
        include_str!(
            "../../assets/templates/warehouse-supervisor-to-logistics-manager.stepstone.ron"
        ),
    ),
];

const INDEX: &str = include_str!("../../assets/templates/index.ron");

/// One template as listed: its name (for `--template`), title and what it is for.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub file: String,
    pub name: String,
    pub title: String,
    pub about: String,
}

impl Template {
    /// The template's plan (checked by tests, so it reads; an empty plan
    /// rather than a panic if a build ever ships a broken one).
    pub fn plan(&self) -> Plan {
        FILES
            .iter()
            .find(|(file, _)| *file == self.file)
            .and_then(|(_, text)| super::from_ron(text).ok())
            .unwrap_or_default()
    }
}

/// Every template, in the order of `index.ron`.
pub fn templates() -> Vec<Template> {
    ron::from_str(INDEX).unwrap_or_default()
}

/// The template called `name` (ignoring case), if there is one.
pub fn template(name: &str) -> Option<Template> {
    let name = name.trim().trim_end_matches(".stepstone.ron");
    templates()
        .into_iter()
        .find(|t| t.name.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_template_is_shipped_and_every_shipped_one_is_listed() {
        let listed = templates();
        assert!(listed.len() >= 6, "{} templates", listed.len());
        for (file, _) in FILES {
            assert!(listed.iter().any(|t| t.file == file), "{file} is listed");
        }
        for t in &listed {
            assert!(
                FILES.iter().any(|(f, _)| *f == t.file),
                "{} is shipped",
                t.file
            );
            assert_eq!(format!("{}.stepstone.ron", t.name), t.file);
            assert!(!t.title.is_empty() && !t.about.is_empty());
        }
    }

    #[test]
    fn every_template_reads_is_valid_and_has_a_path_skills_and_goals() {
        for t in templates() {
            let text = FILES
                .iter()
                .find(|(f, _)| *f == t.file)
                .map_or("", |(_, x)| *x);
            let plan = super::super::from_ron(text).unwrap_or_else(|e| panic!("{}: {e}", t.name));
            assert!(
                plan.validate().is_empty(),
                "{}: {:?}",
                t.name,
                plan.validate()
            );
            assert!(plan.current_role().is_some(), "{}: a current role", t.name);
            assert!(
                crate::model::metrics::next_role(&plan).is_some_and(|r| !r.requires.is_empty()),
                "{}: a next role with required skills",
                t.name
            );
            assert!(plan.skills.len() >= 5, "{}: skills", t.name);
            assert!(plan.goals.len() >= 3, "{}: goals", t.name);
            assert!(
                plan.goals.iter().all(|g| !g.milestones.is_empty()),
                "{}: milestones under every goal",
                t.name
            );
            assert!(
                plan.log.is_empty() && plan.people.is_empty(),
                "{}: nobody's own data",
                t.name
            );
            assert_eq!(t.plan(), plan);
        }
        assert_eq!(
            template("Staff-Nurse-to-Nurse-Educator").map(|t| t.name),
            Some("staff-nurse-to-nurse-educator".into())
        );
        assert_eq!(template("no-such-path"), None);
    }
}
