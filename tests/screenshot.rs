//! A real window under a display: `--screenshot` writes a 1280x800 picture
//! of each view that is not blank. Needs a display (Xvfb), so it is ignored
//! by a plain `cargo test`; `.ci/run` runs it with `--ignored` under Xvfb.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

/// Where pictures go: `STEPSTONE_SCREENSHOTS` if set (CI keeps them), else
/// `fallback`.
fn out_dir(fallback: &Path) -> std::path::PathBuf {
    let dir = std::env::var_os("STEPSTONE_SCREENSHOTS")
        .map_or_else(|| fallback.to_path_buf(), Into::into);
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// One test's windows at a time: a window that opens over another takes
/// the keyboard and shows in the other's pictures.
static DISPLAY: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    DISPLAY
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What a picture test holds while it runs: the display to itself, a
/// folder for its files, and where its pictures go.
struct Shoot {
    _display: std::sync::MutexGuard<'static, ()>,
    dir: tempfile::TempDir,
    out_dir: std::path::PathBuf,
}

/// Takes the display (which must be there) and makes the folders.
fn begin() -> Shoot {
    let display = one_at_a_time();
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "DISPLAY is not set: start Xvfb first"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = out_dir(dir.path());
    Shoot {
        _display: display,
        dir,
        out_dir,
    }
}

/// Every `--view` name.
const VIEWS: [&str; 8] = [
    "roadmap", "skills", "goals", "people", "today", "log", "review", "insights",
];

#[test]
#[ignore = "needs a display: run under Xvfb with --ignored (see .ci/run)"]
fn every_view_of_the_sample_makes_a_real_picture() {
    let Shoot {
        _display,
        dir,
        out_dir,
    } = begin();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.stepstone.ron");
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
    let Shoot {
        _display,
        dir,
        out_dir,
    } = begin();
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

/// Insights and Today for a new person's plan (empty, 3 days and 3 weeks of
/// log) and for the sample, at 1280x800 and 1920x1080: `insights-3-days-1280.png`
/// and so on, to look at as that person would.
#[test]
#[ignore = "needs a display: run under Xvfb with --ignored (see .ci/run)"]
fn insights_and_today_of_new_plans_make_real_pictures_at_two_sizes() {
    let Shoot {
        _display,
        dir,
        out_dir,
    } = begin();
    let mut plans: Vec<(&str, std::path::PathBuf)> = Vec::new();
    for log in common::early::Log::ALL {
        let path = dir.path().join(format!("{}.stepstone.ron", log.name()));
        let text = stepstone::io::to_ron(&common::early::early_plan(log)).expect("RON");
        std::fs::write(&path, text).expect("write plan");
        plans.push((log.name(), path));
    }
    plans.push((
        "sample",
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.stepstone.ron"),
    ));
    for (name, plan) in &plans {
        for view in ["insights", "today"] {
            for size in [(1280, 800), (1920, 1080)] {
                let out = out_dir.join(format!("{view}-{name}-{}.png", size.0));
                shoot_at(plan, "2026-11-25", view, &out, dir.path(), size);
            }
        }
    }
}

/// The mentor's view of a folder of eight plans, one of them broken, as
/// `stepstone FOLDER` opens it: the picture is taken once every plan is read.
#[test]
#[ignore = "needs a display: run under Xvfb with --ignored (see .ci/run)"]
fn a_folder_of_plans_with_a_broken_one_makes_a_real_picture() {
    let Shoot {
        _display,
        dir,
        out_dir,
    } = begin();
    let folder = dir.path().join("mentees");
    std::fs::create_dir(&folder).expect("folder");
    common::folder::folder_of_plans(&folder);
    let out = out_dir.join("mentor.png");
    shoot(&folder, "2026-11-25", "today", &out, dir.path());
}

/// Runs `stepstone PLAN --today TODAY --view VIEW --screenshot OUT`, with the
/// app's own files (recent plans, recovery) under `home`, and checks that the
/// picture is a full window that is not blank.
fn shoot(plan: &Path, today: &str, view: &str, out: &Path, home: &Path) {
    shoot_at(plan, today, view, out, home, (1280, 800));
}

/// [`shoot`] in a window of `size`.
fn shoot_at(plan: &Path, today: &str, view: &str, out: &Path, home: &Path, size: (u32, u32)) {
    let status = Command::new(env!("CARGO_BIN_EXE_stepstone"))
        .arg(plan)
        .args(["--today", today, "--view", view, "--screenshot"])
        .arg(out)
        .args(["--size", &format!("{}x{}", size.0, size.1)])
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
    assert_eq!(img.dimensions(), size, "{name}");
    let colours: HashSet<[u8; 4]> = img.pixels().map(|p| p.0).collect();
    assert!(
        colours.len() > 50,
        "{name}: the picture looks blank ({} colours)",
        colours.len()
    );
}

/// The first hour in a real window, driven with `xdotool` as a person would
/// from the keyboard: the welcome, each step of the guided start, and Today
/// right after it. Each picture is kept (in `STEPSTONE_SCREENSHOTS`) and must
/// differ from the one before.
#[test]
#[ignore = "needs a display, xdotool and ImageMagick: run under Xvfb with --ignored (see .ci/run)"]
fn the_guided_start_in_a_real_window() {
    let _display = one_at_a_time();
    let home = tempfile::tempdir().expect("tempdir");
    let mut w = Window::open(home.path(), "first-hour");
    w.shoot("welcome");
    key("Return"); // the keyboard starts on "Guided start"
    w.shoot("why");
    write("Help new nurses feel safe on their first ward");
    key("Return");
    write("Teach what I wish I had been taught");
    key("ctrl+Return");
    write("Staff nurse");
    key("Return");
    write("2022-09");
    w.shoot("current-role");
    key("Return");
    write("Nurse educator");
    key("Tab");
    write("+18m");
    w.shoot("next-role");
    key("Return");
    write("Teaching 2 4"); // a skill and its levels on one line
    key("Return");
    write("Wound care");
    key("Tab");
    write("4");
    write("4");
    w.shoot("skills");
    key("Return");
    write("Run the new-hire skills day");
    key("Return");
    write("40");
    key("Return");
    write("Write the lesson plan");
    key("Return");
    write("2027-03");
    key("Return");
    write("Teach it to the March cohort");
    w.shoot("goal");
    key("ctrl+Return");
    write("Ana Lima");
    key("Return");
    write("my path");
    w.shoot("name");
    key("Return");
    w.shoot("today");
    key("ctrl+q");
    w.wait_closed();

    let saved = [
        home.path().join("Stepstone"),
        home.path().join("Documents/Stepstone"),
    ]
    .iter()
    .map(|d| d.join("my path.stepstone.ron"))
    .find(|p| p.is_file())
    .expect("the plan is saved under the name typed");
    let (plan, _) = stepstone::io::load(&saved).expect("a valid plan");
    assert_eq!(plan.skills.len(), 2);
    assert_eq!(plan.goals[0].milestones.len(), 2);
    assert_eq!(plan.purpose.len(), 2);
    assert_eq!(plan.owner, "Ana Lima");
    assert_eq!(
        plan.goals[0].measure,
        Some(stepstone::model::Measure::Hours(40))
    );
    w.assert_each_shot_changed();
}

#[test]
#[ignore = "needs a display, xdotool, xprop and ImageMagick: run under Xvfb with --ignored (see .ci/run)"]
fn the_window_has_its_icon_and_class_and_help_about_opens() {
    let _display = one_at_a_time();
    let home = tempfile::tempdir().expect("tempdir");
    let mut w = Window::open(home.path(), "desktop");
    key("Escape"); // past the welcome
    w.shoot("window");
    let xprop = |property: &str| {
        let out = Command::new("xprop")
            .args(["-id", &w.id, property])
            .output()
            .expect("xprop (apt install x11-utils)");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    assert!(
        xprop("WM_CLASS").contains("\"stepstone\""),
        "the class the desktop entry names: {}",
        xprop("WM_CLASS")
    );
    let icon = xprop("_NET_WM_ICON");
    assert!(
        icon.contains("Icon (128 x 128)"),
        "the window has its icon: {}",
        icon.chars().take(80).collect::<String>()
    );
    w.click(130, 12); // Help
    w.click(172, 107); // About Stepstone
    w.shoot("about");
    w.assert_each_shot_changed();
}

/// The app in a real window, typed into with `xdotool` and pictured with
/// `ImageMagick`'s `import`. It is closed when dropped, passed or not: left
/// running it would keep the terminal (and any lock the runner holds) busy.
struct Window {
    app: std::process::Child,
    /// The window's X id.
    id: String,
    /// What the pictures' names start with.
    prefix: &'static str,
    out_dir: std::path::PathBuf,
    shots: Vec<std::path::PathBuf>,
}

fn pause(ms: u64) {
    std::thread::sleep(std::time::Duration::from_millis(ms));
}

/// Types `text` into the window that has the keyboard.
fn write(text: &str) {
    xdo(&["type", "--delay", "30", text]);
    pause(300);
}

/// Presses `key` (an X key name such as `Return` or `ctrl+q`).
fn key(key: &str) {
    xdo(&["key", key]);
    pause(400);
}

fn xdo(args: &[&str]) -> std::process::Output {
    Command::new("xdotool")
        .args(args)
        .output()
        .expect("xdotool (apt install xdotool)")
}

impl Window {
    /// Starts the app as a first start (its own files under `home`) and
    /// gives its window the keyboard.
    fn open(home: &Path, prefix: &'static str) -> Self {
        let out_dir = out_dir(home);
        let app = Command::new(env!("CARGO_BIN_EXE_stepstone"))
            .args(["--today", "2026-11-25"])
            .env_remove("WAYLAND_DISPLAY")
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .spawn()
            .expect("starts");
        // This app's window: other tests may have windows open at the same time.
        let pid = app.id().to_string();
        let window = (0..100)
            .find_map(|_| {
                pause(100);
                let found = xdo(&["search", "--pid", &pid, "--name", "Stepstone"]);
                String::from_utf8_lossy(&found.stdout)
                    .lines()
                    .next()
                    .map(str::to_string)
            })
            .expect("the window opens");
        pause(2000);
        xdo(&["windowfocus", "--sync", &window]);
        Self {
            app,
            id: window,
            prefix,
            out_dir,
            shots: Vec::new(),
        }
    }

    /// Clicks at `x`, `y` in the window (points from its top left).
    fn click(&self, x: u32, y: u32) {
        let (x, y) = (x.to_string(), y.to_string());
        xdo(&["mousemove", "--window", &self.id, &x, &y, "click", "1"]);
        pause(700);
    }

    fn shoot(&mut self, name: &str) {
        pause(700);
        let n = self.shots.len() + 1;
        let path = (self.out_dir).join(format!("{}-{n:02}-{name}.png", self.prefix));
        let status = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .status()
            .expect("import (apt install imagemagick)");
        assert!(status.success(), "{name}: import failed");
        self.shots.push(path);
    }

    fn wait_closed(&mut self) {
        for _ in 0..50 {
            if self.app.try_wait().expect("wait").is_some() {
                return;
            }
            pause(100);
        }
    }

    /// Each picture differs from the one before by more than a cursor's blink.
    fn assert_each_shot_changed(&self) {
        let pictures: Vec<_> = self
            .shots
            .iter()
            .map(|p| image::open(p).expect("a PNG").to_rgba8())
            .collect();
        for (pair, names) in pictures.windows(2).zip(self.shots.windows(2)) {
            let changed = pair[0]
                .pixels()
                .zip(pair[1].pixels())
                .filter(|(a, b)| a != b)
                .count();
            assert!(
                changed > 500,
                "{} looks like {}",
                names[1].display(),
                names[0].display()
            );
        }
    }
}

impl Drop for Window {
    fn drop(&mut self) {
        let _ = self.app.kill();
        let _ = self.app.wait();
    }
}
