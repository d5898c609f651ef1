//! Daily capture and editing as a new user meets them (issue 7, section B),
//! driven through the UI with `egui_kittest`. Each test names the item it
//! pins; kittest also fails on any widget without an accessible name.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{click, press, settings, type_text};
use egui::accesskit::Role as A11yRole;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jiff::civil::{Date, date};
use std::path::Path;
use stepstone::model::*;
use stepstone::ui::App;

const TODAY: Date = Date::constant(2026, 11, 25);

/// The app on the sample plan (not tied to a file).
fn harness(dir: &Path) -> Harness<'static, App> {
    harness_on(dir, stepstone::io::sample_plan(), 1280.0)
}

fn harness_on(dir: &Path, plan: Plan, width: f32) -> Harness<'static, App> {
    let s = settings(dir, TODAY);
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, 800.0))
        .build_eframe(move |_| App::from_plan(plan, s));
    h.run();
    h
}

/// Alt+key as a real keyboard sends it: the key, and the text it types
/// (on Linux Alt+3 also types "3").
fn alt(h: &mut Harness<'_, App>, key: Key, text: &str) {
    h.event(Event::ModifiersChanged(Modifiers::ALT));
    h.event(Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::ALT,
    });
    h.event(Event::Text(text.to_string()));
    h.event(Event::Key {
        key,
        physical_key: None,
        pressed: false,
        repeat: false,
        modifiers: Modifiers::ALT,
    });
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

fn show(h: &mut Harness<'_, App>, view: &str) {
    h.get_by_role_and_label(A11yRole::Button, view).click();
    h.run();
}

/// The value of the text box named `label`.
fn field(h: &Harness<'_, App>, label: &str) -> String {
    h.get_by_role_and_label(A11yRole::TextInput, label)
        .value()
        .unwrap_or_default()
}

/// B1 to B5: the quick log from the keyboard, as the issue walks it.
#[test]
fn quick_log_walkthrough() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    let plan = h.state().plan().clone();
    let before = plan.log.len();
    let budgeting = plan.skill_named("Budgeting").expect("sample skill").id;
    let jonah = plan.person_named("Jonah Reyes").expect("sample person").id;

    // Type a line; Tab to minutes and type 90 (B3: Tab selects the 30).
    type_text(&mut h, "Showed Sam the budget template");
    press(&mut h, Modifiers::NONE, Key::Tab);
    type_text(&mut h, "90");
    assert_eq!(field(&h, "Minutes"), "90", "B3: typing replaces the 30");

    // Tab to the link box and link two items.
    press(&mut h, Modifiers::NONE, Key::Tab);
    type_text(&mut h, "budg");
    press(&mut h, Modifiers::NONE, Key::Enter);
    type_text(&mut h, "jonah r");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let links = |h: &Harness<'_, App>| {
        ["Budgeting \u{2716}", "Jonah Reyes \u{2716}"]
            .iter()
            .filter(|l| h.query_by_label(l).is_some())
            .count()
    };
    assert_eq!(links(&h), 2);

    // B1: Backspace over the picker's text leaves both links.
    type_text(&mut h, "tri");
    for _ in 0..3 {
        press(&mut h, Modifiers::NONE, Key::Backspace);
    }
    assert_eq!(field(&h, "Link to"), "");
    assert_eq!(links(&h), 2, "B1: deleting typed letters keeps the links");

    // B2: Alt+3 sets the kind and types no digit.
    alt(&mut h, Key::Num3, "3");
    assert_eq!(field(&h, "Link to"), "", "B2: no digit typed");
    assert!(
        h.get_by_role_and_label(A11yRole::Button, "Mentoring or coaching")
            .accesskit_node()
            .toggled()
            == Some(egui::accesskit::Toggled::True),
        "B2: the kind is set"
    );

    // B4: one key for yesterday; Enter on the empty link box saves.
    alt(&mut h, Key::Y, "y");
    assert_eq!(field(&h, "Link to"), "");
    assert_eq!(field(&h, "Day"), "2026-11-24");
    press(&mut h, Modifiers::NONE, Key::Enter);

    let log = &h.state().plan().log;
    assert_eq!(log.len(), before + 1);
    let e = log.last().expect("the new entry");
    assert_eq!(e.text, "Showed Sam the budget template");
    assert_eq!(e.minutes, 90);
    assert_eq!(e.kind, ExperienceKind::Mentoring);
    assert_eq!(e.date, date(2026, 11, 24), "B4: on yesterday");
    assert_eq!(
        (e.skills.clone(), e.people.clone()),
        (vec![budgeting], vec![jonah])
    );
    assert_eq!(
        field(&h, "Day"),
        "2026-11-25",
        "the next entry is for today again"
    );

    // B5: the box has the keyboard again; Ctrl+Z undoes the typing, not the entry.
    type_text(&mut h, "Coffee with");
    assert_eq!(field(&h, "What did you do?"), "Coffee with");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        field(&h, "What did you do?"),
        "",
        "B5: the typing is undone"
    );
    assert_eq!(
        h.state().plan().log.len(),
        before + 1,
        "B5: the entry stays"
    );

    // Outside a text field, Ctrl+Z is the plan's undo.
    h.get_by_label("Log what you did").click();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().plan().log.len(), before);
}

/// B2: Alt+digit in the "What did you do?" box types nothing either.
#[test]
fn alt_digit_in_the_text_box_sets_the_kind_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    type_text(&mut h, "Covered the evening in-service");
    alt(&mut h, Key::Num4, "4");
    assert_eq!(
        field(&h, "What did you do?"),
        "Covered the evening in-service"
    );
    press(&mut h, Modifiers::NONE, Key::Enter);
    let e = h.state().plan().log.last().expect("entry").clone();
    assert_eq!(
        (e.text.as_str(), e.kind),
        ("Covered the evening in-service", ExperienceKind::BeyondDuty)
    );
}

/// B4 and B6: a typed day in the quick log, and a clear message for anything else.
#[test]
fn the_quick_log_takes_a_typed_day_and_explains_a_bad_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    type_text(&mut h, "Read the new triage protocol");
    let day = h.get_by_role_and_label(A11yRole::TextInput, "Day");
    day.focus();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "20/11/2026");
    assert!(
        h.query_by_label_contains("is not a date: write 2027-03-15")
            .is_some()
    );
    let before = h.state().plan().log.len();
    click(&mut h, "Save entry");
    assert_eq!(
        h.state().plan().log.len(),
        before,
        "not saved on a day that is not a date"
    );
    assert!(h.query_by_label_contains("Fix the day first").is_some());
    h.get_by_role_and_label(A11yRole::TextInput, "Day").focus();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "2026-11-20");
    assert!(
        h.query_by_label_contains("is not a date").is_none(),
        "the message goes once the date is right"
    );
    click(&mut h, "Save entry");
    let e = h.state().plan().log.last().expect("entry");
    assert_eq!(
        (e.text.as_str(), e.date),
        ("Read the new triage protocol", date(2026, 11, 20))
    );
}

/// B6: dates typed in an editor; the calendar's Today is the app's clock.
#[test]
fn dates_are_typed_or_picked_and_today_is_the_apps_today() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    show(&mut h, "Log");
    let first = h.state().plan().log.last().expect("sample entry").clone();
    let id = first.id;
    h.state_mut().views_mut().log.selected = Some(id);
    h.run();
    let entry = |h: &Harness<'_, App>| {
        h.state()
            .plan()
            .log
            .iter()
            .find(|e| e.id == id)
            .expect("entry")
            .clone()
    };

    h.get_by_role_and_label(A11yRole::TextInput, "Day").focus();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "2026-02-30");
    assert!(
        h.query_by_label_contains("February 2026 has 28 days")
            .is_some()
    );
    assert_eq!(entry(&h).date, first.date, "nothing changes on a bad date");
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "2026-03-02");
    assert_eq!(entry(&h).date, date(2026, 3, 2));

    // The calendar: its Today is --today (2026-11-25), not the system's date.
    press(&mut h, Modifiers::NONE, Key::Escape);
    let row = h
        .get_by_role_and_label(A11yRole::TextInput, "Day")
        .rect()
        .center()
        .y;
    h.query_all_by_label("\u{1f4c6}")
        .find(|b| (b.rect().center().y - row).abs() < 4.0)
        .expect("the day's calendar button")
        .click();
    h.run();
    assert!(
        h.query_by_label("March 2026").is_some(),
        "opens on the date's month"
    );
    assert!(
        h.query_by_label("November").is_none() && h.query_by_label("December").is_none(),
        "months are a click away, not a scroll in a list"
    );
    // (The side bar has a Today button too; the calendar's is to its right.)
    h.query_all_by_role_and_label(A11yRole::Button, "Today")
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the calendar's Today")
        .click();
    h.run();
    assert_eq!(entry(&h).date, TODAY);
}

/// B7: a new item's name has the keyboard, its placeholder selected.
#[test]
fn new_items_take_the_keyboard_in_their_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());

    show(&mut h, "Skills");
    click(&mut h, "\u{2795} Add skill");
    h.run();
    type_text(&mut h, "Rostering");
    assert_eq!(
        h.state().plan().skills.last().map(|s| s.name.as_str()),
        Some("Rostering")
    );

    show(&mut h, "People");
    click(&mut h, "\u{2795} Add person");
    h.run();
    type_text(&mut h, "Ana Souza");
    assert_eq!(
        h.state().plan().people.last().map(|p| p.name.as_str()),
        Some("Ana Souza")
    );

    show(&mut h, "Goals & milestones");
    click(&mut h, "\u{2795} Add goal");
    h.get_by_role_and_label(A11yRole::Button, "Learning")
        .click();
    h.run();
    h.run();
    type_text(&mut h, "Finish the budgeting course");
    let goal = h.state().plan().goals.last().expect("goal").clone();
    assert_eq!(goal.title, "Finish the budgeting course");
    click(&mut h, "\u{2795} Add milestone");
    h.run();
    type_text(&mut h, "Module 1");
    let goal = h.state().plan().goal(goal.id).expect("goal").clone();
    assert_eq!(
        goal.milestones.last().map(|m| m.title.as_str()),
        Some("Module 1")
    );

    show(&mut h, "Roadmap");
    click(&mut h, "\u{2795} Add role");
    click(&mut h, "Next");
    h.run();
    type_text(&mut h, "Unit coordinator");
    assert_eq!(
        h.state().plan().roles.last().map(|r| r.title.as_str()),
        Some("Unit coordinator")
    );
    click(&mut h, "Close");
    let whys = h.state().plan().purpose.len();
    click(&mut h, "\u{2795} Add a why");
    h.run();
    type_text(&mut h, "To make handovers safe");
    let purpose = &h.state().plan().purpose;
    assert_eq!(purpose.len(), whys + 1);
    assert_eq!(
        purpose.last().map(String::as_str),
        Some("To make handovers safe")
    );
}

/// B8: a multi-select pop-up stays open while several are ticked.
#[test]
fn link_pickers_stay_open_for_several_ticks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut plan = stepstone::io::sample_plan();
    let entry = plan.log.last_mut().expect("entry");
    entry.skills.clear();
    let id = entry.id;
    let mut h = harness_on(dir.path(), plan, 1280.0);
    show(&mut h, "Log");
    h.state_mut().views_mut().log.selected = Some(id);
    h.run();
    let names: Vec<String> = h
        .state()
        .plan()
        .skills
        .iter()
        .take(2)
        .map(|s| s.name.clone())
        .collect();
    // The Skills picker shows "none" until something is ticked.
    h.get_by_role_and_label(A11yRole::Button, "none").click();
    h.run();
    for name in &names {
        h.get_by_role_and_label(A11yRole::CheckBox, name).click();
        h.run();
    }
    let e = h
        .state()
        .plan()
        .log
        .iter()
        .find(|e| e.id == id)
        .expect("entry")
        .clone();
    assert_eq!(e.skills.len(), 2, "both ticks landed");
}

/// B9: with an entry open, the table stops where the editor starts, and a
/// wrapped filter row keeps each label with its control.
#[test]
fn the_log_table_fits_beside_the_editor_and_filters_wrap_in_pairs() {
    let dir = tempfile::tempdir().expect("tempdir");
    for width in [1280.0, 1000.0] {
        let mut h = harness_on(dir.path(), stepstone::io::sample_plan(), width);
        show(&mut h, "Log");
        let id = h.state().plan().log.last().expect("entry").id;
        h.state_mut().views_mut().log.selected = Some(id);
        h.run();
        let editor_left = h.get_by_label("Entry").rect().left();
        let plan = h.state().plan().clone();
        let e = plan.log.last().expect("entry");
        let names = stepstone::ui::views::link_names(&plan, &e.skills, &e.goals, &e.people);
        for cell in [
            h.get_by_label("Links").rect(),
            h.get_by_label(&names).rect(),
        ] {
            assert!(
                cell.right() <= editor_left,
                "{width}: the Links column ({cell:?}) ends before the editor ({editor_left})"
            );
        }
        // Each filter list and the label naming it are on one line, the label first.
        for label in ["Skill", "Goal", "Person", "Kind"] {
            let combo = h
                .query_all_by_role_and_label(A11yRole::ComboBox, label)
                .find(|n| n.rect().right() <= editor_left)
                .unwrap_or_else(|| {
                    panic!(
                        "{width} {label} {editor_left} {:?}",
                        h.query_all_by_role_and_label(A11yRole::ComboBox, label)
                            .map(|n| n.rect())
                            .collect::<Vec<_>>()
                    )
                });
            let node = combo.accesskit_node();
            let (list, text) = (
                node.bounding_box().expect("placed"),
                node.labelled_by()
                    .next()
                    .and_then(|l| l.bounding_box())
                    .expect("its label"),
            );
            assert!(
                (f64::midpoint(list.y0, list.y1) - f64::midpoint(text.y0, text.y1)).abs() < 4.0
                    && text.x1 <= list.x0,
                "{width}: \"{label}\" sits with its list ({text:?}, {list:?})"
            );
        }
    }
}

/// B12: a level recorded with a later date is planned, not current, in the
/// Skills table and its editor.
#[test]
fn a_future_dated_level_shows_as_planned() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut plan = Plan::default();
    let mut s = Skill::new(SkillId(1), "Rostering");
    s.history = vec![
        LevelChange {
            date: date(2026, 1, 5),
            level: Level(2),
            evidence: String::new(),
        },
        LevelChange {
            date: date(2027, 3, 1),
            level: Level(4),
            evidence: "after the course".into(),
        },
    ];
    plan.skills.push(s);
    let mut h = harness_on(dir.path(), plan, 1280.0);
    show(&mut h, "Skills");
    assert!(h.query_by_label("novice").is_some(), "level 2 today");
    assert!(h.query_by_label("proficient").is_none());
    assert!(h.query_by_label("(4 planned)").is_some());
    click(&mut h, "Rostering");
    assert!(h.query_by_label("Now: 2 (novice)").is_some());
    assert!(
        h.query_by_label("Planned: 4 (proficient) on 2027-03-01")
            .is_some()
    );
}

/// B13: "Earlier" on a week, then Monthly, opens that calendar month.
#[test]
fn monthly_after_an_earlier_week_is_that_month() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    show(&mut h, "Review");
    click(&mut h, "\u{2b05} Earlier");
    // (The title; the list of past reviews may name the same period.)
    assert!(
        h.query_all_by_label("Week of 16 November 2026")
            .next()
            .is_some()
    );
    click(&mut h, "Monthly");
    assert!(h.query_all_by_label("November 2026").next().is_some());
    let plan = h.state().plan().clone();
    let in_november: Vec<&LogEntry> = plan
        .log
        .iter()
        .filter(|e| e.date >= date(2026, 11, 1) && e.date <= date(2026, 11, 30))
        .collect();
    let n = in_november.len();
    let words = if n == 1 {
        "1 entry,".to_string()
    } else {
        format!("{n} entries,")
    };
    assert!(
        h.query_by_label_contains(&words).is_some(),
        "the numbers cover 1 to 30 November ({n} entries)"
    );
    click(&mut h, "\u{2b05} Earlier");
    assert!(h.query_all_by_label("October 2026").next().is_some());
}

/// B17: a new plan's status bar does not also say "Saved".
#[test]
fn a_new_plan_is_not_called_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    press(&mut h, Modifiers::COMMAND, Key::N);
    click(&mut h, "Start with an empty plan");
    assert!(h.query_by_label("Not saved to a file yet").is_some());
    assert!(h.query_by_label("Saved").is_none());
}

/// B17: a next role that lists no skills does not claim they are all met.
#[test]
fn a_next_role_without_required_skills_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut current = Role::new(RoleId(1), "Ward clerk", Stage::Current);
    current.leads_to = vec![RoleId(2)];
    let plan = Plan {
        roles: vec![
            current,
            Role::new(RoleId(2), "Unit coordinator", Stage::Next),
        ],
        ..Plan::default()
    };
    let mut h = harness_on(dir.path(), plan, 1280.0);
    show(&mut h, "Roadmap");
    assert!(
        h.query_by_label("Every skill it asks for is at the level it needs.")
            .is_none()
    );
    assert!(
        h.query_by_label_contains("does not list the skills it asks for")
            .is_some()
    );
}

/// B17: "Add a required skill" starts at the skill's own target.
#[test]
fn a_required_skill_starts_at_its_target() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut skill = Skill::new(SkillId(1), "Rostering");
    skill.target = Some(SkillTarget {
        level: Level(5),
        by: None,
    });
    let plan = Plan {
        roles: vec![Role::new(RoleId(1), "Unit coordinator", Stage::Next)],
        skills: vec![skill],
        ..Plan::default()
    };
    let mut h = harness_on(dir.path(), plan, 1280.0);
    show(&mut h, "Roadmap");
    h.state_mut().views_mut().roadmap.selected = Some(RoleId(1));
    h.run();
    click(&mut h, "Add a required skill");
    h.get_by_role_and_label(A11yRole::Button, "Rostering")
        .click();
    h.run();
    let role = h.state().plan().role(RoleId(1)).expect("role").clone();
    assert_eq!(role.requires.first().map(|q| q.level), Some(Level(5)));
}

/// B17 and C: milestones listed by date; un-ticking one is its own edit.
#[test]
fn milestones_are_listed_by_date_and_untick_with_undo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut g = Goal::new(GoalId(1), "Budget course", GoalKind::Learning);
    for (id, title, due) in [
        (1, "Final exam", date(2026, 12, 10)),
        (2, "Module 1", date(2026, 11, 1)),
        (3, "Module 2", date(2026, 11, 20)),
    ] {
        g.milestones.push(Milestone {
            due: Some(due),
            ..Milestone::new(MilestoneId(id), title)
        });
    }
    g.milestones[1].done = Some(date(2026, 11, 2));
    let mut h = harness_on(
        dir.path(),
        Plan {
            goals: vec![g],
            ..Plan::default()
        },
        1280.0,
    );
    show(&mut h, "Goals & milestones");
    let y = |h: &Harness<'_, App>, t: &str| {
        h.get_by_role_and_label(A11yRole::CheckBox, t)
            .rect()
            .center()
            .y
    };
    assert!(y(&h, "Module 1") < y(&h, "Module 2"));
    assert!(y(&h, "Module 2") < y(&h, "Final exam"));

    h.get_by_role_and_label(A11yRole::CheckBox, "Module 1")
        .click();
    h.run();
    assert_eq!(
        h.state()
            .plan()
            .milestone(MilestoneId(2))
            .map(|(_, m)| m.done),
        Some(None)
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state()
            .plan()
            .milestone(MilestoneId(2))
            .map(|(_, m)| m.done),
        Some(Some(date(2026, 11, 2)))
    );
}

/// B17: an entry with no energy says "Not set", not "Any".
#[test]
fn unset_energy_reads_not_set() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut plan = stepstone::io::sample_plan();
    let entry = plan.log.last_mut().expect("entry");
    entry.energy = None;
    let id = entry.id;
    let mut h = harness_on(dir.path(), plan, 1280.0);
    show(&mut h, "Log");
    h.state_mut().views_mut().log.selected = Some(id);
    h.run();
    let energy = h.get_by_role_and_label(A11yRole::ComboBox, "Energy");
    assert_eq!(energy.value().as_deref(), Some("Not set"));
}

/// B17: the owner's name can be edited (on People, as "Your name").
#[test]
fn the_owners_name_is_edited_on_people() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    show(&mut h, "People");
    h.get_by_role_and_label(A11yRole::TextInput, "Your name")
        .focus();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Priya Nair");
    assert_eq!(h.state().plan().owner, "Priya Nair");
}

/// C: choosing Current in a role's Stage list keeps one current role.
#[test]
fn the_stage_list_keeps_one_current_role() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    let plan = h.state().plan().clone();
    let old = plan.current_role().expect("sample current role").id;
    let next = plan
        .roles
        .iter()
        .find(|r| r.stage == Stage::Next)
        .expect("sample next role")
        .id;
    show(&mut h, "Roadmap");
    h.state_mut().views_mut().roadmap.selected = Some(next);
    h.run();
    h.get_by_role_and_label(A11yRole::ComboBox, "Stage").click();
    h.run();
    h.get_by_role_and_label(A11yRole::Button, "Current").click();
    h.run();
    let plan = h.state().plan();
    let current: Vec<RoleId> = plan
        .roles
        .iter()
        .filter(|r| r.stage == Stage::Current)
        .map(|r| r.id)
        .collect();
    assert_eq!(current, vec![next]);
    assert_eq!(plan.role(old).map(|r| r.stage), Some(Stage::Past));
}

/// B17: hovering a cut-off entry on Today shows one tooltip, not two.
#[test]
fn one_tooltip_at_a_time_on_today() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    let r = h
        .get_by_label_contains("Ran Monday hospital orientation")
        .rect();
    h.hover_at(r.center());
    h.run();
    for _ in 0..60 {
        h.step();
    }
    let tooltips = h.query_all_by(|n| n.role() == A11yRole::Tooltip).count();
    assert_eq!(tooltips, 1);
}

/// B4: Alt+Y while the Day box holds half a date shows yesterday there too.
#[test]
fn alt_y_replaces_a_half_typed_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    h.get_by_role_and_label(A11yRole::TextInput, "Day").focus();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "2026-11-2");
    alt(&mut h, Key::Y, "y");
    assert_eq!(field(&h, "Day"), "2026-11-24");
}

/// Alt+T brings the Day box back to today even when the day already was
/// today and something else was half typed over it.
#[test]
fn alt_t_clears_a_half_typed_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    h.get_by_role_and_label(A11yRole::TextInput, "Day").focus();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "soon");
    alt(&mut h, Key::T, "t");
    assert_eq!(field(&h, "Day"), "2026-11-25");
    assert!(h.query_by_label_contains("is not a date").is_none());
}

/// A9 in the app: the link picker finds a name however its accents were typed.
#[test]
fn the_link_picker_finds_names_in_any_accent_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut plan = stepstone::io::sample_plan();
    plan.people[0].name = "Zo\u{eb} \u{c5}ngstr\u{f6}m".into();
    let zoe = plan.people[0].id;
    let mut h = harness_on(dir.path(), plan, 1280.0);
    type_text(&mut h, "Coffee and a plan");
    press(&mut h, Modifiers::NONE, Key::Tab);
    press(&mut h, Modifiers::NONE, Key::Tab);
    type_text(&mut h, "ZOE\u{308} \u{c5}");
    press(&mut h, Modifiers::NONE, Key::Enter);
    press(&mut h, Modifiers::NONE, Key::Enter);
    let e = h.state().plan().log.last().expect("entry");
    assert_eq!(e.text, "Coffee and a plan");
    assert_eq!(e.people, [zoe]);
}

/// Faster dates (issue 9): the Day box takes "next friday", "+2w" and "2027-03".
#[test]
fn the_day_box_takes_the_short_ways_people_type_days() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    for (typed, want) in [
        ("next friday", date(2026, 11, 27)),
        ("-1w", date(2026, 11, 18)),
        ("2026-10", date(2026, 10, 31)),
    ] {
        // The day typed in the line would be read from its end: it is in the middle here.
        type_text(&mut h, &format!("Logged for {typed} in the Day box"));
        h.get_by_role_and_label(A11yRole::TextInput, "Day").focus();
        h.run();
        press(&mut h, Modifiers::COMMAND, Key::A);
        type_text(&mut h, typed);
        click(&mut h, "Save entry");
        let e = h.state().plan().log.last().expect("entry");
        assert_eq!(
            (e.text.as_str(), e.date),
            (format!("Logged for {typed} in the Day box").as_str(), want)
        );
        h.get_by_role_and_label(A11yRole::TextInput, "What did you do?")
            .focus();
        h.run();
    }
}

/// Faster lists (issue 9): Enter in the last milestone's title adds the next one.
#[test]
fn enter_in_the_last_milestone_adds_the_next() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    show(&mut h, "Goals & milestones");
    click(&mut h, "\u{2795} Add goal");
    h.get_by_role_and_label(A11yRole::Button, "Learning")
        .click();
    h.run();
    h.run();
    type_text(&mut h, "Get certified");
    click(&mut h, "\u{2795} Add milestone");
    type_text(&mut h, "Book the exam");
    press(&mut h, Modifiers::NONE, Key::Enter);
    type_text(&mut h, "Pass it");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let goal = h.state().plan().goals.last().expect("goal").clone();
    let titles: Vec<&str> = goal.milestones.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(goal.title, "Get certified");
    assert_eq!(
        titles,
        ["Book the exam", "Pass it", "Milestone 3"],
        "Enter added the next each time"
    );
}
