//! One question: prompt, code, the input its kind needs, "Check", then feedback with the
//! right answer, the explanation and each choice's `why`.

use std::rc::Rc;

use quiz_core::{Answer, Choice, Outcome, Pick, Response};
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use super::{code_block, md_blocks, md_inline};
use crate::i18n::{Lang, fill};

/// Props for [`QuestionCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct QuestionCardProps {
    /// The question with its display order.
    pub pick: Rc<Pick>,
    /// 0-based position in the quiz.
    pub position: usize,
    /// Number of questions in the quiz.
    pub total: usize,
    /// The quiz's seed, shown so a learner can share the quiz.
    pub seed: u32,
    /// The graded answer, once checked.
    pub outcome: Option<Outcome>,
    /// Whether to move focus to the heading when shown.
    pub focus: bool,
    /// UI language.
    pub lang: Lang,
    /// Fired with the learner's answer on "Check".
    pub on_submit: Callback<Response>,
    /// Fired on "Next".
    pub on_next: Callback<()>,
}

/// What the learner has entered so far, before checking.
#[derive(Clone, Debug, PartialEq, Default)]
struct Draft {
    choice: Option<usize>,
    choices: Vec<usize>,
    flag: Option<bool>,
    text: String,
    order: Vec<usize>,
}

impl Draft {
    fn response(&self, answer: &Answer) -> Option<Response> {
        match answer {
            Answer::Single { .. } => self.choice.map(Response::Choice),
            Answer::Output { choices, .. } if !choices.is_empty() => {
                self.choice.map(Response::Choice)
            }
            Answer::Multiple { .. } => {
                (!self.choices.is_empty()).then(|| Response::Choices(self.choices.clone()))
            }
            Answer::TrueFalse { .. } => self.flag.map(Response::Bool),
            Answer::Output { .. } | Answer::Text { .. } => {
                (!self.text.trim().is_empty()).then(|| Response::Text(self.text.clone()))
            }
            Answer::Order { .. } => Some(Response::Order(self.order.clone())),
        }
    }
}

/// Renders one question and its feedback.
#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let QuestionCardProps {
        pick,
        position,
        total,
        seed,
        outcome,
        lang,
        on_submit,
        on_next,
        ..
    } = props;
    let s = lang.strings();
    let q = &pick.question;
    let draft = use_state(|| Draft {
        order: if matches!(q.answer, Answer::Order { .. }) {
            pick.order.clone()
        } else {
            Vec::new()
        },
        ..Draft::default()
    });
    let warn = use_state(|| false);
    let heading = use_node_ref();
    let next_btn = use_node_ref();
    let order_list = use_node_ref();
    let moved = use_mut_ref(|| None::<String>);
    {
        let (heading, focus) = (heading.clone(), props.focus);
        use_effect_with((), move |()| {
            if focus {
                super::focus(&heading);
            }
            mark_first_question();
        });
    }
    // After "Check", the next action is "Next": put focus there (the verdict is announced
    // by the live region).
    {
        let next_btn = next_btn.clone();
        use_effect_with(outcome.is_some(), move |answered| {
            if *answered {
                super::focus(&next_btn);
            }
        });
    }
    // Keep focus on the arrow button that moved an item, as the list re-renders.
    {
        let (order_list, moved) = (order_list.clone(), moved.clone());
        use_effect_with(draft.order.clone(), move |_| {
            let target = moved
                .borrow_mut()
                .take()
                .zip(order_list.cast::<HtmlElement>())
                .and_then(|(sel, list)| list.query_selector(&sel).ok().flatten())
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el).ok());
            if let Some(el) = target {
                let _ = el.focus();
            }
        });
    }

    let answered = outcome.is_some();
    let name = format!("q{seed}-{position}");
    let prompt_id = format!("{name}-prompt");
    let choices = q.answer.choices();
    let is_output = matches!(q.answer, Answer::Output { .. });

    let onsubmit = {
        let (draft, warn, on_submit, answer) = (
            draft.clone(),
            warn.clone(),
            on_submit.clone(),
            q.answer.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.response(&answer) {
                Some(r) => {
                    warn.set(false);
                    on_submit.emit(r);
                }
                None => warn.set(true),
            }
        })
    };

    let choice_mark = |c: &Choice, picked: bool| -> Html {
        if !answered {
            return html! {};
        }
        let (cls, mark) = match (c.correct, picked) {
            (true, _) => ("mark mark-right", "✓"),
            (false, true) => ("mark mark-wrong", "✗"),
            (false, false) => return html! {},
        };
        html! { <span class={cls} aria-hidden="true">{ mark }</span> }
    };
    let why = |c: &Choice| -> Html {
        match (&c.why, answered) {
            (Some(w), true) => html! { <span class="why">{ md_inline(w) }</span> },
            _ => html! {},
        }
    };
    let picked_in_outcome = |i: usize| match outcome.as_ref().map(|o| &o.response) {
        Some(Response::Choice(c)) => *c == i,
        Some(Response::Choices(cs)) => cs.contains(&i),
        _ => false,
    };

    let input = match &q.answer {
        Answer::Single { .. } | Answer::Multiple { .. } | Answer::Output { .. }
            if !choices.is_empty() =>
        {
            let multi = matches!(q.answer, Answer::Multiple { .. });
            let items = pick.order.iter().filter_map(|&i| choices.get(i).map(|c| (i, c))).map(|(i, c)| {
                let checked = if multi { draft.choices.contains(&i) } else { draft.choice == Some(i) };
                let onchange = {
                    let draft = draft.clone();
                    Callback::from(move |e: Event| {
                        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                        let mut d = (*draft).clone();
                        if multi {
                            d.choices.retain(|x| *x != i);
                            if on {
                                d.choices.push(i);
                                d.choices.sort_unstable();
                            }
                        } else {
                            d.choice = Some(i);
                        }
                        draft.set(d);
                    })
                };
                let picked = picked_in_outcome(i);
                let state = match (answered, c.correct, picked) {
                    (false, _, _) => "",
                    (true, true, _) => "is-right",
                    (true, false, true) => "is-wrong",
                    _ => "",
                };
                html! {
                    <li class={classes!("choice", state)} part="choice">
                        <label>
                            <input type={if multi { "checkbox" } else { "radio" }} name={name.clone()}
                                checked={if answered { picked } else { checked }} disabled={answered} {onchange} />
                            <span class="choice-text">
                                if is_output { <code class="out">{ &c.text }</code> } else { { md_inline(&c.text) } }
                            </span>
                            { choice_mark(c, picked) }
                        </label>
                        { why(c) }
                    </li>
                }
            });
            html! {
                <>
                    if multi { <p class="hint">{ s.select_all }</p> }
                    <ul class="choices">{ for items }</ul>
                </>
            }
        }
        Answer::Single { .. } | Answer::Multiple { .. } => html! {},
        Answer::TrueFalse { answer } => {
            let items = [(true, s.true_), (false, s.false_)].map(|(v, label)| {
                let onchange = {
                    let draft = draft.clone();
                    Callback::from(move |_: Event| draft.set(Draft { flag: Some(v), ..(*draft).clone() }))
                };
                let picked = matches!(outcome.as_ref().map(|o| &o.response), Some(Response::Bool(b)) if *b == v);
                let state = match (answered, *answer == v, picked) {
                    (true, true, _) => "is-right",
                    (true, false, true) => "is-wrong",
                    _ => "",
                };
                html! {
                    <li class={classes!("choice", state)} part="choice">
                        <label>
                            <input type="radio" name={name.clone()} disabled={answered}
                                checked={if answered { picked } else { draft.flag == Some(v) }} {onchange} />
                            <span class="choice-text">{ label }</span>
                            if answered && *answer == v { <span class="mark mark-right" aria-hidden="true">{ "✓" }</span> }
                            if answered && picked && *answer != v { <span class="mark mark-wrong" aria-hidden="true">{ "✗" }</span> }
                        </label>
                    </li>
                }
            });
            html! { <ul class="choices choices-tf">{ for items }</ul> }
        }
        Answer::Output { .. } | Answer::Text { .. } => {
            let oninput = {
                let draft = draft.clone();
                Callback::from(move |e: InputEvent| {
                    let v = e.target_unchecked_into::<HtmlInputElement>().value();
                    draft.set(Draft {
                        text: v,
                        ..(*draft).clone()
                    });
                })
            };
            let shown = match outcome.as_ref().map(|o| &o.response) {
                Some(Response::Text(t)) => t.clone(),
                _ => draft.text.clone(),
            };
            if is_output {
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
        Answer::Order { items } => {
            let current = match outcome.as_ref().map(|o| &o.response) {
                Some(Response::Order(o)) => o.clone(),
                _ => draft.order.clone(),
            };
            let n = current.len();
            let rows = current.iter().enumerate().map(|(pos, &item)| {
                let text = items.get(item).cloned().unwrap_or_default();
                let plain = quiz_core::markdown::plain(&text);
                let mover = |delta: isize, dir: &'static str| {
                    let (draft, moved) = (draft.clone(), moved.clone());
                    Callback::from(move |_: MouseEvent| {
                        let mut d = (*draft).clone();
                        let target = pos as isize + delta;
                        if target >= 0 && (target as usize) < d.order.len() {
                            d.order.swap(pos, target as usize);
                            *moved.borrow_mut() = Some(format!("[data-item=\"{item}\"] .{dir}"));
                            draft.set(d);
                        }
                    })
                };
                let right = answered && item == pos;
                html! {
                    <li key={item} data-item={item.to_string()} class={classes!("order-item", answered.then_some(if right { "is-right" } else { "is-wrong" }))} part="choice">
                        <span class="order-pos" aria-hidden="true">{ pos + 1 }</span>
                        <span class="order-text">{ md_inline(&text) }</span>
                        if !answered {
                            <span class="order-buttons">
                                <button type="button" class="icon-btn up" disabled={pos == 0}
                                    aria-label={fill(s.move_up, "", "", &plain)} onclick={mover(-1, "up")}>{ "↑" }</button>
                                <button type="button" class="icon-btn down" disabled={pos + 1 == n}
                                    aria-label={fill(s.move_down, "", "", &plain)} onclick={mover(1, "down")}>{ "↓" }</button>
                            </span>
                        } else {
                            <span class={if right { "mark mark-right" } else { "mark mark-wrong" }} aria-hidden="true">{ if right { "✓" } else { "✗" } }</span>
                        }
                    </li>
                }
            });
            html! {
                <>
                    <p class="hint">{ s.order_hint }</p>
                    <ol class="order" ref={order_list}>{ for rows }</ol>
                </>
            }
        }
    };

    let feedback = outcome.as_ref().map(|o| {
        let right_answer: Html = if o.correct { html! {} } else { right_answer_html(&q.answer, *lang) };
        html! {
            <div class={classes!("feedback", if o.correct { "is-right" } else { "is-wrong" })} part="feedback">
                <p class="verdict"><strong>{ if o.correct { s.correct } else { s.incorrect } }</strong></p>
                { right_answer }
                <div class="explanation">{ md_blocks(&q.explanation) }</div>
            </div>
        }
    });
    let last = position + 1 == *total;
    let progress = (position + usize::from(answered)) * 100 / (*total).max(1);
    let difficulty = s
        .difficulties
        .get(q.difficulty.index())
        .copied()
        .unwrap_or("");

    html! {
        <article class="question" part="question">
            <header class="question-head">
                <h2 class="question-count" ref={heading} tabindex="-1">
                    { fill(s.question_n_of, position + 1, total, "") }
                </h2>
                <span class={classes!("badge", format!("badge-{}", q.difficulty))}>{ difficulty }</span>
                <span class="seed">{ fill(s.seed, seed, "", "") }</span>
            </header>
            <progress class="progress" part="progress" max="100" value={progress.to_string()}
                aria-label={fill(s.question_n_of, position + 1, total, "")}></progress>
            <div class="prompt" id={prompt_id.clone()}>{ md_blocks(&q.prompt) }</div>
            if let Some(code) = &q.code { { code_block(code, s.code) } }
            <form class="answer" {onsubmit}>
                <fieldset class="answer-fields" aria-labelledby={prompt_id}>
                    { input }
                </fieldset>
                if *warn && !answered { <p class="warn" role="alert">{ s.pick_first }</p> }
                if !answered {
                    <button type="submit" class="btn btn-primary" part="button">{ s.check }</button>
                }
            </form>
            <div class="live" aria-live="polite">{ feedback }</div>
            if answered {
                <button type="button" class="btn btn-primary" part="button" ref={next_btn}
                    onclick={on_next.reform(|_| ())}>
                    { if last { s.see_results } else { s.next } }
                </button>
            }
        </article>
    }
}

/// Sets the `quiz-first-question` performance mark the first time any question is on
/// screen in this page (benchmarks measure start-up with it).
fn mark_first_question() {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    if perf.get_entries_by_name("quiz-first-question").length() == 0 {
        let _ = perf.mark("quiz-first-question");
    }
}

/// The right answer, shown after a wrong one.
pub(crate) fn right_answer_html(answer: &Answer, lang: Lang) -> Html {
    let s = lang.strings();
    let body = match answer {
        Answer::Single { choices } | Answer::Multiple { choices } => {
            let right: Vec<&Choice> = choices.iter().filter(|c| c.correct).collect();
            html! { <ul class="right-list">{ for right.iter().map(|c| html! { <li>{ md_inline(&c.text) }</li> }) }</ul> }
        }
        Answer::TrueFalse { answer } => {
            html! { <span>{ if *answer { s.true_ } else { s.false_ } }</span> }
        }
        Answer::Output { output, .. } => {
            html! { <pre class="code out-block">{ output.trim_end_matches('\n') }</pre> }
        }
        Answer::Text { accept } => {
            html! { <code>{ accept.first().cloned().unwrap_or_default() }</code> }
        }
        Answer::Order { items } => html! {
            <ol class="right-list">{ for items.iter().map(|i| html! { <li>{ md_inline(i) }</li> }) }</ol>
        },
    };
    html! { <div class="right-answer"><span class="label">{ s.right_answer }</span>{ " " }{ body }</div> }
}
