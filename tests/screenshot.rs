//! A real window under a display: `--screenshot` writes a 1280x800 picture
//! of each view that is not blank. Needs a display (Xvfb), so it is ignored
//! by a plain `cargo test`; `.ci/run` runs it with `--ignored` under Xvfb.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

/// Every `--view` name.
const VIEWS: [&str; 8] = [
    "roadmap", "skills", "goals", "people", "today", "log", "review", "insights",
];

#[test]
#[ignore = "needs a display: run under Xvfb with --ignored (see .ci/run)"]
fn every_view_of_the_sample_makes_a_real_picture() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "DISPLAY is not set: start Xvfb first"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.stepstone.ron");
    let out_dir = std::env::var_os("STEPSTONE_SCREENSHOTS")
        .map_or_else(|| dir.path().to_path_buf(), Into::into);
    for view in VIEWS {
        shoot(
            &sample,
            "2026-11-25",
            view,
            &out_dir.join(format!("{view}.png")),
            dir.path(),
        );
    }
}

/// A plan whose roles and milestones span `from` to `to`: the roadmap fits
/// to them, so each plan shows the axis at another zoom.
fn short_plan(
    current_from: &str,
    current_to: &str,
    next_by: &str,
    milestones: &[(&str, &str)],
) -> String {
    let milestones: Vec<String> = milestones
        .iter()
        .enumerate()
        .map(|(i, (title, due))| format!("(id: {}, title: \"{title}\", due: \"{due}\")", i + 1))
        .collect();
    format!(
        "#![enable(implicit_some)]
(
    format_version: 1,
    owner: \"Sam\",
    roles: [
        (id: 1, title: \"Parts counter clerk\", stage: Current, start: \"{current_from}\", end: \"{current_to}\", leads_to: [2]),
        (id: 2, title: \"Parts manager\", stage: Next, target_date: \"{next_by}\"),
    ],
    goals: [
        (id: 1, title: \"Learn the ordering system\", kind: Learning, status: Active, milestones: [{}]),
    ],
)
",
        milestones.join(", ")
    )
}

/// The Roadmap's date axis at three zoom levels (years, months, days) and
/// with an empty plan. The roadmap fits to its plan, so each zoom comes from
/// a plan of that length; `STEPSTONE_SCREENSHOTS` keeps the pictures
/// (`roadmap-years.png` and so on) to look at.
#[test]
#[ignore = "needs a display: run under Xvfb with --ignored (see .ci/run)"]
fn the_roadmap_at_three_zoom_levels_and_empty_makes_real_pictures() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "DISPLAY is not set: start Xvfb first"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = std::env::var_os("STEPSTONE_SCREENSHOTS")
        .map_or_else(|| dir.path().to_path_buf(), Into::into);
    let plans = [
        (
            "years",
            std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.stepstone.ron"),
            )
            .expect("sample"),
        ),
        (
            "months",
            short_plan(
                "2026-01-12",
                "2026-07-31",
                "2026-10-30",
                &[
                    ("First order on my own", "2026-03-06"),
                    ("Run stock-take", "2026-08-21"),
                ],
            ),
        ),
        (
            "days",
            short_plan(
                "2026-06-08",
                "2026-06-17",
                "2026-06-22",
                &[
                    ("Shadow the manager", "2026-06-10"),
                    ("Close the month", "2026-06-19"),
                ],
            ),
        ),
        (
            "empty",
            "#![enable(implicit_some)]\n(\n    format_version: 1,\n    owner: \"\",\n)\n"
                .to_string(),
        ),
    ];
    for (name, text) in plans {
        let plan = dir.path().join(format!("{name}.stepstone.ron"));
        std::fs::write(&plan, text).expect("write plan");
        shoot(
            &plan,
            "2026-06-15",
            "roadmap",
            &out_dir.join(format!("roadmap-{name}.png")),
            dir.path(),
        );
    }
}

/// Runs `stepstone PLAN --today TODAY --view VIEW --screenshot OUT`, with the
/// app's own files (recent plans, recovery) under `home`, and checks that the
/// picture is a full window that is not blank.
fn shoot(plan: &Path, today: &str, view: &str, out: &Path, home: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_stepstone"))
        .arg(plan)
        .args(["--today", today, "--view", view, "--screenshot"])
        .arg(out)
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_STATE_HOME", home)
        .status()
        .expect("runs");
    let name = out.display();
    assert!(
        status.success(),
        "{name}: stepstone --screenshot failed: {status}"
    );
    let img = image::open(out).expect("a PNG").to_rgba8();
    assert_eq!(img.dimensions(), (1280, 800), "{name}");
    let colours: HashSet<[u8; 4]> = img.pixels().map(|p| p.0).collect();
    assert!(
        colours.len() > 50,
        "{name}: the picture looks blank ({} colours)",
        colours.len()
    );
}
