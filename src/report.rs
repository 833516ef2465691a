//! Display rows built from one engine [`Analysis`]: the text of every quote,
//! speaker, claim and noise item, plus each annotation's range in UTF-16
//! units (the DOM's unit), converted with the engine's `OffsetMap` only.
//! Pure: no browser APIs, so it is unit-tested on the host.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use isnad_engine::offsets::OffsetMap;
use isnad_engine::render::{self, Role};
use isnad_engine::{
    Analysis, Annotation, ClaimCategory, ClaimStatus, Detail, Lang, Origin, QuoteForm, Span,
};
use yew::AttrValue;

/// A half-open range in UTF-16 code units, as the DOM counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range16 {
    /// First unit.
    pub start: usize,
    /// One past the last unit.
    pub end: usize,
}

/// One attributed quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRow {
    /// The engine's annotation id (`q1`, `q2`…).
    pub id: AttrValue,
    /// Where the quote's content lies in the text.
    pub range: Range16,
    /// What was said.
    pub content: AttrValue,
    /// The speaker's canonical name, when one was found.
    pub speaker: Option<AttrValue>,
    /// The speaker's id, when one was found.
    pub speaker_id: Option<AttrValue>,
    /// The cue word(s) as written (قال، said…).
    pub cue: Option<AttrValue>,
    /// Direct, indirect or mixed.
    pub form: QuoteForm,
    /// Found by the engine or made or changed by the editor.
    pub origin: Origin,
}

/// A quote as listed under its speaker: its id and its first words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaidRow {
    /// The quote's annotation id.
    pub id: AttrValue,
    /// Its content, cut after 90 characters (with "…").
    pub excerpt: AttrValue,
}

/// One speaker with how often they are quoted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerRow {
    /// The engine's speaker id.
    pub id: AttrValue,
    /// Canonical name.
    pub name: AttrValue,
    /// Title or role, kept apart from the name.
    pub title: Option<AttrValue>,
    /// Number of quotes attributed to this speaker.
    pub quotes: usize,
    /// The quotes attributed to this speaker, in document order.
    pub said: Vec<SaidRow>,
}

/// One checkable claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimRow {
    /// The engine's annotation id (`c1`…).
    pub id: AttrValue,
    /// Where the claim lies in the text.
    pub range: Range16,
    /// The claim's text.
    pub text: AttrValue,
    /// What makes it checkable (statistic, date…).
    pub categories: Vec<ClaimCategory>,
    /// The fact-check status.
    pub status: ClaimStatus,
    /// The fact-checker's note.
    pub note: AttrValue,
    /// Found by the engine or made or changed by the editor.
    pub origin: Origin,
}

/// One piece of page noise (byline, related headline, prompt…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoiseRow {
    /// The engine's annotation id (`b1`…).
    pub id: AttrValue,
    /// Where it lies in the text.
    pub range: Range16,
    /// Its text.
    pub text: AttrValue,
    /// Found by the engine or made or changed by the editor.
    pub origin: Origin,
}

/// One highlight layer over a run, with everything the article needs to
/// draw it (so a paragraph can be drawn without the whole analysis).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerView {
    /// The annotation's id.
    pub id: AttrValue,
    /// Which part of the annotation this layer draws.
    pub role: Role,
    /// Found by the engine or made or changed by the editor.
    pub origin: Origin,
}

/// A stretch of a paragraph under one constant set of highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunView {
    /// The stretch's text.
    pub text: AttrValue,
    /// Covering layers, outermost first: at most
    /// [`render::MAX_LAYERS`], the outermost ones and the innermost.
    pub layers: Vec<LayerView>,
    /// How many more annotation layers cover the stretch than `layers`
    /// holds (drawn as one badge on the innermost; all of them are still in
    /// the analysis and the lists).
    pub hidden: usize,
}

/// One paragraph ready to draw. Paragraphs are compared by value, so after
/// an edit only the paragraphs whose highlights changed are drawn again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParagraphView {
    /// Where the paragraph starts, in bytes of the text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Where the paragraph starts, in UTF-16 units of the text (the DOM's
    /// unit), to turn a selection back into text offsets.
    pub start16: usize,
    /// Runs partitioning the paragraph.
    pub runs: Vec<RunView>,
}

impl ParagraphView {
    /// Whether any highlight in this paragraph belongs to annotation `id`.
    pub fn shows(&self, id: &str) -> bool {
        self.runs
            .iter()
            .any(|r| r.layers.iter().any(|l| l.id.as_str() == id))
    }
}

/// Everything the result lists show for one analysed text.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The analysis itself, for the article view.
    pub analysis: Rc<Analysis>,
    /// The article's paragraphs cut into highlight runs, computed once.
    pub paragraphs: Vec<Rc<ParagraphView>>,
    /// The document language (given or detected).
    pub language: Lang,
    /// Whether the language was detected rather than chosen.
    pub detected: bool,
    /// Quotes in document order. Rows are shared (`Rc`) and compared by
    /// value, so a list redraws only the rows an edit changed.
    pub quotes: Vec<Rc<QuoteRow>>,
    /// Speakers in the engine's order.
    pub speakers: Vec<Rc<SpeakerRow>>,
    /// Claims in document order.
    pub claims: Vec<Rc<ClaimRow>>,
    /// Page noise in document order.
    pub noise: Vec<Rc<NoiseRow>>,
}

impl Report {
    /// Analyses `text` (detecting the language when `language` is `None`),
    /// keeping the kinds `detect` asks for.
    pub fn build(text: &str, language: Option<Lang>, detect: isnad_engine::Detect) -> Report {
        let options = isnad_engine::Options {
            language,
            ..Default::default()
        };
        let analysis = crate::config::keep_detected(detect, isnad_engine::analyze(text, &options));
        Report::from_analysis(analysis, language.is_none())
    }

    /// Turns an analysis into display rows, keeping the analysis (moved,
    /// not copied: it holds the whole text).
    pub fn from_analysis(analysis: Analysis, detected: bool) -> Report {
        Report::make(analysis, detected, None)
    }

    /// The report of `analysis`, an edit of this report's analysis (same
    /// text): rows and paragraphs the edit did not touch are this report's
    /// own (the same `Rc`s), so building is cheap and Yew's comparisons are
    /// pointer checks. Equal to [`Report::from_analysis`] of `analysis`.
    pub fn updated(&self, analysis: Analysis) -> Report {
        let reuse = self.analysis.text == analysis.text;
        Report::make(analysis, self.detected, reuse.then_some(self))
    }

    fn make(analysis: Analysis, detected: bool, previous: Option<&Report>) -> Report {
        let text = analysis.text.as_str();
        let map = OffsetMap::new(text);
        let range = |span: Span| Range16 {
            start: map.utf16_of_byte(span.start),
            end: map.utf16_of_byte(span.end),
        };
        let slice = |span: Span| AttrValue::from(span.slice(text).to_string());
        // What the previous report had, by annotation id.
        let old: HashMap<&str, &Annotation> = previous
            .map(|p| {
                p.analysis
                    .annotations
                    .iter()
                    .map(|a| (a.id.as_str(), a))
                    .collect()
            })
            .unwrap_or_default();
        let unchanged = |a: &Annotation| old.get(a.id.as_str()).is_some_and(|o| *o == a);
        let old_quotes: HashMap<&str, &Rc<QuoteRow>> = previous
            .map(|p| p.quotes.iter().map(|r| (r.id.as_str(), r)).collect())
            .unwrap_or_default();
        let old_claims: HashMap<&str, &Rc<ClaimRow>> = previous
            .map(|p| p.claims.iter().map(|r| (r.id.as_str(), r)).collect())
            .unwrap_or_default();
        let old_noise: HashMap<&str, &Rc<NoiseRow>> = previous
            .map(|p| p.noise.iter().map(|r| (r.id.as_str(), r)).collect())
            .unwrap_or_default();

        let mut quotes = Vec::new();
        let mut claims = Vec::new();
        let mut noise = Vec::new();
        let ids: Vec<AttrValue> = analysis
            .annotations
            .iter()
            .map(|a| AttrValue::from(a.id.clone()))
            .collect();
        let speaker_index: HashMap<&str, usize> = analysis
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut said: Vec<Vec<SaidRow>> = vec![Vec::new(); analysis.speakers.len()];
        for (annotation, id) in analysis.annotations.iter().zip(ids.iter().cloned()) {
            let same = unchanged(annotation);
            match &annotation.detail {
                Detail::Quote(info) => {
                    let speaker = info
                        .speaker
                        .as_deref()
                        .and_then(|id| speaker_index.get(id))
                        .map(|&i| (i, &analysis.speakers[i]));
                    if let Some((i, _)) = speaker {
                        let content = annotation.span.slice(text);
                        let mut excerpt: String = content.chars().take(90).collect();
                        if excerpt.len() < content.len() {
                            excerpt.push('…');
                        }
                        said[i].push(SaidRow {
                            id: id.clone(),
                            excerpt: AttrValue::from(excerpt),
                        });
                    }
                    let name = speaker.map(|(_, s)| s.name.as_str());
                    match old_quotes.get(annotation.id.as_str()) {
                        Some(row) if same && row.speaker.as_deref() == name => {
                            quotes.push(Rc::clone(row));
                        }
                        _ => quotes.push(Rc::new(QuoteRow {
                            id,
                            range: range(annotation.span),
                            content: slice(annotation.span),
                            speaker: speaker.map(|(_, s)| AttrValue::from(s.name.clone())),
                            speaker_id: speaker.map(|(_, s)| AttrValue::from(s.id.clone())),
                            cue: info.cue.map(slice),
                            form: info.form,
                            origin: annotation.origin,
                        })),
                    }
                }
                Detail::Claim(info) => match old_claims.get(annotation.id.as_str()) {
                    Some(row) if same => claims.push(Rc::clone(row)),
                    _ => claims.push(Rc::new(ClaimRow {
                        id,
                        range: range(annotation.span),
                        text: slice(annotation.span),
                        categories: info.categories.clone(),
                        status: info.status,
                        note: AttrValue::from(info.note.clone()),
                        origin: annotation.origin,
                    })),
                },
                Detail::Boilerplate => match old_noise.get(annotation.id.as_str()) {
                    Some(row) if same => noise.push(Rc::clone(row)),
                    _ => noise.push(Rc::new(NoiseRow {
                        id,
                        range: range(annotation.span),
                        text: slice(annotation.span),
                        origin: annotation.origin,
                    })),
                },
            }
        }
        let speakers = analysis
            .speakers
            .iter()
            .zip(said)
            .map(|(s, said)| {
                Rc::new(SpeakerRow {
                    id: AttrValue::from(s.id.clone()),
                    name: AttrValue::from(s.name.clone()),
                    title: s.title.clone().map(AttrValue::from),
                    quotes: said.len(),
                    said,
                })
            })
            .collect();

        let view = |paragraph: Span, runs: &[render::Run]| {
            let runs = runs
                .iter()
                .map(|run| RunView {
                    text: slice(run.span),
                    layers: run
                        .layers
                        .iter()
                        .filter_map(|layer| {
                            let annotation = analysis.annotations.get(layer.annotation)?;
                            Some(LayerView {
                                id: ids[layer.annotation].clone(),
                                role: layer.role,
                                origin: annotation.origin,
                            })
                        })
                        .collect(),
                    hidden: run.hidden,
                })
                .collect();
            Rc::new(ParagraphView {
                start: paragraph.start,
                end: paragraph.end,
                start16: map.utf16_of_byte(paragraph.start),
                runs,
            })
        };
        let paragraphs = match previous {
            // Same text, so the same paragraphs: draw again only those an
            // added, removed or changed annotation touches.
            Some(previous) => {
                let mut touched: Vec<Span> = Vec::new();
                let new_ids: HashSet<&str> =
                    analysis.annotations.iter().map(|a| a.id.as_str()).collect();
                for a in analysis.annotations.iter().filter(|a| !unchanged(a)) {
                    touched.extend(render::layer_spans(a).map(|(_, s)| s));
                    if let Some(o) = old.get(a.id.as_str()) {
                        touched.extend(render::layer_spans(o).map(|(_, s)| s));
                    }
                }
                for o in previous.analysis.annotations.iter() {
                    if !new_ids.contains(o.id.as_str()) {
                        touched.extend(render::layer_spans(o).map(|(_, s)| s));
                    }
                }
                previous
                    .paragraphs
                    .iter()
                    .map(|p| {
                        let hit = touched.iter().any(|s| s.start < p.end && p.start < s.end);
                        if hit {
                            let span = Span::new(p.start, p.end);
                            view(
                                span,
                                &render::paragraph_runs(text, span, &analysis.annotations),
                            )
                        } else {
                            Rc::clone(p)
                        }
                    })
                    .collect()
            }
            None => render::runs(&analysis)
                .iter()
                .map(|p| view(p.paragraph, &p.runs))
                .collect(),
        };
        let language = analysis.language;
        Report {
            analysis: Rc::new(analysis),
            paragraphs,
            language,
            detected,
            quotes,
            speakers,
            claims,
            noise,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_engine::{Annotation, ClaimInfo, Origin, QuoteInfo, Speaker};

    /// A hand-made analysis, so these tests do not depend on the detectors.
    fn sample() -> Analysis {
        let text = "😀 قال الوزير: «نعم». Prices rose 4.5%.";
        let find = |needle: &str| {
            let start = text.find(needle).expect("needle in sample");
            Span::new(start, start + needle.len())
        };
        Analysis {
            language: Lang::Ar,
            text: text.to_string(),
            annotations: vec![
                Annotation {
                    id: "q1".into(),
                    span: find("نعم"),
                    origin: Origin::Auto,
                    detail: Detail::Quote(QuoteInfo {
                        form: QuoteForm::Direct,
                        speaker: Some("s1".into()),
                        cue: Some(find("قال")),
                        mention: Some(find("الوزير")),
                    }),
                },
                Annotation {
                    id: "c1".into(),
                    span: find("Prices rose 4.5%."),
                    origin: Origin::Auto,
                    detail: Detail::Claim(ClaimInfo {
                        categories: vec![ClaimCategory::Statistic],
                        score: 0.9,
                        ..Default::default()
                    }),
                },
                Annotation {
                    id: "b1".into(),
                    span: find("😀"),
                    origin: Origin::Auto,
                    detail: Detail::Boilerplate,
                },
            ],
            speakers: vec![Speaker {
                id: "s1".into(),
                name: "الوزير".into(),
                title: None,
                mentions: vec![find("الوزير")],
            }],
        }
    }

    #[test]
    fn rows_carry_text_speaker_cue_and_utf16_ranges() {
        let report = Report::from_analysis(sample(), true);
        assert_eq!(report.quotes.len(), 1);
        let quote = &report.quotes[0];
        assert_eq!(quote.content.as_str(), "نعم");
        assert_eq!(quote.speaker.as_deref(), Some("الوزير"));
        assert_eq!(quote.cue.as_deref(), Some("قال"));
        assert_eq!(quote.form, QuoteForm::Direct);
        // "😀 قال الوزير: «" is 2 + 1 + 3 + 1 + 6 + 1 + 1 + 1 = 16 UTF-16 units.
        assert_eq!(quote.range, Range16 { start: 16, end: 19 });
        assert_eq!(report.noise[0].range, Range16 { start: 0, end: 2 });
        assert_eq!(report.claims[0].categories, vec![ClaimCategory::Statistic]);
        assert_eq!(report.speakers[0].quotes, 1);
        assert!(report.detected);
    }

    #[test]
    fn an_updated_report_equals_a_fresh_one_and_keeps_what_did_not_change() {
        use isnad_engine::edit::{apply, Edit, Layer};
        let text = [
            "\"We will not back down,\" the minister said on Tuesday.",
            "Prices rose 4.5% in May, according to the statistics office.",
            "قال الوزير إن الأسعار ارتفعت 5% في مايو.",
            "By Jane Doe",
        ]
        .join("\n");
        let analysis = isnad_engine::analyze(&text, &Default::default());
        let report = Report::from_analysis(analysis.clone(), true);
        let layer = Layer::from_analysis(&analysis);
        let first = analysis.annotations[0].id.clone();
        let quote = analysis
            .annotations
            .iter()
            .find(|a| a.kind() == isnad_engine::Kind::Quote)
            .map(|a| a.id.clone())
            .expect("a quote");
        let edits = [
            Edit::Delete(first),
            Edit::SetSpeaker(quote.clone(), None),
            Edit::SetForm(quote, QuoteForm::Mixed),
            Edit::Add {
                span: Span::new(0, text.find(',').unwrap_or(1)),
                detail: Detail::Claim(ClaimInfo::default()),
            },
        ];
        for edit in edits {
            let next = apply(&text, &layer, &edit).expect("edit applies");
            let edited = next.to_analysis(&analysis);
            let updated = report.updated(edited.clone());
            assert_eq!(updated, Report::from_analysis(edited, true), "{edit:?}");
            // The last paragraph (a byline) is untouched by every edit.
            let last = report.paragraphs.len() - 1;
            assert!(
                Rc::ptr_eq(&updated.paragraphs[last], &report.paragraphs[last]),
                "{edit:?}"
            );
        }
    }

    #[test]
    fn a_deep_stack_draws_capped_and_keeps_every_row() {
        // 3,000 imported annotations over the same five characters.
        let text = "Avant hello après.";
        let hello = Span::new(6, 11);
        let annotations = (0..3_000)
            .map(|i| Annotation {
                id: format!("b{i}"),
                span: hello,
                origin: Origin::Editor,
                detail: Detail::Boilerplate,
            })
            .collect();
        let analysis = Analysis {
            text: text.to_string(),
            annotations,
            ..Analysis::default()
        };
        let report = Report::from_analysis(analysis, false);
        assert_eq!(report.noise.len(), 3_000);
        let runs = &report.paragraphs[0].runs;
        let stacked: Vec<&RunView> = runs.iter().filter(|r| !r.layers.is_empty()).collect();
        assert_eq!(stacked.len(), 1);
        assert_eq!(stacked[0].text.as_str(), "hello");
        assert_eq!(stacked[0].layers.len(), render::MAX_LAYERS);
        assert_eq!(stacked[0].hidden, 3_000 - render::MAX_LAYERS);
        assert_eq!(
            stacked[0].layers[render::MAX_LAYERS - 1].id.as_str(),
            "b2999"
        );
    }

    #[test]
    fn out_of_range_speaker_index_is_ignored() {
        let mut analysis = sample();
        analysis.speakers.clear();
        let report = Report::from_analysis(analysis, false);
        assert_eq!(report.quotes[0].speaker, None);
        assert!(report.speakers.is_empty());
    }

    #[test]
    fn build_runs_the_engine() {
        let report = Report::build(
            "Hello there. This is English text.",
            Some(Lang::En),
            Default::default(),
        );
        assert_eq!(report.language, Lang::En);
        assert!(!report.detected);
    }
}
