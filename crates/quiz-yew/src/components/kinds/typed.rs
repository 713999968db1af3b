//! `text`, and `output` without choices: the learner types the answer.

use quiz_core::{Answer, Response};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::KindProps;

/// A text field (one line for `text`, a code area for `output`).
#[component]
pub fn TypedAnswer(props: &KindProps) -> Html {
    let KindProps {
        pick,
        outcome,
        lang,
        on_draft,
        ..
    } = props;
    let s = lang.strings();
    let text = use_state(String::new);
    let answered = outcome.is_some();
    let oninput = {
        let (text, on_draft) = (text.clone(), on_draft.clone());
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            on_draft.emit((!v.trim().is_empty()).then(|| Response::Text(v.clone())));
            text.set(v);
        })
    };
    let shown = match outcome.as_ref().map(|o| &o.response) {
        Some(Response::Text(t)) => t.clone(),
        _ => (*text).clone(),
    };
    if matches!(pick.question.answer, Answer::Output { .. }) {
        html! {
            <label class="field">
                <span class="field-label">{ s.type_output }</span>
                <textarea class="typed typed-output" part="input" rows="3" spellcheck="false"
                    autocapitalize="off" autocomplete="off" value={shown} disabled={answered} {oninput} />
            </label>
        }
    } else {
        html! {
            <label class="field">
                <span class="field-label">{ s.type_answer }</span>
                <input class="typed" part="input" type="text" spellcheck="false" autocapitalize="off"
                    autocomplete="off" value={shown} disabled={answered} {oninput} />
            </label>
        }
    }
}
