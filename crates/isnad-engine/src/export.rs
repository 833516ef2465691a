//! What every export format shares: the caller-supplied [`ExportMeta`]
//! (the engine has no clock and knows no URL), the document hash that names
//! a document when no URL is given, and the UTC timestamp formatting the
//! command line uses (the browser formats its own clock the same way).

/// Facts about an export that the engine cannot know by itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportMeta {
    /// The export time as RFC 3339 in UTC ending in `Z`
    /// (`2026-05-01T09:30:00Z`); see [`utc_timestamp`].
    pub now_utc: String,
    /// The person exporting; names the creator of editor-made annotations
    /// (W3C) and the author of reviews (ClaimReview). `None`: "editor" /
    /// "isnad".
    pub creator: Option<String>,
    /// The document's IRI or URL. `None`: [`doc_iri`] of the text.
    pub source: Option<String>,
    /// The document's title, used as the collection label.
    pub title: Option<String>,
}

impl ExportMeta {
    /// Metadata with only the time set.
    pub fn new(now_utc: impl Into<String>) -> Self {
        ExportMeta {
            now_utc: now_utc.into(),
            ..Default::default()
        }
    }

    /// The document IRI: [`ExportMeta::source`] when given (and not blank),
    /// else `urn:isnad:doc:<hash>` of `text`.
    pub fn source_iri(&self, text: &str) -> String {
        match self.source.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => s.to_string(),
            _ => doc_iri(text),
        }
    }

    /// The date part (`YYYY-MM-DD`) of [`ExportMeta::now_utc`], when it
    /// starts with one.
    pub fn date(&self) -> Option<&str> {
        let d = self.now_utc.get(..10)?;
        let b = d.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(d)
    }
}

/// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes as 16 lower-case hex
/// digits: a stable name for a document that has no URL.
pub fn doc_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// `urn:isnad:doc:<doc_hash>`: the document IRI used when the caller gives
/// no source.
pub fn doc_iri(text: &str) -> String {
    format!("urn:isnad:doc:{}", doc_hash(text))
}

/// The civil date `(year, month, day)` of a day count since 1970-01-01
/// (proleptic Gregorian calendar; Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..=146096
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // 0..=365
    let mp = (5 * doy + 2) / 153; // 0..=11, March first
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Seconds since the Unix epoch as RFC 3339 UTC (`1970-01-01T00:00:00Z`).
/// Years outside `0..=9999` are clamped to that range's ends.
pub fn utc_timestamp(unix_seconds: i64) -> String {
    const MIN: i64 = -62_167_219_200; // 0000-01-01T00:00:00Z
    const MAX: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z
    let secs = unix_seconds.clamp(MIN, MAX);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

/// The first and last `max` code points around `text[start..end]`: the
/// context a quote selector carries.
pub(crate) fn context(text: &str, start: usize, end: usize, max: usize) -> (String, String) {
    let before = &text[..start];
    let cut = before
        .char_indices()
        .rev()
        .nth(max.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let prefix = if max == 0 { "" } else { &before[cut..] };
    let suffix: String = text[end..].chars().take(max).collect();
    (prefix.to_string(), suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(1_709_164_800), "2024-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(1_777_628_096), "2026-05-01T09:34:56Z");
        assert_eq!(utc_timestamp(-1), "1969-12-31T23:59:59Z");
        assert_eq!(utc_timestamp(4_102_444_800), "2100-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(i64::MAX), "9999-12-31T23:59:59Z");
        assert_eq!(utc_timestamp(i64::MIN), "0000-01-01T00:00:00Z");
    }

    #[test]
    fn civil_dates_follow_the_gregorian_calendar() {
        // Walk every day from 1899 to 2101 and check it against a naive
        // day-by-day calendar.
        let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let mut date = (1970i64, 1u32, 1u32);
        for days in 0..(365 * 131) {
            assert_eq!(civil_from_days(days), date, "day {days}");
            let len = match date.1 {
                2 if leap(date.0) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            date = if date.2 < len {
                (date.0, date.1, date.2 + 1)
            } else if date.1 < 12 {
                (date.0, date.1 + 1, 1)
            } else {
                (date.0 + 1, 1, 1)
            };
        }
        assert_eq!(civil_from_days(-25_567), (1900, 1, 1));
    }

    #[test]
    fn doc_hash_is_stable_fnv1a() {
        assert_eq!(doc_hash(""), "cbf29ce484222325");
        assert_eq!(doc_hash("a"), "af63dc4c8601ec8c");
        assert_eq!(doc_iri("a"), "urn:isnad:doc:af63dc4c8601ec8c");
        let meta = ExportMeta {
            source: Some("  ".into()),
            ..ExportMeta::new("2026-05-01T00:00:00Z")
        };
        assert_eq!(meta.source_iri("a"), doc_iri("a"));
        assert_eq!(meta.date(), Some("2026-05-01"));
        assert_eq!(ExportMeta::new("soon").date(), None);
    }

    #[test]
    fn context_counts_code_points() {
        let text = "😀ab قال cd🇫🇷";
        let start = text.find('ق').unwrap();
        let end = start + "قال".len();
        assert_eq!(
            context(text, start, end, 2),
            ("b ".to_string(), " c".to_string())
        );
        assert_eq!(
            context(text, start, end, 32),
            ("😀ab ".to_string(), " cd🇫🇷".to_string())
        );
        assert_eq!(context(text, start, end, 0), (String::new(), String::new()));
    }
}
