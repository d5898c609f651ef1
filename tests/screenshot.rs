//! A real window under a display: `--screenshot` writes a 1280x800 picture
//! of each view that is not blank. Needs a display (Xvfb), so it is ignored
//! by a plain `cargo test`; `.ci/run` runs it with `--ignored` under Xvfb.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

/// Every `--view` name; views still to come fall back to the overview.
const VIEWS: [&str; 8] = [
    "roadmap", "skills", "goals", "people", "today", "log", "insights", "review",
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
        let out = out_dir.join(format!("{view}.png"));
        let status = Command::new(env!("CARGO_BIN_EXE_stepstone"))
            .arg(&sample)
            .args(["--today", "2026-11-25", "--view", view, "--screenshot"])
            .arg(&out)
            .env_remove("WAYLAND_DISPLAY")
            // The app's own files (recent plans, recovery) go to the temporary folder.
            .env("XDG_CONFIG_HOME", dir.path())
            .env("XDG_STATE_HOME", dir.path())
            .status()
            .expect("runs");
        assert!(
            status.success(),
            "{view}: stepstone --screenshot failed: {status}"
        );
        let img = image::open(&out).expect("a PNG").to_rgba8();
        assert_eq!(img.dimensions(), (1280, 800), "{view}");
        let colours: HashSet<[u8; 4]> = img.pixels().map(|p| p.0).collect();
        assert!(
            colours.len() > 50,
            "{view}: the picture looks blank ({} colours)",
            colours.len()
        );
    }
}
