//! `stepstone --install-desktop` and `--uninstall-desktop` (issue 21): the
//! menu entry, the plan file type and the icon for one person, without
//! root, and nothing of them left after the uninstall.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `stepstone ARGS` with a home of its own under `home`.
fn stepstone(home: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stepstone"))
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("runs");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// Every file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn install_desktop_adds_the_entry_type_and_icons_and_uninstall_leaves_nothing() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data");
    let (ok, said) = stepstone(home.path(), &["--install-desktop"]);
    assert!(ok, "{said}");
    assert!(said.contains("Installed Stepstone for you"), "{said}");

    let entry = std::fs::read_to_string(data.join("applications/stepstone.desktop"))
        .expect("the menu entry");
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_stepstone")).expect("exe");
    assert!(
        entry
            .lines()
            .any(|l| l == format!("Exec={} %f", exe.display())),
        "the entry starts this very program:\n{entry}"
    );
    assert!(entry.contains("MimeType=application/x-stepstone+ron;"));
    let mime = std::fs::read_to_string(data.join("mime/packages/stepstone.xml")).expect("type");
    assert!(mime.contains("*.stepstone.ron"));
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        let icon = data.join(format!("icons/hicolor/{size}x{size}/apps/stepstone.png"));
        assert!(icon.is_file(), "{}", icon.display());
    }
    assert!(
        data.join("icons/hicolor/scalable/apps/stepstone.svg")
            .is_file()
    );

    // Installing again (a newer build) replaces the files in place.
    let (ok, said) = stepstone(home.path(), &["--install-desktop"]);
    assert!(ok, "{said}");

    let (ok, said) = stepstone(home.path(), &["--uninstall-desktop"]);
    assert!(ok, "{said}");
    assert!(said.contains("Your plans are untouched"), "{said}");
    // The desktop's own caches may stay (rebuilt without Stepstone), but
    // no file is Stepstone's or still names it.
    for file in files(home.path()) {
        let name = file.to_string_lossy().to_string();
        assert!(!name.contains("stepstone"), "left behind: {name}");
        let text = std::fs::read(&file).expect("read");
        assert!(
            !String::from_utf8_lossy(&text).contains("stepstone"),
            "{name} still names Stepstone"
        );
    }
    let (ok, said) = stepstone(home.path(), &["--uninstall-desktop"]);
    assert!(ok && said.contains("Nothing to remove"), "{said}");
}

#[test]
fn install_desktop_goes_alone() {
    let home = tempfile::tempdir().expect("tempdir");
    let (ok, said) = stepstone(
        home.path(),
        &["--install-desktop", "check", "x.stepstone.ron"],
    );
    assert!(!ok, "{said}");
    assert!(
        said.contains("goes alone") || said.contains("go alone"),
        "{said}"
    );
    assert!(!home.path().join("data").exists(), "nothing installed");
}

#[test]
fn the_window_icon_decodes_as_eframe_reads_it() {
    let icon = eframe::icon_data::from_png_bytes(stepstone::io::desktop::window_icon())
        .expect("a PNG eframe reads");
    assert_eq!((icon.width, icon.height), (128, 128));
    assert_eq!(icon.rgba.len(), 128 * 128 * 4);
}
