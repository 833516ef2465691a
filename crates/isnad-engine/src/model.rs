//! The engine's in-memory document model: byte ranges into the original
//! text, never normalised text. Conversion to code points happens only when
//! the model is written out (see [`crate::schema`]).

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the document text. Both ends are
/// always on `char` boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The slice of `text` this span covers.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Number of bytes shared with `other`.
    pub fn overlap(&self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// A document language the engine has rules for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic (the first-class language).
    #[default]
    Ar,
    /// English.
    En,
    /// French.
    Fr,
}

impl Lang {
    /// The BCP 47 code used in files (`ar`, `en`, `fr`).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
    /// Parses `ar`, `en` or `fr` (case-insensitive, region ignored: `fr-CA`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or("");
        match base.to_ascii_lowercase().as_str() {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }
}

/// What an annotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// What a source said or wrote.
    Quote,
    /// A sentence asserting something checkable.
    Claim,
    /// Page noise: bylines, related headlines, prompts, duplicated leads.
    Boilerplate,
}

/// Who made an annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Found by the engine.
    #[default]
    Auto,
    /// Made or changed by a person; re-analysis never overwrites it.
    Editor,
}

/// How a quote is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteForm {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech without marks.
    Indirect,
    /// Reported speech containing a quoted part.
    Mixed,
}

impl QuoteForm {
    /// The name used in files and stylesheet hooks (`direct`, …).
    pub const fn code(self) -> &'static str {
        match self {
            QuoteForm::Direct => "direct",
            QuoteForm::Indirect => "indirect",
            QuoteForm::Mixed => "mixed",
        }
    }
}

/// What kind of checkable content a claim carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimCategory {
    /// Figures, counts, amounts, percentages.
    Statistic,
    /// A date or time of an event.
    Date,
    /// Something that happened.
    Event,
    /// An official decision, ruling or vote.
    Decision,
    /// A plan or promise with specifics.
    Plan,
    /// A comparison (more than, the largest, a record).
    Comparison,
    /// A cause and its effect.
    Causal,
}

impl ClaimCategory {
    /// Every category, in declaration order.
    pub const ALL: [ClaimCategory; 7] = [
        ClaimCategory::Statistic,
        ClaimCategory::Date,
        ClaimCategory::Event,
        ClaimCategory::Decision,
        ClaimCategory::Plan,
        ClaimCategory::Comparison,
        ClaimCategory::Causal,
    ];

    /// The name used in files and stylesheet hooks (`statistic`, …).
    pub const fn code(self) -> &'static str {
        match self {
            ClaimCategory::Statistic => "statistic",
            ClaimCategory::Date => "date",
            ClaimCategory::Event => "event",
            ClaimCategory::Decision => "decision",
            ClaimCategory::Plan => "plan",
            ClaimCategory::Comparison => "comparison",
            ClaimCategory::Causal => "causal",
        }
    }
}

/// The details a quote annotation carries.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteInfo {
    /// Direct, indirect or mixed.
    pub form: QuoteForm,
    /// The id of the speaker in [`Analysis::speakers`], when one was found.
    /// An id, not an index, so speakers can be added, merged and removed
    /// while editing without renumbering quotes.
    pub speaker: Option<String>,
    /// The cue word(s): قال، said, a déclaré, selon…
    pub cue: Option<Span>,
    /// The nearest explicit mention of the speaker; `None` when implicit.
    pub mention: Option<Span>,
}

/// A fact-checker's verdict on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimStatus {
    /// Not checked yet.
    #[default]
    Unchecked,
    /// Checked and true.
    Verified,
    /// Checked and false.
    False,
    /// True in part, or true but misleading.
    Misleading,
    /// Cannot be checked with the sources available.
    Unverifiable,
}

impl ClaimStatus {
    /// Every status, in the order the editor lists them.
    pub const ALL: [ClaimStatus; 5] = [
        ClaimStatus::Unchecked,
        ClaimStatus::Verified,
        ClaimStatus::False,
        ClaimStatus::Misleading,
        ClaimStatus::Unverifiable,
    ];

    /// The name used in files (`unchecked`, `verified`, …).
    pub const fn code(self) -> &'static str {
        match self {
            ClaimStatus::Unchecked => "unchecked",
            ClaimStatus::Verified => "verified",
            ClaimStatus::False => "false",
            ClaimStatus::Misleading => "misleading",
            ClaimStatus::Unverifiable => "unverifiable",
        }
    }
}

/// The details a claim annotation carries.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ClaimInfo {
    /// What makes it checkable; never empty for an automatic claim.
    pub categories: Vec<ClaimCategory>,
    /// Confidence in `0.0..=1.0`.
    pub score: f32,
    /// The fact-checker's verdict.
    pub status: ClaimStatus,
    /// The fact-checker's note (sources, reasoning); empty when none.
    pub note: String,
}

/// Kind-specific details of an annotation.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// A quote's form, speaker, cue and mention.
    Quote(QuoteInfo),
    /// A claim's categories and score.
    Claim(ClaimInfo),
    /// Page noise has no details.
    Boilerplate,
}

impl Detail {
    /// The annotation kind these details belong to.
    pub const fn kind(&self) -> Kind {
        match self {
            Detail::Quote(_) => Kind::Quote,
            Detail::Claim(_) => Kind::Claim,
            Detail::Boilerplate => Kind::Boilerplate,
        }
    }
}

/// One annotation over the document text.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// Stable identifier, unique within the document.
    pub id: String,
    /// The annotated range (for a quote: its content without the marks).
    pub span: Span,
    /// Who made it.
    pub origin: Origin,
    /// Kind-specific details.
    pub detail: Detail,
}

impl Annotation {
    /// The annotation kind.
    pub const fn kind(&self) -> Kind {
        self.detail.kind()
    }
}

/// A person or body that is quoted, with every place the text names it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Speaker {
    /// Stable identifier, unique within the document.
    pub id: String,
    /// Canonical name: the fullest proper name the article gives, or the
    /// descriptive phrase for unnamed sources.
    pub name: String,
    /// A title or role kept apart from the name ("وزير الخارجية الفرنسي").
    pub title: Option<String>,
    /// Every explicit mention of this speaker in the text.
    pub mentions: Vec<Span>,
}

impl Analysis {
    /// The speaker with this id.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }
}

/// The result of analysing one document.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Analysis {
    /// The document language (detected or given).
    pub language: Lang,
    /// The text exactly as given.
    pub text: String,
    /// Annotations in document order (by start, then longest first).
    pub annotations: Vec<Annotation>,
    /// Speakers referred to by quote annotations.
    pub speakers: Vec<Speaker>,
}
