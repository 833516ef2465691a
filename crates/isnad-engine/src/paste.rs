//! Clipboard content to the plain article text the editor stores.
//!
//! The editor keeps one plain string and the engine's offsets point into it,
//! so pasted content is reduced to text here and never inserted as HTML.
//! [`html_to_text`] reads clipboard `text/html` (a page, a word processor)
//! with a small single-pass tokenizer — no regex, no HTML crate, to keep the
//! wasm small — and keeps the paragraph structure: every block element
//! boundary ends the line, so **each paragraph is one line, separated by a
//! single `\n`**; `<br>` adds a line break, so `<br><br>` gives a blank line
//! (never more than one). [`normalise_plain`] only unifies line endings of
//! `text/plain`. [`check_size`] refuses empty and oversized pastes with a
//! message the UI shows as is.
//!
//! Everything here runs in time linear in the input and never panics: the
//! input is whatever another program put on the clipboard.

use crate::chars;
use thiserror::Error;

/// The largest text isnad analyses at once, in bytes of UTF-8.
pub const MAX_PASTE_BYTES: usize = 5 * 1024 * 1024;

/// Why a paste is refused. The messages are written for the editor's user.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum PasteError {
    /// The text is larger than [`MAX_PASTE_BYTES`].
    #[error(
        "This text is {} MB; isnad analyses up to 5 MB at a time. Split the article and paste it in parts.",
        megabytes(.bytes)
    )]
    TooLarge {
        /// The size of the text, in bytes of UTF-8.
        bytes: usize,
    },
    /// The text is empty or only white space.
    #[error("There is no text to analyse. Copy the article's text (Ctrl+C, or ⌘C on a Mac) and paste it here.")]
    Empty,
}

/// `bytes` in MB with one decimal, rounded up so that a text just over the
/// limit never reads as "5.0 MB".
/// A size in megabytes with one decimal, rounded up ("5.1" for one byte
/// over 5 MB), for messages.
pub fn megabytes(bytes: &usize) -> String {
    const MB: u128 = 1024 * 1024;
    let tenths = (*bytes as u128 * 10).div_ceil(MB);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Accepts `text` for analysis, or says why not: larger than
/// [`MAX_PASTE_BYTES`], or empty / only white space (including no-break and
/// zero-width spaces and bidi controls, which show nothing).
pub fn check_size(text: &str) -> Result<(), PasteError> {
    if text.len() > MAX_PASTE_BYTES {
        return Err(PasteError::TooLarge { bytes: text.len() });
    }
    if text.chars().all(chars::is_space) {
        return Err(PasteError::Empty);
    }
    Ok(())
}

/// Clipboard `text/plain` as the editor stores it: `\r\n` and lone `\r`
/// become `\n`; nothing else changes, so offsets point into exactly what the
/// user sees (the engine itself handles no-break spaces, bidi marks and
/// the like).
pub fn normalise_plain(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The text to store for one paste: the HTML flavour when there is one and
/// it holds any text (it keeps paragraph breaks reliably), otherwise the
/// plain flavour. The result still goes through [`check_size`].
pub fn from_clipboard(html: Option<&str>, plain: Option<&str>) -> String {
    if let Some(html) = html {
        let text = html_to_text(html);
        if !text.chars().all(chars::is_space) {
            return text;
        }
    }
    plain.map(normalise_plain).unwrap_or_default()
}

/// Clipboard `text/html` as plain text, keeping the paragraph structure and
/// dropping all markup.
///
/// - Block elements (`p`, `div`, `h1`–`h6`, `li`, lists, `blockquote`,
///   sectioning elements, `tr`, `pre`, `hr`, …) end the line: one `\n`
///   between paragraphs. `<br>` is a line break, so `<br><br>` leaves a blank
///   line; never more than one blank line in a row.
/// - Table cells in a row are separated by a tab.
/// - `script`, `style`, `noscript`, `template`, `head`, `title`, `svg`,
///   `iframe` and `object` are dropped with their content; so are comments,
///   `<!DOCTYPE>`, CDATA and processing instructions. Attributes are ignored
///   (no `alt` text, no event handlers).
/// - Character references are decoded: the common named ones (`&amp;`,
///   `&nbsp;` → U+00A0, typographic quotes and dashes, bidi marks and
///   joiners, French letters; `&shy;` is dropped) with their `;`, decimal
///   and hexadecimal ones (invalid code points → U+FFFD; 128–159 read as
///   Windows-1252, as browsers do). Unknown names stay as written.
/// - Runs of ASCII white space collapse to one space, as browsers render
///   them, except inside `<pre>`; every other character (no-break spaces,
///   Arabic marks, tatweel, joiners, bidi marks, emoji) is kept exactly.
///   Spaces and tabs at line starts and ends are trimmed, as are blank
///   lines at the start and end.
/// - Malformed input never panics and keeps its text: a `<` that starts no
///   tag is text ("a < b"), so is a stray `>`; an unterminated comment
///   opener is ignored; a tag that never closes is shown as text.
///
/// Runs in one pass, linear in the length of `html`.
pub fn html_to_text(html: &str) -> String {
    let mut p = Parser::new(html);
    p.run();
    p.out.finish()
}

/// What separates the next visible character from the text before it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Tab,
}

/// The text being built, with whitespace collapsed and lines trimmed as it
/// is written, so no second pass is needed.
struct Out {
    s: String,
    gap: Gap,
}

impl Out {
    fn at_line_start(&self) -> bool {
        self.s.is_empty() || self.s.ends_with('\n')
    }

    /// Drops spaces and tabs at the end of the current line.
    fn trim_line_end(&mut self) {
        let kept = self.s.trim_end_matches([' ', '\t']).len();
        self.s.truncate(kept);
    }

    /// Writes a visible character, preceded by any pending gap.
    fn visible(&mut self, c: char) {
        if self.gap != Gap::None && !self.at_line_start() {
            self.s.push(if self.gap == Gap::Tab { '\t' } else { ' ' });
        }
        self.gap = Gap::None;
        self.s.push(c);
    }

    /// Writes a space or tab kept as is (inside `<pre>`), except at a line
    /// start.
    fn literal_space(&mut self, c: char) {
        if !self.at_line_start() {
            self.gap = Gap::None;
            self.s.push(c);
        }
    }

    /// A line break (`<br>`, a newline inside `<pre>`): at most one blank
    /// line in a row, none at the start.
    fn line_break(&mut self) {
        self.trim_line_end();
        self.gap = Gap::None;
        if !self.s.is_empty() && !self.s.ends_with("\n\n") {
            self.s.push('\n');
        }
    }

    /// A block boundary: ends the current line unless it is already ended.
    fn block_break(&mut self) {
        self.trim_line_end();
        self.gap = Gap::None;
        if !self.at_line_start() {
            self.s.push('\n');
        }
    }

    fn finish(mut self) -> String {
        let kept = self.s.trim_end_matches([' ', '\t', '\n']).len();
        self.s.truncate(kept);
        self.s
    }
}

/// Elements dropped with their content whose content is still markup
/// (counted, so nesting and stray end tags are handled).
#[derive(Clone, Copy)]
enum Hidden {
    Svg = 0,
    Object = 1,
    Template = 2,
}

/// The single-pass tokenizer. Positions are byte offsets into `src`; every
/// delimiter it looks for is ASCII, so slicing at them stays on char
/// boundaries.
struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    out: Out,
    /// Open `<pre>` elements: white space is kept while this is non-zero.
    pre: u32,
    /// Open hidden elements, per [`Hidden`].
    hidden: [u32; 3],
    /// Inside `<head>`, which ends at `</head>`, `<body>` or body content.
    in_head: bool,
    /// Set once a tag ran to the end of the input unterminated: from then
    /// on no tag can close, so every `<` is text (this keeps the pass linear).
    no_more_tags: bool,
    /// Last positions of terminators, found once on demand: a search that
    /// would fail is known to fail without scanning, so repeated unterminated
    /// constructs cost nothing.
    last_gt: Option<Option<usize>>,
    last_comment_end: Option<Option<usize>>,
    last_cdata_end: Option<Option<usize>>,
    /// Positions after which a `"` / `'` no longer occurs (an opening quote
    /// there is unmatched), learnt from the first failed search.
    no_dquote_from: usize,
    no_squote_from: usize,
}

/// Raw-text elements: their content is not markup and is skipped up to the
/// matching end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "iframe", "noscript", "noembed", "noframes",
];

/// Elements whose boundaries end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Start tags that may appear inside `<head>` without ending it.
const HEAD_CONTENT: &[&str] = &[
    "base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template",
    "title", "head", "html",
];

/// HTML start tags that end foreign content (`<svg>`) in browsers, so an
/// unclosed `<svg>` does not hide the article after it.
const SVG_BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// A tag name lower-cased into a fixed buffer (no allocation per tag); names
/// longer than any element this module knows are kept as "unknown".
struct Name {
    buf: [u8; 10],
    len: usize,
}

impl Name {
    fn new(raw: &[u8]) -> Name {
        let mut buf = [0u8; 10];
        if raw.len() > buf.len() {
            return Name { buf, len: 0 };
        }
        for (d, s) in buf.iter_mut().zip(raw) {
            *d = s.to_ascii_lowercase();
        }
        Name {
            buf,
            len: raw.len(),
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    fn is(&self, list: &[&str]) -> bool {
        let name = self.as_str();
        !name.is_empty() && list.contains(&name)
    }
}

/// Tag-scan states for the attribute part of a tag (after its name).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Attr {
    Before,
    Name,
    AfterName,
    BeforeValue,
    Quoted(u8),
    Unquoted,
}

fn is_html_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            b: src.as_bytes(),
            i: 0,
            out: Out {
                s: String::with_capacity(src.len() / 2),
                gap: Gap::None,
            },
            pre: 0,
            hidden: [0; 3],
            in_head: false,
            no_more_tags: false,
            last_gt: None,
            last_comment_end: None,
            last_cdata_end: None,
            no_dquote_from: usize::MAX,
            no_squote_from: usize::MAX,
        }
    }

    fn suppressed(&self) -> bool {
        self.in_head || self.hidden.iter().any(|&d| d > 0)
    }

    /// True if a `>` occurs at or after `from`.
    fn gt_from(&mut self, from: usize) -> bool {
        let b = self.b;
        let last = *self
            .last_gt
            .get_or_insert_with(|| b.iter().rposition(|&c| c == b'>'));
        last.is_some_and(|g| g >= from)
    }

    /// The position of the first `>` at or after `from`, if any.
    fn find_gt(&mut self, from: usize) -> Option<usize> {
        if !self.gt_from(from) {
            return None;
        }
        self.b[from..]
            .iter()
            .position(|&c| c == b'>')
            .map(|k| from + k)
    }

    fn run(&mut self) {
        while self.i < self.b.len() {
            let rest = &self.b[self.i..];
            let run = rest
                .iter()
                .position(|&c| c == b'<' || c == b'&')
                .unwrap_or(rest.len());
            if run > 0 {
                let end = self.i + run;
                self.text(self.i, end);
                self.i = end;
                continue;
            }
            if self.b[self.i] == b'&' {
                self.reference();
            } else {
                self.markup();
            }
        }
    }

    /// Writes the literal text `src[from..to]`.
    fn text(&mut self, from: usize, to: usize) {
        let src = self.src;
        let mut chars = src[from..to].chars().peekable();
        while let Some(c) = chars.next() {
            // A CR LF pair inside <pre> is one line break.
            if c == '\r' && self.pre > 0 && chars.peek() == Some(&'\n') {
                chars.next();
            }
            self.char_out(c);
        }
    }

    /// Writes one character of content (literal or decoded).
    fn char_out(&mut self, c: char) {
        let ascii_space = c.is_ascii() && is_html_space(c as u8);
        if self.in_head && !ascii_space {
            // Text in <head> means the body has begun (browsers do the same).
            self.in_head = false;
        }
        if self.suppressed() {
            return;
        }
        if !ascii_space {
            self.out.visible(c);
        } else if self.pre == 0 {
            self.out.gap = self.out.gap.max(Gap::Space);
        } else if c == '\n' || c == '\r' {
            self.out.line_break();
        } else if c == '\t' {
            self.out.literal_space('\t');
        } else {
            self.out.literal_space(' ');
        }
    }

    /// At `&`: a character reference, or a literal `&`.
    fn reference(&mut self) {
        let start = self.i + 1;
        let b = self.b;
        if b.get(start) == Some(&b'#') {
            let hex = matches!(b.get(start + 1), Some(b'x' | b'X'));
            let digits_at = if hex { start + 2 } else { start + 1 };
            let mut k = digits_at;
            let mut value: u32 = 0;
            while let Some(&d) = b.get(k) {
                let digit = match (d as char).to_digit(if hex { 16 } else { 10 }) {
                    Some(v) => v,
                    None => break,
                };
                // Saturate: any overlong number is out of range anyway.
                value = value
                    .saturating_mul(if hex { 16 } else { 10 })
                    .saturating_add(digit);
                k += 1;
            }
            if k > digits_at {
                // The `;` is optional for numeric references, as in browsers.
                if b.get(k) == Some(&b';') {
                    k += 1;
                }
                self.i = k;
                self.char_out(numeric_char(value));
                return;
            }
        } else {
            let mut k = start;
            while k < b.len() && k - start <= 32 && b[k].is_ascii_alphanumeric() {
                k += 1;
            }
            if k > start && b.get(k) == Some(&b';') {
                let name = &self.src[start..k];
                if let Some(decoded) = named_entity(name) {
                    self.i = k + 1;
                    if let Some(c) = decoded {
                        self.char_out(c);
                    }
                    return;
                }
            }
        }
        // Not a reference: the `&` is text; what follows is read normally.
        self.i += 1;
        self.char_out('&');
    }

    /// At `<`: a tag, comment, declaration, or a literal `<`.
    fn markup(&mut self) {
        let b = self.b;
        let next = b.get(self.i + 1).copied();
        if self.no_more_tags {
            self.literal_lt();
            return;
        }
        match next {
            Some(c) if c.is_ascii_alphabetic() => self.tag(self.i + 1, false),
            Some(b'/') => match b.get(self.i + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => self.tag(self.i + 2, true),
                // `</>` is nothing, in browsers too.
                Some(b'>') => self.i += 3,
                _ => self.literal_lt(),
            },
            Some(b'!') => {
                if b[self.i..].starts_with(b"<!--") {
                    self.comment();
                } else if b[self.i..].starts_with(b"<![CDATA[") {
                    let from = self.i + 9;
                    match find_memo(b, from, b"]]>", &mut self.last_cdata_end) {
                        Some(end) => self.i = end + 3,
                        None => self.bogus_comment(),
                    }
                } else {
                    self.bogus_comment();
                }
            }
            Some(b'?') => self.bogus_comment(),
            _ => self.literal_lt(),
        }
    }

    fn literal_lt(&mut self) {
        self.i += 1;
        self.char_out('<');
    }

    /// `<!DOCTYPE …>`, `<?xml …?>` and the like: dropped up to the first `>`;
    /// with no `>` at all the `<` is text.
    fn bogus_comment(&mut self) {
        match self.find_gt(self.i + 2) {
            Some(g) => self.i = g + 1,
            None => self.literal_lt(),
        }
    }

    /// `<!-- … -->`: dropped. An unterminated opener is ignored and what
    /// follows is read as markup, so no visible text is lost (browsers would
    /// hide the rest of the document).
    fn comment(&mut self) {
        let from = self.i + 4;
        let b = self.b;
        // `<!-->` and `<!--->` are complete (empty) comments.
        if b.get(from) == Some(&b'>') {
            self.i = from + 1;
            return;
        }
        if b[from..].starts_with(b"->") {
            self.i = from + 2;
            return;
        }
        match find_memo(b, from, b"-->", &mut self.last_comment_end) {
            Some(end) => self.i = end + 3,
            None => self.i = from,
        }
    }

    /// A start or end tag whose name begins at `name_at`.
    fn tag(&mut self, name_at: usize, end_tag: bool) {
        let b = self.b;
        let mut k = name_at;
        while k < b.len() && !is_html_space(b[k]) && b[k] != b'/' && b[k] != b'>' {
            k += 1;
        }
        let name = Name::new(&b[name_at..k]);
        let Some((close, self_closing)) = self.scan_attributes(k) else {
            // Runs to the end of the input: no later tag can close either.
            self.no_more_tags = true;
            self.literal_lt();
            return;
        };
        self.i = close + 1;
        if end_tag {
            self.end_tag(&name);
        } else {
            self.start_tag(&name, self_closing);
        }
    }

    /// Scans attributes from `k` to the `>` that closes the tag, honouring
    /// quoted values (which may hold `>`). Returns the `>` position and
    /// whether the tag is self-closing, or `None` if the input ends first.
    fn scan_attributes(&mut self, mut k: usize) -> Option<(usize, bool)> {
        let b = self.b;
        let mut state = Attr::Before;
        let mut slash = false;
        while k < b.len() {
            let c = b[k];
            state = match state {
                Attr::Quoted(q) => {
                    if c == q {
                        Attr::Before
                    } else {
                        Attr::Quoted(q)
                    }
                }
                _ if c == b'>' => return Some((k, slash)),
                Attr::Before => {
                    slash = c == b'/';
                    if is_html_space(c) || c == b'/' {
                        Attr::Before
                    } else {
                        Attr::Name
                    }
                }
                Attr::Name | Attr::AfterName => {
                    slash = false;
                    if is_html_space(c) {
                        Attr::AfterName
                    } else if c == b'/' {
                        slash = true;
                        Attr::Before
                    } else if c == b'=' {
                        Attr::BeforeValue
                    } else {
                        Attr::Name
                    }
                }
                Attr::BeforeValue => {
                    slash = false;
                    if is_html_space(c) {
                        Attr::BeforeValue
                    } else if c == b'"' || c == b'\'' {
                        self.open_quote(k, c)
                    } else {
                        Attr::Unquoted
                    }
                }
                Attr::Unquoted => {
                    if is_html_space(c) {
                        Attr::Before
                    } else {
                        Attr::Unquoted
                    }
                }
            };
            k += 1;
        }
        None
    }

    /// The state after an opening quote at `k`: a quoted value if the quote
    /// is closed somewhere later, otherwise the quote is read as an ordinary
    /// character of an unquoted value (so one stray quote cannot swallow the
    /// rest of the article). Each quote character is searched to the end at
    /// most once.
    fn open_quote(&mut self, k: usize, q: u8) -> Attr {
        let none_from = if q == b'"' {
            self.no_dquote_from
        } else {
            self.no_squote_from
        };
        if k >= none_from {
            return Attr::Unquoted;
        }
        if self.b[k + 1..].contains(&q) {
            Attr::Quoted(q)
        } else {
            if q == b'"' {
                self.no_dquote_from = k;
            } else {
                self.no_squote_from = k;
            }
            Attr::Unquoted
        }
    }

    fn start_tag(&mut self, name: &Name, self_closing: bool) {
        if self.in_head && !name.is(HEAD_CONTENT) {
            self.in_head = false;
        }
        if self.hidden[Hidden::Svg as usize] > 0 && name.is(SVG_BREAKOUT) {
            self.hidden[Hidden::Svg as usize] = 0;
        }
        let in_svg = self.hidden[Hidden::Svg as usize] > 0;
        match name.as_str() {
            "br" => {
                if !self.suppressed() {
                    self.out.line_break();
                }
                return;
            }
            "td" | "th" => {
                if !self.suppressed() && !self.out.at_line_start() {
                    self.out.gap = Gap::Tab;
                }
                return;
            }
            "head" => {
                self.in_head = true;
                return;
            }
            "body" => {
                self.in_head = false;
                return;
            }
            "svg" => {
                if !self_closing {
                    self.hidden[Hidden::Svg as usize] += 1;
                }
                return;
            }
            "object" => {
                self.hidden[Hidden::Object as usize] += 1;
                return;
            }
            "template" => {
                self.hidden[Hidden::Template as usize] += 1;
                return;
            }
            _ => {}
        }
        // Inside SVG, <style> and <script> are ordinary (hidden) elements.
        if name.is(RAW_TEXT) && !in_svg {
            self.skip_raw_text(name.as_str());
            return;
        }
        if name.is(BLOCKS) && !self.suppressed() {
            self.out.block_break();
        }
        if name.as_str() == "pre" {
            self.pre += 1;
            // Browsers drop one newline right after <pre>.
            let b = self.b;
            if b.get(self.i) == Some(&b'\r') {
                self.i += 1;
                if b.get(self.i) == Some(&b'\n') {
                    self.i += 1;
                }
            } else if b.get(self.i) == Some(&b'\n') {
                self.i += 1;
            }
        }
    }

    fn end_tag(&mut self, name: &Name) {
        let close = |d: &mut u32| *d = d.saturating_sub(1);
        match name.as_str() {
            // Browsers read `</br>` as `<br>`.
            "br" => {
                if !self.suppressed() {
                    self.out.line_break();
                }
                return;
            }
            "head" => {
                self.in_head = false;
                return;
            }
            "svg" => close(&mut self.hidden[Hidden::Svg as usize]),
            "object" => close(&mut self.hidden[Hidden::Object as usize]),
            "template" => close(&mut self.hidden[Hidden::Template as usize]),
            "pre" => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
        if name.is(BLOCKS) && !self.suppressed() {
            self.out.block_break();
        }
    }

    /// Skips the content of a raw-text element up to its end tag, which is
    /// then consumed; with no end tag the rest of the input is its content
    /// (as in browsers: an unclosed `<script>` never shows as text).
    fn skip_raw_text(&mut self, name: &str) {
        let b = self.b;
        let n = name.len();
        let mut k = self.i;
        while let Some(at) = find(b, k, b"</") {
            let after = at + 2 + n;
            let matches_name = b
                .get(at + 2..after)
                .is_some_and(|s| s.eq_ignore_ascii_case(name.as_bytes()));
            let ends_name = b
                .get(after)
                .is_none_or(|&c| is_html_space(c) || c == b'/' || c == b'>');
            if matches_name && ends_name {
                match self.scan_attributes(after) {
                    Some((close, _)) => self.i = close + 1,
                    None => self.i = b.len(),
                }
                return;
            }
            k = at + 2;
        }
        self.i = b.len();
    }
}

/// The first occurrence of `needle` in `hay` at or after `from`.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut k = from;
    while k < hay.len() {
        let at = k + hay[k..].iter().position(|&c| c == first)?;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        k = at + 1;
    }
    None
}

/// [`find`] that first checks the last occurrence of `needle`, computed once
/// into `last`: a search bound to fail returns at once instead of scanning
/// to the end, so repeated unterminated openers stay linear.
fn find_memo(
    hay: &[u8],
    from: usize,
    needle: &[u8],
    last: &mut Option<Option<usize>>,
) -> Option<usize> {
    let l = (*last.get_or_insert_with(|| rfind(hay, needle)))?;
    if l < from {
        return None;
    }
    Some(find(hay, from, needle).unwrap_or(l))
}

/// The last occurrence of `needle` in `hay`.
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&k| hay[k..].starts_with(needle))
}

/// The character a numeric reference names, as browsers decode it: NUL,
/// surrogates and values past U+10FFFF become U+FFFD; 128–159 are read as
/// Windows-1252 (word processors write `&#150;` for an en dash).
fn numeric_char(value: u32) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => CP1252[(value - 0x80) as usize],
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    }
}

/// A named character reference (without `&` and `;`): `Some(Some(c))` for a
/// character, `Some(None)` for one that is dropped (`shy`), `None` for a
/// name this module does not know (left as written).
fn named_entity(name: &str) -> Option<Option<char>> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "shy" => return Some(None),
        // Quotation marks and punctuation.
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "minus" => '−',
        "bull" => '•',
        "middot" => '·',
        "prime" => '′',
        "Prime" => '″',
        "dagger" => '†',
        "Dagger" => '‡',
        "sect" => '§',
        "para" => '¶',
        "iexcl" => '¡',
        "iquest" => '¿',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "cent" => '¢',
        "yen" => '¥',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "ordf" => 'ª',
        "ordm" => 'º',
        // Spaces, joiners and bidi marks (kept: the engine reads them).
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        // Latin letters used in French (and neighbours).
        "agrave" => 'à',
        "Agrave" => 'À',
        "aacute" => 'á',
        "Aacute" => 'Á',
        "acirc" => 'â',
        "Acirc" => 'Â',
        "atilde" => 'ã',
        "Atilde" => 'Ã',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "aring" => 'å',
        "Aring" => 'Å',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "egrave" => 'è',
        "Egrave" => 'È',
        "eacute" => 'é',
        "Eacute" => 'É',
        "ecirc" => 'ê',
        "Ecirc" => 'Ê',
        "euml" => 'ë',
        "Euml" => 'Ë',
        "igrave" => 'ì',
        "Igrave" => 'Ì',
        "iacute" => 'í',
        "Iacute" => 'Í',
        "icirc" => 'î',
        "Icirc" => 'Î',
        "iuml" => 'ï',
        "Iuml" => 'Ï',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "ograve" => 'ò',
        "Ograve" => 'Ò',
        "oacute" => 'ó',
        "Oacute" => 'Ó',
        "ocirc" => 'ô',
        "Ocirc" => 'Ô',
        "otilde" => 'õ',
        "Otilde" => 'Õ',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "ugrave" => 'ù',
        "Ugrave" => 'Ù',
        "uacute" => 'ú',
        "Uacute" => 'Ú',
        "ucirc" => 'û',
        "Ucirc" => 'Û',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "yacute" => 'ý',
        "Yacute" => 'Ý',
        "yuml" => 'ÿ',
        "Yuml" => 'Ÿ',
        "szlig" => 'ß',
        _ => return None,
    };
    Some(Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(html: &str) -> String {
        html_to_text(html)
    }

    #[test]
    fn paragraphs_are_lines() {
        assert_eq!(t("<p>one</p><p>two</p>"), "one\ntwo");
        assert_eq!(t("<div>a</div>\n\n<div>b</div>"), "a\nb");
        assert_eq!(t("<h1>Title</h1><p>Body</p>"), "Title\nBody");
        assert_eq!(t("a<div>b</div>c"), "a\nb\nc");
        assert_eq!(
            t("<article><header>H</header><section>S</section><footer>F</footer></article>"),
            "H\nS\nF"
        );
        assert_eq!(t("<blockquote>q</blockquote><aside>x</aside>"), "q\nx");
    }

    #[test]
    fn inline_markup_is_removed() {
        assert_eq!(
            t("<b>bold</b> and <i>it</i><span>al</span>"),
            "bold and ital"
        );
        assert_eq!(t("<a href=\"/x\">link</a>"), "link");
    }

    #[test]
    fn br_is_a_line_break_and_blank_lines_are_capped() {
        assert_eq!(t("a<br>b"), "a\nb");
        assert_eq!(t("a<br/>b<BR />c"), "a\nb\nc");
        assert_eq!(t("a<br><br>b"), "a\n\nb");
        assert_eq!(t("a<br><br><br><br>b"), "a\n\nb");
        assert_eq!(t("<p>a<br></p><p>b</p>"), "a\nb");
        assert_eq!(t("a</br>b"), "a\nb");
        assert_eq!(t("<br><br>a<br><br>"), "a");
    }

    #[test]
    fn nested_lists() {
        let html = "<ul><li>one<ul><li>one.a</li><li>one.b</li></ul></li><li>two</li></ul>\
                    <ol><li>first</li></ol>";
        assert_eq!(t(html), "one\none.a\none.b\ntwo\nfirst");
    }

    #[test]
    fn table_cells_are_tab_separated() {
        let html = "<table><tr><th>Name</th><th>Age</th></tr>\
                    <tr><td>Ali</td> <td>40</td></tr></table>after";
        assert_eq!(t(html), "Name\tAge\nAli\t40\nafter");
    }

    #[test]
    fn hidden_elements_are_dropped_with_content() {
        assert_eq!(t("a<script>alert(1)</script>b"), "ab");
        assert_eq!(t("a <script type=x>if (a<b) {}</script> b"), "a b");
        assert_eq!(t("<style>p { color: red }</style>text"), "text");
        assert_eq!(t("<noscript><img src=x>enable JS</noscript>ok"), "ok");
        assert_eq!(t("<template><p>tpl</p></template>ok"), "ok");
        assert_eq!(t("<title>T</title>ok"), "ok");
        assert_eq!(
            t("<svg><title>icon</title><text>S</text><svg>n</svg></svg>ok"),
            "ok"
        );
        assert_eq!(t("<iframe src=x>frame</iframe>ok"), "ok");
        assert_eq!(t("<object data=x><p>fallback</p></object>ok"), "ok");
        assert_eq!(t("<ScRiPt>x</sCrIpT >ok"), "ok");
        // `</scriptx>` does not end a script.
        assert_eq!(t("<script>a</scriptx>b</script>ok"), "ok");
        assert_eq!(t("<svg/>ok"), "ok");
    }

    #[test]
    fn scripts_and_handlers_never_leak() {
        let out = t(
            "<img src=x onerror=\"alert('x')\"><p onclick='evil()'>safe</p>\
                     <script>alert(1)</script>",
        );
        assert_eq!(out, "safe");
        assert!(!out.contains("alert"));
        assert_eq!(t("<img src=x alt=\"a picture\">"), "");
    }

    #[test]
    fn head_is_dropped_but_ends_with_body_content() {
        let html = "<html><head><meta charset=utf-8><title>Page</title>\
                    <style>x</style></head><body><p>text</p></body></html>";
        assert_eq!(t(html), "text");
        // An unclosed head ends at body content, as in browsers.
        assert_eq!(t("<head><meta charset=utf-8><p>text"), "text");
        assert_eq!(t("<head><link rel=x>words"), "words");
    }

    #[test]
    fn unclosed_svg_ends_at_html_content() {
        assert_eq!(t("<svg><path d=x><p>article</p>"), "article");
    }

    #[test]
    fn comments_doctype_cdata_are_dropped() {
        assert_eq!(
            t("<!DOCTYPE html><!--StartFragment-->a<!-- c -->b<!--EndFragment-->"),
            "ab"
        );
        assert_eq!(t("a<![CDATA[x]]>b"), "ab");
        assert_eq!(t("<?xml version=\"1.0\"?>a"), "a");
        assert_eq!(t("a<!-->b<!--->c"), "abc");
        assert_eq!(t("<!--[if gte mso 9]><xml>w</xml><![endif]-->a"), "a");
    }

    #[test]
    fn named_references() {
        assert_eq!(
            t("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;"),
            "a & b <c> \"d\" 'e'"
        );
        assert_eq!(
            t("&laquo;x&raquo; &ldquo;y&rdquo; &lsquo;z&rsquo;"),
            "«x» “y” ‘z’"
        );
        assert_eq!(t("a&hellip; b&mdash;c&ndash;d"), "a… b—c–d");
        assert_eq!(t("co&shy;operate"), "cooperate");
        assert_eq!(
            t("&zwnj;&zwj;&lrm;&rlm;"),
            "\u{200C}\u{200D}\u{200E}\u{200F}"
        );
        assert_eq!(
            t("&eacute;t&eacute; &Eacute;&egrave;&agrave;&ccedil;&ecirc;&ocirc;&ucirc;&icirc;&iuml;&euml;&oelig;&OElig;"),
            "été Éèàçêôûîïëœ\u{152}"
        );
        assert_eq!(t("&Ccedil;&Agrave;&Icirc;"), "ÇÀÎ");
    }

    #[test]
    fn nbsp_is_kept_as_a_no_break_space() {
        assert_eq!(t("10&nbsp;000"), "10\u{A0}000");
        assert_eq!(t("a &nbsp; b"), "a \u{A0} b");
        // A literal NBSP is content, never collapsed or trimmed.
        assert_eq!(t("\u{A0}a\u{A0}\u{A0}b"), "\u{A0}a\u{A0}\u{A0}b");
    }

    #[test]
    fn numeric_references() {
        assert_eq!(t("&#1575;&#x644;&#X64E;"), "ال\u{64E}");
        assert_eq!(t("&#128512;"), "😀");
        assert_eq!(
            t("&#0;&#xD800;&#x110000;&#99999999999999;"),
            "\u{FFFD}".repeat(4)
        );
        assert_eq!(t("&#150;&#146;"), "–’");
        assert_eq!(t("&#65"), "A");
        assert_eq!(t("&#;&#x;"), "&#;&#x;");
        assert_eq!(t("&#32;a&#10;&#10;b"), "a b");
    }

    #[test]
    fn unknown_references_stay_as_written() {
        assert_eq!(t("AT&T &bogus; &amp"), "AT&T &bogus; &amp");
        assert_eq!(t("a & b && c"), "a & b && c");
        assert_eq!(t("&"), "&");
    }

    #[test]
    fn whitespace_collapses_outside_pre() {
        assert_eq!(t("  a \t\n  b  \r\n c  "), "a b c");
        assert_eq!(t("<p>  lead and trail  </p>"), "lead and trail");
        assert_eq!(t("<p>a</p>  \n  <p>b</p>"), "a\nb");
    }

    #[test]
    fn pre_keeps_whitespace() {
        assert_eq!(t("<pre>\na  b\n\tc\r\nd  </pre>after"), "a  b\nc\nd\nafter");
        assert_eq!(t("<pre>x\n\n\n\ny</pre>"), "x\n\ny");
        assert_eq!(t("<pre>x</pre>  y   z"), "x\ny z");
    }

    #[test]
    fn arabic_diacritics_tatweel_and_marks_are_kept() {
        let s = "قالَ الوزيـــرُ\u{200C}: «سَنَعملُ» \u{200F}🇵🇸 👍🏽";
        assert_eq!(t(&format!("<p>{s}</p>")), s);
        assert_eq!(t(&format!("<p dir=\"rtl\">{s}</p>")), s);
    }

    #[test]
    fn attributes_are_ignored_even_with_gt_in_quotes() {
        assert_eq!(t("<a title=\"x > y\">link</a>"), "link");
        assert_eq!(t("<a title='x > y' data-a=b>link</a>"), "link");
        assert_eq!(t("<p class=a\"b>t</p>"), "t");
    }

    #[test]
    fn malformed_input_keeps_text() {
        assert_eq!(t("a < b"), "a < b");
        assert_eq!(t("a<b"), "a<b");
        assert_eq!(t("1 <2 and 3> 2"), "1 <2 and 3> 2");
        assert_eq!(t("x > y"), "x > y");
        assert_eq!(t("a <= b"), "a <= b");
        assert_eq!(t("<"), "<");
        assert_eq!(t("</"), "</");
        assert_eq!(t("a </ b"), "a </ b");
        assert_eq!(t("a</>b"), "ab");
        assert_eq!(t("text <p unclosed"), "text <p unclosed");
        // An unterminated comment opener is ignored; the rest is read.
        assert_eq!(t("a<!-- b <p>c"), "a b\nc");
        // An unmatched quote does not swallow the rest of the article.
        assert_eq!(t("<p title=\"oops>text</p><p>more</p>"), "text\nmore");
        assert_eq!(t("<p title='oops>text</p>"), "text");
        assert_eq!(t("<!DOCTYPE"), "<!DOCTYPE");
        assert_eq!(t("a<![CDATA[b"), "a<![CDATA[b");
        assert_eq!(t("<script>never closed"), "");
        assert_eq!(t("<b><i>unclosed inline"), "unclosed inline");
    }

    #[test]
    fn pathological_inputs_are_linear() {
        const MB: usize = 1024 * 1024;
        // Each of these would take minutes if any scan restarted per `<`.
        for unit in [
            "<",
            "<a",
            "<!--",
            "<!",
            "<![CDATA[",
            "</a",
            "<a \"",
            "<a x=\"",
            "<a x='>",
            "&#",
            "&amp",
            "<?",
            "<a x=\"\">",
            "<script>",
        ] {
            let input = unit.repeat(MB / unit.len());
            let out = html_to_text(&input);
            assert!(out.len() <= input.len() * 2, "{unit}");
        }
        let mixed = "<a x=\"><b y='>".repeat(MB / 14);
        let _ = html_to_text(&mixed);
    }

    #[test]
    fn plain_text_line_endings() {
        assert_eq!(normalise_plain("a\r\nb\rc\n\nd"), "a\nb\nc\n\nd");
        assert_eq!(normalise_plain("\r\r\n"), "\n\n");
        let kept = "قالَ\u{A0}x\u{200F}\t  y 😀";
        assert_eq!(normalise_plain(kept), kept);
    }

    #[test]
    fn size_and_emptiness() {
        assert_eq!(check_size("text"), Ok(()));
        assert_eq!(check_size(""), Err(PasteError::Empty));
        assert_eq!(
            check_size(" \n\t\u{A0}\u{200B}\u{200F}"),
            Err(PasteError::Empty)
        );
        let big = "a".repeat(MAX_PASTE_BYTES + 1);
        let err = check_size(&big).unwrap_err();
        assert_eq!(
            err.to_string(),
            "This text is 5.1 MB; isnad analyses up to 5 MB at a time. \
             Split the article and paste it in parts."
        );
        assert_eq!(check_size(&big[1..]), Ok(()));
        let sized = PasteError::TooLarge {
            bytes: 7 * 1024 * 1024 + 300 * 1024,
        };
        assert!(sized.to_string().starts_with("This text is 7.3 MB;"));
        assert!(PasteError::Empty.to_string().contains("paste"));
    }

    #[test]
    fn clipboard_prefers_html_with_text() {
        assert_eq!(
            from_clipboard(Some("<p>a</p><p>b</p>"), Some("a b")),
            "a\nb"
        );
        assert_eq!(
            from_clipboard(Some("<img src=x>"), Some("alt\r\n")),
            "alt\n"
        );
        assert_eq!(from_clipboard(None, Some("x\ry")), "x\ny");
        assert_eq!(from_clipboard(None, None), "");
    }
}
