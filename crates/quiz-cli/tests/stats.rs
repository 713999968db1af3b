//! `quiz-bank stats` on a small generated bank: the difficulty mix, the python ranges and the
//! answer-cue statistics, in plain text and in `--json`, as an author sees them.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A bank folder under the system temp dir, removed when dropped.
struct TempBank(PathBuf);

impl TempBank {
    fn new(name: &str, topic: &str) -> std::io::Result<TempBank> {
        let root = std::env::temp_dir().join(format!("quiz-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let bank = TempBank(root);
        std::fs::create_dir_all(bank.0.join("python/basics"))?;
        std::fs::write(
            bank.0.join("categories.toml"),
            "[[category]]\nslug = \"basics\"\ntitle = \"Basics\"\n",
        )?;
        std::fs::write(bank.0.join("python/basics/topic.toml"), topic)?;
        Ok(bank)
    }
}

impl Drop for TempBank {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The stdout of a successful `quiz-bank ARGS DIR`, or what went wrong.
fn run(args: &[&str], dir: &Path) -> Result<String, String> {
    let out = Command::new(env!("CARGO_BIN_EXE_quiz-bank"))
        .args(args)
        .arg(dir)
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(format!("quiz-bank {args:?} failed:\n{stderr}"));
    }
    String::from_utf8(out.stdout).map_err(|e| e.to_string())
}

/// 12 single questions (4 choices, the right one at position i % 4 and the longest in 3 of
/// them), 12 true/false statements (7 true; 10 with "never", 5 of those false), 10 multiple
/// questions (2 with one right choice), 2 with a `python` range. 34 questions: 12 easy,
/// 12 medium, 10 hard.
fn topic() -> String {
    let mut t =
        String::from("[topic]\nslug = \"topic\"\ntitle = \"Topic\"\ncategory = \"basics\"\n");
    let head = |t: &mut String, id: String, difficulty: &str, kind: &str, prompt: &str| {
        t.push_str(&format!(
            "\n[[question]]\nid = \"{id}\"\ndifficulty = \"{difficulty}\"\nkind = \"{kind}\"\n\
             tags = [\"basics\"]\nprompt = \"{prompt}\"\nexplanation = \"Because.\"\n"
        ));
    };
    for i in 0..12 {
        head(
            &mut t,
            format!("single-{i}"),
            "easy",
            "single",
            "Which one?",
        );
        if i < 2 {
            t.push_str("python = \">=3.12\"\n");
        }
        for pos in 0..4 {
            let right = pos == i % 4;
            let text = match (right, i < 3) {
                (true, true) => "the right and longest choice".to_string(),
                (true, false) => "right".to_string(),
                (false, _) => format!("wrong {pos}"),
            };
            t.push_str(&format!("\n[[question.choices]]\ntext = \"`{text}`\"\n"));
            if right {
                t.push_str("correct = true\n");
            }
        }
    }
    for i in 0..12 {
        // Statements 0-9 say "never" (false but for 8 and 9); 10 and 11 are plain and true.
        let prompt = if i < 10 {
            "It never fails."
        } else {
            "It `never` fails."
        };
        head(
            &mut t,
            format!("statement-{i}"),
            "medium",
            "true-false",
            prompt,
        );
        t.push_str(&format!("answer = {}\n", !(3..8).contains(&i)));
    }
    for i in 0..10 {
        head(
            &mut t,
            format!("multiple-{i}"),
            "hard",
            "multiple",
            "Which? Several may be right.",
        );
        for pos in 0..3 {
            t.push_str(&format!(
                "\n[[question.choices]]\ntext = \"choice {pos}\"\n"
            ));
            if pos == 0 || (i >= 2 && pos == 1) {
                t.push_str("correct = true\n");
            }
        }
    }
    t
}

#[test]
fn stats_json_reports_mix_python_ranges_and_answer_cues() {
    let bank = TempBank::new("json", &topic()).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&run(&["stats", "--json"], &bank.0).unwrap()).unwrap();
    assert_eq!(json["questions"], 34, "the counts are still there");
    assert_eq!(json["by_difficulty"]["hard"], 10);
    assert_eq!(json["difficulty_mix"]["easy"], 35.3);
    assert_eq!(json["difficulty_mix"]["hard"], 29.4);
    assert_eq!(json["with_python"], 2);
    assert_eq!(json["by_python"][">=3.12"], 2);

    let cues = &json["answer_cues"];
    assert_eq!(cues["longest"]["questions"], 12);
    assert_eq!(cues["longest"]["correct_longest"], 3);
    assert_eq!(cues["longest"]["percent"], 25.0);
    assert_eq!(cues["longest"]["chance_percent"], 25.0);
    assert_eq!(cues["multiple"]["exactly_one"], 2);
    assert_eq!(cues["multiple"]["exactly_one_percent"], 20.0);
    assert_eq!(cues["multiple"]["all_correct_percent"], 0.0);
    assert_eq!(cues["multiple"]["by_correct"]["2"], 8);
    assert_eq!(cues["true_false"]["true_count"], 7);
    assert_eq!(cues["true_false"]["true_percent"], 58.3);
    assert_eq!(cues["true_false"]["with_absolute"], 10);
    assert_eq!(cues["true_false"]["with_absolute_false"], 5);
    assert_eq!(
        cues["true_false"]["absolute_gap_points"],
        serde_json::Value::Null,
        "only 2 statements without an absolute word"
    );
    assert_eq!(cues["position"]["counts"], serde_json::json!([3, 3, 3, 3]));
    assert_eq!(
        cues["position"]["percent"],
        serde_json::json!([25.0, 25.0, 25.0, 25.0])
    );
}

#[test]
fn stats_text_reports_the_same_figures() {
    let bank = TempBank::new("text", &topic()).unwrap();
    let text = run(&["stats"], &bank.0).unwrap();
    for line in [
        "34 questions, 1 topics, 0 with code",
        "difficulty mix: easy 35.3 %, medium 35.3 %, hard 29.4 %",
        "python ranges: 2 questions (>=3.12: 2)",
        "  longest choice: the correct choice is the longest in 3 of 12 single questions \
         (25.0 %; 25.0 % if length were random)",
        "  multiple: 10 questions; exactly one correct 2 (20.0 %); all correct 0 (0.0 %); \
         by number correct {1: 2, 2: 8}",
        "  true-false: 7 of 12 statements are true (58.3 %)",
        "  true-false absolute words: n/a (10 statements with one, 2 without; each needs 10)",
        "  position: single with 4 choices (12): 1:25.0 % 2:25.0 % 3:25.0 % 4:25.0 %",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing line {line:?} in:\n{text}"
        );
    }
}

#[test]
fn stats_on_a_tiny_bank_says_n_a_rather_than_a_misleading_share() {
    let one = "[topic]\nslug = \"topic\"\ntitle = \"Topic\"\ncategory = \"basics\"\n\n\
               [[question]]\nid = \"only-one\"\ndifficulty = \"easy\"\nkind = \"true-false\"\n\
               tags = [\"basics\"]\nprompt = \"True.\"\nanswer = true\nexplanation = \"Yes.\"\n";
    let bank = TempBank::new("tiny", one).unwrap();
    let text = run(&["stats"], &bank.0).unwrap();
    assert!(
        text.contains("true-false: n/a (1 statements, fewer than 10)"),
        "{text}"
    );
    assert!(text.contains("python ranges: 0 questions\n"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&run(&["stats", "--json"], &bank.0).unwrap()).unwrap();
    assert_eq!(json["answer_cues"]["true_false"]["true_count"], 1);
    assert_eq!(
        json["answer_cues"]["true_false"]["true_percent"],
        serde_json::Value::Null
    );
}
