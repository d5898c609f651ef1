//! Small widgets shared by the views and dialogs, by concept; every one is
//! reachable as `widgets::NAME`.

mod bars;
mod dates;
mod fields;
mod panels;
pub mod plots;
pub mod table;

pub use bars::{level_bar, progress_bar, status_badge, trend_bars};
pub use dates::{
    DateInput, date_field, date_field_checked, forget_typed_dates, optional_date,
    optional_date_from, parse_date,
};
pub use fields::{
    choice, enter_pressed, filter_box, focus_later, level_combo, multi_pick, name_field,
    name_field_entered, save_path_field, select_all, take_focus_request, text_area, text_field,
    text_list,
};
pub use panels::{
    delete_button, editor_header, empty_state, hint, problems_list, problems_mark, section,
    side_panel, together,
};
pub use table::{ListRow, ListTable, sort_header, title, titles};
