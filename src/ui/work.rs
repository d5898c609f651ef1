//! Work that may run on a worker thread: reading and writing large plans,
//! so the window stays responsive.

use std::sync::mpsc;

/// Plans with more log entries than this are written on a worker thread.
pub const WRITE_IN_BACKGROUND_FROM: usize = 10_000;

/// Runs `work` on a worker thread when `background`, else at once; the
/// answer arrives on the returned channel either way.
pub fn run<T: Send + 'static>(
    background: bool,
    work: impl FnOnce() -> T + Send + 'static,
) -> mpsc::Receiver<T> {
    let (tx, rx) = mpsc::channel();
    if background {
        std::thread::spawn(move || {
            let _ = tx.send(work());
        });
    } else {
        let _ = tx.send(work());
    }
    rx
}
