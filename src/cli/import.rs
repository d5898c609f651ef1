//! `stepstone import FILE --from OTHER`: roles, skills and goals from
//! another plan, a template or a competency framework, merged into FILE.
//! It prints the preview; without `--dry-run` it imports and saves.
//! `--occupation CODE` takes an O*NET occupation in as a role instead.

use super::Outcome;
use crate::io;
use crate::model::occupations::{SOURCE, plan_level, take_edit};
use crate::model::{Choice, Merge, Stage, Status, name_key};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The plan to import into.
    pub file: PathBuf,
    /// A plan file, or a framework (.md or .yaml), to import from.
    #[arg(
        long,
        value_name = "OTHER",
        required_unless_present_any = ["template", "occupation"],
        conflicts_with_all = ["template", "occupation"]
    )]
    pub from: Option<PathBuf>,
    /// A career-path template to import from (see `stepstone new --list-templates`).
    #[arg(long, value_name = "NAME", conflicts_with = "occupation")]
    pub template: Option<String>,
    /// An occupation to take in as a role, by its O*NET-SOC code (see
    /// `stepstone occupations search TEXT`).
    #[arg(long, value_name = "CODE")]
    pub occupation: Option<String>,
    /// With --occupation: the role it becomes.
    #[arg(long = "as", value_enum, default_value_t = StageArg::Next, value_name = "STAGE")]
    pub stage: StageArg,
    /// With --occupation: how many of its most important skills the role
    /// requires.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub top: usize,
    /// For items your plan has with other content, take theirs (default: keep yours).
    #[arg(long)]
    pub take_theirs: bool,
    /// Show what would be imported and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// The stage an occupation's role takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StageArg {
    Current,
    Next,
    LongTerm,
    Option,
}

impl From<StageArg> for Stage {
    fn from(s: StageArg) -> Self {
        match s {
            StageArg::Current => Stage::Current,
            StageArg::Next => Stage::Next,
            StageArg::LongTerm => Stage::LongTerm,
            StageArg::Option => Stage::Alternative,
        }
    }
}

/// `--occupation CODE`: the role and its skills, as one edit, saved.
fn occupation(args: &ImportArgs, code: &str) -> Outcome {
    let data = crate::io::occupations::occupations();
    let o = super::occupations::find(data, code)?;
    let file = &args.file;
    let locked = io::lock(file).map_err(|e| vec![e.to_string()])?;
    let (plan, stamp) = locked.load().map_err(|e| vec![e.to_string()])?;
    let elements: Vec<usize> = data.important(o).into_iter().take(args.top).collect();
    let stage = Stage::from(args.stage);
    let occupation = &data.occupations[o];
    let edit = take_edit(&plan, data, o, &elements, stage).ok_or_else(|| {
        vec![format!(
            "{} ({}) groups several jobs, and O*NET does not rate its skills: pick a more \
             specific one",
            occupation.title, occupation.code
        )]
    })?;
    let mut lines = vec![format!(
        "Taking {} ({}) into {} as the {} role, requiring:",
        occupation.title,
        occupation.code,
        file.display(),
        stage.label().to_lowercase()
    )];
    for &e in &elements {
        let key = name_key(&data.elements[e].name);
        let new = if plan.skills.iter().any(|s| name_key(&s.name) == key) {
            ""
        } else {
            " (new skill)"
        };
        lines.push(format!(
            "  level {}  {}{new}",
            plan_level(occupation.ratings[e].level).0,
            data.elements[e].name
        ));
    }
    if args.dry_run {
        lines.push("Dry run: nothing was changed.".to_string());
        return Ok(lines.join("\n"));
    }
    apply_and_save(&locked, plan, &stamp, edit, file)?;
    lines.push(format!("Saved. Data: {SOURCE}."));
    Ok(lines.join("\n"))
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
    if let Some(code) = &args.occupation {
        return occupation(args, code);
    }
    let file = &args.file;
    let incoming = incoming(args).map_err(|e| vec![e])?;
    // Held from reading to writing, like `stepstone log`.
    let locked = io::lock(file).map_err(|e| vec![e.to_string()])?;
    let (plan, stamp) = locked.load().map_err(|e| vec![e.to_string()])?;
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
    let edit = merge.edit(&plan);
    apply_and_save(&locked, plan, &stamp, edit, file)?;
    lines.push(format!("Imported: {}.", merge.summary(true)));
    Ok(lines.join("\n"))
}

/// Applies `edit` to the plan as read under `locked` and saves it there
/// (saying where a file's hand-written comments were kept).
fn apply_and_save(
    locked: &io::Locked,
    mut plan: crate::model::Plan,
    stamp: &io::DiskStamp,
    edit: crate::model::Edit,
    file: &Path,
) -> Result<(), Vec<String>> {
    plan.apply(edit)
        .map_err(|e| vec![format!("{}: {e}", file.display())])?;
    let saved = locked
        .save(&plan, Some(stamp))
        .map_err(|e| vec![e.to_string()])?;
    if let Some(copy) = saved.comments_kept {
        super::terminal::warn(&super::comments_note(file, &copy));
    }
    Ok(())
}
