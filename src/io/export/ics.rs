//! Milestones and goal due dates as an iCalendar file (RFC 5545) that
//! calendar apps import: one all-day event each. `icalendar` writes the
//! lines (CRLF, folded at 75 octets, text escaped).
//!
//! Each event's UID comes from its item's id and the plan's owner, so
//! importing a later export updates the same events instead of adding
//! copies, and two people's plans in one calendar never share a UID.

use super::day;
use crate::model::{Goal, GoalStatus, Milestone, Plan, is_safe_link, name_key};
use icalendar::{Calendar, Component, Event, Property};
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
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//Stepstone//Career plan//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"));
    for key in ["NAME", "X-WR-CALNAME"] {
        calendar.append_property(text(key, &name));
    }
    let ids = Ids {
        plan_key: plan_key(owner),
        stamp: format!("{}T000000Z", today.strftime("%Y%m%d")),
    };
    for goal in &plan.goals {
        for m in goal.milestones_by_date() {
            calendar.extend(milestone_event(goal, m, &ids));
        }
        calendar.extend(goal_event(goal, &ids));
    }
    calendar.to_string()
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

fn milestone_event(goal: &Goal, m: &Milestone, ids: &Ids) -> Option<Event> {
    let on = m.done.or(m.due)?;
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
    let mut event = all_day(
        ids,
        &format!("milestone-{}", m.id.0),
        on,
        &summary,
        &lines.join("\n"),
    );
    let link = m.link.trim();
    if !link.is_empty() && is_safe_link(link) {
        event.url(link);
    }
    Some(event)
}

fn goal_event(goal: &Goal, ids: &Ids) -> Option<Event> {
    let due = goal.due?;
    let status = match goal.status {
        GoalStatus::Done => " (done)",
        GoalStatus::Dropped => " (dropped)",
        GoalStatus::Planned | GoalStatus::Active => "",
    };
    let mut lines = vec![format!("{} goal.", goal.kind.label())];
    if !goal.why.trim().is_empty() {
        lines.push(format!("Why: {}", goal.why.trim()));
    }
    Some(all_day(
        ids,
        &format!("goal-{}-due", goal.id.0),
        due,
        &format!("Goal due: {}{status}", goal.title.trim()),
        &lines.join("\n"),
    ))
}

/// An all-day event on `on` for the item `item` ("milestone-7"): it ends
/// (exclusively) the next day, and is shown as free time, since a due date
/// does not block a day.
fn all_day(ids: &Ids, item: &str, on: Date, summary: &str, description: &str) -> Event {
    let date = |key: &str, d: Date| {
        Property::new(key, d.strftime("%Y%m%d").to_string())
            .add_parameter("VALUE", "DATE")
            .done()
    };
    let mut event = Event::new();
    event
        .uid(&format!("{item}.{}@stepstone", ids.plan_key))
        .add_property("DTSTAMP", &ids.stamp)
        .summary(&clean(summary))
        .description(&clean(description))
        .append_property(date("DTSTART", on))
        .append_property(date("DTEND", on.tomorrow().unwrap_or(on)))
        .add_property("TRANSP", "TRANSPARENT");
    event
}

/// A text property, escaped as text (`VALUE=TEXT` is the default type, so
/// it changes nothing for readers).
fn text(key: &str, value: &str) -> Property {
    Property::new(key, clean(value))
        .add_parameter("VALUE", "TEXT")
        .done()
}

/// Plan text with every line end as `\n` (which the writer escapes) and no
/// other control characters, which would break the file's lines.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_cannot_break_a_line() {
        assert_eq!(clean("a\r\nb\rc\u{7}d\te"), "a\nb\ncde");
    }

    #[test]
    fn the_plan_key_follows_the_owner_however_typed() {
        assert_eq!(plan_key("Zoë Ångström"), plan_key(" zoë ångström "));
        assert_ne!(plan_key("Zoë Ångström"), plan_key("Talia Brennan"));
        assert_eq!(plan_key("x").len(), 8);
    }
}
