//! Help > About: the version, the licence, where plans and settings live
//! on this computer, and the attributions.

use super::Outcome;
use crate::ui::storage::AppDirs;
use std::path::{Path, PathBuf};

/// The third-party notices' file name, beside the licences.
pub const NOTICES: &str = "THIRD_PARTY_LICENSES.html";

/// What the About box says about this computer, found when it opens.
pub struct About {
    /// (what, where) for each place Stepstone keeps something.
    places: Vec<(&'static str, String)>,
    /// The third-party notices, where this copy of Stepstone has them.
    notices: Option<PathBuf>,
    /// The icon, once drawn.
    icon: Option<egui::TextureHandle>,
}

impl About {
    pub fn new(dirs: &AppDirs, file: Option<&Path>) -> Self {
        let shown = |p: &Path| p.display().to_string();
        let places = vec![
            (
                "The plan open now",
                file.map_or_else(|| "not saved to a file yet".to_string(), shown),
            ),
            ("New plans are saved in", shown(&dirs.plans)),
            ("Settings and recent plans", shown(&dirs.config)),
            ("Copies of unsaved changes", shown(&dirs.recovery)),
        ];
        Self {
            places,
            notices: notices(),
            icon: None,
        }
    }

    pub(super) fn show(&mut self, ui: &mut egui::Ui) -> Option<Outcome> {
        ui.horizontal(|ui| {
            if let Some(icon) = self.icon(ui.ctx()) {
                ui.add(egui::Image::new((icon.id(), egui::vec2(64.0, 64.0))));
            }
            ui.vertical(|ui| {
                ui.heading("Stepstone");
                ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
                ui.label("Your current role as a stepping stone to the next.");
            });
        });
        ui.add_space(6.0);
        ui.label(
            "Free software: use, change and share it under the MIT licence or the Apache \
             licence 2.0, as you prefer. It comes with no warranty.",
        );
        ui.add_space(6.0);
        ui.strong("On this computer");
        egui::Grid::new("about places")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for (what, place) in &self.places {
                    ui.label(egui::RichText::new(*what).weak());
                    ui.label(place);
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        ui.strong("Thanks to");
        ui.label(
            "egui and eframe, egui_plot, serde, ron, rfd, jiff and the other open-source \
             crates Stepstone is built with.",
        );
        match &self.notices {
            Some(path) => {
                let link = format!("file://{}", path.display());
                ui.hyperlink_to("Their licences and copyright notices", link);
            }
            None => {
                ui.label(format!(
                    "Their licences and copyright notices are in {NOTICES}, with the source."
                ));
            }
        }
        ui.add_space(4.0);
        ui.label(egui::RichText::new(crate::model::occupations::ATTRIBUTION).small());
        ui.add_space(8.0);
        ui.button("Close").clicked().then_some(Outcome::Closed)
    }

    fn icon(&mut self, ctx: &egui::Context) -> Option<&egui::TextureHandle> {
        if self.icon.is_none() {
            let png = crate::io::desktop::ICONS[5].1;
            let image = image::load_from_memory(png).ok()?.into_rgba8();
            let size = [image.width() as usize, image.height() as usize];
            let pixels = egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw());
            self.icon =
                Some(ctx.load_texture("stepstone icon", pixels, egui::TextureOptions::default()));
        }
        self.icon.as_ref()
    }
}

/// The third-party notices: beside the installed program
/// (`/usr/share/doc/stepstone` for the Debian package), or in the source
/// this copy was built from.
fn notices() -> Option<PathBuf> {
    let installed = std::env::current_exe().ok().and_then(|exe| {
        Some(
            exe.parent()?
                .parent()?
                .join("share/doc/stepstone")
                .join(NOTICES),
        )
    });
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(NOTICES);
    installed.into_iter().chain([source]).find(|p| p.is_file())
}
