//! Offset conversion between the three ways of counting positions in text:
//! UTF-8 bytes (inside the engine), Unicode code points (in every exported
//! file, as the W3C Web Annotation model requires) and UTF-16 code units
//! (the DOM). This module is the one place that converts between them.

/// Bytes per checkpoint block: conversion scans at most this many bytes.
const BLOCK: usize = 64;

/// A position index over one text, built once in `O(n)`, answering each
/// conversion in `O(BLOCK)`.
#[derive(Clone, Debug)]
pub struct OffsetMap<'t> {
    text: &'t str,
    /// Code points before byte `i * BLOCK` (rounded down to a char boundary).
    cps: Vec<usize>,
    /// UTF-16 units before the same boundary.
    units: Vec<usize>,
    /// Byte offset of each checkpoint (the char boundary at or before `i * BLOCK`).
    bytes: Vec<usize>,
}

impl<'t> OffsetMap<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> Self {
        let blocks = text.len() / BLOCK + 1;
        let mut cps = Vec::with_capacity(blocks);
        let mut units = Vec::with_capacity(blocks);
        let mut bytes = Vec::with_capacity(blocks);
        let (mut cp, mut unit, mut next) = (0usize, 0usize, 0usize);
        for (b, c) in text.char_indices() {
            while b >= next {
                cps.push(cp);
                units.push(unit);
                bytes.push(b);
                next += BLOCK;
            }
            cp += 1;
            unit += c.len_utf16();
        }
        while bytes.len() < blocks || next <= text.len() {
            cps.push(cp);
            units.push(unit);
            bytes.push(text.len());
            next += BLOCK;
        }
        OffsetMap {
            text,
            cps,
            units,
            bytes,
        }
    }

    /// The indexed text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Code point count of the whole text.
    pub fn cp_len(&self) -> usize {
        self.cp_of_byte(self.text.len())
    }

    /// Code points before byte `byte` (clamped to the text; a byte inside a
    /// character counts as that character's start).
    pub fn cp_of_byte(&self, byte: usize) -> usize {
        let byte = self.floor_boundary(byte);
        let block = byte / BLOCK;
        let base = self.bytes[block];
        self.cps[block] + self.text[base..byte].chars().count()
    }

    /// UTF-16 units before byte `byte` (clamped, floored to a char boundary).
    pub fn utf16_of_byte(&self, byte: usize) -> usize {
        let byte = self.floor_boundary(byte);
        let block = byte / BLOCK;
        let base = self.bytes[block];
        self.units[block]
            + self.text[base..byte]
                .chars()
                .map(char::len_utf16)
                .sum::<usize>()
    }

    /// Byte offset of code point `cp`, or `None` past the end of the text.
    pub fn byte_of_cp(&self, cp: usize) -> Option<usize> {
        let block = self.cps.partition_point(|&c| c <= cp).checked_sub(1)?;
        let mut seen = self.cps[block];
        let mut at = self.bytes[block];
        for c in self.text[at..].chars() {
            if seen == cp {
                return Some(at);
            }
            seen += 1;
            at += c.len_utf8();
        }
        (seen == cp).then_some(at)
    }

    /// Byte offset of UTF-16 unit `unit`. A unit inside a surrogate pair maps
    /// to the start of that character. `None` past the end of the text.
    pub fn byte_of_utf16(&self, unit: usize) -> Option<usize> {
        let block = self.units.partition_point(|&u| u <= unit).checked_sub(1)?;
        let mut seen = self.units[block];
        let mut at = self.bytes[block];
        for c in self.text[at..].chars() {
            let next = seen + c.len_utf16();
            if unit < next {
                return Some(at);
            }
            seen = next;
            at += c.len_utf8();
        }
        (seen == unit).then_some(at)
    }

    fn floor_boundary(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    }
}

/// Largest char boundary at or before `byte`.
pub fn floor_char_boundary(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// Smallest char boundary at or after `byte`.
pub fn ceil_char_boundary(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte += 1;
    }
    byte
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MIXED: &str = "قال\u{a0}الوزيرُ «نعم» 😀 e\u{301}t 7ر2 done";

    #[test]
    fn converts_arabic_emoji_and_nbsp() {
        let map = OffsetMap::new(MIXED);
        let emoji = MIXED.find('😀').unwrap();
        let before: String = MIXED[..emoji].to_string();
        assert_eq!(map.cp_of_byte(emoji), before.chars().count());
        assert_eq!(map.utf16_of_byte(emoji), before.encode_utf16().count());
        // The emoji is one code point but two UTF-16 units.
        assert_eq!(map.cp_of_byte(emoji + 4), before.chars().count() + 1);
        assert_eq!(
            map.utf16_of_byte(emoji + 4),
            before.encode_utf16().count() + 2
        );
        assert_eq!(map.byte_of_cp(before.chars().count()), Some(emoji));
        assert_eq!(
            map.byte_of_utf16(before.encode_utf16().count() + 1),
            Some(emoji)
        );
        assert_eq!(map.cp_len(), MIXED.chars().count());
        assert_eq!(map.byte_of_cp(map.cp_len() + 1), None);
    }

    proptest! {
        #[test]
        fn round_trips_every_boundary(s in "\\PC{0,700}") {
            let map = OffsetMap::new(&s);
            let mut unit = 0;
            for (cp, (b, c)) in s.char_indices().chain(std::iter::once((s.len(), ' '))).enumerate() {
                prop_assert_eq!(map.cp_of_byte(b), cp);
                prop_assert_eq!(map.utf16_of_byte(b), unit);
                prop_assert_eq!(map.byte_of_cp(cp), Some(b));
                prop_assert_eq!(map.byte_of_utf16(unit), Some(b));
                unit += c.len_utf16();
            }
        }
    }
}
