//! `true-false`: two radio buttons in the UI language.

use quiz_core::{Answer, Response};
use yew::prelude::*;

use super::{KindProps, choice_state, mark};

/// "True" and "False"; after checking, the right one is marked.
#[component]
pub fn TrueFalse(props: &KindProps) -> Html {
    let KindProps {
        pick,
        name,
        outcome,
        lang,
        on_draft,
    } = props;
    let s = lang.strings();
    let right = matches!(pick.question.answer, Answer::TrueFalse { answer: true });
    let flag = use_state(|| None::<bool>);
    let answered = outcome.is_some();
    let items = [(true, s.true_), (false, s.false_)].map(|(v, label)| {
        let onchange = {
            let (flag, on_draft) = (flag.clone(), on_draft.clone());
            Callback::from(move |_: Event| {
                flag.set(Some(v));
                on_draft.emit(Some(Response::Bool(v)));
            })
        };
        let picked =
            matches!(outcome.as_ref().map(|o| &o.response), Some(Response::Bool(b)) if *b == v);
        let state = choice_state(answered, right == v, picked);
        html! {
            <li class={classes!("choice", state.map(|s| s.0))} part="choice">
                <label>
                    <input type="radio" name={name.clone()} disabled={answered}
                        checked={if answered { picked } else { *flag == Some(v) }} {onchange} />
                    <span class="choice-text">{ label }</span>
                    { mark(state) }
                </label>
            </li>
        }
    });
    html! { <ul class="choices choices-tf">{ for items }</ul> }
}
