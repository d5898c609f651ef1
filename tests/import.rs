//! Import and merge: another plan, a template or a competency framework
//! brought into the open plan, previewed, chosen per item, undone in one step.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::fixture;
use common::ui::{click, open_app, settings};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::Path;
use stepstone::io;
use stepstone::model::{
    Choice, GoalId, ItemRef, Level, Merge, MilestoneId, Plan, RoleId, SkillId, Stage, Status,
};
use stepstone::ui::App;

fn mine() -> Plan {
    io::load(&fixture("v1.stepstone.ron")).expect("v1 loads").0
}

fn branch_path() -> Plan {
    io::load(&fixture("import/branch-path.stepstone.ron"))
        .expect("fixture loads")
        .0
}

/// `open` with `merge` applied, checked valid; and the undo that takes it back.
fn merged(open: &Plan, merge: &Merge) -> (Plan, stepstone::model::Edit) {
    let mut plan = open.clone();
    let undo = plan.apply(merge.edit(open)).expect("the merge applies");
    assert_eq!(plan.validate(), [], "the merged plan is valid");
    (plan, undo)
}

fn row(merge: &Merge, theirs: ItemRef) -> &stepstone::model::Row {
    merge
        .rows
        .iter()
        .find(|r| r.theirs == theirs)
        .expect("a row for the item")
}

fn choose(merge: &mut Merge, theirs: ItemRef, choice: Choice) {
    let r = merge
        .rows
        .iter_mut()
        .find(|r| r.theirs == theirs)
        .expect("a row for the item");
    assert!(
        r.choices().contains(&choice),
        "{choice:?} offered for {}",
        r.name
    );
    r.choice = choice;
}

#[test]
fn the_preview_tells_new_matching_and_differing_items_apart() {
    let merge = Merge::new(&mine(), branch_path()).expect("a valid plan");
    let seen: Vec<(String, String, Option<Choice>)> = merge
        .rows
        .iter()
        .map(|r| {
            (
                r.name.clone(),
                r.status_text(),
                r.choices().first().map(|_| r.choice),
            )
        })
        .collect();
    let expect = |name: &str, status: &str, choice: Option<Choice>| {
        (name.to_string(), status.to_string(), choice)
    };
    assert_eq!(
        seen,
        [
            expect("Customer service", "new", Some(Choice::Add)),
            expect("inventory CONTROL", "already in your plan", None),
            expect(
                "Coaching",
                "in your plan with other target",
                Some(Choice::KeepMine)
            ),
            expect("Budgeting", "new", Some(Choice::Add)),
            expect(
                "Customer Service",
                "named twice in the other plan; comes in once",
                None
            ),
            expect("Counter associate", "new", Some(Choice::Add)),
            expect(
                "Branch Manager",
                "in your plan with other required levels, next roles",
                Some(Choice::KeepMine)
            ),
            expect("Regional manager", "new", Some(Choice::Add)),
            expect(
                "Lead the spring stock count",
                "in your plan with other milestones",
                Some(Choice::KeepMine)
            ),
            expect("Learn the branch budget", "new", Some(Choice::Add)),
            expect(
                "Greet every trade customer by name",
                "new",
                Some(Choice::Add)
            ),
        ]
    );
    assert_eq!(
        row(&merge, ItemRef::Role(RoleId(1))).note,
        Some("comes in as an option: your plan already has a current role")
    );
    assert_eq!(
        row(&merge, ItemRef::Skill(SkillId(2))).status,
        Status::Same(ItemRef::Skill(SkillId(1)))
    );
    assert_eq!(
        merge.left_out(),
        "Log entries, people, reviews and the why are never imported: they are the other \
         plan's own. Left out here: 2 log entries, 1 person and 1 review."
    );
    assert_eq!(merge.summary(false), "adds 2 roles, 2 skills and 2 goals");
}

#[test]
fn a_merge_adds_new_items_with_fresh_ids_and_links_to_the_merged_ones() {
    let open = mine();
    let merge = Merge::new(&open, branch_path()).expect("a valid plan");
    let (plan, _) = merged(&open, &merge);

    // Untouched: what was there, and everything that is never imported.
    for s in &open.skills {
        assert_eq!(plan.skill(s.id), Some(s));
    }
    for g in &open.goals {
        assert_eq!(plan.goal(g.id), Some(g));
    }
    assert_eq!(
        (
            &plan.log,
            &plan.people,
            &plan.reviews,
            &plan.purpose,
            &plan.owner
        ),
        (
            &open.log,
            &open.people,
            &open.reviews,
            &open.purpose,
            &open.owner
        )
    );

    let names: Vec<(u32, &str)> = plan
        .skills
        .iter()
        .map(|s| (s.id.0, s.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (1, "Inventory control"),
            (2, "Coaching"),
            (3, "Customer service"),
            (4, "Budgeting")
        ]
    );
    let counter = plan.role(RoleId(4)).expect("the counter role");
    assert_eq!(counter.title, "Counter associate");
    assert_eq!(
        counter.stage,
        Stage::Alternative,
        "the plan keeps its one current role"
    );
    assert_eq!(
        counter.teaches.skills,
        [SkillId(3)],
        "both spellings are one skill"
    );
    assert_eq!(counter.leads_to, [RoleId(3)], "to your Branch manager");
    let regional = plan.role(RoleId(5)).expect("the regional role");
    let required: Vec<(u32, u8)> = regional
        .requires
        .iter()
        .map(|q| (q.skill.0, q.level.0))
        .collect();
    assert_eq!(required, [(4, 4), (3, 4)]);
    assert_eq!(plan.role(RoleId(3)), open.role(RoleId(3)), "kept mine");

    let budget = plan.goal(GoalId(2)).expect("the budget goal");
    assert_eq!(
        (budget.skills.as_slice(), budget.roles.as_slice()),
        ([SkillId(4)].as_slice(), [RoleId(3)].as_slice())
    );
    let ids: Vec<u32> = budget.milestones.iter().map(|m| m.id.0).collect();
    assert_eq!(ids, [3, 4], "milestone ids follow the plan's own");
    let greet = plan.goal(GoalId(3)).expect("the greeting goal");
    assert_eq!(greet.skills, [SkillId(3)]);
    assert_eq!(greet.milestones[0].id, MilestoneId(5));
}

#[test]
fn one_undo_takes_the_whole_merge_back() {
    let open = mine();
    let mut merge = Merge::new(&open, branch_path()).expect("a valid plan");
    for (theirs, choice) in [
        (ItemRef::Skill(SkillId(3)), Choice::TakeTheirs),
        (ItemRef::Role(RoleId(2)), Choice::TakeTheirs),
        (ItemRef::Goal(GoalId(1)), Choice::TakeTheirs),
        (ItemRef::Skill(SkillId(4)), Choice::Skip),
    ] {
        choose(&mut merge, theirs, choice);
    }
    let (mut plan, undo) = merged(&open, &merge);
    assert_ne!(plan, open);
    plan.apply(undo).expect("undo applies");
    assert_eq!(plan, open, "exactly the plan before");
}

#[test]
fn taking_theirs_keeps_your_ids_names_stages_and_levels() {
    let open = mine();
    let mut merge = Merge::new(&open, branch_path()).expect("a valid plan");
    for theirs in [
        ItemRef::Skill(SkillId(3)),
        ItemRef::Role(RoleId(2)),
        ItemRef::Goal(GoalId(1)),
    ] {
        choose(&mut merge, theirs, Choice::TakeTheirs);
    }
    assert_eq!(
        merge.summary(true),
        "added 2 roles, 2 skills and 2 goals; replaced 1 role, 1 skill and 1 goal with theirs"
    );
    let (plan, _) = merged(&open, &merge);

    let coaching = plan.skill(SkillId(2)).expect("coaching");
    assert_eq!(
        coaching.target.map(|t| t.level),
        Some(Level(3)),
        "their target"
    );
    assert_eq!(
        coaching.history,
        open.skill(SkillId(2)).expect("mine").history
    );

    let manager = plan.role(RoleId(3)).expect("branch manager");
    assert_eq!(
        (manager.title.as_str(), manager.stage),
        ("Branch manager", Stage::Next)
    );
    let required: Vec<(u32, u8)> = manager
        .requires
        .iter()
        .map(|q| (q.skill.0, q.level.0))
        .collect();
    assert_eq!(required, [(1, 4), (2, 3), (4, 3)]);
    assert_eq!(manager.leads_to, [RoleId(5)]);

    let count = plan.goal(GoalId(1)).expect("the stock count");
    let steps: Vec<(u32, &str)> = count
        .milestones
        .iter()
        .map(|m| (m.id.0, m.title.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            (1, "Count plan agreed"),
            (2, "Count finished"),
            (3, "Share the lessons with the region")
        ],
        "your milestones keep their ids; the new one gets the next free id"
    );
}

#[test]
fn links_to_a_skipped_item_are_left_out() {
    let open = mine();
    let mut merge = Merge::new(&open, branch_path()).expect("a valid plan");
    choose(&mut merge, ItemRef::Skill(SkillId(4)), Choice::Skip);
    choose(&mut merge, ItemRef::Role(RoleId(2)), Choice::TakeTheirs);
    choose(&mut merge, ItemRef::Skill(SkillId(1)), Choice::Skip);
    let (plan, _) = merged(&open, &merge);
    assert!(
        plan.skill_named("Budgeting").is_none() && plan.skill_named("Customer service").is_none()
    );
    let manager = plan.role(RoleId(3)).expect("branch manager");
    assert_eq!(
        manager.requires.len(),
        2,
        "no requirement on the skipped Budgeting"
    );
    let counter = plan.role(RoleId(4)).expect("the counter role");
    assert!(
        counter.teaches.skills.is_empty(),
        "the repeated name goes with the first"
    );
}

#[test]
fn a_plan_merged_into_itself_changes_nothing() {
    let open = io::sample_plan();
    let merge = Merge::new(&open, open.clone()).expect("a valid plan");
    assert!(
        merge
            .rows
            .iter()
            .all(|r| matches!(r.status, Status::Same(_)))
    );
    assert!(merge.is_empty());
    assert_eq!(merge.summary(true), "nothing to import");
    assert_eq!(merge.edit(&open), stepstone::model::Edit::Batch(Vec::new()));
}

#[test]
fn every_template_merges_into_the_sample_and_undoes_exactly() {
    let open = io::sample_plan();
    for t in io::templates::templates() {
        let merge = Merge::new(&open, t.plan()).expect("templates are valid");
        let (mut plan, undo) = merged(&open, &merge);
        assert_eq!(
            plan.current_role(),
            open.current_role(),
            "{}: one current role",
            t.name
        );
        plan.apply(undo).expect("undo");
        assert_eq!(plan, open, "{}", t.name);
    }
}

/// `open` with a skill, a role, a goal and a milestone at id `top`, and
/// one of each just past a gap above the plan's own ids.
fn holding_the_last_ids(mut open: Plan, top: u32) -> Plan {
    use stepstone::model::{Goal, GoalKind, Milestone, Role, Skill};
    let past_gap = |ids: &mut dyn Iterator<Item = u32>| ids.max().unwrap_or(0) + 2;
    let skill_ids = [past_gap(&mut open.skills.iter().map(|s| s.id.0)), top];
    let role_ids = [past_gap(&mut open.roles.iter().map(|r| r.id.0)), top];
    let goal_ids = [past_gap(&mut open.goals.iter().map(|g| g.id.0)), top];
    let milestone_ids = [
        past_gap(
            &mut open
                .goals
                .iter()
                .flat_map(|g| &g.milestones)
                .map(|m| m.id.0),
        ),
        top,
    ];
    for i in 0..2 {
        let mut skill = Skill::new(SkillId(skill_ids[i]), format!("My skill {i}"));
        skill.category = "Mine".into();
        open.skills.push(skill);
        let role = Role::new(RoleId(role_ids[i]), format!("My role {i}"), Stage::LongTerm);
        open.roles.push(role);
        let mut goal = Goal::new(GoalId(goal_ids[i]), format!("My goal {i}"), GoalKind::Skill);
        let step = Milestone::new(MilestoneId(milestone_ids[i]), format!("My step {i}"));
        goal.milestones.push(step);
        open.goals.push(goal);
    }
    assert_eq!(open.validate(), []);
    open
}

#[test]
fn importing_into_a_plan_holding_the_last_ids_adds_everything_and_changes_nothing_there() {
    for (open, t) in [u32::MAX, u32::MAX - 1].into_iter().flat_map(|top| {
        let open = holding_the_last_ids(mine(), top);
        io::templates::templates()
            .into_iter()
            .map(move |t| (open.clone(), t))
    }) {
        let theirs = t.plan();
        let merge = Merge::new(&open, theirs.clone()).expect("templates are valid");
        let (plan, _) = merged(&open, &merge);
        let name = &t.name;
        // Nothing that was there changed.
        for s in &open.skills {
            assert_eq!(plan.skill(s.id), Some(s), "{name}: {}", s.name);
        }
        for r in &open.roles {
            assert_eq!(plan.role(r.id), Some(r), "{name}: {}", r.title);
        }
        for g in &open.goals {
            assert_eq!(plan.goal(g.id), Some(g), "{name}: {}", g.title);
        }
        // Every new item is there once, as theirs, under a new id.
        let new = |kind: fn(&ItemRef) -> bool| {
            merge
                .rows
                .iter()
                .filter(|r| r.status == Status::New && r.choice == Choice::Add && kind(&r.theirs))
                .count()
        };
        let added_skills = new(|r| matches!(r, ItemRef::Skill(_)));
        let added_roles = new(|r| matches!(r, ItemRef::Role(_)));
        let added_goals = new(|r| matches!(r, ItemRef::Goal(_)));
        assert_eq!(
            (plan.skills.len(), plan.roles.len(), plan.goals.len()),
            (
                open.skills.len() + added_skills,
                open.roles.len() + added_roles,
                open.goals.len() + added_goals
            ),
            "{name}: {}",
            merge.summary(true)
        );
        assert!(added_skills > 1 && added_goals > 0, "{name} adds several");
        for row in merge.rows.iter().filter(|r| r.status == Status::New) {
            match row.theirs {
                ItemRef::Skill(t) => {
                    let theirs = theirs.skill(t).expect("their skill");
                    let added: Vec<_> = plan
                        .skills
                        .iter()
                        .filter(|s| open.skill(s.id).is_none() && s.name == theirs.name)
                        .collect();
                    assert_eq!(added.len(), 1, "{name}: {}", theirs.name);
                    assert_eq!(
                        (&added[0].category, added[0].target),
                        (&theirs.category, theirs.target),
                        "{name}: {}",
                        theirs.name
                    );
                }
                ItemRef::Goal(t) => {
                    let theirs = theirs.goal(t).expect("their goal");
                    let added = plan
                        .goals
                        .iter()
                        .find(|g| open.goal(g.id).is_none() && g.title == theirs.title)
                        .expect("the goal is added");
                    assert_eq!(added.milestones.len(), theirs.milestones.len());
                }
                _ => {}
            }
        }
        let milestones = |p: &Plan| p.goals.iter().map(|g| g.milestones.len()).sum::<usize>();
        let mut ids: Vec<_> = plan
            .goals
            .iter()
            .flat_map(|g| &g.milestones)
            .map(|m| m.id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), milestones(&plan), "{name}: milestone ids differ");
    }
}

#[test]
fn taking_a_goal_whose_milestones_share_a_title_with_one_of_yours_keeps_ids_apart() {
    use stepstone::model::{Goal, GoalKind, Milestone};
    let goal = |why: &str, steps: &[(u32, &str)]| {
        let mut g = Goal::new(GoalId(1), "Lead the drill", GoalKind::Skill);
        g.why = why.into();
        g.milestones = steps
            .iter()
            .map(|&(id, t)| Milestone::new(MilestoneId(id), t))
            .collect();
        g
    };
    let open = Plan {
        goals: vec![goal("mine", &[(1, "Plan it")])],
        ..Plan::default()
    };
    let theirs = Plan {
        goals: vec![goal("theirs", &[(1, "Plan it"), (2, "PLAN IT")])],
        ..Plan::default()
    };
    let mut merge = Merge::new(&open, theirs).expect("valid");
    choose(&mut merge, ItemRef::Goal(GoalId(1)), Choice::TakeTheirs);
    let (plan, _) = merged(&open, &merge);
    let ids: Vec<u32> = plan.goals[0].milestones.iter().map(|m| m.id.0).collect();
    assert_eq!(
        ids,
        [1, 2],
        "yours keeps its id once; the other gets a new one"
    );
}

/// A framework of `n` topics with accented names (about 35 bytes each), a
/// few of them written twice (once in capitals), as a generated file might be.
fn big_framework(n: usize) -> String {
    use std::fmt::Write;
    let mut text = String::from("---\ntitle: \"Ünïcode ladder\"\nlevels: 4\ntopics:\n");
    for i in 0..n {
        let name = if i % 1000 == 999 {
            format!("ÜBUNG {} É", i - 1)
        } else {
            format!("Übung {i} é")
        };
        writeln!(
            text,
            "  - {{name: \"{name}\", content: [{{level: {}}}]}}",
            1 + i % 4
        )
        .expect("a String takes any text");
    }
    text.push_str("---\n");
    text
}

#[test]
fn a_framework_of_twenty_thousand_topics_previews_in_seconds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.md");
    std::fs::write(&path, big_framework(20_000)).expect("write");
    let mut open = mine();
    let mut yours = stepstone::model::Skill::new(SkillId(90), "übung 7 É");
    yours.category = "Mine".into();
    open.skills.push(yours);

    let started = std::time::Instant::now();
    let incoming = io::load_incoming(&path).expect("the framework reads");
    let merge = Merge::new(&open, incoming.plan).expect("a valid framework");
    let summary = merge.summary(false);
    let groups = merge.groups();
    let edit = merge.edit(&open);
    let took = started.elapsed();

    assert_eq!(
        merge.other().skills.len(),
        19_980,
        "names written twice come in once"
    );
    assert_eq!(summary, "adds 4 roles and 19979 skills");
    assert_eq!(groups.len(), 2);
    let stepstone::model::Edit::Batch(puts) = edit else {
        panic!("one batch")
    };
    assert_eq!(puts.len(), 4 + 19_979);
    assert!(
        took < std::time::Duration::from_secs(10),
        "the preview took {took:?}"
    );
}

#[test]
fn a_plan_with_problems_is_refused_with_the_first_one() {
    let (bad, _) = io::load(&fixture("bad/missing_link.stepstone.ron")).expect("it parses");
    let e = Merge::new(&mine(), bad).expect_err("refused");
    let text = e.to_string();
    assert!(text.starts_with("it has 1 problem (the first: "), "{text}");
    assert!(
        text.ends_with("; fix it before importing from it (`stepstone check` lists it)"),
        "{text}"
    );
}

#[test]
fn the_framework_fixture_becomes_roles_skills_and_required_levels() {
    let incoming = io::load_incoming(&fixture("import/ward-nursing-framework.md")).expect("reads");
    assert_eq!(incoming.name, "Ward Nursing");
    let plan = &incoming.plan;
    assert_eq!(plan.validate(), []);
    let skills: Vec<(&str, &str)> = plan
        .skills
        .iter()
        .map(|s| (s.name.as_str(), s.category.as_str()))
        .collect();
    assert_eq!(
        skills,
        [
            ("Patient Care", "Ward Nursing"),
            ("Communication", "Ward Nursing"),
            ("Teaching", "Ward Nursing")
        ]
    );
    let scale: Vec<(u32, u8)> = incoming.scale.iter().map(|(k, l)| (*k, l.0)).collect();
    assert_eq!(scale, [(1, 1), (2, 2), (3, 3), (4, 3), (5, 4), (6, 5)]);
    assert_eq!(
        incoming.scale_text(&plan.level_names),
        "Framework level 1 counts as 1 (aware), 2 as 2 (novice), 3 as 3 (practising), 4 as 3 \
         (practising), 5 as 4 (proficient), 6 as 5 (expert)"
    );
    let roles: Vec<Seen> = plan
        .roles
        .iter()
        .map(|r| {
            let required = r
                .requires
                .iter()
                .map(|q| {
                    (
                        plan.skill(q.skill).map_or("?", |s| s.name.as_str()),
                        q.level.0,
                    )
                })
                .collect();
            (
                r.title.as_str(),
                r.stage,
                r.leads_to.iter().map(|x| x.0).collect(),
                required,
            )
        })
        .collect();
    let (pc, co, te) = ("Patient Care", "Communication", "Teaching");
    assert_eq!(
        roles,
        [
            (
                "Ward Nursing level 1",
                Stage::Next,
                vec![2],
                vec![(pc, 1), (co, 1)]
            ),
            (
                "Ward Nursing level 2",
                Stage::LongTerm,
                vec![3],
                vec![(pc, 2), (co, 1)]
            ),
            (
                "Ward Nursing level 3",
                Stage::LongTerm,
                vec![4],
                vec![(pc, 3), (co, 3), (te, 3)]
            ),
            (
                "Ward Nursing level 4",
                Stage::LongTerm,
                vec![5],
                vec![(pc, 3), (co, 3), (te, 3)]
            ),
            (
                "Ward Nursing level 5",
                Stage::LongTerm,
                vec![6],
                vec![(pc, 4), (co, 3), (te, 3)]
            ),
            (
                "Ward Nursing level 6",
                Stage::LongTerm,
                vec![],
                vec![(pc, 4), (co, 5), (te, 3)]
            ),
        ]
    );
    assert_eq!(
        plan.roles[2].notes,
        "Patient Care:\n- Cares for the most unwell patients on the ward\n- Spots a deteriorating \
         patient before the scores do\n\nCommunication:\n- Leads difficult conversations with \
         families\n\nTeaching:\n- Precepts students and new starters"
    );
}

#[test]
fn a_framework_merges_into_a_plan_and_matches_its_skills() {
    let open = io::sample_plan();
    let mut incoming =
        io::load_incoming(&fixture("import/ward-nursing-framework.md")).expect("reads");
    // Name one of the framework's topics like one of the plan's skills.
    let known = open.skills[0].name.clone();
    incoming.plan.skills[2].name = known.to_uppercase();
    let merge = Merge::new(&open, incoming.plan).expect("valid");
    let (plan, _) = merged(&open, &merge);
    let level3 = plan
        .roles
        .iter()
        .find(|r| r.title == "Ward Nursing level 3")
        .expect("imported");
    assert!(
        level3.requires.iter().any(|q| q.skill == open.skills[0].id),
        "the matched skill is the plan's own"
    );
    assert_eq!(plan.skills.len(), open.skills.len() + 2);
}

/// A role's title, stage, next roles and required (skill, level).
type Seen<'a> = (&'a str, Stage, Vec<u32>, Vec<(&'a str, u8)>);

fn framework_error(text: &str) -> String {
    io::framework::parse(text, "ladder")
        .expect_err("refused")
        .to_string()
}

#[test]
fn framework_files_that_cannot_be_used_say_why_and_where() {
    assert_eq!(framework_error(""), "the file is empty");
    assert_eq!(
        framework_error("---\ntitle: x\n"),
        "1:1: the front matter that starts here has no closing `---` line"
    );
    assert_eq!(
        framework_error("---\ntitle: \"x\"\nlevels: many\n---\n"),
        "3:9: this does not read as a competency framework: expected a whole number (levels \
         count from 1)"
    );
    assert_eq!(
        framework_error("---\ntitle: Prose only\nyaml: false\n---\n# Hello\n"),
        "no topics with criteria by level; only frameworks written as `levels` and `topics` in \
         their front matter can be imported"
    );
    assert_eq!(
        framework_error(
            "levels: 500\ntopics:\n  - name: a\n    content:\n      - level: 1\n        criteria: [x]\n"
        ),
        "it has 500 levels; frameworks of up to 20 levels can be imported"
    );
    assert_eq!(
        framework_error("---\ntopics:\n  - name: a\n    content:\n      - criteria: [x]\n---\n"),
        "5:9: this does not read as a competency framework: each entry of a topic's `content` \
         needs a `level:`"
    );
}

#[test]
fn a_plain_yaml_ladder_with_more_levels_is_spread_over_the_scale() {
    let yaml = "title: Support ladder\nlevels: 8\ntopics:\n  - name: customer empathy\n    content:\n      - level: 1\n        criteria: [Listens]\n      - level: 8\n        criteria: [Teaches it]\n";
    let incoming = io::framework::parse(yaml, "x").expect("reads");
    let scale: Vec<(u32, u8)> = incoming.scale.iter().map(|(k, l)| (*k, l.0)).collect();
    assert_eq!(
        scale,
        [
            (1, 1),
            (2, 2),
            (3, 2),
            (4, 3),
            (5, 3),
            (6, 4),
            (7, 4),
            (8, 5)
        ]
    );
    assert_eq!(incoming.plan.skills[0].name, "Customer empathy");
    assert_eq!(incoming.plan.roles[7].title, "Support ladder level 8");
    assert_eq!(
        incoming.plan.roles[6].requires[0].level,
        Level(1),
        "level 7 asks for level 1's criteria"
    );
}

/// The app on a copy of the v1 fixture in `dir`, with the File > Import
/// dialog open.
fn import_dialog(dir: &Path) -> Harness<'static, App> {
    let plan = dir.join("mine.stepstone.ron");
    std::fs::copy(fixture("v1.stepstone.ron"), &plan).expect("copy");
    let mut h = open_app(settings(dir, jiff::civil::date(2026, 3, 1)), Some(plan));
    h.run();
    click(&mut h, "File");
    click(&mut h, "Import from a plan or framework\u{2026}");
    h
}

#[test]
fn the_dialog_previews_a_framework_of_twenty_thousand_topics_drawing_only_what_is_in_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("big.md"), big_framework(20_000)).expect("write");
    let mut h = import_dialog(dir.path());
    h.get_by_label("File path:").type_text("big.md");
    h.run();
    h.key_press(Key::Enter);
    // The grid settles its columns over a few frames.
    h.run_steps(8);
    // The first skill is in view; the last is drawn only once scrolled to.
    for (label, drawn) in [
        ("Import adds 4 roles and 19980 skills.", true),
        ("Übung 0 é", true),
        ("Übung 19997 é", false),
    ] {
        assert_eq!(h.query_by_label(label).is_some(), drawn, "{label}");
    }
    let started = std::time::Instant::now();
    for _ in 0..5 {
        h.step();
    }
    let frame = started.elapsed() / 5;
    assert!(
        frame < std::time::Duration::from_millis(500),
        "a frame took {frame:?}"
    );
    click(&mut h, "Cancel");
}

#[test]
fn importing_through_the_dialog_is_one_undo_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        fixture("import/branch-path.stepstone.ron"),
        dir.path().join("branch.stepstone.ron"),
    )
    .expect("copy");
    let mut h = import_dialog(dir.path());
    let before = h.state().plan().clone();
    // The path starts in the plan's folder, with the keyboard in it.
    h.get_by_label("File path:")
        .type_text("branch.stepstone.ron");
    h.run();
    h.key_press(Key::Enter);
    h.run();

    assert!(
        h.query_by_label("Import from branch.stepstone.ron")
            .is_some()
    );
    assert!(
        h.query_by_label("in your plan with other required levels, next roles")
            .is_some()
    );
    assert!(
        h.query_by_label("Import adds 2 roles, 2 skills and 2 goals.")
            .is_some()
    );
    // Roles come first: the first "Take theirs" is the Branch Manager's.
    h.get_all_by_label("Take theirs")
        .next()
        .expect("a choice for a differing item")
        .click();
    h.run();
    // The Budgeting skill: the second new skill.
    let skills_skip = h.get_all_by_label("Skip").nth(3).expect("the skills' Skip");
    skills_skip.click();
    h.run();
    assert!(
        h.query_by_label("Import adds 2 roles, 1 skill and 2 goals; replaces 1 role with theirs.")
            .is_some()
    );
    click(&mut h, "Import");

    let plan = h.state().plan().clone();
    assert_eq!(plan.validate(), []);
    assert_eq!(plan.roles.len(), before.roles.len() + 2);
    assert!(plan.skill_named("Budgeting").is_none(), "skipped");
    let manager = plan.role(RoleId(3)).expect("branch manager");
    assert_eq!(
        manager.leads_to.len(),
        1,
        "theirs: leads to the regional manager"
    );
    assert_eq!(
        h.state().notice(),
        Some(
            "Imported from branch.stepstone.ron: added 2 roles, 1 skill and 2 goals; replaced 1 \
             role with theirs. Edit > Undo takes it all back."
        )
    );
    assert!(h.state().document().is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &before, "one undo takes it all back");
    assert!(!h.state().document().is_dirty());
    assert_eq!(h.state().notice(), None, "and the news of the import goes");
}

#[test]
fn a_file_that_cannot_be_imported_says_why_and_a_template_still_can_be() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("ladder.md"),
        "---\ntitle: Ladder\nlevels: [\n---\n",
    )
    .expect("write");
    let mut h = import_dialog(dir.path());
    let before = h.state().plan().clone();
    h.get_by_label("File path:").type_text("ladder.md");
    h.run();
    click(&mut h, "Preview");
    let error = h
        .query_by_label_contains("ladder.md:")
        .expect("the error is in the dialog");
    let error = error.accesskit_node();
    let error = error.label().or_else(|| error.value()).unwrap_or_default();
    assert!(
        error.ends_with(
            "ladder.md:3:9: this does not read as a competency framework: expected a text"
        ),
        "{error}"
    );
    assert!(h.state().notice().is_none());

    click(&mut h, "Junior developer to senior engineer");
    assert!(
        h.query_by_label(
            "Import from the template \u{201c}Junior developer to senior engineer\u{201d}"
        )
        .is_some()
    );
    assert!(
        h.query_by_label_contains("comes in as an option").is_some(),
        "the template's current role, beside the plan's own"
    );
    click(&mut h, "Back");
    assert!(
        h.query_by_label("File path:").is_some(),
        "back to where from"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("File path:").is_none(),
        "Escape closes the dialog"
    );
    assert_eq!(h.state().plan(), &before, "nothing changed");
}

/// The v1 fixture's plan as `mine.stepstone.ron` in `dir`, without its comments.
fn write_mine(dir: &Path) {
    let text = io::to_ron(&mine()).expect("writes");
    std::fs::write(dir.join("mine.stepstone.ron"), text).expect("write");
}

/// Runs `stepstone` with `args` in `dir`: exit code, stdout, stderr.
fn stepstone(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_stepstone"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        o.status.code().unwrap_or(-1),
        text(&o.stdout),
        text(&o.stderr),
    )
}

#[test]
fn the_command_line_previews_with_dry_run_then_imports_and_saves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write_mine(d);
    std::fs::copy(
        fixture("import/ward-nursing-framework.md"),
        d.join("ladder.md"),
    )
    .expect("copy");
    let before = std::fs::read(d.join("mine.stepstone.ron")).expect("read");

    let (code, out, err) = stepstone(
        d,
        &[
            "import",
            "mine.stepstone.ron",
            "--from",
            "ladder.md",
            "--dry-run",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Importing from ladder.md into mine.stepstone.ron:\nFramework level 1 counts as 1 (aware), 2 as 2"), "{out}");
    assert!(
        out.contains("Roles:\n  Add         Ward Nursing level 1 (new)\n"),
        "{out}"
    );
    assert!(
        out.ends_with(
            "Dry run: nothing was changed. Without --dry-run the import adds 6 roles and 3 skills.\n"
        ),
        "{out}"
    );
    assert_eq!(
        std::fs::read(d.join("mine.stepstone.ron")).expect("read"),
        before,
        "untouched"
    );

    let (code, out, err) = stepstone(d, &["import", "mine.stepstone.ron", "--from", "ladder.md"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.ends_with("Imported: added 6 roles and 3 skills.\n"),
        "{out}"
    );
    let (saved, _) = io::load(&d.join("mine.stepstone.ron")).expect("saved");
    assert_eq!(saved.roles.len(), mine().roles.len() + 6);
    let (code, _, err) = stepstone(d, &["check", "mine.stepstone.ron"]);
    assert_eq!(code, 0, "the merged plan passes check: {err}");

    let (code, out, _) = stepstone(d, &["import", "mine.stepstone.ron", "--from", "ladder.md"]);
    assert_eq!(code, 0);
    assert!(
        out.ends_with(
            "Nothing to import: all of it is in your plan already. The file is unchanged.\n"
        ),
        "{out}"
    );
}

#[test]
fn the_command_line_takes_theirs_when_asked_and_imports_templates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write_mine(d);
    std::fs::copy(
        fixture("import/branch-path.stepstone.ron"),
        d.join("branch.stepstone.ron"),
    )
    .expect("copy");
    let (code, out, err) = stepstone(
        d,
        &[
            "import",
            "mine.stepstone.ron",
            "--from",
            "branch.stepstone.ron",
            "--take-theirs",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "  Take theirs Branch Manager (in your plan with other required levels, next roles)\n"
        ),
        "{out}"
    );
    let (saved, _) = io::load(&d.join("mine.stepstone.ron")).expect("saved");
    assert_eq!(saved.role(RoleId(3)).map(|r| r.requires.len()), Some(3));

    let (code, out, err) = stepstone(
        d,
        &[
            "import",
            "mine.stepstone.ron",
            "--template",
            "parts-counter-to-branch-manager",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "Importing from the template \"Parts counter associate to branch manager\""
        ),
        "{out}"
    );
}

#[test]
fn the_command_line_refuses_what_it_cannot_import_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write_mine(d);
    std::fs::copy(
        fixture("bad/missing_link.stepstone.ron"),
        d.join("bad.stepstone.ron"),
    )
    .expect("copy");
    std::fs::write(d.join("empty.md"), "").expect("write");
    let before = std::fs::read(d.join("mine.stepstone.ron")).expect("read");
    for (from, says) in [
        (
            "bad.stepstone.ron",
            "bad.stepstone.ron: cannot be imported: it has 1 problem (the first: ",
        ),
        ("empty.md", "empty.md: the file is empty"),
        ("missing.md", "missing.md: cannot read the file: "),
    ] {
        let (code, out, err) = stepstone(d, &["import", "mine.stepstone.ron", "--from", from]);
        assert_eq!((code, out.as_str()), (1, ""), "{from}: {err}");
        assert!(err.starts_with(says), "{from}: {err}");
    }
    let (code, _, err) = stepstone(d, &["import", "mine.stepstone.ron", "--template", "nope"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("no template named \"nope\""), "{err}");
    assert_eq!(
        std::fs::read(d.join("mine.stepstone.ron")).expect("read"),
        before
    );
}
