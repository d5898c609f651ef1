//! Stepstone as a desktop app on Linux: its menu entry, the plan file type
//! (`*.stepstone.ron`) and the app icon, all built into the binary, and
//! their install for one person without root (`stepstone
//! --install-desktop`) under `$XDG_DATA_HOME`. The Debian package installs
//! the same files system-wide (see `[package.metadata.deb]`).

use std::path::{Path, PathBuf};

/// The app's id: the desktop entry's name, the icon's and the window's class.
pub const APP_ID: &str = "stepstone";
/// The file type of plans.
pub const MIME_TYPE: &str = "application/x-stepstone+ron";

const DESKTOP_ENTRY: &str = include_str!("../../assets/linux/stepstone.desktop");
const MIME_PACKAGE: &str = include_str!("../../assets/linux/stepstone.xml");
const SVG: &[u8] = include_bytes!("../../assets/icons/stepstone.svg");

macro_rules! icon {
    ($size:literal) => {
        (
            $size,
            include_bytes!(concat!(
                "../../assets/icons/hicolor/",
                $size,
                "x",
                $size,
                "/apps/stepstone.png"
            ))
            .as_slice(),
        )
    };
}

/// The icon drawn at each size (pixels), as PNG.
pub const ICONS: [(u32, &[u8]); 8] = [
    icon!(16),
    icon!(24),
    icon!(32),
    icon!(48),
    icon!(64),
    icon!(128),
    icon!(256),
    icon!(512),
];

/// The icon for the window (the window manager scales it): 128 pixels,
/// as a 256-pixel one passes X11's largest request (256 KiB) and is lost.
pub fn window_icon() -> &'static [u8] {
    ICONS[5].1
}

/// Where files for this person's desktop go: `$XDG_DATA_HOME`, else
/// `~/.local/share`.
pub fn data_home() -> Option<PathBuf> {
    xdg_home("XDG_DATA_HOME", ".local/share")
}

/// Where this person's desktop settings go: `$XDG_CONFIG_HOME`, else
/// `~/.config`.
pub fn config_home() -> Option<PathBuf> {
    xdg_home("XDG_CONFIG_HOME", ".config")
}

/// The folder an XDG variable names (when set to an absolute path), else
/// `default` under `$HOME`, as the base directory specification says.
fn xdg_home(variable: &str, default: &str) -> Option<PathBuf> {
    let set = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    set(variable)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| set("HOME").map(|home| PathBuf::from(home).join(default)))
}

/// Takes plans' default program (Stepstone, set by `xdg-mime default`)
/// out of `mimeapps.list` in `config`, keeping every other line as it
/// was. True when there was one to take out.
///
/// # Errors
/// The file is there but could not be read or written.
pub fn forget_default(config: &Path) -> std::io::Result<bool> {
    let path = config.join("mimeapps.list");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    let ours = |line: &str| {
        line.split_once('=')
            .is_some_and(|(key, _)| key.trim() == MIME_TYPE)
    };
    if !text.lines().any(ours) {
        return Ok(false);
    }
    let kept: String = text
        .split_inclusive('\n')
        .filter(|line| !ours(line))
        .collect();
    std::fs::write(&path, kept)?;
    Ok(true)
}

/// The desktop entry, starting `exe` (an installed `stepstone` may not be
/// on the PATH the desktop uses, so the entry names it in full).
pub fn desktop_entry(exe: &Path) -> String {
    let exec = format!("Exec={} %f", quote_exec(&exe.to_string_lossy()));
    DESKTOP_ENTRY
        .lines()
        .map(|line| {
            if line.starts_with("Exec=") {
                exec.as_str()
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// A program path as the desktop entry specification wants it in `Exec`:
/// quoted when it holds anything but plain characters, with `"`, `` ` ``,
/// `$` and `\` escaped inside the quotes; `%` doubled either way.
fn quote_exec(path: &str) -> String {
    let path = path.replace('%', "%%");
    let plain = path
        .chars()
        .all(|c| c.is_alphanumeric() || "/-_.+,@:%".contains(c));
    if plain {
        return path;
    }
    let mut out = String::from("\"");
    for c in path.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Every file of the desktop integration under `data` (a
/// `$XDG_DATA_HOME` or `/usr/share`), with its contents.
fn files(data: &Path, exe: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let hicolor = data.join("icons/hicolor");
    let mut out = vec![
        (
            data.join("applications").join(format!("{APP_ID}.desktop")),
            desktop_entry(exe).into_bytes(),
        ),
        (
            data.join("mime/packages").join(format!("{APP_ID}.xml")),
            MIME_PACKAGE.as_bytes().to_vec(),
        ),
        (
            hicolor.join(format!("scalable/apps/{APP_ID}.svg")),
            SVG.to_vec(),
        ),
    ];
    for (size, png) in ICONS {
        out.push((
            hicolor.join(format!("{size}x{size}/apps/{APP_ID}.png")),
            png.to_vec(),
        ));
    }
    out
}

/// Writes the menu entry (starting `exe`), the file type and the icons
/// under `data`, and returns the files written.
///
/// # Errors
/// A folder or file that could not be written; the files written before
/// it stay (installing again finishes the job).
pub fn install(data: &Path, exe: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (path, contents) in files(data, exe) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, contents)?;
        written.push(path);
    }
    Ok(written)
}

/// Removes what [`install`] wrote under `data`, and returns the files
/// removed (none when it was not installed).
///
/// # Errors
/// A file that is there but could not be removed.
pub fn uninstall(data: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for (path, _) in files(data, Path::new(APP_ID)) {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_starts_the_program_it_names_however_its_path_is_spelled() {
        assert_eq!(quote_exec("/usr/bin/stepstone"), "/usr/bin/stepstone");
        assert_eq!(
            quote_exec("/home/ana maría/bin/stepstone"),
            "\"/home/ana maría/bin/stepstone\""
        );
        assert_eq!(quote_exec("/opt/a$b\"c/x"), "\"/opt/a\\$b\\\"c/x\"");
        assert_eq!(quote_exec("/opt/100%/x"), "/opt/100%%/x");
        let entry = desktop_entry(Path::new("/opt/step stone/stepstone"));
        let exec: Vec<&str> = entry.lines().filter(|l| l.starts_with("Exec=")).collect();
        assert_eq!(exec, ["Exec=\"/opt/step stone/stepstone\" %f"]);
        assert!(entry.contains(&format!("MimeType={MIME_TYPE};")));
    }

    #[test]
    fn forgetting_the_default_keeps_every_other_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let list = dir.path().join("mimeapps.list");
        assert!(!forget_default(dir.path()).expect("no file"));
        let text = "[Default Applications]\r\ntext/plain=gedit.desktop\r\napplication/x-stepstone+ron=stepstone.desktop\r\n\r\n[Added Associations]\r\nimage/png=eog.desktop;\r\n";
        std::fs::write(&list, text).expect("write");
        assert!(forget_default(dir.path()).expect("forgets"));
        assert_eq!(
            std::fs::read_to_string(&list).expect("read"),
            "[Default Applications]\r\ntext/plain=gedit.desktop\r\n\r\n[Added Associations]\r\nimage/png=eog.desktop;\r\n"
        );
        assert!(!forget_default(dir.path()).expect("nothing left"));
    }

    #[test]
    fn every_icon_is_a_png_of_its_size() {
        for (size, png) in ICONS {
            let image = image::load_from_memory(png).expect("a PNG");
            assert_eq!((image.width(), image.height()), (size, size));
        }
    }
}
