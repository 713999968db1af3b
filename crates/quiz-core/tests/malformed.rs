//! The malformed-bank corpus under tests/malformed: every folder must fail validation with
//! exactly the messages in its expected.txt (file:line:col first), and nothing may panic.

use std::path::Path;

use quiz_core::parse::load_dir;

#[test]
fn every_malformed_bank_reports_its_expected_errors() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed");
    let mut cases = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        cases += 1;
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
        let expected: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        match load_dir(&dir, &name) {
            Ok(_) => failures.push(format!("{name}: validated, expected errors")),
            Err(errors) => {
                let got: Vec<String> = errors.iter().map(ToString::to_string).collect();
                if got != expected {
                    failures.push(format!("{name}:\n  expected {expected:#?}\n  got {got:#?}"));
                }
                for e in &errors {
                    assert!(e.at.line >= 1 && e.at.col >= 1, "{name}: {e}");
                    assert!(e.at.file.starts_with(&name), "{name}: {e}");
                }
            }
        }
    }
    assert!(cases >= 25, "the corpus has only {cases} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_real_bank_validates() {
    // QUIZ_CONTENT_DIR, as for quiz-bank's build, checks another copy of the bank.
    let content = std::env::var_os("QUIZ_CONTENT_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"),
        std::path::PathBuf::from,
    );
    let bank = load_dir(&content, "content").unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    // Real properties rather than a size (the embedded bank's filters are checked against
    // the same content in quiz-bank's tests): every declared category has questions, and each
    // topic's counts, which the index and the setup screen show, are its questions'.
    for c in &bank.categories {
        assert!(
            bank.topics
                .iter()
                .any(|t| t.info.category == c.slug && !t.questions.is_empty()),
            "category {} has no question",
            c.slug
        );
    }
    for t in &bank.topics {
        let mut counts = [0u32; 3];
        for q in &t.questions {
            counts[q.difficulty.index()] += 1;
            assert_eq!((&q.topic, &q.category), (&t.info.slug, &t.info.category));
        }
        assert_eq!(counts, t.info.counts, "topic {}", t.info.slug);
    }
    let stats = bank.stats();
    assert_eq!(stats.questions, bank.len());
    assert_eq!(stats.by_difficulty.values().sum::<usize>(), bank.len());
}

#[test]
fn every_example_in_the_format_docs_validates() {
    let readme = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/README.md"),
    )
    .unwrap();
    let examples: Vec<&str> = readme
        .split("```toml\n")
        .skip(1)
        .filter_map(|block| block.split("\n```").next())
        .filter(|block| block.contains("[[question]]") && block.contains("id = "))
        // A custom bank in one file (tests/custom_bank.rs checks it) is not a topic file.
        .filter(|block| !block.contains("[[category]]"))
        .collect();
    assert_eq!(examples.len(), 6, "one example per kind");
    let dir = std::env::temp_dir().join(format!("quiz-readme-{}", std::process::id()));
    let topic = dir.join("python/basics");
    std::fs::create_dir_all(&topic).unwrap();
    std::fs::write(
        dir.join("categories.toml"),
        "[[category]]\nslug = \"basics\"\ntitle = \"B\"\n",
    )
    .unwrap();
    let body: String = examples.iter().map(|e| format!("\n{e}\n")).collect();
    std::fs::write(
        topic.join("examples.toml"),
        format!("[topic]\nslug = \"examples\"\ntitle = \"E\"\ncategory = \"basics\"\n{body}"),
    )
    .unwrap();
    let result = load_dir(&dir, "readme");
    std::fs::remove_dir_all(&dir).unwrap();
    let bank = result.unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let kinds: std::collections::HashSet<_> = bank.questions().map(|q| q.kind()).collect();
    assert_eq!(kinds.len(), 6);
}
