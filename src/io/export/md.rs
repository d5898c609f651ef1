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
    if let Some(note) = r.data_note() {
        let _ = writeln!(out, "\n---\n\n_{}_", esc(note));
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
            esc(&row.now),
            esc(&row.target),
            esc(&row.needed),
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
            match m.evidence() {
                Some((words, Some(link))) => {
                    let _ = write!(out, ": [{}]({})", esc(words), url(link));
                }
                Some((words, None)) => {
                    let _ = write!(out, ": {}", esc(words));
                }
                None => {}
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

/// Plan text as Markdown that shows it as typed, and only as text, in any
/// renderer: on one line (a table cell or a list item stays one), with
/// `&`, `<` and `>` as entities (no tag, no entity of its own, even where
/// backslashes are not escapes), and the characters that would start a
/// link, an image, emphasis, code, a heading, a table cell, math or a list
/// escaped with a backslash.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    for (i, c) in text.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '$' | '!' => {
                out.push('\\');
                out.push(c);
            }
            // "- x", "+ x" and "1. x" would start a list.
            '-' | '+' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i == digits && digits > 0 => {
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

/// A safe link as a link destination: every character that could end it,
/// or be read as an escape or a title, percent-encoded.
pub(super) fn url(link: &str) -> String {
    let mut out = String::with_capacity(link.len());
    for c in link.chars() {
        if c.is_control()
            || c.is_whitespace()
            || matches!(c, '<' | '>' | '(' | ')' | '\\' | '"' | '\'' | '`' | '|')
        {
            super::percent_encode(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_is_escaped_onto_one_line() {
        assert_eq!(
            esc("a|b *c* _d_ #1 $5\n[x](y) <b> &amp; \\"),
            "a\\|b \\*c\\* \\_d\\_ \\#1 \\$5 \\[x\\](y) &lt;b&gt; &amp;amp; \\\\"
        );
        assert_eq!(esc("- a - b"), "\\- a - b");
        assert_eq!(esc("2026. A year, 3. not"), "2026\\. A year, 3. not");
        assert_eq!(esc("42"), "42");
        assert_eq!(
            url("https://x.org/a b<c>(d)\\"),
            "https://x.org/a%20b%3Cc%3E%28d%29%5C"
        );
    }
}
