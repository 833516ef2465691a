//! Quotes: direct (between quotation marks), indirect (cue + complementiser,
//! "according to") and mixed, with their attribution: the cue word, the
//! speaker mention wherever the language puts it, or the previous speaker
//! when the text leaves it implicit (وأضاف، he added, a-t-il ajouté).
//!
//! The work is three linear passes: pair quotation marks into segments;
//! find cue words and read the reported clause and speaker around each;
//! attribute the remaining marked segments from their surroundings.

use crate::chars::{is_quote_mark, is_sentence_end};
use crate::lexicon as lx;
use crate::model::{Lang, QuoteForm, Span};
use crate::tokens::TokenKind;
use crate::Prepared;

/// A quote as found, before speakers are clustered.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundQuote {
    /// The content (without quotation marks).
    pub span: Span,
    /// Direct, indirect or mixed.
    pub form: QuoteForm,
    /// The cue word(s).
    pub cue: Option<Span>,
    /// The explicit speaker mention, when the text names the speaker here.
    pub mention: Option<Span>,
    /// For an implicit speaker (وأضاف، he added, a-t-il ajouté): the index
    /// of the earlier quote whose speaker this one carries.
    pub same_speaker_as: Option<usize>,
}

/// Words a direct quote must reach to count without any speech cue in its
/// sentence; shorter marked phrases are names, titles or scare quotes.
const MAX_TOKENS_CUE_TO_CLAUSE: usize = 30;

/// The longest reported clause, in tokens (news clauses are far shorter);
/// it keeps the detector linear on text without sentence ends.
const MAX_CLAUSE_TOKENS: usize = 250;

/// How far back, in tokens, attribution is looked for before a quote.
const MAX_LOOKBACK: usize = 40;

/// Finds the quotes of a document outside page noise, in text order.
pub fn detect(p: &Prepared, noise: &[Span]) -> Vec<FoundQuote> {
    let segments = pair_marks(p);
    let mut d = Detector {
        p,
        noise,
        segments: &segments,
        used_segment: vec![false; segments.len()],
        out: Vec::new(),
        sentence_of_token: sentence_index(p),
        cues: Vec::new(),
    };
    // Every token's cue, found once: the passes below ask for the same
    // tokens many times.
    d.cues = (0..p.tokens.len())
        .map(|i| {
            let cue = d.cue_word_at(i)?;
            (!d.is_non_reporting(cue)).then_some(cue)
        })
        .collect();
    d.reported_clauses();
    d.marked_segments();
    d.social_signatures();
    d.out.retain(|q| !in_noise(noise, q.span));
    d.out
        .sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    d.out.dedup_by(|b, a| a.span == b.span);
    drop_deep_overlaps(&mut d.out);
    // Implicit quotes before any named speaker ("Il a … indiqué que …" at
    // the top of an article) take the last person the text named before.
    let first_named = d
        .out
        .iter()
        .position(|q| q.mention.is_some())
        .unwrap_or(d.out.len());
    let fallbacks: Vec<Option<Span>> = d.out[..first_named]
        .iter()
        .map(|q| d.last_named_before(p.tokens.at_or_after(q.span.start)))
        .collect();
    for (q, mention) in d.out.iter_mut().zip(fallbacks) {
        q.mention = mention;
    }
    // An implicit quote after a sentence that names someone new ("Vincent
    // Cascales est inquiet. « … », assure-t-il.") takes that person rather
    // than the previous quote's speaker.
    let mut last_explicit_end: Option<usize> = None;
    for qi in 0..d.out.len() {
        let q = &d.out[qi];
        if let Some(m) = q.mention {
            last_explicit_end = Some(q.span.end.max(m.end));
            continue;
        }
        let Some(prev_end) = last_explicit_end else {
            continue;
        };
        let at = p.tokens.at_or_after(q.span.start);
        let Some(named) = d.last_named_before(at).filter(|&m| d.names_a_person(m)) else {
            continue;
        };
        let prev_sentence = d.sentence_of_token[p.tokens.at_or_after(prev_end).min(at)];
        let named_sentence = d.sentence_of_token[p.tokens.at_or_after(named.start)];
        if named.start >= prev_end && named_sentence != prev_sentence {
            d.out[qi].mention = Some(named);
            last_explicit_end = Some(d.out[qi].span.end.max(named.end));
        }
    }
    link_implicit(&mut d.out);
    d.out
}

/// Drops every quote that starts inside two quotes already kept: a quote
/// may hold one reported clause (a direct quote that cites someone), but
/// chains of reports inside reports ("he said that she said that …") are
/// not nested further. Keeps the output linear in the text: at any point
/// at most two quotes overlap. `quotes` is sorted by start.
fn drop_deep_overlaps(quotes: &mut Vec<FoundQuote>) {
    let mut open: Vec<usize> = Vec::with_capacity(4); // ends of kept quotes
    quotes.retain(|q| {
        open.retain(|&end| end > q.span.start);
        if open.len() >= 2 {
            return false;
        }
        open.push(q.span.end);
        true
    });
}

/// A run of text between a pair of quotation marks (or from an opening
/// mark to the end of its paragraph when the closing one is missing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    /// Token index of the opening mark.
    open: usize,
    /// Token index of the closing mark, when there is one.
    close: Option<usize>,
    /// Content token range `a..b` (marks excluded).
    tokens: (usize, usize),
    /// Content bytes, trimmed.
    span: Span,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    Single,
    SingleGuillemet,
}

fn family(c: char) -> Option<Family> {
    match c {
        '"' | '“' | '”' | '„' | '‟' | '＂' => Some(Family::Double),
        '«' | '»' => Some(Family::Guillemet),
        '‹' | '›' => Some(Family::SingleGuillemet),
        '\'' | '‘' | '’' | '‚' | '‛' => Some(Family::Single),
        _ => None,
    }
}

const FAMILIES: usize = 4;

fn family_index(f: Family) -> usize {
    match f {
        Family::Double => 0,
        Family::Guillemet => 1,
        Family::Single => 2,
        Family::SingleGuillemet => 3,
    }
}

/// Pairs quotation marks paragraph by paragraph in one pass. Handles
/// reversed and straight marks by flanking (a mark glued to the word after
/// it opens, glued to the word before it closes), French spacing inside
/// guillemets, apostrophes, and quotes that run over several paragraphs
/// (each new paragraph reopening the quote).
fn pair_marks(p: &Prepared) -> Vec<Segment> {
    let toks = &p.tokens.list;
    let mut out = Vec::new();
    let mut open: [Option<usize>; FAMILIES] = [None; FAMILIES];
    for (pi, para) in p.paragraphs.iter().enumerate() {
        let (a, b) = para.tokens;
        for i in a..b {
            let t = &toks[i];
            if t.kind != TokenKind::Punct {
                continue;
            }
            let c = first_char(p.word(i));
            let Some(fam) = family(c) else { continue };
            let glued_before = !t.space_before && i > a;
            let glued_after = i + 1 < b && !toks[i + 1].space_before;
            let word_before = glued_before && toks[i - 1].kind != TokenKind::Punct;
            let word_after = glued_after && toks[i + 1].kind != TokenKind::Punct;
            if fam == Family::Single && word_before && word_after {
                continue; // an apostrophe: l'avocat, didn't, Moody’s
            }
            let slot = family_index(fam);
            let opener_char = matches!(c, '«' | '‹' | '„' | '‚' | '“' | '‘');
            // A straight or reversed mark opens unless it is glued to the
            // word before it, and closes unless it is glued to the word after.
            let can_open = !glued_before;
            let can_close = !glued_after;
            match open[slot] {
                Some(o) => {
                    let closes = match c {
                        // "… technique« , a-t-il dit": a reversed guillemet
                        // glued to the end of the words closes them.
                        '«' | '‹' => glued_before && !glued_after && word_before,
                        '„' | '‚' => false,
                        '»' | '›' | '”' | '’' => true,
                        // “ closes only when it is clearly glued to the end of the content.
                        '“' | '‘' => glued_before && !glued_after,
                        _ => can_close || glued_before,
                    };
                    if closes {
                        push_segment(p, &mut out, o, Some(i), i);
                        open[slot] = None;
                    } else if i == a {
                        // A paragraph opening with a mark continues a quote that ran
                        // on from the previous paragraph.
                    } else {
                        // The earlier mark was never closed: it ends before this one.
                        push_segment(p, &mut out, o, None, i);
                        open[slot] = Some(i);
                    }
                }
                None => {
                    if opener_char || can_open {
                        open[slot] = Some(i);
                    }
                }
            }
        }
        // At a paragraph end, a quote stays open only when the next paragraph
        // reopens it with a mark of the same family.
        let next_first = p.paragraphs.get(pi + 1).map(|n| n.tokens.0);
        for (slot, slot_open) in open.iter_mut().enumerate() {
            if let Some(o) = *slot_open {
                let continues = next_first.is_some_and(|f| {
                    toks[f].kind == TokenKind::Punct
                        && family(first_char(p.word(f))).map(family_index) == Some(slot)
                });
                if !continues {
                    push_segment(p, &mut out, o, None, b);
                    *slot_open = None;
                }
            }
        }
    }
    out.sort_by_key(|s| s.open);
    out
}

fn push_segment(
    p: &Prepared,
    out: &mut Vec<Segment>,
    open: usize,
    close: Option<usize>,
    end: usize,
) {
    let toks = &p.tokens.list;
    let a = open + 1;
    let mut b = end;
    // Skip line breaks inside multi-paragraph quotes at the edges only.
    if close.is_none() {
        // Unclosed: drop the final punctuation of the paragraph.
        while b > a
            && toks[b - 1].kind == TokenKind::Punct
            && is_trailing_punct(first_char(p.word(b - 1)))
        {
            b -= 1;
        }
    }
    while b > a && toks[b - 1].kind == TokenKind::Newline {
        b -= 1;
    }
    if b <= a {
        return;
    }
    out.push(Segment {
        open,
        close,
        tokens: (a, b),
        span: Span::new(toks[a].span.start, toks[b - 1].span.end),
    });
}

fn is_trailing_punct(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '،' | ';' | '؛' | ':')
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn in_noise(noise: &[Span], span: Span) -> bool {
    let i = noise.partition_point(|n| n.end <= span.start);
    noise
        .get(i)
        .is_some_and(|n| n.overlap(span) * 2 > span.len())
}

fn sentence_index(p: &Prepared) -> Vec<u32> {
    let mut of = vec![u32::MAX; p.tokens.len()];
    for (si, s) in p.sentences.iter().enumerate() {
        for slot in &mut of[s.tokens.0..s.tokens.1] {
            *slot = si as u32;
        }
    }
    of
}

/// What a cue word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CueKind {
    /// A finite speech verb (قال، said, a déclaré).
    Verb,
    /// A participle continuing the previous speaker (مضيفا، adding, ajoutant).
    Participle,
    /// "According to" (بحسب، according to, selon).
    According,
}

/// A cue found at tokens `first..=last`.
#[derive(Clone, Copy, Debug)]
struct Cue {
    first: usize,
    last: usize,
    kind: CueKind,
}

impl Cue {
    fn span(&self, p: &Prepared) -> Span {
        Span::new(
            p.tokens.list[self.first].span.start,
            p.tokens.list[self.last].span.end,
        )
    }
}

struct Detector<'a, 't> {
    p: &'a Prepared<'t>,
    noise: &'a [Span],
    segments: &'a [Segment],
    used_segment: Vec<bool>,
    out: Vec<FoundQuote>,
    sentence_of_token: Vec<u32>,
    /// The cue at each token (see [`Detector::cue_at`]).
    cues: Vec<Option<Cue>>,
}

impl Detector<'_, '_> {
    fn norm(&self, i: usize) -> &str {
        self.p.norm(i)
    }

    /// The language whose rules read token `i` (its script, then its
    /// sentence's and paragraph's language: see [`Prepared::token_lang`]).
    fn lang(&self, i: usize) -> Lang {
        let si = self.sentence_of_token.get(i).copied().unwrap_or(u32::MAX);
        self.p
            .token_lang(i, (si != u32::MAX).then_some(si as usize))
    }

    fn kind(&self, i: usize) -> TokenKind {
        self.p.tokens.list[i].kind
    }

    fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        self.kind(i) == TokenKind::Punct && chars.contains(&first_char(self.p.word(i)))
    }

    /// True for a sentence-ending mark, but not the full stop of an
    /// abbreviation ("Mr.", "Gov.", "M.", "د.").
    fn is_stop(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Punct
            && is_sentence_end(first_char(self.p.word(i)))
            && !crate::segment::is_abbreviation_stop(self.p.text, &self.p.tokens, i)
    }

    /// True for an apostrophe inside a word ("d’un", "l'AFP", "didn't"):
    /// a single mark glued to a word on both sides.
    fn is_apostrophe(&self, i: usize) -> bool {
        let toks = &self.p.tokens.list;
        matches!(self.p.word(i), "'" | "’")
            && i > 0
            && i + 1 < toks.len()
            && !toks[i].space_before
            && !toks[i + 1].space_before
            && toks[i - 1].kind == TokenKind::Word
            && toks[i + 1].kind == TokenKind::Word
    }

    fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, &[',', '،'])
    }

    fn sentence_bounds(&self, i: usize) -> (usize, usize) {
        match self.sentence_of_token.get(i).copied() {
            Some(s) if s != u32::MAX => self.p.sentences[s as usize].tokens,
            _ => (i, i + 1),
        }
    }

    fn paragraph_bounds(&self, i: usize) -> (usize, usize) {
        let si = self.sentence_of_token.get(i).copied().unwrap_or(u32::MAX);
        if si == u32::MAX {
            return (i, i + 1);
        }
        self.p.paragraphs[self.p.sentences[si as usize].paragraph].tokens
    }

    /// The cue starting at token `i`, if any, unless its context shows
    /// it reports nothing (negated, passive, first person, impersonal).
    fn cue_at(&self, i: usize) -> Option<Cue> {
        self.cues.get(i).copied().flatten()
    }

    /// The cue word(s) starting at token `i`, if any.
    fn cue_word_at(&self, i: usize) -> Option<Cue> {
        if self.kind(i) != TokenKind::Word {
            return None;
        }
        let w = self.norm(i);
        let single = |kind| {
            Some(Cue {
                first: i,
                last: i,
                kind,
            })
        };
        match self.lang(i) {
            Lang::Ar => {
                let bare = lx::strip_conjunction(w);
                let kind = ar_cue_kind(w)
                    .or_else(|| (bare.len() < w.len()).then(|| ar_cue_kind(bare)).flatten())?;
                // "مفضلا عدم ذكر اسمه": a verbal noun after a negation noun is
                // not a speech act.
                if i > 0 && matches!(self.norm(i - 1), "عدم" | "بعدم" | "دون" | "بدون" | "عن")
                {
                    return None;
                }
                if kind == CueKind::According {
                    // وفقا لـ / نقلا عن: include the particle in the cue.
                    let last = if i + 1 < self.p.tokens.len()
                        && matches!(self.norm(i + 1), "ل" | "لـ" | "عن")
                    {
                        i + 1
                    } else {
                        i
                    };
                    return Some(Cue {
                        first: i,
                        last,
                        kind: CueKind::According,
                    });
                }
                single(kind)
            }
            Lang::En => {
                if w == "according" && self.norm_at(i + 1) == Some("to") {
                    return Some(Cue {
                        first: i,
                        last: i + 1,
                        kind: CueKind::According,
                    });
                }
                if w == "pointed" && self.norm_at(i + 1) == Some("out") {
                    return Some(Cue {
                        first: i,
                        last: i + 1,
                        kind: CueKind::Verb,
                    });
                }
                if lx::is_en_participle(w) {
                    return single(CueKind::Participle);
                }
                if lx::is_en_verb(w) {
                    return single(CueKind::Verb);
                }
                None
            }
            Lang::Fr => {
                // "Pour le ministre, …", "Pour lui, …": at the head of a
                // sentence, the view of the one named.
                if w == "pour" && self.sentence_bounds(i).0 == i {
                    return single(CueKind::According);
                }
                if w == "selon"
                    || (w == "d"
                        && self.norm_at(i + 1) == Some("'")
                        && self.norm_at(i + 2) == Some("apres"))
                {
                    if w == "selon"
                        && matches!(
                            self.norm_at(i + 1),
                            Some("lesquelles" | "lesquels" | "laquelle" | "lequel" | "moi" | "eux")
                        )
                    {
                        return None;
                    }
                    let last = if w == "selon" { i } else { i + 2 };
                    return Some(Cue {
                        first: i,
                        last,
                        kind: CueKind::According,
                    });
                }
                if lx::is_fr_participle(w) {
                    return single(CueKind::Participle);
                }
                if lx::is_fr_verb(w) {
                    // Include the auxiliary: "a déclaré", "s'est dit", "a-t-il ajouté".
                    let first = self.fr_aux_start(i);
                    let mut last = i;
                    // Inverted subject after the verb: "explique-t-il", "précise-t-on".
                    if self.norm_at(i + 1) == Some("-")
                        && self.norm_at(i + 2) == Some("t")
                        && self.norm_at(i + 3) == Some("-")
                    {
                        last = (i + 4).min(self.p.tokens.len() - 1);
                    }
                    return Some(Cue {
                        first,
                        last,
                        kind: CueKind::Verb,
                    });
                }
                None
            }
        }
    }

    fn norm_at(&self, i: usize) -> Option<&str> {
        (i < self.p.tokens.len()).then(|| self.norm(i))
    }

    /// True for cue words that report no one's speech here: negated (لم
    /// يكشف، did not say), passive (it is noted that, was agreed),
    /// impersonal (يذكر أن), after "when" (when asked), or said by the
    /// first or second person inside a quote (I didn't say that).
    fn is_non_reporting(&self, cue: Cue) -> bool {
        if cue.kind == CueKind::According {
            return false;
        }
        let i = cue.first;
        let prev = |back: usize| if i >= back { self.norm(i - back) } else { "" };
        match self.lang(cue.last) {
            Lang::Ar => {
                let bare = lx::strip_conjunction(self.norm(cue.last));
                matches!(prev(1), "لم" | "ولم" | "لن" | "ولن" | "لا" | "ولا" | "ما")
                    || matches!(bare, "يذكر" | "يشار" | "تذكر")
                        && self
                            .norm_at(cue.last + 1)
                            .is_some_and(lx::is_ar_complementiser)
            }
            Lang::En | Lang::Fr => {
                let mut k = 1;
                while matches!(
                    prev(k),
                    "not"
                        | "n't"
                        | "'"
                        | "t"
                        | "did"
                        | "didn"
                        | "do"
                        | "don"
                        | "ne"
                        | "never"
                        | "pas"
                        | "n"
                ) {
                    k += 1;
                }
                let before = prev(k);
                // "serait poursuivi", "a été annoncé": French passive.
                let fr_passive = self.lang(cue.last) == Lang::Fr
                    && cue.first == cue.last
                    && (matches!(
                        prev(1),
                        "serait"
                            | "sera"
                            | "seront"
                            | "sont"
                            | "etait"
                            | "ete"
                            | "fut"
                            | "etre"
                            | "seraient"
                    ) || prev(1) == "est" && prev(2) != "'");
                fr_passive
                    || matches!(
                        before,
                        "i" | "we" | "you" | "je" | "j" | "nous" | "vous" | "tu"
                    )
                    || matches!(prev(1), "be" | "been" | "being" | "when" | "if" | "once")
                    // "Who told you that?": a question, not a report.
                    || matches!(prev(1), "who" | "qui")
                        && (i < 2 || self.kind(i - 2) == TokenKind::Punct)
                    || matches!(prev(1), "is" | "was" | "were" | "are")
                        && matches!(prev(2), "it" | "this" | "which" | "that")
                    || k > 1 && self.lang(cue.last) == Lang::En
            }
        }
    }

    /// Start of a French auxiliary group ending just before token `i`
    /// ("a", "s'est", "a-t-il", "avait").
    fn fr_aux_start(&self, i: usize) -> usize {
        let n = |k: usize| {
            if k < self.p.tokens.len() {
                self.norm(k)
            } else {
                ""
            }
        };
        if i >= 5 && matches!(n(i - 1), "il" | "elle" | "on") {
            // a-t-il ajouté
            if n(i - 2) == "-" && n(i - 3) == "t" && n(i - 4) == "-" && lx::is_fr_aux(n(i - 5)) {
                return i - 5;
            }
        }
        if i >= 1 && lx::is_fr_aux(n(i - 1)) {
            // s'est dit, s'était vanté, n'a pas dit
            if i >= 3 && n(i - 2) == "'" && matches!(n(i - 3), "s" | "n") {
                return i - 3;
            }
            return i - 1;
        }
        i
    }

    fn is_complementiser(&self, i: usize) -> Option<usize> {
        // Returns the index of the last token of the complementiser group.
        let w = self.norm(i);
        match self.lang(i) {
            Lang::Ar => {
                if lx::is_ar_complementiser(w) {
                    return Some(i);
                }
                if matches!(w, "الي" | "علي" | "من")
                    && self.norm_at(i + 1).is_some_and(lx::is_ar_complementiser)
                {
                    return Some(i + 1);
                }
                None
            }
            Lang::En => (w == "that" || w == "whether").then_some(i),
            Lang::Fr => {
                if w == "que" {
                    return Some(i);
                }
                if w == "qu" && self.norm_at(i + 1) == Some("'") {
                    return Some(i + 1);
                }
                None
            }
        }
    }

    /// Pass 1: reported clauses introduced by a cue (قال إن، said that,
    /// a déclaré que, بحسب X، according to X, قال: …).
    fn reported_clauses(&mut self) {
        let n = self.p.tokens.len();
        let mut i = 0;
        while i < n {
            let Some(cue) = self.cue_at(i) else {
                i += 1;
                continue;
            };
            match cue.kind {
                CueKind::According => self.according(cue),
                CueKind::Verb | CueKind::Participle => {
                    if !self.verb_clause(cue) && cue.kind == CueKind::Verb {
                        self.postposed_clause(cue);
                    }
                }
            }
            i = cue.last + 1;
        }
        self.headline_labels();
    }

    /// "CONTENT, affirme le porte-parole du gouvernement." / "Prices will
    /// rise, the minister said." — an unmarked clause attributed after it.
    fn postposed_clause(&mut self, cue: Cue) {
        let (sa, sb) = self.sentence_bounds(cue.first);
        let body_end = self.body_end(sa, sb);
        let (mention, comma) = match self.lang(cue.first) {
            Lang::Ar => return,
            _ => {
                // "CONTENT, a indiqué X": right after the comma the subject
                // follows the verb (what precedes is the content itself).
                // Only when a subject does follow: "X, contre lequel …, s'est
                // dit serein" has its subject before.
                let inverted = cue.first > 0
                    && self.is_comma(cue.first - 1)
                    && self
                        .mention_after_latin(cue.last + 1, body_end)
                        .is_some_and(|m| {
                            let f = self.p.tokens.at_or_after(m.start);
                            first_char(self.p.word(f)).is_uppercase()
                                || lx::is_determiner(self.norm(f))
                                || matches!(self.norm(f), "des" | "un" | "une")
                        });
                let before = if inverted {
                    None
                } else {
                    self.mention_before(cue)
                };
                let at = before.map_or(cue.first, |m| self.p.tokens.at_or_after(m.start));
                let mention = before.or_else(|| self.mention_after_latin(cue.last + 1, body_end));
                (mention, at.checked_sub(1))
            }
        };
        let Some(comma) = comma else { return };
        if !self.is_comma(comma) || comma < sa + 4 {
            return;
        }
        // The attribution must close the sentence (a few adjunct words at most).
        let tail_start = mention.map_or(cue.last + 1, |m| {
            self.p.tokens.at_or_after(m.end).max(cue.last + 1)
        });
        // An apposition after the speaker ("…, a indiqué le commandant X, un
        // responsable des pompiers joint par téléphone.") may run longer.
        let apposition = tail_start < body_end
            && self.is_comma(tail_start)
            && body_end - tail_start <= 24
            && (tail_start + 1..body_end)
                .all(|k| self.cue_at(k).is_none() && self.is_complementiser(k).is_none());
        if body_end.saturating_sub(tail_start) > 8 && !apposition {
            return;
        }
        let a = self.skip_leading_noise(sa, comma);
        if a >= comma || self.segment_opening_at(a).is_some() || self.enclosing_close(a).is_some() {
            return; // a quoted clause is attributed by the marked-segment pass
        }
        let mention = mention.filter(|&m| !self.starts_with_pronoun(m));
        self.emit_clause(a, comma, Some(cue.span(self.p)), mention, Some(cue.kind));
    }

    /// A headline that names its speaker before a colon: "العبدلي: الطرد
    /// أربكنا", "WH: Trump Will Make Announcement".
    fn headline_labels(&mut self) {
        for pi in 0..self.p.paragraphs.len() {
            let (a, b) = self.p.paragraphs[pi].tokens;
            if b - a > 40 {
                continue;
            }
            let Some(colon) = (a + 1..(a + 4).min(b)).find(|&k| self.is_punct(k, &[':'])) else {
                continue;
            };
            if !(a..colon).all(|k| self.kind(k) == TokenKind::Word) || b - colon < 4 {
                continue;
            }
            let label = self.norm(a);
            if is_label_word(label) || (a..colon).any(|k| self.cue_at(k).is_some()) {
                continue;
            }
            let mention = self.span_of(a, colon);
            if in_noise(self.noise, mention) || self.out.iter().any(|q| q.span.overlap(mention) > 0)
            {
                continue;
            }
            let start = colon + 1;
            let end = self.body_end(start, b);
            // "Q: … A: …" on one line: each label's words end at the next.
            let end = self.next_attribution(start, end).unwrap_or(end);
            let end = self.trim_trailing_punct(start, end);
            if self
                .segment_opening_at(start)
                .is_some_and(|si| self.segments[si].close.is_some_and(|c| c + 1 >= end))
            {
                continue; // a fully quoted headline: the marked-segment pass decides
            }
            self.emit_clause(start, end, None, Some(mention), None);
        }
    }

    /// "بحسب X" / "according to X" / "selon X": the reported clause is the
    /// rest of the sentence after X, or the part of the sentence before.
    fn according(&mut self, cue: Cue) {
        let (sa, sb) = self.sentence_bounds(cue.first);
        let body_end = self.body_end(sa, sb);
        // The source: from after the cue to the next comma or sentence end.
        let mut m_end = cue.last + 1;
        // بحسب ما نشره / ذكره: skip "what X published".
        let mut cue_last = cue.last;
        if self.lang(cue.first) == Lang::Ar
            && self.norm_at(m_end) == Some("ما")
            && m_end + 1 < body_end
        {
            cue_last = m_end + 1;
            m_end += 2;
        }
        let mut m_start = m_end;
        while m_end < body_end && !self.is_comma(m_end) && m_end - m_start < 12 {
            let w = self.norm(m_end);
            // "un communiqué publié par le porte-parole": the publisher.
            if m_end > m_start
                && matches!(
                    w,
                    "publie" | "publiee" | "published" | "issued" | "released" | "diffuse"
                )
                && self
                    .norm_at(m_end + 1)
                    .is_some_and(|n| n == "par" || n == "by")
            {
                m_start = m_end + 2;
                m_end += 2;
                continue;
            }
            // The source ends at a relative clause or a time word.
            let stop = match self.lang(cue.first) {
                Lang::Ar => matches!(w, "الذي" | "التي" | "الذين") || lx::is_ar_time_word(w),
                _ => {
                    m_end > m_start
                        && lx::is_en_fr_stop(w)
                        && !matches!(w, "de" | "du" | "des" | "of")
                }
            };
            if stop {
                break;
            }
            m_end += 1;
        }
        if m_end <= m_start {
            return;
        }
        // "Pour lui, …": a pronoun source is the previous speaker.
        let pronoun = m_end == m_start + 1
            && matches!(
                self.norm(m_start),
                "lui" | "elle" | "eux" | "elles" | "him" | "her" | "them"
            );
        if m_end == m_start || !(pronoun || self.looks_like_source(m_start, m_end)) {
            return;
        }
        if self.norm(cue.first) == "pour" && !self.is_comma(m_end) {
            return; // "Pour X" must close its phrase with a comma
        }
        let mention = (!pronoun).then(|| self.span_of(m_start, m_end));
        let cue_span = Span::new(
            self.p.tokens.list[cue.first].span.start,
            self.p.tokens.list[cue_last].span.end,
        );
        // "While X, according to the surveys, CONTENT": a subordinate clause
        // before the source is not what the source reports.
        let subordinate = matches!(
            self.norm(sa),
            "while"
                | "although"
                | "as"
                | "when"
                | "though"
                | "if"
                | "alors"
                | "si"
                | "bien"
                | "tandis"
                | "بينما"
                | "فيما"
                | "رغم"
                | "مع"
        );
        let before_has_clause =
            !subordinate && cue.first > sa + 2 && (cue.first == 0 || self.is_comma(cue.first - 1));
        let (ca, cb) = if before_has_clause {
            // "CONTENT، بحسب X" — the clause before, from the sentence start
            // (or after an opening "according to" of its own).
            (
                sa.max(cue.first.saturating_sub(MAX_CLAUSE_TOKENS)),
                cue.first - 1,
            )
        } else {
            // "Selon Libération qui a eu accès aux documents, CONTENT": the
            // clause starts after the comma that closes the source phrase.
            let mut c = m_end;
            while c < body_end && !self.is_comma(c) && c - m_end < 15 {
                c += 1;
            }
            if c < body_end && self.is_comma(c) {
                (c + 1, body_end)
            } else {
                return;
            }
        };
        if cb <= ca + 1 {
            return;
        }
        let ca = self.skip_leading_noise(ca, cb);
        self.emit_clause(ca, cb, Some(cue_span), mention, None);
    }

    /// True when tokens `a..b` name a plausible source: a capitalised name
    /// (Latin script), or a noun from the source lexicon, or any Arabic
    /// phrase that contains a source noun.
    fn looks_like_source(&self, a: usize, b: usize) -> bool {
        (a..b.min(a + 5)).any(|k| {
            let w = self.norm(k);
            // "وفقا لوزارة", "بحسب للشرطة": a glued preposition and article.
            let w = ["لل", "ل", "بال"]
                .iter()
                .find_map(|p| w.strip_prefix(p).filter(|r| r.chars().count() >= 3))
                .unwrap_or(w);
            let bare = w.strip_prefix("ال").unwrap_or(w);
            let title = match self.lang(k) {
                Lang::Ar => lx::is_ar_title_word(w) || lx::is_ar_title_word(bare),
                // Not a modifier alone ("la première fois").
                _ => {
                    lx::is_en_fr_title(w)
                        && !lx::is_determiner(w)
                        && w.chars().count() > 2
                        && !matches!(w, "premier" | "premiere" | "prime" | "former" | "vice")
                }
            };
            title || is_source_noun(w) || is_source_noun(bare) || {
                let orig = self.p.word(k);
                self.lang(k) != Lang::Ar && first_char(orig).is_uppercase() && k == a
            }
        })
    }

    /// Verb cues: cue [speaker] [adjuncts] complementiser CLAUSE, or cue
    /// [speaker]: CLAUSE, or (English) "X said he …".
    fn verb_clause(&mut self, cue: Cue) -> bool {
        // "« A, rappelle X, il faut que B »": an incise inside marks reports
        // the marked words around it, not a clause after it.
        if cue.first > 0
            && self.is_comma(cue.first - 1)
            && self.enclosing_close(cue.first).is_some()
        {
            return false;
        }
        let (sa, sb) = self.sentence_bounds(cue.first);
        let (_, pb) = self.paragraph_bounds(cue.first);
        let body_end = self.body_end(sa, sb);
        let limit = (cue.last + 1 + MAX_TOKENS_CUE_TO_CLAUSE).min(pb);
        let mut k = cue.last + 1;
        let mut clause_start = None;
        let mut colon = false;
        while k < limit {
            if let Some(end) = self.is_complementiser(k) {
                // "responded to the question of the proof that …", "rejette
                // l'idée que …": a clause completing a noun is not what was said.
                if k > cue.last + 1 && is_nominal_complement_head(self.norm(k - 1)) {
                    break;
                }
                clause_start = Some(end + 1);
                break;
            }
            if self.is_punct(k, &[':']) {
                clause_start = Some(k + 1);
                colon = true;
                break;
            }
            if k > cue.last + 1 && self.cue_at(k).is_some_and(|c| c.kind != CueKind::According) {
                break; // another cue: this one reports nothing of its own
            }
            if k >= body_end || self.is_stop(k) {
                break;
            }
            if self.kind(k) == TokenKind::Punct
                && is_quote_mark(first_char(self.p.word(k)))
                && !self.is_apostrophe(k)
                && self.lang(cue.first) != Lang::Ar
            {
                break;
            }
            k += 1;
        }
        // English/French: "X said he would …" without "that".
        let bare_clause_cue = cue.kind == CueKind::Verb
            || matches!(self.norm(cue.last), "saying" | "adding" | "telling");
        if clause_start.is_none() && self.lang(cue.last) == Lang::En && bare_clause_cue {
            let mut j = cue.last + 1;
            while j < body_end && is_time_word_en(self.norm(j)) {
                j += 1;
            }
            // "told the committee the bill would pass", "told him he was
            // wrong": the addressee comes first; with no clause after it
            // ("told the committee.") nothing is reported here.
            if matches!(self.norm(cue.last), "told" | "tells" | "tell" | "telling") {
                j = self.after_addressee_en(j, body_end).unwrap_or(body_end);
                while j < body_end && is_time_word_en(self.norm(j)) {
                    j += 1;
                }
                // "told the judge this week": two words are no clause.
                if body_end < j + 3 {
                    j = body_end;
                }
            }
            if j < body_end
                && is_clause_opener_en(self.norm(j))
                && matches!(
                    self.norm(cue.last),
                    "said"
                        | "says"
                        | "told"
                        | "tells"
                        | "telling"
                        | "saying"
                        | "adding"
                        | "added"
                        | "warned"
                        | "claimed"
                        | "insisted"
                        | "argued"
                        | "stated"
                        | "noted"
                        | "predicted"
                        | "estimated"
                )
            {
                clause_start = Some(j);
            }
        }
        let Some(start) = clause_start else {
            return false;
        };
        let cue_span = cue.span(self.p);
        let mention = self.speaker_mention(cue, start);
        if colon {
            // قال: CLAUSE — a quoted clause is taken by the marked-segment
            // pass; an unmarked one runs to the sentence (or paragraph) end.
            if start >= self.paragraph_bounds(cue.first).1
                || self.segment_opening_at(start).is_some()
            {
                return true;
            }
            // It ends where the next attribution with a colon starts
            // ("Q: … A: …", "He said: … She said: …"): colon quotes follow
            // one another, they never nest.
            let end = self.body_end_from(start).min(start + MAX_CLAUSE_TOKENS);
            let end = self.next_attribution(start, end).unwrap_or(end);
            let end = self.trim_trailing_punct(start, end);
            self.emit_clause(start, end, Some(cue_span), mention, None);
            return true;
        }
        let end = self.clause_end(start);
        self.emit_clause(start, end, Some(cue_span), mention, Some(cue.kind));
        true
    }

    /// The first token, in `start..end`, of an attribution that introduces
    /// its own clause with a colon or a complementiser ("the minister
    /// said:", "وأضاف:", "Il a ajouté que"): its subject when one stands
    /// just before the cue, else the cue itself; or of a sentence opening
    /// with a short label and a colon ("A:"). An unmarked colon quote ends
    /// there.
    fn next_attribution(&self, start: usize, end: usize) -> Option<usize> {
        let mut k = start;
        while k < end {
            // A sentence that opens with a short label and a colon ("A:",
            // "Nora Kell:", "س:").
            if k > start && self.is_stop(k - 1) {
                let mut c = k;
                while c < end && c < k + 3 && self.kind(c) == TokenKind::Word {
                    c += 1;
                }
                if c > k && c < end && self.is_punct(c, &[':']) {
                    return Some(k);
                }
            }
            let Some(cue) = self.cue_at(k).filter(|c| c.kind != CueKind::According) else {
                k += 1;
                continue;
            };
            let limit = (cue.last + 1 + MAX_TOKENS_CUE_TO_CLAUSE).min(end);
            let mut c = cue.last + 1;
            while c < limit
                && !self.is_punct(c, &[':'])
                && !self.is_stop(c)
                && self.is_complementiser(c).is_none()
                && !(self.kind(c) == TokenKind::Punct
                    && is_quote_mark(first_char(self.p.word(c)))
                    && !self.is_apostrophe(c))
            {
                c += 1;
            }
            // Any attribution that opens its own clause, with a colon or
            // a complementiser ("وقال الوزير إن …"), ends an unmarked quote.
            if c < limit && (self.is_punct(c, &[':']) || self.is_complementiser(c).is_some()) {
                // The subject: the words just before the cue, back to the
                // previous punctuation mark (a few words at most).
                let mut a = cue.first;
                let in_phrase = |k: usize| {
                    self.kind(k) == TokenKind::Word && self.cue_at(k).is_none()
                        || matches!(self.p.word(k), "'" | "’" | "-")
                };
                while a > start && cue.first - a < 8 && in_phrase(a - 1) {
                    a -= 1;
                }
                if a > start && in_phrase(a - 1) {
                    a = cue.first; // a longer phrase: the cue starts the attribution
                }
                return Some(a);
            }
            k = cue.last + 1;
        }
        None
    }

    /// `end` moved back over trailing punctuation (but not before `start`).
    fn trim_trailing_punct(&self, start: usize, mut end: usize) -> usize {
        while end > start
            && self.kind(end - 1) == TokenKind::Punct
            && is_trailing_punct(first_char(self.p.word(end - 1)))
        {
            end -= 1;
        }
        end
    }

    /// The token after the addressee of "told" that starts at `j`: an
    /// object pronoun, or a short noun phrase that a clause opener ends
    /// ("the committee | the bill would pass", "reporters | he would run").
    fn after_addressee_en(&self, j: usize, end: usize) -> Option<usize> {
        if j >= end {
            return None;
        }
        if matches!(self.norm(j), "him" | "her" | "them" | "us" | "me" | "you") {
            return Some(j + 1);
        }
        let mut k = j + 1;
        while k < end && k < j + 6 && self.kind(k) == TokenKind::Word {
            let w = self.norm(k);
            if is_clause_opener_en(w)
                && !matches!(w, "a" | "an" | "its" | "his" | "her" | "their" | "our")
            {
                return Some(k);
            }
            k += 1;
        }
        None
    }

    /// The end (exclusive token) of a reported clause starting at `start`:
    /// the sentence end, or before ", adding" / "، مضيفا" / ", according to".
    fn clause_end(&self, start: usize) -> usize {
        // A clause that opens with a quotation mark runs at least to its
        // closing mark, even over sentence ends inside the quote.
        let mut from = start;
        if let Some(si) = self.segment_opening_at(start) {
            let seg = self.segments[si];
            if let Some(c) = seg.close {
                from = c;
            }
        }
        let (sa, sb) = self.sentence_bounds(from);
        let mut end = self.body_end(from.max(sa), sb).max(from.min(sb));
        // A clause reported inside a direct quote ends with that quote.
        if let Some(close) = self.enclosing_close(start) {
            end = end.min(close);
        }
        // Bounded: text without sentence ends must not make every cue scan
        // to the end of the document.
        end = end.min(start + MAX_CLAUSE_TOKENS);
        let mut k = start + 1;
        while k < end {
            if self.is_comma(k) && k + 1 < end {
                if let Some(c) = self.cue_at(k + 1) {
                    if matches!(c.kind, CueKind::Participle | CueKind::According) {
                        return k;
                    }
                }
            }
            k += 1;
        }
        end
    }

    /// The closing mark of the marked segment that contains token `i`.
    fn enclosing_close(&self, i: usize) -> Option<usize> {
        let idx = self.segments.partition_point(|s| s.open < i);
        self.segments[..idx]
            .iter()
            .rev()
            .take(4)
            .find_map(|s| s.close.filter(|&c| c > i))
    }

    fn body_end(&self, sa: usize, sb: usize) -> usize {
        // Token end of the sentence body (final punctuation excluded).
        let mut b = sb;
        while b > sa + 1
            && b + 8 > sb
            && self.kind(b - 1) == TokenKind::Punct
            && is_trailing_punct(first_char(self.p.word(b - 1)))
        {
            b -= 1;
        }
        b
    }

    fn body_end_from(&self, i: usize) -> usize {
        let (sa, sb) = self.sentence_bounds(i);
        self.body_end(sa, sb)
    }

    fn segment_opening_at(&self, i: usize) -> Option<usize> {
        let idx = self.segments.partition_point(|s| s.open < i);
        (idx < self.segments.len() && self.segments[idx].open == i).then_some(idx)
    }

    fn skip_leading_noise(&self, mut a: usize, b: usize) -> usize {
        let b = b.min(a + 8);
        while a < b
            && (self.kind(a) == TokenKind::Punct && !is_quote_mark(first_char(self.p.word(a))))
        {
            a += 1;
        }
        a
    }

    /// Bytes of tokens `a..b`; an empty span (at token `a`, or the text
    /// end) when the range is empty, so a clause cut off by the end of the
    /// text never indexes past it.
    fn span_of(&self, a: usize, b: usize) -> Span {
        let toks = &self.p.tokens.list;
        if a >= b || b > toks.len() {
            let at = toks.get(a).map_or(self.p.text.len(), |t| t.span.start);
            return Span::new(at, at);
        }
        Span::new(toks[a].span.start, toks[b - 1].span.end)
    }

    /// Emits a reported clause over tokens `a..b`. A clause that is exactly
    /// one marked segment is a direct quote of the segment's content; one
    /// that contains marked parts is mixed; otherwise indirect.
    fn emit_clause(
        &mut self,
        a: usize,
        b: usize,
        cue: Option<Span>,
        mention: Option<Span>,
        cue_kind: Option<CueKind>,
    ) {
        if b <= a {
            return;
        }
        let first = self.segments.partition_point(|s| s.open < a);
        let mut inner = Vec::new();
        for (si, s) in self.segments.iter().enumerate().skip(first) {
            if s.open >= b {
                break;
            }
            inner.push(si);
        }
        // Exactly one segment from the clause start: direct.
        if let Some(&si) = inner.first() {
            let s = self.segments[si];
            let closes_clause = s
                .close
                .is_none_or(|c| c + 1 >= b || self.trailing_is_attribution(c + 1, b));
            if s.open == a && closes_clause {
                self.used_segment[si] = true;
                self.out.push(FoundQuote {
                    span: s.span,
                    form: QuoteForm::Direct,
                    cue,
                    mention,
                    same_speaker_as: None,
                });
                return;
            }
        }
        let content = self.span_of(a, b);
        if content.is_empty() {
            return;
        }
        let mixed = inner
            .iter()
            .any(|&si| !self.is_title_segment(self.segments[si]));
        for &si in &inner {
            self.used_segment[si] = true;
        }
        let _ = cue_kind;
        self.out.push(FoundQuote {
            span: content,
            form: if mixed {
                QuoteForm::Mixed
            } else {
                QuoteForm::Indirect
            },
            cue,
            mention,
            same_speaker_as: None,
        });
    }

    /// True when tokens `a..b` after a closing mark are only attribution
    /// ("، على حد تعبيره", ", he said") or punctuation.
    fn trailing_is_attribution(&self, a: usize, b: usize) -> bool {
        (a..b).all(|k| self.kind(k) == TokenKind::Punct)
            || b - a <= 4
                && (a..b).any(|k| {
                    self.cue_at(k).is_some()
                        || matches!(self.norm(k), "تعبيره" | "تعبيرها" | "قوله" | "قولها")
                })
    }

    /// True when a marked segment names something (a title, a programme, a
    /// publication) rather than quoting: short and after a naming word.
    fn is_title_segment(&self, s: Segment) -> bool {
        let words = (s.tokens.0..s.tokens.1)
            .filter(|&k| self.kind(k) == TokenKind::Word)
            .count();
        if words == 0 {
            return true;
        }
        if s.open > 0 {
            let before = s.open - 1;
            if self.kind(before) == TokenKind::Word
                && lx::is_naming_word(self.norm(before))
                && words <= 6
            {
                return true;
            }
            // لـ"…" / ل"…": a name glued to the preposition.
            if self.norm(before) == "ل" || self.norm(before) == "لـ" {
                return words <= 4;
            }
        }
        false
    }

    /// The speaker mention for a cue whose clause starts at `clause`.
    fn speaker_mention(&self, cue: Cue, clause: usize) -> Option<Span> {
        if let Some(m) = self.quoted_as_saying(cue) {
            return Some(m);
        }
        if cue.kind == CueKind::Participle {
            // مضيفا، adding, ajoutant: the speaker is the main clause's; the
            // text names it (if at all) at the start of the sentence.
            return self.sentence_subject(cue.first);
        }
        let m = match self.lang(cue.first) {
            Lang::Ar => self
                .mention_after_ar(cue, clause)
                .or_else(|| self.mention_before(cue)),
            Lang::En | Lang::Fr => {
                if self.lang(cue.first) == Lang::Fr
                    && cue.last > cue.first
                    && matches!(self.norm(cue.last), "il" | "elle" | "on" | "ils" | "elles")
                {
                    return None; // a-t-il déclaré: implicit
                }
                let inverted = cue.first == self.sentence_bounds(cue.first).0
                    || cue.first > 0 && self.kind(cue.first - 1) == TokenKind::Punct;
                self.mention_before(cue).or_else(|| {
                    inverted
                        .then(|| self.mention_after_latin(cue.last + 1, clause))
                        .flatten()
                })
            }
        };
        m.filter(|&m| !m.is_empty() && !self.starts_with_pronoun(m))
    }

    /// "The agency quoted the minister as saying …": the speaker is the
    /// one quoted, between "quoted" and "as".
    fn quoted_as_saying(&self, cue: Cue) -> Option<Span> {
        if self.lang(cue.first) != Lang::En
            || !matches!(self.norm(cue.first), "saying" | "telling" | "adding")
            || cue.first < 3
            || self.norm(cue.first - 1) != "as"
        {
            return None;
        }
        let as_at = cue.first - 1;
        let from = as_at.saturating_sub(9);
        let q = (from..as_at).rev().find(|&k| {
            matches!(
                self.norm(k),
                "quoted" | "quotes" | "quoting" | "cited" | "cites"
            )
        })?;
        (q + 1 < as_at
            && (q + 1..as_at).all(|k| {
                self.kind(k) == TokenKind::Word || matches!(self.p.word(k), "." | "-" | "'" | "’")
            }))
        .then(|| self.span_of(q + 1, as_at))
    }

    fn starts_with_pronoun(&self, m: Span) -> bool {
        let k = self.p.tokens.at_or_after(m.start);
        k < self.p.tokens.len() && {
            let w = self.norm(k);
            lx::is_pronoun_subject(w)
                || matches!(
                    w,
                    "j" | "you" | "vous" | "that" | "que" | "qu" | "ان" | "انه"
                )
        }
    }

    /// For a participle continuation in Latin script: a proper name opening
    /// its sentence ("Orji U. Orji, in a statement, …, saying that").
    fn sentence_subject(&self, i: usize) -> Option<Span> {
        if self.lang(i) == Lang::Ar {
            return None;
        }
        let (mut sa, _) = self.sentence_bounds(i);
        // "However, …", "Meanwhile, …": a discourse word is not the subject.
        if sa + 1 < i && is_discourse_word(self.norm(sa)) && self.is_comma(sa + 1) {
            sa += 2;
        }
        let mut end = sa;
        while end < i
            && end < sa + 6
            && (self.kind(end) != TokenKind::Punct
                || matches!(self.p.word(end), "." | "-" | "'" | "’"))
        {
            end += 1;
        }
        if end == sa || end - sa > 5 {
            return None;
        }
        let m = self.span_of(sa, end);
        // A name ("Orji U. Orji, …, saying"), or a titled description
        // ("The minister abruptly exited …, asserting") that the speaker
        // clustering resolves to a name given elsewhere.
        let titled = end - sa <= 4
            && matches!(self.norm(sa), "the" | "le" | "la" | "l")
            && (sa + 1..end).any(|k| {
                lx::is_en_fr_title(self.norm(k))
                    && !matches!(
                        self.norm(k),
                        "the" | "a" | "an" | "le" | "la" | "les" | "l" | "un" | "une"
                    )
            });
        if titled {
            return Some(m);
        }
        crate::speakers::split_mention(self.p, m).name.map(|_| m)
    }

    /// The first titled person named in tokens `a..b` of a sentence, for a
    /// partial quote whose verb has only a pronoun subject: "رحب وزير
    /// الخارجية الأميركي مايك بومبيو …، لكنه دعا إلى … “في أقرب وقت ممكن”".
    fn titled_subject(&self, a: usize, b: usize) -> Option<Span> {
        let a = a.max(b.saturating_sub(MAX_LOOKBACK));
        let t = (a..b).find(|&k| {
            let w = self.norm(k);
            match self.lang(k) {
                Lang::Ar => {
                    lx::is_ar_title_word(w) || lx::is_ar_title_word(lx::strip_conjunction(w))
                }
                _ => {
                    lx::is_en_fr_title(w)
                        && !matches!(
                            w,
                            "the" | "a" | "an" | "le" | "la" | "les" | "l" | "un" | "une"
                        )
                        && first_char(self.p.word(k)).is_uppercase()
                }
            }
        })?;
        let mut e = t + 1;
        while e < b
            && e - t < 8
            && self.kind(e) == TokenKind::Word
            && !self.is_comma(e)
            && !lx::is_ar_stop_preposition(self.norm(e))
            && !lx::is_ar_time_word(self.norm(e))
            && self.cue_at(e).is_none()
        {
            e += 1;
        }
        let m = self.span_of(t, e);
        let parts = crate::speakers::split_mention(self.p, m);
        let name = parts.name?;
        // Without a comma to end it, a run past two name words has taken in
        // the next noun ("مايك بومبيو بوقف إطلاق النار"): keep two.
        let words = name.split_whitespace().count();
        if words > 2 && self.lang(t) == Lang::Ar {
            let end = self.p.tokens.ending_by(m.end) - (words - 2);
            return Some(self.span_of(t, end.max(t + 1)));
        }
        Some(m)
    }

    /// The last person named in the `LOOKBACK_NAMED` tokens before token
    /// `b`: a run of two or more capitalised non-title words (Latin), or a
    /// title followed by a name (Arabic).
    fn last_named_before(&self, b: usize) -> Option<Span> {
        const LOOKBACK_NAMED: usize = 150;
        let a = b.saturating_sub(LOOKBACK_NAMED);
        if self.lang(b.min(self.p.tokens.len().saturating_sub(1))) == Lang::Ar {
            return (a..b).rev().find_map(|t| {
                let w = self.norm(t);
                let title =
                    lx::is_ar_title_word(w) || lx::is_ar_title_word(lx::strip_conjunction(w));
                if title {
                    self.titled_subject(t, b.min(t + 10))
                } else {
                    None
                }
            });
        }
        let name_word = |k: usize| {
            self.kind(k) == TokenKind::Word
                && first_char(self.p.word(k)).is_uppercase()
                && !lx::is_en_fr_title(self.norm(k))
                && !lx::is_en_fr_stop(self.norm(k))
        };
        // "Orji U. Orji": an initial's full stop stays inside the name.
        let initial_dot = |k: usize| {
            self.p.word(k) == "."
                && k > a
                && name_word(k - 1)
                && self.p.word(k - 1).chars().count() == 1
        };
        let mut k = b;
        while k > a {
            k -= 1;
            if name_word(k) && k > a && (name_word(k - 1) || initial_dot(k - 1)) {
                let end = k + 1;
                let mut start = k - 1;
                while start > a && (name_word(start - 1) || initial_dot(start - 1)) {
                    start -= 1;
                }
                // "bourgmestre de Bruxelles Yvan Mayeur": the word after
                // "de" names the place, not the person.
                if end - start >= 3
                    && start > 0
                    && matches!(self.norm(start - 1), "de" | "of" | "du" | "d" | "'")
                {
                    start += 1;
                }
                return Some(self.span_of(start, end));
            }
        }
        None
    }

    /// True when a named span (from [`Detector::last_named_before`]) looks
    /// like a person: in Latin script, at most four words and none of them
    /// the head of an organisation's name ("Rapid Response Squad", "Farmers
    /// Association").
    fn names_a_person(&self, m: Span) -> bool {
        let a = self.p.tokens.at_or_after(m.start);
        let b = self.p.tokens.ending_by(m.end).max(a);
        if self.lang(a) == Lang::Ar {
            return true;
        }
        let words = (a..b).filter(|&k| self.kind(k) == TokenKind::Word).count();
        words <= 4 && !(a..b).any(|k| is_organisation_word(self.norm(k)))
    }

    /// Arabic verb-first: "قال وزير الخارجية الفرنسي جان إيف لو دريان، اليوم، إن".
    fn mention_after_ar(&self, cue: Cue, clause: usize) -> Option<Span> {
        let mut a = cue.last + 1;
        let stop = clause.min(self.p.tokens.len());
        // "التي قال فيها القاضي": skip the resumptive pronoun.
        while a < stop && matches!(self.norm(a), "فيها" | "فيه" | "لها" | "له" | "عنها" | "عنه")
        {
            a += 1;
        }
        let mut b = a;
        while b < stop && b - a < 12 {
            let w = self.norm(b);
            if self.kind(b) != TokenKind::Word {
                // "قال د. أحمد": a title's abbreviation stop stays in the name.
                if b > a && crate::segment::is_abbreviation_stop(self.p.text, &self.p.tokens, b) {
                    b += 1;
                    continue;
                }
                break;
            }
            if lx::is_ar_stop_preposition(w)
                || lx::is_ar_time_word(w)
                || lx::is_ar_complementiser(w)
                || self.cue_at(b).is_some() && b > a
            {
                break;
            }
            // لنواب، لوكالة: a prefixed preposition ends the phrase (but not
            // a short name particle such as "لو" in "لو دريان").
            if b > a
                && (w == "ل"
                    || w.starts_with('ل') && w.chars().count() >= 4 && !w.starts_with("ال"))
            {
                break;
            }
            // "مسؤول عراقي اشترط عدم ذكر اسمه": a relative clause ends it.
            if b > a && self.norm_at(b + 1) == Some("عدم") {
                break;
            }
            if !crate::chars::is_arabic_letter(first_char(self.p.word(b))) {
                break;
            }
            b += 1;
        }
        if b == a {
            return None;
        }
        // "ونقلت الوكالة عن الوزير قوله إن": the one quoted speaks, named
        // between عن and قوله.
        if b < stop && self.norm(b) == "عن" {
            let q = (b + 2..stop.min(b + 12)).find(|&k| {
                matches!(
                    self.norm(k),
                    "قوله" | "قولها" | "قولهم" | "تاكيده" | "تاكيدها" | "تصريحه" | "تصريحها"
                )
            });
            // "ونقلت صحيفة عن شهود عيان أن …": or up to the complementiser.
            let q = q.or_else(|| {
                (stop >= b + 3 && stop <= b + 8 && lx::is_ar_complementiser(self.norm(stop - 1)))
                    .then_some(stop - 1)
            });
            if let Some(q) = q {
                if (b + 1..q).all(|k| self.kind(k) == TokenKind::Word) {
                    return Some(self.span_of(b + 1, q));
                }
            }
        }
        // "تقرير … الذي أصدره جهاز الإحصاء إلى أن": a report is credited to
        // the body that issued it.
        let mut r = b;
        while r < stop && r < b + 8 && !matches!(self.norm(r), "الذي" | "التي") {
            r += 1;
        }
        if r + 2 < stop
            && matches!(self.norm(r), "الذي" | "التي")
            && matches!(
                self.norm(r + 1),
                "اصدره"
                    | "اصدرته"
                    | "نشره"
                    | "نشرته"
                    | "اعده"
                    | "اعدته"
                    | "اطلقه"
                    | "اطلقته"
            )
        {
            let c = r + 2;
            let mut e = c;
            while e < stop
                && self.kind(e) == TokenKind::Word
                && !lx::is_ar_stop_preposition(self.norm(e))
                && !lx::is_ar_complementiser(self.norm(e))
                && e - c < 8
            {
                e += 1;
            }
            if e > c {
                return Some(self.span_of(c, e));
            }
        }
        // "لجنة الطوارئ في إدارة … بوزارة الصحة، إنها": a prepositional
        // complement that runs straight to the comma before the clause
        // belongs to the phrase.
        if b < stop && matches!(self.norm(b), "في" | "علي" | "من" | "عن" | "لدي") {
            let mut c = b + 1;
            while c < stop
                && self.kind(c) == TokenKind::Word
                && !lx::is_ar_time_word(self.norm(c))
                && !lx::is_ar_stop_preposition(self.norm(c))
            {
                c += 1;
            }
            if c < stop && self.is_comma(c) && c - b <= 10 && c + 2 >= stop {
                b = c;
            }
        }
        if b - a == 1 && lx::is_pronoun_subject(self.norm(a)) {
            return None;
        }
        Some(self.span_of(a, b))
    }

    /// Subject before the cue: "Raymond Dalio, co-chief …, said", "the
    /// reporter said", "M. Molins a rappelé", "وكان مصدر مسؤول …، قال".
    fn mention_before(&self, cue: Cue) -> Option<Span> {
        let (sa, _) = self.sentence_bounds(cue.first);
        if cue.first == 0 || cue.first <= sa {
            return None;
        }
        let mut j = cue.first; // exclusive end of the subject
                               // Skip auxiliaries and adverbs between subject and verb.
        while j > sa {
            let w = self.norm(j - 1);
            let adverb = self.lang(cue.first) == Lang::En && w.len() > 4 && w.ends_with("ly");
            if adverb || is_aux_or_adverb(w) {
                j -= 1;
            } else {
                break;
            }
        }
        if j <= sa {
            return None;
        }
        if self.is_comma(j - 1) {
            return self.appositive_subject(sa, j - 1);
        }
        if self.lang(cue.first) == Lang::Ar {
            return None;
        }
        // "Mohamaddin (photo) replied": skip a parenthesis before the verb.
        if self.is_punct(j - 1, &[')']) {
            let mut k = j - 1;
            while k > sa && !self.is_punct(k, &['(']) {
                k -= 1;
            }
            if k > sa {
                // "He (Mohamaddin) asked": the name in brackets after a pronoun.
                if lx::is_pronoun_subject(self.norm(k - 1)) && k + 1 < j - 1 {
                    let inner = self.span_of(k + 1, j - 1);
                    if first_char(self.p.word(k + 1)).is_uppercase() {
                        return Some(inner);
                    }
                }
                j = k;
            }
        }
        // Walk back over the noun phrase.
        let mut start = j;
        while start > sa && j - start < 8 {
            let k = start - 1;
            let w = self.norm(k);
            if self.kind(k) == TokenKind::Punct {
                if matches!(self.p.word(k), "-" | "'" | "’" | ".") && start < j {
                    start -= 1;
                    continue;
                }
                break;
            }
            let inner =
                start < j && matches!(w, "de" | "du" | "des" | "of" | "from" | "for" | "at");
            if lx::is_en_fr_stop(w) && !inner {
                break;
            }
            start -= 1;
        }
        // Trim punctuation and dangling prepositions at the start.
        while start < j
            && (self.kind(start) == TokenKind::Punct
                || matches!(
                    self.norm(start),
                    "of" | "from" | "for" | "at" | "de" | "du" | "des"
                ))
        {
            start += 1;
        }
        if start >= j || !self.looks_like_np_latin(start, j) {
            return None;
        }
        Some(self.span_of(start, j))
    }

    /// The subject of a sentence whose verb follows an apposition
    /// ("Raymond Dalio, co-chief investment officer …, said"; "L'avocat
    /// belge …, Me Sven Mary, a estimé"; "وكان مصدر مسؤول …، قال"): the
    /// clause-initial phrase when it is a name, otherwise the last phrase
    /// between commas when that is a name, otherwise the initial phrase.
    fn appositive_subject(&self, sa: usize, comma: usize) -> Option<Span> {
        if comma > sa + MAX_LOOKBACK {
            return None; // far from the sentence start: no clause-initial subject
        }
        let mut start = sa;
        while start < comma && self.kind(start) == TokenKind::Punct {
            start += 1;
        }
        if self.lang(comma) == Lang::Ar {
            let first = self.norm(start);
            if matches!(lx::strip_conjunction(first), "كان" | "كانت")
                || matches!(first, "وكان" | "وكانت")
            {
                start += 1;
            }
        }
        let mut end = start;
        while end < comma && !self.is_comma(end) {
            end += 1;
        }
        let initial = (end > start && end - start <= 10).then(|| self.span_of(start, end));
        let has_name = |m: Span| crate::speakers::split_mention(self.p, m).name.is_some();
        if self.lang(comma) == Lang::Ar {
            return initial;
        }
        if let Some(m) = initial {
            if has_name(m)
                && first_char(self.p.word(start)).is_uppercase()
                && !lx::is_en_fr_title(self.norm(start))
            {
                return Some(m);
            }
        }
        // The last phrase between commas.
        let mut last_start = comma;
        while last_start > end && !self.is_comma(last_start - 1) {
            last_start -= 1;
        }
        if last_start > end && comma - last_start <= 6 {
            let m = self.span_of(last_start, comma);
            if has_name(m) {
                return Some(m);
            }
        }
        initial.filter(|_| self.looks_like_np_latin(start, end))
    }

    fn looks_like_np_latin(&self, a: usize, b: usize) -> bool {
        let first = self.p.word(a);
        let w = self.norm(a);
        if lx::is_en_fr_stop(w) && !matches!(w, "a" | "the" | "le" | "la" | "les" | "un" | "une") {
            return false;
        }
        first_char(first).is_uppercase()
            || lx::is_determiner(w)
            || matches!(
                w,
                "des"
                    | "ses"
                    | "one"
                    | "two"
                    | "several"
                    | "some"
                    | "many"
                    | "officials"
                    | "analysts"
                    | "experts"
                    | "sources"
                    | "bond"
            )
            || (b - a <= 3 && (a..b).all(|k| self.kind(k) == TokenKind::Word))
    }

    /// Subject after the verb (inversion): "said Sean Spicer", "précise
    /// Silvain Guillaume-Gentil, porte-parole", "confie une source judiciaire".
    fn mention_after_latin(&self, a: usize, limit: usize) -> Option<Span> {
        let (_, sb) = self.sentence_bounds(a.saturating_sub(1));
        let limit = limit.min(sb);
        let mut a = a;
        while a < limit && is_skippable_after_verb(self.norm(a)) {
            a += 1;
        }
        // "a indiqué à la presse le maire", "a assuré aux salariés la
        // directrice": the French addressee comes between verb and subject.
        if a + 2 < limit
            && self.lang(a) == Lang::Fr
            && matches!(self.norm(a), "a" | "au" | "aux" | "devant" | "aupres")
        {
            let mut j = a + 1;
            if self.norm(j) == "de" {
                j += 1;
            }
            if j < limit && matches!(self.norm(j), "la" | "le" | "les" | "l" | "'" | "’") {
                j += 1;
                if j < limit && matches!(self.p.word(j), "'" | "’") {
                    j += 1;
                }
            }
            // The addressee's head word, or name (an acronym is one word:
            // "à l'AFP Marc Henry").
            let capital = j < limit && first_char(self.p.word(j)).is_uppercase();
            let acronym = j < limit && self.p.word(j).chars().all(|c| c.is_uppercase());
            j += 1;
            while capital && !acronym && j < limit && first_char(self.p.word(j)).is_uppercase() {
                j += 1;
            }
            while j < limit && is_skippable_after_verb(self.norm(j)) {
                j += 1;
            }
            if j < limit
                && self.kind(j) == TokenKind::Word
                && (first_char(self.p.word(j)).is_uppercase()
                    || matches!(self.norm(j), "le" | "la" | "l" | "les" | "un" | "une"))
            {
                a = j;
            } else {
                return None; // only the addressee: the subject is not here
            }
        }
        let mut b = a;
        while b < limit && b - a < 8 {
            let k = b;
            if self.kind(k) == TokenKind::Punct {
                let abbreviation =
                    b > a && crate::segment::is_abbreviation_stop(self.p.text, &self.p.tokens, k);
                if matches!(self.p.word(k), "-" | "’" | "'") && b > a || abbreviation {
                    b += 1;
                    continue;
                }
                break;
            }
            let w = self.norm(k);
            if b > a && lx::is_en_fr_stop(w) && !matches!(w, "de" | "du" | "des" | "of") {
                break;
            }
            b += 1;
        }
        while b > a && matches!(self.norm(b - 1), "de" | "du" | "des" | "of" | "-" | "'") {
            b -= 1;
        }
        if b == a || !self.looks_like_np_latin(a, b) {
            return None;
        }
        Some(self.span_of(a, b))
    }

    /// Pass 2: marked segments not yet part of a reported clause. Each is a
    /// direct quote when attribution sits after it ("…”, he said"), before
    /// it in its sentence (a partial quote) or in the paragraph before (a
    /// line ending with ':'), or when it continues the previous quote's
    /// speaker; otherwise it is a title or a scare quote and is skipped.
    fn marked_segments(&mut self) {
        for si in 0..self.segments.len() {
            if self.used_segment[si] {
                continue;
            }
            let s = self.segments[si];
            if self.is_title_segment(s) {
                continue;
            }
            if self.split_incise(si) {
                continue;
            }
            if let Some((cue, mention)) = self.attribution_after(s) {
                self.push_direct(si, Some(cue), mention);
                continue;
            }
            if let Some((cue, mention)) = self.attribution_before(s) {
                self.push_direct(si, cue, mention);
                continue;
            }
            if let Some(mention) = self.colon_lead_in(s) {
                self.push_direct(si, None, mention);
            }
        }
    }

    /// "Elle pointe également le calendrier : « … »", "Marc Henry, lui,
    /// résume : « … »": a sentence whose subject is a person (a third
    /// person pronoun or a name) and that ends with a colon introduces the
    /// marked words after it, whatever its verb. Returns the mention (none
    /// for a pronoun: the speaker is the previous one).
    fn colon_lead_in(&self, s: Segment) -> Option<Option<Span>> {
        if s.open == 0 || !self.is_punct(s.open - 1, &[':']) {
            return None;
        }
        let words = (s.tokens.0..s.tokens.1)
            .filter(|&k| self.kind(k) == TokenKind::Word)
            .count();
        let (sa, _) = self.sentence_bounds(s.open);
        let colon = s.open - 1;
        if words < 4 || colon < sa + 2 || colon > sa + 25 || self.lang(sa) == Lang::Ar {
            return None;
        }
        let first = self.norm(sa);
        if matches!(
            first,
            "he" | "she" | "they" | "il" | "elle" | "ils" | "elles"
        ) {
            let second = self.norm(sa + 1);
            return (!matches!(second, "y" | "n" | "ne" | "is" | "was" | "est")).then_some(None);
        }
        // A name opening the sentence ("Marc Henry résume : …").
        let mut e = sa;
        while e < colon
            && e < sa + 4
            && (self.kind(e) == TokenKind::Word
                && first_char(self.p.word(e)).is_uppercase()
                && !lx::is_en_fr_title(self.norm(e))
                || e > sa && matches!(self.p.word(e), "-" | "."))
        {
            e += 1;
        }
        if e >= sa + 2 && self.names_a_person(self.span_of(sa, e)) {
            return Some(Some(self.span_of(sa, e)));
        }
        self.sentence_subject(colon).map(Some)
    }

    /// The signature line under an embedded social post ("— Jane Doe
    /// (@janedoe) March 3, 2024"): the post in the paragraph above is the
    /// author's direct quote, without its trailing link.
    fn social_signatures(&mut self) {
        let mut quoted = vec![false; self.p.paragraphs.len()];
        for q in &self.out {
            let k = self.p.tokens.at_or_after(q.span.start);
            let si = self.sentence_of_token.get(k).copied().unwrap_or(u32::MAX);
            if si != u32::MAX {
                quoted[self.p.sentences[si as usize].paragraph] = true;
            }
        }
        for pi in 1..self.p.paragraphs.len() {
            let (a, b) = self.p.paragraphs[pi].tokens;
            if b - a > 40 || !self.is_punct(a, &['—', '–', '―', '-']) || quoted[pi - 1] {
                continue;
            }
            let Some(paren) = (a + 2..(a + 9).min(b)).find(|&k| self.is_punct(k, &['('])) else {
                continue;
            };
            let name_ok = (a + 1..paren).all(|k| {
                self.kind(k) == TokenKind::Word || matches!(self.p.word(k), "." | "-" | "'" | "’")
            });
            if !name_ok || paren + 2 >= b || !self.is_punct(paren + 1, &['@']) {
                continue;
            }
            let (qa, qb) = self.p.paragraphs[pi - 1].tokens;
            // The post ends before a trailing link (pic.twitter.com/…, https://…).
            let mut end = qb;
            for k in (qa.max(qb.saturating_sub(16))..qb).rev() {
                if matches!(self.norm(k), "pic" | "http" | "https")
                    && k + 1 < qb
                    && !self.p.tokens.list[k + 1].space_before
                {
                    end = k;
                }
            }
            let end = self.trim_trailing_punct(qa, end);
            let words = (qa..end)
                .filter(|&k| self.kind(k) == TokenKind::Word)
                .count();
            if words < 3 {
                continue;
            }
            let span = self.span_of(qa, end);
            if in_noise(self.noise, span) {
                continue;
            }
            let mention = self.span_of(a + 1, paren);
            self.out.push(FoundQuote {
                span,
                form: QuoteForm::Direct,
                cue: None,
                mention: Some(mention),
                same_speaker_as: None,
            });
            quoted[pi - 1] = true;
        }
    }

    /// « Part one, précise X, porte-parole. Part two. » — a quote broken by
    /// an incise inside its marks is two quotes of one speaker.
    fn split_incise(&mut self, si: usize) -> bool {
        let s = self.segments[si];
        let (a, b) = s.tokens;
        let mut k = a + 2;
        while k + 1 < b {
            if self.is_comma(k) {
                if let Some(cue) = self.cue_at(k + 1).filter(|c| c.kind == CueKind::Verb) {
                    // The incise runs to the next sentence end inside the quote.
                    let mut e = cue.last + 1;
                    while e < b && !self.is_stop(e) {
                        e += 1;
                    }
                    if e + 1 >= b {
                        // No sentence end after it: "« A, rappelle Marc
                        // Henry, B »" — the incise ends at the next comma.
                        e = cue.last + 2;
                        while e < b && !self.is_comma(e) {
                            e += 1;
                        }
                        if e + 3 >= b || e - cue.last > 10 {
                            return false;
                        }
                    }
                    if e - cue.last > 20 {
                        return false;
                    }
                    let mention = match self.lang(cue.first) {
                        Lang::Ar => self.mention_after_ar(cue, e),
                        _ => self.mention_after_latin(cue.last + 1, e),
                    };
                    self.used_segment[si] = true;
                    let first = self.span_of(a, k);
                    let second = self.span_of(e + 1, b);
                    self.out.push(FoundQuote {
                        span: first,
                        form: QuoteForm::Direct,
                        cue: Some(cue.span(self.p)),
                        mention,
                        same_speaker_as: None,
                    });
                    self.out.push(FoundQuote {
                        span: second,
                        form: QuoteForm::Direct,
                        cue: None,
                        mention: None,
                        same_speaker_as: None,
                    });
                    return true;
                }
            }
            k += 1;
        }
        false
    }

    fn push_direct(&mut self, si: usize, cue: Option<Span>, mention: Option<Span>) {
        self.used_segment[si] = true;
        self.out.push(FoundQuote {
            span: self.segments[si].span,
            form: QuoteForm::Direct,
            cue,
            mention,
            same_speaker_as: None,
        });
    }

    /// "…,” he said" / "…”, a réagi François Molins" / "…" asked a reporter
    /// / "…», précise X" / "…”، على حد تعبيره".
    fn attribution_after(&self, s: Segment) -> Option<(Span, Option<Span>)> {
        let c = s.close?;
        let (_, pb) = self.paragraph_bounds(c);
        let mut k = c + 1;
        while k < pb && self.is_punct(k, &[',', '،']) {
            k += 1;
        }
        let first_k = k;
        let mut window = (k + 8).min(pb);
        let mut j = k;
        let mut hops = 0;
        while j < window {
            if self.kind(j) == TokenKind::Punct
                && is_quote_mark(first_char(self.p.word(j)))
                && !self.is_apostrophe(j)
            {
                // "« A », faisant « B », a-t-il ajouté", "“A”, devenir “B”,
                // said X": a run of marked parts shares the attribution
                // after the last one.
                // Only between quoted phrases, not scare-quoted words
                // ("la « réforme » a été un « désastre »").
                let words_in = |seg: &Segment| {
                    (seg.tokens.0..seg.tokens.1)
                        .filter(|&t| self.kind(t) == TokenKind::Word)
                        .count()
                };
                let next_close = self
                    .segment_opening_at(j)
                    .filter(|&si| words_in(&self.segments[si]) >= 3 && words_in(&s) >= 3)
                    .and_then(|si| self.segments[si].close)
                    .filter(|&c2| c2 < pb);
                match next_close {
                    Some(c2) if hops < 3 => {
                        hops += 1;
                        k = c2 + 1;
                        while k < pb && self.is_punct(k, &[',', '،']) {
                            k += 1;
                        }
                        window = (k + 8).min(pb);
                        j = k;
                        continue;
                    }
                    _ => break,
                }
            }
            if self.is_stop(j) {
                break;
            }
            if let Some(cue) = self.cue_at(j) {
                if cue.kind == CueKind::According {
                    return None;
                }
                let cue_span = cue.span(self.p);
                // Subject between the closing mark and the cue ("” PPP director Tom Jensen wrote").
                if cue.first > k {
                    // The noun phrase just before the verb ("Mohamaddin (photo)
                    // replied" → "Mohamaddin"; "and then he said" → implicit).
                    let m = self
                        .mention_before(cue)
                        .filter(|m| m.start >= self.p.tokens.list[k].span.start)
                        .filter(|&m| !self.starts_with_pronoun(m));
                    return Some((cue_span, m));
                }
                if self.lang(cue.first) == Lang::Fr
                    && cue.last > cue.first
                    && (cue.first..cue.last).any(|t| {
                        matches!(self.norm(t), "il" | "elle" | "ils" | "elles")
                            && self.norm(t - 1) == "-"
                    })
                {
                    return Some((cue_span, None)); // "a-t-il déclaré à la presse"
                }
                if self.lang(cue.first) == Lang::Fr
                    && cue.last > cue.first
                    && matches!(self.norm(cue.last), "il" | "elle" | "ils" | "elles" | "on")
                {
                    if self.norm(cue.last) == "on" {
                        // explique-t-on au parquet de Paris
                        return Some((cue_span, self.mention_after_latin(cue.last + 2, pb)));
                    }
                    return Some((cue_span, None));
                }
                let (_, sb) = self.sentence_bounds(cue.last);
                let m = match self.lang(cue.first) {
                    Lang::Ar => self.mention_after_ar(cue, sb.min(pb)),
                    _ => self.mention_after_latin(cue.last + 1, pb),
                };
                return Some((cue_span, m));
            }
            j += 1;
        }
        self.shaped_incise(s, first_k, pb)
    }

    /// An incise right after a closing mark whose verb is not a known cue
    /// but whose shape is that of an attribution: French inversion ("»,
    /// tranche-t-il", "», a-t-il soupiré", "», a simplifié Paul Girard",
    /// "», résume le directeur du chantier"), or an English pronoun or name
    /// and a past tense that close the sentence ("“…,” he sighed.").
    fn shaped_incise(&self, s: Segment, k: usize, pb: usize) -> Option<(Span, Option<Span>)> {
        if k >= pb || self.kind(k) != TokenKind::Word || self.cue_at(k).is_some() {
            return None;
        }
        let lower = |i: usize| {
            i < pb && self.kind(i) == TokenKind::Word && first_char(self.p.word(i)).is_lowercase()
        };
        let norm = |i: usize| if i < pb { self.norm(i) } else { "" };
        let pronoun = |i: usize| matches!(norm(i), "il" | "elle" | "on" | "ils" | "elles");
        let closes = |i: usize| i >= pb || self.is_stop(i) || self.is_comma(i);
        let span = |a: usize, b: usize| self.span_of(a, b + 1);
        let words = (s.tokens.0..s.tokens.1)
            .filter(|&i| self.kind(i) == TokenKind::Word)
            .count();
        if words < 2 || !lower(k) {
            return None;
        }
        match self.lang(k) {
            Lang::Fr => {
                // "a-t-il soupiré"
                if matches!(norm(k), "a" | "avait")
                    && norm(k + 1) == "-"
                    && norm(k + 2) == "t"
                    && norm(k + 3) == "-"
                    && pronoun(k + 4)
                    && lower(k + 5)
                {
                    let mention = (norm(k + 4) == "on")
                        .then(|| self.mention_after_latin(k + 6, pb))
                        .flatten();
                    return Some((span(k, k + 5), mention));
                }
                // "tranche-t-il", "poursuit-elle"
                if norm(k + 1) == "-" {
                    let p = if norm(k + 2) == "t" && norm(k + 3) == "-" {
                        k + 4
                    } else {
                        k + 2
                    };
                    if pronoun(p) {
                        let mention = (norm(p) == "on")
                            .then(|| self.mention_after_latin(p + 1, pb))
                            .flatten();
                        return Some((span(k, p), mention));
                    }
                    return None;
                }
                // The subject after the verb: a name or a determiner.
                let subject_after = |i: usize| {
                    self.mention_after_latin(i, pb).filter(|m| {
                        let f = self.p.tokens.at_or_after(m.start);
                        f >= i
                            && f < i + 4
                            && (first_char(self.p.word(f)).is_uppercase()
                                || matches!(self.norm(f), "le" | "la" | "l" | "les" | "un" | "une"))
                    })
                };
                // "a simplifié Paul Girard"
                if matches!(norm(k), "a" | "avait") && lower(k + 1) {
                    let w = norm(k + 1);
                    let participle = ["e", "es", "i", "is", "it", "u"]
                        .iter()
                        .any(|e| w.ends_with(e))
                        && w.chars().count() >= 4;
                    if participle {
                        if let Some(m) = subject_after(k + 2) {
                            return Some((span(k, k + 1), Some(m)));
                        }
                    }
                    return None;
                }
                // "résume le directeur du chantier": a present-tense verb
                // (not a place noun: "», rue Victor Hugo").
                let w = norm(k);
                if words >= 4
                    && w.chars().count() >= 4
                    && (w.ends_with('e') || w.ends_with('t'))
                    && !is_place_noun_fr(w)
                {
                    if let Some(m) = subject_after(k + 1) {
                        return Some((span(k, k), Some(m)));
                    }
                }
                None
            }
            Lang::En => {
                // "he sighed." / "she quipped,"
                let past =
                    |i: usize| lower(i) && norm(i).ends_with("ed") && norm(i).chars().count() >= 5;
                if matches!(norm(k), "he" | "she" | "they") && past(k + 1) && closes(k + 2) {
                    return Some((span(k + 1, k + 1), None));
                }
                // "the MP for Abetifi quipped.": a short noun phrase
                // opened by a determiner.
                if matches!(norm(k), "the" | "a" | "an") {
                    let v = (k + 2..(k + 7).min(pb)).find(|&v| past(v) && closes(v + 1))?;
                    if (k + 1..v)
                        .all(|i| self.kind(i) == TokenKind::Word && self.cue_at(i).is_none())
                    {
                        return Some((span(v, v), Some(self.span_of(k, v))));
                    }
                }
                None
            }
            Lang::Ar => None,
        }
    }

    /// A cue earlier in the same sentence ("دعا إلى استئناف المحادثات “في
    /// أقرب وقت ممكن”"), or a line ending with a colon just before the
    /// quote's paragraph ("وقال العبدلي في المؤتمر الصحفي:").
    fn attribution_before(&self, s: Segment) -> Option<(Option<Span>, Option<Span>)> {
        let (sa, _) = self.sentence_bounds(s.open);
        let (pa, _) = self.paragraph_bounds(s.open);
        if s.open > sa {
            for k in (sa.max(s.open.saturating_sub(MAX_LOOKBACK))..s.open).rev() {
                if let Some(cue) = self.cue_at(k) {
                    if cue.kind == CueKind::According {
                        continue;
                    }
                    let m = self
                        .speaker_mention(cue, s.open)
                        .or_else(|| self.titled_subject(sa, k));
                    return Some((Some(cue.span(self.p)), m));
                }
            }
        }
        // The quote opens its paragraph: look at the previous paragraph.
        if s.open == pa && pa > 0 {
            let prev_last = pa - 1; // a newline token
            let mut k = prev_last;
            while k > 0 && self.kind(k) == TokenKind::Newline {
                k -= 1;
            }
            if self.is_punct(k, &[':']) {
                let (psa, _) = self.sentence_bounds(k);
                for c in psa..k {
                    if let Some(cue) = self.cue_at(c) {
                        if cue.kind != CueKind::According {
                            let m = self.speaker_mention(cue, k);
                            return Some((Some(cue.span(self.p)), m));
                        }
                    }
                }
                // "La ministre …, Sylvie d’Amours, sur la vente … :" — no cue: the
                // paragraph's leading phrase is the speaker.
                let (ppa, _) = self.paragraph_bounds(k);
                let mut e = ppa;
                while e < k && !self.is_comma(e) {
                    e += 1;
                }
                if e > ppa && e < k {
                    // "Le ministre de l'Éducation, Jean-François Roberge, sur …:"
                    let mut e2 = e + 1;
                    while e2 < k && !self.is_comma(e2) {
                        e2 += 1;
                    }
                    if e2 < k && e2 - e <= 6 {
                        let m = self.span_of(e + 1, e2);
                        if crate::speakers::split_mention(self.p, m).name.is_some()
                            && crate::speakers::split_mention(self.p, self.span_of(ppa, e))
                                .name
                                .is_none()
                        {
                            return Some((None, Some(m)));
                        }
                    }
                    return Some((None, Some(self.span_of(ppa, e))));
                }
            }
        }
        None
    }
}

/// The cue kind of a folded Arabic word: one probe into a map merged from
/// the three cue lexicons ("according to" wins over participle over verb).
fn ar_cue_kind(w: &str) -> Option<CueKind> {
    use std::sync::OnceLock;
    static MAP: OnceLock<crate::fasthash::FastMap<String, CueKind>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = crate::fasthash::FastMap::default();
        let lists = [
            (lx::AR_VERB_WORDS, CueKind::Verb),
            (lx::AR_PARTICIPLE_WORDS, CueKind::Participle),
            (lx::AR_ACCORDING_WORDS, CueKind::According),
        ];
        for (words, kind) in lists {
            for w in words {
                map.insert(crate::chars::fold(w), kind);
            }
        }
        map
    })
    .get(w)
    .copied()
}

/// Nouns that name a source after "according to" (بحسب مصدر، selon un
/// communiqué, according to the surveys).
fn is_source_noun(w: &str) -> bool {
    matches!(
        w,
        "مصدر"
            | "مصادر"
            | "مسوول"
            | "مسوولين"
            | "مسوولون"
            | "وكاله"
            | "صحيفه"
            | "بيان"
            | "تقرير"
            | "وزاره"
            | "موقع"
            | "قناه"
            | "تلفزيون"
            | "اذاعه"
            | "مراسل"
            | "شهود"
            | "خبراء"
            | "مكتب"
            | "متحدث"
            | "ناطق"
            | "الشرطه"
            | "شرطه"
            | "الجيش"
            | "جيش"
            | "دراسه"
            | "احصاءات"
            | "بيانات"
            | "ارقام"
            | "مسح"
            | "استطلاع"
            | "منظمه"
            | "هيئه"
            | "لجنه"
            | "مركز"
            | "مصادر,"
            | "مصدرا"
            | "source"
            | "sources"
            | "officials"
            | "official"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "statement"
            | "report"
            | "reports"
            | "survey"
            | "surveys"
            | "poll"
            | "polls"
            | "data"
            | "figures"
            | "police"
            | "ministry"
            | "agency"
            | "study"
            | "analysts"
            | "experts"
            | "witnesses"
            | "people"
            | "documents"
            | "estimates"
            | "communique"
            | "communiqué"
            | "rapport"
            | "porte-parole"
            | "sondage"
            | "chiffres"
            | "ministere"
            | "source,"
            | "proches"
            | "temoins"
            | "enquete"
            | "parquet"
            | "procureur"
            | "selon"
            | "presse"
            | "journal"
            | "quotidien"
            | "agence"
            | "afp"
            | "reuters"
            | "ap"
            | "office"
            | "bureau"
            | "department"
            | "institute"
            | "government"
            | "company"
            | "authorities"
            | "gouvernement"
            | "autorites"
            | "institut"
            | "societe"
            | "service"
            | "services"
            | "spokesmen"
            | "researchers"
            | "scientists"
            | "residents"
            | "organisers"
            | "organizers"
            | "prosecutors"
            | "investigators"
            | "lawyers"
            | "diplomats"
            | "mediateurs"
            | "حكومه"
            | "السلطات"
            | "سلطات"
            | "الشركه"
            | "شركه"
            | "معهد"
            | "باحثون"
            | "باحثين"
            | "علماء"
            | "سكان"
            | "مراقبون"
            | "مراقبين"
            | "دبلوماسيون"
            | "دبلوماسي"
            | "محللون"
            | "تلفزيون,"
            | "التلفزيون"
            | "الاذاعه"
            | "اعلام"
            | "وسائل"
            | "احصائيات"
            | "محافظه"
            | "بلديه"
            | "سفاره"
            | "مستشفي"
            | "prefecture"
            | "mairie"
            | "gendarmerie"
            | "ambassade"
            | "embassy"
            | "municipality"
            | "council"
            | "conseil"
            | "hospital"
            | "hopital"
    )
}

/// First words of a line that label it rather than name a speaker
/// ("Source: …", "المصدر: …", "Photo: …").
fn is_label_word(w: &str) -> bool {
    matches!(
        w,
        "source"
            | "sources"
            | "photo"
            | "photos"
            | "credit"
            | "video"
            | "update"
            | "updated"
            | "note"
            | "editor"
            | "related"
            | "read"
            | "watch"
            | "breaking"
            | "exclusive"
            | "analysis"
            | "opinion"
            | "live"
            | "tags"
            | "tag"
            | "category"
            | "posted"
            | "by"
            | "lire"
            | "voir"
            | "aussi"
            | "mise"
            | "photo:"
            | "المصدر"
            | "مصدر"
            | "صوره"
            | "فيديو"
            | "اقرا"
            | "عاجل"
            | "تحديث"
            | "تحرير"
            | "ترجمه"
            | "اعداد"
            | "كلمات"
            | "وسوم"
            | "شاهد"
            | "date"
            | "lieu"
            | "titre"
            | "auteur"
            | "author"
            | "tel"
            | "email"
            | "fax"
    )
}

fn is_discourse_word(w: &str) -> bool {
    matches!(
        w,
        "however"
            | "meanwhile"
            | "moreover"
            | "furthermore"
            | "also"
            | "earlier"
            | "later"
            | "separately"
            | "still"
            | "yet"
            | "but"
            | "and"
            | "then"
            | "cependant"
            | "toutefois"
            | "pourtant"
            | "ensuite"
            | "enfin"
            | "par"
            | "mais"
            | "or"
            | "ainsi"
            | "hier"
    )
}

fn is_aux_or_adverb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "also"
            | "then"
            | "later"
            | "earlier"
            | "further"
            | "ensuite"
            | "aussi"
            | "encore"
            | "avait"
            | "ont"
            | "كان"
            | "وكان"
            | "قد"
            | "وقد"
            | "كانت"
            | "وكانت"
    )
}

/// Words between an inverted verb and its subject ("a réagi lundi
/// François Molins", "relève encore le porte-parole").
/// Nouns whose complement is a "that" / "que" clause ("the proof that",
/// "l'idée que"): such a clause belongs to the noun, not to a speech verb
/// before it (folded forms).
fn is_nominal_complement_head(w: &str) -> bool {
    // Not "fact"/"fait", "hope", "fear": "a insisté sur le fait que …",
    // "expressed hope that …" do report the speaker's words.
    matches!(
        w,
        "proof"
            | "evidence"
            | "idea"
            | "claim"
            | "claims"
            | "news"
            | "question"
            | "notion"
            | "suggestion"
            | "possibility"
            | "rumour"
            | "rumor"
            | "rumours"
            | "preuve"
            | "preuves"
            | "idee"
            | "possibilite"
            | "hypothese"
            | "rumeur"
            | "rumeurs"
            | "nouvelle"
    )
}

/// Head nouns of organisation names (English and French, folded): a
/// capitalised run holding one names a body, not a person.
fn is_organisation_word(w: &str) -> bool {
    matches!(
        w,
        "association"
            | "squad"
            | "ministry"
            | "ministere"
            | "party"
            | "parti"
            | "council"
            | "conseil"
            | "service"
            | "services"
            | "police"
            | "army"
            | "armee"
            | "agency"
            | "agence"
            | "office"
            | "bureau"
            | "department"
            | "company"
            | "group"
            | "groupe"
            | "union"
            | "university"
            | "universite"
            | "bank"
            | "banque"
            | "court"
            | "tribunal"
            | "committee"
            | "comite"
            | "commission"
            | "force"
            | "forces"
            | "front"
            | "command"
            | "brigade"
            | "unit"
            | "team"
            | "equipe"
            | "club"
            | "federation"
            | "institute"
            | "institut"
            | "organisation"
            | "organization"
            | "government"
            | "gouvernement"
            | "assembly"
            | "assemblee"
            | "senate"
            | "senat"
            | "school"
            | "ecole"
            | "hospital"
            | "hopital"
            | "news"
            | "times"
            | "post"
            | "network"
            | "reseau"
            | "foundation"
            | "fondation"
            | "corporation"
            | "society"
            | "societe"
            | "authority"
            | "autorite"
            | "festival"
            | "prefecture"
            | "mairie"
            | "region"
            | "state"
            | "etat"
    )
}

/// French nouns of places and addresses that can follow a quoted name
/// ("« Le Petit Café », rue Victor Hugo"): not verbs of an incise.
fn is_place_noun_fr(w: &str) -> bool {
    matches!(
        w,
        "rue"
            | "avenue"
            | "place"
            | "route"
            | "chemin"
            | "impasse"
            | "allee"
            | "quai"
            | "boulevard"
            | "cite"
            | "porte"
            | "salle"
            | "commune"
            | "ville"
    )
}

fn is_skippable_after_verb(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "tonight"
            | "also"
            | "then"
            | "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "hier"
            | "encore"
            | "aussi"
            | "ensuite"
            | "ce"
            | "matin"
            | "soir"
            | "enfin"
            | "alors"
    )
}

fn is_time_word_en(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "on"
            | "last"
            | "week"
            | "night"
            | "earlier"
            | "later"
            | "recently"
            | "previously"
            | "also"
            | "in"
            | "a"
            | "statement"
            | "interview"
            | "morning"
            | "evening"
            | "afternoon"
    )
}

fn is_clause_opener_en(w: &str) -> bool {
    matches!(
        w,
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "there"
            | "the"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "a"
            | "an"
            | "no"
            | "some"
            | "most"
            | "many"
            | "all"
    )
}

/// Gives every quote without a speaker mention the speaker of the nearest
/// earlier quote that has one (or carries one on).
fn link_implicit(quotes: &mut [FoundQuote]) {
    let mut last: Option<usize> = None;
    for (i, q) in quotes.iter_mut().enumerate() {
        if q.mention.is_some() {
            last = Some(i);
        } else if let Some(l) = last {
            q.same_speaker_as = Some(l);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, QuoteForm, String, String)> {
        let p = Prepared::new(text, None);
        detect(&p, &[])
            .into_iter()
            .map(|q| {
                (
                    q.span.slice(text).to_string(),
                    q.form,
                    q.cue.map(|c| c.slice(text).to_string()).unwrap_or_default(),
                    q.mention
                        .map(|m| m.slice(text).to_string())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn arabic_verb_first_indirect() {
        let got = quotes(
            "قال وزير الخارجية الفرنسي جان إيف لو دريان، اليوم الثلاثاء، إن المحادثات ستجري غدا.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "المحادثات ستجري غدا");
        assert_eq!(got[0].1, QuoteForm::Indirect);
        assert_eq!(got[0].2, "قال");
        assert_eq!(got[0].3, "وزير الخارجية الفرنسي جان إيف لو دريان");
    }

    #[test]
    fn arabic_colon_direct_with_curly_marks() {
        let got = quotes("وقال لو دريان لنواب البرلمان: “غدا سنعقد اجتماعا في موسكو”.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "غدا سنعقد اجتماعا في موسكو");
        assert_eq!(got[0].1, QuoteForm::Direct);
        assert_eq!(got[0].2, "وقال");
        assert_eq!(got[0].3, "لو دريان");
    }

    #[test]
    fn arabic_implicit_continuation_and_participle() {
        let text = "وقال المتحدث باسم الوزارة إن الوضع مستقر. وأضاف أن الحدود مغلقة، مشيرا إلى أن المعبر سيفتح غدا.";
        let got = quotes(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].0, "الحدود مغلقة");
        assert_eq!(got[1].3, "");
        assert_eq!(got[2].0, "المعبر سيفتح غدا");
        assert_eq!(got[2].2, "مشيرا");
    }

    #[test]
    fn arabic_mixed_quote_and_according_to() {
        let got =
            quotes("وقال المسؤول، إن واشنطن \"تعتقد أن الهجوم انطلق من العراق\"، ولم يوضح ذلك.");
        assert_eq!(got[0].1, QuoteForm::Mixed, "{got:?}");
        let got = quotes("ويعد هذا الحكم أوليا وقابلا للطعن، بحسب مصدر قضائي، فيما يعد أول حكم.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "ويعد هذا الحكم أوليا وقابلا للطعن");
        assert_eq!(got[0].3, "مصدر قضائي");
    }

    #[test]
    fn titles_in_marks_are_not_quotes() {
        let got = quotes("وقالت مصادر لوكالة \"أسوشيتد برس\" إن الطائرات انطلقت من العراق.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, QuoteForm::Indirect);
        assert!(quotes("فاز فيلم \"مدينة الملاهي\" بالجائزة.").is_empty());
    }

    #[test]
    fn english_postposed_and_inverted_attribution() {
        let got = quotes("“We will not back down,” the minister said on Tuesday.");
        assert_eq!(got[0].0, "We will not back down,");
        assert_eq!(got[0].3, "the minister");
        let got = quotes("\"I understand,\" said Sean Spicer.");
        assert_eq!(got[0].3, "Sean Spicer");
        let got = quotes("\"It is over,\" he said.");
        assert_eq!(got[0].3, "");
        assert_eq!(got[0].2, "said");
    }

    #[test]
    fn english_indirect_with_and_without_that() {
        let got = quotes("Bond strategists warned that markets were becoming untradeable.");
        assert_eq!(got[0].0, "markets were becoming untradeable");
        assert_eq!(got[0].3, "Bond strategists");
        let got = quotes("Raymond Dalio, co-chief investment officer of Bridgewater, said he could not believe it.");
        assert_eq!(got[0].0, "he could not believe it");
        assert_eq!(got[0].3, "Raymond Dalio");
        let got = quotes("Prices rose 4.5% in May, according to the statistics office.");
        assert_eq!(got[0].0, "Prices rose 4.5% in May");
        assert_eq!(got[0].3, "the statistics office");
    }

    #[test]
    fn french_incises_and_selon() {
        let got = quotes(
            "\"Je suis très serein\", a réagi lundi François Molins au cours d'une conférence.",
        );
        assert_eq!(got[0].0, "Je suis très serein");
        assert_eq!(got[0].2, "a réagi");
        assert_eq!(got[0].3, "François Molins");
        let got = quotes("« Nous travaillons », a-t-il souligné.");
        assert_eq!(got[0].0, "Nous travaillons");
        assert_eq!(got[0].3, "");
        let got = quotes("Selon le procureur de Paris, le suspect avait tout avoué.");
        assert_eq!(got[0].0, "le suspect avait tout avoué");
        assert_eq!(got[0].3, "le procureur de Paris");
    }

    #[test]
    fn unbalanced_and_multi_paragraph_marks() {
        let got = quotes("قال المصدر إنه “سيتم صرف الدفعة بداية الشهر.\n\nوقال آخر إن الأمر مختلف.");
        assert_eq!(got[0].0, "سيتم صرف الدفعة بداية الشهر", "{got:?}");
        let text = "He said: “First part.\n\n“Second part.”";
        let got = quotes(text);
        assert_eq!(got[0].0, "First part.\n\n“Second part.", "{got:?}");
    }

    /// Speaker name and title of the quote whose content is `content`.
    fn speaker_of(text: &str, content: &str) -> (String, String) {
        let a = crate::analyze(text, &crate::Options::default());
        let q = a
            .annotations
            .iter()
            .find(|x| x.span.slice(text) == content)
            .unwrap_or_else(|| panic!("no quote {content:?} in {:?}", quotes(text)));
        let crate::Detail::Quote(info) = &q.detail else {
            panic!("not a quote")
        };
        let sp = info
            .speaker
            .as_deref()
            .and_then(|id| a.speaker(id))
            .expect("a speaker");
        (sp.name.clone(), sp.title.clone().unwrap_or_default())
    }

    #[test]
    fn english_honorific_with_full_stop_keeps_attribution() {
        let text = "\"The bridge will reopen in May,\" Mr. Okafor said.";
        let got = quotes(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "The bridge will reopen in May,");
        assert_eq!(got[0].2, "said");
        assert_eq!(got[0].3, "Mr. Okafor");
        assert_eq!(
            speaker_of(text, "The bridge will reopen in May,"),
            ("Okafor".to_string(), "Mr.".to_string())
        );
        for (text, name) in [
            (
                "\"No votes were lost,\" said Sen. Ruth Calder.",
                "Ruth Calder",
            ),
            (
                "“We expect rain,” Prof. Lena Ortiz told reporters.",
                "Lena Ortiz",
            ),
            (
                "\"The base stays open,\" Lt. Col. Amos Pike said on Monday.",
                "Amos Pike",
            ),
            (
                "\"Taxes will fall,\" Gov. Dana Whitfield said.",
                "Dana Whitfield",
            ),
        ] {
            let got = quotes(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(got[0].3.ends_with(name), "{text}: {got:?}");
        }
        // The indirect form and a colon after a titled subject.
        let got =
            quotes("Dr. Mira Sen said the clinic would close. Rep. Joe Tall said: \"Not yet.\"");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "the clinic would close");
        assert_eq!(got[0].3, "Dr. Mira Sen");
        assert_eq!(got[1].0, "Not yet.");
        assert_eq!(got[1].3, "Rep. Joe Tall");
    }

    #[test]
    fn french_honorific_with_full_stop_keeps_attribution() {
        let text = "« Le pont rouvrira en mai », a assuré M. Lebrun.";
        let got = quotes(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Le pont rouvrira en mai");
        assert_eq!(got[0].3, "M. Lebrun");
        assert_eq!(
            speaker_of(text, "Le pont rouvrira en mai"),
            ("Lebrun".to_string(), "M.".to_string())
        );
        let text = "« Le vaccin protège », a affirmé le Pr. Arnaud Vidal.";
        assert_eq!(speaker_of(text, "Le vaccin protège").0, "Arnaud Vidal");
        let got = quotes("Mme. Claire Roux a indiqué que la mairie fermera lundi.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "la mairie fermera lundi");
        assert_eq!(got[0].3, "Mme. Claire Roux");
    }

    #[test]
    fn arabic_abbreviated_title_keeps_attribution() {
        let text = "قال د. سالم الحداد إن المستشفى سيفتح غدا.";
        let got = quotes(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "المستشفى سيفتح غدا");
        assert_eq!(got[0].3, "د. سالم الحداد");
        assert_eq!(speaker_of(text, "المستشفى سيفتح غدا").0, "سالم الحداد");
        let text = "\"لن نتراجع\"، قال م. فادي نصار.";
        let got = quotes(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "م. فادي نصار");
        assert_eq!(
            speaker_of(text, "لن نتراجع"),
            ("فادي نصار".to_string(), "م.".to_string())
        );
        // After a year, "م." is the era and still ends the sentence.
        let got = quotes("بني الجسر عام 1950 م. وقال المهندس إن الجسر متين.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "الجسر متين");
    }

    #[test]
    fn each_paragraph_is_read_with_its_own_language() {
        // ar + en: the Arabic quote survives a longer English paragraph.
        let text = "وقال المتحدث باسم البلدية إن السوق سيفتح الأحد.\nCity officials said on Monday that the new market would open on Sunday after months of delays, and traders told reporters they were relieved.\n\"We are ready,\" the mayor said.";
        let got = quotes(text);
        let contents: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
        assert!(contents.contains(&"السوق سيفتح الأحد"), "{got:?}");
        assert!(contents.contains(&"We are ready,"), "{got:?}");
        assert!(
            contents
                .iter()
                .any(|c| c.starts_with("the new market would open")),
            "{got:?}"
        );
        // ar + fr: an English-free French document with one Arabic paragraph.
        let text = "Le maire a déclaré que le marché ouvrira dimanche après des mois de retard, et les commerçants ont dit qu’ils étaient soulagés.\nوأكد رئيس البلدية أن الافتتاح سيكون رسميا.";
        let got = quotes(text);
        let contents: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
        assert!(contents.contains(&"الافتتاح سيكون رسميا"), "{got:?}");
        assert!(
            contents
                .iter()
                .any(|c| c.starts_with("le marché ouvrira dimanche")),
            "{got:?}"
        );
        // fr + en: an English paragraph inside a French document.
        let text = "Le maire a déclaré que le marché ouvrira dimanche après des mois de retard, et les commerçants ont dit qu’ils étaient soulagés.\nThe mayor said that the market was the largest in the region.\n« Nous sommes prêts », a affirmé le maire.";
        let got = quotes(text);
        let contents: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
        assert!(
            contents.contains(&"the market was the largest in the region"),
            "{got:?}"
        );
        assert!(contents.contains(&"Nous sommes prêts"), "{got:?}");
        // en + fr: a French paragraph inside an English document.
        let text = "The mayor said that the market would open on Sunday after months of delays, and traders said they were relieved.\nLe maire a dit que le marché serait le plus grand de la région.";
        let got = quotes(text);
        let contents: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
        assert!(
            contents.contains(&"le marché serait le plus grand de la région"),
            "{got:?}"
        );
        // An English sentence quoted inside an Arabic paragraph.
        let text = "وقال الوزير للصحفيين: \"We will sign the deal next week.\"";
        let got = quotes(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "We will sign the deal next week.");
        assert_eq!(got[0].2, "وقال");
    }

    #[test]
    fn french_incise_shapes_without_a_known_verb() {
        let got = quotes("« Le pont est solide », tranche-t-il.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].2.as_str(), got[0].3.as_str()), ("tranche-t-il", ""));
        let got = quotes("« Le bilan est lourd », a-t-elle soupiré.");
        assert_eq!(got[0].2, "a-t-elle soupiré", "{got:?}");
        let got = quotes("« On mérite mieux que cela », a simplifié Paul Girard.");
        assert_eq!(got[0].3, "Paul Girard", "{got:?}");
        let got =
            quotes("« Le chantier avance plus vite que prévu », résume le directeur du chantier.");
        assert_eq!(got[0].2, "résume", "{got:?}");
        assert_eq!(got[0].3, "le directeur du chantier");
        // Names and addresses after marks are not incises.
        assert!(quotes("« Le Petit Café du coin », rue Victor Hugo, ferme ses portes.").is_empty());
        assert!(quotes("Il a vu « Les Enfants du port », Marc Henry aussi.").is_empty());
    }

    #[test]
    fn french_addressee_between_verb_and_subject() {
        let got = quotes(
            "« Les travaux commenceront en juin », a indiqué à la presse le maire de Villeneuve.",
        );
        assert_eq!(got[0].3, "le maire de Villeneuve", "{got:?}");
        let got = quotes("« Rien ne change », a déclaré à l’AFP Marc Henry.");
        assert_eq!(got[0].3, "Marc Henry", "{got:?}");
        let got = quotes("« Rien ne change », a-t-il déclaré à la presse.");
        assert_eq!(got[0].3, "", "{got:?}");
    }

    #[test]
    fn marked_parts_share_the_attribution_after_the_last() {
        let got = quotes("« Les murs tiennent », faisant « des dégâts limités », a-t-il ajouté.");
        let contents: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            contents,
            ["Les murs tiennent", "des dégâts limités"],
            "{got:?}"
        );
        let got = quotes("“The plan works” and then “a second phase”, the mayor said.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|q| q.3 == "the mayor"), "{got:?}");
        let got = quotes("وقال: \"الجدار صامد\"، و\"الأضرار محدودة\"، بحسب المهندس.");
        assert!(!got.is_empty(), "{got:?}");
    }

    #[test]
    fn english_pronoun_and_past_tense_close_an_incise() {
        let got = quotes("\"We lost the game in the first half,\" he sighed.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "sighed");
        assert!(quotes("\"The Big Apple\", Broadway shrugged.").is_empty());
    }

    #[test]
    fn told_takes_its_addressee_before_the_clause() {
        let got = quotes("Ana Ruiz told the council the road would reopen.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "the road would reopen");
        assert_eq!(got[0].3, "Ana Ruiz");
        let got = quotes("Ana Ruiz told him he was wrong.");
        assert_eq!(got[0].0, "he was wrong", "{got:?}");
        assert!(quotes("Ana Ruiz told the council this week.").is_empty());
        let got = quotes("\"Who told you that the road is closed?\" she asked.");
        assert!(got.iter().all(|q| q.2 != "told"), "{got:?}");
    }

    #[test]
    fn quoted_as_saying_and_its_arabic_form() {
        let got =
            quotes("The agency quoted the harbour master as saying that the port would reopen.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "the port would reopen");
        assert_eq!(got[0].3, "the harbour master");
        let got = quotes("Local radio quoted Ana Ruiz as saying the port would reopen.");
        assert_eq!(got[0].3, "Ana Ruiz", "{got:?}");
        let got = quotes("ونقلت الإذاعة عن مدير الميناء قوله إن الميناء سيفتح غدا.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "الميناء سيفتح غدا");
        assert_eq!(got[0].3, "مدير الميناء");
        let got = quotes("ونقلت صحيفة محلية عن صيادين أن الميناء مغلق.");
        assert_eq!(got[0].3, "صيادين", "{got:?}");
    }

    #[test]
    fn according_to_institutions_and_titles() {
        let got = quotes("Le port rouvrira lundi, selon la préfecture.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].3.as_str()),
            ("Le port rouvrira lundi", "la préfecture")
        );
        let got = quotes("D’après le maire, le port rouvrira lundi.");
        assert_eq!(got[0].3, "le maire", "{got:?}");
        let got = quotes("سيفتح الميناء يوم الاثنين، بحسب المحافظة.");
        assert_eq!(got[0].3, "المحافظة", "{got:?}");
        let got = quotes("وفقا لوزارة النقل، سيفتح الميناء يوم الاثنين.");
        assert_eq!(got[0].0, "سيفتح الميناء يوم الاثنين", "{got:?}");
        let got = quotes("The port will reopen on Monday, according to the mayor.");
        assert_eq!(got[0].3, "the mayor", "{got:?}");
        // A rule or a plan is no source.
        assert!(quotes("Selon la loi, le port doit rouvrir.").is_empty());
        assert!(quotes("بحسب الخطة، سيفتح الميناء يوم الاثنين.").is_empty());
    }

    #[test]
    fn signature_of_an_embedded_post_attributes_the_post() {
        let text = "The mayor answered on social media after the vote.\nWe will not give up on this port. The town deserves better. pic.twitter.com/Ab12Cd\n— Ana Ruiz (@anaruiz) March 3, 2024";
        let got = quotes(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].0,
            "We will not give up on this port. The town deserves better"
        );
        assert_eq!(got[0].3, "Ana Ruiz");
        let text = "لن نتخلى عن هذا الميناء، فالمدينة تستحق الأفضل https://t.co/Xy12\n— سامي الحداد (@sami_h) 3 مارس 2024";
        let got = quotes(text);
        assert_eq!(
            got[0].0, "لن نتخلى عن هذا الميناء، فالمدينة تستحق الأفضل",
            "{got:?}"
        );
        assert_eq!(got[0].3, "سامي الحداد");
        let text = "Nous ne lâcherons rien sur ce port, la ville mérite mieux.\n— Léa Morin (@leamorin) 3 mars 2024";
        assert_eq!(quotes(text)[0].3, "Léa Morin");
        // A dash line without a handle signs nothing.
        assert!(quotes("We will not give up on this port.\n— Ana Ruiz, March 3").is_empty());
    }

    #[test]
    fn implicit_quote_after_a_newly_named_person() {
        let text = "« Le port rouvrira lundi », a annoncé la préfecture. Sur le quai, Marc Henry est inquiet. « Nous perdons de l’argent chaque jour », assure-t-il.";
        let got = quotes(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].3, "Marc Henry");
        // An organisation named in between does not take the quote.
        let text = "“The port reopens Monday,” said Ana Ruiz. The Harbour Workers Union met on Friday. “We lose money every day,” she added.";
        let got = quotes(text);
        assert_eq!(got[1].3, "", "{got:?}");
    }

    #[test]
    fn a_person_and_a_colon_introduce_the_marked_words() {
        let text = "« Le port rouvrira lundi », a annoncé Marc Henry. Il pointe aussi le calendrier : « Les travaux dureront au moins deux ans. »";
        let got = quotes(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "Les travaux dureront au moins deux ans.");
        let got =
            quotes("Marc Henry résume la situation : « Nous perdons de l’argent chaque jour. »");
        assert_eq!(got[0].3, "Marc Henry", "{got:?}");
        let got = quotes("She then turned to the budget: \"We cannot pay for all of this.\"");
        assert_eq!(got.len(), 1, "{got:?}");
        // No person before the colon: a list, a programme.
        assert!(quotes("Il y a deux options : « rester ou partir tout de suite ».").is_empty());
        assert!(quotes("Le programme du soir : « Deux concerts et une exposition ».").is_empty());
    }

    #[test]
    fn incise_inside_marks_without_a_sentence_end() {
        let text = "« Quand je suis arrivé, le port était vide, rappelle Marc Henry, il faut que les habitants participent. »";
        let got = quotes(text);
        let contents: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            contents,
            [
                "Quand je suis arrivé, le port était vide",
                "il faut que les habitants participent."
            ],
            "{got:?}"
        );
        assert_eq!(got[0].3, "Marc Henry");
    }

    #[test]
    fn apostrophes_inside_words_do_not_stop_the_clause_search() {
        let got = quotes(
            "Marc Henry a déclaré, au cours d’un point de presse, que l’année sera difficile.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "l’année sera difficile");
        let got = quotes("Ana Ruiz said at the town's council meeting that the port would reopen.");
        assert_eq!(got[0].0, "the port would reopen", "{got:?}");
        // A clause that completes a noun is not the verb's.
        let got = quotes("Ana Ruiz responded to the question of the proof that the port was safe.");
        assert!(got.is_empty(), "{got:?}");
        let got = quotes("Il a insisté sur le fait que le port restera ouvert.");
        assert_eq!(got[0].0, "le port restera ouvert", "{got:?}");
    }

    #[test]
    fn reversed_guillemet_glued_to_the_words_closes_them() {
        let got = quotes("« Le port est prêt pour la saison« , a déclaré Marc Henry.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Le port est prêt pour la saison");
        assert_eq!(got[0].3, "Marc Henry");
    }

    #[test]
    fn postposed_attribution_with_inverted_subject_and_apposition() {
        let got = quotes(
            "Le port a fermé lundi soir dans cette localité, a indiqué le commandant Marc Henry.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Le port a fermé lundi soir dans cette localité");
        assert_eq!(got[0].3, "le commandant Marc Henry");
        let got = quotes("The port closed on Monday night after the storm, said Ana Ruiz, a spokeswoman for the harbour reached by phone.");
        assert_eq!(
            got[0].0, "The port closed on Monday night after the storm",
            "{got:?}"
        );
        assert_eq!(got[0].3, "Ana Ruiz");
        // The subject before its apposition: no inversion.
        let got = quotes("Marc Henry, contre lequel la mairie a porté plainte, s'est dit serein.");
        assert!(
            got.iter().all(|q| !q.0.starts_with("Marc Henry")),
            "{got:?}"
        );
    }

    #[test]
    fn pour_opening_a_sentence_gives_a_view() {
        let got = quotes(
            "« Le port est vide », a dit Marc Henry. Pour lui, c’est la faute de la mairie.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            (got[1].0.as_str(), got[1].2.as_str(), got[1].3.as_str()),
            ("c’est la faute de la mairie", "Pour", "")
        );
        let got = quotes("Pour le maire de la ville, le port rouvrira bientôt.");
        assert_eq!(got[0].3, "le maire de la ville", "{got:?}");
        assert!(quotes("Pour la première fois, le port a fermé.").is_empty());
        assert!(quotes("Pour le moment, rien ne change au port.").is_empty());
    }

    #[test]
    fn scare_quotes_titles_and_single_words_stay_out() {
        for text in [
            "The so-called \"reform\" was a \"disaster\" for the \"Old Port\" district.",
            "Her new book, \"A Town Adrift\", sold well.",
            "La « réforme » a été un « désastre » pour le quartier du « Vieux Port ».",
            "Son livre « Une ville à la dérive » s'est bien vendu.",
            "كان \"الإصلاح\" \"كارثة\" على حي \"الميناء القديم\".",
            "صدر كتاب \"مدينة تائهة\" الشهر الماضي.",
        ] {
            let got = quotes(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        // Scare-quoted words do not chain to a later incise.
        let got = quotes(
            "La « réforme » a été un « désastre » pour tous les habitants du quartier, écrit-il.",
        );
        assert!(
            got.iter().all(|q| q.0 != "réforme" && q.0 != "désastre"),
            "{got:?}"
        );
    }
}
