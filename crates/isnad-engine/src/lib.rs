//! # isnad-engine
//!
//! Finds attributed quotes (what was said, who said it, the cue word),
//! checkable claims and page noise in Arabic, English and French news text.
//! Pure Rust with no web dependencies: the browser app and the command-line
//! tool call the same [`analyze`].
//!
//! Data flow: text → [`tokens`] (spans + folded matching forms) →
//! [`segment`] (paragraphs, sentences) → [`boilerplate`] → [`quotes`]
//! (direct, indirect, attribution) → [`speakers`] (clusters, canonical
//! names) → [`claims`] → [`model::Analysis`] (byte spans) → [`schema`]
//! (`isnad/1` JSON, code points).

pub mod anchor;
pub mod boilerplate;
pub mod chars;
pub mod claimreview;
pub mod claims;
pub mod csv;
pub mod edit;
pub mod error;
pub mod export;
pub mod fasthash;
pub mod import;
pub mod lang;
pub mod lexicon;
pub mod model;
pub mod offsets;
pub mod paste;
pub mod quotes;
pub mod render;
pub mod schema;
pub mod segment;
pub mod speakers;
pub mod store;
pub mod tokens;
pub mod w3c;

pub use error::EngineError;
pub use model::{
    Analysis, Annotation, ClaimCategory, ClaimInfo, ClaimStatus, Detail, Kind, Lang, Origin,
    QuoteForm, QuoteInfo, Span, Speaker,
};

use segment::{Paragraph, Sentence};
use tokens::Tokens;

/// Which kinds of annotation to detect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detect {
    /// Attributed quotes (and their speakers).
    pub quotes: bool,
    /// Checkable claims.
    pub claims: bool,
    /// Page noise.
    pub boilerplate: bool,
}

impl Default for Detect {
    fn default() -> Self {
        Detect {
            quotes: true,
            claims: true,
            boilerplate: true,
        }
    }
}

/// Analysis options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The document language; `None` detects it.
    pub language: Option<Lang>,
    /// Which kinds to detect.
    pub detect: Detect,
}

/// A text prepared for the detectors: tokens, paragraphs and sentences.
#[derive(Clone, Debug)]
pub struct Prepared<'t> {
    /// The original text.
    pub text: &'t str,
    /// The document language.
    pub lang: Lang,
    /// Tokens with folded matching forms.
    pub tokens: Tokens,
    /// Non-blank lines.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// The language of each sentence and paragraph (see [`lang::languages`]).
    pub languages: lang::Languages,
}

impl<'t> Prepared<'t> {
    /// Tokenises and segments `text`; detects the language unless given.
    pub fn new(text: &'t str, language: Option<Lang>) -> Self {
        let tokens = Tokens::new(text);
        let (paragraphs, sentences) = segment::segment(text, &tokens);
        let languages = lang::languages(text, &tokens, &paragraphs, &sentences, language);
        Prepared {
            text,
            lang: languages.document,
            tokens,
            paragraphs,
            sentences,
            languages,
        }
    }

    /// The language of sentence `si`.
    #[inline]
    pub fn sentence_lang(&self, si: usize) -> Lang {
        self.languages
            .sentences
            .get(si)
            .copied()
            .unwrap_or(self.lang)
    }

    /// The language whose rules read token `i`, given the index of its
    /// sentence (`None` outside any sentence): Arabic for an Arabic-script
    /// word, the paragraph's Latin language for a Latin word, else the
    /// sentence's language.
    pub fn token_lang(&self, i: usize, sentence: Option<usize>) -> Lang {
        let Some(si) = sentence.filter(|&si| si < self.sentences.len()) else {
            return self.lang;
        };
        let t = &self.tokens.list[i];
        if t.kind == tokens::TokenKind::Word {
            let first = self
                .text
                .as_bytes()
                .get(t.span.start)
                .copied()
                .unwrap_or(b' ');
            if first.is_ascii() {
                return self.languages.latin[self.sentences[si].paragraph];
            }
            let c = self.word(i).chars().next().unwrap_or(' ');
            if chars::is_arabic_letter(c) {
                return Lang::Ar;
            }
            return self.languages.latin[self.sentences[si].paragraph];
        }
        self.sentence_lang(si)
    }

    /// The language whose rules read token `i` (see [`Prepared::token_lang`]).
    pub fn lang_at(&self, i: usize) -> Lang {
        if i >= self.tokens.len() {
            return self.lang;
        }
        let si = self.sentences.partition_point(|s| s.tokens.1 <= i);
        let inside = self.sentences.get(si).is_some_and(|s| s.tokens.0 <= i);
        self.token_lang(i, inside.then_some(si))
    }

    /// The folded form of token `i`.
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        self.tokens.norm(i)
    }

    /// The original text of token `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        self.tokens.list[i].span.slice(self.text)
    }
}

/// Analyses `text` and returns its annotations and speakers. Never panics;
/// runs in time linear in the length of the text.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let prepared = Prepared::new(text, options.language);
    let noise = if options.detect.boilerplate {
        boilerplate::detect(&prepared)
    } else {
        Vec::new()
    };
    let found = if options.detect.quotes {
        quotes::detect(&prepared, &noise)
    } else {
        Vec::new()
    };
    let (speakers, speaker_of) = speakers::cluster(&prepared, &found);
    let claims = if options.detect.claims {
        claims::detect(&prepared, &noise, &found)
    } else {
        Vec::new()
    };

    let mut annotations = Vec::with_capacity(noise.len() + found.len() + claims.len());
    for (i, span) in noise.iter().enumerate() {
        annotations.push(Annotation {
            id: format!("b{}", i + 1),
            span: *span,
            origin: Origin::Auto,
            detail: Detail::Boilerplate,
        });
    }
    for (i, q) in found.iter().enumerate() {
        annotations.push(Annotation {
            id: format!("q{}", i + 1),
            span: q.span,
            origin: Origin::Auto,
            detail: Detail::Quote(QuoteInfo {
                form: q.form,
                speaker: speaker_of[i].map(|s| speakers[s].id.clone()),
                cue: q.cue,
                mention: q.mention,
            }),
        });
    }
    for (i, (span, info)) in claims.into_iter().enumerate() {
        annotations.push(Annotation {
            id: format!("c{}", i + 1),
            span,
            origin: Origin::Auto,
            detail: Detail::Claim(info),
        });
    }
    annotations.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    Analysis {
        language: prepared.lang,
        text: text.to_string(),
        annotations,
        speakers,
    }
}
