//! Files generated from quiz-core's definitions stay current: the JS wrapper's option list
//! is derived from `quiz_core::OPTIONS`, and the npm package's custom-elements manifest, VS Code
//! HTML custom data and template types (`js/types/attributes.d.ts`) from `OPTIONS` and
//! `quiz_core::element`. Regenerate with
//! `UPDATE_GENERATED=1 cargo test -p quiz-core --test generated`.

use std::path::Path;

/// Fails when `path` (from this crate's folder) differs from `want`; writes it first when
/// `UPDATE_GENERATED` is set.
fn check_generated(path: &str, want: &str) -> std::io::Result<()> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, want)?;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is out of date: run UPDATE_GENERATED=1 cargo test -p quiz-core --test generated",
        path.display()
    );
    Ok(())
}

#[test]
fn options_js_is_generated_from_the_core_schema() {
    check_generated(
        "../quiz-web/js/options.js",
        &quiz_core::options::options_js(),
    )
    .unwrap();
}

#[test]
fn custom_elements_json_is_generated_from_the_core_schema() {
    let want = quiz_core::element::custom_elements_json();
    serde_json::from_str::<serde_json::Value>(&want).expect("the manifest is JSON");
    check_generated("../quiz-web/npm/custom-elements.json", &want).unwrap();
}

#[test]
fn html_custom_data_json_is_generated_from_the_core_schema() {
    let want = quiz_core::element::html_custom_data_json();
    serde_json::from_str::<serde_json::Value>(&want).expect("the custom data is JSON");
    check_generated("../quiz-web/npm/html-custom-data.json", &want).unwrap();
}

#[test]
fn template_attribute_types_are_generated_from_the_core_schema() {
    check_generated(
        "../quiz-web/js/types/attributes.d.ts",
        &quiz_core::element::attributes_d_ts(),
    )
    .unwrap();
}
