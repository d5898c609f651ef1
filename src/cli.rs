//! The command line: `stepstone [FILE]` opens the app; subcommands check,
//! create and append to plan files for people and scripts.
//!
//! Exit codes: 0 success, 1 bad input (message on stderr), 2 usage error.

use crate::io;
use crate::io::export::{self, Format};
use crate::model::quick_add::{self, Found, Linked, Links, QuickLine};
use crate::model::{
    self, ALWAYS_KEPT, Edit, ExperienceKind, Item, Keep, LogEntry, Plan, Private, plural,
};
use crate::ui::commands::View;
use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod desktop;
mod import;
mod merge;
mod occupations;
mod terminal;

pub use terminal::terminal_safe;

#[derive(Parser, Debug)]
#[command(
    name = "stepstone",
    version,
    about = "A career-path planner: your current role as a stepping stone to the next."
)]
pub struct Cli {
    /// A plan file to open, or a folder of plans to see side by side
    /// (default: the last plan, or the sample).
    pub file: Option<PathBuf>,
    /// Render the app in a window, save a PNG picture and exit.
    #[arg(long, value_name = "PNG")]
    pub screenshot: Option<PathBuf>,
    /// The window's first size in points, such as 1920x1080.
    #[arg(long, value_name = "WIDTHxHEIGHT", value_parser = size_arg)]
    pub size: Option<[f32; 2]>,
    /// The view to show first.
    #[arg(long, value_enum, default_value_t = View::Today)]
    pub view: View,
    /// Use this date as today (for reproducible screenshots and tests).
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub today: Option<Date>,
    /// Add Stepstone to your desktop's menu, open *.stepstone.ron plans
    /// with it, and give it its icon (for you only; no root needed).
    #[arg(long, conflicts_with_all = ["file", "screenshot", "uninstall_desktop"])]
    pub install_desktop: bool,
    /// Take away what --install-desktop added.
    #[arg(long, conflicts_with_all = ["file", "screenshot"])]
    pub uninstall_desktop: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check a plan file: exit 0 if valid, 1 with every problem listed if not.
    Check { file: PathBuf },
    /// Create a new plan file: empty, or from a career-path template.
    New {
        /// The file to create (never overwritten).
        #[arg(required_unless_present = "list_templates")]
        file: Option<PathBuf>,
        /// Start from this template (see --list-templates).
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        /// List the templates, with what each is for, and exit.
        #[arg(long, conflicts_with_all = ["file", "template"])]
        list_templates: bool,
    },
    /// Add one entry to a plan's daily log and save it safely.
    #[command(after_help = LOG_HELP)]
    Log(LogArgs),
    /// Write a copy of a plan to share, without your private text.
    Share(ShareArgs),
    /// Import roles, skills and goals from another plan, a template or a
    /// competency framework (.md or .yaml), and save.
    Import(import::ImportArgs),
    /// Explore O*NET's 1,016 U.S. occupations: search them, see what one
    /// needs, and find the ones one step away.
    Occupations {
        #[command(subcommand)]
        command: occupations::OccupationsCommand,
    },
    /// Export a plan for other tools and people: a report, the log, a
    /// calendar of milestones, or your achievements for a review.
    Report(ReportArgs),
    /// Merge two versions of a plan that both started from BASE, writing
    /// the result into OURS: git's merge driver (`%O %A %B`). Exits 0 when
    /// clean, 1 with the conflicts listed (OURS left as it was).
    Merge {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// The plan's own name, for messages (git's `%P`).
        name: Option<PathBuf>,
    },
}

#[derive(clap::Args, Debug)]
pub struct ShareArgs {
    /// The plan to share (it is not changed).
    pub file: PathBuf,
    /// Where to write the copy [default: NAME.shared.stepstone.ron beside FILE].
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Private text to keep in the copy (comma-separated, or repeat --keep).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub keep: Vec<KeepArg>,
    /// Replace OUT if it exists (no backup of it is kept).
    #[arg(long)]
    pub force: bool,
}

/// The kinds of private text `share --keep` can keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KeepArg {
    /// Your purpose: why you are on this path.
    Purpose,
    /// What each log entry says you did.
    LogText,
    /// Energy and "remembered my why" on log entries.
    Feelings,
    /// Your answers in reviews.
    Reviews,
    /// Notes on people and on roles.
    Notes,
    /// Why each goal matters to you.
    GoalWhys,
    /// Evidence written for skill levels and milestones, and milestone links.
    Evidence,
}

impl From<KeepArg> for Private {
    fn from(k: KeepArg) -> Self {
        match k {
            KeepArg::Purpose => Private::Purpose,
            KeepArg::GoalWhys => Private::GoalWhys,
            KeepArg::Evidence => Private::Evidence,
            KeepArg::LogText => Private::LogText,
            KeepArg::Feelings => Private::Feelings,
            KeepArg::Reviews => Private::Reviews,
            KeepArg::Notes => Private::Notes,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    pub file: PathBuf,
    /// md: Markdown report; html: the report as a web page with charts;
    /// csv: the log; ics: milestones as a calendar; brag: achievements for a review.
    #[arg(long, short, value_enum)]
    pub format: FormatArg,
    /// Write to this file, replacing an earlier export (never a plan file).
    /// Without it, the export is printed.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// First day covered (brag and csv; brag starts six months before --to by default).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub from: Option<Date>,
    /// Last day covered (brag and csv; brag ends today by default).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub to: Option<Date>,
}

/// Export formats as typed on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Md,
    Html,
    Csv,
    Ics,
    Brag,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Md => Format::Md,
            FormatArg::Html => Format::Html,
            FormatArg::Csv => Format::Csv,
            FormatArg::Ics => Format::Ics,
            FormatArg::Brag => Format::Brag,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct LogArgs {
    pub file: PathBuf,
    /// What you did, as one line: the text, then at its end the minutes,
    /// #links and the day, such as "Cycle count review 45m #inventory
    /// #sigma yesterday".
    pub line: Option<String>,
    /// How long it took, in minutes (wins over the line's).
    #[arg(long, short, required_unless_present = "line")]
    pub minutes: Option<u32>,
    /// What you did, kept as typed (wins over the line's text).
    #[arg(long, short, required_unless_present = "line")]
    pub text: Option<String>,
    /// A skill it built: its name or a part only it holds (repeat for more).
    #[arg(long, short)]
    pub skill: Vec<String>,
    /// A goal it served: its title or a part only it holds (repeat for more).
    #[arg(long, short)]
    pub goal: Vec<String>,
    /// Someone involved: their name or a part only it holds (repeat for more).
    #[arg(long, short)]
    pub person: Vec<String>,
    /// What kind of experience it was.
    #[arg(long, short, value_enum, default_value_t = KindArg::Routine)]
    pub kind: KindArg,
    /// The day: today, yesterday, -2d, fri (the last one) or 2026-11-23
    /// (default: the line's day, or today).
    #[arg(long, short, value_name = "DAY", allow_hyphen_values = true)]
    pub date: Option<String>,
    /// How the day felt, 1 (drained) to 5 (full of energy).
    #[arg(long, short, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub energy: Option<u8>,
}

/// The quick-add grammar, after `stepstone log --help`.
const LOG_HELP: &str = "\
The LINE: words are the text; at its end, minutes (45m, 1h, 1h30, 1.5h) and
the day (today, yesterday, -2d, fri, 2026-11-23); #part anywhere links the
skill, goal or person whose name holds it (- or _ for a space). A word that
only looks like one in the middle stays text: \"Read 3m papers\" is kept
as typed. The flags win over the line; links from both are kept.

Example:
  stepstone log plan.stepstone.ron \"Cycle count review 45m #inventory #sigma yesterday\"";

/// A day typed on the command line, read as strictly as dates in plan files.
fn date_arg(text: &str) -> Result<Date, String> {
    crate::model::parse_date(text).map_err(|e| e.to_string())
}

/// "1920x1080": a window size from 320x240 to 16384x16384 points.
fn size_arg(text: &str) -> Result<[f32; 2], String> {
    let bad = || format!("`{text}` is not a size: write it as WIDTHxHEIGHT, such as 1920x1080");
    let (w, h) = text.trim().split_once(['x', 'X']).ok_or_else(bad)?;
    let side = |s: &str, least: u16| -> Result<f32, String> {
        match s.trim().parse::<u16>() {
            Ok(n) if (least..=16384).contains(&n) => Ok(f32::from(n)),
            _ => Err(bad()),
        }
    };
    Ok([side(w, 320)?, side(h, 240)?])
}

/// Experience kinds as typed on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Learning,
    Relationship,
    Mentoring,
    BeyondDuty,
    Routine,
}

impl From<KindArg> for ExperienceKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Learning => ExperienceKind::Learning,
            KindArg::Relationship => ExperienceKind::Relationship,
            KindArg::Mentoring => ExperienceKind::Mentoring,
            KindArg::BeyondDuty => ExperienceKind::BeyondDuty,
            KindArg::Routine => ExperienceKind::Routine,
        }
    }
}

/// Runs a subcommand, printing results to stdout and errors to stderr.
pub fn run(command: Command, today: Date) -> ExitCode {
    let result = match command {
        Command::Check { file } => check(&file),
        Command::New {
            list_templates: true,
            ..
        } => Ok(list_templates()),
        Command::New { file, template, .. } => match file {
            Some(file) => new(&file, template.as_deref()),
            None => Err(vec!["stepstone new: give the FILE to create".to_string()]),
        },
        Command::Log(args) => log(&args, today),
        Command::Share(args) => share(&args),
        Command::Import(args) => import::run(&args),
        Command::Occupations { command } => occupations::run(&command, today),
        Command::Report(args) => report(&args, today),
        Command::Merge {
            base,
            ours,
            theirs,
            name,
        } => merge::run(&base, &ours, &theirs, name.as_deref()),
    };
    finish(result)
}

/// `--install-desktop` (`install`) or `--uninstall-desktop`.
pub fn desktop(install: bool) -> ExitCode {
    finish(if install {
        desktop::install()
    } else {
        desktop::uninstall()
    })
}

/// Says what a command did, or why it could not, and gives its exit code.
fn finish(result: Outcome) -> ExitCode {
    match result {
        Ok(message) => {
            // An export printed to the terminal has said all there is.
            if !message.is_empty() {
                terminal::say(&message);
            }
            ExitCode::SUCCESS
        }
        Err(messages) => {
            for m in messages {
                terminal::warn(&m);
            }
            ExitCode::from(1)
        }
    }
}

pub(crate) type Outcome = Result<String, Vec<String>>;

fn check(file: &Path) -> Outcome {
    let (plan, stamp) = io::load(file).map_err(|e| vec![e.to_string()])?;
    if stamp.comments {
        terminal::warn(&format!(
            "{}: note: this file has comments; Stepstone cannot keep them when it saves, \
             so the first save keeps a copy of the file with them (see the README)",
            file.display()
        ));
    }
    let problems = plan.validate();
    if !problems.is_empty() {
        return Err(problems
            .iter()
            .map(|p| format!("{}: {p}", file.display()))
            .collect());
    }
    let milestones: usize = plan.goals.iter().map(|g| g.milestones.len()).sum();
    let counts = [
        (plan.roles.len(), "role"),
        (plan.skills.len(), "skill"),
        (plan.goals.len(), "goal"),
        (milestones, "milestone"),
        (plan.people.len(), "person"),
        (plan.log.len(), "log entry"),
        (plan.reviews.len(), "review"),
    ]
    .map(|(n, what)| plural(n, what))
    .join(", ");
    Ok(format!("{}: ok ({counts})", file.display()))
}

fn new(file: &Path, template: Option<&str>) -> Outcome {
    let fail = |m: String| vec![format!("{}: {m}", file.display())];
    if file.exists() {
        return Err(fail(
            "already exists; choose another name so nothing is overwritten".into(),
        ));
    }
    let (plan, from) = match template {
        None => (Plan::default(), String::new()),
        Some(name) => {
            let Some(t) = io::templates::template(name) else {
                let known: Vec<String> = io::templates::templates()
                    .into_iter()
                    .map(|t| t.name)
                    .collect();
                return Err(fail(format!(
                    "no template named \"{name}\"; known: {} (stepstone new --list-templates says what each is for)",
                    known.join(", ")
                )));
            };
            (t.plan(), format!(" from the template \"{}\"", t.title))
        }
    };
    io::save(file, &plan, None).map_err(|e| vec![e.to_string()])?;
    Ok(format!(
        "Created {}{from}. Open it with: stepstone {}",
        file.display(),
        file.display()
    ))
}

/// One line a template: its name, then what it is for.
fn list_templates() -> String {
    let all = io::templates::templates();
    let width = all.iter().map(|t| t.name.len()).max().unwrap_or(0);
    all.iter()
        .map(|t| format!("{:width$}  {}: {}", t.name, t.title, t.about))
        .collect::<Vec<_>>()
        .join("\n")
}

fn log(args: &LogArgs, today: Date) -> Outcome {
    let file = &args.file;
    let fail = |m: String| vec![format!("{}: {m}", file.display())];
    if args.text.as_ref().is_some_and(|t| t.trim().is_empty()) {
        return Err(fail("--text is empty; say what you did".into()));
    }
    if args.text.is_none() && args.line.as_ref().is_none_or(|l| l.trim().is_empty()) {
        return Err(fail(format!(
            "the line is empty; say what you did, such as \"{EXAMPLE_LINE}\""
        )));
    }
    if let Some(minutes) = args.minutes
        && !LogEntry::valid_minutes(minutes)
    {
        return Err(fail(format!(
            "--minutes {minutes} must be between 1 and 1440"
        )));
    }
    let date_given = args
        .date
        .as_deref()
        .map(|d| model::parse_logged_day(d, today))
        .transpose()
        .map_err(|e| fail(format!("--date: {e}")))?;
    // Held from reading to writing, so two runs at once both keep their entry.
    let locked = io::lock(file).map_err(|e| vec![e.to_string()])?;
    let (mut plan, stamp) = locked.load().map_err(|e| vec![e.to_string()])?;
    let entry = log_entry(args, &plan, today, date_given)
        .map_err(|problems| problems.into_iter().flat_map(fail).collect::<Vec<_>>())?;
    let said = logged_summary(&plan, &entry, file);
    plan.apply(Edit::Put(Item::Entry(entry)))
        .map_err(|e| fail(e.to_string()))?;
    let saved = locked
        .save(&plan, Some(&stamp))
        .map_err(|e| vec![e.to_string()])?;
    if let Some(copy) = saved.comments_kept {
        terminal::warn(&comments_note(file, &copy));
    }
    Ok(said)
}

/// The entry `stepstone log` adds: the line read with the quick-add grammar,
/// the flags winning over it (links from both kept), or what stops it.
fn log_entry(
    args: &LogArgs,
    plan: &Plan,
    today: Date,
    date_given: Option<Date>,
) -> Result<LogEntry, Vec<String>> {
    let quick = match &args.line {
        Some(line) => {
            let quick = quick_add::parse(line, plan, today, &[]);
            let problems = quick.problems(line, plan);
            if !problems.is_empty() {
                return Err(problems);
            }
            quick
        }
        None => QuickLine::default(),
    };
    let text = match &args.text {
        Some(text) => text.trim(),
        None if quick.text.is_empty() => {
            return Err(vec![format!(
                "the line has no words for what you did once its minutes, links and day are \
                 read; say what you did, such as \"{EXAMPLE_LINE}\""
            )]);
        }
        None => quick.text.as_str(),
    };
    let minutes = match (args.minutes, quick.minutes()) {
        (Some(minutes), _) => minutes,
        (None, Some(minutes)) if LogEntry::valid_minutes(minutes) => minutes,
        (None, Some(minutes)) => {
            return Err(vec![format!(
                "the line's {minutes} minutes must be between 1 and 1440"
            )]);
        }
        (None, None) => {
            return Err(vec![
                "say how long it took: 45m or 1h30 at the end of the line, or --minutes 45".into(),
            ]);
        }
    };
    let date = date_given.or(quick.day()).unwrap_or(today);

    let mut links = Links::of(quick.links());
    let named: Vec<_> = plan
        .skills
        .iter()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    let skills = resolve(&args.skill, ("skill", "skills"), &named)?;
    let named: Vec<_> = plan
        .goals
        .iter()
        .map(|g| (g.id, g.title.as_str()))
        .collect();
    let goals = resolve(&args.goal, ("goal", "goals"), &named)?;
    let named: Vec<_> = plan
        .people
        .iter()
        .map(|p| (p.id, p.name.as_str()))
        .collect();
    let people = resolve(&args.person, ("person", "people"), &named)?;
    let flags = (skills.into_iter().map(Linked::Skill))
        .chain(goals.into_iter().map(Linked::Goal))
        .chain(people.into_iter().map(Linked::Person));
    for link in flags {
        links.add(link);
    }

    Ok(LogEntry {
        skills: links.skills,
        goals: links.goals,
        people: links.people,
        energy: args.energy,
        ..LogEntry::new(plan.new_entry_id(), date, minutes, args.kind.into(), text)
    })
}

/// The line `stepstone log` shows as an example.
const EXAMPLE_LINE: &str = "Cycle count review 45m #inventory yesterday";

/// What was logged, so the person sees how the line was read: "Logged 45
/// min on 2026-11-24 in FILE: \"Cycle count review\" (Inventory control, Sigma)."
fn logged_summary(plan: &Plan, e: &LogEntry, file: &Path) -> String {
    let names: Vec<&str> = e
        .skills
        .iter()
        .filter_map(|id| plan.skill(*id).map(|s| s.name.as_str()))
        .chain(
            e.goals
                .iter()
                .filter_map(|id| plan.goal(*id).map(|g| g.title.as_str())),
        )
        .chain(
            e.people
                .iter()
                .filter_map(|id| plan.person(*id).map(|p| p.name.as_str())),
        )
        .collect();
    let with = if names.is_empty() {
        String::new()
    } else {
        format!(" ({})", names.join(", "))
    };
    format!(
        "Logged {} min on {} in {}: \"{}\"{with}.",
        e.minutes,
        e.date,
        file.display(),
        e.text
    )
}

fn share(args: &ShareArgs) -> Outcome {
    let file = &args.file;
    let out = args.output.clone().unwrap_or_else(|| io::shared_path(file));
    let (plan, _) = io::load(file).map_err(|e| vec![e.to_string()])?;
    if out.exists() && !args.force {
        return Err(vec![format!(
            "{}: already exists; nothing was written (choose another name with -o, or add --force to replace it)",
            out.display()
        )]);
    }
    let keep: Keep = args.keep.iter().map(|k| Private::from(*k)).collect();
    io::write_shared(&plan, keep, Some(file), &out).map_err(|e| match e {
        io::ShareError::Problems(ref problems) => {
            std::iter::once(format!("{}: cannot share: {e}", file.display()))
                .chain(problems.iter().map(|p| format!("{}: {p}", file.display())))
                .collect()
        }
        e => vec![e.to_string()],
    })?;
    Ok(format!(
        "Wrote a copy to share: {}\n{} Every copy keeps {ALWAYS_KEPT}.\n{} is unchanged.",
        out.display(),
        plan.private_counts().summary(keep),
        file.display()
    ))
}

/// Exports the plan: printed, or written to `--output` (atomically).
fn report(args: &ReportArgs, today: Date) -> Outcome {
    let file = &args.file;
    let fail = |m: String| vec![format!("{}: {m}", file.display())];
    let format = Format::from(args.format);
    if (args.from.is_some() || args.to.is_some()) && !format.takes_range() {
        return Err(fail(format!(
            "--from and --to choose the period of the brag and csv exports; --format {} covers the whole plan",
            format.name()
        )));
    }
    if let Some(out) = &args.output
        && let Some(problem) = export::output_problem(Some(file), out)
    {
        return Err(vec![format!("{}: {problem}", out.display())]);
    }
    let (plan, _) = io::load(file).map_err(|e| vec![e.to_string()])?;
    let problems = plan.validate().len();
    if problems > 0 {
        terminal::warn(&format!(
            "{}: note: this plan has {} (stepstone check lists them); the export shows it as it is",
            file.display(),
            plural(problems, "problem")
        ));
    }
    let options = export::Options {
        from: args.from,
        to: args.to,
    };
    let text = export::export(&plan, format, &options, today).map_err(|e| fail(e.to_string()))?;
    match &args.output {
        None => {
            use std::io::{IsTerminal, Write};
            let mut out = std::io::stdout().lock();
            // Piped to another program, the export keeps its bytes.
            let text = if out.is_terminal() {
                terminal_safe(&text)
            } else {
                text.as_str().into()
            };
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| vec![format!("stepstone report: could not print the export: {e}")])?;
            Ok(String::new())
        }
        Some(out) => {
            export::write(out, &text, Some(file)).map_err(|e| {
                vec![format!(
                    "{}: could not write the export: {e}",
                    out.display()
                )]
            })?;
            Ok(format!(
                "Wrote {} of {} to {}.",
                format.noun(),
                file.display(),
                out.display()
            ))
        }
    }
}

/// Tells that a save dropped hand-written comments, and where they are kept.
pub fn comments_note(file: &Path, copy: &Path) -> String {
    format!(
        "{}: note: the comments in this file cannot be kept when Stepstone saves; \
         the file as it was, with its comments, is kept in {}",
        file.display(),
        copy.display()
    )
}

/// Looks up names, or parts only one name holds ([`quick_add::find_by_part`]);
/// an unknown name is an error listing the known ones, an ambiguous part
/// one listing the names that hold it.
fn resolve<I: Copy>(
    typed: &[String],
    (what, whats): (&str, &str),
    items: &[(I, &str)],
) -> Result<Vec<I>, Vec<String>> {
    typed
        .iter()
        .map(|given| {
            let found = quick_add::find_by_part(given, items.iter().map(|&n| (n, n.1)));
            match found {
                Found::One((id, _)) => Ok(id),
                Found::Many(many) => {
                    let holding: Vec<&str> = many.iter().map(|(_, name)| *name).collect();
                    Err(vec![format!(
                        "\"{given}\" could be several {whats}: {}; type more of the name",
                        holding.join(", ")
                    )])
                }
                Found::None if items.is_empty() => Err(vec![format!(
                    "no {what} named \"{given}\"; this plan has none yet"
                )]),
                Found::None => {
                    let known: Vec<&str> = items.iter().map(|(_, name)| *name).collect();
                    Err(vec![format!(
                        "no {what} named \"{given}\"; known: {}",
                        known.join(", ")
                    )])
                }
            }
        })
        .collect()
}
