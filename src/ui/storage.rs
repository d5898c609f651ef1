//! Files the app keeps for itself: the recent-plans list and the recovery
//! copy of unsaved changes. No egui here.

use crate::io::{self, write_atomically};
use crate::model::Plan;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How many recent plans are remembered.
const MAX_RECENT: usize = 10;
const RECENT_FILE: &str = "recent.ron";
const RECOVERY_PLAN: &str = "unsaved.stepstone.ron";
const RECOVERY_FOR: &str = "unsaved-for.txt";

/// Where the app keeps its own files.
#[derive(Clone, Debug)]
pub struct AppDirs {
    /// Settings such as the recent-plans list.
    pub config: PathBuf,
    /// Autosaved copies of unsaved changes.
    pub recovery: PathBuf,
}

impl AppDirs {
    /// The usual places: `$XDG_CONFIG_HOME/stepstone` (or `~/.config/stepstone`)
    /// and `$XDG_STATE_HOME/stepstone/recovery` (or `~/.local/state/...`).
    pub fn from_env() -> Self {
        let home = std::env::var_os("HOME")
            .or_else(|| std::env::var_os("USERPROFILE"))
            .map_or_else(std::env::temp_dir, PathBuf::from);
        let base = |var: &str, fallback: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .unwrap_or_else(|| home.join(fallback))
                .join("stepstone")
        };
        Self {
            config: base("XDG_CONFIG_HOME", ".config"),
            recovery: base("XDG_STATE_HOME", ".local/state").join("recovery"),
        }
    }

    /// Everything under one folder (for tests).
    pub fn in_folder(root: &Path) -> Self {
        Self {
            config: root.join("config"),
            recovery: root.join("recovery"),
        }
    }

    /// The recent plans, most recent first; missing or unreadable means none.
    pub fn read_recent(&self) -> Vec<PathBuf> {
        std::fs::read_to_string(self.config.join(RECENT_FILE))
            .ok()
            .and_then(|t| ron::from_str::<Vec<PathBuf>>(&t).ok())
            .unwrap_or_default()
    }

    /// Puts `path` first in the recent list and saves it. Failing to save
    /// the list is not worth bothering the user about.
    pub fn add_recent(&self, path: &Path) -> Vec<PathBuf> {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let mut recent = self.read_recent();
        recent.retain(|p| *p != path);
        recent.insert(0, path);
        recent.truncate(MAX_RECENT);
        if let Ok(text) = ron::ser::to_string_pretty(&recent, ron::ser::PrettyConfig::default()) {
            let _ = std::fs::create_dir_all(&self.config);
            let _ = write_atomically(&self.config.join(RECENT_FILE), |f| {
                f.write_all(text.as_bytes())
            });
        }
        recent
    }

    /// Saves unsaved changes of the plan at `path` (or of an untitled plan).
    pub fn write_recovery(&self, path: Option<&Path>, plan: &Plan) -> std::io::Result<()> {
        let text = io::to_ron(plan).map_err(|e| std::io::Error::other(e.to_string()))?;
        std::fs::create_dir_all(&self.recovery)?;
        let for_path = path.map(|p| p.display().to_string()).unwrap_or_default();
        write_atomically(&self.recovery.join(RECOVERY_FOR), |f| {
            f.write_all(for_path.as_bytes())
        })?;
        write_atomically(&self.recovery.join(RECOVERY_PLAN), |f| {
            f.write_all(text.as_bytes())
        })
    }

    /// Unsaved changes left by a session that did not end cleanly.
    pub fn read_recovery(&self) -> Option<Recovery> {
        let (plan, _) = io::load(&self.recovery.join(RECOVERY_PLAN)).ok()?;
        let for_path =
            std::fs::read_to_string(self.recovery.join(RECOVERY_FOR)).unwrap_or_default();
        let path = (!for_path.trim().is_empty()).then(|| PathBuf::from(for_path.trim()));
        Some(Recovery { path, plan })
    }

    /// Forgets the recovery copy (after a save, or when the user discards it).
    pub fn clear_recovery(&self) {
        let _ = std::fs::remove_file(self.recovery.join(RECOVERY_PLAN));
        let _ = std::fs::remove_file(self.recovery.join(RECOVERY_FOR));
    }
}

/// Unsaved changes found at start.
#[derive(Clone, Debug)]
pub struct Recovery {
    /// The plan file they belong to; `None` for a plan never saved.
    pub path: Option<PathBuf>,
    pub plan: Plan,
}
