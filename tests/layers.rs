//! The layers, kept by a test: the model reaches neither files nor the
//! window, `io` never reaches the window, and no two files in `ui/` import
//! each other in a circle (apart from a parent module and its children).
//! It reads the source's `use` trees and inline `crate::`/`super::` paths.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read file");
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

/// The module path of a file under `src/`: `src/ui/app/mod.rs` is
/// `["ui", "app"]`, `src/ui/app/files.rs` is `["ui", "app", "files"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// Text without comments (line comments and doc comments), so prose
/// naming a path is not an import, and without the tests at its end (a
/// model test may read the sample plan from `io`).
fn code_only(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Expands a `use` tree (`super::{A, b::{C, D}}`) into its paths.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap_or(tree).trim().to_string()];
    };
    let prefix = tree[..open].trim_end_matches("::").trim();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| match p.as_str() {
            "self" => prefix.to_string(),
            _ => format!("{prefix}::{p}"),
        })
        .collect()
}

/// The paths a file names that start with `crate::` or `super::`, made
/// absolute (as module paths from the crate's root).
fn imports(module: &[String], text: &str) -> Vec<Vec<String>> {
    let code = code_only(text);
    let mut paths = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        rest = &rest[at + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let end = rest.find(';').unwrap_or(rest.len());
        paths.extend(expand(&rest[..end]));
        rest = &rest[end..];
    }
    // Inline paths such as `crate::ui::views::folder::Folder::is_reading`.
    for word in code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')) {
        if word.starts_with("crate::") || word.starts_with("super::") {
            paths.push(word.trim_end_matches(':').to_string());
        }
    }
    paths.sort();
    paths.dedup();
    // `super` from `a/b.rs` and from `a/b/mod.rs` (both module a::b) is `a`.
    paths
        .into_iter()
        .filter_map(|p| {
            let mut segs: Vec<&str> = p.split("::").map(str::trim).collect();
            let mut base: Vec<String> = match segs.first() {
                Some(&"crate") => Vec::new(),
                Some(&"super") => module.to_vec(),
                _ => return None,
            };
            if segs[0] == "crate" {
                segs.remove(0);
            } else {
                while segs.first() == Some(&"super") {
                    segs.remove(0);
                    base.pop();
                }
            }
            base.extend(segs.iter().map(ToString::to_string));
            Some(base)
        })
        .collect()
}

/// The file a module path lands in: the deepest module of it that is a file.
fn file_of(src: &Path, path: &[String]) -> Option<PathBuf> {
    (1..=path.len()).rev().find_map(|n| {
        let dir: PathBuf = path[..n].iter().collect();
        let file = src.join(&dir).with_extension("rs");
        let module = src.join(&dir).join("mod.rs");
        [file, module].into_iter().find(|f| f.is_file())
    })
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every file's imports, as (file, module path imported).
fn all_imports() -> Vec<(PathBuf, Vec<String>)> {
    let src = src();
    sources(&src)
        .into_iter()
        .flat_map(|(file, text)| {
            let module = module_of(&src, &file);
            imports(&module, &text)
                .into_iter()
                .map(move |p| (file.clone(), p))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_model_reaches_neither_files_nor_the_window_and_io_never_the_window() {
    let src = src();
    let mut wrong = Vec::new();
    for (file, path) in all_imports() {
        let from = module_of(&src, &file);
        let to = path.first().map(String::as_str);
        let bad = match from.first().map(String::as_str) {
            Some("model") => matches!(to, Some("io" | "ui" | "cli")),
            Some("io") => matches!(to, Some("ui" | "cli")),
            Some("ui") => matches!(to, Some("cli")),
            _ => false,
        };
        if bad {
            wrong.push(format!("{} uses {}", file.display(), path.join("::")));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

/// Whether `a` is a `mod.rs` whose folder holds `b` (a parent of it).
fn is_parent(a: &Path, b: &Path) -> bool {
    a.file_name().is_some_and(|n| n == "mod.rs") && a.parent().is_some_and(|dir| b.starts_with(dir))
}

#[test]
fn no_two_files_in_ui_import_each_other_in_a_circle() {
    let src = src();
    let ui = src.join("ui");
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for (file, path) in all_imports() {
        if !file.starts_with(&ui) || path.first().map(String::as_str) != Some("ui") {
            continue;
        }
        let Some(to) = file_of(&src, &path) else {
            continue;
        };
        if to == file || is_parent(&to, &file) || is_parent(&file, &to) {
            continue;
        }
        edges.entry(file).or_default().insert(to);
    }
    assert!(edges.len() > 20, "the test reads the ui files' imports");
    // A circle shows as a path that comes back to where it began.
    let mut circles = Vec::new();
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, trail)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    let names: Vec<String> = trail
                        .iter()
                        .chain([start])
                        .map(|p| p.strip_prefix(&ui).unwrap_or(p).display().to_string())
                        .collect();
                    circles.push(names.join(" -> "));
                } else if seen.insert(next.clone()) {
                    let mut t = trail.clone();
                    t.push(next.clone());
                    stack.push((next.clone(), t));
                }
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles in ui/:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_import_reader_sees_use_trees_and_circles() {
    let paths = expand("super::{Outcome, b::{C, self}, d as e}");
    assert_eq!(
        paths,
        ["super::Outcome", "super::b::C", "super::b", "super::d"]
    );
    let module = ["ui".to_string(), "app".to_string(), "files".to_string()];
    let found = imports(
        &module,
        "use super::document::Document;\n// use crate::cli;\nfn f() { crate::ui::views::Views::default(); }",
    );
    assert_eq!(
        found,
        [
            vec!["ui", "views", "Views", "default"],
            vec!["ui", "app", "document", "Document"]
        ]
    );
}
