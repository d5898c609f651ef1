//! What the Markdown and HTML reports say, gathered once from the plan and
//! the model's numbers; `md.rs` and `html.rs` only lay it out. Texts here
//! are plain: each renderer escapes them its own way.

use super::{day, level};
use crate::model::insights::{GoalProgress, Insights, LogTotals, PaceStatus};
use crate::model::metrics::{self, Growth, PeriodSummary};
use crate::model::{
    Goal, GoalStatus, LogIndex, Milestone, Plan, Role, Skill, Stage, is_safe_link, levels_to_go,
    plural, skill_gaps,
};
use jiff::ToSpan;
use jiff::civil::Date;

/// Everything a report shows.
pub(super) struct Report<'a> {
    pub plan: &'a Plan,
    pub today: Date,
    pub insights: Insights,
    /// The role worked toward now (see `metrics::next_role`).
    pub next: Option<&'a Role>,
    /// Past, current, next, long-term, then options; by date within each.
    pub roles: Vec<&'a Role>,
    /// The first day of "recent": three months back.
    pub since: Date,
    pub growth: Growth,
    pub recent: PeriodSummary,
}

/// A skill's row in the skills table.
pub(super) struct SkillRow<'a> {
    pub skill: &'a Skill,
    /// "3 (practising)".
    pub now: String,
    /// "4 (proficient) by 31 Mar 2027", or "".
    pub target: String,
    /// What the next role asks for, or "" if it does not.
    pub needed: String,
    /// "1 level to go", "met", or "".
    pub gap: String,
}

/// A goal with its progress and milestones.
pub(super) struct GoalRow<'a> {
    pub goal: &'a Goal,
    /// "Learning · Active · due 18 Dec 2026".
    pub facts: String,
    /// "21 h 30 min of 35 h", or "".
    pub progress: String,
    /// For an open goal with a pace line: "On track", "Behind", "At risk".
    pub pace: Option<&'static str>,
    /// "At the last 4 weeks' rate, reached about 2 Jan 2027.", or "".
    pub projected: String,
    pub milestones: Vec<MilestoneRow<'a>>,
}

/// A milestone, done or not.
pub(super) struct MilestoneRow<'a> {
    pub milestone: &'a Milestone,
    pub done: bool,
    /// "done 19 Jun 2026", "due 29 Jan 2027", "overdue since 1 Nov 2026", or "".
    pub when: String,
    /// The evidence link, only when it is safe to follow (http, https, mailto).
    pub link: Option<&'a str>,
}

impl<'a> MilestoneRow<'a> {
    /// What follows the milestone's title: its evidence's words (or
    /// "evidence" for a bare link) and the link to make of them, if any;
    /// `None` with neither. Each output language writes it in its own way.
    pub fn evidence(&self) -> Option<(&'a str, Option<&'a str>)> {
        let words = self.milestone.evidence.trim();
        match (words.is_empty(), self.link) {
            (true, None) => None,
            (true, Some(link)) => Some(("evidence", Some(link))),
            (false, link) => Some((words, link)),
        }
    }
}

impl<'a> Report<'a> {
    pub fn new(plan: &'a Plan, today: Date) -> Self {
        let totals = LogTotals::new(plan);
        let index = LogIndex::new(&plan.log);
        let since = recent_start(today);
        let mut roles: Vec<&Role> = plan.roles.iter().collect();
        roles.sort_by_key(|r| (r.stage, r.start.or(r.target_date).or(r.end)));
        Self {
            plan,
            today,
            insights: Insights::compute(plan, &totals, today),
            next: metrics::next_role(plan),
            roles,
            since,
            growth: metrics::growth(plan, &index, since, today),
            recent: metrics::summarise(plan, &index, since, today),
        }
    }

    /// "Talia Brennan's career plan", or "Career plan" without an owner.
    pub fn title(&self) -> String {
        match self.plan.owner.trim() {
            "" => "Career plan".to_string(),
            owner => format!("{owner}: career plan"),
        }
    }

    /// "Exported from Stepstone on 25 Nov 2026."
    pub fn byline(&self) -> String {
        format!("Exported from Stepstone on {}.", day(self.today))
    }

    /// A role's dates in words: "Aug 2014 to Sep 2019", "since Apr 2022",
    /// "target Jun 2027", or "".
    pub fn role_when(role: &Role) -> String {
        let month = |d: Date| d.strftime("%b %Y").to_string();
        match (role.stage, role.start, role.end, role.target_date) {
            (Stage::Past, Some(s), Some(e), _) => format!("{} to {}", month(s), month(e)),
            (Stage::Past, None, Some(e), _) => format!("until {}", month(e)),
            (Stage::Current, Some(s), _, _) | (Stage::Past, Some(s), None, _) => {
                format!("since {}", month(s))
            }
            (Stage::Next | Stage::LongTerm | Stage::Alternative, _, _, Some(t)) => {
                format!("target {}", month(t))
            }
            _ => String::new(),
        }
    }

    /// For a target role: "Ready 72% (5 of 8 required levels met). At this
    /// pace, ready by 3 Mar 2027." `None` for other roles.
    pub fn role_outlook(&self, role: &Role) -> Option<String> {
        let option = self.insights.options.iter().find(|o| o.role == role.id)?;
        let ready = option.readiness.map(|r| {
            format!(
                "Ready {:.0}% ({} of {} required levels met). ",
                r.score * 100.0,
                r.met,
                r.required
            )
        });
        let takes = option
            .forecast
            .what_it_takes()
            .map(|t| format!(" {t}"))
            .unwrap_or_default();
        Some(format!(
            "{}{}{takes}",
            ready.unwrap_or_default(),
            option.forecast.sentence()
        ))
    }

    /// Every skill, in plan order, with its gap to the next role.
    pub fn skill_rows(&self) -> Vec<SkillRow<'a>> {
        let gaps = self
            .next
            .map(|r| skill_gaps(self.plan, r, self.today))
            .unwrap_or_default();
        self.plan
            .skills
            .iter()
            .map(|s| {
                let need = self
                    .next
                    .and_then(|r| r.requires.iter().find(|q| q.skill == s.id));
                let gap = gaps.iter().find(|g| g.skill == s.id);
                SkillRow {
                    skill: s,
                    now: level(self.plan, s.current_level(self.today)),
                    target: s.target.map_or_else(String::new, |t| match t.by {
                        Some(by) => format!("{} by {}", level(self.plan, t.level), day(by)),
                        None => level(self.plan, t.level),
                    }),
                    needed: need.map_or_else(String::new, |q| level(self.plan, q.level)),
                    gap: match (need, gap) {
                        (Some(_), Some(g)) => {
                            levels_to_go(u32::from(g.need.0.saturating_sub(g.have.0)))
                        }
                        (Some(_), None) => "met".to_string(),
                        (None, _) => String::new(),
                    },
                }
            })
            .collect()
    }

    /// Every goal, in plan order, with its pace and milestones in date order.
    pub fn goal_rows(&self) -> Vec<GoalRow<'a>> {
        self.plan
            .goals
            .iter()
            .map(|g| {
                let progress = self.insights.goals.iter().find(|p| p.goal == g.id);
                let open = !matches!(g.status, GoalStatus::Done | GoalStatus::Dropped);
                let mut facts = vec![g.kind.label().to_string(), g.status.label().to_string()];
                facts.extend(g.due.map(|d| format!("due {}", day(d))));
                GoalRow {
                    goal: g,
                    facts: facts.join(" \u{b7} "),
                    progress: progress.map(GoalProgress::text).unwrap_or_default(),
                    pace: progress
                        .and_then(|p| p.status)
                        .filter(|_| open)
                        .map(PaceStatus::label),
                    projected: progress
                        .filter(|_| open)
                        .map(GoalProgress::projection_text)
                        .unwrap_or_default(),
                    milestones: g
                        .milestones_by_date()
                        .into_iter()
                        .map(|m| self.milestone_row(m))
                        .collect(),
                }
            })
            .collect()
    }

    fn milestone_row(&self, m: &'a Milestone) -> MilestoneRow<'a> {
        let when = match (m.done, m.due) {
            (Some(d), _) => format!("done {}", day(d)),
            (None, Some(d)) if d < self.today => format!("overdue since {}", day(d)),
            (None, Some(d)) => format!("due {}", day(d)),
            (None, None) => String::new(),
        };
        MilestoneRow {
            milestone: m,
            done: m.done.is_some(),
            when,
            link: Some(m.link.trim()).filter(|l| !l.is_empty() && is_safe_link(l)),
        }
    }

    /// The recent period in words: "25 Aug 2026 to 25 Nov 2026".
    /// The words O*NET's licence asks for, when the plan holds skills
    /// taken from its occupations.
    pub fn data_note(&self) -> Option<&'static str> {
        use crate::model::occupations::{ATTRIBUTION, KNOWLEDGE_CATEGORY, SKILL_CATEGORY};
        self.plan
            .skills
            .iter()
            .any(|s| s.category == SKILL_CATEGORY || s.category == KNOWLEDGE_CATEGORY)
            .then_some(ATTRIBUTION)
    }

    pub fn recent_span(&self) -> String {
        format!("{} to {}", day(self.since), day(self.today))
    }

    /// What the last three months added up to, one line each: time logged,
    /// milestones done, levels reached, people mentored, work beyond duties.
    pub fn achievements(&self) -> Vec<String> {
        let plan = self.plan;
        let mut lines = Vec::new();
        if self.recent.entries > 0 {
            lines.push(format!(
                "Logged {} over {}.",
                crate::model::insights::duration(self.recent.minutes),
                plural(self.recent.entries, "entry")
            ));
        }
        let mut done: Vec<_> = self
            .growth
            .milestones_done
            .iter()
            .filter_map(|id| plan.milestone(*id))
            .collect();
        done.sort_by_key(|(_, m)| m.done);
        for (goal, m) in done {
            let on = m
                .done
                .map(|d| format!(" on {}", day(d)))
                .unwrap_or_default();
            lines.push(format!(
                "Milestone done{on}: {} ({}).",
                m.title.trim(),
                goal.title.trim()
            ));
        }
        for (skill, before, now) in &self.growth.levels {
            if let Some(s) = plan.skill(*skill) {
                lines.push(format!(
                    "{} rose from {} to {}.",
                    s.name.trim(),
                    level(plan, *before),
                    level(plan, *now)
                ));
            }
        }
        let helped: Vec<&str> = self
            .growth
            .people_helped
            .iter()
            .filter_map(|p| plan.person(*p).map(|p| p.name.trim()))
            .collect();
        if !helped.is_empty() {
            lines.push(format!("Mentored or coached {}.", helped.join(", ")));
        }
        if self.growth.beyond_duty > 0 {
            lines.push(format!(
                "Logged {} beyond my duties.",
                plural(self.growth.beyond_duty, "entry")
            ));
        }
        lines
    }
}

/// The first day of the three months up to `today`.
fn recent_start(today: Date) -> Date {
    today
        .checked_sub(3.months())
        .and_then(Date::tomorrow)
        .unwrap_or(Date::MIN)
}
