//! Lists of items as tables, in the spirit of rerun's `list_item`: one look
//! (striped rows, bold column titles, the picked item's row painted as
//! selected) and one way to pick a row, shared by the list views. A view
//! keeps only what is its own: its columns, its row height and its cells.
//!
//! ```ignore
//! let picked = ListTable::new([Column::auto().at_least(180.0), Column::remainder()])
//!     .show(ui, titles(&["Name", "Notes"]), people.len(), self.selected.as_ref(), |row| {
//!         let p = people[row.index()];
//!         row.item(p.id);
//!         row.pick_cell(|ui, selected| ui.selectable_label(selected, &p.name));
//!         row.cell(|ui| {
//!             ui.label(&p.notes);
//!         });
//!     });
//! if let Some(id) = picked {
//!     toggle(&mut self.selected, id);
//! }
//! ```

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder, TableRow};

/// A virtualised, striped table of items, one row an item; only the rows in
/// view are drawn, so it scrolls through 100,000 of them.
#[derive(Clone, Debug)]
pub struct ListTable {
    columns: Vec<Column>,
    header_height: f32,
    row_height: f32,
    cell_layout: Option<egui::Layout>,
    sense: Option<egui::Sense>,
    scroll_to: Option<usize>,
}

impl ListTable {
    /// The header row's height unless [`ListTable::header_height`] says otherwise.
    pub const HEADER_HEIGHT: f32 = 22.0;
    /// A row's height unless [`ListTable::row_height`] says otherwise.
    pub const ROW_HEIGHT: f32 = 24.0;

    /// A table with these columns, left to right.
    pub fn new(columns: impl IntoIterator<Item = Column>) -> Self {
        Self {
            columns: columns.into_iter().collect(),
            header_height: Self::HEADER_HEIGHT,
            row_height: Self::ROW_HEIGHT,
            cell_layout: None,
            sense: None,
            scroll_to: None,
        }
    }

    /// The header row's height, in points.
    #[must_use]
    pub fn header_height(mut self, height: f32) -> Self {
        self.header_height = height;
        self
    }

    /// Every row's height, in points.
    #[must_use]
    pub fn row_height(mut self, height: f32) -> Self {
        self.row_height = height;
        self
    }

    /// Cells lay their widgets out in a line, centred in the row's height
    /// (for cells holding several widgets, or widgets of several heights).
    #[must_use]
    pub fn centred_cells(mut self) -> Self {
        self.cell_layout = Some(egui::Layout::left_to_right(egui::Align::Center));
        self
    }

    /// A click anywhere on a row counts (see [`ListRow::response`]), not
    /// only on its widgets.
    #[must_use]
    pub fn clickable_rows(mut self) -> Self {
        self.sense = Some(egui::Sense::click());
        self
    }

    /// Scrolls so that this row is at the top, this frame (`None`: where the
    /// person left it).
    #[must_use]
    pub fn scroll_to_row(mut self, row: Option<usize>) -> Self {
        self.scroll_to = row;
        self
    }

    /// Draws the header row with `header` (see [`titles`]), then `rows` rows,
    /// each with `add_row`. `selected` is the item whose row is painted
    /// selected. Returns the item picked this frame (see [`ListRow::pick`]),
    /// for the view to select, toggle or open.
    pub fn show<K: Clone + PartialEq>(
        self,
        ui: &mut Ui,
        header: impl FnOnce(&mut TableRow<'_, '_>),
        rows: usize,
        selected: Option<&K>,
        mut add_row: impl FnMut(&mut ListRow<'_, '_, '_, K>),
    ) -> Option<K> {
        let row_step = self.row_height + ui.spacing().item_spacing.y;
        let mut table = TableBuilder::new(ui).striped(true);
        if let Some(layout) = self.cell_layout {
            table = table.cell_layout(layout);
        }
        if let Some(sense) = self.sense {
            table = table.sense(sense);
        }
        for column in self.columns {
            table = table.column(column);
        }
        if let Some(row) = self.scroll_to {
            table = table.vertical_scroll_offset(row as f32 * row_step);
        }
        let mut picked = None;
        table
            .header(self.header_height, |mut h| header(&mut h))
            .body(|body| {
                body.rows(self.row_height, rows, |mut row| {
                    add_row(&mut ListRow {
                        row: &mut row,
                        selected,
                        item: None,
                        picked: &mut picked,
                    });
                });
            });
        picked
    }
}

/// One row of a [`ListTable`] being drawn: name its item with
/// [`ListRow::item`], then add its cells left to right.
pub struct ListRow<'r, 'a, 'b, K> {
    row: &'r mut TableRow<'a, 'b>,
    selected: Option<&'r K>,
    item: Option<K>,
    picked: &'r mut Option<K>,
}

impl<'a, 'b, K: Clone + PartialEq> ListRow<'_, 'a, 'b, K> {
    /// The row's place in the list, 0 at the top.
    pub fn index(&self) -> usize {
        self.row.index()
    }

    /// Names the item this row shows, before its cells: the row is painted
    /// selected when it is the table's selected item. True if it is.
    pub fn item(&mut self, key: K) -> bool {
        let selected = self.selected == Some(&key);
        self.row.set_selected(selected);
        self.item = Some(key);
        selected
    }

    /// Whether this row shows the selected item.
    pub fn is_selected(&self) -> bool {
        self.item.is_some() && self.selected == self.item.as_ref()
    }

    /// A cell; its response covers the whole cell.
    pub fn cell(&mut self, add: impl FnOnce(&mut Ui)) -> egui::Response {
        self.row.col(add).1
    }

    /// A cell whose widget picks the row's item when clicked (its name, say).
    /// `add` is told whether the row is selected and returns the widget's response.
    pub fn pick_cell(&mut self, add: impl FnOnce(&mut Ui, bool) -> egui::Response) {
        let selected = self.is_selected();
        let mut clicked = false;
        self.row.col(|ui| clicked = add(ui, selected).clicked());
        if clicked {
            self.pick();
        }
    }

    /// Picks the row's item (see [`ListTable::show`]'s answer).
    pub fn pick(&mut self) {
        if let Some(item) = &self.item {
            *self.picked = Some(item.clone());
        }
    }

    /// The row's cells so far as one response: with
    /// [`ListTable::clickable_rows`], a click anywhere on them.
    pub fn response(&self) -> egui::Response {
        self.row.response()
    }

    /// The underlying `egui_extras` row, for cells this helper has no shape for.
    pub fn table_row(&mut self) -> &mut TableRow<'a, 'b> {
        self.row
    }
}

/// A header of plain column titles, in bold.
pub fn titles<'t>(titles: &'t [&'t str]) -> impl FnOnce(&mut TableRow<'_, '_>) + 't {
    move |h| {
        for t in titles {
            h.col(|ui| title(ui, t));
        }
    }
}

/// A column's title, in bold, for a header cell that is not sortable.
pub fn title(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).strong());
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// A list of three people, as a view keeps it.
    #[derive(Default)]
    struct People {
        selected: Option<u32>,
        /// What each frame's table answered.
        picked: Vec<Option<u32>>,
        /// The rows drawn as selected in the last frame.
        shown_selected: Vec<u32>,
    }

    const NAMES: [(u32, &str); 3] = [(1, "Ada"), (2, "Ben"), (3, "Cy")];

    fn list(ui: &mut Ui, state: &mut People) {
        let mut shown_selected = Vec::new();
        let picked = ListTable::new([Column::auto().at_least(80.0), Column::remainder()]).show(
            ui,
            titles(&["Name", "Notes"]),
            NAMES.len(),
            state.selected.as_ref(),
            |row| {
                let (id, name) = NAMES[row.index()];
                if row.item(id) {
                    shown_selected.push(id);
                }
                row.pick_cell(|ui, selected| ui.selectable_label(selected, name));
                row.cell(|ui| {
                    ui.label(format!("notes on {name}"));
                });
            },
        );
        state.picked.push(picked);
        state.shown_selected = shown_selected;
        if let Some(id) = picked {
            state.selected = Some(id);
        }
    }

    #[test]
    fn a_click_on_a_rows_name_picks_its_item_and_its_row_shows_selected() {
        let mut h = Harness::new_ui_state(list, People::default());
        h.run();
        assert!(h.query_by_label("Name").is_some(), "the header titles show");
        assert!(h.query_by_label("Notes").is_some());
        assert!(h.state().shown_selected.is_empty(), "nothing picked yet");
        assert!(h.state().picked.iter().all(Option::is_none));

        h.get_by_label("Ben").click();
        h.run();
        assert!(
            h.state().picked.contains(&Some(2)),
            "the click answers the row's item"
        );
        assert_eq!(h.state().selected, Some(2));
        assert_eq!(h.state().shown_selected, [2], "only its row is selected");

        h.get_by_label("notes on Cy").click();
        h.run();
        assert_eq!(
            h.state().selected,
            Some(2),
            "a click on another cell picks nothing unless rows are clickable"
        );
    }

    #[test]
    fn with_clickable_rows_a_click_anywhere_on_a_row_can_pick_it() {
        let mut h = Harness::new_ui_state(
            |ui, picked: &mut Option<&'static str>| {
                let answer = ListTable::new([Column::remainder()]).clickable_rows().show(
                    ui,
                    titles(&["Plan"]),
                    2,
                    None,
                    |row| {
                        let name = ["first plan", "second plan"][row.index()];
                        row.item(name);
                        row.cell(|ui| {
                            ui.add(egui::Label::new(name).selectable(false));
                        });
                        if row.response().clicked() {
                            row.pick();
                        }
                    },
                );
                *picked = answer.or(*picked);
            },
            None,
        );
        h.run();
        h.get_by_label("second plan").click();
        h.run();
        assert_eq!(*h.state(), Some("second plan"));
    }
}
