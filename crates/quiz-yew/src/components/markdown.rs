//! Renders quiz-core's Markdown subset and highlighted code as real elements. All text goes
//! into text nodes, so `<script>` or `&` in a question is shown, never interpreted.

use quiz_core::highlight::{Token, tokens};
use quiz_core::markdown::{Block, Inline, inlines, parse};
use yew::prelude::*;

fn inline_html(items: Vec<Inline>) -> Html {
    items
        .into_iter()
        .map(|i| match i {
            Inline::Text(t) => html! { { t } },
            Inline::Code(c) => html! { <code>{ c }</code> },
            Inline::Em(t) => html! { <em>{ t }</em> },
            Inline::Strong(t) => html! { <strong>{ t }</strong> },
        })
        .collect()
}

/// Inline Markdown (choices, short labels).
pub(crate) fn md_inline(src: &str) -> Html {
    inline_html(inlines(src))
}

/// Block Markdown (prompts, explanations).
pub(crate) fn md_blocks(src: &str) -> Html {
    parse(src)
        .into_iter()
        .map(|b| match b {
            Block::Para(items) => html! { <p>{ inline_html(items) }</p> },
            Block::List(false, items) => html! {
                <ul>{ for items.into_iter().map(|i| html! { <li>{ inline_html(i) }</li> }) }</ul>
            },
            Block::List(true, items) => html! {
                <ol>{ for items.into_iter().map(|i| html! { <li>{ inline_html(i) }</li> }) }</ol>
            },
            Block::Code(code) => code_block(&code, ""),
        })
        .collect()
}

/// A highlighted Python block that keeps its indentation and scrolls sideways on a phone.
/// It is focusable so keyboard users can scroll it.
pub(crate) fn code_block(code: &str, label: &str) -> Html {
    let spans = tokens(code).into_iter().map(|(t, text)| match t {
        Token::Plain => html! { { text } },
        t => html! { <span class={t.class()}>{ text }</span> },
    });
    let label = (!label.is_empty()).then(|| AttrValue::from(label.to_string()));
    html! {
        <pre class="code" part="code" tabindex="0" role={label.as_ref().map(|_| "region")} aria-label={label}>
            <code>{ for spans }</code>
        </pre>
    }
}
