//! The widget's options, defined once: names, types, defaults and valid values ([`OPTIONS`]),
//! and the one parser every way in uses ([`Options::parse`]). The JS wrapper's option list
//! (`crates/quiz-web/js/options.js`) is generated from [`OPTIONS`] and a test keeps it current.

use crate::attrs::{self, AttrError};
use crate::model::{Difficulty, TopicInfo};
use crate::select::Count;

/// How an option's value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionType {
    /// One of [`OptionSpec::values`].
    Enum,
    /// A comma list of [`OptionSpec::values`] (or of bank slugs when `values` is empty).
    List,
    /// `all`, a number or a mix like `easy:5,hard:2`.
    Count,
    /// A whole number from 0 to 4294967295.
    Seed,
    /// Any text.
    Text,
    /// On or off: `true` or `false`; a present but empty attribute means `true`.
    Flag,
    /// A question bank given from JS (an object, JSON or TOML text); it has no attribute.
    Bank,
}

impl OptionType {
    /// The name used in the generated JS.
    pub fn name(self) -> &'static str {
        match self {
            OptionType::Enum => "enum",
            OptionType::List => "list",
            OptionType::Count => "count",
            OptionType::Seed => "seed",
            OptionType::Text => "text",
            OptionType::Flag => "flag",
            OptionType::Bank => "bank",
        }
    }
}

/// One option of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionSpec {
    /// The JS option name (`activityId`).
    pub key: &'static str,
    /// The HTML attribute (`activity-id`); empty for an option set only from JS.
    pub attribute: &'static str,
    /// How the value is written.
    pub kind: OptionType,
    /// The valid values of an enum or list; empty when open (slugs, ids, numbers, text).
    pub values: &'static [&'static str],
    /// The default, as written in an attribute ("" means none).
    pub default: &'static str,
}

/// Themes: `page` follows the host page's background.
pub const THEMES: &[&str] = &["page", "light", "dark", "auto"];
/// Interface languages.
pub const LANGS: &[&str] = &["en", "de", "es"];
/// Modes (study mode comes later).
pub const MODES: &[&str] = &["quiz"];
/// Values of `filters`.
pub const FILTERS: &[&str] = &["visible", "hidden"];

const DIFFICULTY: OptionSpec = OptionSpec {
    key: "difficulty",
    attribute: "difficulty",
    kind: OptionType::List,
    values: &["easy", "medium", "hard"],
    default: "",
};

const TOPICS: OptionSpec = OptionSpec {
    key: "topics",
    attribute: "topics",
    kind: OptionType::List,
    values: &[],
    default: "",
};

const COUNT: OptionSpec = OptionSpec {
    key: "count",
    attribute: "count",
    kind: OptionType::Count,
    values: &[],
    default: "10",
};

const SEED: OptionSpec = OptionSpec {
    key: "seed",
    attribute: "seed",
    kind: OptionType::Seed,
    values: &[],
    default: "",
};

const IDS: OptionSpec = OptionSpec {
    key: "ids",
    attribute: "ids",
    kind: OptionType::List,
    values: &[],
    default: "",
};

const FILTERS_OPTION: OptionSpec = OptionSpec {
    key: "filters",
    attribute: "filters",
    kind: OptionType::Enum,
    values: FILTERS,
    default: "visible",
};

const THEME: OptionSpec = OptionSpec {
    key: "theme",
    attribute: "theme",
    kind: OptionType::Enum,
    values: THEMES,
    default: "page",
};

const LANG: OptionSpec = OptionSpec {
    key: "lang",
    attribute: "lang",
    kind: OptionType::Enum,
    values: LANGS,
    default: "",
};

const MODE: OptionSpec = OptionSpec {
    key: "mode",
    attribute: "mode",
    kind: OptionType::Enum,
    values: MODES,
    default: "quiz",
};

const ACTIVITY_ID: OptionSpec = OptionSpec {
    key: "activityId",
    attribute: "activity-id",
    kind: OptionType::Text,
    values: &[],
    default: "",
};

const BANK: OptionSpec = OptionSpec {
    key: "bank",
    attribute: "",
    kind: OptionType::Bank,
    values: &[],
    default: "",
};

const BANK_SRC: OptionSpec = OptionSpec {
    key: "bankSrc",
    attribute: "bank-src",
    kind: OptionType::Text,
    values: &[],
    default: "",
};

const INCLUDE_BUILTIN: OptionSpec = OptionSpec {
    key: "includeBuiltin",
    attribute: "include-builtin",
    kind: OptionType::Flag,
    values: &["true", "false"],
    default: "false",
};

/// Every option, in the order the README lists them.
pub const OPTIONS: &[OptionSpec] = &[
    DIFFICULTY,
    TOPICS,
    COUNT,
    SEED,
    IDS,
    FILTERS_OPTION,
    THEME,
    LANG,
    MODE,
    ACTIVITY_ID,
    BANK,
    BANK_SRC,
    INCLUDE_BUILTIN,
];

/// Every option, parsed and checked.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Options {
    /// Difficulties (empty: all).
    pub difficulties: Vec<Difficulty>,
    /// Topic or category slugs (empty: all).
    pub topics: Vec<String>,
    /// How many questions.
    pub count: Count,
    /// A fixed seed.
    pub seed: Option<u32>,
    /// Pinned question ids, in order.
    pub ids: Vec<String>,
    /// Whether the filter bar is hidden.
    pub filters_hidden: bool,
    /// The theme, one of [`THEMES`].
    pub theme: &'static str,
    /// The interface language, one of [`LANGS`]: the `lang` option, else the page's language
    /// when supported, else English.
    pub lang: &'static str,
    /// The mode, one of [`MODES`].
    pub mode: &'static str,
    /// Whether a custom bank gets the built-in bank added.
    pub include_builtin: bool,
}

/// The language of a BCP 47 tag (`de`, `de-AT`, `ES`), if supported.
pub fn lang_of(tag: &str) -> Option<&'static str> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    LANGS.iter().copied().find(|l| *l == primary)
}

fn one_of(spec: &OptionSpec, value: &str) -> Result<&'static str, AttrError> {
    let v = value.trim().to_ascii_lowercase();
    if v.is_empty() {
        return Ok(spec.default);
    }
    spec.values
        .iter()
        .copied()
        .find(|x| *x == v)
        .ok_or_else(|| AttrError {
            attribute: spec.attribute,
            value: value.to_string(),
            expected: spec.values.join(", "),
        })
}

impl Options {
    /// Parses every option from `get(key)` (absent or empty means the default).
    /// `page_lang` is the host page's language, used when `lang` is not given.
    ///
    /// # Errors
    /// The first invalid value, naming its attribute and what it accepts.
    pub fn parse(
        get: impl Fn(&str) -> Option<String>,
        topics: &[TopicInfo],
        page_lang: Option<&str>,
    ) -> Result<Options, AttrError> {
        let value = |key: &str| get(key).unwrap_or_default();
        let lang = match get("lang").filter(|v| !v.trim().is_empty()) {
            Some(v) => lang_of(&v).ok_or_else(|| AttrError {
                attribute: "lang",
                value: v.clone(),
                expected: format!(
                    "{} (or a tag such as de-AT); without it the page's language",
                    LANGS.join(", ")
                ),
            })?,
            None => page_lang.and_then(lang_of).unwrap_or("en"),
        };
        Ok(Options {
            difficulties: attrs::difficulties(&value("difficulty"))?,
            topics: attrs::topics(&value("topics"), topics)?,
            count: attrs::count(&value("count"))?,
            seed: attrs::seed(&value("seed"))?,
            ids: attrs::ids(&value("ids"))?,
            filters_hidden: one_of(&FILTERS_OPTION, &value("filters"))? == "hidden",
            theme: one_of(&THEME, &value("theme"))?,
            lang,
            mode: one_of(&MODE, &value("mode"))?,
            include_builtin: one_of(&INCLUDE_BUILTIN, &value("includeBuiltin"))? == "true",
        })
    }
}

/// The JS module `crates/quiz-web/js/options.js`, generated from [`OPTIONS`].
pub fn options_js() -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"));
    let mut out = String::from(
        "// Generated from quiz-core's option schema (crates/quiz-core/src/options.rs); do not edit.\n\
         // Regenerate: UPDATE_GENERATED=1 cargo test -p quiz-core --test generated\n\
         /** Every option of <quiz-widget> and mount(): JS key, attribute, type, valid values, default. */\n\
         export const OPTIONS = Object.freeze([\n",
    );
    for s in OPTIONS {
        let values: Vec<String> = s.values.iter().map(|v| quote(v)).collect();
        out.push_str(&format!(
            "  Object.freeze({{ key: {}, attribute: {}, type: {}, values: Object.freeze([{}]), default: {} }}),\n",
            quote(s.key),
            quote(s.attribute),
            quote(s.kind.name()),
            values.join(", "),
            quote(s.default),
        ));
    }
    out.push_str("]);\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)], page: Option<&str>) -> Result<Options, AttrError> {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        Options::parse(
            |k| owned.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone()),
            &[],
            page,
        )
    }

    #[test]
    fn absent_options_are_the_defaults() {
        let o = parse(&[], None).unwrap();
        assert_eq!(o.count, Count::Total(10));
        assert_eq!((o.theme, o.lang, o.mode), ("page", "en", "quiz"));
        assert!(!o.filters_hidden);
        assert_eq!(o.seed, None);
    }

    #[test]
    fn every_enum_rejects_an_unknown_value_naming_the_attribute_and_its_values() {
        for (key, attribute, values) in [
            ("theme", "theme", "page, light, dark, auto"),
            ("mode", "mode", "quiz"),
            ("filters", "filters", "visible, hidden"),
        ] {
            let e = parse(&[(key, "purple")], None).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("{attribute}=\"purple\" is not valid: {values}")
            );
        }
        let e = parse(&[("lang", "fr")], Some("de")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("lang=\"fr\" is not valid: en, de, es")
        );
    }

    #[test]
    fn include_builtin_is_a_flag() {
        assert!(!parse(&[], None).unwrap().include_builtin);
        assert!(
            parse(&[("includeBuiltin", "true")], None)
                .unwrap()
                .include_builtin
        );
        assert!(
            !parse(&[("includeBuiltin", "false")], None)
                .unwrap()
                .include_builtin
        );
        let e = parse(&[("includeBuiltin", "yes")], None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "include-builtin=\"yes\" is not valid: true, false"
        );
    }

    #[test]
    fn lang_comes_from_the_option_then_the_page_then_english() {
        assert_eq!(parse(&[("lang", "de-AT")], Some("es")).unwrap().lang, "de");
        assert_eq!(parse(&[], Some("es-MX")).unwrap().lang, "es");
        assert_eq!(
            parse(&[], Some("fr")).unwrap().lang,
            "en",
            "an unsupported page is not an error"
        );
    }

    #[test]
    fn a_count_mix_that_overflows_is_an_error_naming_count() {
        let e = parse(&[("count", "easy:4294967295,hard:1")], None).unwrap_err();
        assert_eq!(e.attribute, "count");
        let e = parse(&[("seed", "99999999999999999999")], None).unwrap_err();
        assert_eq!(e.attribute, "seed");
    }

    #[test]
    fn every_key_and_attribute_is_unique_and_kebab_or_camel() {
        for (i, a) in OPTIONS.iter().enumerate() {
            for b in OPTIONS.iter().skip(i + 1) {
                assert_ne!(a.key, b.key);
                assert!(a.attribute.is_empty() || a.attribute != b.attribute);
            }
            if a.attribute.is_empty() {
                assert_eq!(
                    a.kind,
                    OptionType::Bank,
                    "only the JS bank object has no attribute"
                );
                continue;
            }
            let camel: String = a
                .attribute
                .split('-')
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 {
                        w.to_string()
                    } else {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                            .unwrap_or_default()
                    }
                })
                .collect();
            assert_eq!(camel, a.key, "the key is the camelCase attribute");
        }
    }
}
