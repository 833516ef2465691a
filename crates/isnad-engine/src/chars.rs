//! Character classes and the normalisation used for matching. Normalised
//! text is a private matching copy: it is never shown or exported.

/// True for Arabic-script letters (not digits, not punctuation, not marks).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFB}' | '\u{FE70}'..='\u{FEFC}')
}

/// True for letters of any script, with fast paths for ASCII and the
/// Arabic block (`char::is_alphabetic` takes a slow table path there, and
/// those two cover nearly every character the engine reads).
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        is_arabic_letter(c)
    } else {
        c.is_alphabetic()
    }
}

/// What a character is, for the tokeniser: one classification per
/// character, with table-free fast paths for ASCII and the Arabic block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// An Arabic-script letter.
    ArabicLetter,
    /// A letter of another script.
    Letter,
    /// A combining mark, Arabic diacritic, tatweel or joiner (stays inside words).
    Mark,
    /// A decimal digit of any script the engine reads.
    Digit,
    /// White space, including no-break and zero-width spaces and bidi controls.
    Space,
    /// A line or paragraph break.
    LineBreak,
    /// Punctuation, symbols, everything else.
    Other,
}

/// Classifies one character (see [`Class`]).
#[inline]
pub fn classify(c: char) -> Class {
    let u = c as u32;
    if u < 0x80 {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Letter,
            '0'..='9' => Class::Digit,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' => Class::LineBreak,
            ' ' | '\t' => Class::Space,
            _ => Class::Other,
        };
    }
    if (0x0600..=0x06FF).contains(&u) {
        return if is_arabic_letter(c) {
            Class::ArabicLetter
        } else if c == TATWEEL || is_arabic_mark(c) {
            Class::Mark
        } else if is_digit(c) {
            Class::Digit
        } else if c == '\u{061C}' {
            Class::Space
        } else {
            Class::Other
        };
    }
    if is_line_break(c) {
        Class::LineBreak
    } else if is_space(c) {
        Class::Space
    } else if is_digit(c) {
        Class::Digit
    } else if is_arabic_letter(c) {
        Class::ArabicLetter
    } else if is_arabic_mark(c) || matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}') {
        Class::Mark
    } else if c.is_alphabetic() {
        Class::Letter
    } else {
        Class::Other
    }
}

/// True for Arabic diacritics and Quranic marks, which matching ignores.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{08CA}'..='\u{08FF}')
}

/// The Arabic tatweel (kashida), a stretching character matching ignores.
pub const TATWEEL: char = '\u{0640}';

/// True for characters that belong inside a word: letters, combining marks,
/// tatweel and joiners.
pub fn is_word_char(c: char) -> bool {
    is_letter(c)
        || is_arabic_mark(c)
        || c == TATWEEL
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}')
}

/// A digit in any script the engine reads, as its value.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// True for any decimal digit the engine reads (Western, Arabic-Indic,
/// Extended Arabic-Indic).
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// True for white space, including no-break spaces, zero-width spaces, the
/// byte-order mark and bidi controls (pasted text carries all of them).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
            | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// True for line and paragraph breaks.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// True for every quotation mark the engine pairs.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '‹'
            | '›'
            | '＂'
            | '「'
            | '」'
    )
}

/// True for marks that end a sentence.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '。' | '‼' | '⁇')
}

/// Appends the matching form of `c` to `out`: Arabic letters folded (hamza
/// and alef forms, alef maqsura, teh marbuta, Persian kaf and yeh), tatweel,
/// diacritics and joiners dropped, Latin lower-cased with accents removed,
/// digits of every script made ASCII, typographic apostrophes made `'`.
pub fn push_folded(c: char, out: &mut String) {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => out.push('ا'),
        'ى' | 'ی' | 'ئ' => out.push('ي'),
        'ؤ' => out.push('و'),
        'ة' => out.push('ه'),
        'ک' => out.push('ك'),
        '’' | 'ʼ' | '‘' | '`' | '´' => out.push('\''),
        _ if c == TATWEEL || is_arabic_mark(c) => {}
        '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}' => {}
        _ if is_digit(c) => out.push(char::from(b'0' + digit_value(c).unwrap_or(0) as u8)),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        // Arabic letters have no case: skip the lower-casing tables.
        _ if is_arabic_letter(c) => out.push(c),
        _ => match fold_latin(c) {
            Some(s) => out.push_str(s),
            None => out.extend(c.to_lowercase()),
        },
    }
}

/// [`push_folded`] for a character already classified: the common cases
/// (Arabic and ASCII letters, marks, digits) skip the general match.
#[inline]
pub fn push_folded_class(c: char, class: Class, out: &mut String) {
    match class {
        Class::ArabicLetter => match c {
            'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => out.push('ا'),
            'ى' | 'ی' | 'ئ' => out.push('ي'),
            'ؤ' => out.push('و'),
            'ة' => out.push('ه'),
            'ک' => out.push('ك'),
            _ => out.push(c),
        },
        Class::Letter if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        Class::Mark => {}
        _ => push_folded(c, out),
    }
}

/// The matching form of a whole string (see [`push_folded`]).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_variants_to_one_form() {
        assert_eq!(fold("اكـــدت"), fold("أكدت"));
        assert_eq!(fold("أكّد"), "اكد");
        assert_eq!(fold("يــؤكد"), "يوكد");
        assert_eq!(fold("إلى"), "الي");
        assert_eq!(fold("٢٠٢٠ ۱۲"), "2020 12");
    }

    #[test]
    fn folds_latin_case_and_accents() {
        assert_eq!(fold("A déclaré"), "a declare");
        assert_eq!(fold("Moody’s"), "moody's");
        assert_eq!(fold("e\u{301}te\u{301}"), "ete");
    }

    #[test]
    fn spaces_include_nbsp_and_bidi_controls() {
        for c in [
            '\u{a0}', '\u{200B}', '\u{200F}', '\u{2067}', '\u{FEFF}', '\u{202F}',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        assert!(!is_space('\u{200C}'));
    }
}
