//! Milestones and goal due dates as an iCalendar file (RFC 5545) that
//! calendar apps import: one all-day event each. The lines are written
//! here, in time linear in the text: CRLF line ends, folded at 75 octets
//! without splitting a character, text values escaped so that no line break
//! in the plan can start a line (a property or an event) of its own.
//!
//! Each event's UID comes from its item's id and the plan's owner, so
//! importing a later export updates the same events instead of adding
//! copies, and two people's plans in one calendar never share a UID.

use super::day;
use crate::model::{Goal, GoalStatus, Milestone, Plan, is_safe_link, name_key};
use jiff::civil::Date;

/// The calendar: a milestone on the day it was done (else its due date),
/// and each goal on its due date. Items without a date have no event.
/// `today` stamps the events (`DTSTAMP`), so one day's exports are identical.
pub(super) fn render(plan: &Plan, today: Date) -> String {
    let owner = plan.owner.trim();
    let name = if owner.is_empty() {
        "Career milestones".to_string()
    } else {
        format!("{owner}: career milestones")
    };
    let mut ics = Ics::default();
    ics.plain("BEGIN", "VCALENDAR");
    ics.plain("VERSION", "2.0");
    ics.plain("PRODID", "-//Stepstone//Career plan//EN");
    ics.plain("CALSCALE", "GREGORIAN");
    ics.plain("METHOD", "PUBLISH");
    // `VALUE=TEXT` is these properties' default type: it changes nothing
    // for readers that know them, and tells the others to unescape.
    ics.text("NAME;VALUE=TEXT", &name);
    ics.text("X-WR-CALNAME;VALUE=TEXT", &name);
    let ids = Ids {
        plan_key: plan_key(owner),
        stamp: format!("{}T000000Z", today.strftime("%Y%m%d")),
    };
    for goal in &plan.goals {
        for m in goal.milestones_by_date() {
            milestone_event(&mut ics, goal, m, &ids);
        }
        goal_event(&mut ics, goal, &ids);
    }
    ics.plain("END", "VCALENDAR");
    ics.out
}

/// The longest a line may be, in octets, before it is folded.
const LINE_OCTETS: usize = 75;

/// An iCalendar text being written, one content line at a time.
#[derive(Default)]
struct Ics {
    out: String,
    /// Octets on the line being written.
    width: usize,
}

impl Ics {
    /// A property whose value is ours (names, numbers, dates): as it is.
    fn plain(&mut self, name: &str, value: &str) {
        self.line(name, |ics| {
            for c in value.chars() {
                ics.push_char(c);
            }
        });
    }

    /// A text value (RFC 5545 3.3.11): `\\`, `;` and `,` escaped, each line
    /// break (`\r\n`, `\r` or `\n`) as `\\n`, a tab as a space, and no
    /// other control character.
    fn text(&mut self, name: &str, value: &str) {
        self.line(name, |ics| {
            let mut chars = value.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => ics.push("\\\\"),
                    ';' => ics.push("\\;"),
                    ',' => ics.push("\\,"),
                    '\r' | '\n' => {
                        if c == '\r' {
                            chars.next_if_eq(&'\n');
                        }
                        ics.push("\\n");
                    }
                    '\t' => ics.push(" "),
                    c if c.is_control() => {}
                    c => ics.push_char(c),
                }
            }
        });
    }

    /// A link (a URI value, which has no escapes): a space or a control
    /// character, which a safe link never holds, is percent-encoded.
    fn uri(&mut self, name: &str, value: &str) {
        self.line(name, |ics| {
            for c in value.chars() {
                if c.is_control() || c.is_whitespace() {
                    let mut encoded = String::new();
                    super::percent_encode(&mut encoded, c);
                    ics.push(&encoded);
                } else {
                    ics.push_char(c);
                }
            }
        });
    }

    /// One content line: `NAME:value` and CRLF.
    fn line(&mut self, name: &str, value: impl FnOnce(&mut Self)) {
        self.push(name);
        self.push(":");
        value(self);
        self.out.push_str("\r\n");
        self.width = 0;
    }

    fn push_char(&mut self, c: char) {
        self.push(c.encode_utf8(&mut [0; 4]));
    }

    /// Adds `piece` (one character, or one escape) to the line, first
    /// folding it if the piece would take it past the limit.
    fn push(&mut self, piece: &str) {
        if self.width + piece.len() > LINE_OCTETS {
            self.out.push_str("\r\n ");
            self.width = 1;
        }
        self.out.push_str(piece);
        self.width += piece.len();
    }
}

/// What every event of one export shares: the plan's part of the UIDs, and
/// the time stamp.
struct Ids {
    plan_key: String,
    stamp: String,
}

/// The part of every UID that tells this person's plan from another's.
fn plan_key(owner: &str) -> String {
    format!(
        "{:08x}",
        crate::io::content_hash(name_key(owner).as_bytes()) & 0xffff_ffff
    )
}

fn milestone_event(ics: &mut Ics, goal: &Goal, m: &Milestone, ids: &Ids) {
    let Some(on) = m.done.or(m.due) else {
        return;
    };
    let summary = match m.done {
        Some(_) => format!("Milestone done: {}", m.title.trim()),
        None => format!("Milestone: {}", m.title.trim()),
    };
    let mut lines = vec![format!("Goal: {}", goal.title.trim())];
    match (m.due, m.done) {
        (Some(due), Some(done)) => lines.push(format!("Due {}, done {}.", day(due), day(done))),
        (Some(due), None) => lines.push(format!("Due {}.", day(due))),
        (None, _) => {}
    }
    if !m.evidence.trim().is_empty() {
        lines.push(format!("Evidence: {}", m.evidence.trim()));
    }
    let link = Some(m.link.trim()).filter(|l| is_safe_link(l));
    all_day(
        ics,
        ids,
        &format!("milestone-{}", m.id.0),
        on,
        &summary,
        &lines.join("\n"),
        link,
    );
}

fn goal_event(ics: &mut Ics, goal: &Goal, ids: &Ids) {
    let Some(due) = goal.due else {
        return;
    };
    let status = match goal.status {
        GoalStatus::Done => " (done)",
        GoalStatus::Dropped => " (dropped)",
        GoalStatus::Planned | GoalStatus::Active => "",
    };
    let mut lines = vec![format!("{} goal.", goal.kind.label())];
    if !goal.why.trim().is_empty() {
        lines.push(format!("Why: {}", goal.why.trim()));
    }
    all_day(
        ics,
        ids,
        &format!("goal-{}-due", goal.id.0),
        due,
        &format!("Goal due: {}{status}", goal.title.trim()),
        &lines.join("\n"),
        None,
    );
}

/// An all-day event on `on` for the item `item` ("milestone-7"): it ends
/// (exclusively) the next day, and is shown as free time, since a due date
/// does not block a day.
fn all_day(
    ics: &mut Ics,
    ids: &Ids,
    item: &str,
    on: Date,
    summary: &str,
    description: &str,
    link: Option<&str>,
) {
    let date = |d: Date| d.strftime("%Y%m%d").to_string();
    ics.plain("BEGIN", "VEVENT");
    ics.plain("UID", &format!("{item}.{}@stepstone", ids.plan_key));
    ics.plain("DTSTAMP", &ids.stamp);
    ics.plain("DTSTART;VALUE=DATE", &date(on));
    ics.plain("DTEND;VALUE=DATE", &date(on.tomorrow().unwrap_or(on)));
    ics.text("SUMMARY", summary);
    ics.text("DESCRIPTION", description);
    if let Some(link) = link {
        ics.uri("URL", link);
    }
    ics.plain("TRANSP", "TRANSPARENT");
    ics.plain("END", "VEVENT");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(write: impl FnOnce(&mut Ics)) -> String {
        let mut ics = Ics::default();
        write(&mut ics);
        ics.out
    }

    #[test]
    fn no_character_in_a_value_can_start_a_line() {
        assert_eq!(
            lines(|i| i.text("SUMMARY", "a\r\nb\rc\nd\u{7}e\tf;g,h\\")),
            "SUMMARY:a\\nb\\nc\\nde f\\;g\\,h\\\\\r\n"
        );
        assert_eq!(
            lines(|i| i.uri("URL", "https://x.example/a b\r\nATTACH:y\u{85}")),
            "URL:https://x.example/a%20b%0D%0AATTACH:y%C2%85\r\n"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let text = lines(|i| i.text("SUMMARY", &"\u{e9}\u{1f4c5},".repeat(40)));
        for line in text.trim_end().split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = text.replace("\r\n ", "");
        assert_eq!(
            unfolded,
            format!("SUMMARY:{}\r\n", "\u{e9}\u{1f4c5}\\,".repeat(40))
        );
    }

    #[test]
    fn the_plan_key_follows_the_owner_however_typed() {
        assert_eq!(plan_key("Zoë Ångström"), plan_key(" zoë ångström "));
        assert_ne!(plan_key("Zoë Ångström"), plan_key("Talia Brennan"));
        assert_eq!(plan_key("x").len(), 8);
    }
}
