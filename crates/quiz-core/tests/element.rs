//! The tables of `quiz_core::element` cannot drift from the code that uses each name: every
//! `part` of quiz-yew's components and the JS wrapper, every `--quiz-*` property of styles.js,
//! every event fired, and every function `index.d.ts` declares is in its table, and the
//! tables name nothing that is gone.

use quiz_core::element::{
    CLASS, CSS_PARTS, CSS_PROPERTIES, ELEMENT_FIELDS, ELEMENT_STATIC_METHODS, EVENTS, FUNCTIONS,
    MODULE, OPTIONS_EXPORT, TAG,
};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// A file of the repository, named in the error when it cannot be read.
fn read(path: &str) -> std::io::Result<String> {
    std::fs::read_to_string(repo(path))
        .map_err(|e| std::io::Error::new(e.kind(), format!("{path}: {e}")))
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(rust_files(&path)?);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(out)
}

/// What follows each `open` in `text` up to the next `close`.
fn between<'a>(text: &'a str, open: &str, close: char) -> Vec<&'a str> {
    text.match_indices(open)
        .filter_map(|(at, _)| {
            let rest = &text[at + open.len()..];
            rest.find(close).map(|end| &rest[..end])
        })
        .collect()
}

fn set<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(str::to_string).collect()
}

#[test]
fn every_part_in_the_shadow_tree_is_in_css_parts_and_no_other() {
    let mut used = BTreeSet::new();
    for file in rust_files(&repo("crates/quiz-yew/src")).unwrap() {
        let text = std::fs::read_to_string(&file).unwrap();
        let shown = file.display();
        // A part set any other way than `part="name"` would escape this test.
        for (i, line) in text.lines().enumerate() {
            let dynamic = line.contains("part={") || line.contains("\"part\"");
            assert!(
                !dynamic,
                "{shown}:{}: write the part as part=\"name\", so this test sees it",
                i + 1
            );
        }
        used.extend(set(between(&text, " part=\"", '"')));
    }
    let js = read("crates/quiz-web/js/quiz-widget.js").unwrap();
    assert!(
        !js.contains("'part'") && !js.contains(".part ="),
        "quiz-widget.js: set parts as `part: 'name'` in el()'s props, so this test sees them"
    );
    used.extend(set(between(&js, "part: '", '\'')));
    assert!(used.contains("button") && used.contains("root"), "{used:?}");
    let table = set(CSS_PARTS.iter().map(|p| p.name));
    assert_eq!(
        table, used,
        "quiz_core::element::CSS_PARTS differs from the parts in crates/quiz-yew/src and quiz-widget.js"
    );
}

#[test]
fn every_custom_property_of_styles_js_is_in_css_properties_and_no_other() {
    let css = read("crates/quiz-web/js/styles.js").unwrap();
    let used: BTreeSet<String> = css
        .match_indices("--quiz-")
        .filter_map(|(at, _)| {
            let name: String = css[at..]
                .chars()
                .skip(2)
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            let name = name.trim_end_matches('-');
            (name != "quiz").then(|| format!("--{name}"))
        })
        .collect();
    assert!(used.contains("--quiz-accent"), "{used:?}");
    let table = set(CSS_PROPERTIES.iter().map(|p| p.name));
    assert_eq!(
        table, used,
        "quiz_core::element::CSS_PROPERTIES differs from the --quiz-* properties of styles.js"
    );
}

#[test]
fn every_event_fired_and_typed_is_in_events_with_its_detail_type() {
    let dts = read("crates/quiz-web/js/index.d.ts").unwrap();
    let typed: BTreeSet<String> = dts
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("'quiz-") && l.contains(": CustomEvent<"))
        .map(str::to_string)
        .collect();
    let table: BTreeSet<String> = EVENTS
        .iter()
        .map(|e| format!("'{}': CustomEvent<{}>;", e.name, e.detail))
        .collect();
    assert_eq!(
        table, typed,
        "EVENTS differs from index.d.ts's QuizEventMap"
    );

    let names = set(EVENTS.iter().map(|e| e.name));
    let core = read("crates/quiz-core/src/event.rs").unwrap();
    let js = read("crates/quiz-web/js/quiz-widget.js").unwrap();
    let fired = set(between(&core, "=> \"quiz-", '"').into_iter().chain(between(
        &js,
        "CustomEvent('quiz-",
        '\'',
    )));
    let fired: BTreeSet<String> = fired.iter().map(|n| format!("quiz-{n}")).collect();
    assert_eq!(
        names, fired,
        "EVENTS differs from the events quiz-core and quiz-widget.js fire"
    );
}

#[test]
fn the_functions_and_the_element_match_index_d_ts_and_quiz_widget_js() {
    let dts = read("crates/quiz-web/js/index.d.ts").unwrap();
    let declared: BTreeSet<String> = dts
        .lines()
        .filter(|l| l.starts_with("export declare function "))
        .map(str::to_string)
        .collect();
    let table: BTreeSet<String> = FUNCTIONS
        .iter()
        .map(|f| {
            let (name, params, returns) = (f.name, f.params_ts(), f.returns);
            format!("export declare function {name}({params}): {returns};")
        })
        .collect();
    assert_eq!(
        table, declared,
        "FUNCTIONS differs from index.d.ts's functions"
    );
    let (name, ty) = (OPTIONS_EXPORT.name, OPTIONS_EXPORT.ty);
    assert!(dts.contains(&format!("export declare const {name}: {ty};\n")));
    assert!(dts.contains(&format!("export declare class {CLASS} extends HTMLElement")));
    assert!(dts.contains(&format!("'{TAG}': {CLASS};")));
    for f in ELEMENT_FIELDS {
        let readonly = if f.readonly { "readonly " } else { "" };
        let line = format!("  {readonly}{}: {};\n", f.name, f.ty);
        assert!(dts.contains(&line), "index.d.ts lacks {line:?}");
    }
    for m in ELEMENT_STATIC_METHODS {
        let line = format!("  static {}({}): {};\n", m.name, m.params_ts(), m.returns);
        assert!(dts.contains(&line), "index.d.ts lacks {line:?}");
    }

    // The runtime exports the same names, from the module the manifest names.
    let js = read("crates/quiz-web/js/quiz-widget.js").unwrap();
    let mut exported = BTreeSet::new();
    for line in js.lines() {
        let rest = line
            .strip_prefix("export async function ")
            .or_else(|| line.strip_prefix("export function "))
            .or_else(|| line.strip_prefix("export class "));
        if let Some(rest) = rest {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            exported.insert(name);
        } else if let Some(list) = line.strip_prefix("export {") {
            let list = list.split('}').next().unwrap_or_default();
            exported.extend(list.split(',').map(|n| n.trim().to_string()));
        }
    }
    let mut want = set(FUNCTIONS.iter().map(|f| f.name));
    want.insert(CLASS.to_string());
    want.insert(OPTIONS_EXPORT.name.to_string());
    assert_eq!(
        want, exported,
        "the manifest's exports differ from quiz-widget.js's"
    );
    assert!(js.contains(&format!("static define(tag = '{TAG}'")));
    let package = read("crates/quiz-web/npm/package.json").unwrap();
    assert!(package.contains(&format!("\"main\": \"./{MODULE}\"")));
}
