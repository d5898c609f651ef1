//! The three-way merge's rules, one test each, and its properties.

use super::merge3::{Merged, Side, merge, merge_choosing};
use super::*;
use jiff::civil::{Date, date};
use proptest::prelude::*;

fn entry(id: u32, day: u8, text: &str) -> LogEntry {
    LogEntry::new(
        EntryId(id),
        date(2026, 11, i8::try_from(day).unwrap_or(1)),
        30,
        ExperienceKind::Learning,
        text,
    )
}

/// Two skills, a role that requires one, a goal with two milestones, a
/// person and three log entries.
fn base() -> Plan {
    let mut role = Role::new(RoleId(1), "Nurse educator", Stage::Next);
    role.requires = vec![Requirement {
        skill: SkillId(1),
        level: Level(4),
    }];
    let mut goal = Goal::new(GoalId(1), "Run the skills day", GoalKind::Skill);
    goal.skills = vec![SkillId(1)];
    goal.milestones = vec![
        Milestone::new(MilestoneId(1), "Write the plan"),
        Milestone::new(MilestoneId(2), "Teach it"),
    ];
    let mut e2 = entry(2, 3, "Taught wound care");
    e2.skills = vec![SkillId(2)];
    e2.people = vec![PersonId(1)];
    Plan {
        purpose: vec!["Help new nurses".into()],
        roles: vec![role],
        skills: vec![
            Skill::new(SkillId(1), "Teaching"),
            Skill::new(SkillId(2), "Wound care"),
        ],
        goals: vec![goal],
        people: vec![Person::new(PersonId(1), "Jonah", Relation::Mentee)],
        log: vec![entry(1, 2, "Shadowed"), e2, entry(3, 4, "Read")],
        ..Plan::default()
    }
}

fn clean(m: &Merged) -> &Plan {
    assert_eq!(m.conflicts, [], "no conflicts expected");
    assert_eq!(m.plan.validate(), [], "the merge is a valid plan");
    &m.plan
}

#[test]
fn an_unchanged_side_gives_the_other() {
    let mut changed = base();
    changed.goals[0].title = "Run the new-hire skills day".into();
    changed.log.push(entry(4, 5, "Planned"));
    assert_eq!(clean(&merge(&base(), &base(), &changed)), &changed);
    assert_eq!(clean(&merge(&base(), &changed, &base())), &changed);
}

#[test]
fn entries_added_on_both_sides_are_both_kept_and_theirs_renumbered() {
    let (mut ours, mut theirs) = (base(), base());
    ours.log.push(entry(4, 5, "Logged at work"));
    theirs.skills.push(Skill::new(SkillId(3), "Simulation"));
    let mut home = entry(4, 5, "Logged at home");
    home.skills = vec![SkillId(3)];
    theirs.log.push(home);
    // The same entry added on both sides stays one.
    ours.log.push(entry(5, 6, "Same on both"));
    theirs.log.push(entry(5, 6, "Same on both"));
    let m = merge(&base(), &ours, &theirs);
    let plan = clean(&m);
    let texts: Vec<(u32, &str)> = plan.log.iter().map(|e| (e.id.0, e.text.as_str())).collect();
    assert_eq!(
        texts,
        [
            (1, "Shadowed"),
            (2, "Taught wound care"),
            (3, "Read"),
            (4, "Logged at work"),
            (5, "Same on both"),
            (6, "Logged at home"),
        ]
    );
    assert_eq!(m.renumbered, 1);
    assert_eq!(plan.log[5].skills, [SkillId(3)], "its link came along");
}

#[test]
fn colliding_new_items_renumber_and_links_follow() {
    let (mut ours, mut theirs) = (base(), base());
    ours.skills.push(Skill::new(SkillId(3), "Budgeting"));
    theirs.skills.push(Skill::new(SkillId(3), "Simulation"));
    theirs.roles[0].requires.push(Requirement {
        skill: SkillId(3),
        level: Level(3),
    });
    let plan = merge(&base(), &ours, &theirs).plan;
    let simulation = plan.skill_named("Simulation").expect("kept").id;
    assert_ne!(simulation, SkillId(3));
    assert_eq!(
        plan.skill_named("Budgeting").map(|s| s.id),
        Some(SkillId(3))
    );
    let required: Vec<SkillId> = plan.roles[0].requires.iter().map(|r| r.skill).collect();
    assert_eq!(required, [SkillId(1), simulation]);
}

#[test]
fn different_fields_changed_on_each_side_both_apply() {
    let (mut ours, mut theirs) = (base(), base());
    ours.goals[0].title = "Run the new-hire skills day".into();
    theirs.goals[0].due = Some(date(2027, 6, 30));
    theirs.goals[0].milestones[0].done = Some(date(2026, 11, 20));
    ours.goals[0].milestones[1].title = "Teach it to the March cohort".into();
    ours.goals[0]
        .milestones
        .push(Milestone::new(MilestoneId(3), "Ask for feedback"));
    theirs.goals[0]
        .milestones
        .push(Milestone::new(MilestoneId(3), "Book the room"));
    let plan = clean(&merge(&base(), &ours, &theirs)).clone();
    let g = &plan.goals[0];
    assert_eq!(g.title, "Run the new-hire skills day");
    assert_eq!(g.due, Some(date(2027, 6, 30)));
    assert_eq!(g.milestones[0].done, Some(date(2026, 11, 20)));
    assert_eq!(g.milestones[1].title, "Teach it to the March cohort");
    let titles: Vec<&str> = g.milestones.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles[2..], ["Ask for feedback", "Book the room"]);
    assert_ne!(g.milestones[2].id, g.milestones[3].id);
}

#[test]
fn lists_of_links_keep_what_each_side_added_and_drop_what_each_removed() {
    let (mut ours, mut theirs) = (base(), base());
    ours.goals[0].skills.push(SkillId(2));
    theirs.goals[0].skills.clear();
    theirs.goals[0].title = "Renamed".into();
    ours.purpose.push("Teach well".into());
    theirs.purpose = vec!["Earn the certificate".into()];
    let plan = clean(&merge(&base(), &ours, &theirs)).clone();
    assert_eq!(plan.goals[0].skills, [SkillId(2)]);
    assert_eq!(plan.purpose, ["Teach well", "Earn the certificate"]);
}

#[test]
fn one_field_changed_both_ways_is_a_conflict_each_side_can_win() {
    let (mut ours, mut theirs) = (base(), base());
    ours.goals[0].due = Some(date(2027, 3, 31));
    theirs.goals[0].due = Some(date(2027, 6, 30));
    theirs.goals[0].title = "Theirs".into();
    let m = merge(&base(), &ours, &theirs);
    let [c] = &m.conflicts[..] else {
        panic!("one conflict: {:?}", m.conflicts)
    };
    assert_eq!(c.place, "Goal \"Run the skills day\": due");
    assert_eq!(
        (c.base.as_deref(), c.ours.as_deref(), c.theirs.as_deref()),
        (Some("(empty)"), Some("2027-03-31"), Some("2027-06-30"))
    );
    assert_eq!(
        m.plan.goals[0].due,
        Some(date(2027, 3, 31)),
        "ours by default"
    );
    assert_eq!(m.plan.goals[0].title, "Theirs", "the rest still merges");
    let key = c.key.clone();
    let theirs_won = merge_choosing(&base(), &ours, &theirs, &|k| {
        if k == key { Side::Theirs } else { Side::Ours }
    });
    assert_eq!(theirs_won.plan.goals[0].due, Some(date(2027, 6, 30)));
    assert_eq!(
        theirs_won.conflicts, m.conflicts,
        "the same list either way"
    );
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_a_conflict() {
    let (mut ours, mut theirs) = (base(), base());
    ours.apply(Edit::Remove(ItemRef::Person(PersonId(1))))
        .expect("delete");
    theirs.people[0].notes = "Wants to precept".into();
    let m = merge(&base(), &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].ours, None, "deleted on our side");
    assert!(
        m.plan.people.is_empty(),
        "our side (the deletion) by default"
    );
    assert!(m.plan.log[1].people.is_empty(), "and no link to it is left");
    assert_eq!(m.plan.validate(), []);
    let kept = merge_choosing(&base(), &ours, &theirs, &|_| Side::Theirs);
    assert_eq!(kept.plan.people[0].notes, "Wants to precept");
}

#[test]
fn deleted_on_one_side_and_unchanged_on_the_other_is_gone_with_its_links() {
    let (ours, mut theirs) = (base(), base());
    theirs
        .apply(Edit::Remove(ItemRef::Skill(SkillId(1))))
        .expect("delete");
    let plan = clean(&merge(&base(), &ours, &theirs)).clone();
    assert!(plan.skill(SkillId(1)).is_none());
    assert!(plan.roles[0].requires.is_empty());
    assert!(plan.goals[0].skills.is_empty());
}

#[test]
fn an_entry_linking_to_what_the_other_side_deleted_loses_only_that_link() {
    let (mut ours, mut theirs) = (base(), base());
    ours.apply(Edit::Remove(ItemRef::Skill(SkillId(2))))
        .expect("delete");
    let mut e = entry(4, 6, "More wound care");
    e.skills = vec![SkillId(2), SkillId(1)];
    theirs.log.push(e);
    let plan = clean(&merge(&base(), &ours, &theirs)).clone();
    assert_eq!(plan.log[3].text, "More wound care");
    assert_eq!(plan.log[3].skills, [SkillId(1)]);
}

/// One change a person might make on one device.
#[derive(Clone, Debug)]
enum Change {
    Log(u8, String),
    RetitleGoal(String),
    GoalDue(u8),
    Tick(u32, u8),
    AddMilestone(String),
    DeleteEntry(usize),
    DeletePerson,
    Purpose(String),
    Level(u32, u8),
}

fn change() -> impl Strategy<Value = Change> {
    let text = "[a-z]{1,6}";
    prop_oneof![
        (1u8..28, text).prop_map(|(d, t)| Change::Log(d, t)),
        text.prop_map(Change::RetitleGoal),
        (1u8..28).prop_map(Change::GoalDue),
        (1u32..3, 1u8..28).prop_map(|(m, d)| Change::Tick(m, d)),
        text.prop_map(Change::AddMilestone),
        (0usize..5).prop_map(Change::DeleteEntry),
        Just(Change::DeletePerson),
        text.prop_map(Change::Purpose),
        (1u32..3, 0u8..6).prop_map(|(s, l)| Change::Level(s, l)),
    ]
}

fn day(d: u8) -> Date {
    date(2026, 12, i8::try_from(d).unwrap_or(1))
}

/// Applies changes as the app would (new ids, deletions unlink).
fn changed(plan: &Plan, changes: &[Change]) -> Plan {
    let mut p = plan.clone();
    for c in changes {
        let edit = match c {
            Change::Log(d, t) => Edit::Put(Item::Entry(LogEntry::new(
                p.new_entry_id(),
                day(*d),
                15,
                ExperienceKind::Routine,
                t.as_str(),
            ))),
            Change::RetitleGoal(t) => {
                let mut g = p.goals[0].clone();
                g.title.clone_from(t);
                Edit::Put(Item::Goal(g))
            }
            Change::GoalDue(d) => {
                let mut g = p.goals[0].clone();
                g.due = Some(day(*d));
                Edit::Put(Item::Goal(g))
            }
            Change::Tick(m, d) => Edit::CompleteMilestone {
                milestone: MilestoneId(*m),
                on: day(*d),
            },
            Change::AddMilestone(t) => {
                let mut g = p.goals[0].clone();
                g.milestones
                    .push(Milestone::new(p.new_milestone_id(None), t.as_str()));
                Edit::Put(Item::Goal(g))
            }
            Change::DeleteEntry(i) => match p.log.get(*i) {
                Some(e) => Edit::Remove(ItemRef::Entry(e.id)),
                None => continue,
            },
            Change::DeletePerson => Edit::Remove(ItemRef::Person(PersonId(1))),
            Change::Purpose(t) => {
                let mut purpose = p.purpose.clone();
                purpose.push(t.clone());
                Edit::SetPurpose(purpose)
            }
            Change::Level(s, l) => Edit::SetSkillLevel {
                skill: SkillId(*s),
                change: LevelChange {
                    date: day(1),
                    level: Level(*l),
                    evidence: String::new(),
                },
            },
        };
        let _ = p.apply(edit);
    }
    p
}

/// The plan with log entries numbered by their content, so two merges that
/// numbered new entries differently compare equal.
fn canonical(plan: &Plan) -> Plan {
    let mut p = plan.clone();
    let text = |e: &LogEntry| {
        let mut e = e.clone();
        e.id = EntryId(0);
        format!("{e:?}")
    };
    p.log.sort_by_cached_key(text);
    for (i, e) in p.log.iter_mut().enumerate() {
        e.id = EntryId(u32::try_from(i).unwrap_or(0) + 1);
    }
    let mut n = 0;
    for g in &mut p.goals {
        g.milestones
            .sort_by_cached_key(|m| format!("{:?}", (&m.title, m.due, m.done)));
        for m in &mut g.milestones {
            n += 1;
            m.id = MilestoneId(n);
        }
    }
    for s in &mut p.skills {
        s.history.sort_by_key(|c| (c.date, c.level));
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other(
        a in prop::collection::vec(change(), 0..8),
    ) {
        let a = changed(&base(), &a);
        prop_assert_eq!(&merge(&base(), &base(), &a).plan, &a);
        prop_assert_eq!(&merge(&base(), &a, &base()).plan, &a);
    }

    #[test]
    fn merging_is_symmetric_up_to_id_numbering(
        a in prop::collection::vec(change(), 0..8),
        b in prop::collection::vec(change(), 0..8),
    ) {
        let (a, b) = (changed(&base(), &a), changed(&base(), &b));
        // Each conflict goes a's way in both orders.
        let ab = merge_choosing(&base(), &a, &b, &|_| Side::Ours);
        let ba = merge_choosing(&base(), &b, &a, &|_| Side::Theirs);
        let places = |m: &Merged| {
            let mut p: Vec<String> = m.conflicts.iter().map(|c| c.place.clone()).collect();
            p.sort();
            p
        };
        prop_assert_eq!(places(&ab), places(&ba));
        let (mut x, mut y) = (canonical(&ab.plan), canonical(&ba.plan));
        x.purpose.sort();
        y.purpose.sort();
        prop_assert_eq!(x, y);
        prop_assert_eq!(ab.plan.validate(), []);
    }

    #[test]
    fn nothing_either_side_has_is_lost_unless_the_other_deleted_it(
        a in prop::collection::vec(change(), 0..8),
        b in prop::collection::vec(change(), 0..8),
    ) {
        let base = base();
        let (a, b) = (changed(&base, &a), changed(&base, &b));
        let merged = merge(&base, &a, &b).plan;
        let texts: Vec<&str> = merged.log.iter().map(|e| e.text.as_str()).collect();
        for (side, other) in [(&a, &b), (&b, &a)] {
            for e in &side.log {
                // The other side deleted or changed the entry this one has.
                let other_moved_on = base
                    .log
                    .iter()
                    .find(|x| x.id == e.id)
                    .is_some_and(|was| other.log.iter().find(|x| x.id == e.id) != Some(was));
                prop_assert!(other_moved_on || texts.contains(&e.text.as_str()), "lost {:?}", e);
            }
            for m in side.goals.iter().flat_map(|g| &g.milestones) {
                prop_assert!(
                    merged.goals.iter().flat_map(|g| &g.milestones).any(|x| x.title == m.title),
                    "lost milestone {:?}", m
                );
            }
        }
    }
}

#[test]
fn without_the_common_version_nothing_is_lost_and_differences_are_kept_or_asked() {
    let (mut ours, mut theirs) = (base(), base());
    ours.log.push(entry(4, 5, "At work"));
    theirs.log.push(entry(4, 5, "At home"));
    theirs.goals[0].title = "Renamed at home".into();
    ours.owner = "Talia".into();
    theirs.owner = "Talia B.".into();
    let stand_in = super::merge3::agreement(&ours, &theirs);
    let m = merge(&stand_in, &ours, &theirs);
    let texts: Vec<&str> = m.plan.log.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts[3..], ["At work", "At home"]);
    let goals: Vec<&str> = m.plan.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        goals,
        ["Run the skills day", "Renamed at home"],
        "both kept"
    );
    let places: Vec<&str> = m.conflicts.iter().map(|c| c.place.as_str()).collect();
    assert_eq!(places, ["Your name"]);
    assert_eq!(m.plan.validate(), []);
}

#[test]
fn replacing_the_whole_plan_is_one_undoable_edit() {
    let mut plan = base();
    let mut other = base();
    other.log.clear();
    let undo = plan
        .apply(Edit::Replace(Box::new(other.clone())))
        .expect("applies");
    assert_eq!(plan, other);
    plan.apply(undo).expect("undo");
    assert_eq!(plan, base());
}
