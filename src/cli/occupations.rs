//! `stepstone occupations search|show|near`: O*NET 29.0's U.S. occupations
//! from the command line, and `import FILE --occupation CODE` (in
//! `import.rs`) to take one into a plan.

use super::Outcome;
use crate::io;
use crate::io::occupations::occupations;
use crate::model::occupations::{ATTRIBUTION, ElementKind, Occupations, SOURCE, plan_level};
use jiff::civil::Date;
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum OccupationsCommand {
    /// Find occupations by any of their 56,000 names (words in any order,
    /// small typos forgiven).
    Search {
        /// What to look for, such as "logistics manager".
        #[arg(required = true)]
        text: Vec<String>,
        /// How many to list.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// What an occupation needs: its important skills and knowledge, most
    /// important first, with levels on the plan's 0 to 5 scale.
    Show {
        /// The O*NET-SOC code, such as 29-1141.00 (or 29-1141).
        code: String,
    },
    /// The occupations one step away from CODE, or from a plan's own levels.
    Near {
        /// The O*NET-SOC code to start from.
        #[arg(required_unless_present = "plan", conflicts_with = "plan")]
        code: Option<String>,
        /// Start from the levels recorded in this plan instead.
        #[arg(long, value_name = "FILE")]
        plan: Option<PathBuf>,
        /// How many to list.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
}

/// The occupation with `code`, or an error that says how to find one.
pub fn find(data: &Occupations, code: &str) -> Result<usize, Vec<String>> {
    data.by_code(code).ok_or_else(|| {
        vec![format!(
            "no occupation has the code \"{code}\" (find one with `stepstone occupations search TEXT`)"
        )]
    })
}

pub fn run(command: &OccupationsCommand, today: Date) -> Outcome {
    let data = occupations();
    match command {
        OccupationsCommand::Search { text, limit } => Ok(search(data, &text.join(" "), *limit)),
        OccupationsCommand::Show { code } => show(data, find(data, code)?),
        OccupationsCommand::Near { code, plan, limit } => {
            let (profile, except, from) = match (code, plan) {
                (Some(code), _) => {
                    let o = find(data, code)?;
                    let profile = data.profile(o).ok_or_else(|| vec![unrated(data, o)])?;
                    (profile, Some(o), data.occupations[o].title.clone())
                }
                (None, Some(file)) => {
                    let (plan, _) = io::load(file).map_err(|e| vec![e.to_string()])?;
                    let profile = data.plan_profile(&plan, today);
                    if profile.levels.iter().all(Option::is_none) {
                        return Err(vec![format!(
                            "{}: no skill is named like an O*NET skill or knowledge area, so \
                             there is nothing to compare (take an occupation in with `stepstone \
                             import FILE --occupation CODE`, or start from a code)",
                            file.display()
                        )]);
                    }
                    (profile, None, format!("the levels in {}", file.display()))
                }
                (None, None) => return Err(vec!["give a CODE or --plan FILE".to_string()]),
            };
            let mut lines = vec![format!("One step away from {from}:")];
            for n in data.nearest(&profile, except, *limit) {
                let o = &data.occupations[n.occupation];
                lines.push(format!(
                    "{:>3.0}%  {}  {}",
                    n.similarity * 100.0,
                    o.code,
                    o.title
                ));
                if !n.shared.is_empty() {
                    lines.push(format!("       alike in: {}", names(data, &n.shared)));
                }
                if !n.needs.is_empty() {
                    lines.push(format!("       would need: {}", names(data, &n.needs)));
                }
            }
            lines.push(String::new());
            lines.push(ATTRIBUTION.to_string());
            Ok(lines.join("\n"))
        }
    }
}

/// The best matches, one a line, with the other name that matched.
fn search(data: &Occupations, text: &str, limit: usize) -> String {
    let hits = data.search(text, limit);
    if hits.is_empty() {
        return format!("No occupation has a name like \"{}\".", text.trim());
    }
    let mut lines: Vec<String> = hits
        .iter()
        .map(|h| {
            let o = &data.occupations[h.occupation];
            match &h.matched {
                Some(name) => format!("{}  {}  (also called {name})", o.code, o.title),
                None => format!("{}  {}", o.code, o.title),
            }
        })
        .collect();
    lines.push(format!("Data: {SOURCE}."));
    lines.join("\n")
}

/// An occupation: its description and what it needs.
fn show(data: &Occupations, o: usize) -> Outcome {
    let occupation = &data.occupations[o];
    let mut lines = vec![
        format!("{}  {}", occupation.code, occupation.title),
        occupation.description.clone(),
    ];
    if !occupation.is_rated() {
        return Err(vec![unrated(data, o)]);
    }
    lines.push(String::new());
    lines.push(
        "Important skills and knowledge, most important first (level on the plan's 0 to 5 \
         scale; importance 1 to 5):"
            .to_string(),
    );
    for e in data.important(o) {
        let (element, rating) = (&data.elements[e], occupation.ratings[e]);
        let kind = match element.kind {
            ElementKind::Skill => "skill",
            ElementKind::Knowledge => "knowledge",
        };
        let unsure = if rating.suppressed {
            ", level uncertain"
        } else {
            ""
        };
        lines.push(format!(
            "  level {}  {} ({kind}, importance {:.1}{unsure})",
            plan_level(rating.level).0,
            element.name,
            rating.importance
        ));
    }
    lines.push(String::new());
    lines.push(ATTRIBUTION.to_string());
    Ok(lines.join("\n"))
}

/// Why an occupation cannot be compared.
fn unrated(data: &Occupations, o: usize) -> String {
    format!(
        "{} ({}) groups several jobs, and O*NET does not rate its skills: pick a more specific one",
        data.occupations[o].title, data.occupations[o].code
    )
}

/// Elements' names, joined.
fn names(data: &Occupations, elements: &[usize]) -> String {
    elements
        .iter()
        .filter_map(|&e| data.elements.get(e).map(|x| x.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}
