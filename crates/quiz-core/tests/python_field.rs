//! The optional `python` version range of a question: read from a bank file, carried through
//! the embedded encoding, exported as JSON, and matched against interpreter versions.

use quiz_core::codec::{decode_topic, encode_topic};
use quiz_core::parse::{Source, load_sources};

const CATEGORIES: &str = "[[category]]\nslug = \"basics\"\ntitle = \"Basics\"\n";

fn question(id: &str, python: Option<&str>) -> String {
    let python = python.map_or(String::new(), |p| format!("python = \"{p}\"\n"));
    format!(
        "\n[[question]]\nid = \"{id}\"\ndifficulty = \"easy\"\nkind = \"true-false\"\n\
         tags = [\"t\"]\n{python}prompt = \"Is it?\"\nexplanation = \"Because.\"\nanswer = true\n"
    )
}

fn bank() -> Result<quiz_core::parse::Bank, Vec<quiz_core::parse::ContentError>> {
    let topic = format!(
        "[topic]\nslug = \"topic\"\ntitle = \"T\"\ncategory = \"basics\"\n{}{}{}",
        question("needs-312", Some(">=3.12")),
        question("any-version", None),
        question("only-311-312", Some(">= 3.11, <3.13")),
    );
    let sources = [
        Source {
            shown: "b/categories.toml".into(),
            rel: "categories.toml".into(),
            bytes: CATEGORIES.into(),
        },
        Source {
            shown: "b/python/basics/topic.toml".into(),
            rel: "python/basics/topic.toml".into(),
            bytes: topic.into_bytes(),
        },
    ];
    load_sources(&sources, "b")
}

#[test]
fn the_range_is_read_matched_encoded_and_exported() {
    let bank = bank().unwrap();
    let qs = &bank.topics[0].questions;
    let ranges: Vec<Option<String>> = qs
        .iter()
        .map(|q| q.python.as_ref().map(ToString::to_string))
        .collect();
    assert_eq!(
        ranges,
        vec![Some(">=3.12".into()), None, Some(">=3.11,<3.13".into())]
    );

    let needs_312 = qs[0].python.as_ref().unwrap();
    assert!(!needs_312.matches((3, 11)));
    assert!(needs_312.matches((3, 12)) && needs_312.matches((3, 13)));
    assert_eq!(needs_312.label(), "3.12+");
    let only = qs[2].python.as_ref().unwrap();
    assert!(only.matches((3, 11)) && only.matches((3, 12)) && !only.matches((3, 13)));

    // The embedded form keeps it (tags are not embedded).
    let mut expected = qs.clone();
    for q in &mut expected {
        q.tags.clear();
    }
    assert_eq!(
        decode_topic(&encode_topic(qs), "topic", "basics"),
        Some(expected)
    );

    // `quiz-bank export --format json` emits it when set, and only then.
    let json = serde_json::to_value(qs).unwrap();
    assert_eq!(json[0]["python"], ">=3.12");
    assert!(json[1].get("python").is_none());
    assert_eq!(json[2]["python"], ">=3.11,<3.13");
}
