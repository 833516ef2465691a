//! "Who said what": every speaker with their quotes.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::speaker_item::SpeakerItem;
use crate::components::{more_line, use_shown, LIST_LIMIT};
use crate::i18n::UiLang;
use crate::report::Report;
use crate::state::Action;

/// Properties of [`SpeakerList`].
#[derive(Properties, PartialEq)]
pub struct SpeakerListProps {
    /// The analysis whose speakers to list.
    pub report: Rc<Report>,
    /// Sends selections (a quote chosen: the page scrolls to it and
    /// selects it), renames and merges to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// One `<li data-speaker-id>` per speaker.
#[function_component(SpeakerList)]
pub fn speaker_list(props: &SpeakerListProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let (shown, on_more) = use_shown(LIST_LIMIT);
    let speakers = &props.report.speakers;
    let others: Rc<Vec<(AttrValue, AttrValue)>> = Rc::new(
        speakers
            .iter()
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect(),
    );
    // One list of names for every merge picker, drawn only once a picker is
    // opened: thousands of speakers must not mean millions of options.
    let picker_wanted = use_state(|| false);
    let on_open = {
        let picker_wanted = picker_wanted.clone();
        Callback::from(move |()| picker_wanted.set(true))
    };
    // Ids are looked up in the instance's own tree (a shadow root when
    // embedded), so one fixed id serves every instance.
    let choices = AttrValue::Static("isnad-speaker-choices");
    html! {
        <section class="list speakers" id="isnad-speakers" aria-labelledby="isnad-speakers-title">
            <h2 id="isnad-speakers-title">{ t.speakers }{ " " }<span class="count">{ speakers.len() }</span></h2>
            if speakers.is_empty() {
                <p class="none">{ t.none_found[1] }</p>
            } else {
                <ul>{ for speakers.iter().take(shown).map(|s| html! { <SpeakerItem key={s.id.as_str()} row={s.clone()} others={others.clone()} choices={choices.clone()} on_open={on_open.clone()} dispatch={props.dispatch.clone()} /> }) }</ul>
                if *picker_wanted {
                    <datalist id={choices.clone()}>
                        { for speakers.iter().map(|s| html! { <option value={s.name.clone()} /> }) }
                    </datalist>
                }
                { more_line(t, speakers.len(), shown, LIST_LIMIT, on_more) }
            }
        </section>
    }
}
