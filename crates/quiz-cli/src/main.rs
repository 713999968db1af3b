//! `quiz-bank`: validate, count and export a question bank folder. Depends on quiz-core only,
//! so it still runs, and reports every error, when `content/` is broken.

use std::path::PathBuf;
use std::process::ExitCode;

use quiz_core::parse::{self, Bank};

const USAGE: &str = "\
usage: quiz-bank <command> [options] [DIR]

commands:
  check [DIR]                   validate DIR (default: content); exit 1 listing every error
  stats [--json] [DIR]          questions by category, topic, difficulty and kind
  export --format json [DIR]    the whole normalized bank as one JSON array of questions
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("quiz-bank: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (command, rest) = args.split_first().ok_or("no command given")?;
    let mut json = false;
    let mut format = None;
    let mut dir = None;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--format" => format = Some(it.next().ok_or("--format needs a value")?.clone()),
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path if dir.is_none() => dir = Some(path.to_string()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    let label = dir.clone().unwrap_or_else(|| "content".into());
    let root = PathBuf::from(&label);
    let label = label.trim_end_matches('/').to_string();
    match command.as_str() {
        "check" => Ok(with_bank(&root, &label, |bank| {
            let s = bank.stats();
            println!("ok: {} questions in {} topics", s.questions, s.topics);
        })),
        "stats" => Ok(with_bank(&root, &label, |bank| {
            let s = bank.stats();
            if json {
                println!("{}", serde_json::to_string_pretty(&s).unwrap_or_default());
            } else {
                println!(
                    "{} questions, {} topics, {} with code",
                    s.questions, s.topics, s.with_code
                );
                for (title, map) in [
                    ("difficulty", &s.by_difficulty),
                    ("kind", &s.by_kind),
                    ("category", &s.by_category),
                ] {
                    println!("\nby {title}:");
                    for (k, v) in map {
                        println!("  {k:<32} {v:>5}");
                    }
                }
            }
        })),
        "export" => match format.as_deref() {
            Some("json") => Ok(with_bank(&root, &label, |bank| {
                let all: Vec<_> = bank.questions().collect();
                println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
            })),
            Some(other) => Err(format!("unknown format {other}; only json is supported")),
            None => Err("export needs --format json".into()),
        },
        other => Err(format!("unknown command {other}")),
    }
}

fn with_bank(root: &std::path::Path, label: &str, f: impl FnOnce(&Bank)) -> ExitCode {
    match parse::load_dir(root, label) {
        Ok(bank) => {
            f(&bank);
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{} error(s)", errors.len());
            ExitCode::FAILURE
        }
    }
}
