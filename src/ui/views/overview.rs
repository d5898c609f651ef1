//! A read-only overview of a plan: purpose, the path of roles with the
//! current one as a stepping stone, skills, goals and the latest log.

use crate::model::{ExperienceKind, Level, LevelNames, Plan, Role, Stage};
use egui::{Color32, RichText};
use jiff::civil::Date;

/// How many recent log entries the overview lists.
const RECENT_ENTRIES: usize = 8;

/// Draws the overview of `plan` as of `today`.
pub fn ui(ui: &mut egui::Ui, plan: &Plan, today: Date) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            header(ui, plan, today);
            ui.add_space(8.0);
            path(ui, plan);
            ui.add_space(8.0);
            ui.columns(2, |cols| {
                stepping_stone(&mut cols[0], plan);
                cols[0].add_space(8.0);
                skills(&mut cols[0], plan);
                goals(&mut cols[1], plan, today);
                cols[1].add_space(8.0);
                recent_log(&mut cols[1], plan);
            });
        });
}

fn header(ui: &mut egui::Ui, plan: &Plan, today: Date) {
    let who = if plan.owner.is_empty() {
        "Your plan"
    } else {
        &plan.owner
    };
    ui.horizontal(|ui| {
        ui.heading(who);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(today.strftime("%A, %-d %B %Y").to_string()).weak());
        });
    });
    if plan.purpose.is_empty() {
        ui.label(RichText::new("No purpose written yet: why does this path matter to you?").weak());
    }
    for why in &plan.purpose {
        ui.label(
            RichText::new(format!("\u{201c}{why}\u{201d}"))
                .italics()
                .size(15.0),
        );
    }
}

fn card<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .corner_radius(6.0)
        .show(ui, add)
        .inner
}

/// The roles in path order: past (oldest first), current, next, long-term; options after.
fn path(ui: &mut egui::Ui, plan: &Plan) {
    ui.label(RichText::new("Career path").strong());
    let mut roles: Vec<&Role> = plan
        .roles
        .iter()
        .filter(|r| r.stage != Stage::Alternative)
        .collect();
    roles.sort_by_key(|r| (r.stage, r.start.or(r.target_date)));
    ui.horizontal_wrapped(|ui| {
        for (i, r) in roles.iter().enumerate() {
            if i > 0 {
                ui.label(RichText::new("\u{27a1}").size(18.0));
            }
            role_chip(ui, r);
        }
    });
    let options: Vec<&Role> = plan
        .roles
        .iter()
        .filter(|r| r.stage == Stage::Alternative)
        .collect();
    if !options.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Options kept open:").weak());
            for r in options {
                role_chip(ui, r);
            }
        });
    }
}

fn role_chip(ui: &mut egui::Ui, r: &Role) {
    let current = r.stage == Stage::Current;
    let fill = if current {
        ui.visuals().selection.bg_fill
    } else {
        ui.visuals().faint_bg_color
    };
    egui::Frame::new()
        .fill(fill)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.vertical(|ui| {
                ui.label(RichText::new(&r.title).strong());
                let when = match (r.start, r.end, r.target_date) {
                    (Some(s), Some(e), _) => format!("{} \u{2013} {}", s.year(), e.year()),
                    (Some(s), None, _) => format!("since {}", s.strftime("%b %Y")),
                    (None, _, Some(t)) => format!("aim: {}", t.strftime("%b %Y")),
                    _ => String::new(),
                };
                ui.label(RichText::new(format!("{} \u{b7} {when}", r.stage.label())).small());
            });
        });
}

/// The current role as a stepping stone: what it teaches, where it leads, what is missing.
fn stepping_stone(ui: &mut egui::Ui, plan: &Plan) {
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        let Some(current) = plan.current_role() else {
            ui.label("No role is marked current yet.");
            return;
        };
        ui.label(
            RichText::new(format!("Stepping stone: {}", current.title))
                .strong()
                .size(16.0),
        );
        if !current.organisation.is_empty() {
            ui.label(RichText::new(&current.organisation).weak());
        }
        let taught: Vec<String> = current
            .teaches
            .skills
            .iter()
            .filter_map(|id| plan.skill(*id))
            .map(|s| format!("{} ({})", s.name, plan.level_names.name(s.level())))
            .collect();
        if !taught.is_empty() {
            ui.label(format!("Teaching you: {}", taught.join(", ")));
        }
        for (what, list) in [
            ("Relationships", &current.teaches.relationships),
            ("Experiences", &current.teaches.experiences),
        ] {
            if !list.is_empty() {
                ui.label(format!("{what}: {}", list.join("; ")));
            }
        }
        for next in current.leads_to.iter().filter_map(|id| plan.role(*id)) {
            ui.add_space(4.0);
            ui.label(
                RichText::new(format!("Leads to: {} ({})", next.title, next.stage.label()))
                    .strong(),
            );
            let missing: Vec<String> = next
                .requires
                .iter()
                .filter_map(|q| plan.skill(q.skill).map(|s| (s, q.level)))
                .filter(|(s, need)| s.level() < *need)
                .map(|(s, need)| format!("{} {} \u{27a1} {}", s.name, s.level().0, need.0))
                .collect();
            if missing.is_empty() {
                ui.label("Every skill it asks for is at the level it needs.");
            } else {
                ui.label(format!("Still to grow: {}", missing.join(", ")));
            }
        }
    });
}

fn skills(ui: &mut egui::Ui, plan: &Plan) {
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Skills").strong());
        egui::Grid::new("skills")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                for s in &plan.skills {
                    ui.label(&s.name);
                    level_bar(ui, s.level(), s.target.map(|t| t.level));
                    ui.label(describe_level(
                        &plan.level_names,
                        s.level(),
                        s.target.map(|t| t.level),
                    ));
                    ui.end_row();
                }
            });
    });
}

fn describe_level(names: &LevelNames, now: Level, target: Option<Level>) -> String {
    match target {
        Some(t) if t > now => format!("{} \u{27a1} {}", names.name(now), names.name(t)),
        _ => names.name(now),
    }
}

/// Five boxes: filled up to the level, outlined up to the target.
fn level_bar(ui: &mut egui::Ui, level: Level, target: Option<Level>) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(5.0 * 14.0, 10.0), egui::Sense::hover());
    let filled = ui.visuals().selection.bg_fill;
    let stroke = ui.visuals().widgets.inactive.fg_stroke;
    for i in 0..5u8 {
        let x = rect.left() + f32::from(i) * 14.0;
        let r = egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(11.0, 10.0));
        if i < level.0 {
            ui.painter().rect_filled(r, 2.0, filled);
        } else if target.is_some_and(|t| i < t.0) {
            ui.painter()
                .rect_stroke(r, 2.0, stroke, egui::StrokeKind::Inside);
        } else {
            ui.painter()
                .rect_filled(r, 2.0, ui.visuals().faint_bg_color);
        }
    }
}

fn goals(ui: &mut egui::Ui, plan: &Plan, today: Date) {
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Goals").strong());
        for g in &plan.goals {
            let done = g.milestones.iter().filter(|m| m.done.is_some()).count();
            ui.horizontal(|ui| {
                ui.label(RichText::new(&g.title).strong());
                ui.label(
                    RichText::new(format!("{} \u{b7} {}", g.kind.label(), g.status.label()))
                        .small()
                        .weak(),
                );
            });
            ui.horizontal(|ui| {
                let total = g.milestones.len().max(1);
                ui.add(
                    egui::ProgressBar::new(done as f32 / total as f32)
                        .desired_width(120.0)
                        .text(format!("{done}/{} milestones", g.milestones.len())),
                );
                if let Some(due) = g.due {
                    let late = due < today && g.status != crate::model::GoalStatus::Done;
                    let text = format!("due {}", due.strftime("%-d %b %Y"));
                    if late {
                        ui.colored_label(Color32::from_rgb(200, 80, 60), text);
                    } else {
                        ui.label(text);
                    }
                }
            });
            ui.add_space(4.0);
        }
    });
}

fn recent_log(ui: &mut egui::Ui, plan: &Plan) {
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Latest days").strong());
        let mut recent: Vec<_> = plan.log.iter().collect();
        recent.sort_by_key(|e| std::cmp::Reverse((e.date, e.id)));
        for e in recent.into_iter().take(RECENT_ENTRIES) {
            ui.horizontal(|ui| {
                ui.label(RichText::new(e.date.strftime("%a %-d %b").to_string()).monospace());
                ui.label(
                    RichText::new(format!("{:>3} min", e.minutes))
                        .monospace()
                        .weak(),
                );
                ui.label(RichText::new(kind_tag(e.kind)).small());
                ui.add(egui::Label::new(&e.text).truncate());
            });
        }
        if plan.log.is_empty() {
            ui.label("Nothing logged yet.");
        }
    });
}

fn kind_tag(kind: ExperienceKind) -> &'static str {
    kind.label()
}
