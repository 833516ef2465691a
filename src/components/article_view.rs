//! The analysed article with its highlights: quote content, cue words and
//! speaker mentions, claims (underlined, so a claim inside a quote shows
//! both) and page noise (dimmed). Each paragraph reads in its own direction
//! (`dir="auto"`). Highlights are nested elements cut at word edges only
//! (see `isnad_engine::render`), so Arabic letters stay joined.

use isnad_engine::render::{Layer, Role, Run};
use isnad_engine::Analysis;
use yew::prelude::*;

use crate::report::Report;

/// Paragraphs shown at most: very long pastes are analysed in full, but
/// rendering tens of thousands of paragraphs would freeze the page.
pub const PARAGRAPH_LIMIT: usize = 1500;

/// Properties of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The analysis to show.
    pub report: std::rc::Rc<Report>,
}

/// The highlighted article.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let analysis = &props.report.analysis;
    let paragraphs = props.report.runs.iter().take(PARAGRAPH_LIMIT).map(|p| {
        html! {
            <p class="para" dir="auto">
                { for p.runs.iter().map(|run| run_html(analysis, run)) }
            </p>
        }
    });
    html! {
        <article id="isnad-article" class="article" aria-label="article">
            { for paragraphs }
        </article>
    }
}

/// One run: its text inside one element per covering layer, outermost first.
fn run_html(analysis: &Analysis, run: &Run) -> Html {
    let text = run.span.slice(&analysis.text).to_string();
    run.layers
        .iter()
        .rev()
        .fold(html! { { text } }, |inner, layer| {
            layer_html(analysis, layer, inner)
        })
}

fn layer_html(analysis: &Analysis, layer: &Layer, inner: Html) -> Html {
    let Some(annotation) = analysis.annotations.get(layer.annotation) else {
        return inner;
    };
    let (kind, role, class) = match layer.role {
        Role::QuoteContent => ("quote", "content", "hl hl-quote"),
        Role::Cue => ("quote", "cue", "hl hl-cue"),
        Role::Mention => ("quote", "mention", "hl hl-mention"),
        Role::Claim => ("claim", "content", "hl hl-claim"),
        Role::Boilerplate => ("boilerplate", "content", "hl hl-noise"),
    };
    html! {
        <span
            class={class}
            data-kind={kind}
            data-role={role}
            data-annotation-id={annotation.id.clone()}
        >{ inner }</span>
    }
}
