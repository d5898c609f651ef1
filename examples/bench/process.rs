//! The app as a person starts it, in its own process under the display:
//! the time to the first picture (`--screenshot`), with the sample and with
//! a 100,000-entry plan, the memory the 100,000-entry plan holds on Today,
//! and the processor time it takes while nothing happens (5 s).
//! Needs the release binary beside the example (`cargo build --release`)
//! and a display (Xvfb); without them the figures say why they are missing.

use crate::common::Figure;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;

/// The `stepstone` binary built beside this example, if any.
fn binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let bin = exe.parent()?.parent()?.join("stepstone");
    bin.is_file().then_some(bin)
}

/// The app with its own settings folders, so the person's are untouched.
fn app(bin: &Path, home: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin);
    c.args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Milliseconds from start to the first picture written (the run exits
/// once it is).
fn startup_once(bin: &Path, home: &Path, plan: Option<&Path>) -> Option<f64> {
    let shot = home.join("shot.png");
    let mut args = vec!["--today", "2026-11-25", "--screenshot"];
    args.push(shot.to_str()?);
    if let Some(p) = plan {
        args.insert(0, p.to_str()?);
    }
    let t = Instant::now();
    let status = app(bin, home, &args).status().ok()?;
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    status.success().then_some(ms)
}

/// The start-up with the sample and with `big`, the median of `RUNS` of
/// each, run in turn so that a busier moment of the machine weighs on both.
fn startup_ms(bin: &Path, home: &Path, big: &Path) -> (Option<f64>, Option<f64>) {
    let mut sample = Vec::new();
    let mut large = Vec::new();
    for _ in 0..RUNS {
        sample.extend(startup_once(bin, home, None));
        large.extend(startup_once(bin, home, Some(big)));
    }
    let median = |mut times: Vec<f64>| {
        times.sort_by(f64::total_cmp);
        (times.len() == RUNS).then(|| times[RUNS / 2])
    };
    (median(sample), median(large))
}

/// A field of `/proc/PID/status` in KiB (`VmRSS`).
fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Processor ticks (user and system) the process has used.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the name in parentheses: state is field 3, utime 14, stime 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(user + system)
}

/// Waits until the window has settled: resident memory unchanged for a
/// second (at most 20 s).
fn settle(child: &Child) -> Option<u64> {
    let start = Instant::now();
    let mut last = (0, Instant::now());
    while start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(250));
        let rss = status_kib(child.id(), "VmRSS")?;
        if rss != last.0 {
            last = (rss, Instant::now());
        } else if last.1.elapsed() >= Duration::from_secs(1)
            && start.elapsed() > Duration::from_secs(2)
        {
            return Some(rss);
        }
    }
    Some(last.0)
}

/// Resident MiB with the plan open on Today, and the ticks used in 5 s of
/// nothing happening.
fn resident_and_idle(bin: &Path, home: &Path, plan: &Path) -> Option<(f64, u64)> {
    let mut child = app(bin, home, &[plan.to_str()?, "--today", "2026-11-25"])
        .spawn()
        .ok()?;
    let measured = settle(&child).and_then(|rss_kib| {
        let before = cpu_ticks(child.id())?;
        std::thread::sleep(Duration::from_secs(5));
        let after = cpu_ticks(child.id())?;
        #[expect(clippy::cast_precision_loss, reason = "KiB of one process")]
        let mib = rss_kib as f64 / 1024.0;
        Some((mib, after.saturating_sub(before)))
    });
    let _ = child.kill();
    let _ = child.wait();
    measured
}

/// The figures, or why each is missing.
pub fn figures(big_plan: &Path) -> Vec<Figure> {
    let missing = |why: &str| {
        [
            "startup_ms",
            "startup_100k_ms",
            "startup_ratio",
            "rss_100k_mib",
            "idle_cpu_ticks",
        ]
        .map(|name| (name, format!("n/a ({why})")))
        .to_vec()
    };
    let Some(bin) = binary() else {
        return missing("build the app first: cargo build --release");
    };
    if std::env::var_os("DISPLAY").is_none() {
        return missing("no display: run under Xvfb");
    }
    let Ok(home) = tempfile::tempdir() else {
        return missing("no temporary folder");
    };
    let shown = |v: Option<f64>| {
        v.map_or_else(|| "n/a (the app failed)".to_string(), |v| format!("{v:.0}"))
    };
    let (sample, big) = startup_ms(&bin, home.path(), big_plan);
    let ratio = sample
        .zip(big)
        .map_or_else(|| "n/a".to_string(), |(s, b)| format!("{:.2}", b / s));
    let (rss, idle) = resident_and_idle(&bin, home.path(), big_plan).map_or_else(
        || ("n/a (the app failed)".to_string(), "n/a".to_string()),
        |(rss, idle)| (format!("{rss:.0}"), idle.to_string()),
    );
    vec![
        ("startup_ms", shown(sample)),
        ("startup_100k_ms", shown(big)),
        ("startup_ratio", ratio),
        ("rss_100k_mib", rss),
        ("idle_cpu_ticks", idle),
    ]
}
