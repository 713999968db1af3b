//! Custom banks in one file (issue 16): the TOML and JSON spellings read to the same bank, with
//! the rules of the build; malformed banks report exactly their errors with their places; the
//! limits; and the compiled blob the widget decodes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use quiz_core::codec::{self, decode_bank, encode_bank};
use quiz_core::parse::{
    Bank, ContentError, MAX_BANK_BYTES, MAX_BANK_QUESTIONS, Source, is_json, load_bank_text,
    load_dir, load_path, load_sources,
};
use quiz_core::{BlobBank, Count, Difficulty, Kind, QuestionBank, Selection};

fn banks() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/banks")
}

/// A file of tests/banks; empty when missing (and then not a valid bank).
fn read(name: &str) -> String {
    std::fs::read_to_string(banks().join(name)).unwrap_or_default()
}

fn lines(errors: &[ContentError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

fn load(text: &str, name: &str) -> Result<Bank, String> {
    load_bank_text(text, name).map_err(|e| lines(&e).join("\n"))
}

fn content() -> Result<Bank, String> {
    let dir = std::env::var_os("QUIZ_CONTENT_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"),
        PathBuf::from,
    );
    load_dir(&dir, "content").map_err(|e| lines(&e).join("\n"))
}

#[test]
fn week3_reads_the_same_from_toml_and_json_with_every_kind_and_difficulty() {
    let toml = load(&read("week3.toml"), "week3.toml").unwrap();
    let json = load(&read("week3.json"), "week3.json").unwrap();
    assert_eq!(toml, json);
    assert_eq!(toml.len(), 8);
    let topics: Vec<(&str, &str, [u32; 3])> = toml
        .topics
        .iter()
        .map(|t| {
            (
                t.info.slug.as_str(),
                t.info.category.as_str(),
                t.info.counts,
            )
        })
        .collect();
    assert_eq!(
        topics,
        [
            ("function-arguments", "functions", [1, 2, 1]),
            ("working-with-files", "files", [2, 1, 1]),
        ]
    );
    let kinds: BTreeSet<&str> = toml.questions().map(|q| q.kind().as_str()).collect();
    assert_eq!(kinds.len(), Kind::ALL.len(), "{kinds:?}");
    // Output both picked and typed.
    let outputs: Vec<usize> = toml
        .questions()
        .filter(|q| q.kind() == Kind::Output)
        .map(|q| q.answer.choices().len())
        .collect();
    assert!(
        outputs.contains(&0) && outputs.iter().any(|&n| n > 0),
        "{outputs:?}"
    );
    // A question's topic and category come from its topic.
    for t in &toml.topics {
        for q in &t.questions {
            assert_eq!((&q.topic, &q.category), (&t.info.slug, &t.info.category));
        }
    }
}

#[test]
fn malformed_banks_report_exactly_their_errors_with_places() {
    for (name, pointer) in [("malformed.toml", false), ("malformed.json", true)] {
        let expected = read(&format!("{name}.txt"));
        let expected: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        let errors = load_bank_text(&read(name), name).unwrap_err();
        assert_eq!(lines(&errors), expected, "{name}");
        for e in &errors {
            let info = e.info();
            assert!(info.id.is_some(), "{e}");
            assert!(!info.message.is_empty() && e.to_string().ends_with(&info.message));
            if pointer {
                assert!(
                    info.pointer
                        .as_deref()
                        .is_some_and(|p| p.starts_with("/questions/"))
                );
                assert_eq!((info.line, info.col), (None, None), "{e}");
            } else {
                assert!(info.line.is_some_and(|l| l > 1) && info.col.is_some_and(|c| c >= 1));
                assert_eq!(info.pointer, None, "{e}");
            }
        }
    }
}

#[test]
fn the_built_in_bank_round_trips_through_json_and_toml() {
    let bank = content().unwrap();
    let json = bank.to_json();
    assert!(is_json(&json));
    assert_eq!(load(&json, "bank.json").unwrap(), bank);
    let toml = bank.to_toml();
    assert!(!is_json(&toml));
    assert_eq!(load(&toml, "bank.toml").unwrap(), bank);
    // The export is one object whose questions are the array exported before issue 16.
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let questions = value["questions"].as_array().unwrap();
    assert_eq!(questions.len(), bank.len());
    assert_eq!(
        value["categories"].as_array().unwrap().len(),
        bank.categories.len()
    );
    assert_eq!(
        value["topics"][0]["slug"],
        bank.topics[0].info.slug.as_str()
    );
    assert!(
        questions
            .iter()
            .all(|q| q["category"].is_string() && q["tags"].is_array())
    );
}

#[test]
fn the_single_file_example_in_the_format_docs_validates() {
    let readme = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/README.md"),
    )
    .unwrap_or_default();
    let examples: Vec<&str> = readme
        .split("```toml\n")
        .skip(1)
        .filter_map(|block| block.split("\n```").next())
        .filter(|block| block.contains("[[category]]") && block.contains("[[question]]"))
        .collect();
    assert_eq!(examples.len(), 1);
    let bank = load(examples[0], "example.toml").unwrap();
    assert_eq!((bank.topics.len(), bank.len()), (1, 1));
}

#[test]
fn a_path_is_a_folder_or_a_bank_file() {
    let file = load_path(&banks().join("week3.toml"), "week3.toml").unwrap();
    assert_eq!(file.len(), 8);
    let errors = load_path(&banks().join("missing.json"), "missing.json").unwrap_err();
    assert!(lines(&errors)[0].starts_with("missing.json:1:1: cannot read file: "));
}

#[test]
fn json_syntax_and_shape_errors_name_their_place() {
    let errors = load_bank_text("{\n  \"categories\": [,]\n}", "b.json").unwrap_err();
    assert_eq!(
        lines(&errors),
        ["b.json:2:18: invalid JSON: expected value"]
    );
    assert_eq!(errors[0].info().line, Some(2));

    let errors = load_bank_text("  {\"questions\": 3, \"extra\": 1}", "b.json").unwrap_err();
    assert_eq!(
        lines(&errors),
        [
            "b.json:1:1: `categories` is missing or empty: declare at least one {\"slug\", \"title\"}",
            "b.json:1:1: `topics` is missing or empty: declare at least one {\"slug\", \"title\", \"category\"}",
            "b.json:1:1: `questions` is missing or empty: the bank has no questions",
            "b.json: /questions: invalid type: number `3`, expected an array",
            "b.json: /extra: unknown field `extra`, expected one of `$schema`, `categories`, `topics`, `questions`",
        ]
    );
    let errors = load_bank_text("[1]", "b.json").unwrap_err();
    // Not `{` first: read as TOML.
    assert_eq!(
        lines(&errors),
        [
            "b.json:1:2: invalid TOML: unknown field `1`, expected one of `category`, `topic`, `question`"
        ]
    );
    let errors = load_bank_text("{\"questions\": [[]]}", "b.json").unwrap_err();
    assert!(lines(&errors).contains(
        &"b.json: /questions/0: invalid type: array, expected a question object".to_string()
    ));
}

#[test]
fn a_bank_over_the_limits_is_one_clear_error() {
    let big = format!("# {}\n", "x".repeat(MAX_BANK_BYTES));
    let errors = load_bank_text(&big, "big.toml").unwrap_err();
    assert_eq!(
        lines(&errors),
        [format!(
            "big.toml:1:1: the bank is {} bytes; the limit is 5000000 bytes (5 MB)",
            big.len()
        )]
    );
    let n = MAX_BANK_QUESTIONS + 1;
    let toml = "[[question]]\nid = \"q\"\n".repeat(n);
    assert_eq!(
        lines(&load_bank_text(&toml, "many.toml").unwrap_err()),
        [format!(
            "many.toml:1:1: the bank has {n} questions; the limit is 10000"
        )]
    );
    let json = format!("{{\"questions\": [{}{{}}]}}", "{},".repeat(n - 1));
    assert_eq!(
        lines(&load_bank_text(&json, "many.json").unwrap_err()),
        [format!(
            "many.json: /questions: the bank has {n} questions; the limit is 10000"
        )]
    );
}

#[test]
fn a_byte_order_mark_and_leading_blanks_are_allowed() {
    let json = format!("\u{feff}\n  {}", read("week3.json"));
    assert!(is_json(&json));
    assert_eq!(load(&json, "w.json").unwrap().len(), 8);
    let toml = format!("\u{feff}{}", read("week3.toml"));
    assert_eq!(load(&toml, "w.toml").unwrap().len(), 8);
}

#[test]
fn single_file_rules_topics_categories_and_references() {
    let bank = |body: &str| -> Vec<String> {
        let text = format!(
            "[[category]]\nslug = \"c\"\ntitle = \"C\"\n\n{body}\n\n[[question]]\nid = \"q\"\n\
             topic = \"t\"\ncategory = \"d\"\ndifficulty = \"easy\"\nkind = \"true-false\"\n\
             tags = [\"x\"]\nprompt = \"P.\"\nanswer = true\nexplanation = \"E.\"\n"
        );
        load_bank_text(&text, "b.toml")
            .map(|_| Vec::new())
            .unwrap_or_else(|e| lines(&e))
    };
    assert_eq!(
        bank("[[topic]]\nslug = \"t\"\ntitle = \"T\"\ncategory = \"c\""),
        [
            "b.toml:13:12: question \"q\": category \"d\" is not the category of topic \"t\" (\"c\"); leave `category` out, it comes from the topic"
        ]
    );
    assert_eq!(
        bank(
            "[[topic]]\nslug = \"t\"\ntitle = \"T\"\ncategory = \"nope\"\n\n[[topic]]\nslug = \"t\"\ntitle = \"\"\ncategory = \"c\""
        ),
        [
            "b.toml:8:12: unknown category \"nope\", expected one of: c",
            "b.toml:11:8: duplicate topic \"t\"",
            "b.toml:12:9: topic title is empty",
        ]
    );
    assert_eq!(bank(""), ["b.toml:1:1: no [[topic]] declared"]);
}

#[test]
fn a_topic_file_given_as_a_bank_file_is_pointed_at_its_folder() {
    let topic = "# a topic\n[topic]\nslug = \"t\"\ntitle = \"T\"\ncategory = \"c\"\n";
    assert_eq!(
        lines(&load_bank_text(topic, "t.toml").unwrap_err()),
        [
            "t.toml:2:1: [topic] is the table of a topic file in a bank folder (check the folder); \
          a bank in one file declares [[topic]] tables and names each question's `topic`"
        ]
    );
}

#[test]
fn a_topic_file_question_may_not_name_its_topic() {
    let topic = "[topic]\nslug = \"t\"\ntitle = \"T\"\ncategory = \"c\"\n\n[[question]]\nid = \"q\"\n\
                 topic = \"t\"\ndifficulty = \"easy\"\nkind = \"true-false\"\ntags = [\"x\"]\n\
                 prompt = \"P.\"\nanswer = true\nexplanation = \"E.\"\n";
    let source = |rel: &str, text: &str| Source {
        shown: format!("b/{rel}"),
        rel: rel.to_string(),
        bytes: text.as_bytes().to_vec(),
    };
    let errors = load_sources(
        &[
            source(
                "categories.toml",
                "[[category]]\nslug = \"c\"\ntitle = \"C\"\n",
            ),
            source("python/c/t.toml", topic),
        ],
        "b",
    )
    .unwrap_err();
    assert_eq!(
        lines(&errors),
        [
            "b/python/c/t.toml:8:9: question \"q\": `topic` is set by the file's [topic] table, not by a question"
        ]
    );
}

/// Every question of a bank, topic by topic, as the blob keeps it (tags are not embedded).
fn untagged(bank: &Bank) -> Vec<Vec<quiz_core::Question>> {
    bank.topics
        .iter()
        .map(|t| {
            let mut qs = t.questions.clone();
            for q in &mut qs {
                q.tags.clear();
            }
            qs
        })
        .collect()
}

#[test]
fn the_built_in_bank_round_trips_through_one_blob() {
    let bank = content().unwrap();
    let blob = encode_bank(&bank);
    let (categories, topics, blobs) = decode_bank(&blob).unwrap();
    let cats: Vec<(String, String)> = bank
        .categories
        .iter()
        .map(|c| (c.slug.clone(), c.title.clone()))
        .collect();
    assert_eq!(categories, cats);
    let infos: Vec<_> = bank.topics.iter().map(|t| t.info.clone()).collect();
    assert_eq!(topics, infos);
    assert_eq!(blobs.len(), topics.len());

    let custom = BlobBank::new(blob.clone()).unwrap();
    assert_eq!(custom.categories(), cats.as_slice());
    assert_eq!(custom.topics(), infos.as_slice());
    assert_eq!(custom.len(), bank.len());
    let decoded: Vec<_> = custom
        .topics()
        .iter()
        .map(|t| custom.questions(t).unwrap())
        .collect();
    assert_eq!(decoded, untagged(&bank));
    assert_eq!(custom.version(), codec::fingerprint(&blob));
    // A quiz drawn from it has only its questions, every difficulty filter honoured.
    let sel = Selection {
        difficulties: vec![Difficulty::Hard],
        count: Count::All,
        ..Selection::default()
    };
    let quiz = custom.draw(&sel).unwrap();
    let hard = bank
        .questions()
        .filter(|q| q.difficulty == Difficulty::Hard)
        .count();
    assert_eq!(quiz.picks.len(), hard);
}

#[test]
fn a_custom_bank_blob_has_the_version_of_its_content() {
    let week3 = load(&read("week3.json"), "week3.json").unwrap();
    let blob = encode_bank(&week3);
    let a = BlobBank::new(blob.clone()).unwrap();
    assert_eq!(BlobBank::new(blob).unwrap().version(), a.version());
    let mut changed = week3.clone();
    changed.topics[0].questions[0].prompt.push('?');
    assert_ne!(
        BlobBank::new(encode_bank(&changed)).unwrap().version(),
        a.version()
    );
    let decoded: Vec<_> = a.topics().iter().map(|t| a.questions(t).unwrap()).collect();
    assert_eq!(decoded, untagged(&week3));
}

#[test]
fn a_corrupt_blob_is_an_error_never_a_panic() {
    let week3 = load(&read("week3.toml"), "week3.toml").unwrap();
    let blob = encode_bank(&week3);
    let corrupt = "the question bank is corrupt: it is not a whole compiled bank (truncated, altered or of another version)";
    for cut in 0..blob.len() {
        let err = BlobBank::new(blob[..cut].to_vec()).unwrap_err();
        assert_eq!(err.to_string(), corrupt, "cut at {cut}");
        assert!(decode_bank(&blob[..cut]).is_none());
    }
    let mut longer = blob.clone();
    longer.push(0);
    assert_eq!(BlobBank::new(longer).unwrap_err().to_string(), corrupt);
    assert_eq!(BlobBank::new(Vec::new()).unwrap_err().to_string(), corrupt);
    // Every flipped byte: refused, or read with an error or a different question, never a panic.
    let mut caught = 0;
    for i in 0..blob.len() {
        let mut b = blob.clone();
        b[i] ^= 0xff;
        let Ok(bank) = BlobBank::new(b) else {
            caught += 1;
            continue;
        };
        for t in bank.topics() {
            if bank.questions(t).is_err() {
                caught += 1;
            }
        }
    }
    assert!(
        caught > blob.len() / 2,
        "only {caught} of {} flips caught",
        blob.len()
    );
    // A topic whose data does not decode names the topic.
    let (_, topics, blobs) = decode_bank(&blob).unwrap();
    let start = blobs[1].as_ptr() as usize - blob.as_ptr() as usize;
    let mut b = blob.clone();
    b[start] ^= 0xff;
    let bank = BlobBank::new(b).unwrap();
    assert!(bank.questions(&topics[0]).is_ok());
    assert_eq!(
        bank.questions(&topics[1]).unwrap_err().to_string(),
        format!(
            "the question bank is corrupt: topic \"{}\" does not decode",
            topics[1].slug
        )
    );
}
