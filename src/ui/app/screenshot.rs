//! `--screenshot PNG`: render a few frames, save the window as a picture, exit.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

/// Frames to render before asking for the picture, so layout has settled.
const SETTLE_FRAMES: u32 = 3;

/// Shared between the app and `run`, which turns it into the exit code.
#[derive(Clone, Default)]
pub struct Outcome {
    result: Arc<Mutex<Option<Result<(), String>>>>,
    /// A picture was asked for (`--screenshot`).
    expected: bool,
}

impl Outcome {
    pub fn new(expected: bool) -> Self {
        Self {
            result: Arc::default(),
            expected,
        }
    }

    fn set(&self, r: Result<(), String>) {
        if let Ok(mut slot) = self.result.lock() {
            *slot = Some(r);
        }
    }

    /// 0 once the picture is saved, or when no screenshot was asked for;
    /// 1 when it failed or the window closed before it was taken.
    pub fn exit_code(&self) -> ExitCode {
        match self.result.lock().ok().and_then(|s| s.clone()) {
            Some(Err(e)) => {
                eprintln!("stepstone: screenshot failed: {e}");
                ExitCode::from(1)
            }
            None if self.expected => {
                eprintln!(
                    "stepstone: screenshot failed: the window closed before the picture was taken"
                );
                ExitCode::from(1)
            }
            _ => ExitCode::SUCCESS,
        }
    }
}

/// A screenshot in progress.
pub struct Screenshot {
    path: PathBuf,
    outcome: Outcome,
    frames: u32,
    requested: bool,
}

impl Screenshot {
    pub fn new(path: PathBuf, outcome: Outcome) -> Self {
        Self {
            path,
            outcome,
            frames: 0,
            requested: false,
        }
    }

    /// Call once a frame, after drawing. Frames count toward the picture
    /// only while `settled`: no plan or folder of plans is being read.
    pub fn on_frame(&mut self, ctx: &egui::Context, settled: bool) {
        if settled {
            self.frames += 1;
        }
        if self.frames >= SETTLE_FRAMES && !self.requested {
            self.requested = true;
            let (path, outcome, ctx2) = (self.path.clone(), self.outcome.clone(), ctx.clone());
            ctx.request_screenshot(move |image| {
                outcome.set(save_png(&path, &image));
                ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
            });
        }
        // The picture arrives a frame or two later; keep frames coming until then.
        ctx.request_repaint();
    }
}

fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let (w, h) = (
        u32::try_from(w).map_err(|e| e.to_string())?,
        u32::try_from(h).map_err(|e| e.to_string())?,
    );
    image::save_buffer(path, &bytes, w, h, image::ExtendedColorType::Rgba8)
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_picture_when_one_was_asked_for_is_a_failure() {
        assert_eq!(Outcome::new(true).exit_code(), ExitCode::from(1));
        assert_eq!(Outcome::new(false).exit_code(), ExitCode::SUCCESS);
        let taken = Outcome::new(true);
        taken.set(Ok(()));
        assert_eq!(taken.exit_code(), ExitCode::SUCCESS);
    }
}
