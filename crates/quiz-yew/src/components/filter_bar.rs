//! The setup screen: difficulty chips with their counts, a topic picker, a question count and
//! "Start".

use std::rc::Rc;

use quiz_core::{Count, Difficulty, QuestionBank, Selection};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{Lang, fill};
use quiz_core::Filters;

/// Props for [`FilterBar`].
#[derive(Properties, Clone)]
pub struct FilterBarProps {
    /// The bank, for topics and counts.
    pub bank: Rc<dyn QuestionBank>,
    /// Current filters.
    pub filters: Filters,
    /// UI language.
    pub lang: Lang,
    /// Whether to move focus here when shown.
    pub focus: bool,
    /// Toggle one difficulty.
    pub on_toggle: Callback<Difficulty>,
    /// Choose topics (empty: all).
    pub on_topics: Callback<Vec<String>>,
    /// Choose a count.
    pub on_count: Callback<Count>,
    /// Start the quiz.
    pub on_start: Callback<()>,
}

impl PartialEq for FilterBarProps {
    fn eq(&self, o: &Self) -> bool {
        std::ptr::addr_eq(Rc::as_ptr(&self.bank), Rc::as_ptr(&o.bank))
            && self.filters == o.filters
            && self.lang == o.lang
            && self.focus == o.focus
    }
}

const COUNTS: [u32; 3] = [5, 10, 20];

/// Renders the filters. Holds no state.
#[component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let FilterBarProps {
        bank,
        filters,
        lang,
        on_toggle,
        on_topics,
        on_count,
        on_start,
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
    let sel = Selection {
        topics: filters.topics.clone(),
        ..Selection::default()
    };
    let available = sel.available(bank.topics());
    let mix = match filters.count {
        Count::Mix(mix) => Some(mix),
        _ => None,
    };
    let is_on = |d: Difficulty| match mix {
        Some(mix) => mix.get(d.index()).is_some_and(|n| *n > 0),
        None => filters.difficulties.contains(&d),
    };
    let matching: u32 = Difficulty::ALL
        .iter()
        .filter(|d| is_on(**d))
        .map(|d| available.get(d.index()).copied().unwrap_or(0))
        .sum();

    let chips = Difficulty::ALL.iter().map(|d| {
        let d = *d;
        let n = available.get(d.index()).copied().unwrap_or(0);
        let label = s.difficulties.get(d.index()).copied().unwrap_or("");
        html! {
            <button type="button" class={classes!("chip", format!("chip-{d}"))} part="chip"
                aria-pressed={is_on(d).to_string()}
                onclick={on_toggle.reform(move |_| d)}>
                <span class="chip-check" aria-hidden="true">{ if is_on(d) { "✓" } else { "" } }</span>
                { label }
                <span class="chip-count">{ format!(" ({n})") }</span>
            </button>
        }
    });

    let topic_value = match filters.topics.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        many => many.join(","),
    };
    let on_topic_change = on_topics.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        if v.is_empty() {
            Vec::new()
        } else {
            v.split(',').map(str::to_string).collect()
        }
    });
    let groups = bank.categories().iter().filter_map(|(cat, title)| {
        let topics: Vec<_> = bank
            .topics()
            .iter()
            .filter(|t| t.category == *cat && t.counts.iter().sum::<u32>() > 0)
            .collect();
        if topics.is_empty() {
            return None;
        }
        let total: u32 = topics.iter().map(|t| t.counts.iter().sum::<u32>()).sum();
        Some(html! {
            <optgroup label={title.clone()}>
                <option value={cat.clone()} selected={topic_value == *cat}>
                    { format!("{title}: {} ({total})", s.all_topics) }
                </option>
                { for topics.iter().map(|t| {
                    let n: u32 = t.counts.iter().sum();
                    html! {
                        <option value={t.slug.clone()} selected={topic_value == t.slug}>
                            { format!("{} ({n})", t.title) }
                        </option>
                    }
                }) }
            </optgroup>
        })
    });
    let custom_topics = filters.topics.len() > 1;

    let count_value = filters.count.to_string();
    let on_count_change = on_count.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Count::parse(&v).unwrap_or_default()
    });
    let custom_count = !matches!(filters.count, Count::All)
        && !COUNTS.iter().any(|n| filters.count == Count::Total(*n));
    let onsubmit = on_start.reform(|e: SubmitEvent| e.prevent_default());

    html! {
        <form class="setup" part="setup" {onsubmit}>
            <h2 class="setup-title" ref={heading} tabindex="-1">{ s.quiz_label }</h2>
            <div class="field" role="group" aria-labelledby="quiz-difficulty-label">
                <span class="field-label" id="quiz-difficulty-label">{ s.difficulty }</span>
                <div class="chips">{ for chips }</div>
            </div>
            <div class="field-row">
                <label class="field">
                    <span class="field-label">{ s.topic }</span>
                    <select class="select" part="select" onchange={on_topic_change}>
                        <option value="" selected={topic_value.is_empty()}>{ s.all_topics }</option>
                        if custom_topics {
                            <option value={topic_value.clone()} selected=true>{ s.preset_topics }</option>
                        }
                        { for groups }
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{ s.count }</span>
                    <select class="select" part="select" onchange={on_count_change}>
                        if custom_count {
                            <option value={count_value.clone()} selected=true>{ count_value.clone() }</option>
                        }
                        { for COUNTS.iter().map(|n| html! {
                            <option value={n.to_string()} selected={filters.count == Count::Total(*n)}>{ n }</option>
                        }) }
                        <option value="all" selected={filters.count == Count::All}>{ s.all }</option>
                    </select>
                </label>
            </div>
            <p class="matching" aria-live="polite">{ fill(s.matching, matching, "", "") }</p>
            <button type="submit" class="btn btn-primary" part="button">{ s.start }</button>
        </form>
    }
}
