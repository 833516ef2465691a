//! One row of the quote list. Its own component so that an edit redraws
//! only the rows it changed.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::report::QuoteRow;

/// Properties of [`QuoteItem`].
#[derive(Properties, PartialEq)]
pub struct QuoteItemProps {
    /// The quote to show.
    pub row: Rc<QuoteRow>,
}

/// `<li data-kind="quote">`: content, speaker, cue and form.
#[function_component(QuoteItem)]
pub fn quote_item(props: &QuoteItemProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let quote = &props.row;
    html! {
        <li
            data-kind="quote"
            data-annotation-id={quote.id.clone()}
            data-start={quote.range.start.to_string()}
            data-end={quote.range.end.to_string()}
        >
            <blockquote class="content" dir="auto">{ quote.content.clone() }</blockquote>
            <dl class="meta">
                <div class="speaker">
                    <dt>{ t.speaker }</dt>
                    if let Some(speaker) = &quote.speaker {
                        <dd dir="auto">{ speaker.clone() }</dd>
                    } else {
                        <dd class="unknown">{ t.unknown_speaker }</dd>
                    }
                </div>
                <div class="cue">
                    <dt>{ t.cue }</dt>
                    if let Some(cue) = &quote.cue {
                        <dd dir="auto">{ cue.clone() }</dd>
                    } else {
                        <dd class="unknown">{ "—" }</dd>
                    }
                </div>
                <div class="form">
                    <dt>{ t.form }</dt>
                    <dd data-form={quote.form.code()}>{ t.form_name(quote.form) }</dd>
                </div>
            </dl>
        </li>
    }
}
