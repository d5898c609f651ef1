//! The quick-add line, word by word.

use super::*;
use crate::model::{Goal, GoalKind, Person, Relation, Skill};
use jiff::civil::date;

/// Wednesday 25 Nov 2026.
const TODAY: Date = date(2026, 11, 25);

fn plan() -> Plan {
    Plan {
        skills: vec![
            Skill::new(SkillId(1), "Inventory control"),
            Skill::new(SkillId(2), "Lean Six Sigma"),
            Skill::new(SkillId(3), "Sigma"),
            Skill::new(SkillId(4), "Labour planning and scheduling"),
            Skill::new(SkillId(5), "Ведение склада"),
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
    }
}

fn read(line: &str) -> QuickLine {
    parse(line, &plan(), TODAY, &[])
}

#[test]
fn the_issues_line_gives_text_minutes_links_and_day() {
    let q = read("Cycle count review 45m #inventory #sigma yesterday");
    assert_eq!(q.text, "Cycle count review");
    assert_eq!(q.minutes(), Some(45));
    // "sigma" is the whole name of skill 3, though skill 2 holds it too.
    assert_eq!(
        q.links(),
        [Linked::Skill(SkillId(1)), Linked::Skill(SkillId(3))]
    );
    assert_eq!(q.day(), Some(date(2026, 11, 24)));
    assert!(q.problems("", &plan()).is_empty());
}

#[test]
fn each_form_of_minutes() {
    for (word, minutes) in [
        ("45m", 45),
        ("45min", 45),
        ("1h", 60),
        ("1h30", 90),
        ("1h30m", 90),
        ("1.5h", 90),
        ("0.25h", 15),
        ("2H", 120),
    ] {
        assert_eq!(
            read(&format!("Read {word}")).minutes(),
            Some(minutes),
            "{word}"
        );
    }
    assert_eq!(read("Planning 1h 30m").minutes(), Some(90), "they add up");
    for word in [
        "45", "m", "h", "1.5.2h", "1,5h", "1e3h", "infh", "-3m", "1h3x",
    ] {
        let q = read(&format!("Read {word}"));
        assert_eq!(q.minutes(), None, "{word}");
    }
}

#[test]
fn each_form_of_the_day() {
    for (word, day) in [
        ("today", TODAY),
        ("yesterday", date(2026, 11, 24)),
        ("Yesterday", date(2026, 11, 24)),
        ("-2d", date(2026, 11, 23)),
        ("-1w", date(2026, 11, 18)),
        ("mon", date(2026, 11, 23)),
        ("friday", date(2026, 11, 20)),
        ("wed", TODAY),
        ("2026-11-02", date(2026, 11, 2)),
    ] {
        assert_eq!(
            read(&format!("Stock take {word}")).day(),
            Some(day),
            "{word}"
        );
    }
    // A month, months back, or "next" are not the day a thing was done.
    for word in ["2026-11", "-2m", "+1y", "2026-02-30"] {
        let q = read(&format!("Stock take {word}"));
        assert_eq!((q.day(), q.text.ends_with(word)), (None, true), "{word}");
    }
}

#[test]
fn words_that_only_look_like_tokens_stay_text_unless_at_the_end() {
    // Minutes and days are read only in the run at the line's end.
    let q = read("Read 3m papers");
    assert_eq!((q.text.as_str(), q.minutes()), ("Read 3m papers", None));
    let q = read("Met Dana today about the audit");
    assert_eq!(
        (q.text.as_str(), q.day()),
        ("Met Dana today about the audit", None)
    );
    let q = read("Read papers 3m");
    assert_eq!((q.text.as_str(), q.minutes()), ("Read papers", Some(3)));
    // A second day ends the run: the earlier one is text.
    let q = read("Planned monday yesterday");
    assert_eq!(
        (q.text.as_str(), q.day()),
        ("Planned monday", Some(date(2026, 11, 24)))
    );
    // Links count anywhere, and do not end the run.
    let q = read("#inventory count 20m #dana-reyes");
    assert_eq!(q.text, "count");
    assert_eq!(q.minutes(), Some(20));
    assert_eq!(
        q.links(),
        [Linked::Skill(SkillId(1)), Linked::Person(PersonId(1))]
    );
    // "#" alone and "##" are text.
    assert_eq!(read("Sorted # and ##tags").text, "Sorted # and ##tags");
}

#[test]
fn parts_of_names_in_any_case_and_script() {
    assert_eq!(
        read("Rota #LABOUR").links(),
        [Linked::Skill(SkillId(4))],
        "a unique part is enough"
    );
    assert_eq!(read("Учёт #склада").links(), [Linked::Skill(SkillId(5))]);
    assert_eq!(
        read("Course #demand_planning").links(),
        [Linked::Goal(GoalId(1))]
    );
    // "dan" is held by two people: nothing is linked, and the line says so.
    let line = "Coffee #dan";
    let q = read(line);
    assert_eq!(q.links(), []);
    assert_eq!(
        q.words[0].token,
        Token::Ambiguous(vec![
            Linked::Person(PersonId(1)),
            Linked::Person(PersonId(2))
        ])
    );
    assert_eq!(
        q.problems(line, &plan()),
        ["#dan could be Dana Reyes, Dan Okafor: type more of the name"]
    );
    let line = "Coffee #zebra";
    assert_eq!(
        read(line).problems(line, &plan()),
        ["#zebra names no skill, goal or person in this plan"]
    );
}

#[test]
fn a_word_kept_as_text_stays_text_and_ends_the_run() {
    let line = "Ran the 5k yesterday 30m";
    let q = read(line);
    assert_eq!(
        (q.text.as_str(), q.day(), q.minutes()),
        ("Ran the 5k", Some(date(2026, 11, 24)), Some(30))
    );
    // Backspace on the day chip: "yesterday" is text again, and so is what comes before.
    let at = line.find("yesterday").expect("a word");
    let q = parse(line, &plan(), TODAY, &[at]);
    assert_eq!(
        (q.text.as_str(), q.day(), q.minutes()),
        ("Ran the 5k yesterday", None, Some(30))
    );
    // Each word's place, for the chips.
    let q = read(line);
    let places: Vec<&str> = q.words.iter().map(|w| &line[w.start..w.end]).collect();
    assert_eq!(places, ["yesterday", "30m"]);
}

#[test]
fn spaces_of_any_kind_and_an_empty_line() {
    let q = read("  Stock\u{a0}take\t 20m \r\n");
    assert_eq!((q.text.as_str(), q.minutes()), ("Stock take", Some(20)));
    assert_eq!(read(""), QuickLine::default());
    assert_eq!(read("   ").text, "");
    let q = read("45m #inventory");
    assert_eq!((q.text.as_str(), q.minutes()), ("", Some(45)));
}

#[test]
fn nothing_overflows() {
    assert_eq!(minutes("99999999999m"), None);
    assert_eq!(minutes("4294967295h"), None);
    assert_eq!(read("x 4000000000m 4000000000m").minutes(), Some(u32::MAX));
    assert_eq!(minutes("999999.999999h"), Some(60_000_000));
}

#[test]
fn a_name_with_a_hyphen_is_found_as_it_is_written() {
    // "#follow-up" once read as "follow up", which "Follow-up calls" does not hold.
    let mut plan = plan();
    plan.skills.push(Skill::new(SkillId(6), "Follow-up calls"));
    plan.skills
        .push(Skill::new(SkillId(7), "Root_cause analysis"));
    for line in [
        "Calls #follow-up",
        "Calls #Follow-up-calls",
        "Calls #follow_up",
    ] {
        let q = parse(line, &plan, TODAY, &[]);
        assert_eq!(q.links(), [Linked::Skill(SkillId(6))], "{line}");
    }
    let q = parse("5 whys #root_cause", &plan, TODAY, &[]);
    assert_eq!(q.links(), [Linked::Skill(SkillId(7))]);
}

#[test]
fn a_part_finds_one_name_several_or_none() {
    let named = [(1, "Sigma"), (2, "Lean Six Sigma"), (3, "Lean startup")];
    assert_eq!(
        find_by_part("SIGMA", named),
        Found::One(1),
        "the exact name wins"
    );
    assert_eq!(find_by_part("six", named), Found::One(2));
    assert_eq!(find_by_part("lean", named), Found::Many(vec![2, 3]));
    assert_eq!(find_by_part("kaizen", named), Found::None);
    assert_eq!(
        find_by_part("  ", named),
        Found::None,
        "nothing typed finds nothing"
    );
}

#[test]
fn a_day_not_understood_says_the_forms_that_work_for_a_log() {
    let e = crate::model::parse_logged_day("lastweek", TODAY).expect_err("not a day");
    assert_eq!(
        e.to_string(),
        "\"lastweek\" is not a day: write today, yesterday, -2d or -1w (back from today), a weekday such as fri (the last one), or 2026-11-23"
    );
    // A real date that is not on the calendar keeps its own reason.
    let e = crate::model::parse_logged_day("2026-02-30", TODAY).expect_err("no such day");
    assert!(e.to_string().contains("not a day on the calendar"), "{e}");
}
