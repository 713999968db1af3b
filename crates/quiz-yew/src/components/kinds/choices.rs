//! `single`, `multiple`, and `output` with choices: radio buttons or checkboxes.

use quiz_core::{Answer, Choice, Response};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{KindProps, choice_state, mark};
use crate::components::md_inline;

/// Choices in the quiz's shuffled order; after checking, each shows right/wrong and its `why`.
#[component]
pub fn ChoiceList(props: &KindProps) -> Html {
    let KindProps {
        pick,
        name,
        outcome,
        lang,
        on_draft,
    } = props;
    let q = &pick.question;
    let multi = matches!(q.answer, Answer::Multiple { .. });
    let is_output = matches!(q.answer, Answer::Output { .. });
    let chosen = use_state(Vec::<usize>::new);
    let answered = outcome.is_some();
    let picked_in_outcome = |i: usize| match outcome.as_ref().map(|o| &o.response) {
        Some(Response::Choice(c)) => *c == i,
        Some(Response::Choices(cs)) => cs.contains(&i),
        _ => false,
    };
    let choices = q.answer.choices();
    let items = pick
        .order
        .iter()
        .filter_map(|&i| choices.get(i).map(|c| (i, c)))
        .map(|(i, c): (usize, &Choice)| {
            let onchange = {
                let (chosen, on_draft) = (chosen.clone(), on_draft.clone());
                Callback::from(move |e: Event| {
                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                    let mut next = if multi { (*chosen).clone() } else { Vec::new() };
                    next.retain(|x| *x != i);
                    if on {
                        next.push(i);
                        next.sort_unstable();
                    }
                    on_draft.emit(match (multi, next.first()) {
                        (_, None) => None,
                        (true, Some(_)) => Some(Response::Choices(next.clone())),
                        (false, Some(first)) => Some(Response::Choice(*first)),
                    });
                    chosen.set(next);
                })
            };
            let picked = picked_in_outcome(i);
            let state = choice_state(answered, c.correct, picked);
            let checked = if answered { picked } else { chosen.contains(&i) };
            html! {
                <li class={classes!("choice", state.map(|s| s.0))} part="choice">
                    <label>
                        <input type={if multi { "checkbox" } else { "radio" }} name={name.clone()}
                            {checked} disabled={answered} {onchange} />
                        <span class="choice-text">
                            if is_output { <code class="out">{ &c.text }</code> } else { { md_inline(&c.text) } }
                        </span>
                        { mark(state) }
                    </label>
                    if let (Some(why), true) = (&c.why, answered) {
                        <span class="why">{ md_inline(why) }</span>
                    }
                </li>
            }
        });
    html! {
        <>
            if multi { <p class="hint">{ lang.strings().select_all }</p> }
            <ul class="choices">{ for items }</ul>
        </>
    }
}
