//! `quiz-bank` on custom banks in one file (issue 16): `check FILE`, `export --format json FILE`
//! and `convert IN OUT`, between TOML and JSON and from a folder, as an author runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `quiz-bank ARGS`, run from the repository root.
fn quiz_bank(args: &[&str]) -> std::io::Result<Output> {
    Command::new(env!("CARGO_BIN_EXE_quiz-bank"))
        .args(args)
        .current_dir(repo())
        .output()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> std::io::Result<TempDir> {
        let dir = std::env::temp_dir().join(format!("quiz-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }

    fn file(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn check_accepts_a_bank_file_in_either_spelling() {
    for file in ["tests/banks/week3.toml", "tests/banks/week3.json"] {
        let out = quiz_bank(&["check", file]).unwrap();
        assert!(out.status.success(), "{file}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), "ok: 8 questions in 2 topics\n");
    }
}

#[test]
fn check_lists_every_error_of_a_malformed_bank_file() {
    for name in ["malformed.toml", "malformed.json"] {
        let out = quiz_bank(&["check", &format!("tests/banks/{name}")]).unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let expected =
            std::fs::read_to_string(repo().join(format!("tests/banks/{name}.txt"))).unwrap();
        let mut expected: Vec<String> = expected
            .lines()
            .filter(|l| !l.is_empty())
            // The bank's name is the path given, in every place it appears.
            .map(|l| {
                let l = l.replace(&format!("at {name}"), &format!("at tests/banks/{name}"));
                format!("tests/banks/{l}")
            })
            .collect();
        expected.push(format!("{} error(s)", expected.len()));
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().collect::<Vec<_>>(), expected, "{name}");
    }
}

#[test]
fn export_writes_one_object_for_a_folder_or_a_file() {
    let out = quiz_bank(&["export", "--format", "json", "tests/banks/week3.toml"]).unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bank: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(bank["categories"].as_array().unwrap().len(), 2);
    assert_eq!(bank["topics"][1]["slug"], "working-with-files");
    assert_eq!(bank["questions"].as_array().unwrap().len(), 8);
    assert_eq!(bank["questions"][0]["category"], "functions");
}

#[test]
fn convert_goes_between_toml_and_json_and_from_a_folder() {
    let tmp = TempDir::new("convert").unwrap();
    let export = |bank: &str| -> String {
        let out = quiz_bank(&["export", "--format", "json", bank]).unwrap();
        assert!(out.status.success(), "{bank}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    let json = tmp.file("week3.json");
    let out = quiz_bank(&["convert", "tests/banks/week3.toml", &json]).unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("wrote {json}: 8 questions in 2 topics\n")
    );
    let toml = tmp.file("week3.toml");
    assert!(
        quiz_bank(&["convert", &json, &toml])
            .unwrap()
            .status
            .success()
    );
    let original = export("tests/banks/week3.toml");
    assert_eq!(export(&json), original);
    assert_eq!(export(&toml), original);
    assert!(
        std::fs::read_to_string(&toml)
            .unwrap()
            .contains("[[topic]]\n")
    );
    // The built-in bank, a folder, becomes one TOML file with the same questions.
    let whole = tmp.file("content.toml");
    assert!(
        quiz_bank(&["convert", "content", &whole])
            .unwrap()
            .status
            .success()
    );
    assert_eq!(export(&whole), export("content"));
}

#[test]
fn convert_refuses_an_unknown_extension_and_a_broken_bank() {
    let tmp = TempDir::new("convert-refuse").unwrap();
    let out = quiz_bank(&["convert", "tests/banks/week3.toml", &tmp.file("week3.yaml")]).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("week3.yaml: OUT must end in .json or .toml"));
    let broken = tmp.file("broken.json");
    let out = quiz_bank(&["convert", "tests/banks/malformed.toml", &broken]).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !Path::new(&broken).exists(),
        "nothing is written for a broken bank"
    );
    let out = quiz_bank(&["convert", "tests/banks/week3.toml"]).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("convert needs BANK and OUT"));
}
