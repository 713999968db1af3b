//! What `<quiz-widget>` shows the outside world besides its options' parsing: a line on each
//! option, its events, CSS custom properties, parts and JS exports, written once here. The npm
//! package's `custom-elements.json`, `html-custom-data.json` and the template types of
//! `crates/quiz-web/js/types/attributes.d.ts` are generated from these and [`OPTIONS`];
//! `tests/element.rs` keeps the tables equal to the sources that use each name.

use crate::model::Difficulty;
use crate::options::{OPTIONS, OptionSpec, OptionType};

/// The element's tag.
pub const TAG: &str = "quiz-widget";
/// The class that implements it, exported by [`MODULE`].
pub const CLASS: &str = "QuizWidgetElement";
/// The module of the npm package that exports the class and defines the element.
pub const MODULE: &str = "dist/quiz-widget.js";

/// One line on an option, for the manifest and editors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionDoc {
    /// The option's [`OptionSpec::key`].
    pub key: &'static str,
    /// One sentence: what it does, and what an empty default means. Its valid values, bounds
    /// and default come from the [`OptionSpec`].
    pub description: &'static str,
}

/// A line on every option of [`OPTIONS`], in the same order. Kept out of [`OptionSpec`] so
/// the text never reaches the widget's wasm, which parses options but never describes them.
pub const OPTION_DOCS: &[OptionDoc] = &[
    OptionDoc {
        key: "difficulty",
        description: "Difficulties to ask, as a comma list; default: all.",
    },
    OptionDoc {
        key: "topics",
        description: "Topic or category slugs to ask, as a comma list; default: all.",
    },
    OptionDoc {
        key: "count",
        description: "How many questions: a number, `all`, or a mix such as `easy:5,medium:3,hard:2`.",
    },
    OptionDoc {
        key: "seed",
        description: "The shuffle's seed, 0–4294967295: the same seed, filters and bank give the same quiz; default: fresh.",
    },
    OptionDoc {
        key: "ids",
        description: "Question ids to ask, as a comma list, in that order.",
    },
    OptionDoc {
        key: "filters",
        description: "`hidden` fixes the quiz to the presets and starts it at once.",
    },
    OptionDoc {
        key: "theme",
        description: "Colours: `page` follows the host page's background, `auto` the reader's system setting.",
    },
    OptionDoc {
        key: "lang",
        description: "Interface language (a region tag such as `de-AT` is accepted); default: the page's language, then English.",
    },
    OptionDoc {
        key: "mode",
        description: "`quiz`; `study`: spaced repetition of the questions due; `mistakes`: the questions answered wrong on this site.",
    },
    OptionDoc {
        key: "persist",
        description: "Keep progress in this browser (nothing leaves the device); present without a value means on.",
    },
    OptionDoc {
        key: "retention",
        description: "Study mode's desired recall.",
    },
    OptionDoc {
        key: "newPerDay",
        description: "New questions study mode introduces per day.",
    },
    OptionDoc {
        key: "activityId",
        description: "The xAPI activity id of `quiz-complete`'s statement; default: the page URL.",
    },
    OptionDoc {
        key: "bank",
        description: "Your own questions, set from JS: a bank object, or its JSON or TOML text.",
    },
    OptionDoc {
        key: "bankSrc",
        description: "URL of a custom bank (JSON or TOML).",
    },
    OptionDoc {
        key: "includeBuiltin",
        description: "Add the built-in bank to a custom bank; present without a value means on.",
    },
];

/// An event the element fires (a `CustomEvent` that bubbles and is composed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventDoc {
    /// The event name (`quiz-start`).
    pub name: &'static str,
    /// The type of its `detail` in `index.d.ts` (`QuizStartDetail`).
    pub detail: &'static str,
    /// When it fires.
    pub description: &'static str,
}

/// Every event, in the order a quiz fires them.
pub const EVENTS: &[EventDoc] = &[
    EventDoc {
        name: "quiz-start",
        detail: "QuizStartDetail",
        description: "A quiz starts: its seed, question ids, total and bank version.",
    },
    EventDoc {
        name: "quiz-answer",
        detail: "QuizAnswerDetail",
        description: "The learner checks an answer: the question, the answer, whether it was right.",
    },
    EventDoc {
        name: "quiz-review",
        detail: "QuizReviewDetail",
        description: "After every answer, in every mode: the question's new FSRS-6 schedule.",
    },
    EventDoc {
        name: "quiz-complete",
        detail: "QuizCompleteDetail",
        description: "The last answer is checked: the score, the results and an xAPI statement.",
    },
    EventDoc {
        name: "quiz-error",
        detail: "QuizErrorDetail",
        description: "Something failed: the files could not load, an invalid option, a refused bank, or a panic.",
    },
];

/// A CSS custom property the widget reads from its element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CssPropertyDoc {
    /// The name, with its leading `--`.
    pub name: &'static str,
    /// Its CSS syntax (`<color>`); empty for any value.
    pub syntax: &'static str,
    /// What it colours or sets.
    pub description: &'static str,
}

/// Every `--quiz-*` custom property of `crates/quiz-web/js/styles.js`.
pub const CSS_PROPERTIES: &[CssPropertyDoc] = &[
    CssPropertyDoc {
        name: "--quiz-accent",
        syntax: "<color>",
        description: "Buttons, chips and the progress bar.",
    },
    CssPropertyDoc {
        name: "--quiz-on-accent",
        syntax: "<color>",
        description: "Text on an accent background (primary buttons, a chosen chip).",
    },
    CssPropertyDoc {
        name: "--quiz-background",
        syntax: "<color>",
        description: "The widget's background.",
    },
    CssPropertyDoc {
        name: "--quiz-text",
        syntax: "<color>",
        description: "The text.",
    },
    CssPropertyDoc {
        name: "--quiz-muted",
        syntax: "<color>",
        description: "Secondary text.",
    },
    CssPropertyDoc {
        name: "--quiz-border",
        syntax: "<color>",
        description: "Borders of controls and cards.",
    },
    CssPropertyDoc {
        name: "--quiz-surface",
        syntax: "<color>",
        description: "Code, feedback and notices, and the track of the progress bar.",
    },
    CssPropertyDoc {
        name: "--quiz-right",
        syntax: "<color>",
        description: "Right answers.",
    },
    CssPropertyDoc {
        name: "--quiz-wrong",
        syntax: "<color>",
        description: "Wrong answers.",
    },
    CssPropertyDoc {
        name: "--quiz-focus",
        syntax: "<color>",
        description: "The focus ring.",
    },
    CssPropertyDoc {
        name: "--quiz-radius",
        syntax: "<length>",
        description: "The corner radius.",
    },
    CssPropertyDoc {
        name: "--quiz-font",
        syntax: "",
        description: "The text font.",
    },
    CssPropertyDoc {
        name: "--quiz-font-mono",
        syntax: "",
        description: "The code font.",
    },
    CssPropertyDoc {
        name: "--quiz-font-size",
        syntax: "",
        description: "The text size, which every size inside follows; default: the reader's default font size.",
    },
    CssPropertyDoc {
        name: "--quiz-loading-height",
        syntax: "",
        description: "The height kept for the quiz while it loads, so the text below does not jump; default 30em.",
    },
];

/// A part of the shadow tree, for `quiz-widget::part(name)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CssPartDoc {
    /// The part name.
    pub name: &'static str,
    /// What it is.
    pub description: &'static str,
}

/// Every `part` of the shadow tree (quiz-yew's components and the JS wrapper's own).
pub const CSS_PARTS: &[CssPartDoc] = &[
    CssPartDoc {
        name: "root",
        description: "The box everything else renders in.",
    },
    CssPartDoc {
        name: "quiz",
        description: "The quiz: setup, questions and results.",
    },
    CssPartDoc {
        name: "setup",
        description: "The setup form (difficulty, topic, count).",
    },
    CssPartDoc {
        name: "chip",
        description: "A difficulty toggle of the setup form.",
    },
    CssPartDoc {
        name: "select",
        description: "A menu of the setup form (topic, count).",
    },
    CssPartDoc {
        name: "question",
        description: "The question card.",
    },
    CssPartDoc {
        name: "progress",
        description: "The progress bar.",
    },
    CssPartDoc {
        name: "code",
        description: "A code block.",
    },
    CssPartDoc {
        name: "choice",
        description: "A choice, or an item to put in order.",
    },
    CssPartDoc {
        name: "input",
        description: "The text box of a typed answer.",
    },
    CssPartDoc {
        name: "button",
        description: "Every button.",
    },
    CssPartDoc {
        name: "feedback",
        description: "The feedback on an answer, with its explanation.",
    },
    CssPartDoc {
        name: "results",
        description: "The score and the review at the end.",
    },
    CssPartDoc {
        name: "dashboard",
        description: "The study and mistakes dashboard.",
    },
    CssPartDoc {
        name: "message",
        description: "A message shown instead of the quiz when it cannot run.",
    },
];

/// A parameter of a documented function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamDoc {
    /// Its name.
    pub name: &'static str,
    /// Its TypeScript type, as `index.d.ts` writes it.
    pub ty: &'static str,
    /// Whether it may be left out.
    pub optional: bool,
    /// Its default, a JS expression; empty for none.
    pub default: &'static str,
}

/// A function of the JS API, as `index.d.ts` declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FunctionDoc {
    /// Its name.
    pub name: &'static str,
    /// Its parameters.
    pub params: &'static [ParamDoc],
    /// Its TypeScript return type.
    pub returns: &'static str,
    /// What it does.
    pub description: &'static str,
}

impl FunctionDoc {
    /// The parameter list as TypeScript writes it (`element: Element, options?: QuizOptions`).
    pub fn params_ts(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| format!("{}{}: {}", p.name, if p.optional { "?" } else { "" }, p.ty))
            .collect();
        params.join(", ")
    }
}

const fn param(name: &'static str, ty: &'static str) -> ParamDoc {
    ParamDoc {
        name,
        ty,
        optional: false,
        default: "",
    }
}

const fn optional(name: &'static str, ty: &'static str, default: &'static str) -> ParamDoc {
    ParamDoc {
        name,
        ty,
        optional: true,
        default,
    }
}

/// The functions [`MODULE`] exports, in the order `docs/js-api.md` lists them.
pub const FUNCTIONS: &[FunctionDoc] = &[
    FunctionDoc {
        name: "mount",
        params: &[
            param("element", "Element"),
            optional("options", "QuizOptions", "{}"),
        ],
        returns: "Promise<QuizHandle>",
        description: "Mounts a quiz into `element` (its content is replaced); rejects on an unknown option.",
    },
    FunctionDoc {
        name: "load",
        params: &[],
        returns: "Promise<QuizEngine>",
        description: "Loads the wasm once per page; resolves to the engine, whose `bankTopics()` lists the built-in topics.",
    },
    FunctionDoc {
        name: "exportBank",
        params: &[
            param("format", "ExportFormat"),
            optional("options", "ExportOptions", "{}"),
        ],
        returns: "Promise<Blob & { readonly summary: string }>",
        description: "The questions in an LMS format, as a Blob whose `summary` says what the format lost.",
    },
    FunctionDoc {
        name: "getProgress",
        params: &[],
        returns: "Promise<Progress>",
        description: "The review history of this origin (it never leaves the device).",
    },
    FunctionDoc {
        name: "clearProgress",
        params: &[],
        returns: "Promise<void>",
        description: "Forgets the review history and every saved quiz of this origin.",
    },
    FunctionDoc {
        name: "importProgress",
        params: &[param("progress", "Progress | string")],
        returns: "Promise<number>",
        description: "Merges a progress export; resolves to its number of questions, rejects (changing nothing) when invalid.",
    },
    FunctionDoc {
        name: "setWasmUrl",
        params: &[param("url", "string | URL")],
        returns: "void",
        description: "Overrides where the .wasm is fetched from; call it before the first widget loads.",
    },
    FunctionDoc {
        name: "wasmMemoryBytes",
        params: &[],
        returns: "number",
        description: "Bytes of wasm memory of the shared instance (0 before it loads).",
    },
    FunctionDoc {
        name: "xapiStatement",
        params: &[
            param("detail", "Omit<QuizCompleteDetail, 'statement'>"),
            param("activityId", "string"),
        ],
        returns: "XapiStatement",
        description: "The xAPI-shaped statement `quiz-complete` carries, for a detail and an activity id.",
    },
];

/// A property of the element that is not an option, or a variable [`MODULE`] exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldDoc {
    /// Its name.
    pub name: &'static str,
    /// Its TypeScript type.
    pub ty: &'static str,
    /// Whether it can only be read.
    pub readonly: bool,
    /// What it holds.
    pub description: &'static str,
}

/// The element's properties besides its options.
pub const ELEMENT_FIELDS: &[FieldDoc] = &[FieldDoc {
    name: "handle",
    ty: "QuizHandle | null",
    readonly: true,
    description: "The running quiz's handle (`destroy`, `restart`, `setOptions`, `state`), or null.",
}];

/// The variable [`MODULE`] exports: the runtime's copy of [`OPTIONS`].
pub const OPTIONS_EXPORT: FieldDoc = FieldDoc {
    name: "OPTIONS",
    ty: "readonly OptionSpec[]",
    readonly: true,
    description: "Every option: its key, attribute, type, valid values and default.",
};

/// The element class's static methods.
pub const ELEMENT_STATIC_METHODS: &[FunctionDoc] = &[FunctionDoc {
    name: "define",
    params: &[
        optional("tag", "string", "'quiz-widget'"),
        optional("registry", "CustomElementRegistry", "customElements"),
    ],
    returns: "CustomElementConstructor",
    description: "Defines the element under `tag` unless something already did; returns the defined class.",
}];

/// The pages of `docs/` that editors link to: (title, file).
pub const DOC_PAGES: &[(&str, &str)] = &[
    ("Attributes", "attributes.md"),
    ("Events", "events.md"),
    ("JS API", "js-api.md"),
    ("Theming and parts", "theming-and-parts.md"),
];

/// The element's one-line description.
pub const ELEMENT_DESCRIPTION: &str =
    "A quiz of Python interview questions; its attributes are its options.";

/// The line on an option, or "" when [`OPTION_DOCS`] lacks it (a test forbids that).
pub fn option_description(key: &str) -> &'static str {
    OPTION_DOCS
        .iter()
        .find(|d| d.key == key)
        .map_or("", |d| d.description)
}

/// The line on an option's attribute: its description, plus its bounds for a number.
fn attribute_description(spec: &OptionSpec) -> String {
    let text = option_description(spec.key);
    match (spec.kind, spec.values) {
        (OptionType::Number, [min, max]) => format!("{text} From {min} to {max}."),
        _ => text.to_string(),
    }
}

/// `"a" | "b"`: the TypeScript union of an option's values.
fn literal_union(values: &[&str]) -> String {
    let literals: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
    literals.join(" | ")
}

/// The type an attribute's value has, as text: the union of its values when they are closed.
/// A flag that is off by default is a boolean attribute (present means on); one that is on by
/// default is turned off only by its off value, so it is the union of its two values.
pub fn attribute_type(spec: &OptionSpec) -> String {
    match spec.kind {
        OptionType::Flag if spec.values.last() == Some(&spec.default) => "boolean".to_string(),
        OptionType::Enum | OptionType::Flag => literal_union(spec.values),
        OptionType::Seed | OptionType::Number => "number".to_string(),
        OptionType::List | OptionType::Count | OptionType::Text | OptionType::Bank => {
            "string".to_string()
        }
    }
}

/// The values an editor offers for an attribute: an enum's or a flag's, and a list's items.
pub fn attribute_values(spec: &OptionSpec) -> &'static [&'static str] {
    match spec.kind {
        OptionType::Enum | OptionType::Flag | OptionType::List => spec.values,
        _ => &[],
    }
}

/// What the option's property accepts (`null` returns it to its default), as TypeScript.
pub fn property_type(spec: &OptionSpec) -> String {
    let union = literal_union(spec.values);
    match spec.kind {
        OptionType::Enum => format!("{union} | null"),
        OptionType::List if spec.values.is_empty() => "string | readonly string[] | null".into(),
        OptionType::List => format!("string | readonly ({union})[] | null"),
        OptionType::Count => "number | string | Partial<Record<Difficulty, number>> | null".into(),
        OptionType::Seed | OptionType::Number => "number | string | null".into(),
        OptionType::Text => "string | null".into(),
        OptionType::Flag => format!("boolean | {union} | null"),
        OptionType::Bank => "QuizBank | string | null".into(),
    }
}

/// A JSON value, written with its keys in the order given.
enum Json {
    Str(String),
    /// A number or boolean, written as is.
    Raw(&'static str),
    Arr(Vec<Json>),
    Obj(Vec<(&'static str, Json)>),
}

fn s(text: impl Into<String>) -> Json {
    Json::Str(text.into())
}

const TRUE: Json = Json::Raw("true");

/// `{"text": ty}`: a type in the manifest.
fn type_of(ty: impl Into<String>) -> Json {
    Json::Obj(vec![("text", s(ty))])
}

impl Json {
    /// As `JSON.stringify(value, null, 2)` writes it, plus a final newline.
    fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let newline = |out: &mut String, depth: usize| {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        };
        match self {
            Json::Str(text) => quote(out, text),
            Json::Raw(raw) => out.push_str(raw),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "" } else { "," });
                    newline(out, depth + 1);
                    item.write(out, depth + 1);
                }
                newline(out, depth);
                out.push(']');
            }
            Json::Obj(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    out.push_str(if i == 0 { "" } else { "," });
                    newline(out, depth + 1);
                    quote(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                newline(out, depth);
                out.push('}');
            }
        }
    }
}

fn quote(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn function_json(kind: &'static str, f: &FunctionDoc, is_static: bool) -> Json {
    let mut fields = vec![("kind", s(kind)), ("name", s(f.name))];
    if is_static {
        fields.push(("static", TRUE));
    }
    fields.push(("description", s(f.description)));
    if !f.params.is_empty() {
        let params = f.params.iter().map(|p| {
            let mut fields = vec![("name", s(p.name)), ("type", type_of(p.ty))];
            if p.optional {
                fields.push(("optional", TRUE));
            }
            if !p.default.is_empty() {
                fields.push(("default", s(p.default)));
            }
            Json::Obj(fields)
        });
        fields.push(("parameters", Json::Arr(params.collect())));
    }
    fields.push(("return", Json::Obj(vec![("type", type_of(f.returns))])));
    Json::Obj(fields)
}

fn element_json() -> Json {
    let attributes = OPTIONS.iter().filter(|o| !o.attribute.is_empty()).map(|o| {
        let mut fields = vec![
            ("name", s(o.attribute)),
            ("type", type_of(attribute_type(o))),
            ("description", s(attribute_description(o))),
        ];
        if !o.default.is_empty() {
            fields.push(("default", s(o.default)));
        }
        fields.push(("fieldName", s(o.key)));
        Json::Obj(fields)
    });
    let options = OPTIONS.iter().map(|o| {
        let mut fields = vec![
            ("kind", s("field")),
            ("name", s(o.key)),
            ("type", type_of(property_type(o))),
            ("description", s(option_description(o.key))),
        ];
        if !o.attribute.is_empty() {
            fields.push(("attribute", s(o.attribute)));
            fields.push(("reflects", TRUE));
        }
        Json::Obj(fields)
    });
    let fields = ELEMENT_FIELDS.iter().map(|f| {
        let mut fields = vec![
            ("kind", s("field")),
            ("name", s(f.name)),
            ("type", type_of(f.ty)),
            ("description", s(f.description)),
        ];
        if f.readonly {
            fields.push(("readonly", TRUE));
        }
        Json::Obj(fields)
    });
    let methods = ELEMENT_STATIC_METHODS
        .iter()
        .map(|m| function_json("method", m, true));
    let events = EVENTS.iter().map(|e| {
        Json::Obj(vec![
            ("name", s(e.name)),
            ("type", type_of(format!("CustomEvent<{}>", e.detail))),
            ("description", s(e.description)),
        ])
    });
    let properties = CSS_PROPERTIES.iter().map(|p| {
        let mut fields = vec![("name", s(p.name))];
        if !p.syntax.is_empty() {
            fields.push(("syntax", s(p.syntax)));
        }
        fields.push(("description", s(p.description)));
        Json::Obj(fields)
    });
    let parts = CSS_PARTS
        .iter()
        .map(|p| Json::Obj(vec![("name", s(p.name)), ("description", s(p.description))]));
    Json::Obj(vec![
        ("kind", s("class")),
        ("customElement", TRUE),
        ("name", s(CLASS)),
        ("tagName", s(TAG)),
        ("description", s(ELEMENT_DESCRIPTION)),
        (
            "superclass",
            Json::Obj(vec![("name", s("HTMLElement")), ("package", s("global:"))]),
        ),
        ("attributes", Json::Arr(attributes.collect())),
        (
            "members",
            Json::Arr(options.chain(fields).chain(methods).collect()),
        ),
        ("events", Json::Arr(events.collect())),
        ("cssProperties", Json::Arr(properties.collect())),
        ("cssParts", Json::Arr(parts.collect())),
    ])
}

/// The npm package's `custom-elements.json` (Custom Elements Manifest, schema 2.1.0),
/// generated from [`OPTIONS`] and the tables of this module.
pub fn custom_elements_json() -> String {
    let functions = FUNCTIONS
        .iter()
        .map(|f| function_json("function", f, false));
    let options = Json::Obj(vec![
        ("kind", s("variable")),
        ("name", s(OPTIONS_EXPORT.name)),
        ("type", type_of(OPTIONS_EXPORT.ty)),
        ("readonly", TRUE),
        ("description", s(OPTIONS_EXPORT.description)),
    ]);
    let reference = |name: &str| Json::Obj(vec![("name", s(name)), ("module", s(MODULE))]);
    let js_export = |name: &str| {
        Json::Obj(vec![
            ("kind", s("js")),
            ("name", s(name)),
            ("declaration", reference(name)),
        ])
    };
    let mut exports = vec![
        js_export(CLASS),
        Json::Obj(vec![
            ("kind", s("custom-element-definition")),
            ("name", s(TAG)),
            ("declaration", reference(CLASS)),
        ]),
    ];
    exports.extend(FUNCTIONS.iter().map(|f| js_export(f.name)));
    exports.push(js_export(OPTIONS_EXPORT.name));
    let mut declarations = vec![element_json()];
    declarations.extend(functions);
    declarations.push(options);
    Json::Obj(vec![
        ("schemaVersion", s("2.1.0")),
        (
            "modules",
            Json::Arr(vec![Json::Obj(vec![
                ("kind", s("javascript-module")),
                ("path", s(MODULE)),
                (
                    "description",
                    s("Defines `<quiz-widget>` where `customElements` exists, and exports the JS API."),
                ),
                ("declarations", Json::Arr(declarations)),
                ("exports", Json::Arr(exports)),
            ])]),
        ),
    ])
    .to_pretty()
}

/// The npm package's `html-custom-data.json` (VS Code HTML custom data, version 1.1):
/// the tag, each attribute with its values, and links to the docs.
pub fn html_custom_data_json() -> String {
    let attributes = OPTIONS.iter().filter(|o| !o.attribute.is_empty()).map(|o| {
        let mut description = attribute_description(o);
        if !o.default.is_empty() {
            description.push_str(&format!(" Default: `{}`.", o.default));
        }
        let mut fields = vec![("name", s(o.attribute)), ("description", s(description))];
        let values = attribute_values(o);
        if !values.is_empty() {
            let values = values.iter().map(|v| Json::Obj(vec![("name", s(*v))]));
            fields.push(("values", Json::Arr(values.collect())));
        }
        Json::Obj(fields)
    });
    let docs = env!("CARGO_PKG_REPOSITORY");
    let references = DOC_PAGES.iter().map(|(name, page)| {
        Json::Obj(vec![
            ("name", s(*name)),
            ("url", s(format!("{docs}/blob/main/docs/{page}"))),
        ])
    });
    Json::Obj(vec![
        ("version", Json::Raw("1.1")),
        (
            "tags",
            Json::Arr(vec![Json::Obj(vec![
                ("name", s(TAG)),
                ("description", s(ELEMENT_DESCRIPTION)),
                ("attributes", Json::Arr(attributes.collect())),
                ("references", Json::Arr(references.collect())),
            ])]),
        ),
    ])
    .to_pretty()
}

/// `'a' | 'b'`: the TypeScript union of string literals, in single quotes as `index.d.ts` writes them.
fn ts_literals(values: &[&str]) -> String {
    let literals: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
    literals.join(" | ")
}

/// What a template may write for an option's attribute (in React, Vue or Svelte), as
/// TypeScript; `None` for an option without an attribute. Closed values are literal types, so
/// a misspelt value fails to type-check; numbers may be written as numbers. Arrays and
/// objects are left out: server rendering drops them, since an attribute holds text.
pub fn template_attribute_type(spec: &OptionSpec) -> Option<String> {
    const NUMBER: &str = "number | `${number}`";
    if spec.attribute.is_empty() {
        return None;
    }
    let values = ts_literals(spec.values);
    Some(match spec.kind {
        // `lang` also takes a region subtag (`de-AT`), as `options::lang_of` reads it.
        OptionType::Enum if spec.key == "lang" => format!("{values} | `${{{values}}}-${{string}}`"),
        OptionType::Enum => values,
        OptionType::List if spec.values.is_empty() => "string".into(),
        OptionType::List => format!("CommaList<{values}>"),
        OptionType::Count => {
            let mix: Vec<String> = Difficulty::ALL
                .iter()
                .map(|d| format!("`{}:${{number}}`", d.as_str()))
                .collect();
            format!("{NUMBER} | 'all' | CommaList<{}>", mix.join(" | "))
        }
        OptionType::Seed | OptionType::Number => NUMBER.into(),
        OptionType::Text | OptionType::Bank => "string".into(),
        // On by default: only its off value turns it off (an absent or `false` attribute is on).
        OptionType::Flag if spec.values.first() == Some(&spec.default) => values,
        // Off by default: present (`true`, or an empty value) means on.
        OptionType::Flag => format!("boolean | {values}"),
    })
}

/// A `/** … */` line at two spaces' indent.
fn jsdoc(out: &mut String, text: &str) {
    out.push_str(&format!("  /** {} */\n", text.replace("*/", "*\\/")));
}

/// `crates/quiz-web/js/types/attributes.d.ts`: the attributes of [`OPTIONS`] with the values
/// each accepts in a template, the [`EVENTS`] as `on<event>` handlers, and the
/// [`CSS_PROPERTIES`], which the React, Vue and Svelte type entries of the npm package share.
pub fn attributes_d_ts() -> String {
    let mut details: Vec<&str> = EVENTS.iter().map(|e| e.detail).collect();
    details.sort_unstable();
    details.dedup();
    let mut out = format!(
        "// Generated from quiz-core's option schema and element tables (crates/quiz-core/src/options.rs,\n\
         // crates/quiz-core/src/element.rs); do not edit.\n\
         // Regenerate: UPDATE_GENERATED=1 cargo test -p quiz-core --test generated\n\
         // <{TAG}> as a template writes it: each attribute with the values it accepts, the events as\n\
         // `on<event>` handlers and the CSS custom properties. The React, Vue and Svelte entries\n\
         // (react.d.ts, vue.d.ts, svelte.d.ts next to this file) build on these.\n\
         \n\
         import type {{ {} }} from '../index.js';\n\
         \n\
         /** A comma list of distinct `T`s in any order: `\"easy\"`, `\"hard,easy\"`. */\n\
         export type CommaList<T extends string, U extends string = T> =\n  \
         T extends unknown ? T | `${{T}},${{CommaList<Exclude<U, T>>}}` : never;\n\
         \n\
         /**\n \
         * The attributes of <{TAG}>, each with the values it accepts. `null` or `undefined` leaves\n \
         * the attribute out, so its default applies. Write them as they are written in HTML\n \
         * (`new-per-day`), so they work before the element is defined and when server-rendered.\n \
         */\n\
         export interface QuizWidgetAttributes {{\n",
        details.join(", ")
    );
    for spec in OPTIONS {
        let Some(ty) = template_attribute_type(spec) else {
            continue;
        };
        let mut doc = attribute_description(spec);
        if !spec.default.is_empty() {
            doc.push_str(&format!(" Default: `{}`.", spec.default));
        }
        jsdoc(&mut out, &doc);
        let name = if spec.attribute.contains('-') {
            format!("'{}'", spec.attribute)
        } else {
            spec.attribute.to_string()
        };
        out.push_str(&format!("  {name}?: {ty} | null | undefined;\n"));
    }
    out.push_str(&format!(
        "}}\n\n\
         /**\n \
         * The events of <{TAG}> as `on<event>` handlers, the way React 19 and Svelte 5 attach a\n \
         * custom element's events (`onquiz-complete` listens to `quiz-complete`).\n \
         */\n\
         export interface QuizWidgetEventHandlers {{\n"
    ));
    for event in EVENTS {
        jsdoc(&mut out, event.description);
        out.push_str(&format!(
            "  'on{}'?: ((event: CustomEvent<{}>) => void) | null | undefined;\n",
            event.name, event.detail
        ));
    }
    out.push_str(&format!(
        "}}\n\n\
         /** The CSS custom properties <{TAG}> reads, for a `style` object. */\n\
         export interface QuizWidgetCssProperties {{\n"
    ));
    for property in CSS_PROPERTIES {
        jsdoc(&mut out, property.description);
        out.push_str(&format!("  '{}'?: string | undefined;\n", property.name));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_has_one_line_in_the_same_order() {
        let keys: Vec<&str> = OPTION_DOCS.iter().map(|d| d.key).collect();
        let want: Vec<&str> = OPTIONS.iter().map(|o| o.key).collect();
        assert_eq!(keys, want);
        for d in OPTION_DOCS {
            assert!(d.description.ends_with('.'), "{}: one sentence", d.key);
            assert!(!d.description.contains('\n'), "{}: one line", d.key);
        }
    }

    #[test]
    fn names_are_unique_and_well_formed() {
        fn unique(names: &[&str]) {
            for (i, a) in names.iter().enumerate() {
                assert!(!names.iter().skip(i + 1).any(|b| a == b), "{a} twice");
            }
        }
        let events: Vec<&str> = EVENTS.iter().map(|e| e.name).collect();
        let properties: Vec<&str> = CSS_PROPERTIES.iter().map(|p| p.name).collect();
        let parts: Vec<&str> = CSS_PARTS.iter().map(|p| p.name).collect();
        unique(&events);
        unique(&properties);
        unique(&parts);
        assert!(events.iter().all(|e| e.starts_with("quiz-")));
        assert!(properties.iter().all(|p| p.starts_with("--quiz-")));
    }

    #[test]
    fn attribute_types_and_property_types_follow_the_schema() {
        let spec = |key: &str| OPTIONS.iter().find(|o| o.key == key).unwrap();
        assert_eq!(
            attribute_type(spec("theme")),
            r#""page" | "light" | "dark" | "auto""#
        );
        assert_eq!(attribute_type(spec("persist")), r#""on" | "off""#);
        assert_eq!(attribute_type(spec("includeBuiltin")), "boolean");
        assert_eq!(attribute_type(spec("retention")), "number");
        assert_eq!(attribute_type(spec("difficulty")), "string");
        assert_eq!(
            attribute_values(spec("difficulty")),
            ["easy", "medium", "hard"]
        );
        assert!(
            attribute_values(spec("retention")).is_empty(),
            "bounds are not values"
        );
        assert_eq!(
            property_type(spec("difficulty")),
            r#"string | readonly ("easy" | "medium" | "hard")[] | null"#
        );
        assert_eq!(
            attribute_description(spec("newPerDay")),
            "New questions study mode introduces per day. From 0 to 1000."
        );
    }

    #[test]
    fn template_attribute_types_are_literal_where_the_values_are_closed() {
        let ty =
            |key: &str| template_attribute_type(OPTIONS.iter().find(|o| o.key == key).unwrap());
        for (key, want) in [
            ("theme", "'page' | 'light' | 'dark' | 'auto'"),
            (
                "lang",
                "'en' | 'de' | 'es' | `${'en' | 'de' | 'es'}-${string}`",
            ),
            ("difficulty", "CommaList<'easy' | 'medium' | 'hard'>"),
            ("topics", "string"),
            (
                "count",
                "number | `${number}` | 'all' | CommaList<`easy:${number}` | `medium:${number}` | `hard:${number}`>",
            ),
            ("seed", "number | `${number}`"),
            ("retention", "number | `${number}`"),
            ("persist", "'on' | 'off'"),
            ("includeBuiltin", "boolean | 'true' | 'false'"),
            ("activityId", "string"),
        ] {
            assert_eq!(ty(key).as_deref(), Some(want), "{key}");
        }
        assert_eq!(ty("bank"), None, "set from JS only: no attribute");
        let dts = attributes_d_ts();
        assert!(dts.contains("  'new-per-day'?: number | `${number}` | null | undefined;\n"));
        assert!(dts.contains("  'onquiz-complete'?: ((event: CustomEvent<QuizCompleteDetail>) => void) | null | undefined;\n"));
        assert!(!dts.contains("bank?:"), "{dts}");
    }

    #[test]
    fn json_is_written_like_json_stringify_with_two_spaces() {
        let v = Json::Obj(vec![
            ("a", s("x\"y\\z\n\u{1}é")),
            ("b", Json::Arr(vec![TRUE, Json::Raw("1.1")])),
            ("c", Json::Arr(vec![])),
            ("d", Json::Obj(vec![])),
        ]);
        assert_eq!(
            v.to_pretty(),
            "{\n  \"a\": \"x\\\"y\\\\z\\n\\u0001é\",\n  \"b\": [\n    true,\n    1.1\n  ],\n  \"c\": [],\n  \"d\": {}\n}\n"
        );
    }
}
