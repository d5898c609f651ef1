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

    // A title line may carry its date: "since" for a start, "by" for a deadline.
    p.write("Inventory analyst since 2025");
    p.enter();
    assert!(p.sees("step 3 of 6"), "on to the next role");
    p.write("Demand planner by 2028");
    p.enter();

    p.write("Forecasting 2 4");
    p.enter();
    p.write("Excel modelling 3 4");
    p.enter();
    p.write("Stakeholder communication 2 3");
    p.press(Modifiers::COMMAND, Key::Enter);

    // The goal's line may carry its hours, a milestone's its date.
    p.write("Learn demand planning 40h");
    p.enter();
    p.write("Finish the forecasting course by 2027-03");
    p.enter();
    p.write("Run a monthly forecast review by 2027-06");
    p.press(Modifiers::COMMAND, Key::Enter);

    assert!(p.sees("Your plan starts with 2 roles, 3 skills, 1 goal and 2 milestones"));
    p.write("Ana Lima");
    p.enter();
    p.write("my path");
    p.enter();
}
