//! Log entries another program added to a plan's file (`stepstone log` from a
//! terminal while the app is open), and how to take them in.

use super::{Edit, EntryId, Item, LogEntry, Plan, next_id};

impl Plan {
    /// The entries `disk` added at the end of `base`'s log, when that is the
    /// only difference between them; `None` if anything else changed.
    pub fn appended_since<'a>(base: &Plan, disk: &'a Plan) -> Option<&'a [LogEntry]> {
        let Plan {
            owner,
            purpose,
            level_names,
            roles,
            skills,
            goals,
            people,
            reviews,
            log,
        } = base;
        let same_head = *owner == disk.owner
            && *purpose == disk.purpose
            && *level_names == disk.level_names
            && *roles == disk.roles
            && *skills == disk.skills
            && *goals == disk.goals
            && *people == disk.people
            && *reviews == disk.reviews;
        (same_head && disk.log.len() >= log.len() && disk.log[..log.len()] == log[..])
            .then(|| &disk.log[log.len()..])
    }

    /// The edit that adds `entries` to this plan's log as one undo step,
    /// each with a new id where its own is already taken.
    pub fn take_in(&self, entries: &[LogEntry]) -> Edit {
        let mut taken: Vec<u32> = self.log.iter().map(|e| e.id.0).collect();
        let mut sorted = taken.clone();
        sorted.sort_unstable();
        let edits = entries
            .iter()
            .map(|e| {
                let mut e = e.clone();
                if sorted.binary_search(&e.id.0).is_ok()
                    || taken[self.log.len()..].contains(&e.id.0)
                {
                    e.id = EntryId(next_id(taken.iter().copied()));
                }
                taken.push(e.id.0);
                Edit::Put(Item::Entry(e))
            })
            .collect();
        Edit::Batch(edits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ExperienceKind;
    use jiff::civil::date;

    fn entry(id: u32, text: &str) -> LogEntry {
        LogEntry::new(
            EntryId(id),
            date(2026, 6, 1),
            30,
            ExperienceKind::Learning,
            text,
        )
    }

    #[test]
    fn only_entries_added_at_the_end_count_as_appended() {
        let base = Plan {
            log: vec![entry(1, "a"), entry(2, "b")],
            ..Plan::default()
        };
        let mut disk = base.clone();
        disk.log.push(entry(3, "from the terminal"));
        assert_eq!(
            Plan::appended_since(&base, &disk).map(<[LogEntry]>::len),
            Some(1)
        );
        assert_eq!(
            Plan::appended_since(&base, &base).map(<[LogEntry]>::len),
            Some(0)
        );

        let mut edited = disk.clone();
        edited.log[0].text = "changed".into();
        assert_eq!(Plan::appended_since(&base, &edited), None);
        let mut renamed = disk.clone();
        renamed.owner = "Someone else".into();
        assert_eq!(Plan::appended_since(&base, &renamed), None);
        let mut shorter = base.clone();
        shorter.log.pop();
        assert_eq!(Plan::appended_since(&base, &shorter), None);
    }

    #[test]
    fn taken_in_entries_get_new_ids_only_when_theirs_are_used() {
        let mut ours = Plan {
            log: vec![
                entry(1, "a"),
                entry(2, "b"),
                entry(3, "mine, logged in the app"),
            ],
            ..Plan::default()
        };
        let theirs = [entry(3, "from the terminal"), entry(4, "another")];
        let edit = ours.take_in(&theirs);
        ours.apply(edit).expect("applies");
        let ids: Vec<u32> = ours.log.iter().map(|e| e.id.0).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        assert_eq!(ours.log[3].text, "from the terminal");
    }
}
