//! Log entries another program added to a plan's file (`stepstone log` from a
//! terminal while the app is open), and how to take them in.

use super::{Edit, EntryId, Item, LogEntry, Plan, next_id};
use std::hash::{Hash, Hasher};

/// What a plan's file held when it was read or written, kept to tell later
/// which log entries another program appended: the plan without its log,
/// and the log's length and fingerprint. Much smaller than the plan.
#[derive(Clone, Debug)]
pub struct Base {
    head: Plan,
    log_len: usize,
    log_hash: u64,
}

impl Base {
    pub fn of(plan: &Plan) -> Self {
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
        } = plan;
        Self {
            head: Plan {
                owner: owner.clone(),
                purpose: purpose.clone(),
                level_names: level_names.clone(),
                roles: roles.clone(),
                skills: skills.clone(),
                goals: goals.clone(),
                people: people.clone(),
                reviews: reviews.clone(),
                log: Vec::new(),
            },
            log_len: log.len(),
            log_hash: fingerprint(log),
        }
    }

    /// The entries `disk` added at the end of the log, when that is the only
    /// difference from this base; `None` if anything else changed.
    pub fn appended<'a>(&self, disk: &'a Plan) -> Option<&'a [LogEntry]> {
        let h = &self.head;
        let same_head = h.owner == disk.owner
            && h.purpose == disk.purpose
            && h.level_names == disk.level_names
            && h.roles == disk.roles
            && h.skills == disk.skills
            && h.goals == disk.goals
            && h.people == disk.people
            && h.reviews == disk.reviews;
        let (kept, added) = disk.log.split_at_checked(self.log_len)?;
        (same_head && fingerprint(kept) == self.log_hash).then_some(added)
    }
}

/// A fast 64-bit fingerprint of log entries (`FxHash`); only compared with
/// another fingerprint of entries of the same plan.
fn fingerprint(log: &[LogEntry]) -> u64 {
    struct Fx(u64);
    impl Hasher for Fx {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            let mut words = bytes.chunks_exact(8);
            for w in &mut words {
                let mut word = [0u8; 8];
                word.copy_from_slice(w);
                self.write_u64(u64::from_le_bytes(word));
            }
            for &b in words.remainder() {
                self.write_u64(u64::from(b));
            }
        }
        fn write_u8(&mut self, n: u8) {
            self.write_u64(u64::from(n));
        }
        fn write_u32(&mut self, n: u32) {
            self.write_u64(u64::from(n));
        }
        fn write_u64(&mut self, n: u64) {
            self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        fn write_usize(&mut self, n: usize) {
            self.write_u64(n as u64);
        }
    }
    let mut h = Fx(0);
    log.hash(&mut h);
    h.finish()
}

impl Plan {
    /// The edit that adds `entries` to this plan's log as one undo step,
    /// each with a new id where its own is already taken.
    /// `None` if an entry links to a skill, goal or person this plan does not
    /// have (deleted here meanwhile): taking it in would make a broken link.
    pub fn take_in(&self, entries: &[LogEntry]) -> Option<Edit> {
        let links_hold = entries.iter().all(|e| {
            e.skills.iter().all(|&id| self.skill(id).is_some())
                && e.goals.iter().all(|&id| self.goal(id).is_some())
                && e.people.iter().all(|&id| self.person(id).is_some())
        });
        if !links_hold {
            return None;
        }
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
        Some(Edit::Batch(edits))
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
        let fingerprint = Base::of(&base);
        assert_eq!(fingerprint.appended(&disk).map(<[LogEntry]>::len), Some(1));
        assert_eq!(fingerprint.appended(&base).map(<[LogEntry]>::len), Some(0));

        let mut edited = disk.clone();
        edited.log[0].text = "changed".into();
        assert_eq!(fingerprint.appended(&edited), None);
        let mut renamed = disk.clone();
        renamed.owner = "Someone else".into();
        assert_eq!(fingerprint.appended(&renamed), None);
        let mut shorter = base.clone();
        shorter.log.pop();
        assert_eq!(fingerprint.appended(&shorter), None);
        let mut linked = disk.clone();
        linked.log[1].skills.push(crate::model::SkillId(4));
        assert_eq!(
            fingerprint.appended(&linked),
            None,
            "a link added to an old entry"
        );
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
        let edit = ours.take_in(&theirs).expect("no broken links");
        ours.apply(edit).expect("applies");
        let ids: Vec<u32> = ours.log.iter().map(|e| e.id.0).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        assert_eq!(ours.log[3].text, "from the terminal");

        let mut linked = entry(9, "about a skill deleted here");
        linked.skills.push(crate::model::SkillId(1));
        assert!(
            ours.take_in(&[linked]).is_none(),
            "a broken link is no merge"
        );
    }
}
