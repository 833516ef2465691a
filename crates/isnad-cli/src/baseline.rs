//! The naive quote baseline printed beside the engine: every stretch of text
//! between matching quotation marks is a quote, with no speaker. A detection
//! rule that scores below it on unseen articles is a regression, whatever it
//! gains on the articles it was tuned on.
//!
//! Pairs (opening → closing), the nearest closing mark in the same line
//! (paragraph) wins; an opening mark with no closing mark before the line
//! ends is skipped:
//! - `«` → `»`, and the reversed `»` → `«` (German, some Arabic pages);
//! - `“` → `”` (English) or `“` (German `„…“` style, reversed Arabic);
//! - `”` → `”` or `“` (Arabic pages that use `”` on both sides, or reversed);
//! - `„` → `“` or `”`;
//! - `"` → `"`;
//! - `‹` → `›` and `›` → `‹`.
//!
//! Single curly marks (`‘ ’`) are left out: `’` is the apostrophe. The
//! content excludes the marks and surrounding white space; an empty content
//! is no quote. Quotes nested inside a quote are not found (scanning resumes
//! after the closing mark).

use isnad_engine::Span;

/// The closing marks that end a quote opened by `open`, or `None` when
/// `open` cannot open one.
fn closers(open: char) -> Option<&'static [char]> {
    Some(match open {
        '«' => &['»'],
        '»' => &['«'],
        '“' => &['”', '“'],
        '”' => &['”', '“'],
        '„' => &['“', '”'],
        '"' => &['"'],
        '‹' => &['›'],
        '›' => &['‹'],
        _ => return None,
    })
}

/// Byte spans of the naive baseline's quotes in `text` (see the module
/// documentation for the pairing rules).
pub fn naive_quotes(text: &str) -> Vec<Span> {
    let mut quotes = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(open) = text[at..].chars().next() else {
            break;
        };
        let after_open = at + open.len_utf8();
        let Some(close_set) = closers(open) else {
            at = after_open;
            continue;
        };
        let mut close = None;
        for (i, c) in text[after_open..].char_indices() {
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                break;
            }
            if close_set.contains(&c) {
                close = Some(after_open + i);
                break;
            }
        }
        let Some(close) = close else {
            at = after_open;
            continue;
        };
        let inner = &text[after_open..close];
        let start = after_open + (inner.len() - inner.trim_start().len());
        let end = after_open + inner.trim_end().len();
        if start < end {
            quotes.push(Span::new(start, end));
        }
        at = close + text[close..].chars().next().map_or(1, char::len_utf8);
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        naive_quotes(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn pairs_the_usual_marks() {
        assert_eq!(
            contents("a «  b c » d “e” f \"g\" h „i“ j ‹k›"),
            vec!["b c", "e", "g", "i", "k"]
        );
    }

    #[test]
    fn pairs_arabic_and_reversed_usage() {
        assert_eq!(contents("قال ”نعم” ثم »لا« و”كلا“"), vec!["نعم", "لا", "كلا"]);
    }

    #[test]
    fn an_unclosed_mark_stops_at_the_line_end() {
        assert_eq!(contents("“open\n“closed” x"), vec!["closed"]);
        assert_eq!(contents("\"\" and « »"), Vec::<&str>::new());
    }

    #[test]
    fn nested_quotes_are_inside_the_outer_one() {
        assert_eq!(contents("«a “b” c» “d”"), vec!["a “b” c", "d"]);
    }
}
