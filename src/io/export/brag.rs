//! The achievements ("brag") document: what a period's work shows, ready for
//! a performance review or a mentor meeting, in Markdown. Grouped by target
//! role and the skills each requires; the evidence is milestones done,
//! levels gained and log entries beyond one's duties or of mentoring. It
//! ends with the required skills that have no evidence in the period.

use super::day;
use super::md::{esc, stage_words, url};
use crate::model::insights::{LogTotals, duration, level_rises, target_roles};
use crate::model::{ExperienceKind, Level, LogIndex, Plan, Role, SkillId, is_safe_link};
use jiff::civil::Date;
use std::fmt::Write;

/// One piece of evidence, with the skills it backs.
struct Item {
    date: Date,
    /// One line of Markdown, escaped.
    text: String,
    skills: Vec<SkillId>,
}

/// The document for `from..=to`.
pub(super) fn render(plan: &Plan, from: Date, to: Date, today: Date) -> String {
    let items = evidence(plan, from, to);
    let owner = plan.owner.trim();
    let mut out = if owner.is_empty() {
        "# Achievements\n".to_string()
    } else {
        format!("# Achievements: {}\n", esc(owner))
    };
    let _ = writeln!(
        out,
        "\n_{} to {}. Exported from Stepstone on {}._\n\n{}",
        day(from),
        day(to),
        day(today),
        counts(plan, from, to)
    );
    let roles = target_roles(plan);
    // Each required skill is shown under the first target role needing it.
    let mut shown: Vec<SkillId> = Vec::new();
    let mut missing: Vec<(SkillId, Vec<&Role>)> = Vec::new();
    for role in &roles {
        let _ = writeln!(
            out,
            "\n## {} ({})",
            esc(role.title.trim()),
            stage_words(role.stage)
        );
        let backing = |skill: SkillId| -> Vec<&Item> {
            items.iter().filter(|i| i.skills.contains(&skill)).collect()
        };
        let (with, without): (Vec<SkillId>, Vec<SkillId>) = role
            .requires
            .iter()
            .map(|q| q.skill)
            .partition(|s| !backing(*s).is_empty());
        for skill in without {
            match missing.iter_mut().find(|(s, _)| *s == skill) {
                Some((_, needed_by)) => needed_by.push(role),
                None => missing.push((skill, vec![role])),
            }
        }
        if with.is_empty() {
            out.push_str("\nNo evidence for this role's skills in this period yet.\n");
            continue;
        }
        let also: Vec<String> = with
            .iter()
            .filter(|s| shown.contains(s))
            .map(|s| skill_name(plan, *s))
            .collect();
        if !also.is_empty() {
            let _ = writeln!(out, "\nAlso needs {}: evidence above.", also.join(", "));
        }
        for q in role.requires.iter().filter(|q| with.contains(&q.skill)) {
            if shown.contains(&q.skill) {
                continue;
            }
            shown.push(q.skill);
            let now = plan.skill(q.skill).map_or(Level(0), |s| s.level_on(to));
            let _ = writeln!(
                out,
                "\n### {}\n\nNeeds {}; at {} on {}.\n",
                skill_name(plan, q.skill),
                level(plan, q.level),
                level(plan, now),
                day(to)
            );
            for item in backing(q.skill) {
                let _ = writeln!(out, "- {}: {}", day(item.date), item.text);
            }
        }
    }
    let required: Vec<SkillId> = roles
        .iter()
        .flat_map(|r| r.requires.iter().map(|q| q.skill))
        .collect();
    let other: Vec<&Item> = items
        .iter()
        .filter(|i| !i.skills.iter().any(|s| required.contains(s)))
        .collect();
    if !other.is_empty() {
        out.push_str(if roles.is_empty() {
            "\n## Evidence\n\n"
        } else {
            "\n## Other achievements\n\n"
        });
        for item in other {
            let _ = writeln!(out, "- {}: {}", day(item.date), item.text);
        }
    }
    no_evidence(&mut out, plan, &missing, from, to);
    out
}

/// The required skills with no evidence in the period, with the roles that
/// need them and the time logged on them.
fn no_evidence(
    out: &mut String,
    plan: &Plan,
    missing: &[(SkillId, Vec<&Role>)],
    from: Date,
    to: Date,
) {
    if missing.is_empty() {
        return;
    }
    let totals = LogTotals::new(plan);
    out.push_str("\n## Required skills with no evidence in this period\n\n");
    for (skill, roles) in missing {
        let titles: Vec<String> = roles.iter().map(|r| esc(r.title.trim())).collect();
        let logged = match totals.skill_minutes(*skill, from, to) {
            0 => "nothing logged".to_string(),
            m => format!("{} logged", duration(m)),
        };
        let _ = writeln!(
            out,
            "- {} (needed by {}): {logged}.",
            skill_name(plan, *skill),
            titles.join(", ")
        );
    }
}

/// Milestones done, levels gained, and entries beyond one's duties or of
/// mentoring, dated `from..=to`, oldest first.
fn evidence(plan: &Plan, from: Date, to: Date) -> Vec<Item> {
    let mut items = Vec::new();
    for goal in &plan.goals {
        for m in &goal.milestones {
            let Some(done) = m.done.filter(|d| from <= *d && *d <= to) else {
                continue;
            };
            let mut text = format!(
                "Milestone done: {} (goal: {})",
                esc(m.title.trim()),
                esc(goal.title.trim())
            );
            let link = m.link.trim();
            let link = (!link.is_empty() && is_safe_link(link)).then_some(link);
            match (m.evidence.trim(), link) {
                ("", None) => {}
                ("", Some(l)) => {
                    let _ = write!(text, ": [evidence]({})", url(l));
                }
                (e, None) => {
                    let _ = write!(text, ": {}", esc(e));
                }
                (e, Some(l)) => {
                    let _ = write!(text, ": [{}]({})", esc(e), url(l));
                }
            }
            items.push(Item {
                date: done,
                text,
                skills: goal.skills.clone(),
            });
        }
    }
    for skill in &plan.skills {
        for rise in level_rises(skill, from, to) {
            let mut text = format!(
                "Level up from {} to {}",
                level(plan, rise.from),
                level(plan, rise.to)
            );
            if !rise.evidence.trim().is_empty() {
                let _ = write!(text, ": {}", esc(rise.evidence.trim()));
            }
            items.push(Item {
                date: rise.date,
                text,
                skills: vec![skill.id],
            });
        }
    }
    let index = LogIndex::new(&plan.log);
    for e in index.between(from, to).filter_map(|i| plan.log.get(i)) {
        if !matches!(
            e.kind,
            ExperienceKind::BeyondDuty | ExperienceKind::Mentoring
        ) {
            continue;
        }
        let people: Vec<String> = e
            .people
            .iter()
            .filter_map(|p| plan.person(*p).map(|p| esc(p.name.trim())))
            .collect();
        let with = if people.is_empty() {
            String::new()
        } else {
            format!(", with {}", people.join(", "))
        };
        items.push(Item {
            date: e.date,
            text: format!(
                "{}: {} ({}{with})",
                e.kind.label(),
                esc(e.text.trim()),
                duration(e.minutes)
            ),
            skills: e.skills.clone(),
        });
    }
    // Stable: within a day, milestones, then levels, then the log.
    items.sort_by_key(|i| i.date);
    items
}

/// "In this period: 2 milestones done, 1 level gained, 3 entries beyond my
/// duties and 1 of mentoring or coaching."
fn counts(plan: &Plan, from: Date, to: Date) -> String {
    let in_range = |d: Date| from <= d && d <= to;
    let milestones = plan
        .goals
        .iter()
        .flat_map(|g| &g.milestones)
        .filter(|m| m.done.is_some_and(in_range))
        .count();
    let levels: usize = plan
        .skills
        .iter()
        .map(|s| level_rises(s, from, to).len())
        .sum();
    let kind = |k: ExperienceKind| {
        plan.log
            .iter()
            .filter(|e| e.kind == k && in_range(e.date))
            .count()
    };
    let n = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    format!(
        "In this period: {} done, {} gained, {} beyond my duties and {} of mentoring or coaching.",
        n(milestones, "milestone", "milestones"),
        n(levels, "level", "levels"),
        n(kind(ExperienceKind::BeyondDuty), "entry", "entries"),
        n(kind(ExperienceKind::Mentoring), "entry", "entries"),
    )
}

fn skill_name(plan: &Plan, skill: SkillId) -> String {
    plan.skill(skill)
        .map_or_else(|| format!("(missing {skill})"), |s| esc(s.name.trim()))
}

/// A level with its name, as Markdown: "3 (practising)".
fn level(plan: &Plan, l: Level) -> String {
    esc(&super::level(plan, l))
}
