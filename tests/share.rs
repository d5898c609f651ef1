//! A copy to share: `stepstone share` and File > Export for sharing leave
//! out private text, keep what the person asks to keep, and never touch the
//! plan itself.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{click, open_app, settings};
use common::{fixture, stepstone};
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use std::path::Path;
use std::process::Output;
use stepstone::model::{Plan, Private};

fn out_err(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A copy of the fixture with private text in every private field.
fn private_plan(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("robin.stepstone.ron");
    std::fs::copy(fixture("private.stepstone.ron"), &path).expect("copy fixture");
    path
}

/// The private strings of the fixture, by the kind that holds them.
fn private_strings(kind: Private) -> &'static [&'static str] {
    match kind {
        Private::LogText => &[
            "PRIVATE-log-1",
            "PRIVATE-log-2",
            "PRIVATE-log-3",
            "PRIVATE-log-4",
        ],
        Private::Feelings => &["energy", "remembered_why"],
        Private::Reviews => &[
            "PRIVATE-review-learned",
            "PRIVATE-review-helped",
            "PRIVATE-review-beyond",
            "PRIVATE-review-moved",
            "PRIVATE-review-in-the-way",
            "PRIVATE-review-focus",
        ],
        Private::Notes => &[
            "PRIVATE-role-note",
            "PRIVATE-next-role-note",
            "PRIVATE-person-note",
        ],
        Private::Purpose => &["PRIVATE-purpose"],
        Private::GoalWhys => &["PRIVATE-why"],
        Private::Evidence => &[
            "PRIVATE-skill-evidence",
            "PRIVATE-milestone-evidence",
            "PRIVATE-link-token",
        ],
    }
}

/// What a shared copy always keeps: the fixture's "SHARED-" strings and its names.
const SHARED: [&str; 9] = [
    "SHARED-org Lakeside General",
    "SHARED-relationship",
    "SHARED-experience",
    "Robin Okafor",
    "Precepting",
    "Teaching",
    "Run the new-graduate skills day",
    "Agenda agreed",
    "Priya Natarajan",
];

/// Checks the written bytes: the kinds in `kept` are there, the others
/// are not, and everything shared always is.
fn assert_holds(bytes: &str, kept: &[Private]) {
    for kind in Private::ALL {
        for s in private_strings(kind) {
            assert_eq!(
                bytes.contains(s),
                kept.contains(&kind),
                "{s} ({kind:?}, kept: {kept:?}) in:\n{bytes}"
            );
        }
    }
    if kept.is_empty() {
        assert!(!bytes.contains("PRIVATE-"), "{bytes}");
    }
    for s in SHARED {
        assert!(bytes.contains(s), "{s} is missing from:\n{bytes}");
    }
}

/// The numbers are the same: every entry's day, minutes, kind and links.
fn assert_same_numbers(copy: &Plan, original: &Plan) {
    assert_eq!(copy.log.len(), original.log.len());
    for (c, o) in copy.log.iter().zip(&original.log) {
        assert_eq!(
            (
                c.id, c.date, c.minutes, c.kind, &c.skills, &c.goals, &c.people
            ),
            (
                o.id, o.date, o.minutes, o.kind, &o.skills, &o.goals, &o.people
            )
        );
    }
    assert_eq!(copy.roles.len(), original.roles.len());
    let levels = |p: &Plan| -> Vec<_> {
        p.skills
            .iter()
            .map(|s| {
                let history: Vec<_> = s.history.iter().map(|c| (c.date, c.level)).collect();
                (s.id, s.name.clone(), s.category.clone(), s.target, history)
            })
            .collect()
    };
    assert_eq!(levels(copy), levels(original));
    let milestones = |p: &Plan| -> Vec<_> {
        p.goals
            .iter()
            .flat_map(|g| &g.milestones)
            .map(|m| (m.id, m.title.clone(), m.due, m.done))
            .collect()
    };
    assert_eq!(milestones(copy), milestones(original));
    let goals = |p: &Plan| -> Vec<_> {
        p.goals
            .iter()
            .map(|g| {
                (
                    g.id,
                    g.title.clone(),
                    g.kind,
                    g.status,
                    g.start,
                    g.due,
                    g.skills.clone(),
                    g.roles.clone(),
                    g.measure,
                )
            })
            .collect()
    };
    assert_eq!(goals(copy), goals(original));
}

#[test]
fn the_share_copy_holds_no_private_string_and_passes_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = private_plan(dir.path());
    let before = std::fs::read(&file).expect("read");
    let out = dir.path().join("for-priya.stepstone.ron");
    let o = stepstone(&[
        "share",
        &file.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", out_err(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!(
            "Wrote a copy to share: {}\nLeft out: your purpose (1 line); the text of 4 log \
             entries; energy and \u{201c}remembered my why\u{201d} on 2 log entries; the answers \
             in 1 review; notes on 1 person and 2 roles; the why of 1 goal; evidence for 1 skill \
             level and 1 milestone, and the links of 1 milestone. Every copy keeps {}.\n{} is \
             unchanged.\n",
            out.display(),
            stepstone::model::ALWAYS_KEPT,
            file.display()
        )
    );

    assert_holds(&std::fs::read_to_string(&out).expect("copy"), &[]);
    let c = stepstone(&["check", &out.display().to_string()]);
    assert_eq!(c.status.code(), Some(0), "{}", out_err(&c));
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "the plan is untouched"
    );

    let (copy, _) = stepstone::io::load(&out).expect("load copy");
    let (original, _) = stepstone::io::load(&file).expect("load plan");
    assert_same_numbers(&copy, &original);
    assert_eq!(
        copy.reviews.len(),
        1,
        "the review stays, without its answers"
    );
    assert!(
        copy.log
            .iter()
            .all(|e| e.text == stepstone::model::PRIVATE_TEXT)
    );
}

#[test]
fn keep_options_really_keep() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = private_plan(dir.path()).display().to_string();
    let cases: [(&[&str], &[Private]); 5] = [
        (
            &["--keep", "log-text,reviews"],
            &[Private::LogText, Private::Reviews],
        ),
        (
            &["--keep", "notes", "--keep", "feelings"],
            &[Private::Notes, Private::Feelings],
        ),
        (
            &["--keep", "purpose,goal-whys,evidence"],
            &[Private::Purpose, Private::GoalWhys, Private::Evidence],
        ),
        (&["--keep", "evidence"], &[Private::Evidence]),
        (
            &[
                "--keep",
                "purpose,log-text,feelings,reviews,notes,goal-whys,evidence",
            ],
            &Private::ALL,
        ),
    ];
    for (i, (keep, kept)) in cases.into_iter().enumerate() {
        let out = dir.path().join(format!("copy{i}.stepstone.ron"));
        let mut args = vec!["share", &file, "-o"];
        let out_text = out.display().to_string();
        args.push(&out_text);
        args.extend_from_slice(keep);
        let o = stepstone(&args);
        assert_eq!(o.status.code(), Some(0), "{keep:?}: {}", out_err(&o));
        assert_holds(&std::fs::read_to_string(&out).expect("copy"), kept);
        assert_eq!(stepstone(&["check", &out_text]).status.code(), Some(0));
    }
    // Keeping everything writes the plan as it is.
    let (all, _) = stepstone::io::load(&dir.path().join("copy4.stepstone.ron")).expect("load");
    let (original, _) = stepstone::io::load(Path::new(&file)).expect("load");
    assert_eq!(all, original);

    let o = stepstone(&["share", &file, "--keep", "diary"]);
    assert_eq!(o.status.code(), Some(2), "an unknown kind is a usage error");
    assert!(
        out_err(&o).contains("log-text"),
        "it lists the kinds: {}",
        out_err(&o)
    );
}

#[test]
fn share_writes_beside_the_plan_and_never_over_a_file_unasked_or_the_plan_itself() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = private_plan(dir.path());
    let before = std::fs::read(&file).expect("read");
    let file_text = file.display().to_string();

    let o = stepstone(&["share", &file_text]);
    assert_eq!(o.status.code(), Some(0), "{}", out_err(&o));
    let beside = dir.path().join("robin.shared.stepstone.ron");
    assert!(beside.is_file(), "{}", out_err(&o));

    // A second run does not replace it unless asked.
    std::fs::write(&beside, "my own notes").expect("write");
    let o = stepstone(&["share", &file_text]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out_err(&o).contains("already exists; nothing was written"),
        "{}",
        out_err(&o)
    );
    assert_eq!(
        std::fs::read_to_string(&beside).expect("read"),
        "my own notes"
    );
    let o = stepstone(&["share", &file_text, "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", out_err(&o));
    assert_holds(&std::fs::read_to_string(&beside).expect("copy"), &[]);
    // The replaced copy is not kept: it may hold private text kept then.
    let bak = dir.path().join("robin.shared.stepstone.ron.bak");
    assert!(!bak.exists(), "no .bak of an earlier copy is left behind");

    // The plan itself is never the copy, even with --force or through a link.
    let mut targets = vec![file_text.clone()];
    #[cfg(unix)]
    {
        let link = dir.path().join("link.stepstone.ron");
        std::os::unix::fs::symlink(&file, &link).expect("symlink");
        targets.push(link.display().to_string());
    }
    for target in &targets {
        let o = stepstone(&["share", &file_text, "-o", target, "--force"]);
        assert_eq!(o.status.code(), Some(1), "{target}");
        assert!(
            out_err(&o).contains("this is the plan itself"),
            "{}",
            out_err(&o)
        );
    }
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

#[test]
fn a_plan_with_problems_or_a_bad_file_is_not_shared() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = fixture("bad/duplicate_ids.stepstone.ron")
        .display()
        .to_string();
    let out = dir.path().join("copy.stepstone.ron");
    let out_text = out.display().to_string();
    let o = stepstone(&["share", &bad, "-o", &out_text]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out_err(&o).starts_with(&format!(
            "{bad}: cannot share: the plan has problems to fix first"
        )),
        "{}",
        out_err(&o)
    );
    assert!(
        out_err(&o).contains("used twice"),
        "each problem is listed: {}",
        out_err(&o)
    );
    assert!(!out.exists());

    let good = private_plan(dir.path()).display().to_string();
    let nowhere = dir.path().join("no/such/folder/copy.stepstone.ron");
    let o = stepstone(&["share", &good, "-o", &nowhere.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out_err(&o).contains("does not exist; choose another place"),
        "{}",
        out_err(&o)
    );

    let empty = fixture("bad/empty.stepstone.ron").display().to_string();
    let o = stepstone(&["share", &empty, "-o", &out_text]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out_err(&o).starts_with(&format!("{empty}: ")),
        "{}",
        out_err(&o)
    );
    assert!(!out.exists());
}

#[test]
fn export_for_sharing_from_the_menu_keeps_what_is_ticked_and_leaves_the_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = private_plan(dir.path());
    let before = std::fs::read(&file).expect("read");
    let mut h = open_app(settings(dir.path(), date(2026, 6, 15)), Some(file.clone()));
    h.run();
    let plan = h.state().plan().clone();

    click(&mut h, "File");
    h.get_by_label("Export for sharing\u{2026}").click();
    h.run();
    assert!(h.query_by_label("the text of 4 log entries").is_some());
    assert!(h.query_by_label("the answers in 1 review").is_some());
    assert!(h.query_by_label("notes on 1 person and 2 roles").is_some());
    // Every kind has its box, with what this plan holds of it.
    for kind in Private::ALL {
        assert!(
            h.query_by_label(&format!("Keep {}", kind.label()))
                .is_some(),
            "{kind:?} has a box"
        );
    }
    assert!(h.query_by_label("your purpose (1 line)").is_some());
    assert!(h.query_by_label("the why of 1 goal").is_some());
    assert!(
        h.query_by_label(
            "evidence for 1 skill level and 1 milestone, and the links of 1 milestone"
        )
        .is_some()
    );
    assert!(
        h.query_by_label_contains("Every copy keeps your name;")
            .is_some()
    );
    click(&mut h, "Keep your review answers");
    click(
        &mut h,
        "Keep evidence for levels and milestones, and milestone links",
    );
    click(&mut h, "Export");

    let out = dir.path().join("robin.shared.stepstone.ron");
    assert_holds(
        &std::fs::read_to_string(&out).expect("copy"),
        &[Private::Reviews, Private::Evidence],
    );
    let notice = h.state().notice().expect("says where").to_string();
    assert!(notice.contains(&out.display().to_string()), "{notice}");
    assert!(
        notice.contains(
            "Kept, as asked: the answers in 1 review; evidence for 1 skill level and 1 \
             milestone, and the links of 1 milestone."
        ),
        "{notice}"
    );
    assert!(
        notice.contains("Left out: your purpose (1 line);"),
        "{notice}"
    );
    assert!(
        h.query_by_label("Export for sharing").is_none(),
        "the dialog closed"
    );
    assert_eq!(h.state().plan(), &plan, "the open plan is unchanged");
    assert!(!h.state().document().is_dirty());
    assert_eq!(h.state().document().path.as_deref(), Some(file.as_path()));
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

/// Opens File > Export for sharing.
fn open_dialog(h: &mut egui_kittest::Harness<'_, stepstone::ui::App>) {
    click(h, "File");
    h.get_by_label("Export for sharing\u{2026}").click();
    h.run();
}

#[test]
fn the_dialog_refuses_the_plan_itself_and_cancel_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = private_plan(dir.path());
    let before = std::fs::read(&file).expect("read");
    let mut h = open_app(settings(dir.path(), date(2026, 6, 15)), Some(file.clone()));
    h.run();
    open_dialog(&mut h);
    h.get_by_label("Save the copy as:").click();
    h.run();
    common::ui::press(&mut h, egui::Modifiers::COMMAND, egui::Key::A);
    common::ui::type_text(&mut h, &file.display().to_string());
    assert!(
        h.query_by_label_contains("A file with this name exists")
            .is_some(),
        "it warns before replacing a file"
    );
    click(&mut h, "Export");
    assert!(
        h.query_by_label_contains("this is the plan itself")
            .is_some(),
        "the dialog says why nothing was written"
    );
    assert_eq!(std::fs::read(&file).expect("read"), before);
    // Changing the path clears what was said about the old one.
    h.get_by_label("Save the copy as:").click();
    h.run();
    common::ui::type_text(&mut h, "x");
    assert!(
        h.query_by_label_contains("this is the plan itself")
            .is_none()
    );

    click(&mut h, "Cancel");
    assert!(
        h.query_by_label("Export for sharing").is_none(),
        "the dialog closed"
    );
    assert_eq!(h.state().notice(), None);
    assert_eq!(
        common::names_in(dir.path()),
        ["config", "robin.stepstone.ron"]
    );
}

/// The app on `plan`, untitled, with its own files under `dir`.
fn untitled(dir: &Path, plan: Plan) -> egui_kittest::Harness<'static, stepstone::ui::App> {
    let settings = settings(dir, date(2026, 6, 15));
    egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_cc| stepstone::ui::App::from_plan(plan, settings))
}

#[test]
fn an_untitled_plan_is_shared_into_the_plans_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = untitled(dir.path(), stepstone::io::sample_plan());
    h.run();
    open_dialog(&mut h);
    click(&mut h, "Export");
    let out = dir.path().join("plans/plan.shared.stepstone.ron");
    let (copy, _) = stepstone::io::load(&out).expect("written in the plans folder");
    assert!(copy.validate().is_empty());
    assert_eq!(
        copy,
        stepstone::io::sample_plan().share_copy(stepstone::model::Keep::NOTHING)
    );
    assert!(
        h.state().document().path.is_none(),
        "the plan stays untitled"
    );
}

#[test]
fn a_large_plan_is_written_off_the_frame_and_the_dialog_waits_for_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = untitled(dir.path(), common::plan_with_entries(30_000));
    h.run();
    open_dialog(&mut h);
    h.get_by_label("Export").click();
    h.step();
    h.step();
    assert!(h.query_by_label("Writing the copy\u{2026}").is_some());
    let mut frames = 0;
    while h.state().notice().is_none() && frames < 1000 {
        // Escape while the copy is being written does not lose its outcome.
        h.key_press(egui::Key::Escape);
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
        frames += 1;
    }
    let notice = h.state().notice().expect("says where").to_string();
    assert!(notice.contains("the text of 30000 log entries"), "{notice}");
    let (copy, _) =
        stepstone::io::load(&dir.path().join("plans/plan.shared.stepstone.ron")).expect("load");
    assert_eq!(copy.log.len(), 30_000);
    assert!(
        copy.log
            .iter()
            .all(|e| e.text == stepstone::model::PRIVATE_TEXT)
    );
}
