//! `quiz-bank`: validate, count, export and convert a question bank: a folder, or a custom bank
//! in one TOML or JSON file. Depends on quiz-core only, so it still runs, and reports every
//! error, when `content/` is broken.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod lms;

use quiz_core::Difficulty;
use quiz_core::parse::{self, Bank, Stats};
use quiz_core::stats::{AnswerCues, MIN_SAMPLE, Profile};

const USAGE: &str = "\
usage: quiz-bank <command> [options] [BANK]

BANK is a bank folder (default: content) or a custom bank in one .toml or .json file.

commands:
  check [BANK]                  validate BANK; exit 1 listing every error
  stats [--json] [BANK]         questions by category, topic, difficulty and kind; the
                                difficulty mix, python ranges and answer-cue statistics
  export --format F [BANK]      the bank in format F, to stdout or -o FILE:
                                json      the normalized bank {categories, topics, questions}
                                qti12     IMS QTI 1.2 content package (zip): Canvas, Blackboard
                                moodle-xml, gift, aiken     Moodle's formats
                                anki-csv  Anki notes (front, back, tags)
                                d2l-csv   Brightspace Question Library CSV
                                with the widget's selection: --difficulty easy,hard
                                --topics T,U --count N|all|easy:5,hard:2 --seed S;
                                a summary of what each format lost goes to stderr
  import --format F FILE -o DIR import FILE (gift, moodle-xml, aiken, qti12 zip or XML, csv)
                                into the bank folder DIR (categories.toml + python/...),
                                validated; [--difficulty D] for questions without one
  convert BANK OUT              write BANK as one file OUT, TOML or JSON by OUT's extension
                                (.toml or .json); a folder becomes one file
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
    let mut out: Option<String> = None;
    let mut flags = lms::SelectionFlags::default();
    let mut paths: Vec<String> = Vec::new();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--json" => json = true,
            "--format" => format = Some(value("--format")?),
            "-o" | "--output" => out = Some(value("-o")?),
            "--bank" => paths.insert(0, value("--bank")?),
            "--difficulty" => flags.difficulty = Some(value("--difficulty")?),
            "--topics" => flags.topics = Some(value("--topics")?),
            "--count" => flags.count = Some(value("--count")?),
            "--seed" => flags.seed = Some(value("--seed")?),
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path => paths.push(path.to_string()),
        }
    }
    let wanted = if command == "convert" { 2 } else { 1 };
    if let Some(extra) = paths.get(wanted) {
        return Err(format!("unexpected argument {extra}"));
    }
    let label = paths.first().cloned().unwrap_or_else(|| "content".into());
    let root = PathBuf::from(&label);
    let label = label.trim_end_matches('/').to_string();
    match command.as_str() {
        "check" => Ok(with_bank(&root, &label, |bank| {
            let s = bank.stats();
            println!("ok: {} questions in {} topics", s.questions, s.topics);
        })),
        "stats" => Ok(with_bank(&root, &label, |bank| {
            let s = bank.stats();
            let profile = Profile::of(bank.questions());
            if json {
                let out = StatsJson {
                    counts: &s,
                    profile: &profile,
                };
                println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
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
                println!();
                for line in profile_lines(&profile) {
                    println!("{line}");
                }
            }
        })),
        "export" => {
            let name = format.ok_or("export needs --format F")?;
            let mut code = ExitCode::SUCCESS;
            let read = with_bank(&root, &label, |bank| {
                code = match lms::source(bank, &flags) {
                    Err(message) => {
                        eprintln!("quiz-bank: {message}");
                        ExitCode::from(2)
                    }
                    Ok(source) if name == "json" => {
                        let picked = parse::Bank::from_questions(bank, &source.questions);
                        let text = picked.to_json() + "\n";
                        match &out {
                            Some(path) => match std::fs::write(path, text) {
                                Ok(()) => ExitCode::SUCCESS,
                                Err(e) => {
                                    eprintln!("{path}: cannot write: {e}");
                                    ExitCode::FAILURE
                                }
                            },
                            None => {
                                print!("{text}");
                                ExitCode::SUCCESS
                            }
                        }
                    }
                    Ok(source) => match quiz_lms::Format::from_name(&name) {
                        Some(f) => lms::export(f, &source, out.as_deref()),
                        None => {
                            eprintln!("quiz-bank: unknown format {name}");
                            ExitCode::from(2)
                        }
                    },
                };
            });
            Ok(if read == ExitCode::SUCCESS {
                code
            } else {
                read
            })
        }
        "import" => {
            let name = format.ok_or("import needs --format F")?;
            let f = quiz_lms::Format::from_name(&name).ok_or(format!("unknown format {name}"))?;
            let file = paths.first().ok_or("import needs FILE")?;
            let dir = out.ok_or("import needs -o DIR")?;
            let mut options = quiz_lms::ImportOptions::default();
            if let Some(d) = &flags.difficulty {
                options.difficulty = Difficulty::from_slug(d)
                    .ok_or(format!("--difficulty {d}: easy, medium or hard"))?;
            }
            Ok(lms::import(f, file, &dir, &options))
        }
        "convert" => {
            let out = paths.get(1).ok_or("convert needs BANK and OUT")?;
            let json = match Path::new(out).extension().and_then(|e| e.to_str()) {
                Some("json") => true,
                Some("toml") => false,
                _ => return Err(format!("{out}: OUT must end in .json or .toml")),
            };
            let mut written = ExitCode::FAILURE;
            let read = with_bank(&root, &label, |bank| written = convert(bank, out, json));
            Ok(if read == ExitCode::SUCCESS {
                written
            } else {
                read
            })
        }
        other => Err(format!("unknown command {other}")),
    }
}

/// Writes `bank` to `out` and reads it back: the file written is a bank that validates.
fn convert(bank: &Bank, out: &str, json: bool) -> ExitCode {
    let text = if json {
        bank.to_json() + "\n"
    } else {
        bank.to_toml()
    };
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("{out}: cannot write: {e}");
        return ExitCode::FAILURE;
    }
    match parse::load_bank_text(&text, out) {
        Ok(read) if read == *bank => {
            println!(
                "wrote {out}: {} questions in {} topics",
                bank.len(),
                bank.topics.len()
            );
            ExitCode::SUCCESS
        }
        Ok(_) => {
            eprintln!(
                "{out}: the file written reads back as another bank (a bug; please report it)"
            );
            ExitCode::FAILURE
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{out}: the file written does not validate (a bug; please report it)");
            ExitCode::FAILURE
        }
    }
}

/// `stats --json`: the counts, then the profile, in one flat object.
#[derive(serde::Serialize)]
struct StatsJson<'a> {
    #[serde(flatten)]
    counts: &'a Stats,
    #[serde(flatten)]
    profile: &'a Profile,
}

/// The plain-text lines of `stats` after the counts: mix, python ranges, answer cues (worded
/// as `tests/bank/cues.py` prints them, without its bounds).
fn profile_lines(p: &Profile) -> Vec<String> {
    let mix: Vec<String> = Difficulty::ALL
        .iter()
        .filter_map(|d| {
            let share = p.difficulty_mix.get(d.as_str())?;
            Some(format!("{d} {share:.1} %"))
        })
        .collect();
    let ranges: Vec<String> = p
        .by_python
        .iter()
        .map(|(range, n)| format!("{range}: {n}"))
        .collect();
    let ranges = if ranges.is_empty() {
        String::new()
    } else {
        format!(" ({})", ranges.join(", "))
    };
    let mut lines = vec![
        format!("difficulty mix: {}", mix.join(", ")),
        format!("python ranges: {} questions{ranges}", p.with_python),
        String::new(),
        "answer cues:".to_string(),
    ];
    lines.extend(
        cue_lines(&p.answer_cues)
            .into_iter()
            .map(|l| format!("  {l}")),
    );
    lines
}

fn cue_lines(c: &AnswerCues) -> Vec<String> {
    let pct = |x: Option<f64>| x.map(|v| format!("{v:.1} %"));
    let na = |n: usize, what: &str| format!("n/a ({n} {what}, fewer than {MIN_SAMPLE})");
    let l = &c.longest;
    let longest = match (pct(l.percent), pct(l.chance_percent)) {
        (Some(share), Some(chance)) => format!(
            "the correct choice is the longest in {} of {} single questions ({share}; \
             {chance} if length were random)",
            l.correct_longest, l.questions
        ),
        _ => na(l.questions, "single questions"),
    };
    let m = &c.multiple;
    let multiple = match (pct(m.exactly_one_percent), pct(m.all_correct_percent)) {
        (Some(one), Some(all)) => {
            let spread: Vec<String> = m
                .by_correct
                .iter()
                .map(|(k, n)| format!("{k}: {n}"))
                .collect();
            format!(
                "{} questions; exactly one correct {} ({one}); all correct {} ({all}); \
                 by number correct {{{}}}",
                m.questions,
                m.exactly_one,
                m.all_correct,
                spread.join(", ")
            )
        }
        _ => na(m.questions, "multiple questions"),
    };
    let t = &c.true_false;
    let true_share = match pct(t.true_percent) {
        Some(share) => format!(
            "{} of {} statements are true ({share})",
            t.true_count, t.questions
        ),
        None => na(t.questions, "statements"),
    };
    let rate = |f: usize, n: usize| {
        if n == 0 {
            0.0
        } else {
            100.0 * (f as f64 / n as f64)
        }
    };
    let absolutes = match t.absolute_gap_points {
        Some(gap) => format!(
            "false in {} of {} with one ({:.1} %) vs {} of {} without ({:.1} %); gap {gap:+.1} points",
            t.with_absolute_false,
            t.with_absolute,
            rate(t.with_absolute_false, t.with_absolute),
            t.without_absolute_false,
            t.without_absolute,
            rate(t.without_absolute_false, t.without_absolute),
        ),
        None => format!(
            "n/a ({} statements with one, {} without; each needs {MIN_SAMPLE})",
            t.with_absolute, t.without_absolute
        ),
    };
    let p = &c.position;
    let position = match &p.percent {
        Some(shares) => {
            let cells: Vec<String> = shares
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}:{s:.1} %", i + 1))
                .collect();
            format!(
                "single with {} choices ({}): {}",
                p.choices,
                p.questions,
                cells.join(" ")
            )
        }
        None => na(
            p.questions,
            &format!("single questions with {} choices", p.choices),
        ),
    };
    vec![
        format!("longest choice: {longest}"),
        format!("multiple: {multiple}"),
        format!("true-false: {true_share}"),
        format!("true-false absolute words: {absolutes}"),
        format!("position: {position}"),
    ]
}

fn with_bank(root: &Path, label: &str, f: impl FnOnce(&Bank)) -> ExitCode {
    match parse::load_path(root, label) {
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
