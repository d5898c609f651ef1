//! The one place "today" comes from. The app and the CLI read the date once
//! at start (or take it from `--today`) and pass it down, so tests and
//! screenshots of the sample plan are reproducible.

use jiff::civil::Date;

/// Today's date in the system's time zone.
pub fn system_today() -> Date {
    jiff::Zoned::now().date()
}
