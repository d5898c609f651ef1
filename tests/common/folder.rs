//! A mentor's folder of plans: six people's plans made from the career-path
//! templates (some full plans, some share copies), the sample plan and a
//! broken file, as of 25 Nov 2026.

use jiff::ToSpan;
use jiff::civil::{Date, date};
use std::path::{Path, PathBuf};
use stepstone::model::{EntryId, ExperienceKind, Keep, Level, LevelChange, LogEntry, Plan};

/// The day the folder's numbers are for.
pub const TODAY: Date = date(2026, 11, 25);

/// The broken file's name and the start of its error.
pub const BROKEN: &str = "kai.stepstone.ron";

/// (template, owner, file name, shared copy?, days since the last entry).
const PEOPLE: [(&str, &str, &str, bool, i64); 6] = [
    (
        "staff-nurse-to-nurse-educator",
        "Amara Okafor",
        "amara",
        false,
        0,
    ),
    (
        "parts-counter-to-branch-manager",
        "Luis Ortega",
        "luis",
        true,
        2,
    ),
    (
        "junior-developer-to-senior-engineer",
        "Mei Chen",
        "mei",
        true,
        6,
    ),
    ("support-agent-to-team-lead", "Sam Patel", "sam", false, 1),
    (
        "teaching-assistant-to-teacher",
        "Noa Levi",
        "noa",
        false,
        19,
    ),
    // No owner: the row is named after the file.
    (
        "warehouse-supervisor-to-logistics-manager",
        "",
        "jordan",
        true,
        40,
    ),
];

fn day(n: i64) -> Date {
    TODAY.checked_sub(n.days()).expect("a day in range")
}

/// A person's plan: the template with their levels, a goal half-way to its
/// due date, and weekday entries up to `quiet` days ago.
fn person(template: &str, owner: &str, k: i64, quiet: i64) -> Plan {
    let mut plan = stepstone::io::templates::template(template)
        .expect("a template")
        .plan();
    plan.owner = owner.to_string();
    for (s, skill) in plan.skills.iter_mut().enumerate() {
        let s = i64::try_from(s).expect("few skills");
        let first = u8::try_from(1 + (s + k) % 3).expect("a level");
        skill.history = vec![LevelChange {
            date: date(2025, 3, 1),
            level: Level(first),
            evidence: String::new(),
        }];
        if s % 2 == 0 {
            skill.history.push(LevelChange {
                date: day(40 + k * 9),
                level: Level(first + 1),
                evidence: "Signed off by my manager".into(),
            });
        }
    }
    // The first goal started two months ago and is due in two: none of its
    // milestones done yet puts it at risk for all but the first two people.
    if let Some(goal) = plan.goals.first_mut() {
        goal.start = Some(day(60));
        goal.due = Some(TODAY.checked_add(60.days()).expect("a day"));
        for (i, m) in goal.milestones.iter_mut().enumerate() {
            if k < 2 || i == 0 && k < 4 {
                m.done = Some(day(10));
            }
        }
    }
    let skills: Vec<_> = plan.skills.iter().map(|s| s.id).collect();
    let mut id = 0;
    for n in (quiet..42).rev() {
        let d = day(n);
        if d.weekday().to_monday_zero_offset() >= 5 {
            continue;
        }
        id += 1;
        let minutes = u32::try_from(20 + (n * 7 + k * 13) % 90).expect("minutes");
        plan.log.push(LogEntry {
            skills: vec![skills[usize::try_from(n).expect("n") % skills.len()]],
            ..LogEntry::new(
                EntryId(id),
                d,
                minutes,
                ExperienceKind::ALL[usize::try_from(n % 5).expect("kind")],
                "Worked on it",
            )
        });
    }
    plan
}

/// Writes the folder into `dir`: six people, the sample plan, a broken
/// file, and files that are not plans. Returns the plans' paths.
pub fn folder_of_plans(dir: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for (k, (template, owner, name, shared, quiet)) in PEOPLE.into_iter().enumerate() {
        let plan = person(template, owner, i64::try_from(k).expect("k"), quiet);
        let (plan, file) = if shared {
            (
                plan.share_copy(Keep::NOTHING),
                format!("{name}.shared.stepstone.ron"),
            )
        } else {
            (plan, format!("{name}.stepstone.ron"))
        };
        let path = dir.join(file);
        stepstone::io::save(&path, &plan, None).expect("save");
        paths.push(path);
    }
    let sample = dir.join("talia.shared.stepstone.ron");
    std::fs::write(&sample, stepstone::io::SAMPLE_RON).expect("sample");
    paths.push(sample);
    let broken = dir.join(BROKEN);
    std::fs::write(
        &broken,
        "#![enable(implicit_some)]\n(\n    format_version: 1,\n    owner: \"Kai\n",
    )
    .expect("broken");
    paths.push(broken);
    // Not plans: a backup, notes, and a copy kept for its comments.
    std::fs::write(dir.join("amara.stepstone.ron.bak"), "").expect("bak");
    std::fs::write(dir.join("notes.txt"), "Meet Mei on Friday").expect("notes");
    std::fs::write(dir.join("sam.commented.stepstone.ron"), "").expect("commented");
    paths
}
