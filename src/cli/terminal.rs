//! What the command line prints to a terminal. Plan and framework text can
//! hold characters a terminal acts on (an escape sequence sets the window
//! title or clears the screen, a carriage return overwrites the line, a
//! bidi control reorders it); every line printed goes through
//! [`terminal_safe`], which shows them instead.

use crate::model::is_bidi_control;
use std::borrow::Cow;

/// `text` with every control character but the line feed and the tab, and
/// every bidi control, shown as its code (`\u{1b}`), so a terminal prints
/// it rather than acting on it. A carriage return just before a line feed
/// (a CSV's or a calendar's line end) stays: it cannot overwrite anything.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let acts = |c: char, next: Option<char>| {
        (c.is_control() && c != '\n' && c != '\t' && (c, next) != ('\r', Some('\n')))
            || is_bidi_control(c)
    };
    let mut chars = text.chars().peekable();
    let mut out = String::with_capacity(text.len());
    let mut shown = false;
    while let Some(c) = chars.next() {
        if acts(c, chars.peek().copied()) {
            out.extend(c.escape_unicode());
            shown = true;
        } else {
            out.push(c);
        }
    }
    if shown {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Prints `line` to stdout, terminal-safe.
pub(super) fn say(line: &str) {
    println!("{}", terminal_safe(line));
}

/// Prints `line` to stderr, terminal-safe.
pub(super) fn warn(line: &str) {
    eprintln!("{}", terminal_safe(line));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_terminal_acts_on_is_shown_as_its_code() {
        assert_eq!(
            terminal_safe("a\u{1b}]0;t\u{7}\r\u{9b}2J\u{7f}\u{202e}b\u{2066}\nc\td"),
            "a\\u{1b}]0;t\\u{7}\\u{d}\\u{9b}2J\\u{7f}\\u{202e}b\\u{2066}\nc\td"
        );
        assert!(matches!(
            terminal_safe("caf\u{e9} \u{5d0}"),
            Cow::Borrowed(_)
        ));
    }
}
