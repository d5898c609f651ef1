//! The command line: exit codes and messages, and `log` under kill.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::{fixture, names_in, plan_with_entries, said, stepstone};
use jiff::civil::date;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use stepstone::model::{
    Goal, GoalId, GoalKind, LogEntry, Person, PersonId, Plan, Relation, Skill, SkillId,
};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn sample_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/sample.stepstone.ron")
        .display()
        .to_string()
}

#[test]
fn check_accepts_the_sample() {
    let o = stepstone(&["check", &sample_path()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains(": ok (6 roles, 10 skills"), "{out}");
}

#[test]
fn check_rejects_every_bad_fixture_with_the_file_name_and_never_panics() {
    for entry in std::fs::read_dir(fixture("bad")).expect("bad fixtures") {
        let path = entry.expect("entry").path().display().to_string();
        let start = Instant::now();
        let o = stepstone(&["check", &path]);
        assert_eq!(o.status.code(), Some(1), "{path}: {}", stderr(&o));
        assert!(
            stderr(&o).starts_with(&format!("{path}:")),
            "{path}: {}",
            stderr(&o)
        );
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "{path} took {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn parse_errors_start_with_file_line_and_column() {
    let path = fixture("bad/wrong_type.stepstone.ron")
        .display()
        .to_string();
    let o = stepstone(&["check", &path]);
    assert!(
        stderr(&o).starts_with(&format!("{path}:3:11: ")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(stepstone(&["check"]).status.code(), Some(2));
    assert_eq!(
        stepstone(&["log", "x.stepstone.ron", "--minutes", "lots", "--text", "t"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        stepstone(&["log", "x.stepstone.ron", "--text", "t"])
            .status
            .code(),
        Some(2),
        "without a line, --minutes is needed"
    );
    assert_eq!(stepstone(&["frobnicate", "a", "b"]).status.code(), Some(2));
    assert_eq!(
        stepstone(&["a.stepstone.ron", "check", "b"]).status.code(),
        Some(2)
    );
}

#[test]
fn new_creates_a_valid_plan_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("fresh.stepstone.ron").display().to_string();
    assert_eq!(stepstone(&["new", &path]).status.code(), Some(0));
    assert_eq!(stepstone(&["check", &path]).status.code(), Some(0));
    let again = stepstone(&["new", &path]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn log_appends_an_entry_with_its_links() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    std::fs::copy(sample_path(), &path).expect("copy sample");
    let p = path.display().to_string();
    let (before, _) = stepstone::io::load(&path).expect("load");
    let skill = before.skills[0].name.to_uppercase();
    let o = stepstone(&[
        "log",
        &p,
        "--minutes",
        "40",
        "--text",
        "Ran the falls refresher",
        "--skill",
        &skill,
        "--kind",
        "beyond-duty",
        "--date",
        "2026-11-20",
        "--energy",
        "4",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (after, _) = stepstone::io::load(&path).expect("load");
    assert_eq!(after.log.len(), before.log.len() + 1);
    let e = after.log.last().expect("entry");
    assert_eq!(
        (e.minutes, e.text.as_str(), e.energy),
        (40, "Ran the falls refresher", Some(4))
    );
    assert_eq!(e.skills, vec![before.skills[0].id]);
    assert_eq!(e.date.to_string(), "2026-11-20");
    assert_eq!(stepstone(&["check", &p]).status.code(), Some(0));
}

#[test]
fn log_uses_the_today_flag_for_the_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let p = path.display().to_string();
    assert_eq!(stepstone(&["new", &p]).status.code(), Some(0));
    let o = stepstone(&[
        "--today",
        "2026-03-04",
        "log",
        &p,
        "-m",
        "15",
        "-t",
        "Read the policy",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (plan, _) = stepstone::io::load(&path).expect("load");
    assert_eq!(plan.log[0].date.to_string(), "2026-03-04");
}

#[test]
fn log_refuses_unknown_names_and_bad_values_without_touching_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    std::fs::copy(sample_path(), &path).expect("copy sample");
    let p = path.display().to_string();
    let before = std::fs::read(&path).expect("read");
    let o = stepstone(&["log", &p, "-m", "10", "-t", "x", "--skill", "Juggling"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(&format!("{p}: no skill named \"Juggling\"; known: ")),
        "{}",
        stderr(&o)
    );
    let o = stepstone(&["log", &p, "-m", "0", "-t", "x"]);
    assert_eq!(o.status.code(), Some(1));
    let o = stepstone(&["log", &p, "-m", "10", "-t", "   "]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn log_on_a_bad_file_reports_it_and_leaves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.stepstone.ron");
    std::fs::copy(fixture("bad/truncated.stepstone.ron"), &path).expect("copy");
    let p = path.display().to_string();
    let o = stepstone(&["log", &p, "-m", "10", "-t", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(&format!("{p}:18:31:")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn log_killed_at_any_instant_leaves_a_valid_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.stepstone.ron");
    stepstone::io::save(&path, &plan_with_entries(20_000), None).expect("save");
    let p = path.display().to_string();
    let mut killed_early = 0;
    for round in 0..24u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stepstone"))
            .args(["log", &p, "-m", "5", "-t", "Interrupted?"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(round * 13 % 300));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        if !status.success() {
            killed_early += 1;
        }
        let (plan, _) = stepstone::io::load(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert!(plan.validate().is_empty(), "round {round}");
        assert!(plan.log.len() >= 20_000);
    }
    assert!(killed_early > 0, "some runs were killed part way");
    // What the killed saves left behind goes with the next save.
    let o = stepstone(&["log", &p, "-m", "5", "-t", "After the storm"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        names_in(dir.path()),
        ["big.stepstone.ron", "big.stepstone.ron.bak"],
        "no temporary files left"
    );
}

#[test]
fn four_logs_at_once_keep_every_entry_they_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    std::fs::copy(sample_path(), &path).expect("copy");
    let p = path.display().to_string();
    let start = stepstone::io::load(&path).expect("load").0.log.len();
    let mut reported = Vec::new();
    for round in 0..10 {
        let children: Vec<_> = (0..4)
            .map(|i| {
                let text = format!("Round {round}, writer {i}");
                let child = Command::new(env!("CARGO_BIN_EXE_stepstone"))
                    .args(["log", &p, "-m", "15", "-t", &text])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn");
                (text, child)
            })
            .collect();
        for (text, child) in children {
            let o = child.wait_with_output().expect("wait");
            if o.status.success() {
                reported.push(text);
            } else {
                assert!(
                    stderr(&o).contains("another program is saving"),
                    "{}",
                    stderr(&o)
                );
            }
        }
    }
    let (plan, _) = stepstone::io::load(&path).expect("load");
    for text in &reported {
        assert!(
            plan.log.iter().any(|e| &e.text == text),
            "\"{text}\" was reported logged but is not in the file"
        );
    }
    assert_eq!(plan.log.len(), start + reported.len());
    assert!(
        reported.len() >= 36,
        "most runs succeed: {}",
        reported.len()
    );
    assert_eq!(stepstone(&["check", &p]).status.code(), Some(0));
    assert_eq!(
        names_in(dir.path()),
        ["me.stepstone.ron", "me.stepstone.ron.bak"],
        "no temporary files left"
    );
}

#[test]
fn names_match_in_any_script_and_a_link_given_twice_is_stored_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let mut plan = stepstone::io::sample_plan();
    plan.people[0].name = "Zo\u{eb} \u{c5}ngstr\u{f6}m".into();
    plan.skills[0].name = "\u{41e}\u{431}\u{443}\u{447}\u{435}\u{43d}\u{438}\u{435}".into(); // Обучение
    stepstone::io::save(&path, &plan, None).expect("save");
    let p = path.display().to_string();
    let skill = plan.skills[0].name.clone();
    let o = stepstone(&[
        "log",
        &p,
        "-m",
        "20",
        "-t",
        "Coffee and a plan",
        // Typed with combining marks, in lower case.
        "--person",
        "zoe\u{308} a\u{30a}ngstro\u{308}m",
        "--skill",
        &skill.to_uppercase(),
        "--skill",
        &skill.to_lowercase(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (after, _) = stepstone::io::load(&path).expect("load");
    let entry = after.log.last().expect("logged");
    assert_eq!(entry.people, [plan.people[0].id]);
    assert_eq!(entry.skills, [plan.skills[0].id], "stored once");
}

#[test]
fn a_date_with_a_time_is_refused_not_cut() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    std::fs::copy(sample_path(), &path).expect("copy");
    let before = std::fs::read(&path).expect("read");
    let p = path.display().to_string();
    let o = stepstone(&[
        "log",
        &p,
        "-m",
        "5",
        "-t",
        "x",
        "--date",
        "2026-06-01T10:00",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("has a time of day"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file untouched"
    );
}

#[test]
fn logging_into_a_commented_file_says_so_and_keeps_the_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let text = stepstone::io::SAMPLE_RON.replacen(
        "    roles: [",
        "    // Ask Priya about the budget course.\n    roles: [",
        1,
    );
    std::fs::write(&path, &text).expect("write");
    let p = path.display().to_string();
    let o = stepstone(&["check", &p]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("has comments"), "{}", stderr(&o));

    let o = stepstone(&["log", &p, "-m", "5", "-t", "First"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let copy = dir.path().join("me.commented.stepstone.ron");
    assert!(
        stderr(&o).contains(&copy.display().to_string()),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&copy).expect("copy"), text);
    assert!(
        !std::fs::read_to_string(&path)
            .expect("plan")
            .contains("Priya")
    );

    // Two more saves: the copy is still the commented file.
    for t in ["Second", "Third"] {
        let o = stepstone(&["log", &p, "-m", "5", "-t", t]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(!stderr(&o).contains("note"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read_to_string(&copy).expect("copy"), text);
}

#[test]
fn a_view_that_does_not_exist_is_an_error() {
    let o = stepstone(&["--view", "dashboard", "--screenshot", "/tmp/never.png"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("possible values"), "{}", stderr(&o));
}

#[test]
fn templates_are_listed_and_a_new_plan_starts_from_one() {
    let o = stepstone(&["new", "--list-templates"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let list = String::from_utf8_lossy(&o.stdout).into_owned();
    let lines: Vec<&str> = list.lines().collect();
    assert!(lines.len() >= 6, "{list}");
    assert!(
        lines.iter().all(|l| l.contains(": ")),
        "a name and what it is for: {list}"
    );
    assert!(list.contains("staff-nurse-to-nurse-educator"), "{list}");

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mine.stepstone.ron");
    let p = path.display().to_string();
    let o = stepstone(&["new", &p, "--template", "staff-nurse-to-nurse-educator"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stepstone(&["check", &p]).status.code(), Some(0));
    let (plan, _) = stepstone::io::load(&path).expect("load");
    let template = stepstone::io::templates::template("staff-nurse-to-nurse-educator")
        .expect("template")
        .plan();
    assert_eq!(plan, template);
    assert!(plan.current_role().is_some() && !plan.goals.is_empty());

    let o = stepstone(&["new", &p, "--template", "staff-nurse-to-nurse-educator"]);
    assert_eq!(o.status.code(), Some(1), "never overwrites");
    let other = dir.path().join("other.stepstone.ron").display().to_string();
    let o = stepstone(&["new", &other, "--template", "astronaut"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("known: ")
            && stderr(&o).contains("junior-developer-to-senior-engineer"),
        "{}",
        stderr(&o)
    );
    assert!(!Path::new(&other).exists());
    assert_eq!(
        stepstone(&["new"]).status.code(),
        Some(2),
        "a FILE is needed"
    );
}

#[test]
fn every_shipped_template_passes_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/templates");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("templates") {
        let path = entry.expect("entry").path();
        if path.to_string_lossy().ends_with(".stepstone.ron") {
            let o = stepstone(&["check", &path.display().to_string()]);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{}: {}",
                path.display(),
                stderr(&o)
            );
            checked += 1;
        }
    }
    assert!(checked >= 6, "{checked} templates");
}

#[test]
fn report_prints_every_format_of_the_sample() {
    let plan = stepstone::io::sample_plan();
    let today = jiff::civil::date(2026, 11, 25);
    for format in stepstone::io::export::Format::ALL {
        let o = stepstone(&[
            "--today",
            "2026-11-25",
            "report",
            &sample_path(),
            "--format",
            format.name(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}: {}",
            format.name(),
            stderr(&o)
        );
        let expected = stepstone::io::export::export(
            &plan,
            format,
            &stepstone::io::export::Options::default(),
            today,
        )
        .expect("exports");
        assert_eq!(
            String::from_utf8_lossy(&o.stdout),
            expected,
            "{}",
            format.name()
        );
        assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    }
}

#[test]
fn report_writes_and_replaces_an_export_but_never_a_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("me.stepstone.ron");
    std::fs::write(&plan, stepstone::io::SAMPLE_RON).expect("write plan");
    let out = dir.path().join("me.milestones.ics");
    let (p, o) = (plan.display().to_string(), out.display().to_string());
    for _ in 0..2 {
        let run = stepstone(&["report", &p, "-f", "ics", "-o", &o]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let said = String::from_utf8_lossy(&run.stdout).into_owned();
        assert_eq!(
            said,
            format!("Wrote the calendar of milestones of {p} to {o}.\n")
        );
    }
    assert!(
        std::fs::read_to_string(&out)
            .expect("written")
            .starts_with("BEGIN:VCALENDAR\r\n")
    );
    for target in [
        p.clone(),
        dir.path().join("other.stepstone.ron").display().to_string(),
    ] {
        let run = stepstone(&["report", &p, "-f", "md", "-o", &target]);
        assert_eq!(run.status.code(), Some(1));
        assert!(
            stderr(&run).contains("This is a plan file; write the export to another name."),
            "{}",
            stderr(&run)
        );
    }
    assert_eq!(
        std::fs::read_to_string(&plan).expect("plan"),
        stepstone::io::SAMPLE_RON,
        "the plan is untouched"
    );
    assert_eq!(
        names_in(dir.path()),
        ["me.milestones.ics", "me.stepstone.ron"]
    );
}

#[test]
fn report_explains_a_wrong_period() {
    let backwards = stepstone(&[
        "report",
        &sample_path(),
        "-f",
        "brag",
        "--from",
        "2026-05-01",
        "--to",
        "2026-04-01",
    ]);
    assert_eq!(backwards.status.code(), Some(1));
    assert!(
        stderr(&backwards).ends_with(
            "the period starts on 2026-05-01, after it ends on 2026-04-01; give a start on or before the end\n"
        ),
        "{}",
        stderr(&backwards)
    );
    let not_here = stepstone(&["report", &sample_path(), "-f", "ics", "--to", "2026-04-01"]);
    assert_eq!(not_here.status.code(), Some(1));
    assert!(stderr(&not_here).contains("--format ics covers the whole plan"));
    let not_a_day = stepstone(&[
        "report",
        &sample_path(),
        "-f",
        "brag",
        "--from",
        "2026-02-30",
    ]);
    assert_eq!(not_a_day.status.code(), Some(2), "{}", stderr(&not_a_day));
    assert!(
        stderr(&not_a_day).contains("February 2026 has 28 days"),
        "{}",
        stderr(&not_a_day)
    );
}

#[test]
fn report_on_a_bad_file_names_the_place() {
    let path = fixture("bad/wrong_type.stepstone.ron")
        .display()
        .to_string();
    let o = stepstone(&["report", &path, "-f", "md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(&format!("{path}:3:11: ")),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}

/// A terminal's escape (set the window title), its bell and a carriage
/// return (overwrite the line): what a hostile plan or framework holds.
const TERMINAL_TRICK: &str = "Triage\u{1b}]0;pwned\u{7}\r\u{9b}2J\u{202e}evil";

fn has_terminal_controls(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
    })
}

#[test]
fn control_characters_from_a_plan_reach_the_terminal_visible() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut hostile = stepstone::io::sample_plan();
    hostile.skills[0].name = TERMINAL_TRICK.into();
    let valid = dir.path().join("hostile.stepstone.ron");
    stepstone::io::save(&valid, &hostile, None).expect("save");
    // A problem that names the skill, so `check` prints its name.
    hostile.skills[0].target = Some(stepstone::model::SkillTarget {
        level: stepstone::model::Level(9),
        by: None,
    });
    let invalid = dir.path().join("invalid.stepstone.ron");
    stepstone::io::save(&invalid, &hostile, None).expect("save");
    let empty = dir.path().join("empty.stepstone.ron");
    stepstone::io::save(&empty, &stepstone::model::Plan::default(), None).expect("save");
    let [valid, invalid, empty] = [&valid, &invalid, &empty].map(|p| p.display().to_string());

    let check = stepstone(&["check", &invalid]);
    assert_eq!(check.status.code(), Some(1));
    let import = stepstone(&["import", &empty, "--from", &valid, "--dry-run"]);
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));
    let log = stepstone(&["log", &valid, "-m", "5", "-t", "x", "--skill", "nope"]);
    assert_eq!(log.status.code(), Some(1));
    for (what, o) in [("check", &check), ("import", &import), ("log", &log)] {
        for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            assert!(
                !has_terminal_controls(bytes),
                "{what} {stream}: {:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
    // Shown, not hidden: the person sees what their plan holds.
    assert!(stderr(&check).contains(r"Triage\u{1b}]0;pwned\u{7}\u{d}\u{9b}2J\u{202e}evil"));
    assert!(String::from_utf8_lossy(&import.stdout).contains(r"Triage\u{1b}]0;pwned"));
    // An export piped to another program keeps its bytes.
    let csv = stepstone(&["report", &valid, "-f", "csv"]);
    assert!(
        String::from_utf8_lossy(&csv.stdout).contains(TERMINAL_TRICK),
        "{}",
        stderr(&csv)
    );
}

// ---------------------------------------------------------------------------
// `stepstone log FILE "LINE"`: the quick-add line, parts of names, typed days.

/// Wednesday 25 Nov 2026, given as `--today`.
const WEDNESDAY: &str = "2026-11-25";

/// A warehouse plan with names that share words, saved in a new folder.
fn warehouse() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let plan = Plan {
        skills: vec![
            Skill::new(SkillId(1), "Inventory control"),
            Skill::new(SkillId(2), "Lean Six Sigma"),
            Skill::new(SkillId(3), "Sigma"),
            Skill::new(SkillId(4), "Labour planning and scheduling"),
            Skill::new(SkillId(5), "Lab safety"),
        ],
        goals: vec![Goal::new(
            GoalId(1),
            "Learn demand planning",
            GoalKind::Learning,
        )],
        people: vec![
            Person::new(PersonId(1), "Dana Reyes", Relation::Mentor),
            Person::new(PersonId(2), "Dan Okafor", Relation::Colleague),
        ],
        ..Plan::default()
    };
    stepstone::io::save(&path, &plan, None).expect("save");
    let p = path.display().to_string();
    (dir, path, p)
}

/// `stepstone --today WEDNESDAY log FILE ARGS...`
fn log_on_wednesday(file: &str, args: &[&str]) -> Output {
    stepstone(&[&["--today", WEDNESDAY, "log", file], args].concat())
}

/// The last entry of the plan at `path`, as read back from the file.
fn last_entry(path: &Path) -> LogEntry {
    let (plan, _) = stepstone::io::load(path).expect("load");
    plan.log.last().cloned().expect("an entry")
}

#[test]
fn log_reads_a_quick_add_line() {
    let (_dir, path, p) = warehouse();
    let o = log_on_wednesday(&p, &["Cycle count review 45m #inventory #sigma yesterday"]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    let e = last_entry(&path);
    assert_eq!(
        (e.text.as_str(), e.minutes, e.date),
        ("Cycle count review", 45, date(2026, 11, 24))
    );
    // "sigma" is the whole name of skill 3, though "Lean Six Sigma" holds it too.
    assert_eq!(e.skills, [SkillId(1), SkillId(3)]);
    assert!((e.goals.is_empty(), e.people.is_empty()) == (true, true));
    assert!(
        said(&o).contains(
            "Logged 45 min on 2026-11-24 in {p}: \"Cycle count review\" (Inventory control, Sigma)."
                .replace("{p}", &p)
                .as_str()
        ),
        "the person sees how the line was read: {}",
        said(&o)
    );
    assert_eq!(stepstone(&["check", &p]).status.code(), Some(0));
}

#[test]
fn log_takes_a_part_only_one_name_holds() {
    let (_dir, path, p) = warehouse();
    let o = log_on_wednesday(
        &p,
        &[
            "-m",
            "30",
            "-t",
            "Rota for December",
            "-s",
            "labour planning",
            "-g",
            "DEMAND",
            "-p",
            "okafor",
            "-s",
            "sigma",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    let e = last_entry(&path);
    assert_eq!(e.skills, [SkillId(4), SkillId(3)], "an exact name wins");
    assert_eq!(e.goals, [GoalId(1)]);
    assert_eq!(e.people, [PersonId(2)]);
}

#[test]
fn an_ambiguous_part_lists_the_names_and_writes_nothing() {
    let (_dir, path, p) = warehouse();
    let before = std::fs::read(&path).expect("read");
    let o = log_on_wednesday(&p, &["-m", "30", "-t", "Walkround", "-s", "lab"]);
    assert_eq!(o.status.code(), Some(1), "{}", said(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "{p}: \"lab\" could be several skills: Labour planning and scheduling, Lab safety; \
             type more of the name\n"
        )
    );
    let o = log_on_wednesday(&p, &["Coffee 20m #dan #lab"]);
    assert_eq!(o.status.code(), Some(1), "{}", said(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "{p}: #dan could be Dana Reyes, Dan Okafor: type more of the name\n\
             {p}: #lab could be Labour planning and scheduling, Lab safety: type more of the name\n"
        ),
        "one problem a line"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file untouched"
    );
}

#[test]
fn an_unknown_part_in_the_line_writes_nothing() {
    let (_dir, path, p) = warehouse();
    let before = std::fs::read(&path).expect("read");
    let o = log_on_wednesday(&p, &["Coffee 20m #zebra"]);
    assert_eq!(o.status.code(), Some(1), "{}", said(&o));
    assert_eq!(
        stderr(&o),
        format!("{p}: #zebra names no skill, goal or person in this plan\n")
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file untouched"
    );
}

#[test]
fn a_line_without_text_or_minutes_is_refused() {
    let (_dir, path, p) = warehouse();
    let before = std::fs::read(&path).expect("read");
    for (line, says) in [
        ("45m #inventory yesterday", "no words for what you did"),
        ("Stock take", "say how long it took"),
        ("Stock take 25h", "1500 minutes must be between 1 and 1440"),
        ("Stock take 0m", "0 minutes must be between 1 and 1440"),
        ("   ", "the line is empty"),
    ] {
        let o = log_on_wednesday(&p, &[line]);
        assert_eq!(o.status.code(), Some(1), "{line}: {}", said(&o));
        assert!(stderr(&o).contains(says), "{line}: {}", stderr(&o));
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file untouched"
    );
}

#[test]
fn log_dates_yesterday_and_the_last_friday() {
    let (_dir, path, p) = warehouse();
    for (day, want) in [
        ("yesterday", date(2026, 11, 24)),
        ("fri", date(2026, 11, 20)),
        ("-2d", date(2026, 11, 23)),
        ("2026-11-02", date(2026, 11, 2)),
    ] {
        let o = log_on_wednesday(&p, &["-m", "15", "-t", "Slotting", "--date", day]);
        assert_eq!(o.status.code(), Some(0), "{day}: {}", said(&o));
        assert_eq!(last_entry(&path).date, want, "{day}");
    }
    let before = std::fs::read(&path).expect("read");
    for (day, says) in [
        (
            "lastweek",
            "\"lastweek\" is not a day: write today, yesterday",
        ),
        ("2026-02-30", "February 2026 has 28 days"),
    ] {
        let o = log_on_wednesday(&p, &["-m", "15", "-t", "Slotting", "--date", day]);
        assert_eq!(o.status.code(), Some(1), "{day}: {}", said(&o));
        assert!(
            stderr(&o).starts_with(&format!("{p}: --date: ")) && stderr(&o).contains(says),
            "{day}: {}",
            stderr(&o)
        );
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file untouched"
    );
}

#[test]
fn the_flags_win_over_the_line() {
    let (_dir, path, p) = warehouse();
    let o = log_on_wednesday(
        &p,
        &[
            "Cycle count review 45m #inventory yesterday",
            "--minutes",
            "20",
            "--text",
            "Counted 3m bins #not-a-link fri",
            "--date",
            "mon",
            "-s",
            "six",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    let e = last_entry(&path);
    assert_eq!(
        (e.text.as_str(), e.minutes, e.date),
        ("Counted 3m bins #not-a-link fri", 20, date(2026, 11, 23)),
        "--text is kept as typed"
    );
    assert_eq!(e.skills, [SkillId(1), SkillId(2)], "links from both");
}

#[test]
fn words_that_only_look_like_tokens_are_saved_as_typed() {
    let (_dir, path, p) = warehouse();
    let line = "Read 3m papers today about -2d forecasts, fri 1h";
    let o = log_on_wednesday(&p, &[line]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    let e = last_entry(&path);
    assert_eq!(
        (e.text.as_str(), e.minutes, e.date),
        (
            "Read 3m papers today about -2d forecasts,",
            60,
            date(2026, 11, 20)
        )
    );
    // Written and read back: the same words, and `check` is happy.
    assert_eq!(stepstone(&["check", &p]).status.code(), Some(0));
    let (plan, _) = stepstone::io::load(&path).expect("load");
    assert_eq!(plan.log.len(), 1);
}
