//! The one place that reads the system date. The CLI reads it once; the app
//! reads it again every half minute, so a window left open past midnight
//! logs on the new day. `--today` replaces it everywhere, so tests and
//! screenshots of the sample plan are reproducible.

use jiff::civil::Date;

/// Today's date in the system's time zone.
pub fn system_today() -> Date {
    jiff::Zoned::now().date()
}
