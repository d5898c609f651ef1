//! Two devices in the app: a sync service's conflicted copy beside the
//! plan, and "the file changed on disk" > Merge.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{click, open_app, settings};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use stepstone::model::{EntryId, ExperienceKind, LogEntry, Plan};

const COPY: &str = "me.stepstone.sync-conflict-20261127-101500-ABCDEFG.ron";

fn entry(plan: &Plan, text: &str) -> LogEntry {
    LogEntry::new(
        plan.new_entry_id(),
        date(2026, 11, 26),
        20,
        ExperienceKind::Learning,
        text,
    )
}

fn save(path: &std::path::Path, plan: &Plan) {
    stepstone::io::save(path, plan, None).expect("save");
}

#[test]
fn a_syncthing_conflicted_copy_is_merged_keeping_both_sides_entries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("me.stepstone.ron");
    let base = stepstone::io::sample_plan();
    // This device saved over the common version (kept as .bak) with an
    // entry; the other device's copy has another entry under the same id
    // and a renamed goal.
    save(&file, &base);
    let mut ours = base.clone();
    ours.log.push(entry(&base, "Logged at work"));
    save(&file, &ours);
    let mut theirs = base.clone();
    theirs.log.push(entry(&base, "Logged at home"));
    theirs.goals[0].title = "Renamed at home".into();
    save(&dir.path().join(COPY), &theirs);

    let mut h = open_app(settings(dir.path(), date(2026, 11, 27)), Some(file.clone()));
    h.run();
    assert!(h.query_by_label("A conflicted copy of this plan").is_some());
    click(&mut h, "Merge it in");

    let (saved, _) = stepstone::io::load(&file).expect("saved");
    assert_eq!(&saved, h.state().plan());
    for text in ["Logged at work", "Logged at home"] {
        assert!(saved.log.iter().any(|e| e.text == text), "{text}");
    }
    assert_eq!(saved.log.len(), base.log.len() + 2);
    assert_eq!(saved.goals[0].title, "Renamed at home");
    assert!(saved.validate().is_empty());
    assert!(!dir.path().join(COPY).exists(), "the copy is set aside");
    assert!(
        dir.path().join(format!("{COPY}.merged")).is_file(),
        "and kept"
    );
    assert!(
        h.query_by_label_contains("The conflicted copy is kept as")
            .is_some()
    );

    // One undo takes the merge back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &ours);
}

#[test]
fn not_now_leaves_the_copy_and_does_not_ask_again_this_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("me.stepstone.ron");
    save(&file, &stepstone::io::sample_plan());
    save(&dir.path().join(COPY), &Plan::default());
    let mut h = open_app(settings(dir.path(), date(2026, 11, 27)), Some(file.clone()));
    h.run();
    click(&mut h, "Not now");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label("A conflicted copy of this plan").is_none());
    assert!(dir.path().join(COPY).is_file());
}

#[test]
fn the_file_changed_on_disk_can_be_merged_and_a_conflict_chosen_side_by_side() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("me.stepstone.ron");
    let base = stepstone::io::sample_plan();
    save(&file, &base);
    let mut h = open_app(settings(dir.path(), date(2026, 11, 27)), Some(file.clone()));
    h.run();
    // Here: a new entry and a new due day for the first goal.
    let mut here = h.state().plan().clone();
    here.log.push(entry(&base, "Logged here"));
    here.goals[0].due = Some(date(2027, 4, 30));
    h.state_mut()
        .apply_edit(stepstone::model::Edit::Replace(Box::new(here)))
        .expect("edit");
    // Elsewhere: another entry, the same goal's due day, and its title.
    let mut there = base.clone();
    there.log.push(entry(&base, "Logged elsewhere"));
    there.goals[0].due = Some(date(2027, 6, 30));
    there.goals[0].title = "Renamed elsewhere".into();
    save(&file, &there);

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label("The file changed on disk").is_some());
    click(&mut h, "Merge");
    assert!(
        h.query_by_label("Choose between the two versions")
            .is_some()
    );
    let place = format!("Goal \"{}\": due", base.goals[0].title);
    assert!(h.query_by_label(&place).is_some(), "{place}");
    click(&mut h, "On disk: 2027-06-30");
    click(&mut h, "Merge");

    let (saved, _) = stepstone::io::load(&file).expect("saved");
    assert_eq!(&saved, h.state().plan());
    assert_eq!(
        saved.goals[0].due,
        Some(date(2027, 6, 30)),
        "the side chosen"
    );
    assert_eq!(saved.goals[0].title, "Renamed elsewhere");
    let ids: Vec<EntryId> = saved.log.iter().map(|e| e.id).collect();
    assert!(saved.log.iter().any(|e| e.text == "Logged here"));
    assert!(saved.log.iter().any(|e| e.text == "Logged elsewhere"));
    assert_eq!(ids.len(), base.log.len() + 2);
    assert!(!h.state().document().is_dirty());
    assert!(
        h.query_by_label_contains("Merged the changes made elsewhere")
            .is_some()
    );
}
