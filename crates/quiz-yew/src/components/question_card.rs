//! One question: prompt, code, the input its kind needs (one component per kind, in
//! `kinds/`), "Check", then feedback with the right answer and the explanation.

use std::rc::Rc;

use quiz_core::{Answer, Choice, Outcome, Pick, Response};
use yew::prelude::*;

use super::kinds::{ChoiceList, KindProps, OrderList, TrueFalse, TypedAnswer};
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
    /// A line under the feedback (study mode: when the question comes back).
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// Fired with the learner's answer on "Check".
    pub on_submit: Callback<Response>,
    /// Fired on "Next".
    pub on_next: Callback<()>,
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
        note,
        on_submit,
        on_next,
        ..
    } = props;
    let s = lang.strings();
    let q = &pick.question;
    // The learner's answer so far; an order question is answerable as shown.
    let draft = use_state(|| match q.answer {
        Answer::Order { .. } => Some(Response::Order(pick.order.clone())),
        _ => None,
    });
    let warn = use_state(|| false);
    let heading = use_node_ref();
    let next_btn = use_node_ref();
    {
        let (heading, focus) = (heading.clone(), props.focus);
        use_effect_with((), move |()| {
            if focus {
                super::focus(&heading);
            }
        });
    }
    // Queued by the first render, the mark runs once this render's DOM is in place and before
    // the browser paints it. An effect would run later when yew yields to the browser between
    // a render and its effects (it does past 16 ms): after the question was painted.
    use_memo((), |()| {
        yew::platform::spawn_local(async { mark_first_question() })
    });
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

    let answered = outcome.is_some();
    let prompt_id = format!("q{seed}-{position}-prompt");
    let onsubmit = {
        let (draft, warn, on_submit) = (draft.clone(), warn.clone(), on_submit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match (*draft).clone() {
                Some(r) => {
                    warn.set(false);
                    on_submit.emit(r);
                }
                None => warn.set(true),
            }
        })
    };
    let kind = KindProps {
        pick: pick.clone(),
        name: format!("q{seed}-{position}").into(),
        outcome: outcome.clone(),
        lang: *lang,
        on_draft: {
            let draft = draft.clone();
            Callback::from(move |r: Option<Response>| draft.set(r))
        },
    };
    let input = match &q.answer {
        Answer::Output { choices, .. } if choices.is_empty() => html! { <TypedAnswer ..kind /> },
        Answer::Single { .. } | Answer::Multiple { .. } | Answer::Output { .. } => {
            html! { <ChoiceList ..kind /> }
        }
        Answer::TrueFalse { .. } => html! { <TrueFalse ..kind /> },
        Answer::Text { .. } => html! { <TypedAnswer ..kind /> },
        Answer::Order { .. } => html! { <OrderList ..kind /> },
    };

    let feedback = outcome.as_ref().map(|o| {
        let right_answer: Html = if o.correct { html! {} } else { right_answer_html(&q.answer, *lang) };
        html! {
            <div class={classes!("feedback", if o.correct { "is-right" } else { "is-wrong" })} part="feedback">
                <p class="verdict"><strong>{ if o.correct { s.correct } else { s.incorrect } }</strong></p>
                { right_answer }
                <div class="explanation">{ md_blocks(&q.explanation) }</div>
                if let Some(note) = note {
                    <p class="again">{ note.clone() }</p>
                }
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
                // The Python versions the question's facts hold for (`python = ">=3.12"`).
                if let Some(range) = &q.python {
                    <span class="badge badge-python">{ format!("Python {}", range.label()) }</span>
                }
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
