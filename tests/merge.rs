//! Two devices, one plan: `stepstone merge` as git's merge driver, and on
//! its own.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use std::path::Path;
use std::process::{Command, Output};
use stepstone::model::Plan;

const BIN: &str = env!("CARGO_BIN_EXE_stepstone");

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn git(dir: &Path, args: &[&str]) -> Output {
    run(dir, "git", args)
}

fn load(path: &Path) -> Plan {
    stepstone::io::load(path).expect("a plan").0
}

fn save(path: &Path, plan: &Plan) {
    stepstone::io::save(path, plan, None).expect("save");
}

/// Logs an entry with the command line, as a person at a terminal would.
fn log(dir: &Path, text: &str, date: &str) {
    run(
        dir,
        BIN,
        &[
            "log",
            "plan.stepstone.ron",
            "-m",
            "30",
            "-t",
            text,
            "-d",
            date,
        ],
    );
}

/// A repository holding the sample as `plan.stepstone.ron`, with the
/// driver turned on by the two lines the README gives.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("plan.stepstone.ron"), stepstone::io::SAMPLE_RON).expect("write");
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.email", "me@example.org"]);
    git(d, &["config", "user.name", "Me"]);
    std::fs::write(
        d.join(".gitattributes"),
        "*.stepstone.ron merge=stepstone\n",
    )
    .expect("write");
    let driver = format!("{BIN} merge %O %A %B %P");
    git(d, &["config", "merge.stepstone.driver", &driver]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "plan"]);
    dir
}

#[test]
fn git_stops_on_a_conflict_and_names_the_plan_and_the_place() {
    let dir = repository();
    let d = dir.path();
    let plan_file = d.join("plan.stepstone.ron");
    for (branch, title) in [("home", "Home title"), ("main", "Work title")] {
        if branch == "home" {
            git(d, &["checkout", "-q", "-b", "home"]);
        } else {
            git(d, &["checkout", "-q", "main"]);
        }
        let mut p = load(&plan_file);
        p.goals[0].title = title.into();
        save(&plan_file, &p);
        git(d, &["commit", "-q", "-am", branch]);
    }
    let out = Command::new("git")
        .args(["merge", "home"])
        .current_dir(d)
        .env("HOME", d)
        .output()
        .expect("runs");
    assert!(!out.status.success(), "git reports the conflict");
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("plan.stepstone.ron: 1 place changed differently on both sides"),
        "{said}"
    );
    assert!(
        said.contains("ours \"Work title\", theirs \"Home title\""),
        "{said}"
    );
    assert_eq!(
        load(&plan_file).goals[0].title,
        "Work title",
        "our side, whole"
    );
}

#[test]
fn git_merges_two_branches_that_each_logged_and_edited_one_goal() {
    let dir = repository();
    let d = dir.path();
    let plan_file = d.join("plan.stepstone.ron");

    git(d, &["checkout", "-q", "-b", "home"]);
    log(d, "Read the accreditation standards at home", "2026-11-26");
    log(d, "Drafted the orientation quiz at home", "2026-11-27");
    let mut p = load(&plan_file);
    p.goals[0].title = "Renamed at home".into();
    save(&plan_file, &p);
    git(d, &["commit", "-q", "-am", "home"]);

    git(d, &["checkout", "-q", "main"]);
    log(d, "Ran the skills lab at work", "2026-11-26");
    log(d, "Met the unit manager at work", "2026-11-27");
    let mut p = load(&plan_file);
    let due = jiff::civil::date(2027, 9, 30);
    p.goals[0].due = Some(due);
    save(&plan_file, &p);
    git(d, &["commit", "-q", "-am", "work"]);

    git(d, &["merge", "-q", "--no-edit", "home"]);
    run(d, BIN, &["check", "plan.stepstone.ron"]);
    let merged = load(&plan_file);
    let sample = stepstone::io::sample_plan();
    assert_eq!(
        merged.log.len(),
        sample.log.len() + 4,
        "every entry from both"
    );
    for text in [
        "Read the accreditation standards at home",
        "Drafted the orientation quiz at home",
        "Ran the skills lab at work",
        "Met the unit manager at work",
    ] {
        assert!(merged.log.iter().any(|e| e.text == text), "{text}");
    }
    let mut ids: Vec<u32> = merged.log.iter().map(|e| e.id.0).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), merged.log.len(), "no two entries share an id");
    assert_eq!(merged.goals[0].title, "Renamed at home");
    assert_eq!(merged.goals[0].due, Some(due));
    let leftovers: Vec<String> = common::names_in(d)
        .into_iter()
        .filter(|n| n != ".git" && n != ".gitattributes" && !n.starts_with("plan.stepstone.ron"))
        .collect();
    assert_eq!(
        leftovers,
        Vec::<String>::new(),
        "the merge leaves nothing beside the plan (its .bak is from the saves)"
    );
}

#[test]
fn a_conflict_is_listed_and_ours_is_left_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let base = stepstone::io::sample_plan();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.goals[0].title = "Ours".into();
    theirs.goals[0].title = "Theirs".into();
    for (name, plan) in [("base", &base), ("ours", &ours), ("theirs", &theirs)] {
        save(&d.join(name), plan);
    }
    let before = std::fs::read(d.join("ours")).expect("read");
    let out = Command::new(BIN)
        .args(["merge", "base", "ours", "theirs"])
        .current_dir(d)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.starts_with("ours: 1 place changed differently on both sides"),
        "{said}"
    );
    assert!(
        said.contains(": title: ours \"Ours\", theirs \"Theirs\""),
        "{said}"
    );
    assert_eq!(std::fs::read(d.join("ours")).expect("read"), before);

    // A file that is not a plan is an error, not a panic.
    std::fs::write(d.join("theirs"), "not a plan").expect("write");
    let out = Command::new(BIN)
        .args(["merge", "base", "ours", "theirs"])
        .current_dir(d)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("theirs"));
}

#[test]
fn a_merge_that_brings_nothing_new_leaves_ours_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // Hand-written, with a comment and Windows line ends.
    let text = "(\r\n  format_version: 1,\r\n  // mine\r\n  owner: \"Zo\u{eb}\",\r\n)\r\n";
    for name in ["base", "ours", "theirs"] {
        std::fs::write(d.join(name), text).expect("write");
    }
    let out = Command::new(BIN)
        .args(["merge", "base", "ours", "theirs", "plan.stepstone.ron"])
        .current_dir(d)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "plan.stepstone.ron: already up to date\n"
    );
    assert_eq!(std::fs::read_to_string(d.join("ours")).expect("read"), text);
}

#[test]
fn a_git_merge_with_one_conflict_keeps_every_other_change_of_theirs() {
    let dir = repository();
    let d = dir.path();
    let plan_file = d.join("plan.stepstone.ron");
    let first = load(&plan_file).log[0].id;

    // Home edits entry 1's text and logs two entries; work edits the same text.
    git(d, &["checkout", "-q", "-b", "home"]);
    let mut p = load(&plan_file);
    p.log[0].text = "Edited at home".into();
    let next = p.new_entry_id().0;
    p.log.push(common::entry(next, "Logged at home, one"));
    p.log.push(common::entry(next + 1, "Logged at home, two"));
    save(&plan_file, &p);
    git(d, &["commit", "-q", "-am", "home"]);
    git(d, &["checkout", "-q", "main"]);
    let mut p = load(&plan_file);
    p.log[0].text = "Edited at work".into();
    save(&plan_file, &p);
    git(d, &["commit", "-q", "-am", "work"]);

    let o = Command::new("git")
        .args(["merge", "home"])
        .current_dir(d)
        .env("HOME", d)
        .output()
        .expect("runs");
    assert!(!o.status.success(), "git keeps its conflict exit");
    let out = common::said(&o);
    assert!(out.contains("1 place changed differently"), "{out}");
    assert!(out.contains("ours \"Edited at work\""), "{out}");
    let merged = load(&plan_file);
    let texts: Vec<&str> = merged.log.iter().map(|e| e.text.as_str()).collect();
    assert!(
        texts.contains(&"Logged at home, one"),
        "theirs' entries are in"
    );
    assert!(texts.contains(&"Logged at home, two"));
    assert_eq!(
        merged
            .log
            .iter()
            .find(|e| e.id == first)
            .map(|e| e.text.as_str()),
        Some("Edited at work"),
        "your side at the conflicting place"
    );
    assert!(merged.validate().is_empty());
}
