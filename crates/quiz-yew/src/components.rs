//! The widget's screens and the pieces they share.

mod filter_bar;
mod kinds;
mod markdown;
mod question_card;
mod results;
mod study;

pub use filter_bar::{FilterBar, FilterBarProps};
pub(crate) use markdown::{code_block, md_blocks, md_inline};
pub use question_card::{QuestionCard, QuestionCardProps};
pub use results::{Results, ResultsProps};
pub use study::{Dashboard, DashboardProps, again};

/// Moves keyboard focus to `node` (a heading with `tabindex="-1"`), if it is rendered.
pub(crate) fn focus(node: &yew::NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
