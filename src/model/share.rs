//! A copy of a plan to share with a mentor or a manager, without what the
//! person wrote for themselves.
//!
//! Left out unless kept on purpose ([`Private`]): the purpose (the
//! person's why), the text of log entries, how days felt (energy and
//! "remembered my why"), review answers, notes on people and roles, the why
//! of each goal, and evidence (what backs a skill level or a milestone, and
//! milestone links, which can carry secret tokens). Everything else stays
//! ([`ALWAYS_KEPT`]): names, titles and the plan's structure, and the
//! numbers (each entry keeps its date, minutes, kind and links), so every
//! total and plot reads the same in the copy.

use super::plan::{Plan, plural};

/// What a log entry's text becomes in a shared copy: it says something was
/// written, not what.
pub const PRIVATE_TEXT: &str = "(private)";

/// What every shared copy keeps, in words for the dialog and the summary.
pub const ALWAYS_KEPT: &str = "your name; roles with their titles, organisations, stages, \
     dates, what they teach and require; skills with their names, categories, levels and \
     targets; goals and milestones with their titles, kinds, status, dates and measures; \
     people with their names, relations, organisations and last contact; the level names; \
     when each review was; and each log entry's day, minutes, kind and links";

/// A kind of private text, left out of a shared copy unless kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Private {
    /// What each log entry says was done.
    LogText,
    /// A log entry's energy (1 to 5) and its "remembered my why" flag.
    Feelings,
    /// The answers written in weekly and monthly reviews.
    Reviews,
    /// Notes on people and on roles.
    Notes,
    /// The plan's purpose: the person's "why", line by line.
    Purpose,
    /// Why each goal matters to the person.
    GoalWhys,
    /// What backs a skill level or a milestone (the evidence written for
    /// it) and milestone links, which can carry secret tokens.
    Evidence,
}

impl Private {
    /// Every kind, in the order the dialog and the summary list them.
    pub const ALL: [Private; 7] = [
        Private::Purpose,
        Private::LogText,
        Private::Feelings,
        Private::Reviews,
        Private::Notes,
        Private::GoalWhys,
        Private::Evidence,
    ];

    /// A short name, used after "Keep" in the dialog.
    pub fn label(self) -> &'static str {
        match self {
            Private::LogText => "what you wrote in the log",
            Private::Feelings => "how your days felt",
            Private::Reviews => "your review answers",
            Private::Notes => "notes on people and roles",
            Private::Purpose => "your purpose (your why)",
            Private::GoalWhys => "the why of each goal",
            Private::Evidence => "evidence for levels and milestones, and milestone links",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The kinds of private text a person chose to keep in a shared copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keep(u8);

impl Keep {
    /// Keeps nothing private: the default.
    pub const NOTHING: Keep = Keep(0);

    pub fn contains(self, kind: Private) -> bool {
        self.0 & kind.bit() != 0
    }

    pub fn set(&mut self, kind: Private, keep: bool) {
        if keep {
            self.0 |= kind.bit();
        } else {
            self.0 &= !kind.bit();
        }
    }
}

impl FromIterator<Private> for Keep {
    fn from_iter<T: IntoIterator<Item = Private>>(kinds: T) -> Self {
        let mut keep = Keep::NOTHING;
        for kind in kinds {
            keep.set(kind, true);
        }
        keep
    }
}

/// How much private text of each kind a plan holds: what a shared copy
/// leaves out unless it is kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrivateCounts {
    /// Log entries with text (other than [`PRIVATE_TEXT`]).
    pub log_text: usize,
    /// Log entries with an energy or "remembered my why".
    pub feelings: usize,
    /// Reviews with at least one answer.
    pub reviews: usize,
    /// People with notes.
    pub people_notes: usize,
    /// Roles with notes.
    pub role_notes: usize,
    /// Lines of the purpose.
    pub purpose: usize,
    /// Goals with a why.
    pub goal_whys: usize,
    /// Skill level changes with evidence.
    pub level_evidence: usize,
    /// Milestones with evidence.
    pub milestone_evidence: usize,
    /// Milestones with a link.
    pub milestone_links: usize,
}

impl PrivateCounts {
    /// Whether the plan holds any text of this kind.
    pub fn any(&self, kind: Private) -> bool {
        match kind {
            Private::LogText => self.log_text > 0,
            Private::Feelings => self.feelings > 0,
            Private::Reviews => self.reviews > 0,
            Private::Notes => self.people_notes + self.role_notes > 0,
            Private::Purpose => self.purpose > 0,
            Private::GoalWhys => self.goal_whys > 0,
            Private::Evidence => {
                self.level_evidence + self.milestone_evidence + self.milestone_links > 0
            }
        }
    }

    /// What a kind holds, in words: "the text of 3 log entries".
    pub fn describe(&self, kind: Private) -> String {
        match kind {
            Private::LogText => format!("the text of {}", plural(self.log_text, "log entry")),
            Private::Feelings => format!(
                "energy and \u{201c}remembered my why\u{201d} on {}",
                plural(self.feelings, "log entry")
            ),
            Private::Reviews => format!("the answers in {}", plural(self.reviews, "review")),
            Private::Notes => match (self.people_notes, self.role_notes) {
                (p, 0) => format!("notes on {}", plural(p, "person")),
                (0, r) => format!("notes on {}", plural(r, "role")),
                (p, r) => format!("notes on {} and {}", plural(p, "person"), plural(r, "role")),
            },
            Private::Purpose => format!("your purpose ({})", plural(self.purpose, "line")),
            Private::GoalWhys => format!("the why of {}", plural(self.goal_whys, "goal")),
            Private::Evidence => self.describe_evidence(),
        }
    }

    /// "evidence for 2 skill levels and 1 milestone, and the links of 3
    /// milestones".
    fn describe_evidence(&self) -> String {
        let backed: Vec<String> = [
            (self.level_evidence, "skill level"),
            (self.milestone_evidence, "milestone"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| plural(n, what))
        .collect();
        let evidence =
            (!backed.is_empty()).then(|| format!("evidence for {}", backed.join(" and ")));
        let links = (self.milestone_links > 0)
            .then(|| format!("the links of {}", plural(self.milestone_links, "milestone")));
        match (evidence, links) {
            (Some(e), Some(l)) => format!("{e}, and {l}"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => "no evidence or links".into(),
        }
    }

    /// One line on what a copy that keeps `keep` leaves out, or `None`
    /// when it leaves out nothing.
    fn left_out(&self, keep: Keep) -> Option<String> {
        self.describe_each(Private::ALL.into_iter().filter(|k| !keep.contains(*k)))
    }

    /// One line on the private text such a copy keeps, or `None`.
    fn kept(&self, keep: Keep) -> Option<String> {
        self.describe_each(Private::ALL.into_iter().filter(|k| keep.contains(*k)))
    }

    /// What a copy that keeps `keep` left out and what it kept as asked:
    /// the words both the command line and the app show afterwards (the
    /// command line adds what every copy keeps, [`ALWAYS_KEPT`]).
    pub fn summary(&self, keep: Keep) -> String {
        let left = match self.left_out(keep) {
            Some(left) => format!("Left out: {left}."),
            None => "Nothing private was left out: the plan has none of the kinds not kept.".into(),
        };
        let kept = self
            .kept(keep)
            .map(|kept| format!(" Kept, as asked: {kept}."))
            .unwrap_or_default();
        format!("{left}{kept}")
    }

    fn describe_each(&self, kinds: impl Iterator<Item = Private>) -> Option<String> {
        let parts: Vec<String> = kinds
            .filter(|k| self.any(*k))
            .map(|k| self.describe(k))
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

impl Plan {
    /// How much private text of each kind the plan holds.
    pub fn private_counts(&self) -> PrivateCounts {
        let milestones = || self.goals.iter().flat_map(|g| &g.milestones);
        PrivateCounts {
            log_text: self
                .log
                .iter()
                .filter(|e| !e.text.is_empty() && e.text != PRIVATE_TEXT)
                .count(),
            feelings: self
                .log
                .iter()
                .filter(|e| e.energy.is_some() || e.remembered_why)
                .count(),
            reviews: self
                .reviews
                .iter()
                .filter(|r| {
                    [
                        &r.learned,
                        &r.helped,
                        &r.beyond_role,
                        &r.moved_toward,
                        &r.in_the_way,
                        &r.focus_next,
                    ]
                    .iter()
                    .any(|a| !a.is_empty())
                })
                .count(),
            people_notes: self.people.iter().filter(|p| !p.notes.is_empty()).count(),
            role_notes: self.roles.iter().filter(|r| !r.notes.is_empty()).count(),
            purpose: self.purpose.iter().filter(|l| !l.is_empty()).count(),
            goal_whys: self.goals.iter().filter(|g| !g.why.is_empty()).count(),
            level_evidence: self
                .skills
                .iter()
                .flat_map(|s| &s.history)
                .filter(|c| !c.evidence.is_empty())
                .count(),
            milestone_evidence: milestones().filter(|m| !m.evidence.is_empty()).count(),
            milestone_links: milestones().filter(|m| !m.link.is_empty()).count(),
        }
    }

    /// A copy to share: the private text of every kind not in `keep` left
    /// out. Items, ids, links between items, dates and numbers stay as they
    /// are, so the copy is valid whenever the plan is. A log entry's text
    /// becomes [`PRIVATE_TEXT`]; other private text is emptied (a milestone
    /// link too: an empty link is valid, unlike a made-up one).
    #[must_use]
    pub fn share_copy(&self, keep: Keep) -> Plan {
        let mut copy = self.clone();
        if !keep.contains(Private::LogText) {
            for e in &mut copy.log {
                if !e.text.is_empty() {
                    PRIVATE_TEXT.clone_into(&mut e.text);
                }
            }
        }
        if !keep.contains(Private::Feelings) {
            for e in &mut copy.log {
                e.energy = None;
                e.remembered_why = false;
            }
        }
        if !keep.contains(Private::Reviews) {
            for r in &mut copy.reviews {
                // Only the period stays: a field added to reviews later is
                // left out too until it is known to be safe to share.
                *r = super::plan::Review::new(r.id, r.period, r.start);
            }
        }
        if !keep.contains(Private::Notes) {
            for p in &mut copy.people {
                p.notes.clear();
            }
            for r in &mut copy.roles {
                r.notes.clear();
            }
        }
        if !keep.contains(Private::Purpose) {
            copy.purpose.clear();
        }
        if !keep.contains(Private::GoalWhys) {
            for g in &mut copy.goals {
                g.why.clear();
            }
        }
        if !keep.contains(Private::Evidence) {
            for c in copy.skills.iter_mut().flat_map(|s| &mut s.history) {
                c.evidence.clear();
            }
            for m in copy.goals.iter_mut().flat_map(|g| &mut g.milestones) {
                m.evidence.clear();
                m.link.clear();
            }
        }
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        EntryId, ExperienceKind, Goal, GoalId, GoalKind, LevelChange, LogEntry, Milestone,
        MilestoneId, Period, Person, PersonId, Relation, Review, ReviewId, Role, RoleId, Skill,
        SkillId, Stage,
    };
    use jiff::civil::date;

    /// A plan with one private string of each kind, and public text beside it.
    fn plan() -> Plan {
        let mut role = Role::new(RoleId(1), "Charge nurse", Stage::Current);
        role.notes = "secret role note".into();
        let mut skill = Skill::new(SkillId(1), "Triage");
        skill.history.push(LevelChange {
            date: date(2026, 1, 5),
            level: crate::model::Level(3),
            evidence: "secret level evidence".into(),
        });
        let mut goal = Goal::new(GoalId(1), "Lead a drill", GoalKind::BeyondDuty);
        goal.why = "secret goal why".into();
        let mut milestone = Milestone::new(MilestoneId(1), "Drill planned");
        milestone.evidence = "secret milestone evidence".into();
        milestone.link = "https://drive.example/d?token=secret-link".into();
        goal.milestones = vec![milestone, Milestone::new(MilestoneId(2), "Drill held")];
        let mut person = Person::new(PersonId(1), "Sam", Relation::Mentor);
        person.notes = "secret person note".into();
        let mut review = Review::new(ReviewId(1), Period::Week, date(2026, 3, 2));
        review.in_the_way = "secret review answer".into();
        let mut tough = LogEntry::new(
            EntryId(1),
            date(2026, 3, 3),
            45,
            ExperienceKind::Mentoring,
            "secret entry text",
        );
        tough.skills = vec![SkillId(1)];
        tough.goals = vec![GoalId(1)];
        tough.people = vec![PersonId(1)];
        tough.energy = Some(1);
        tough.remembered_why = true;
        let blank = LogEntry::new(
            EntryId(2),
            date(2026, 3, 4),
            20,
            ExperienceKind::Routine,
            "",
        );
        Plan {
            owner: "Alex".into(),
            purpose: vec!["secret purpose".into(), String::new()],
            roles: vec![role],
            skills: vec![skill],
            goals: vec![goal],
            people: vec![person, Person::new(PersonId(2), "Kim", Relation::Colleague)],
            reviews: vec![review],
            log: vec![tough, blank],
            ..Plan::default()
        }
    }

    const SECRETS: [(Private, &str); 10] = [
        (Private::LogText, "secret entry text"),
        (Private::Reviews, "secret review answer"),
        (Private::Notes, "secret person note"),
        (Private::Notes, "secret role note"),
        (Private::Feelings, "energy"),
        (Private::Purpose, "secret purpose"),
        (Private::GoalWhys, "secret goal why"),
        (Private::Evidence, "secret level evidence"),
        (Private::Evidence, "secret milestone evidence"),
        (Private::Evidence, "secret-link"),
    ];

    /// Whether the copy still holds a secret (the feelings, as values).
    fn holds(copy: &Plan, secret: &str) -> bool {
        if secret == "energy" {
            return copy.log[0].energy == Some(1) && copy.log[0].remembered_why;
        }
        format!("{copy:?}").contains(secret)
    }

    #[test]
    fn the_default_copy_leaves_out_every_private_text_and_keeps_the_rest() {
        let original = plan();
        let copy = original.share_copy(Keep::NOTHING);
        for (_, secret) in SECRETS {
            assert!(!holds(&copy, secret), "{secret} is still in the copy");
        }
        assert!(copy.validate().is_empty(), "{:?}", copy.validate());
        // The entry says something was written; the empty one stays empty.
        assert_eq!(copy.log[0].text, PRIVATE_TEXT);
        assert_eq!(copy.log[1].text, "");
        // Everything but the private text is as it was.
        let mut back = copy.clone();
        back.log[0].text.clone_from(&original.log[0].text);
        back.log[0].energy = Some(1);
        back.log[0].remembered_why = true;
        back.reviews.clone_from(&original.reviews);
        back.people[0].notes.clone_from(&original.people[0].notes);
        back.roles[0].notes.clone_from(&original.roles[0].notes);
        back.purpose.clone_from(&original.purpose);
        back.goals[0].why.clone_from(&original.goals[0].why);
        back.skills[0].history[0]
            .evidence
            .clone_from(&original.skills[0].history[0].evidence);
        back.goals[0].milestones[0]
            .evidence
            .clone_from(&original.goals[0].milestones[0].evidence);
        back.goals[0].milestones[0]
            .link
            .clone_from(&original.goals[0].milestones[0].link);
        assert_eq!(back, original);
        // The review itself stays, with its period: only the answers go.
        assert_eq!(copy.reviews.len(), 1);
        assert_eq!(copy.reviews[0].start, date(2026, 3, 2));
    }

    #[test]
    fn each_kind_kept_keeps_exactly_its_own_text() {
        let original = plan();
        for kind in Private::ALL {
            let copy = original.share_copy([kind].into_iter().collect());
            for (k, secret) in SECRETS {
                assert_eq!(
                    holds(&copy, secret),
                    k == kind,
                    "keeping {kind:?}: {secret}"
                );
            }
        }
        let all: Keep = Private::ALL.into_iter().collect();
        assert_eq!(original.share_copy(all), original);
    }

    #[test]
    fn counts_say_what_is_left_out_and_a_copy_has_none_left() {
        let original = plan();
        let counts = original.private_counts();
        assert_eq!(
            counts,
            PrivateCounts {
                log_text: 1,
                feelings: 1,
                reviews: 1,
                people_notes: 1,
                role_notes: 1,
                purpose: 1,
                goal_whys: 1,
                level_evidence: 1,
                milestone_evidence: 1,
                milestone_links: 1,
            }
        );
        assert_eq!(
            counts.left_out(Keep::NOTHING).as_deref(),
            Some(
                "your purpose (1 line); the text of 1 log entry; energy and \u{201c}remembered \
                 my why\u{201d} on 1 log entry; the answers in 1 review; notes on 1 person and \
                 1 role; the why of 1 goal; evidence for 1 skill level and 1 milestone, and the \
                 links of 1 milestone"
            )
        );
        let keep: Keep = [
            Private::Purpose,
            Private::LogText,
            Private::Feelings,
            Private::Reviews,
            Private::GoalWhys,
            Private::Evidence,
        ]
        .into_iter()
        .collect();
        assert_eq!(
            counts.left_out(keep).as_deref(),
            Some("notes on 1 person and 1 role")
        );
        let links_only = PrivateCounts {
            milestone_links: 2,
            ..PrivateCounts::default()
        };
        assert_eq!(
            links_only.describe(Private::Evidence),
            "the links of 2 milestones"
        );
        assert_eq!(
            counts
                .kept([Private::Reviews].into_iter().collect())
                .as_deref(),
            Some("the answers in 1 review")
        );
        assert_eq!(counts.kept(Keep::NOTHING), None);
        assert_eq!(
            counts.summary(
                [
                    Private::LogText,
                    Private::Feelings,
                    Private::Notes,
                    Private::Purpose,
                    Private::Evidence
                ]
                .into_iter()
                .collect()
            ),
            "Left out: the answers in 1 review; the why of 1 goal. Kept, as asked: your \
             purpose (1 line); the text of 1 log entry; energy and \u{201c}remembered my \
             why\u{201d} on 1 log entry; notes on 1 person and 1 role; evidence for 1 skill \
             level and 1 milestone, and the links of 1 milestone."
        );
        // Sharing a shared copy again leaves nothing more out.
        let copy = original.share_copy(Keep::NOTHING);
        assert_eq!(copy.private_counts(), PrivateCounts::default());
        assert_eq!(
            copy.private_counts().summary(Keep::NOTHING),
            "Nothing private was left out: the plan has none of the kinds not kept."
        );
    }

    #[test]
    fn keep_sets_and_clears_each_kind() {
        let mut keep = Keep::NOTHING;
        keep.set(Private::Reviews, true);
        keep.set(Private::Notes, true);
        keep.set(Private::Reviews, false);
        let kept: Vec<Private> = Private::ALL
            .into_iter()
            .filter(|k| keep.contains(*k))
            .collect();
        assert_eq!(kept, [Private::Notes]);
    }
}
