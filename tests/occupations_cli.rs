//! `stepstone occupations search|show|near` and `import --occupation`
//! (issue 19), as a person runs them in a terminal.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::{said, stepstone};
use stepstone::model::Stage;

#[test]
fn search_finds_an_occupation_by_another_name_and_says_where_the_data_is_from() {
    let o = stepstone(&["occupations", "search", "logistcs", "manager"]);
    assert!(o.status.success(), "{}", said(&o));
    let out = said(&o);
    let first = out.lines().next().expect("a line");
    assert!(first.starts_with("11-3071.00"), "{out}");
    assert!(first.contains("also called Logistics Manager"), "{out}");
    assert!(out.contains("O*NET 29.0"), "{out}");
    let none = stepstone(&["occupations", "search", "qqqqzzzz"]);
    assert!(none.status.success());
    assert!(said(&none).contains("No occupation has a name like"));
}

#[test]
fn show_lists_what_it_needs_on_the_plans_scale_with_the_attribution() {
    let o = stepstone(&["occupations", "show", "29-1141"]);
    assert!(o.status.success(), "{}", said(&o));
    let out = said(&o);
    assert!(out.starts_with("29-1141.00  Registered Nurses"), "{out}");
    assert!(out.contains("level "), "{out}");
    assert!(out.contains("used under the CC BY 4.0 license"), "{out}");
    let bad = stepstone(&["occupations", "show", "99-9999.99"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        said(&bad).contains("stepstone occupations search"),
        "{}",
        said(&bad)
    );
}

#[test]
fn near_lists_occupations_one_step_away_with_why() {
    let o = stepstone(&["occupations", "near", "29-1141.00", "--limit", "5"]);
    assert!(o.status.success(), "{}", said(&o));
    let out = said(&o);
    assert_eq!(out.lines().filter(|l| l.contains("% ")).count(), 5, "{out}");
    assert!(out.contains("alike in:"), "{out}");
    assert!(
        !out.contains("29-1141.00  Registered Nurses"),
        "not itself: {out}"
    );
}

#[test]
fn import_takes_an_occupation_in_as_a_role_and_near_reads_the_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("plan.stepstone.ron");
    let path = file.to_str().expect("utf-8");
    assert!(stepstone(&["new", path]).status.success());
    // A plan with nothing named like O*NET has nothing to compare.
    let empty = stepstone(&["occupations", "near", "--plan", path]);
    assert_eq!(empty.status.code(), Some(1));
    let dry = stepstone(&["import", path, "--occupation", "11-3071", "--dry-run"]);
    assert!(dry.status.success(), "{}", said(&dry));
    assert!(said(&dry).contains("(new skill)"));
    let (plan, _) = stepstone::io::load(&file).expect("loads");
    assert!(plan.roles.is_empty(), "a dry run changes nothing");
    let o = stepstone(&[
        "import",
        path,
        "--occupation",
        "11-3071.00",
        "--as",
        "long-term",
        "--top",
        "5",
    ]);
    assert!(o.status.success(), "{}", said(&o));
    let (plan, _) = stepstone::io::load(&file).expect("loads");
    let role = plan.roles.first().expect("a role");
    assert_eq!(
        (role.title.as_str(), role.stage, role.requires.len()),
        (
            "Transportation, Storage, and Distribution Managers",
            Stage::LongTerm,
            5
        )
    );
    assert!(plan.validate().is_empty());
    // Its skills now name O*NET's, so the plan can be compared (its levels
    // are not recorded yet: each counts as unknown but the names match).
    let near = stepstone(&["occupations", "near", "--plan", path]);
    assert!(
        said(&near).contains("One step away from the levels in"),
        "{}",
        said(&near)
    );
    // A bad code changes nothing and says how to find one.
    let bad = stepstone(&["import", path, "--occupation", "00-0000"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(said(&bad).contains("no occupation has the code"));
}
