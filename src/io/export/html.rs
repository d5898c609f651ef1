//! The HTML report: the Markdown report's content as one self-contained
//! page, with the main plots as inline SVG. It loads nothing (no scripts,
//! fonts, images or style sheets from elsewhere), so it opens offline and
//! can be mailed as it is; its style sheet has a print layout.

use super::markup::esc;
use super::report::{GoalRow, Report};
use super::svg;
use std::fmt::Write;

const STYLE: &str = "
:root { color-scheme: light; --ink: #1a202c; --soft: #4a5568; --line: #e2e8f0; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .25rem; }
p { margin: .4rem 0; }
.byline, .facts, .when, .note { color: var(--soft); }
blockquote { margin: 0; padding: .25rem 1rem; border-left: 4px solid #90cdf4; font-style: italic; }
ol.roles { padding-left: 1.5rem; }
ol.roles li { margin: .35rem 0; }
.stage { color: var(--soft); }
.outlook { display: block; color: var(--soft); font-size: .95rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f7fafc; }
td.level { white-space: nowrap; }
.gap { font-weight: 600; white-space: nowrap; }
.pace { font-weight: 700; padding: 0 .4rem; border-radius: .25rem; }
.on-track { color: #22543d; background: #c6f6d5; }
.behind { color: #744210; background: #fefcbf; }
.at-risk { color: #742a2a; background: #fed7d7; }
ul.milestones { list-style: none; padding-left: .25rem; }
ul.milestones li { margin: .2rem 0; }
.tick-mark { display: inline-block; width: 1.4rem; }
.done .tick-mark { color: #2f855a; }
.why { font-style: italic; }
figure { margin: 1.25rem 0; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg.chart text.title { font-size: 14px; font-weight: 700; }
svg.chart text.axis { fill: var(--soft); }
svg.chart .grid { stroke: var(--line); }
svg.chart .base { stroke: var(--soft); }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, article, tr, blockquote { break-inside: avoid; }
  a { color: inherit; }
  a[href]::after { content: ' (' attr(href) ')'; font-size: 85%; color: var(--soft); }
  .pace { border: 1px solid currentColor; }
}
";

/// The report as one HTML page.
pub(super) fn render(r: &Report<'_>) -> String {
    let title = esc(&r.title());
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n<p class=\"byline\">{}</p>\n",
        esc(&r.byline())
    );
    let whys: Vec<&str> = r
        .plan
        .purpose
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if !whys.is_empty() {
        out.push_str("<section>\n<h2>Why</h2>\n<blockquote>\n");
        for w in whys {
            let _ = writeln!(out, "<p>{}</p>", esc(w));
        }
        out.push_str("</blockquote>\n</section>\n");
    }
    roadmap(&mut out, r);
    skills(&mut out, r);
    goals(&mut out, r);
    out.push_str("<section>\n<h2>Recent achievements</h2>\n");
    let lines = r.achievements();
    if lines.is_empty() {
        let _ = writeln!(
            out,
            "<p>Nothing logged or reached from {} yet.</p>",
            esc(&r.recent_span())
        );
    } else {
        let _ = writeln!(out, "<p>From {}:</p>\n<ul>", esc(&r.recent_span()));
        for line in lines {
            let _ = writeln!(out, "<li>{}</li>", esc(&line));
        }
        out.push_str("</ul>\n");
    }
    figure(&mut out, svg::hours_per_week(r));
    out.push_str("</section>\n</main>\n");
    if let Some(note) = r.data_note() {
        let _ = writeln!(out, "<footer><p>{}</p></footer>", esc(note));
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn figure(out: &mut String, chart: Option<String>) {
    if let Some(chart) = chart {
        let _ = writeln!(out, "<figure>{chart}</figure>");
    }
}

fn roadmap(out: &mut String, r: &Report<'_>) {
    if r.roles.is_empty() {
        return;
    }
    out.push_str("<section>\n<h2>Roadmap</h2>\n<ol class=\"roles\">\n");
    for role in &r.roles {
        let org = match role.organisation.trim() {
            "" => String::new(),
            o => format!(" at {}", esc(o)),
        };
        let when = match Report::role_when(role) {
            w if w.is_empty() => String::new(),
            w => format!(", {}", esc(&w)),
        };
        let _ = write!(
            out,
            "<li><strong>{}</strong>{org} <span class=\"stage\">({}{when})</span>",
            esc(role.title.trim()),
            super::md::stage_words(role.stage)
        );
        if let Some(outlook) = r.role_outlook(role) {
            let _ = write!(out, "<span class=\"outlook\">{}</span>", esc(&outlook));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    figure(out, svg::readiness(r));
    out.push_str("</section>\n");
}

fn skills(out: &mut String, r: &Report<'_>) {
    let rows = r.skill_rows();
    if rows.is_empty() {
        return;
    }
    out.push_str("<section>\n<h2>Skills</h2>\n");
    if let Some(next) = r.next {
        let _ = writeln!(
            out,
            "<p>Gaps are to the next role, {}.</p>",
            esc(next.title.trim())
        );
    }
    out.push_str(
        "<table>\n<thead><tr><th>Skill</th><th>Category</th><th>Now</th><th>Target</th>\
         <th>Next role needs</th><th>Gap</th></tr></thead>\n<tbody>\n",
    );
    for row in rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"level\">{}</td><td>{}</td><td class=\"level\">{}</td><td class=\"gap\">{}</td></tr>",
            esc(row.skill.name.trim()),
            esc(row.skill.category.trim()),
            esc(&row.now),
            esc(&row.target),
            esc(&row.needed),
            esc(&row.gap)
        );
    }
    out.push_str("</tbody>\n</table>\n");
    figure(out, svg::skill_levels(r));
    out.push_str("</section>\n");
}

fn goals(out: &mut String, r: &Report<'_>) {
    let rows = r.goal_rows();
    if rows.is_empty() {
        return;
    }
    out.push_str("<section>\n<h2>Goals and milestones</h2>\n");
    figure(out, svg::burn_up(r));
    for row in rows {
        goal(out, &row);
    }
    out.push_str("</section>\n");
}

fn goal(out: &mut String, row: &GoalRow<'_>) {
    let _ = write!(
        out,
        "<article>\n<h3>{}</h3>\n<p class=\"facts\">{}</p>\n",
        esc(row.goal.title.trim()),
        esc(&row.facts)
    );
    let mut progress = Vec::new();
    if !row.progress.is_empty() {
        progress.push(format!("Progress: {}", esc(&row.progress)));
    }
    if let Some(pace) = row.pace {
        let class = pace.to_ascii_lowercase().replace(' ', "-");
        progress.push(format!("<span class=\"pace {class}\">{}</span>", esc(pace)));
    }
    if !row.projected.is_empty() {
        progress.push(esc(&row.projected));
    }
    if !progress.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", progress.join(" \u{b7} "));
    }
    if !row.goal.why.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"why\">Why: {}</p>",
            esc(row.goal.why.trim())
        );
    }
    if !row.milestones.is_empty() {
        out.push_str("<ul class=\"milestones\">\n");
        for m in &row.milestones {
            let (class, mark, state) = if m.done {
                ("done", "\u{2714}", "Done")
            } else {
                ("open", "\u{25cb}", "Open")
            };
            let _ = write!(
                out,
                "<li class=\"{class}\"><span class=\"tick-mark\" title=\"{state}\">{mark}</span>{}",
                esc(m.milestone.title.trim())
            );
            if !m.when.is_empty() {
                let _ = write!(out, " <span class=\"when\">({})</span>", esc(&m.when));
            }
            match m.evidence() {
                Some((words, Some(link))) => {
                    let _ = write!(out, ": <a href=\"{}\">{}</a>", esc(link), esc(words));
                }
                Some((words, None)) => {
                    let _ = write!(out, ": {}", esc(words));
                }
                None => {}
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_plan_text_is_shown_not_run() {
        assert_eq!(
            esc("<script>alert('x & y')</script>\"\u{7}"),
            "&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;&quot;"
        );
    }
}
