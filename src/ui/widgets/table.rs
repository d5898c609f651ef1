//! Lists of items as tables.

use egui::{RichText, Ui};

/// A table's column header that sorts by its column: a click sorts by it,
/// a second click turns the order round; an arrow marks the sorted column.
pub fn sort_header<S: Copy + PartialEq>(
    ui: &mut Ui,
    title: &str,
    by: S,
    sort: &mut S,
    descending: &mut bool,
) -> egui::Response {
    let arrow = match (*sort == by, *descending) {
        (true, false) => " \u{2b06}",
        (true, true) => " \u{2b07}",
        _ => "",
    };
    let button = ui.button(RichText::new(format!("{title}{arrow}")).strong());
    if button.clicked() {
        *descending = *sort == by && !*descending;
        *sort = by;
    }
    button
}
