//! Files generated from quiz-core's definitions stay current: the JS wrapper's option list
//! is derived from `quiz_core::OPTIONS`. Regenerate with
//! `UPDATE_GENERATED=1 cargo test -p quiz-core --test generated`.

use std::path::Path;

#[test]
fn options_js_is_generated_from_the_core_schema() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../quiz-web/js/options.js");
    let want = quiz_core::options::options_js();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is out of date: run UPDATE_GENERATED=1 cargo test -p quiz-core --test generated",
        path.display()
    );
}
