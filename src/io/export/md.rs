//! The Markdown report: plain `CommonMark` with GitHub's tables and task
//! lists, which notes apps (Obsidian, Joplin, GitHub, most wikis) show as
//! they are meant. Every text from the plan is escaped, so a name with `*`
//! or `|` reads as typed.

use super::report::Report;
use crate::model::Stage;
use std::fmt::Write;

/// The report as Markdown.
pub(super) fn render(r: &Report<'_>) -> String {
    let mut out = format!("# {}\n\n_{}_\n", esc(&r.title()), esc(&r.byline()));
    let plan = r.plan;
    let whys: Vec<&str> = plan
        .purpose
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if !whys.is_empty() {
        out.push_str("\n## Why\n\n");
        let quoted: Vec<String> = whys.iter().map(|w| format!("> {}\n", esc(w))).collect();
        out.push_str(&quoted.join(">\n"));
    }
    if !r.roles.is_empty() {
        out.push_str("\n## Roadmap\n\n");
        for role in &r.roles {
            let org = match role.organisation.trim() {
                "" => String::new(),
                o => format!(" at {}", esc(o)),
            };
            let when = match Report::role_when(role) {
                w if w.is_empty() => String::new(),
                w => format!(", {w}"),
            };
            let _ = write!(
                out,
                "- **{}**{org} ({}{when})",
                esc(role.title.trim()),
                stage_words(role.stage)
            );
            if let Some(outlook) = r.role_outlook(role) {
                let _ = write!(out, ". {}", esc(&outlook));
            }
            out.push('\n');
        }
    }
    skills(&mut out, r);
    goals(&mut out, r);
    out.push_str("\n## Recent achievements\n\n");
    let lines = r.achievements();
    if lines.is_empty() {
        let _ = writeln!(
            out,
            "Nothing logged or reached from {} yet.",
            r.recent_span()
        );
    } else {
        let _ = writeln!(out, "From {}:\n", r.recent_span());
        for line in lines {
            let _ = writeln!(out, "- {}", esc(&line));
        }
    }
    out
}

fn skills(out: &mut String, r: &Report<'_>) {
    let rows = r.skill_rows();
    if rows.is_empty() {
        return;
    }
    out.push_str("\n## Skills\n\n");
    if let Some(next) = r.next {
        let _ = writeln!(
            out,
            "Gaps are to the next role, {}.\n",
            esc(next.title.trim())
        );
    }
    out.push_str("| Skill | Category | Now | Target | Next role needs | Gap |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    for row in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            esc(row.skill.name.trim()),
            esc(row.skill.category.trim()),
            row.now,
            row.target,
            row.needed,
            row.gap
        );
    }
}

fn goals(out: &mut String, r: &Report<'_>) {
    let rows = r.goal_rows();
    if rows.is_empty() {
        return;
    }
    out.push_str("\n## Goals and milestones\n");
    for row in rows {
        let _ = write!(
            out,
            "\n### {}\n\n{}",
            esc(row.goal.title.trim()),
            esc(&row.facts)
        );
        let mut progress = Vec::new();
        if !row.progress.is_empty() {
            progress.push(format!("Progress: {}", esc(&row.progress)));
        }
        if let Some(pace) = row.pace {
            progress.push(format!("**{pace}**"));
        }
        if !row.projected.is_empty() {
            progress.push(esc(&row.projected));
        }
        if !progress.is_empty() {
            // Two spaces: a line break within the paragraph.
            let _ = write!(out, "  \n{}", progress.join(" \u{b7} "));
        }
        out.push('\n');
        if !row.goal.why.trim().is_empty() {
            let _ = writeln!(out, "\n_Why: {}_", esc(row.goal.why.trim()));
        }
        if !row.milestones.is_empty() {
            out.push('\n');
        }
        for m in row.milestones {
            let tick = if m.done { 'x' } else { ' ' };
            let when = if m.when.is_empty() {
                String::new()
            } else {
                format!(" ({})", m.when)
            };
            let _ = write!(out, "- [{tick}] {}{when}", esc(m.milestone.title.trim()));
            let evidence = m.milestone.evidence.trim();
            match (evidence.is_empty(), m.link) {
                (false, Some(link)) => {
                    let _ = write!(out, ": [{}](<{}>)", esc(evidence), url(link));
                }
                (false, None) => {
                    let _ = write!(out, ": {}", esc(evidence));
                }
                (true, Some(link)) => {
                    let _ = write!(out, ": [evidence](<{}>)", url(link));
                }
                (true, None) => {}
            }
            out.push('\n');
        }
    }
}

/// "past role", "next role", "option".
pub(super) fn stage_words(stage: Stage) -> &'static str {
    match stage {
        Stage::Past => "past role",
        Stage::Current => "current role",
        Stage::Next => "next role",
        Stage::LongTerm => "long-term role",
        Stage::Alternative => "option",
    }
}

/// Plan text as Markdown that shows it as typed: on one line, with the
/// characters Markdown (and notes apps' math and tags) would act on escaped.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '$' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A link target for `(<...>)`: the characters that would end it, encoded.
pub(super) fn url(link: &str) -> String {
    link.chars()
        .map(|c| match c {
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            ' ' => "%20".to_string(),
            c if c.is_control() => String::new(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_is_escaped_onto_one_line() {
        assert_eq!(
            esc("a|b *c* _d_ #1 $5\n[x](y) <b> \\"),
            "a\\|b \\*c\\* \\_d\\_ \\#1 \\$5 \\[x\\](y) \\<b\\> \\\\"
        );
        assert_eq!(url("https://x.org/a b<c>"), "https://x.org/a%20b%3Cc%3E");
    }
}
