//! `order`: items the learner puts in order with up/down buttons (keyboard and touch alike).

use quiz_core::{Answer, Response};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::KindProps;
use crate::components::md_inline;
use crate::i18n::fill;

/// The items in the learner's current order; after checking, each is marked in place.
#[component]
pub fn OrderList(props: &KindProps) -> Html {
    let KindProps {
        pick,
        outcome,
        lang,
        on_draft,
        ..
    } = props;
    let s = lang.strings();
    let order = use_state(|| pick.order.clone());
    let list = use_node_ref();
    let moved = use_mut_ref(|| None::<String>);
    // Keep focus on the arrow button that moved an item, as the list re-renders.
    {
        let (list, moved) = (list.clone(), moved.clone());
        use_effect_with((*order).clone(), move |_| {
            let target = moved
                .borrow_mut()
                .take()
                .zip(list.cast::<HtmlElement>())
                .and_then(|(sel, list)| list.query_selector(&sel).ok().flatten())
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el).ok());
            if let Some(el) = target {
                let _ = el.focus();
            }
        });
    }
    let Answer::Order { items } = &pick.question.answer else {
        return html! {};
    };
    let answered = outcome.is_some();
    let current = match outcome.as_ref().map(|o| &o.response) {
        Some(Response::Order(o)) => o.clone(),
        _ => (*order).clone(),
    };
    let n = current.len();
    let rows = current.iter().enumerate().map(|(pos, &item)| {
        let text = items.get(item).cloned().unwrap_or_default();
        let plain = quiz_core::markdown::plain(&text);
        let mover = |delta: isize, dir: &'static str| {
            let (order, moved, on_draft) = (order.clone(), moved.clone(), on_draft.clone());
            Callback::from(move |_: MouseEvent| {
                let mut next = (*order).clone();
                let target = pos as isize + delta;
                if target >= 0 && (target as usize) < next.len() {
                    next.swap(pos, target as usize);
                    *moved.borrow_mut() = Some(format!("[data-item=\"{item}\"] .{dir}"));
                    on_draft.emit(Some(Response::Order(next.clone())));
                    order.set(next);
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
            <ol class="order" ref={list}>{ for rows }</ol>
        </>
    }
}
