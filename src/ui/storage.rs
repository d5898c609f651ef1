//! Files the app keeps for itself: the recent-plans list, the window's
//! look (theme, size and place) and the recovery copy of unsaved changes. No egui
//! here.

use crate::io::{self, Perms, write_file};
use crate::model::Plan;
use std::path::{Path, PathBuf};

/// How many recent plans are remembered.
const MAX_RECENT: usize = 10;
const RECENT_FILE: &str = "recent.ron";
const LOOK_FILE: &str = "look.ron";

/// The theme the person picked in the View menu.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// As the system is set.
    #[default]
    System,
    Dark,
    Light,
}

/// How the window looked when it was last left: its theme, its size and
/// its place on the screen, in points. The next start opens the same way.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Look {
    pub theme: Theme,
    pub size: [f32; 2],
    /// The window's top-left corner, where the system says (a file kept
    /// before places were kept has none).
    #[serde(default)]
    pub place: Option<[f32; 2]>,
}

impl Look {
    /// The first window size: `asked` (`--size`), else this look's when it
    /// is a sane size (at least 720x480, at most 16384 a side), else 1280x800.
    pub fn first_size(look: Option<Look>, asked: Option<[f32; 2]>) -> [f32; 2] {
        let sane =
            |[w, h]: [f32; 2]| (720.0..=16384.0).contains(&w) && (480.0..=16384.0).contains(&h);
        asked
            .or_else(|| look.map(|l| l.size).filter(|s| sane(*s)))
            .unwrap_or([1280.0, 800.0])
    }

    /// Where the window first opens: where it was left, when that is a
    /// place on a screen (a corner far off every screen is not restored,
    /// and the system places the window).
    pub fn first_place(look: Option<Look>) -> Option<[f32; 2]> {
        let on_screen =
            |[x, y]: [f32; 2]| (-200.0..=16384.0).contains(&x) && (0.0..=16384.0).contains(&y);
        look.and_then(|l| l.place).filter(|p| on_screen(*p))
    }
}

/// Where the app keeps its own files.
#[derive(Clone, Debug)]
pub struct AppDirs {
    /// Settings such as the recent-plans list.
    pub config: PathBuf,
    /// Autosaved copies of unsaved changes.
    pub recovery: PathBuf,
    /// Where new plans are saved unless the person picks another folder.
    pub plans: PathBuf,
}

impl AppDirs {
    /// The platform's places: on Linux `$XDG_CONFIG_HOME/stepstone` and
    /// `$XDG_STATE_HOME/stepstone/recovery`, with new plans in
    /// `~/Documents/Stepstone`; on macOS `~/Library/Application
    /// Support/...`; on Windows `%APPDATA%\\...` and `%LOCALAPPDATA%\\...`.
    pub fn from_env() -> Self {
        let documents = directories::UserDirs::new().map(|u| {
            u.document_dir()
                .unwrap_or_else(|| u.home_dir())
                .join("Stepstone")
        });
        match directories::ProjectDirs::from("", "", "stepstone") {
            Some(dirs) => Self {
                plans: documents.unwrap_or_else(|| dirs.data_dir().join("plans")),
                config: dirs.config_dir().to_path_buf(),
                recovery: dirs
                    .state_dir()
                    .unwrap_or_else(|| dirs.data_local_dir())
                    .join("recovery"),
            },
            // No home folder at all: keep to the temporary folder.
            None => Self::in_folder(&std::env::temp_dir().join("stepstone")),
        }
    }

    /// Everything under one folder (for tests).
    pub fn in_folder(root: &Path) -> Self {
        Self {
            config: root.join("config"),
            plans: root.join("plans"),
            recovery: root.join("recovery"),
        }
    }

    /// The look the window was last left with; missing or unreadable means none.
    pub fn read_look(&self) -> Option<Look> {
        io::write::read_file(&self.config.join(LOOK_FILE))
            .ok()
            .and_then(|t| ron::de::from_bytes::<Look>(&t).ok())
    }

    /// Keeps the window's look for the next start. Failing to is not worth
    /// bothering the user about.
    pub fn write_look(&self, look: &Look) {
        if let Ok(text) = ron::to_string(look) {
            let _ = std::fs::create_dir_all(&self.config);
            let _ = write_file(
                &self.config.join(LOOK_FILE),
                text.as_bytes(),
                Perms::Private,
            );
        }
    }

    /// The recent plans, most recent first; missing or unreadable means none.
    pub fn read_recent(&self) -> Vec<PathBuf> {
        io::write::read_file(&self.config.join(RECENT_FILE))
            .ok()
            .and_then(|t| ron::de::from_bytes::<Vec<PathBuf>>(&t).ok())
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
            let _ = write_file(
                &self.config.join(RECENT_FILE),
                text.as_bytes(),
                Perms::Private,
            );
        }
        recent
    }

    /// The recovery files of the plan at `path` (or of an untitled plan):
    /// one pair per plan, so two plans open at once keep their own.
    fn recovery_files(&self, path: Option<&Path>) -> (PathBuf, PathBuf) {
        let key = path.map_or_else(|| "untitled".to_string(), |p| p.display().to_string());
        let name = format!("unsaved-{:016x}", io::content_hash(key.as_bytes()));
        (
            self.recovery.join(format!("{name}.stepstone.ron")),
            self.recovery.join(format!("{name}.about.ron")),
        )
    }

    /// Saves unsaved changes of the plan at `path` (or of an untitled plan),
    /// with the stamp of the file they were made to.
    pub fn write_recovery(
        &self,
        path: Option<&Path>,
        stamp: Option<&io::DiskStamp>,
        plan: &Plan,
    ) -> std::io::Result<()> {
        let text = io::to_ron(plan).map_err(|e| std::io::Error::other(e.to_string()))?;
        let about = About {
            path: path.map(Path::to_path_buf),
            stamp: stamp.cloned(),
        };
        let about = ron::to_string(&about).map_err(|e| std::io::Error::other(e.to_string()))?;
        private_folder(&self.recovery)?;
        let (plan_file, about_file) = self.recovery_files(path);
        // A private plan's text: readable by its owner only.
        write_file(&about_file, about.as_bytes(), Perms::Private)?;
        write_file(&plan_file, text.as_bytes(), Perms::Private)
    }

    /// The most recent unsaved changes left by a session that did not end cleanly.
    pub fn read_recovery(&self) -> Option<Recovery> {
        let newest = std::fs::read_dir(&self.recovery)
            .ok()?
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".stepstone.ron"))
            .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())?;
        let (plan, _) = io::load(&newest.path()).ok()?;
        let about_file = newest.path().with_file_name(
            newest
                .file_name()
                .to_string_lossy()
                .replace(".stepstone.ron", ".about.ron"),
        );
        let about: About = io::write::read_file(&about_file)
            .ok()
            .and_then(|t| ron::de::from_bytes(&t).ok())
            .unwrap_or_default();
        Some(Recovery {
            path: about.path,
            stamp: about.stamp,
            plan,
        })
    }

    /// Forgets the recovery copy of the plan at `path` (after a save, or
    /// when the user discards the changes).
    pub fn clear_recovery(&self, path: Option<&Path>) {
        let (plan_file, about_file) = self.recovery_files(path);
        let _ = std::fs::remove_file(plan_file);
        let _ = std::fs::remove_file(about_file);
    }
}

/// What a recovery copy belongs to.
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct About {
    path: Option<PathBuf>,
    stamp: Option<io::DiskStamp>,
}

/// Unsaved changes found at start.
#[derive(Clone, Debug)]
pub struct Recovery {
    /// The plan file they belong to; `None` for a plan never saved.
    pub path: Option<PathBuf>,
    /// That file as it was when the changes began, to notice later outside changes.
    pub stamp: Option<io::DiskStamp>,
    pub plan: Plan,
}

/// Creates `folder` (and its parents) if needed, open to its owner only.
fn private_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}
