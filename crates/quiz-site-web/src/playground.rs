//! The playground (`/playground/`): a control for every attribute of the widget, generated from
//! the one option schema [`quiz_core::options::OPTIONS`], three CSS custom properties, a live
//! `<quiz-widget>` preview, and three snippets (script tag, iframe, npm `mount()`) with copy
//! buttons. The whole setup lives in the page's query (`?difficulty=hard&seed=42&accent=…`), so
//! a playground link is shareable, and the iframe snippet's query is the same text.
//!
//! The pure part ([`Setup`] and the snippet functions) has native tests; the component below it
//! only wires controls to it.

use std::collections::BTreeMap;
use std::rc::Rc;

use quiz_core::options::{OPTIONS, OptionSpec, OptionType};
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The widget's script URL in the script-tag snippet: the same placeholder as
/// docs/getting-started.md and the home page (the user puts the `widget/` folder there).
pub const WIDGET_URL: &str = "https://your.cdn/quiz-widget/quiz-widget.js";
/// The page rule of the script-tag snippet (README.md, docs/getting-started.md, the home page):
/// until the script has run, the element keeps the height the widget keeps while it loads, so
/// the text below does not jump.
pub const RESERVE_STYLE: &str = "<style>quiz-widget:not(:defined) { display: block; font-size: var(--quiz-font-size, medium); min-height: var(--quiz-loading-height, 30em) }</style>";
/// The npm package `mount()` is imported from.
pub const PACKAGE: &str = "python-quiz-widget";
/// The bank's topic list, relative to the playground page (written by `quiz-site questions`).
const TOPICS_URL: &str = "../questions/topics.json";
/// The iframe page, relative to the playground page.
const EMBED_URL: &str = "../embed.html";

/// A CSS custom property the playground sets on the preview and in the snippets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CssVar {
    /// The property (`--quiz-accent`).
    pub property: &'static str,
    /// Its name in the playground's query (`accent`).
    pub query: &'static str,
    /// What the widget uses without it, as shown next to the control.
    pub default: &'static str,
}

/// The custom properties the playground offers (see docs/theming-and-parts.md).
pub const CSS_VARS: &[CssVar] = &[
    CssVar {
        property: "--quiz-accent",
        query: "accent",
        default: "#1f56c4",
    },
    CssVar {
        property: "--quiz-radius",
        query: "radius",
        default: "10px",
    },
    CssVar {
        property: "--quiz-font",
        query: "font",
        default: "system-ui, sans-serif",
    },
];

/// One entry of `questions/topics.json`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct TopicEntry {
    /// The topic's slug (`closures`).
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its category's title (what `quiz-site questions` writes).
    pub category: String,
    /// Its category's slug, when the list has it: then the whole category can be ticked (a
    /// category slug is a valid `topics` value too).
    #[serde(default, rename = "categorySlug")]
    pub category_slug: Option<String>,
    /// How many questions it has.
    pub count: u32,
}

/// The options with an attribute: the ones the playground has a control for.
pub fn attribute_options() -> impl Iterator<Item = &'static OptionSpec> {
    OPTIONS.iter().filter(|s| !s.attribute.is_empty())
}

fn spec_of(attribute: &str) -> Option<&'static OptionSpec> {
    attribute_options().find(|s| s.attribute == attribute)
}

fn css_var(query: &str) -> Option<&'static CssVar> {
    CSS_VARS.iter().find(|v| v.query == query)
}

/// Whether `value` is the option's default (numbers compare by value: `0.90` is `0.9`).
fn is_default(spec: &OptionSpec, value: &str) -> bool {
    if value == spec.default {
        return true;
    }
    if spec.kind == OptionType::Number {
        if let (Ok(a), Ok(b)) = (value.parse::<f64>(), spec.default.parse::<f64>()) {
            return (a - b).abs() < 1e-9;
        }
    }
    false
}

/// A custom property's value as the playground accepts it, or `None` (then it is not set):
/// the accent a `#rgb`/`#rrggbb` colour, the radius a length in px (a bare number is px), the
/// font any text without the characters that could end the declaration (`;`, `{`, `}`, `\`).
pub fn clean_css(var: &CssVar, value: &str) -> Option<String> {
    let v = value.trim();
    let out = match var.query {
        "accent" => {
            let hex = v.strip_prefix('#')?;
            if !matches!(hex.len(), 3 | 6) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            format!("#{}", hex.to_ascii_lowercase())
        }
        "radius" => {
            let n = v.strip_suffix("px").unwrap_or(v).trim();
            let px: f64 = n.parse().ok()?;
            if !(0.0..=64.0).contains(&px) || !n.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                return None;
            }
            format!("{n}px")
        }
        _ => v
            .chars()
            .filter(|c| !matches!(c, ';' | '{' | '}' | '\\') && !c.is_control())
            .take(200)
            .collect::<String>()
            .trim()
            .to_string(),
    };
    (!out.is_empty() && out != var.default).then_some(out)
}

/// What the playground has set: the non-default attributes and custom properties.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Setup {
    values: BTreeMap<&'static str, String>,
    css: BTreeMap<&'static str, String>,
}

impl Setup {
    /// The attribute's value, if set.
    pub fn get(&self, attribute: &str) -> Option<&str> {
        self.values.get(attribute).map(String::as_str)
    }

    /// The attribute's value, or its default.
    pub fn value(&self, spec: &OptionSpec) -> String {
        self.get(spec.attribute).unwrap_or(spec.default).to_string()
    }

    /// The custom property's value (by its query name), if set.
    pub fn css(&self, query: &str) -> Option<&str> {
        self.css.get(query).map(String::as_str)
    }

    /// Sets an attribute; an empty or default value (or an unknown attribute) unsets it.
    pub fn set(&mut self, attribute: &str, value: &str) {
        let Some(spec) = spec_of(attribute) else {
            return;
        };
        let value = value.trim();
        if value.is_empty() || is_default(spec, value) {
            self.values.remove(spec.attribute);
        } else {
            self.values.insert(spec.attribute, value.to_string());
        }
    }

    /// Sets a custom property by its query name; an invalid or default value unsets it.
    pub fn set_css(&mut self, query: &str, value: &str) {
        let Some(var) = css_var(query) else {
            return;
        };
        match clean_css(var, value) {
            Some(v) => {
                self.css.insert(var.query, v);
            }
            None => {
                self.css.remove(var.query);
            }
        }
    }

    /// The set attributes, in the schema's order.
    pub fn attributes(&self) -> Vec<(&'static OptionSpec, &str)> {
        attribute_options()
            .filter_map(|s| self.get(s.attribute).map(|v| (s, v)))
            .collect()
    }

    /// The set custom properties, in [`CSS_VARS`] order.
    pub fn css_vars(&self) -> Vec<(&'static CssVar, &str)> {
        CSS_VARS
            .iter()
            .filter_map(|v| self.css(v.query).map(|x| (v, x)))
            .collect()
    }

    /// The `style` attribute's value for the custom properties ("" when none is set).
    pub fn style(&self) -> String {
        self.css_vars()
            .iter()
            .map(|(v, x)| format!("{}: {x}", v.property))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The query of the iframe page: the attributes only.
    pub fn embed_query(&self) -> String {
        self.attributes()
            .iter()
            .map(|(s, v)| format!("{}={}", s.attribute, encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The playground's own query: the attributes, then the custom properties.
    pub fn query(&self) -> String {
        let css = self
            .css_vars()
            .into_iter()
            .map(|(v, x)| format!("{}={}", v.query, encode(x)));
        let attrs = self.embed_query();
        std::iter::once(attrs)
            .filter(|a| !a.is_empty())
            .chain(css)
            .collect::<Vec<_>>()
            .join("&")
    }

    /// A setup from query pairs (already decoded); unknown names are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Setup {
        let mut setup = Setup::default();
        for (name, value) in pairs {
            if css_var(name).is_some() {
                setup.set_css(name, value);
            } else {
                setup.set(name, value);
            }
        }
        setup
    }
}

/// Percent-encodes a query value, keeping the characters the widget's lists use (`,` and `:`)
/// readable.
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',' | b':') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Escapes text for an HTML attribute value in double quotes (or element text).
pub fn escape_html(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A JS string literal in single quotes; `<` is escaped too, so `</script>` cannot end an
/// inline script the snippet is pasted into.
pub fn js_string(value: &str) -> String {
    let mut out = String::from("'");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '<' => out.push_str("\\x3C"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn is_plain_number(v: &str) -> bool {
    let (int, frac) = v.split_once('.').unwrap_or((v, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'))
}

/// An option's value as a JS literal for `mount()`: lists as arrays, numbers as numbers, flags
/// as booleans, the rest (and anything unusual) as strings.
pub fn js_value(spec: &OptionSpec, value: &str) -> String {
    match spec.kind {
        OptionType::List => {
            let items: Vec<String> = value
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(js_string)
                .collect();
            format!("[{}]", items.join(", "))
        }
        OptionType::Count | OptionType::Number
            if is_plain_number(value) && value.parse::<f64>().is_ok() =>
        {
            value.to_string()
        }
        OptionType::Seed if !value.contains('.') && value.parse::<u32>().is_ok() => {
            value.to_string()
        }
        OptionType::Flag => {
            let v = value.to_ascii_lowercase();
            if v == "true" || spec.values.first().is_some_and(|on| *on == v) {
                "true".to_string()
            } else if v == "false" || spec.values.get(1).is_some_and(|off| *off == v) {
                "false".to_string()
            } else {
                js_string(value)
            }
        }
        _ => js_string(value),
    }
}

/// Joins `name="value"` attributes after `open` (`<quiz-widget`), one per line when long.
fn element(open: &str, attrs: &[String], close: &str) -> String {
    let one_line = format!(
        "{open}{}{close}",
        attrs.iter().map(|a| format!(" {a}")).collect::<String>()
    );
    if one_line.len() <= 80 || attrs.len() < 2 {
        return one_line;
    }
    let indent = " ".repeat(open.chars().count() + 1);
    let mut out = String::from(open);
    for (i, a) in attrs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&indent);
        } else {
            out.push(' ');
        }
        out.push_str(a);
    }
    out.push_str(close);
    out
}

/// The script-tag snippet: the page rule that keeps the quiz's space, the widget's script and
/// the element with the set attributes and a `style` for the set custom properties.
pub fn script_snippet(setup: &Setup) -> String {
    let mut attrs: Vec<String> = setup
        .attributes()
        .iter()
        .map(|(s, v)| format!("{}=\"{}\"", s.attribute, escape_html(v)))
        .collect();
    let style = setup.style();
    if !style.is_empty() {
        attrs.push(format!("style=\"{}\"", escape_html(&style)));
    }
    format!(
        "{RESERVE_STYLE}\n<script type=\"module\" src=\"{}\"></script>\n{}",
        escape_html(WIDGET_URL),
        element("<quiz-widget", &attrs, "></quiz-widget>")
    )
}

/// The iframe snippet: `embed_url` (the site's `embed.html`) with the attributes as its query.
/// The iframe page takes no custom properties.
pub fn iframe_snippet(setup: &Setup, embed_url: &str) -> String {
    let query = setup.embed_query();
    let src = if query.is_empty() {
        embed_url.to_string()
    } else {
        format!("{embed_url}?{query}")
    };
    let attrs = [
        format!("src=\"{}\"", escape_html(&src)),
        "title=\"Python quiz\"".to_string(),
        "style=\"width:100%;height:40rem;border:0\"".to_string(),
    ];
    element("<iframe", &attrs, "></iframe>")
}

/// The npm snippet: `mount()` with the set options in camelCase, and the custom properties set
/// on the element.
pub fn npm_snippet(setup: &Setup) -> String {
    let mut out = format!(
        "import {{ mount }} from {};\n\nconst el = document.querySelector('#quiz');\n",
        js_string(PACKAGE)
    );
    for (var, value) in setup.css_vars() {
        out.push_str(&format!(
            "el.style.setProperty({}, {});\n",
            js_string(var.property),
            js_string(value)
        ));
    }
    let options: Vec<String> = setup
        .attributes()
        .iter()
        .map(|(s, v)| format!("{}: {}", s.key, js_value(s, v)))
        .collect();
    let call = if options.is_empty() {
        "const quiz = await mount(el);".to_string()
    } else {
        let one_line = format!(
            "const quiz = await mount(el, {{ {} }});",
            options.join(", ")
        );
        if one_line.len() <= 80 {
            one_line
        } else {
            format!(
                "const quiz = await mount(el, {{\n{}\n}});",
                options
                    .iter()
                    .map(|o| format!("  {o},"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        }
    };
    out.push_str(&call);
    out
}

/// The `count` attribute as the count control shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountForm {
    /// A number of questions.
    Number(String),
    /// `all`.
    All,
    /// `easy:N,medium:N,hard:N`: the three numbers (as text; empty when absent).
    Mix([String; 3]),
}

/// The difficulties of a mix, in order.
pub const MIX_LEVELS: [&str; 3] = ["easy", "medium", "hard"];

/// Reads a `count` value.
pub fn count_form(value: &str) -> CountForm {
    let v = value.trim();
    if v.eq_ignore_ascii_case("all") {
        return CountForm::All;
    }
    if v.contains(':') {
        let mut parts: [String; 3] = Default::default();
        for item in v.split(',') {
            if let Some((level, n)) = item.split_once(':') {
                if let Some(i) = MIX_LEVELS.iter().position(|l| *l == level.trim()) {
                    if let Some(slot) = parts.get_mut(i) {
                        *slot = n.trim().to_string();
                    }
                }
            }
        }
        return CountForm::Mix(parts);
    }
    CountForm::Number(v.to_string())
}

/// A `count` mix from the three numbers (empty ones left out).
pub fn mix_value(parts: &[String; 3]) -> String {
    MIX_LEVELS
        .iter()
        .zip(parts.iter())
        .filter(|(_, n)| !n.trim().is_empty())
        .map(|(l, n)| format!("{l}:{}", n.trim()))
        .collect::<Vec<_>>()
        .join(",")
}

/// The fieldset each attribute is shown in; anything new lands in the last one.
pub const GROUPS: &[&str] = &[
    "Which questions",
    "Look and language",
    "Mode and progress",
    "Your own questions and reporting",
];

/// The index in [`GROUPS`] of an attribute's fieldset.
pub fn group_of(attribute: &str) -> usize {
    match attribute {
        "difficulty" | "topics" | "count" | "seed" | "ids" => 0,
        "theme" | "lang" | "filters" => 1,
        "mode" | "persist" | "retention" | "new-per-day" => 2,
        _ => 3,
    }
}

/// A sentence about an attribute beside its control (what it does and its default).
pub fn hint(spec: &OptionSpec) -> String {
    let what = match spec.attribute {
        "difficulty" => "None ticked: all difficulties.",
        "topics" => "None ticked: all topics.",
        "count" => "How many questions: a number, all, or a number per difficulty.",
        "seed" => "A fixed seed gives the same quiz every time; without one, each visit differs.",
        "ids" => "Exact question ids, comma separated, asked in that order.",
        "filters" => "hidden fixes the quiz to these presets and starts at once.",
        "theme" => "page matches the page's background; auto follows the reader's setting.",
        "lang" => "The interface language.",
        "mode" => "study: spaced repetition; mistakes: questions answered wrong.",
        "persist" => "Keep progress in the reader's browser.",
        "retention" => "Study mode's desired recall.",
        "new-per-day" => "New questions per day in study mode.",
        "bank-src" => "URL of your own bank (JSON or TOML).",
        "include-builtin" => "Add the built-in questions to your own bank.",
        "activity-id" => "The xAPI activity id of quiz-complete.",
        _ => "",
    };
    let bounds = match (spec.kind, spec.values) {
        (OptionType::Number, [lo, hi]) => format!(" From {lo} to {hi}."),
        _ => String::new(),
    };
    let default = if spec.default.is_empty() {
        String::new()
    } else {
        format!(" Default: {}.", spec.default)
    };
    format!("{what}{bounds}{default}").trim().to_string()
}

// ---------------------------------------------------------------------------------------------
// The component.

/// A change to the setup.
pub enum Action {
    /// Sets an attribute (empty or default: unset).
    Set(&'static str, String),
    /// Sets a custom property by its query name (invalid or default: unset).
    Css(&'static str, String),
}

impl Reducible for Setup {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(attribute, value) => next.set(attribute, &value),
            Action::Css(query, value) => next.set_css(query, &value),
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

#[derive(Clone, PartialEq)]
enum Topics {
    Loading,
    Loaded(Rc<Vec<TopicEntry>>),
    Failed,
}

/// Renders the playground into `root` (its static content, for JavaScript off, is replaced).
pub fn mount(root: Element) {
    root.set_text_content(None);
    yew::Renderer::<Playground>::with_root(root).render();
}

fn location_pairs() -> Vec<(String, String)> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let search = window.location().search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for spec in attribute_options() {
        if let Some(v) = params.get(spec.attribute) {
            pairs.push((spec.attribute.to_string(), v));
        }
    }
    for var in CSS_VARS {
        if let Some(v) = params.get(var.query) {
            pairs.push((var.query.to_string(), v));
        }
    }
    pairs
}

fn absolute(relative: &str) -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|base| web_sys::Url::new_with_base(relative, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| relative.to_string())
}

async fn fetch_topics() -> Option<Vec<TopicEntry>> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(TOPICS_URL))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let json = JsFuture::from(response.json().ok()?).await.ok()?;
    serde_wasm_bindgen::from_value(json).ok()
}

/// Sets the preview's attributes and style to the setup's (creating the element once).
fn sync_preview(container: &Element, setup: &Setup) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let widget = match container.query_selector("quiz-widget").ok().flatten() {
        Some(w) => w,
        None => {
            let Ok(w) = document.create_element("quiz-widget") else {
                return;
            };
            w.set_id("preview");
            // Attributes before connecting, so the first quiz already has them.
            set_attributes(&w, setup);
            let _ = container.append_child(&w);
            return;
        }
    };
    set_attributes(&widget, setup);
}

fn set_attributes(widget: &Element, setup: &Setup) {
    for spec in attribute_options() {
        let current = widget.get_attribute(spec.attribute);
        match setup.get(spec.attribute) {
            Some(v) if current.as_deref() != Some(v) => {
                let _ = widget.set_attribute(spec.attribute, v);
            }
            None if current.is_some() => {
                let _ = widget.remove_attribute(spec.attribute);
            }
            _ => {}
        }
    }
    let style = setup.style();
    if style.is_empty() {
        let _ = widget.remove_attribute("style");
    } else {
        let _ = widget.set_attribute("style", &style);
    }
}

fn replace_url(setup: &Setup) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = setup.query();
    let current = window.location().search().unwrap_or_default();
    let wanted = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    if current == wanted {
        return;
    }
    let url = if wanted.is_empty() {
        window.location().pathname().unwrap_or_default()
    } else {
        wanted
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

fn random_seed() -> String {
    // 0 ..= 4294967295
    let n = (js_sys::Math::random() * 4_294_967_296.0).floor();
    format!("{}", n.clamp(0.0, 4_294_967_295.0) as u64)
}

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

fn input_checked(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

fn select_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// A comma list with `item` added or removed.
fn toggle(list: &str, item: &str, on: bool) -> String {
    let mut items: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != item)
        .collect();
    if on {
        items.push(item);
    }
    items.join(",")
}

fn in_list(list: &str, item: &str) -> bool {
    list.split(',').any(|s| s.trim() == item)
}

type Dispatch = UseReducerDispatcher<Setup>;

fn set_cb<E: AsRef<Event> + 'static>(
    dispatch: &Dispatch,
    attribute: &'static str,
    read: fn(&Event) -> String,
) -> Callback<E> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: E| dispatch.dispatch(Action::Set(attribute, read(e.as_ref()))))
}

fn hint_of(spec: &OptionSpec, id: &str) -> Html {
    let text = hint(spec);
    if text.is_empty() {
        return html! {};
    }
    html! { <span class="pg-hint" id={format!("{id}-hint")}>{text}</span> }
}

fn control(spec: &'static OptionSpec, setup: &Setup, topics: &Topics, dispatch: &Dispatch) -> Html {
    let id = format!("pg-{}", spec.attribute);
    let hint_id = format!("{id}-hint");
    let value = setup.value(spec);
    let attribute = spec.attribute;
    match spec.kind {
        OptionType::Enum => {
            let default_label = if spec.default.is_empty() {
                "the page's language (default)".to_string()
            } else {
                String::new()
            };
            html! {
                <div class="pg-field">
                    <label for={id.clone()}><code>{attribute}</code></label>
                    <select id={id.clone()} aria-describedby={hint_id}
                        onchange={set_cb::<Event>(dispatch, attribute, select_value)}>
                        if spec.default.is_empty() {
                            <option value="" selected={value.is_empty()}>{default_label}</option>
                        }
                        { for spec.values.iter().map(|v| html! {
                            <option value={*v} selected={value == *v}>
                                { if *v == spec.default { format!("{v} (default)") } else { (*v).to_string() } }
                            </option>
                        }) }
                    </select>
                    { hint_of(spec, &id) }
                </div>
            }
        }
        OptionType::List if !spec.values.is_empty() => html! {
            <fieldset class="pg-checks" aria-describedby={hint_id}>
                <legend><code>{attribute}</code></legend>
                { for spec.values.iter().map(|v| {
                    let dispatch = dispatch.clone();
                    let list = value.clone();
                    let item = *v;
                    let onchange = Callback::from(move |e: Event| {
                        dispatch.dispatch(Action::Set(attribute, toggle(&list, item, input_checked(&e))));
                    });
                    html! {
                        <label class="pg-check">
                            <input type="checkbox" checked={in_list(&value, v)} {onchange} />
                            {*v}
                        </label>
                    }
                }) }
                { hint_of(spec, &id) }
            </fieldset>
        },
        OptionType::List if spec.key == "topics" => topics_control(spec, &value, topics, dispatch),
        OptionType::List | OptionType::Text => html! {
            <div class="pg-field">
                <label for={id.clone()}><code>{attribute}</code></label>
                <input id={id.clone()} type="text" value={value.clone()} aria-describedby={hint_id}
                    placeholder={if spec.kind == OptionType::List { "comma separated" } else { "" }}
                    onchange={set_cb::<Event>(dispatch, attribute, input_value)} />
                { hint_of(spec, &id) }
            </div>
        },
        OptionType::Count => count_control(spec, &value, dispatch),
        OptionType::Seed => {
            let new_seed = {
                let dispatch = dispatch.clone();
                Callback::from(move |_: MouseEvent| {
                    dispatch.dispatch(Action::Set(attribute, random_seed()))
                })
            };
            let clear = {
                let dispatch = dispatch.clone();
                Callback::from(move |_: MouseEvent| {
                    dispatch.dispatch(Action::Set(attribute, String::new()))
                })
            };
            html! {
                <div class="pg-field">
                    <label for={id.clone()}><code>{attribute}</code></label>
                    <div class="pg-row">
                        <input id={id.clone()} type="number" min="0" max="4294967295" step="1"
                            inputmode="numeric" value={value.clone()} placeholder="a fresh seed"
                            aria-describedby={hint_id}
                            oninput={set_cb::<InputEvent>(dispatch, attribute, input_value)} />
                        <button type="button" class="pg-button" onclick={new_seed}>{"New seed"}</button>
                        <button type="button" class="pg-button" onclick={clear} disabled={value.is_empty()}>
                            {"No fixed seed"}
                        </button>
                    </div>
                    { hint_of(spec, &id) }
                </div>
            }
        }
        OptionType::Flag => {
            let on = spec.values.first().copied().unwrap_or("true");
            let off = spec.values.get(1).copied().unwrap_or("false");
            let checked = value == on || value == "true";
            let dispatch = dispatch.clone();
            let onchange = Callback::from(move |e: Event| {
                let v = if input_checked(&e) { on } else { off };
                dispatch.dispatch(Action::Set(attribute, v.to_string()));
            });
            html! {
                <div class="pg-field">
                    <label class="pg-check">
                        <input id={id.clone()} type="checkbox" {checked} aria-describedby={hint_id} {onchange} />
                        <code>{attribute}</code>
                    </label>
                    { hint_of(spec, &id) }
                </div>
            }
        }
        OptionType::Number => {
            let (min, max) = (
                spec.values.first().copied().unwrap_or_default(),
                spec.values.get(1).copied().unwrap_or_default(),
            );
            let step = if min.contains('.') || max.contains('.') {
                "0.01"
            } else {
                "1"
            };
            html! {
                <div class="pg-field">
                    <label for={id.clone()}><code>{attribute}</code></label>
                    <input id={id.clone()} type="number" {min} {max} {step} value={value.clone()}
                        aria-describedby={hint_id}
                        oninput={set_cb::<InputEvent>(dispatch, attribute, input_value)} />
                    { hint_of(spec, &id) }
                </div>
            }
        }
        OptionType::Bank => html! {},
    }
}

fn count_control(spec: &'static OptionSpec, value: &str, dispatch: &Dispatch) -> Html {
    let attribute = spec.attribute;
    let form = count_form(value);
    let choose = |target: CountForm| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| {
            let v = match &target {
                CountForm::Number(n) => n.clone(),
                CountForm::All => "all".to_string(),
                CountForm::Mix(parts) => mix_value(parts),
            };
            dispatch.dispatch(Action::Set(attribute, v));
        })
    };
    let number = match &form {
        CountForm::Number(n) => Some(n.clone()),
        _ => None,
    };
    let mix = match &form {
        CountForm::Mix(parts) => Some(parts.clone()),
        _ => None,
    };
    let default_mix: [String; 3] = ["3".into(), "4".into(), "3".into()];
    html! {
        <fieldset class="pg-count" aria-describedby="pg-count-hint">
            <legend><code>{attribute}</code></legend>
            <div class="pg-radios">
                <label class="pg-check">
                    <input type="radio" name="pg-count-form" checked={number.is_some()}
                        onchange={choose(CountForm::Number(spec.default.to_string()))} />
                    {"a number"}
                </label>
                <label class="pg-check">
                    <input type="radio" name="pg-count-form" checked={form == CountForm::All}
                        onchange={choose(CountForm::All)} />
                    {"all"}
                </label>
                <label class="pg-check">
                    <input type="radio" name="pg-count-form" checked={mix.is_some()}
                        onchange={choose(CountForm::Mix(default_mix))} />
                    {"a mix per difficulty"}
                </label>
            </div>
            if let Some(n) = number {
                <div class="pg-field">
                    <label for="pg-count">{"Number of questions"}</label>
                    <input id="pg-count" type="number" min="1" step="1" inputmode="numeric" value={n}
                        oninput={set_cb::<InputEvent>(dispatch, attribute, input_value)} />
                </div>
            }
            if let Some(parts) = mix {
                <div class="pg-row">
                    { for MIX_LEVELS.iter().enumerate().map(|(i, level)| {
                        let dispatch = dispatch.clone();
                        let value = parts.get(i).cloned().unwrap_or_default();
                        let parts = parts.clone();
                        let oninput = Callback::from(move |e: InputEvent| {
                            let mut next = parts.clone();
                            if let Some(slot) = next.get_mut(i) {
                                *slot = input_value(e.as_ref());
                            }
                            dispatch.dispatch(Action::Set(attribute, mix_value(&next)));
                        });
                        let id = format!("pg-count-{level}");
                        html! {
                            <div class="pg-field pg-small">
                                <label for={id.clone()}>{format!("{level} questions")}</label>
                                <input id={id} type="number" min="0" step="1" inputmode="numeric"
                                    {value} {oninput} />
                            </div>
                        }
                    }) }
                </div>
            }
            { hint_of(spec, "pg-count") }
        </fieldset>
    }
}

fn topics_control(
    spec: &'static OptionSpec,
    value: &str,
    topics: &Topics,
    dispatch: &Dispatch,
) -> Html {
    let attribute = spec.attribute;
    let list = match topics {
        Topics::Loaded(list) => list.clone(),
        Topics::Loading => {
            return html! {
                <fieldset class="pg-topics" aria-describedby="pg-topics-hint">
                    <legend><code>{attribute}</code></legend>
                    <p role="status">{"Loading the bank's topics…"}</p>
                    { hint_of(spec, "pg-topics") }
                </fieldset>
            };
        }
        Topics::Failed => {
            return html! {
                <div class="pg-field">
                    <label for="pg-topics"><code>{attribute}</code></label>
                    <input id="pg-topics" type="text" value={value.to_string()} placeholder="comma separated slugs"
                        aria-describedby="pg-topics-hint"
                        onchange={set_cb::<Event>(dispatch, attribute, input_value)} />
                    <span class="pg-hint" id="pg-topics-hint">
                        {"The topic list could not be loaded: type topic or category slugs. "}
                        <a href="../docs/attributes/">{"Attributes"}</a>
                    </span>
                </div>
            };
        }
    };
    let mut categories: Vec<&str> = Vec::new();
    for t in list.iter() {
        if !categories.contains(&t.category.as_str()) {
            categories.push(&t.category);
        }
    }
    let checkbox = |slug: &str, label: String, id: String| {
        let dispatch = dispatch.clone();
        let current = value.to_string();
        let item = slug.to_string();
        let onchange = Callback::from(move |e: Event| {
            dispatch.dispatch(Action::Set(
                attribute,
                toggle(&current, &item, input_checked(&e)),
            ));
        });
        html! {
            <div class="pg-check">
                <input type="checkbox" id={id.clone()} checked={in_list(value, slug)} {onchange} />
                <label for={id}>{label}</label>
            </div>
        }
    };
    let selected = value.split(',').filter(|s| !s.trim().is_empty()).count();
    html! {
        <fieldset class="pg-topics" aria-describedby="pg-topics-hint">
            <legend><code>{attribute}</code>{format!(" ({selected} ticked)")}</legend>
            { hint_of(spec, "pg-topics") }
            <div class="pg-topic-list">
                { for categories.iter().map(|category| {
                    let members: Vec<&TopicEntry> = list.iter().filter(|t| t.category == *category).collect();
                    let total: u32 = members.iter().map(|t| t.count).sum();
                    html! {
                        <fieldset class="pg-category">
                            <legend>{*category}</legend>
                            if let Some(slug) = members.first().and_then(|t| t.category_slug.as_deref()) {
                                { checkbox(slug, format!("the whole category ({total})"), format!("pg-cat-{slug}")) }
                            }
                            { for members.iter().map(|t| checkbox(&t.slug, format!("{} ({})", t.title, t.count), format!("pg-topic-{}", t.slug))) }
                        </fieldset>
                    }
                }) }
            </div>
        </fieldset>
    }
}

fn css_controls(setup: &Setup, dispatch: &Dispatch) -> Html {
    let css_cb = |query: &'static str| {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            dispatch.dispatch(Action::Css(query, input_value(e.as_ref())))
        })
    };
    let css_change = |query: &'static str| {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| dispatch.dispatch(Action::Css(query, input_value(&e))))
    };
    let reset = |query: &'static str| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Css(query, String::new())))
    };
    let accent = setup.css("accent");
    let radius = setup
        .css("radius")
        .map(|r| r.trim_end_matches("px").to_string())
        .unwrap_or_default();
    let font = setup.css("font").unwrap_or_default().to_string();
    html! {
        <fieldset class="pg-group">
            <legend>{"Colours and shape"}</legend>
            <div class="pg-field">
                <label for="pg-accent">{"Accent colour "}<code>{"--quiz-accent"}</code></label>
                <div class="pg-row">
                    <input id="pg-accent" type="color" value={accent.unwrap_or("#1f56c4").to_string()}
                        aria-describedby="pg-accent-hint" oninput={css_cb("accent")} />
                    <button type="button" class="pg-button" onclick={reset("accent")} disabled={accent.is_none()}>
                        {"Theme's accent"}
                    </button>
                </div>
                <span class="pg-hint" id="pg-accent-hint">
                    { if accent.is_some() { "Set: this colour." } else { "Default: the theme's accent." } }
                </span>
            </div>
            <div class="pg-field">
                <label for="pg-radius">{"Corner radius in px "}<code>{"--quiz-radius"}</code></label>
                <input id="pg-radius" type="number" min="0" max="64" step="1" value={radius}
                    placeholder="10" aria-describedby="pg-radius-hint" oninput={css_cb("radius")} />
                <span class="pg-hint" id="pg-radius-hint">{"Default: 10px."}</span>
            </div>
            <div class="pg-field">
                <label for="pg-font">{"Font "}<code>{"--quiz-font"}</code></label>
                <input id="pg-font" type="text" list="pg-fonts" value={font}
                    placeholder="system-ui, sans-serif" aria-describedby="pg-font-hint" onchange={css_change("font")} />
                <datalist id="pg-fonts">
                    <option value="Georgia, serif" />
                    <option value="inherit" />
                    <option value="ui-rounded, system-ui, sans-serif" />
                    <option value="ui-monospace, monospace" />
                </datalist>
                <span class="pg-hint" id="pg-font-hint">{"Any CSS font-family; inherit uses your page's font. Default: the system font."}</span>
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct SnippetProps {
    id: AttrValue,
    title: AttrValue,
    text: AttrValue,
    #[prop_or_default]
    note: Option<Html>,
}

#[function_component(Snippet)]
fn snippet(props: &SnippetProps) -> Html {
    let status = use_state(String::new);
    let onclick = {
        let status = status.clone();
        let text = props.text.to_string();
        let title = props.title.to_string();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let text = text.clone();
            let title = title.clone();
            spawn_local(async move {
                let navigator = web_sys::window().map(|w| w.navigator());
                let clipboard = navigator.and_then(|n| {
                    js_sys::Reflect::get(&n, &"clipboard".into())
                        .ok()
                        .filter(|c| !c.is_undefined() && !c.is_null())
                        .map(|c| c.unchecked_into::<web_sys::Clipboard>())
                });
                let copied = match clipboard {
                    Some(c) => JsFuture::from(c.write_text(&text)).await.is_ok(),
                    None => false,
                };
                status.set(if copied {
                    format!("Copied the {} snippet.", title.to_lowercase())
                } else {
                    "Could not copy: select the text and copy it yourself.".to_string()
                });
            });
        })
    };
    let heading = format!("{}-heading", props.id);
    html! {
        <div class="pg-snippet">
            <h3 id={heading}>{props.title.clone()}</h3>
            { props.note.clone().unwrap_or_default() }
            <pre tabindex="0"><code id={props.id.clone()}>{props.text.clone()}</code></pre>
            <div class="pg-row">
                <button type="button" class="copy" {onclick}>{format!("Copy the {} snippet", props.title.to_lowercase())}</button>
                <p class="copy-status" role="status">{(*status).clone()}</p>
            </div>
        </div>
    }
}

#[function_component(Playground)]
fn playground() -> Html {
    let setup = use_reducer_eq(|| {
        let pairs = location_pairs();
        Setup::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    });
    let topics = use_state_eq(|| Topics::Loading);
    {
        let topics = topics.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                topics.set(match fetch_topics().await {
                    Some(list) => Topics::Loaded(Rc::new(list)),
                    None => Topics::Failed,
                });
            });
        });
    }
    let preview = use_node_ref();
    {
        let preview = preview.clone();
        use_effect_with((*setup).clone(), move |s| {
            if let Some(container) = preview.cast::<Element>() {
                sync_preview(&container, s);
            }
            replace_url(s);
        });
    }
    let dispatch = setup.dispatcher();
    let groups = GROUPS.iter().enumerate().map(|(i, name)| {
        let controls: Vec<Html> = attribute_options()
            .filter(|s| group_of(s.attribute) == i)
            .map(|s| control(s, &setup, &topics, &dispatch))
            .collect();
        html! {
            <fieldset class="pg-group">
                <legend>{*name}</legend>
                { for controls }
            </fieldset>
        }
    });
    let embed = absolute(EMBED_URL);
    html! {
        <div class="playground">
            <form class="pg-controls" aria-label="Widget options" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { for groups }
                { css_controls(&setup, &dispatch) }
            </form>
            <div class="pg-output">
                <h2>{"Preview"}</h2>
                <div class="pg-preview" ref={preview}></div>
                <h2>{"Snippets"}</h2>
                <p>{"Only the options you changed are written; a fixed seed makes the snippet give this same quiz."}</p>
                <Snippet id="snippet-script" title="Script tag" text={script_snippet(&setup)}
                    note={html! { <p>{"Put the "}<code>{"widget/"}</code>{" folder on your host and change the script URL to it ("}
                        <a href="../docs/getting-started/#a-blog-one-script-tag">{"Getting started"}</a>{")."}</p> }} />
                <Snippet id="snippet-iframe" title="Iframe" text={iframe_snippet(&setup, &embed)}
                    note={html! { <p>{"For platforms that allow no scripts. The iframe page takes the options but not the colours and shape ("}
                        <a href="../docs/getting-started/#no-scripts-allowed-an-iframe">{"the iframe page"}</a>{")."}</p> }} />
                <Snippet id="snippet-npm" title="npm" text={npm_snippet(&setup)}
                    note={html! { <p>{"For an app with a bundler: "}<code>{"npm install python-quiz-widget"}</code>{" ("}
                        <a href="../docs/js-api/">{"JS API"}</a>{")."}</p> }} />
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "x\"y'<z>&w";

    fn setup(pairs: &[(&str, &str)]) -> Setup {
        Setup::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn every_attribute_of_the_schema_has_a_group_and_only_js_options_are_left_out() {
        let with_attribute: Vec<&str> = attribute_options().map(|s| s.attribute).collect();
        assert_eq!(
            with_attribute.len(),
            OPTIONS.len() - 1,
            "only bank has no attribute"
        );
        for spec in attribute_options() {
            assert!(group_of(spec.attribute) < GROUPS.len());
            assert_ne!(spec.kind, OptionType::Bank);
        }
        // Every option can be set and read back.
        for spec in attribute_options() {
            let value = match spec.kind {
                OptionType::Enum | OptionType::List | OptionType::Flag
                    if !spec.values.is_empty() =>
                {
                    spec.values
                        .iter()
                        .find(|v| **v != spec.default)
                        .copied()
                        .unwrap_or("")
                }
                OptionType::Number => spec.values.first().copied().unwrap_or("0"),
                _ => "abc",
            };
            let mut s = Setup::default();
            s.set(spec.attribute, value);
            assert_eq!(s.get(spec.attribute), Some(value), "{}", spec.attribute);
        }
    }

    #[test]
    fn defaults_and_empty_values_are_not_set_and_not_in_snippets() {
        let s = setup(&[
            ("count", "10"),
            ("theme", "page"),
            ("mode", "quiz"),
            ("retention", "0.90"),
            ("persist", "on"),
            ("difficulty", ""),
            ("accent", "#1f56c4"),
            ("radius", "10"),
        ]);
        assert_eq!(s, Setup::default());
        assert_eq!(s.query(), "");
        assert_eq!(
            script_snippet(&s),
            format!(
                "{RESERVE_STYLE}\n<script type=\"module\" src=\"{WIDGET_URL}\"></script>\n<quiz-widget></quiz-widget>"
            )
        );
        assert_eq!(
            iframe_snippet(&s, "https://x.test/embed.html")
                .lines()
                .next()
                .map(|l| l.contains("embed.html\"")),
            Some(true)
        );
        assert!(npm_snippet(&s).ends_with("const quiz = await mount(el);"));
    }

    #[test]
    fn the_snippets_carry_the_set_options_in_schema_order() {
        let s = setup(&[
            ("seed", "42"),
            ("topics", "closures,asyncio"),
            ("difficulty", "easy,hard"),
            ("count", "5"),
            ("accent", "#7B2CBF"),
            ("radius", "4"),
            ("persist", "off"),
        ]);
        let script = script_snippet(&s);
        assert_eq!(
            script.lines().nth(2),
            Some("<quiz-widget difficulty=\"easy,hard\"")
        );
        assert!(
            script.contains("\n             topics=\"closures,asyncio\"\n"),
            "{script}"
        );
        assert!(
            script.contains("style=\"--quiz-accent: #7b2cbf; --quiz-radius: 4px\"></quiz-widget>"),
            "{script}"
        );
        assert_eq!(
            iframe_snippet(&s, "https://x.test/embed.html"),
            "<iframe src=\"https://x.test/embed.html?difficulty=easy,hard&amp;topics=closures,asyncio&amp;count=5&amp;seed=42&amp;persist=off\"\n        title=\"Python quiz\"\n        style=\"width:100%;height:40rem;border:0\"></iframe>"
        );
        let npm = npm_snippet(&s);
        assert!(
            npm.contains("el.style.setProperty('--quiz-accent', '#7b2cbf');\n"),
            "{npm}"
        );
        assert!(
            npm.contains("  difficulty: ['easy', 'hard'],\n  topics: ['closures', 'asyncio'],\n  count: 5,\n  seed: 42,\n  persist: false,\n});"),
            "{npm}"
        );
        assert_eq!(
            s.query(),
            "difficulty=easy,hard&topics=closures,asyncio&count=5&seed=42&persist=off&accent=%237b2cbf&radius=4px"
        );
    }

    #[test]
    fn the_query_round_trips() {
        let s = setup(&[
            ("count", "easy:2,hard:1"),
            ("activity-id", HOSTILE),
            ("font", "\"Comic Sans MS\", serif"),
            ("lang", "de"),
        ]);
        let q = s.query();
        let pairs: Vec<(String, String)> = q
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), decode(v)))
            .collect();
        let back = Setup::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, s);
    }

    fn decode(v: &str) -> String {
        let bytes = v.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hostile_values_are_escaped_in_every_snippet() {
        let s = setup(&[
            ("activity-id", HOSTILE),
            ("topics", HOSTILE),
            ("font", HOSTILE),
            ("seed", "1\"><script>"),
        ]);
        let script = script_snippet(&s);
        assert!(
            script.contains("activity-id=\"x&quot;y&#39;&lt;z&gt;&amp;w\""),
            "{script}"
        );
        assert!(
            script.contains("seed=\"1&quot;&gt;&lt;script&gt;\""),
            "{script}"
        );
        assert!(
            script.contains("--quiz-font: x&quot;y&#39;&lt;z&gt;&amp;w\""),
            "{script}"
        );
        // Only the three tags the snippet writes: no markup from a value.
        assert_eq!(script.matches('<').count(), 6, "{script}");
        assert!(!script.contains(HOSTILE));

        let iframe = iframe_snippet(&s, "https://x.test/embed.html");
        assert!(
            iframe.contains("activity-id=x%22y%27%3Cz%3E%26w"),
            "{iframe}"
        );
        assert!(iframe.contains("seed=1%22%3E%3Cscript%3E"), "{iframe}");
        assert_eq!(iframe.matches('<').count(), 2, "{iframe}");
        assert_eq!(iframe.matches('"').count(), 6, "{iframe}");

        let npm = npm_snippet(&s);
        assert!(npm.contains("activityId: 'x\"y\\'\\x3Cz>&w'"), "{npm}");
        assert!(npm.contains("topics: ['x\"y\\'\\x3Cz>&w']"), "{npm}");
        assert!(npm.contains("seed: '1\">\\x3Cscript>'"), "{npm}");
        assert!(
            npm.contains("setProperty('--quiz-font', 'x\"y\\'\\x3Cz>&w')"),
            "{npm}"
        );
        assert!(!npm.contains('<'), "{npm}");
    }

    #[test]
    fn css_values_cannot_end_their_declaration() {
        let font = css_var("font").unwrap();
        assert_eq!(
            clean_css(font, "serif; } body { color: red").as_deref(),
            Some("serif  body  color: red")
        );
        let accent = css_var("accent").unwrap();
        assert_eq!(clean_css(accent, "#ABC").as_deref(), Some("#abc"));
        assert_eq!(clean_css(accent, "red;x"), None);
        assert_eq!(clean_css(accent, "#12345g"), None);
        let radius = css_var("radius").unwrap();
        assert_eq!(clean_css(radius, "0").as_deref(), Some("0px"));
        assert_eq!(clean_css(radius, "12px").as_deref(), Some("12px"));
        assert_eq!(clean_css(radius, "1e3"), None);
        assert_eq!(clean_css(radius, "-1"), None);
        assert_eq!(clean_css(radius, "4;x"), None);
    }

    #[test]
    fn js_values_follow_the_option_types() {
        let spec = |a: &str| spec_of(a).unwrap();
        assert_eq!(js_value(spec("count"), "all"), "'all'");
        assert_eq!(js_value(spec("count"), "7"), "7");
        assert_eq!(js_value(spec("count"), "easy:2,hard:1"), "'easy:2,hard:1'");
        assert_eq!(js_value(spec("seed"), "4294967295"), "4294967295");
        assert_eq!(js_value(spec("seed"), "4294967296"), "'4294967296'");
        assert_eq!(js_value(spec("retention"), "0.85"), "0.85");
        assert_eq!(js_value(spec("retention"), "1e5"), "'1e5'");
        assert_eq!(js_value(spec("include-builtin"), "true"), "true");
        assert_eq!(js_value(spec("persist"), "off"), "false");
        assert_eq!(js_value(spec("theme"), "dark"), "'dark'");
        assert_eq!(js_value(spec("ids"), "a, b,,c"), "['a', 'b', 'c']");
        assert_eq!(js_string("a\\b\n\u{2028}"), "'a\\\\b\\n\\u2028'");
    }

    #[test]
    fn count_forms_read_and_write_the_count_attribute() {
        assert_eq!(count_form("all"), CountForm::All);
        assert_eq!(count_form("12"), CountForm::Number("12".into()));
        assert_eq!(
            count_form("hard:2,easy:5"),
            CountForm::Mix(["5".into(), String::new(), "2".into()])
        );
        assert_eq!(
            mix_value(&["5".into(), String::new(), "2".into()]),
            "easy:5,hard:2"
        );
        assert_eq!(toggle("a,b", "a", false), "b");
        assert_eq!(toggle("a", "b", true), "a,b");
        assert_eq!(toggle("", "b", true), "b");
    }

    #[test]
    fn hints_name_the_default_and_bounds() {
        assert_eq!(
            hint(spec_of("retention").unwrap()),
            "Study mode's desired recall. From 0.70 to 0.97. Default: 0.9."
        );
        assert!(hint(spec_of("count").unwrap()).ends_with("Default: 10."));
    }
}
