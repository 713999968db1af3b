//! The results screen: score, breakdown by difficulty and topic, a review of every question
//! with the learner's answer, "Retry missed" and "New quiz".

use std::rc::Rc;

use quiz_core::{Difficulty, QuestionBank, Session};
use yew::prelude::*;

use super::question_card::right_answer_html;
use super::{md_blocks, md_inline};
use crate::i18n::{Lang, fill};

/// Props for [`Results`].
#[derive(Properties, Clone)]
pub struct ResultsProps {
    /// The finished quiz.
    pub session: Rc<Session>,
    /// The bank, for topic titles.
    pub bank: Rc<dyn QuestionBank>,
    /// UI language.
    pub lang: Lang,
    /// Whether to move focus to the heading when shown.
    pub focus: bool,
    /// Whether the host hid the filters (then "New quiz" redraws at once).
    pub filters_hidden: bool,
    /// "Retry missed".
    pub on_retry: Callback<()>,
    /// "New quiz".
    pub on_new: Callback<()>,
}

impl PartialEq for ResultsProps {
    fn eq(&self, o: &Self) -> bool {
        self.session == o.session && self.lang == o.lang && self.focus == o.focus
    }
}

/// Renders the results of a finished quiz.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let ResultsProps {
        session,
        bank,
        lang,
        on_retry,
        on_new,
        ..
    } = props;
    let s = lang.strings();
    let heading = use_node_ref();
    {
        let (heading, focus) = (heading.clone(), props.focus);
        use_effect_with((), move |()| {
            if focus {
                super::focus(&heading);
            }
        });
    }
    let score = session.score();
    let pct = score.right * 100 / score.total.max(1);
    let by_difficulty = Difficulty::ALL
        .iter()
        .zip(session.by_difficulty())
        .filter(|(_, t)| t.total > 0)
        .map(|(d, t)| {
            html! {
                <tr><th scope="row">{ s.difficulties.get(d.index()).copied().unwrap_or("") }</th>
                    <td>{ format!("{} / {}", t.right, t.total) }</td></tr>
            }
        });
    let title_of = |slug: &str| {
        bank.topics()
            .iter()
            .find(|t| t.slug == slug)
            .map_or_else(|| slug.to_string(), |t| t.title.clone())
    };
    let by_topic = session.by_topic().into_iter().map(|(topic, t)| {
        html! {
            <tr><th scope="row">{ title_of(&topic) }</th><td>{ format!("{} / {}", t.right, t.total) }</td></tr>
        }
    });
    let review = session.results().enumerate().map(|(i, (pick, outcome))| {
        let right = outcome.is_some_and(|o| o.correct);
        let yours = outcome.map(|o| shown_answer(pick, &o.response, *lang)).unwrap_or_else(|| s.no_answer.to_string());
        html! {
            <li class={classes!("review-item", if right { "is-right" } else { "is-wrong" })}>
                <details>
                    <summary>
                        <span class={if right { "mark mark-right" } else { "mark mark-wrong" }}>
                            { if right { "✓ " } else { "✗ " } }
                            <span class="visually-hidden">{ if right { s.correct } else { s.incorrect } }</span>
                        </span>
                        <span class="review-n">{ format!("{}. ", i + 1) }</span>
                        { md_inline(&quiz_core::markdown::plain(pick.question.prompt.lines().next().unwrap_or(""))) }
                    </summary>
                    <div class="review-body">
                        { md_blocks(&pick.question.prompt) }
                        <p><span class="label">{ s.your_answer }</span>{ " " }<span class="yours">{ yours }</span></p>
                        { right_answer_html(&pick.question.answer, *lang) }
                        <div class="explanation">{ md_blocks(&pick.question.explanation) }</div>
                    </div>
                </details>
            </li>
        }
    });
    let missed = score.right < score.total;
    html! {
        <div class="results" part="results">
            <h2 class="results-title" ref={heading} tabindex="-1">{ s.results }</h2>
            <p class="score" role="status">
                <strong>{ fill(s.score, score.right, score.total, "") }</strong>
                <span class="pct">{ format!(" ({pct} %)") }</span>
            </p>
            <p class="seed">{ fill(s.seed, session.quiz().seed, "", "") }</p>
            <div class="breakdown">
                <table><caption>{ s.by_difficulty }</caption><tbody>{ for by_difficulty }</tbody></table>
                <table><caption>{ s.by_topic }</caption><tbody>{ for by_topic }</tbody></table>
            </div>
            <h3>{ s.review }</h3>
            <ol class="review">{ for review }</ol>
            <div class="actions">
                if missed {
                    <button type="button" class="btn btn-primary" part="button" onclick={on_retry.reform(|_| ())}>{ s.retry_missed }</button>
                }
                <button type="button" class="btn" part="button" onclick={on_new.reform(|_| ())}>{ s.new_quiz }</button>
            </div>
        </div>
    }
}

/// The learner's answer as text in the UI language (events carry `true`/`false`).
fn shown_answer(pick: &quiz_core::Pick, response: &quiz_core::Response, lang: Lang) -> String {
    let s = lang.strings();
    match response {
        quiz_core::Response::Bool(b) => (if *b { s.true_ } else { s.false_ }).to_string(),
        other => quiz_core::answer_texts(pick, other).join(" · "),
    }
}
