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
    /// On or off: the two [`OptionSpec::values`] (on first); a present but empty attribute
    /// means on.
    Flag,
    /// A number between the two [`OptionSpec::values`], inclusive.
    Number,
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
            OptionType::Number => "number",
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
/// Modes: a quiz; a spaced-repetition study session; the questions answered wrong.
pub const MODES: &[&str] = &["quiz", "study", "mistakes"];
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

const PERSIST: OptionSpec = OptionSpec {
    key: "persist",
    attribute: "persist",
    kind: OptionType::Flag,
    values: &["on", "off"],
    default: "on",
};

const RETENTION: OptionSpec = OptionSpec {
    key: "retention",
    attribute: "retention",
    kind: OptionType::Number,
    values: &["0.70", "0.97"],
    default: "0.9",
};

const NEW_PER_DAY: OptionSpec = OptionSpec {
    key: "newPerDay",
    attribute: "new-per-day",
    kind: OptionType::Number,
    values: &["0", "1000"],
    default: "10",
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
    PERSIST,
    RETENTION,
    NEW_PER_DAY,
    ACTIVITY_ID,
    BANK,
    BANK_SRC,
    INCLUDE_BUILTIN,
];

/// Every option, parsed and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Whether the quiz in progress and the review history are kept in the browser.
    pub persist: bool,
    /// The desired retention of study mode, in thousandths (700 to 970).
    pub retention_permille: u16,
    /// How many new questions study mode introduces per day.
    pub new_per_day: u32,
    /// Whether a custom bank gets the built-in bank added.
    pub include_builtin: bool,
}

impl Default for Options {
    /// What an element with no attributes gets.
    fn default() -> Options {
        Options {
            difficulties: Vec::new(),
            topics: Vec::new(),
            count: attrs::DEFAULT_COUNT,
            seed: None,
            ids: Vec::new(),
            filters_hidden: false,
            theme: "page",
            lang: "en",
            mode: "quiz",
            persist: true,
            retention_permille: 900,
            new_per_day: 10,
            include_builtin: false,
        }
    }
}

impl Options {
    /// The desired retention of study mode, from 0.70 to 0.97.
    pub fn retention(&self) -> f64 {
        f64::from(self.retention_permille) / 1000.0
    }

    /// What decides which quiz is drawn, as text: the filters, count, seed, ids and mode,
    /// not the look. Two widgets with the same identity on one page path share a saved quiz.
    pub fn identity(&self) -> String {
        let difficulties: Vec<String> = self.difficulties.iter().map(|d| d.to_string()).collect();
        let count = match self.count {
            Count::All => "all".to_string(),
            Count::Total(n) => n.to_string(),
            Count::Mix(m) => m.map(|n| n.to_string()).join(":"),
        };
        format!(
            "d={};t={};c={};s={};i={};m={};f={}",
            difficulties.join(","),
            self.topics.join(","),
            count,
            self.seed.map(|s| s.to_string()).unwrap_or_default(),
            self.ids.join(","),
            self.mode,
            if self.filters_hidden {
                "hidden"
            } else {
                "visible"
            },
        )
    }
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

/// A flag: its first value (or `true`) is on, its second (or `false`) off.
fn flag(spec: &OptionSpec, value: &str) -> Result<bool, AttrError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" => Ok(spec.values.first() == Some(&spec.default)),
        "true" => Ok(true),
        "false" => Ok(false),
        v => spec
            .values
            .iter()
            .position(|x| *x == v)
            .map(|i| i == 0)
            .ok_or_else(|| AttrError {
                attribute: spec.attribute,
                value: value.to_string(),
                expected: spec.values.join(", "),
            }),
    }
}

/// A non-negative decimal such as `0.85` or `12`, as a whole number of `10^-decimals` units
/// (`0.85` with 3 decimals is 850); `None` when it is not one or has more decimals. Written
/// out rather than `str::parse::<f64>`, which would link float parsing into the widget.
fn fixed_point(s: &str, decimals: u32) -> Option<u32> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    let frac = frac.trim_end_matches('0').as_bytes();
    if frac.len() > decimals as usize {
        return None;
    }
    let mut n: u32 = if int.is_empty() { 0 } else { int.parse().ok()? };
    for i in 0..decimals as usize {
        let d = frac.get(i).map_or(0, |b| u32::from(b - b'0'));
        n = n.checked_mul(10)?.checked_add(d)?;
    }
    Some(n)
}

/// A number within the spec's bounds (its two values), in `10^-decimals` units.
fn number(spec: &OptionSpec, value: &str, decimals: u32) -> Result<u32, AttrError> {
    let v = value.trim();
    let v = if v.is_empty() { spec.default } else { v };
    let bound = |i: usize| {
        spec.values
            .get(i)
            .and_then(|b| fixed_point(b, decimals))
            .unwrap_or(0)
    };
    match fixed_point(v, decimals) {
        Some(n) if n >= bound(0) && n <= bound(1) => Ok(n),
        _ => Err(AttrError {
            attribute: spec.attribute,
            value: value.to_string(),
            expected: format!(
                "{} from {} to {}",
                if decimals == 0 {
                    "a whole number"
                } else {
                    "a number"
                },
                spec.values.first().copied().unwrap_or_default(),
                spec.values.get(1).copied().unwrap_or_default()
            ),
        }),
    }
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
            persist: flag(&PERSIST, &value("persist"))?,
            retention_permille: u16::try_from(number(&RETENTION, &value("retention"), 3)?)
                .unwrap_or(900),
            new_per_day: number(&NEW_PER_DAY, &value("newPerDay"), 0)?,
            include_builtin: flag(&INCLUDE_BUILTIN, &value("includeBuiltin"))?,
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
            ("mode", "mode", "quiz, study, mistakes"),
            ("persist", "persist", "on, off"),
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
    fn study_options_have_defaults_and_bounds() {
        let o = parse(&[], None).unwrap();
        assert_eq!(
            (o.persist, o.retention_permille, o.new_per_day),
            (true, 900, 10)
        );
        let o = parse(
            &[
                ("persist", "off"),
                ("retention", "0.85"),
                ("newPerDay", "0"),
            ],
            None,
        )
        .unwrap();
        assert_eq!(
            (o.persist, o.retention_permille, o.new_per_day),
            (false, 850, 0)
        );
        assert!(!parse(&[("persist", "false")], None).unwrap().persist);
        assert_eq!(
            parse(&[("retention", ".875")], None)
                .unwrap()
                .retention_permille,
            875
        );
        assert_eq!(
            parse(&[("retention", "0.70")], None)
                .unwrap()
                .retention_permille,
            700
        );
        for (key, value, message) in [
            (
                "retention",
                "0.5",
                "retention=\"0.5\" is not valid: a number from 0.70 to 0.97",
            ),
            (
                "retention",
                "high",
                "retention=\"high\" is not valid: a number from 0.70 to 0.97",
            ),
            (
                "newPerDay",
                "2.5",
                "new-per-day=\"2.5\" is not valid: a whole number from 0 to 1000",
            ),
            (
                "newPerDay",
                "-1",
                "new-per-day=\"-1\" is not valid: a whole number from 0 to 1000",
            ),
        ] {
            assert_eq!(
                parse(&[(key, value)], None).unwrap_err().to_string(),
                message
            );
        }
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
