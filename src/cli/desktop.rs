//! `stepstone --install-desktop` and `--uninstall-desktop`: the menu entry,
//! the plan file type and the icon for this person, without root (for
//! people who installed with `cargo install`).

use super::Outcome;
use crate::io::desktop::{self, APP_ID, MIME_TYPE};
use std::path::Path;
use std::process::Command;

/// Installs the desktop files under `$XDG_DATA_HOME` for the program
/// running now, then asks the desktop's own tools to take them in.
pub fn install() -> Outcome {
    let data = where_to()?;
    let exe = std::env::current_exe()
        .and_then(std::fs::canonicalize)
        .map_err(|e| vec![format!("cannot tell where this program is: {e}")])?;
    let written = desktop::install(&data, &exe).map_err(|e| {
        vec![format!(
            "could not install the desktop files in {}: {e}",
            data.display()
        )]
    })?;
    let mut lines = vec![format!(
        "Installed Stepstone for you in {} ({} files): a menu entry starting {}, the plan file type ({MIME_TYPE}, *.stepstone.ron) and the icon.",
        data.display(),
        written.len(),
        exe.display()
    )];
    lines.extend(refresh(&data));
    let desktop_file = format!("{APP_ID}.desktop");
    lines.extend(run_tool("xdg-mime", &["default", &desktop_file, MIME_TYPE]).map(|missing| {
        format!("{missing}: plans open with Stepstone once you pick it for them in your file manager.")
    }));
    lines.push("To take it all away again: stepstone --uninstall-desktop".to_string());
    Ok(lines.join("\n"))
}

/// Removes what `install` wrote, and plans' default program if it is
/// Stepstone.
pub fn uninstall() -> Outcome {
    let data = where_to()?;
    let removed = desktop::uninstall(&data).map_err(|e| {
        vec![format!(
            "could not remove the desktop files in {}: {e}",
            data.display()
        )]
    })?;
    let mut lines = Vec::new();
    if !removed.is_empty() {
        lines.push(format!(
            "Removed Stepstone's menu entry, file type and icon from {} ({} files). Your plans are untouched.",
            data.display(),
            removed.len()
        ));
    }
    if let Some(config) = desktop::config_home() {
        let list = config.join("mimeapps.list");
        match desktop::forget_default(&config) {
            Ok(true) => lines.push(format!(
                "Plans no longer open with Stepstone by default ({}).",
                list.display()
            )),
            Ok(false) => {}
            Err(e) => return Err(vec![format!("could not change {}: {e}", list.display())]),
        }
    }
    if lines.is_empty() {
        return Ok(format!(
            "Nothing to remove: Stepstone's desktop files are not in {}.",
            data.display()
        ));
    }
    lines.extend(refresh(&data));
    Ok(lines.join("\n"))
}

fn where_to() -> Result<std::path::PathBuf, Vec<String>> {
    desktop::data_home().ok_or_else(|| {
        vec!["cannot tell where your desktop files go: set HOME or XDG_DATA_HOME".to_string()]
    })
}

/// Rebuilds the file-type and menu caches under `data`; a line for each
/// tool that is not there.
fn refresh(data: &Path) -> Vec<String> {
    let mime = data.join("mime");
    let apps = data.join("applications");
    [
        run_tool("update-mime-database", &[&mime.to_string_lossy()]),
        run_tool("update-desktop-database", &[&apps.to_string_lossy()]),
    ]
    .into_iter()
    .flatten()
    .map(|missing| format!("{missing}: the desktop picks the change up when it next looks."))
    .collect()
}

/// Runs a desktop tool quietly; `Some(why)` when it is missing or failed.
fn run_tool(program: &str, args: &[&str]) -> Option<String> {
    match Command::new(program).args(args).output() {
        Ok(out) if out.status.success() => None,
        Ok(out) => Some(format!(
            "{program} failed ({})",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(_) => Some(format!("{program} is not installed")),
    }
}
