//! `stepstone import FILE --from OTHER`: roles, skills and goals from
//! another plan, a template or a competency framework, merged into FILE.
//! It prints the preview; without `--dry-run` it imports and saves.

use super::Outcome;
use crate::io;
use crate::model::{Choice, Merge, Status};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The plan to import into.
    pub file: PathBuf,
    /// A plan file, or a framework (.md or .yaml), to import from.
    #[arg(
        long,
        value_name = "OTHER",
        required_unless_present = "template",
        conflicts_with = "template"
    )]
    pub from: Option<PathBuf>,
    /// A career-path template to import from (see `stepstone new --list-templates`).
    #[arg(long, value_name = "NAME")]
    pub template: Option<String>,
    /// For items your plan has with other content, take theirs (default: keep yours).
    #[arg(long)]
    pub take_theirs: bool,
    /// Show what would be imported and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Reads what to import from.
fn incoming(args: &ImportArgs) -> Result<io::Incoming, String> {
    if let Some(name) = &args.template {
        return io::templates::template(name)
            .map(|t| io::Incoming {
                name: format!("the template \"{}\"", t.title),
                plan: t.plan(),
                scale: Vec::new(),
            })
            .ok_or_else(|| {
                format!("no template named \"{name}\" (stepstone new --list-templates lists them)")
            });
    }
    let from = args.from.as_deref().unwrap_or(Path::new(""));
    io::load_incoming(from)
        .map(|i| io::Incoming {
            name: from.display().to_string(),
            ..i
        })
        .map_err(|e| e.to_string())
}

/// The preview as lines: per role, skill and goal what happens and why.
fn preview(merge: &Merge, scale: &str) -> Vec<String> {
    let mut lines = Vec::new();
    if !scale.is_empty() {
        lines.push(format!("{scale}."));
    }
    for (heading, rows) in merge.groups() {
        lines.push(format!("{heading}:"));
        for r in rows.into_iter().map(|i| &merge.rows[i]) {
            let action = match (&r.status, r.choice) {
                (Status::Same(_) | Status::Repeated(_), _) => "-",
                (_, choice) => choice.label(),
            };
            let note = r.note.map(|n| format!("; {n}")).unwrap_or_default();
            lines.push(format!(
                "  {action:<12}{} ({}{note})",
                r.name,
                r.status_text()
            ));
        }
    }
    lines.push(merge.left_out());
    lines
}

pub fn run(args: &ImportArgs) -> Outcome {
    let file = &args.file;
    let incoming = incoming(args).map_err(|e| vec![e])?;
    // Held from reading to writing, like `stepstone log`.
    let locked = io::lock(file).map_err(|e| vec![e.to_string()])?;
    let (mut plan, stamp) = locked.load().map_err(|e| vec![e.to_string()])?;
    let scale = incoming.scale_text(&plan.level_names);
    let mut merge = Merge::new(&plan, incoming.plan)
        .map_err(|e| vec![format!("{}: cannot be imported: {e}", incoming.name)])?;
    if args.take_theirs {
        for r in &mut merge.rows {
            if r.choices().contains(&Choice::TakeTheirs) {
                r.choice = Choice::TakeTheirs;
            }
        }
    }
    let mut lines = vec![format!(
        "Importing from {} into {}:",
        incoming.name,
        file.display()
    )];
    lines.extend(preview(&merge, &scale));
    if args.dry_run {
        lines.push(if merge.is_empty() {
            "Dry run: nothing was changed, and there is nothing to import.".to_string()
        } else {
            format!(
                "Dry run: nothing was changed. Without --dry-run the import {}.",
                merge.summary(false)
            )
        });
        return Ok(lines.join("\n"));
    }
    if merge.is_empty() {
        lines.push(
            "Nothing to import: all of it is in your plan already. The file is unchanged.".into(),
        );
        return Ok(lines.join("\n"));
    }
    plan.apply(merge.edit(&plan))
        .map_err(|e| vec![format!("{}: {e}", file.display())])?;
    let saved = locked
        .save(&plan, Some(&stamp))
        .map_err(|e| vec![e.to_string()])?;
    if let Some(copy) = saved.comments_kept {
        super::terminal::warn(&super::comments_note(file, &copy));
    }
    lines.push(format!("Imported: {}.", merge.summary(true)));
    Ok(lines.join("\n"))
}
