//! The window's frame around the views: menu bar, side bar, status bar and
//! the notice line. They read the app and queue actions; nothing here
//! changes the plan.

use super::commands::{Command, View};
use super::{Action, App};

impl App {
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for c in [
                    Command::New,
                    Command::NewFromTemplate,
                    Command::Open,
                    Command::OpenFolder,
                ] {
                    self.menu_item(ui, c, true);
                }
                if self.folder.is_some() && self.doc.is_read_only() {
                    self.menu_item(ui, Command::BackToFolder, !self.showing_folder());
                }
                ui.menu_button("Open recent", |ui| {
                    if self.recent.is_empty() {
                        ui.label("No recent plans yet.");
                    }
                    for path in &self.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            self.pending.push(Action::OpenPath(path.clone()));
                        }
                    }
                });
                self.menu_item(ui, Command::Import, self.plan_writable());
                self.menu_item(ui, Command::Occupations, self.plan_writable());
                ui.separator();
                let writable = self.plan_writable();
                self.menu_item(ui, Command::Save, writable);
                self.menu_item(ui, Command::SaveAs, writable);
                self.menu_item(ui, Command::ExportForSharing, writable);
                ui.menu_button("Export", |ui| {
                    for format in crate::io::export::Format::ALL {
                        self.menu_item(ui, Command::Export(format), !self.showing_folder());
                    }
                });
                ui.separator();
                self.menu_item(ui, Command::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                let writable = self.plan_writable();
                self.menu_item(ui, Command::Undo, writable && self.doc.can_undo());
                self.menu_item(ui, Command::Redo, writable && self.doc.can_redo());
            });
            ui.menu_button("View", |ui| {
                for v in View::ALL {
                    self.menu_item(ui, Command::Show(v), true);
                }
                ui.separator();
                egui::widgets::global_theme_preference_buttons(ui);
            });
            ui.menu_button("Help", |ui| {
                ui.set_max_width(380.0);
                ui.label("Stepstone: your current role as a stepping stone to the next.");
                ui.menu_button("Keyboard shortcuts", |ui| {
                    egui::Grid::new("shortcuts").num_columns(2).show(ui, |ui| {
                        for (what, keys) in Command::shortcut_lines(ui.ctx()) {
                            ui.label(what);
                            ui.label(egui::RichText::new(keys).weak());
                            ui.end_row();
                        }
                        ui.label("Next field");
                        ui.label(egui::RichText::new("Tab").weak());
                        ui.end_row();
                    });
                });
                ui.label("Plans are plain text (RON): see the README for the format.");
                ui.separator();
                self.menu_item(ui, Command::About, true);
            });
        });
    }

    fn menu_item(&mut self, ui: &mut egui::Ui, command: Command, enabled: bool) {
        if command.menu_button(ui, enabled) {
            self.pending.push(Action::Run(command));
        }
    }

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if self.folder_status(ui) {
                return;
            }
            match &self.doc.path {
                Some(p) => {
                    ui.label(p.display().to_string());
                    ui.separator();
                    if self.doc.is_read_only() {
                        ui.label("Read-only");
                    } else if self.doc.is_dirty() {
                        self.unsaved_label(ui);
                    } else {
                        ui.label("Saved");
                    }
                }
                None if self.doc.is_dirty() => {
                    self.unsaved_label(ui);
                }
                None => {
                    ui.label("Not saved to a file yet");
                }
            }
            let problems = self.derived.problems.all();
            if !problems.is_empty() {
                ui.separator();
                let text = if problems.len() == 1 {
                    "1 problem".to_string()
                } else {
                    format!("{} problems", problems.len())
                };
                ui.menu_button(
                    egui::RichText::new(format!("\u{26a0} {text}"))
                        .color(ui.visuals().warn_fg_color),
                    |ui| {
                        egui::ScrollArea::vertical()
                            .max_height(300.0)
                            .show(ui, |ui| {
                                for p in problems {
                                    ui.label(p.to_string());
                                }
                            });
                    },
                );
            }
        });
    }

    fn unsaved_label(&self, ui: &mut egui::Ui) {
        let kept = if self.files.recovery_is_current(&self.doc) {
            " (recovery copy kept)"
        } else {
            ""
        };
        ui.colored_label(ui.visuals().warn_fg_color, format!("Unsaved changes{kept}"));
    }

    pub(super) fn notice_bar(&mut self, ui: &mut egui::Ui) {
        let Some(notice) = &self.notice else {
            return;
        };
        let mut dismissed = false;
        egui::Panel::top("notice").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                if notice.is_error {
                    ui.colored_label(ui.visuals().error_fg_color, &notice.text);
                } else {
                    ui.label(format!("\u{2714} {}", notice.text));
                }
                dismissed = ui.button("Dismiss").clicked();
            });
        });
        if dismissed {
            self.notice = None;
        }
    }

    pub(super) fn nav(&mut self, ui: &mut egui::Ui) {
        ui.add_space(6.0);
        for v in View::ALL {
            let shortcut = Command::Show(v)
                .shortcut()
                .map(|s| ui.ctx().format_shortcut(&s))
                .unwrap_or_default();
            if ui
                .selectable_label(self.view == v, v.label())
                .on_hover_text(shortcut)
                .clicked()
            {
                self.pending.push(Action::Run(Command::Show(v)));
            }
        }
    }
}
