//! Model tests: edits and their undo, validation, derived levels.

use super::*;
use jiff::civil::date;

fn skill(id: u32, name: &str) -> Skill {
    Skill::new(SkillId(id), name)
}

fn role(id: u32, title: &str, stage: Stage) -> Role {
    Role::new(RoleId(id), title, stage)
}

fn goal(id: u32, title: &str) -> Goal {
    Goal::new(GoalId(id), title, GoalKind::Learning)
}

fn milestone(id: u32, title: &str) -> Milestone {
    Milestone::new(MilestoneId(id), title)
}

fn entry(id: u32, skills: &[u32], goals: &[u32]) -> LogEntry {
    LogEntry {
        skills: skills.iter().map(|&i| SkillId(i)).collect(),
        goals: goals.iter().map(|&i| GoalId(i)).collect(),
        ..LogEntry::new(
            EntryId(id),
            date(2026, 3, 2),
            30,
            ExperienceKind::Learning,
            "Read the new triage protocol",
        )
    }
}

/// A small plan: two roles, two skills, one goal with two milestones, two entries.
fn small_plan() -> Plan {
    let mut current = role(1, "Charge nurse", Stage::Current);
    current.teaches.skills = vec![SkillId(1)];
    current.leads_to = vec![RoleId(2)];
    let mut next = role(2, "Unit manager", Stage::Next);
    next.requires = vec![Requirement {
        skill: SkillId(2),
        level: Level(4),
    }];
    let mut g = goal(1, "Finish the leadership course");
    g.skills = vec![SkillId(2)];
    g.milestones = vec![milestone(1, "Module 1"), milestone(2, "Module 2")];
    Plan {
        owner: "Test".into(),
        roles: vec![current, next],
        skills: vec![skill(1, "Triage"), skill(2, "Budgeting")],
        goals: vec![g],
        log: vec![entry(1, &[1, 2], &[1]), entry(2, &[2], &[])],
        ..Plan::default()
    }
}

/// Applies an edit, checks that undo restores the plan exactly and redo
/// reapplies it exactly; returns the plan after the edit.
fn apply_undo_redo(plan: &Plan, edit: Edit) -> Plan {
    let mut p = plan.clone();
    let undo = p.apply(edit).expect("edit applies");
    let after = p.clone();
    let redo = p.apply(undo).expect("undo applies");
    assert_eq!(&p, plan, "undo restores the plan");
    p.apply(redo).expect("redo applies");
    assert_eq!(p, after, "redo reapplies the edit");
    after
}

#[test]
fn add_skill_then_undo() {
    let plan = small_plan();
    let after = apply_undo_redo(&plan, Edit::Put(Item::Skill(skill(3, "Scheduling"))));
    assert_eq!(after.skills.len(), 3);
    assert_eq!(
        after.skill(SkillId(3)).map(|s| s.name.as_str()),
        Some("Scheduling")
    );
}

#[test]
fn put_replaces_by_id_and_undo_restores_old() {
    let plan = small_plan();
    let after = apply_undo_redo(&plan, Edit::Put(Item::Skill(skill(1, "Advanced triage"))));
    assert_eq!(after.skills.len(), 2);
    assert_eq!(after.skills[0].name, "Advanced triage");
}

#[test]
fn raising_a_level_adds_history_in_date_order() {
    let plan = small_plan();
    let raise = |p: &Plan, d, l| {
        apply_undo_redo(
            p,
            Edit::SetSkillLevel {
                skill: SkillId(1),
                change: LevelChange {
                    date: d,
                    level: Level(l),
                    evidence: "signed off".into(),
                },
            },
        )
    };
    let p = raise(&plan, date(2026, 5, 1), 3);
    let p = raise(&p, date(2026, 2, 1), 2);
    let s = p.skill(SkillId(1)).expect("skill");
    assert_eq!(s.history.len(), 2, "history grows, nothing is overwritten");
    assert_eq!(s.history[0].date, date(2026, 2, 1));
    assert_eq!(
        s.current_level(date(2026, 6, 1)),
        Level(3),
        "current level is the latest by date"
    );
    assert_eq!(s.level_on(date(2026, 3, 1)), Level(2));
    assert_eq!(s.level_on(date(2026, 1, 1)), Level(0));
}

#[test]
fn a_level_recorded_on_a_day_that_has_one_replaces_it() {
    let plan = small_plan();
    let raise = |p: &Plan, d, l, evidence: &str| {
        apply_undo_redo(
            p,
            Edit::SetSkillLevel {
                skill: SkillId(1),
                change: LevelChange {
                    date: d,
                    level: Level(l),
                    evidence: evidence.into(),
                },
            },
        )
    };
    // The guided start's starting level, then a rise the same day.
    let started = raise(&plan, date(2026, 11, 25), 2, "");
    let p = raise(&started, date(2026, 11, 25), 3, "ran the stand-up");
    let s = p.skill(SkillId(1)).expect("skill");
    assert_eq!(
        s.history,
        [LevelChange {
            date: date(2026, 11, 25),
            level: Level(3),
            evidence: "ran the stand-up".into()
        }],
        "one history item for the day"
    );
    // A day between two others still slots in, and undo brings the old level back.
    let p = raise(&p, date(2026, 12, 9), 4, "");
    let p = raise(&p, date(2026, 12, 1), 3, "");
    let days: Vec<_> = p
        .skill(SkillId(1))
        .expect("skill")
        .history
        .iter()
        .map(|c| c.date)
        .collect();
    assert_eq!(
        days,
        [date(2026, 11, 25), date(2026, 12, 1), date(2026, 12, 9)]
    );
    let mut undone = started.clone();
    let undo = undone
        .apply(Edit::SetSkillLevel {
            skill: SkillId(1),
            change: LevelChange {
                date: date(2026, 11, 25),
                level: Level(3),
                evidence: String::new(),
            },
        })
        .expect("applies");
    undone.apply(undo).expect("undo");
    assert_eq!(undone, started);
}

#[test]
fn completing_a_milestone_records_the_day() {
    let plan = small_plan();
    let p = apply_undo_redo(
        &plan,
        Edit::CompleteMilestone {
            milestone: MilestoneId(2),
            on: date(2026, 4, 9),
        },
    );
    let (_, m) = p.milestone(MilestoneId(2)).expect("milestone");
    assert_eq!(m.done, Some(date(2026, 4, 9)));
    assert_eq!(p.milestone(MilestoneId(1)).expect("m1").1.done, None);
}

#[test]
fn set_current_role_moves_the_old_one_to_past() {
    let plan = small_plan();
    let p = apply_undo_redo(&plan, Edit::SetCurrentRole(RoleId(2)));
    assert_eq!(p.current_role().map(|r| r.id), Some(RoleId(2)));
    assert_eq!(p.role(RoleId(1)).map(|r| r.stage), Some(Stage::Past));
}

#[test]
fn removing_a_skill_unlinks_it_everywhere_and_undo_relinks() {
    let plan = small_plan();
    let p = apply_undo_redo(&plan, Edit::Remove(ItemRef::Skill(SkillId(2))));
    assert!(p.skill(SkillId(2)).is_none());
    assert!(p.role(RoleId(2)).expect("role").requires.is_empty());
    assert!(p.goal(GoalId(1)).expect("goal").skills.is_empty());
    assert_eq!(p.log[0].skills, vec![SkillId(1)]);
    assert!(p.log[1].skills.is_empty());
    assert!(
        p.validate().is_empty(),
        "no dangling links: {:?}",
        p.validate()
    );
}

#[test]
fn removing_keeps_position_on_undo() {
    let plan = small_plan();
    let mut p = plan.clone();
    let undo = p
        .apply(Edit::Remove(ItemRef::Skill(SkillId(1))))
        .expect("remove");
    p.apply(undo).expect("undo");
    assert_eq!(p.skills[0].id, SkillId(1), "restored at its old place");
}

#[test]
fn setting_purpose_and_owner_undo() {
    let plan = small_plan();
    let p = apply_undo_redo(
        &plan,
        Edit::SetPurpose(vec!["To help new nurses feel safe".into()]),
    );
    assert_eq!(p.purpose.len(), 1);
    apply_undo_redo(&plan, Edit::SetOwner("Someone else".into()));
}

#[test]
fn a_failing_batch_changes_nothing() {
    let plan = small_plan();
    let mut p = plan.clone();
    let err = p
        .apply(Edit::Batch(vec![
            Edit::SetOwner("Changed".into()),
            Edit::Remove(ItemRef::Person(PersonId(99))),
        ]))
        .expect_err("second edit fails");
    assert_eq!(err, EditError::NotFound(ItemRef::Person(PersonId(99))));
    assert_eq!(p, plan);
}

#[test]
fn a_batch_is_one_undo_step() {
    let plan = small_plan();
    let mut g = goal(2, "Mentor a new grad");
    g.milestones = vec![
        milestone(3, "First check-in"),
        milestone(4, "Three-month review"),
    ];
    let p = apply_undo_redo(
        &plan,
        Edit::Batch(vec![
            Edit::Put(Item::Goal(g)),
            Edit::CompleteMilestone {
                milestone: MilestoneId(3),
                on: date(2026, 6, 1),
            },
        ]),
    );
    assert_eq!(p.goals.len(), 2);
    assert!(p.milestone(MilestoneId(3)).expect("m3").1.done.is_some());
}

#[test]
fn edits_on_missing_items_fail_cleanly() {
    let mut p = small_plan();
    assert!(p.apply(Edit::SetCurrentRole(RoleId(9))).is_err());
    assert!(
        p.apply(Edit::CompleteMilestone {
            milestone: MilestoneId(9),
            on: date(2026, 1, 1)
        })
        .is_err()
    );
    assert!(
        p.apply(Edit::SetSkillLevel {
            skill: SkillId(9),
            change: LevelChange {
                date: date(2026, 1, 1),
                level: Level(1),
                evidence: String::new()
            },
        })
        .is_err()
    );
    assert_eq!(p, small_plan());
}

#[test]
fn next_id_is_one_past_the_largest() {
    assert_eq!(next_id([].into_iter()), 1);
    assert_eq!(next_id([3, 9, 2].into_iter()), 10);
    assert_eq!(
        next_id([u32::MAX, 1].into_iter()),
        2,
        "never past the last number"
    );
}

#[test]
fn small_plan_is_valid() {
    assert_eq!(small_plan().validate(), Vec::<Problem>::new());
}

#[test]
fn validation_reports_every_problem_with_its_place() {
    let mut p = small_plan();
    p.skills.push(skill(1, "Duplicate"));
    p.skills[0].history.push(LevelChange {
        date: date(2026, 1, 1),
        level: Level(7),
        evidence: String::new(),
    });
    p.log[0].goals.push(GoalId(42));
    p.log[1].energy = Some(9);
    p.roles[0].start = Some(date(2026, 5, 1));
    p.roles[0].end = Some(date(2025, 5, 1));
    p.roles[1].stage = Stage::Current;
    p.goals[0].milestones[0].link = "javascript:alert(1)".into();
    let text: Vec<String> = p.validate().iter().map(ToString::to_string).collect();
    let expected = [
        "skill 1: this id is used twice; ids must be unique",
        "roles: more than one role is marked Current; keep one",
        "role 1 \"Charge nurse\": ends (2025-05-01) before it starts (2026-05-01)",
        "skill 1 \"Triage\": level on 2026-01-01 7 is above the top of the scale (5)",
        "milestone 1 \"Module 1\": link must start with http://, https:// or mailto:",
        "log entry 1 (2026-03-02): links to goal 42, which does not exist",
        "log entry 2 (2026-03-02): energy 9 is outside 1 to 5",
    ];
    assert_eq!(text, expected);
}

#[test]
fn level_names_fall_back_off_the_scale() {
    let n = LevelNames::default();
    assert_eq!(n.name(Level(3)), "practising");
    assert_eq!(n.name(Level(8)), "level 8");
}

#[test]
fn safe_links() {
    assert!(is_safe_link("https://example.org/cert.pdf"));
    assert!(is_safe_link("mailto:mentor@example.org"));
    assert!(!is_safe_link("file:///etc/passwd"));
    assert!(!is_safe_link("javascript:alert(1)"));
}

#[test]
fn a_link_is_one_line_of_plain_text() {
    // A line break in a link once wrote a whole extra event into the calendar export.
    for bad in [
        "https://x.example/\r\nBEGIN:VEVENT",
        "https://x.example/a\nb",
        "https://x.example/\u{1b}]0;t\u{7}",
        "https://x.example/a\tb",
        "https://x.example/a\u{85}b",
        "https://x.example/a\u{2028}b",
        "https://x.example/\u{202e}fdp.exe",
    ] {
        assert!(!is_safe_link(bad), "{bad:?}");
    }
    assert!(
        is_safe_link("https://x.example/a b"),
        "a plain space is kept"
    );
    let mut p = small_plan();
    p.goals[0].milestones[0].link = "https://x.example/\r\nATTACH:x".into();
    let text: Vec<String> = p.validate().iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "milestone 1 \"Module 1\": link has a line break or another control character in it; \
          a link is one line of plain text"
        ]
    );
}

#[test]
fn a_mailto_link_carries_only_a_subject_and_a_body() {
    for good in [
        "mailto:mentor@example.org",
        "mailto:mentor@example.org?subject=Review",
        "MAILTO:mentor@example.org?Subject=Review&BODY=Hello%20there",
    ] {
        assert!(is_safe_link(good), "{good:?}");
    }
    for bad in [
        "mailto:mentor@example.org?attach=/home/me/.ssh/id_rsa",
        "mailto:mentor@example.org?subject=x&ATTACH=/etc/passwd",
        "mailto:mentor@example.org?%61ttach=/etc/passwd",
        "mailto:mentor@example.org?bcc=boss@example.org",
        "mailto:mentor@example.org?subject=x&&attachment=y",
    ] {
        assert!(!is_safe_link(bad), "{bad:?}");
    }
    let mut p = small_plan();
    p.goals[0].milestones[0].link = "mailto:a@example.org?attach=~/.ssh/id_rsa".into();
    let text: Vec<String> = p.validate().iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "milestone 1 \"Module 1\": a mailto: link may carry only a subject and a body \
          after the ?, nothing else (no attach, cc or other headers)"
        ]
    );
}

#[test]
fn the_current_level_is_as_of_today_and_a_later_one_is_planned() {
    let mut s = skill(1, "Budgeting");
    for (d, l) in [(date(2026, 2, 1), 2), (date(2026, 12, 1), 4)] {
        s.history.push(LevelChange {
            date: d,
            level: Level(l),
            evidence: String::new(),
        });
    }
    let today = date(2026, 6, 15);
    assert_eq!(
        s.current_level(today),
        Level(2),
        "a future level is not reached"
    );
    assert_eq!(s.planned(today).map(|c| c.level), Some(Level(4)));
    assert_eq!(s.current_level(date(2026, 12, 1)), Level(4));
    assert_eq!(s.planned(date(2026, 12, 1)), None);
    assert_eq!(s.recorded_on(date(2026, 1, 31)), None);
}

#[test]
fn a_required_level_defaults_to_the_skills_own_target() {
    let mut s = skill(4, "Budgeting");
    assert_eq!(s.default_requirement().level, Level(3), "without a target");
    s.target = Some(SkillTarget {
        level: Level(5),
        by: None,
    });
    let q = s.default_requirement();
    assert_eq!((q.skill, q.level), (SkillId(4), Level(5)));
}

#[test]
fn new_ids_are_one_past_the_largest_of_their_kind() {
    let mut p = small_plan();
    assert_eq!(p.new_role_id(), RoleId(3));
    assert_eq!(p.new_skill_id(), SkillId(3));
    assert_eq!(p.new_goal_id(), GoalId(2));
    assert_eq!(p.new_entry_id(), EntryId(3));
    assert_eq!(p.new_person_id(), PersonId(1));
    assert_eq!(p.new_review_id(), ReviewId(1));
    assert_eq!(p.new_milestone_id(None), MilestoneId(3));
    // A goal being edited may hold milestones not in the plan yet.
    let mut draft = p.goals[0].clone();
    draft.milestones.push(milestone(7, "Not applied yet"));
    assert_eq!(p.new_milestone_id(Some(&draft)), MilestoneId(8));
    p.log.clear();
    assert_eq!(p.new_entry_id(), EntryId(1));
}

#[test]
fn an_entry_takes_one_minute_to_a_day() {
    assert!(!LogEntry::valid_minutes(0));
    assert!(LogEntry::valid_minutes(1));
    assert!(LogEntry::valid_minutes(1440));
    assert!(!LogEntry::valid_minutes(1441));
    assert_eq!(LogEntry::parse_minutes(" 90 "), Ok(90));
    for bad in ["0", "1441", "1.5", "-3", "", "ninety"] {
        assert!(LogEntry::parse_minutes(bad).is_err(), "{bad:?}");
    }
    let mut p = small_plan();
    p.log[0].minutes = 0;
    p.log[1].minutes = 1441;
    let text: Vec<String> = p.validate().iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "log entry 1 (2026-03-02): 0 minutes: an entry takes at least 1 minute",
            "log entry 2 (2026-03-02): 1441 minutes is more than a day",
        ]
    );
}

#[test]
fn weeks_start_on_monday_and_months_on_the_first() {
    let wed = date(2026, 11, 25);
    assert_eq!(Period::Week.start_of(wed), date(2026, 11, 23));
    assert_eq!(Period::Week.end_of(wed), date(2026, 11, 29));
    assert_eq!(
        Period::Week.start_of(date(2026, 11, 23)),
        date(2026, 11, 23)
    );
    assert_eq!(
        Period::Week.start_of(date(2026, 11, 29)),
        date(2026, 11, 23)
    );
    assert_eq!(Period::Week.step(wed, -1), date(2026, 11, 16));
    assert_eq!(Period::Week.step(wed, 2), date(2026, 12, 7));
    assert_eq!(Period::Month.start_of(wed), date(2026, 11, 1));
    assert_eq!(Period::Month.end_of(wed), date(2026, 11, 30));
    assert_eq!(Period::Month.end_of(date(2028, 2, 3)), date(2028, 2, 29));
    // A month is a calendar month, even from a Monday that is not its first day.
    assert_eq!(
        Period::Month.start_of(date(2026, 11, 23)),
        date(2026, 11, 1)
    );
    assert_eq!(Period::Month.end_of(date(2026, 11, 23)), date(2026, 11, 30));
    assert_eq!(Period::Month.step(date(2026, 1, 31), 1), date(2026, 2, 1));
    assert_eq!(Period::Month.step(date(2026, 1, 15), -1), date(2025, 12, 1));
    assert_eq!(Period::Week.last_day_from(wed), date(2026, 12, 1));
    assert_eq!(
        Period::Month.last_day_from(date(2026, 11, 1)),
        date(2026, 11, 30)
    );
    assert_eq!(
        Period::Month.last_day_from(date(2026, 1, 31)),
        date(2026, 2, 27)
    );
    // The ends of the calendar stay put rather than fail.
    assert_eq!(
        Period::Month.step(jiff::civil::Date::MAX, 1),
        date(9999, 12, 1)
    );
    assert_eq!(
        Period::Week.end_of(jiff::civil::Date::MAX),
        jiff::civil::Date::MAX
    );
}

#[test]
fn unticking_a_milestone_is_an_edit_with_its_undo() {
    let mut plan = small_plan();
    plan.apply(Edit::CompleteMilestone {
        milestone: MilestoneId(2),
        on: date(2026, 4, 9),
    })
    .expect("complete");
    let p = apply_undo_redo(
        &plan,
        Edit::ReopenMilestone {
            milestone: MilestoneId(2),
        },
    );
    assert_eq!(p.milestone(MilestoneId(2)).expect("m").1.done, None);
    assert!(
        plan.clone()
            .apply(Edit::ReopenMilestone {
                milestone: MilestoneId(99)
            })
            .is_err()
    );
}

#[test]
fn choosing_current_as_a_stage_keeps_one_current_role() {
    let plan = small_plan();
    let mut next = plan.role(RoleId(2)).expect("role").clone();
    next.stage = Stage::Current;
    next.title = "Unit manager (acting)".into();
    let p = apply_undo_redo(&plan, plan.put_role_edit(next));
    let current: Vec<_> = p
        .roles
        .iter()
        .filter(|r| r.stage == Stage::Current)
        .collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].id, RoleId(2));
    assert_eq!(
        current[0].title, "Unit manager (acting)",
        "other changes are kept"
    );
    assert_eq!(p.role(RoleId(1)).map(|r| r.stage), Some(Stage::Past));
    assert!(p.validate().is_empty());
    // Other changes are a plain Put.
    let mut past = plan.role(RoleId(1)).expect("role").clone();
    past.title = "Charge nurse, nights".into();
    assert!(matches!(plan.put_role_edit(past), Edit::Put(_)));
}

#[test]
fn growth_needs_an_earlier_recorded_level() {
    let today = date(2026, 6, 15);
    let since = date(2026, 3, 17);
    let mut p = small_plan();
    p.skills = vec![
        skill(1, "First recorded today"),
        skill(2, "Grew"),
        skill(3, "Grew inside"),
    ];
    let change = |d, l| LevelChange {
        date: d,
        level: Level(l),
        evidence: String::new(),
    };
    p.skills[0].history = vec![change(today, 3)];
    p.skills[1].history = vec![change(date(2025, 1, 1), 1), change(date(2026, 5, 1), 3)];
    p.skills[2].history = vec![change(date(2026, 4, 1), 2), change(date(2026, 6, 1), 4)];
    let g = metrics::growth(&p, &LogIndex::new(&p.log), since, today);
    assert_eq!(
        g.levels,
        vec![
            (SkillId(2), Level(1), Level(3)),
            (SkillId(3), Level(2), Level(4)),
        ]
    );
}

#[test]
fn searches_match_in_any_script_and_any_accent_form() {
    let key = name_key("  ZOE\u{308} ");
    assert_eq!(key, "zo\u{eb}");
    assert!(text_contains(
        "Coffee with Zo\u{eb} \u{c5}ngstr\u{f6}m",
        &key
    ));
    assert!(text_contains(
        "\u{41e}\u{411}\u{423}\u{427}\u{415}\u{41d}\u{418}\u{415}",
        &name_key("\u{43e}\u{431}\u{443}\u{447}")
    ));
    assert!(text_contains("anything", &name_key("")));
    assert!(!text_contains("Zoe", &key), "an accent is not dropped");
}

#[test]
fn undoing_an_add_keeps_a_link_that_was_there_before_the_item() {
    // A hand-edited file: a role teaches a skill the plan does not have yet.
    let mut plan = Plan::default();
    let mut role = Role::new(RoleId(1), "Charge nurse", Stage::Current);
    role.teaches.skills.push(SkillId(7));
    plan.roles.push(role);
    let before = plan.clone();
    let undo = plan
        .apply(Edit::Put(Item::Skill(Skill::new(SkillId(7), "Triage"))))
        .expect("add");
    plan.apply(undo).expect("undo");
    assert_eq!(plan, before, "the role still teaches skill 7");
    // A batch that fails part way rolls back the same way.
    let failing = Edit::Batch(vec![
        Edit::Put(Item::Skill(Skill::new(SkillId(7), "Triage"))),
        Edit::CompleteMilestone {
            milestone: MilestoneId(99),
            on: jiff::civil::date(2026, 1, 1),
        },
    ]);
    assert!(plan.apply(failing).is_err());
    assert_eq!(plan, before);
}
