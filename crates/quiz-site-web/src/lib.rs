//! The site's interactive parts, built by Trunk from `www/index.html` into `dist/www/site/`:
//! the playground (`/playground/`) and the question browser (`/questions/`). Each page loads
//! `site/quiz_site_web.js` through `www/site-app.js`, which calls the `mount_*` function for the
//! element the page has. Not part of the widget: a blog page never downloads it.
#![deny(missing_docs)]

use wasm_bindgen::prelude::*;

mod playground;
mod questions;

/// Renders the playground into `root`.
#[wasm_bindgen(js_name = mountPlayground)]
pub fn mount_playground(root: web_sys::Element) {
    playground::mount(root);
}

/// Renders the question browser into `root`, once `bank.json` has loaded. `export_bank` is
/// the widget's `exportBank(format, options)`, for downloads in the LMS formats.
#[wasm_bindgen(js_name = mountQuestions)]
pub fn mount_questions(root: web_sys::Element, export_bank: Option<js_sys::Function>) {
    questions::mount(root, export_bank);
}
