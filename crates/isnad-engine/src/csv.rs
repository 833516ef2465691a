//! Spreadsheet exports: one CSV of the quotes, one of the claims.
//!
//! The files open as UTF-8 in spreadsheet programs (they start with a byte
//! order mark, U+FEFF), use CRLF line ends and RFC 4180 quoting (a field
//! holding a comma, a double quote, CR or LF is put in double quotes, its
//! quotes doubled). Offsets are Unicode code points, as in every isnad file.
//!
//! **Formula injection**: a cell that a spreadsheet would run as a formula
//! gets a leading apostrophe (`'=SUM(A1)`). That is a cell starting with
//! `=`, `@`, a tab or a CR; one starting with `-` or `+` not followed by a
//! digit (`-x`, `+A1`); and one starting with `-` or `+` and a digit that
//! has an operator (`+ - * / ^ & = < > ( ) | !`) after it (`-1+2`, `+3*4`,
//! `-2+3+cmd|' /C calc'!A0`). Plain numbers and number-like text with no
//! operator stay as they are: `-5`, `-3.5`, `+33 1 23`, `-3.5%`. The
//! apostrophe is visible in the cell: the text is otherwise kept exactly.

use crate::model::{Analysis, Detail};
use crate::offsets::OffsetMap;

/// The header of [`quotes_csv`].
pub const QUOTE_COLUMNS: [&str; 7] = ["speaker", "title", "cue", "form", "text", "start", "end"];
/// The header of [`claims_csv`].
pub const CLAIM_COLUMNS: [&str; 6] = ["text", "categories", "status", "note", "start", "end"];

/// A cell that a spreadsheet would run as a formula, made inert.
fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    /// What makes a cell starting with a signed number a formula.
    const OPERATORS: [char; 13] = [
        '+', '-', '*', '/', '^', '&', '=', '<', '>', '(', ')', '|', '!',
    ];
    let mut chars = cell.chars();
    let risky = match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('-' | '+') => match chars.next() {
            Some(c) if c.is_ascii_digit() => chars.as_str().contains(OPERATORS),
            _ => true,
        },
        _ => false,
    };
    if risky {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Appends one field, defused and quoted when needed.
fn push_field(out: &mut String, cell: &str) {
    let cell = defuse(cell);
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&cell);
    }
}

fn push_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, cell.as_ref());
    }
    out.push_str("\r\n");
}

/// Every quote in document order: speaker name, speaker title, cue word(s),
/// form, quoted text, start and end (code points). Empty cells where a
/// quote has no speaker or cue.
pub fn quotes_csv(analysis: &Analysis) -> String {
    let text = analysis.text.as_str();
    let map = OffsetMap::new(text);
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &QUOTE_COLUMNS);
    for a in &analysis.annotations {
        let Detail::Quote(q) = &a.detail else {
            continue;
        };
        let speaker = q.speaker.as_deref().and_then(|id| analysis.speaker(id));
        push_row(
            &mut out,
            &[
                speaker.map_or("", |s| s.name.as_str()).to_string(),
                speaker
                    .and_then(|s| s.title.as_deref())
                    .unwrap_or("")
                    .to_string(),
                q.cue.map_or("", |c| c.slice(text)).to_string(),
                q.form.code().to_string(),
                a.span.slice(text).to_string(),
                map.cp_of_byte(a.span.start).to_string(),
                map.cp_of_byte(a.span.end).to_string(),
            ],
        );
    }
    out
}

/// Every claim in document order: text, categories joined with `"; "`,
/// status (`unchecked`, `verified`, …), note, start and end (code points).
pub fn claims_csv(analysis: &Analysis) -> String {
    let text = analysis.text.as_str();
    let map = OffsetMap::new(text);
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &CLAIM_COLUMNS);
    for a in &analysis.annotations {
        let Detail::Claim(c) = &a.detail else {
            continue;
        };
        let categories: Vec<&str> = c.categories.iter().map(|k| k.code()).collect();
        push_row(
            &mut out,
            &[
                a.span.slice(text).to_string(),
                categories.join("; "),
                c.status.code().to_string(),
                c.note.clone(),
                map.cp_of_byte(a.span.start).to_string(),
                map.cp_of_byte(a.span.end).to_string(),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defuses_formulas_but_not_numbers() {
        assert_eq!(defuse("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(defuse("+A1"), "'+A1");
        assert_eq!(defuse("+"), "'+");
        assert_eq!(defuse("@cmd"), "'@cmd");
        assert_eq!(defuse("\tx"), "'\tx");
        assert_eq!(defuse("\rx"), "'\rx");
        assert_eq!(defuse("-x"), "'-x");
        assert_eq!(defuse("-"), "'-");
        assert_eq!(defuse("-5"), "-5");
        assert_eq!(defuse("-3"), "-3");
        assert_eq!(defuse("-3.5"), "-3.5");
        assert_eq!(defuse("-3.5%"), "-3.5%");
        assert_eq!(defuse("+1"), "+1");
        assert_eq!(defuse("+33 1 23 45 67 89"), "+33 1 23 45 67 89");
        assert_eq!(defuse("-1 000 dollars"), "-1 000 dollars");
    }

    #[test]
    fn defuses_signed_numbers_followed_by_an_operator() {
        for cell in [
            "-1+2",
            "+3*4",
            "-1-1",
            "+1/2",
            "-2^3",
            "+1&A1",
            "-1=1",
            "+1<2",
            "-1>2",
            "+1(2)",
            "-2+3+cmd|' /C calc'!A0",
            "+33 1 23+SUM(A1)",
            "-3.5+HYPERLINK(\"http://x\")",
        ] {
            assert_eq!(defuse(cell), format!("'{cell}"), "{cell}");
        }
        assert_eq!(defuse("قال"), "قال");
        assert_eq!(defuse(""), "");
    }

    #[test]
    fn quotes_fields_rfc4180() {
        let mut out = String::new();
        push_row(
            &mut out,
            &["a,b", "say \"hi\"", "line\nbreak", "plain", "=1+1"],
        );
        assert_eq!(
            out,
            "\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",plain,'=1+1\r\n"
        );
        let mut out = String::new();
        push_row(&mut out, &["\r=x"]);
        assert_eq!(out, "\"'\r=x\"\r\n");
    }
}
