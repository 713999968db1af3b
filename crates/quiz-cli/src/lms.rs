//! `quiz-bank export --format F` (LMS formats) and `quiz-bank import`: the CLI around quiz-lms.

use std::path::Path;
use std::process::ExitCode;

use quiz_core::parse::{self, Bank};
use quiz_lms::{Format, ImportOptions, Source};

/// The widget's selection flags: `--difficulty`, `--topics`, `--count`, `--seed`.
#[derive(Clone, Debug, Default)]
pub struct SelectionFlags {
    pub difficulty: Option<String>,
    pub topics: Option<String>,
    pub count: Option<String>,
    pub seed: Option<String>,
}

/// The questions `flags` pick from `bank` (see `quiz_lms::Source::select`).
pub fn source(bank: &Bank, flags: &SelectionFlags) -> Result<Source, String> {
    Source::from_bank(bank).select(|key| match key {
        "difficulty" => flags.difficulty.clone(),
        "topics" => flags.topics.clone(),
        "count" => flags.count.clone(),
        "seed" => flags.seed.clone(),
        _ => None,
    })
}

/// Exports `source` as `format` to `out` (stdout when `None`); prints the summary to stderr.
pub fn export(format: Format, source: &Source, out: Option<&str>) -> ExitCode {
    let exported = match quiz_lms::export(format, source) {
        Ok(e) => e,
        Err(message) => {
            eprintln!("quiz-bank: {message}");
            return ExitCode::from(2);
        }
    };
    let written = match out {
        Some(path) => {
            std::fs::write(path, &exported.bytes).map_err(|e| format!("{path}: cannot write: {e}"))
        }
        None => {
            use std::io::Write as _;
            std::io::stdout()
                .write_all(&exported.bytes)
                .map_err(|e| format!("cannot write to stdout: {e}"))
        }
    };
    if let Err(message) = written {
        eprintln!("{message}");
        return ExitCode::FAILURE;
    }
    eprint!("{}: {}", format.name(), exported.report);
    ExitCode::SUCCESS
}

/// Imports `file` as `format` into the bank folder `dir`, then validates what it wrote.
/// Nothing is written when the input cannot be read or the result does not validate.
pub fn import(format: Format, file: &str, dir: &str, options: &ImportOptions) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{file}: cannot read: {e}");
            return ExitCode::FAILURE;
        }
    };
    let imported = match quiz_lms::import(format, &bytes, options) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{file}: {e}");
            eprintln!("nothing written");
            return ExitCode::FAILURE;
        }
    };
    let files = imported.bank.to_folder();
    // Validate before writing: the same rules as the build.
    let sources: Vec<parse::Source> = files
        .iter()
        .map(|(path, text)| parse::Source {
            shown: format!("{dir}/{path}"),
            rel: path.clone(),
            bytes: text.clone().into_bytes(),
        })
        .collect();
    if let Err(errors) = parse::load_sources(&sources, dir) {
        for e in &errors {
            eprintln!("{e}");
        }
        eprintln!(
            "{file}: the imported questions do not validate ({} error(s)); nothing written",
            errors.len()
        );
        return ExitCode::FAILURE;
    }
    for (path, text) in &files {
        let target = Path::new(dir).join(path);
        let made = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, text));
        if let Err(e) = made {
            eprintln!("{}: cannot write: {e}", target.display());
            return ExitCode::FAILURE;
        }
    }
    eprint!("{}: {}", format.name(), imported.report);
    println!(
        "wrote {dir}: {} questions in {} topics",
        imported.bank.len(),
        imported.bank.topics.len()
    );
    ExitCode::SUCCESS
}
