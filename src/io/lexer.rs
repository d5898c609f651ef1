//! Finds the comments in RON text, skipping strings, raw strings and
//! character literals the way RON's own parser does (block comments nest).

/// One comment in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    /// Byte offset of its `//` or `/*`.
    pub start: usize,
    /// Byte offset just past it (the end of its line for `//`).
    pub end: usize,
    /// A `/*` with no matching `*/`: it runs to the end of the text.
    pub unclosed: bool,
}

/// The comments of `text`, in order. Stops at the first unclosed block
/// comment, which swallows the rest of the text.
pub fn comments(text: &str) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i + 1),
            b'r' if (i == 0 || !is_ident(bytes[i - 1]))
                && raw_string_hashes(bytes, i).is_some() =>
            {
                let hashes = raw_string_hashes(bytes, i).unwrap_or(0);
                i = skip_raw_string(bytes, i + 2 + hashes, hashes);
            }
            b'\'' => i = skip_char(text, i + 1),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |n| i + n);
                found.push(Comment {
                    start: i,
                    end,
                    unclosed: false,
                });
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let (end, unclosed) = skip_block(bytes, i + 2);
                found.push(Comment {
                    start: i,
                    end,
                    unclosed,
                });
                if unclosed {
                    break;
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    found
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `r"`, `r#"`, `r##"`...: the number of hashes, if a raw string starts at `i`.
fn raw_string_hashes(bytes: &[u8], i: usize) -> Option<usize> {
    let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
    (bytes.get(i + 1 + hashes) == Some(&b'"')).then_some(hashes)
}

/// Past the closing quote of a string whose body starts at `i`.
fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn skip_raw_string(bytes: &[u8], mut i: usize, hashes: usize) -> usize {
    while i < bytes.len() {
        if bytes[i] == b'"' && bytes[i + 1..].iter().take_while(|&&b| b == b'#').count() >= hashes {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

/// Past a character literal whose body starts at `i` (`'a'`, `'\''`); a
/// lone `'` is just skipped.
fn skip_char(text: &str, i: usize) -> usize {
    let rest = text.get(i..).unwrap_or("");
    let body = if rest.starts_with('\\') {
        rest.get(1..).and_then(|r| r.find('\'')).map(|n| n + 1)
    } else {
        rest.chars().next().map(char::len_utf8)
    };
    match body {
        Some(n) if n <= 12 && rest.as_bytes().get(n) == Some(&b'\'') => i + n + 1,
        _ => i,
    }
}

/// Past the `*/` that closes a block comment whose body starts at `i`.
fn skip_block(bytes: &[u8], mut i: usize) -> (usize, bool) {
    let mut depth = 1;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return (i, false);
            }
        } else {
            i += 1;
        }
    }
    (bytes.len(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        comments(text)
            .iter()
            .map(|c| &text[c.start..c.end])
            .collect()
    }

    #[test]
    fn finds_line_and_nested_block_comments() {
        let text = "( // one\n a: 1, /* two /* in */ still */ b: \"// not\", c: r#\"/* no\"#, d: '\"', e: '/')";
        assert_eq!(spans(text), ["// one", "/* two /* in */ still */"]);
    }

    #[test]
    fn an_unclosed_block_is_found_where_it_opens() {
        let text = "(\n a: 1, /* open\n b: 2,\n)";
        let c = comments(text);
        assert_eq!(c.len(), 1);
        assert!(c[0].unclosed);
        assert_eq!(c[0].start, text.find("/*").unwrap_or(0));
    }

    #[test]
    fn escaped_quotes_and_apostrophes_in_strings_are_not_comments() {
        assert!(spans(r#"( a: "it's \"//\" fine", b: "x\\" )"#).is_empty());
        assert!(spans("( text: \"Zoë's note\" )").is_empty());
    }
}
