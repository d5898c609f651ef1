//! Occupations in the app (issue 19): the guided start with "pick from
//! occupations" for both roles, from the welcome to a saved plan whose
//! next role requires the elements picked; and the explorer.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::person::Person;
use common::ui::{open_app, settings};
use egui::{Key, Modifiers};
use jiff::civil::{Date, date};
use stepstone::io::occupations::occupations;
use stepstone::model::occupations::plan_level;
use stepstone::model::{Level, Stage};

const TODAY: Date = Date::constant(2026, 11, 25);
const PICK: &str = "\u{1f50d} Pick from occupations\u{2026}";

/// A shipping clerk who wants to manage logistics: both roles picked from
/// occupations, the skills step filled from them, the rest skipped.
#[test]
fn the_guided_start_picks_both_roles_from_occupations_into_a_saved_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = settings(dir.path(), TODAY);
    s.welcome = true;
    let mut p = Person::at(open_app(s, None));
    assert!(p.sees("Welcome to Stepstone"));
    p.click("Guided start");
    p.press(Modifiers::COMMAND, Key::Enter); // No why yet.

    assert!(p.sees("step 2 of 6"));
    p.click(PICK);
    p.write("shipping clerk");
    p.enter(); // The best match.
    assert!(p.sees("From O*NET: Shipping, Receiving, and Inventory Clerks (43-5071.00)"));
    assert_eq!(p.focused(), "Since", "on to the role's date");
    p.write("2023");
    p.enter();

    assert!(p.sees("step 3 of 6"));
    p.click(PICK);
    p.write("logistics manager");
    p.enter();
    assert!(p.sees("(11-3071.00)"), "found through its alternate title");
    p.write("2028");
    p.press(Modifiers::COMMAND, Key::Enter);

    // The skills step comes filled: the target's five most important
    // elements, its levels and the clerk's.
    assert!(p.sees("step 4 of 6"));
    let data = occupations();
    let (clerk, manager) = (
        data.by_code("43-5071.00").expect("clerk"),
        data.by_code("11-3071.00").expect("manager"),
    );
    let picked: Vec<usize> = data.important(manager).into_iter().take(5).collect();
    p.press(Modifiers::COMMAND, Key::Enter);
    assert!(p.sees("step 5 of 6"));
    p.press(Modifiers::COMMAND, Key::Enter); // No goal yet.
    assert!(p.sees("step 6 of 6"));
    p.enter();
    p.write("to logistics");
    p.enter();
    assert!(p.sees("Your plan is saved as"), "the plan was made");
    println!(
        "the guided start from occupations: {} UI actions",
        p.actions
    );
    assert!(p.actions <= 17, "{} actions", p.actions);

    let file = dir.path().join("plans/to logistics.stepstone.ron");
    let (plan, _) = stepstone::io::load(&file).expect("saved");
    let current = plan.current_role().expect("a current role");
    assert_eq!(current.title, "Shipping, Receiving, and Inventory Clerks");
    assert_eq!(current.start, Some(date(2023, 1, 1)));
    let next = plan
        .roles
        .iter()
        .find(|r| r.stage == Stage::Next)
        .expect("a next role");
    assert_eq!(
        next.title,
        "Transportation, Storage, and Distribution Managers"
    );
    let required: Vec<(&str, Level)> = next
        .requires
        .iter()
        .map(|r| {
            let skill = plan.skill(r.skill).expect("the skill");
            (skill.name.as_str(), r.level)
        })
        .collect();
    let expected: Vec<(&str, Level)> = picked
        .iter()
        .map(|&e| {
            (
                data.elements[e].name.as_str(),
                plan_level(data.occupations[manager].ratings[e].level),
            )
        })
        .collect();
    assert_eq!(
        required, expected,
        "the picked elements at the target's levels"
    );
    // Each skill starts at the level the clerk's job has.
    for &e in &picked {
        let skill = plan
            .skills
            .iter()
            .find(|s| s.name == data.elements[e].name)
            .expect("a skill per element");
        assert_eq!(
            skill.current_level(TODAY),
            plan_level(data.occupations[clerk].ratings[e].level),
            "{}",
            skill.name
        );
    }
    assert!(plan.validate().is_empty());
}

/// The explorer from the File menu: a search, an occupation, taken in as
/// the next role with its first eight elements, and one undo.
#[test]
fn the_explorer_takes_an_occupation_in_as_a_role_and_undo_takes_it_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = Person::at(open_app(settings(dir.path(), TODAY), None));
    let before = p.plan().clone();
    p.click("File");
    p.click("Explore occupations\u{2026}");
    p.write("registered nurse");
    p.enter();
    assert!(p.sees("29-1141.00"), "Registered Nurses shown");
    assert!(p.sees("It needs"));
    p.click("Take it in, with 8 skills");
    let plan = p.plan().clone();
    let role = plan
        .roles
        .iter()
        .find(|r| r.title == "Registered Nurses")
        .expect("the role");
    assert_eq!((role.stage, role.requires.len()), (Stage::Next, 8));
    assert!(p.sees("Added the role Registered Nurses"));
    p.press(Modifiers::COMMAND, Key::Z);
    assert_eq!(p.plan(), &before, "one undo takes it all back");
}
