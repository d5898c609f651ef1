//! The guided start as a new person's task (issue 17) puts it, from the
//! welcome: two whys, the current role since 2025, the next one by 2028
//! needing three skills, a goal of 40 hours with two dated milestones, and
//! the owner's name, saved as "my path" in the plans folder.

use super::person::Person;
use egui::{Key, Modifiers};

/// Drives the welcome and the guided start's six steps from the keyboard;
/// ends on Today with the plan saved.
pub fn whole_first_plan(p: &mut Person) {
    assert!(p.sees("Welcome to Stepstone"));
    p.click("Guided start");

    p.write("Plan stock so the shelves are never empty");
    p.enter();
    p.write("Grow into work I can teach others");
    p.press(Modifiers::COMMAND, Key::Enter);

    p.write("Inventory analyst");
    p.enter();
    p.write("2025");
    assert!(p.sees("Wed 1 Jan 2025"), "a year as a start: its first day");
    p.enter();

    p.write("Demand planner");
    p.enter();
    p.write("2028");
    assert!(
        p.sees("Sun 31 Dec 2028"),
        "a year as a deadline: its last day"
    );
    p.enter();

    p.write("Forecasting 2 4");
    p.enter();
    p.write("Excel modelling 3 4");
    p.enter();
    p.write("Stakeholder communication 2 3");
    p.press(Modifiers::COMMAND, Key::Enter);

    p.write("Learn demand planning");
    p.enter();
    p.write("40"); // hours, the target's first choice
    p.enter();
    p.write("Finish the forecasting course");
    p.enter();
    p.write("2027-03");
    p.enter();
    p.write("Run a monthly forecast review");
    p.enter();
    p.write("2027-06");
    p.press(Modifiers::COMMAND, Key::Enter);

    assert!(p.sees("Your plan starts with 2 roles, 3 skills, 1 goal and 2 milestones"));
    p.write("Ana Lima");
    p.enter();
    p.write("my path");
    p.enter();
}
