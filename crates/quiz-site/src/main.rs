//! `quiz-site`: renders the docs (`docs/*.md`) into the static site at build time.
//!
//! Usage: `quiz-site docs OUT_DIR [--src DOCS_DIR]` writes `OUT_DIR/docs/index.html` (from
//! `docs/index.md`, the table of contents) and `OUT_DIR/docs/<name>/index.html` for every other
//! `docs/<name>.md`. Links between docs are written as `name.md#anchor` in the Markdown and
//! checked: a link to a page or a heading that does not exist fails with `docs/x.md:LINE: …`.

mod precache;
mod questions;
mod render;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: quiz-site docs OUT_DIR [--src DOCS_DIR]\n\
  Renders DOCS_DIR/*.md (default: docs) into OUT_DIR/docs/ (OUT_DIR is the built site, e.g. dist/www).\n\
  quiz-site questions OUT_DIR\n\
  Writes OUT_DIR/questions/: the question browser and a page per question of the built-in bank.\n\
  quiz-site precache OUT_DIR [--dev]\n\
  Writes OUT_DIR/sw.js, the service worker, with every file's sha-256 (run it last).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("questions") {
        return questions::command(args.get(1..).unwrap_or_default());
    }
    if args.first().map(String::as_str) == Some("precache") {
        return precache::command(args.get(1..).unwrap_or_default());
    }
    let (out, src) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("quiz-site: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&out, &src) {
        Ok(count) => {
            println!(
                "quiz-site: rendered {count} docs pages into {}",
                out.join("docs").display()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("quiz-site: {} error(s); nothing written", errors.len());
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: &[String]) -> Result<(PathBuf, PathBuf), String> {
    let mut rest = args.iter();
    match rest.next().map(String::as_str) {
        Some("docs") => {}
        Some("-h" | "--help") | None => return Err("a command is needed".into()),
        Some(other) => return Err(format!("unknown command `{other}`")),
    }
    let mut out = None;
    let mut src = PathBuf::from("docs");
    while let Some(arg) = rest.next() {
        if arg == "--src" {
            src = PathBuf::from(rest.next().ok_or("--src needs a folder")?);
        } else if arg.starts_with('-') {
            return Err(format!("unknown option `{arg}`"));
        } else if out.is_none() {
            out = Some(PathBuf::from(arg));
        } else {
            return Err(format!("unexpected argument `{arg}`"));
        }
    }
    Ok((out.ok_or("OUT_DIR is missing")?, src))
}

/// Reads the docs, renders them, and writes the pages only when every doc is valid.
fn run(out: &Path, src: &Path) -> Result<usize, Vec<String>> {
    let docs = read_docs(src).map_err(|e| vec![e])?;
    // The site's own navigation comes from the home page, so every page shares it.
    let home = std::fs::read_to_string(out.join("index.html")).unwrap_or_default();
    let site_nav = render::site_nav_from_home(&home);
    let pages = render::render_docs(&docs, &site_nav)?;
    for page in &pages {
        let file = out.join("docs").join(&page.path);
        let write = || -> std::io::Result<()> {
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&file, &page.html)
        };
        write().map_err(|e| vec![format!("{}: cannot write: {e}", file.display())])?;
    }
    Ok(pages.len())
}

fn read_docs(src: &Path) -> Result<Vec<render::Doc>, String> {
    let entries = std::fs::read_dir(src)
        .map_err(|e| format!("{}: cannot read the docs folder: {e}", src.display()))?;
    let mut docs = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", src.display()))?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let display = path.display().to_string();
        let slug = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let source =
            std::fs::read_to_string(&path).map_err(|e| format!("{display}: cannot read: {e}"))?;
        docs.push(render::Doc {
            slug,
            display,
            source,
        });
    }
    docs.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_command_line_names_what_is_wrong() {
        assert_eq!(
            parse_args(&args(&["docs", "out"])),
            Ok((PathBuf::from("out"), PathBuf::from("docs")))
        );
        assert_eq!(
            parse_args(&args(&["docs", "out", "--src", "d"])),
            Ok((PathBuf::from("out"), PathBuf::from("d")))
        );
        assert_eq!(
            parse_args(&args(&["docs"])),
            Err("OUT_DIR is missing".into())
        );
        assert_eq!(
            parse_args(&args(&["build", "out"])),
            Err("unknown command `build`".into())
        );
        assert_eq!(
            parse_args(&args(&["docs", "out", "--x"])),
            Err("unknown option `--x`".into())
        );
    }

    #[test]
    fn a_broken_doc_writes_nothing_and_reports_file_and_line() {
        let dir = std::env::temp_dir().join(format!("quiz-site-test-{}", std::process::id()));
        let src = dir.join("docs");
        let out = dir.join("out");
        std::fs::create_dir_all(&src).unwrap();
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(src.join("index.md"), "# Docs\n\n- [A](a.md)\n").unwrap();
        std::fs::write(src.join("a.md"), "# A\n\nSee [b](b.md).\n").unwrap();
        let errors = run(&out, &src).unwrap_err();
        assert_eq!(
            errors,
            vec![format!(
                "{}:3: link to `b.md`: there is no {}",
                src.join("a.md").display(),
                src.join("b.md").display()
            )]
        );
        assert!(!out.join("docs").exists());

        std::fs::write(
            src.join("a.md"),
            "# A\n\n## Part one\n\nSee [the index](index.md).\n",
        )
        .unwrap();
        assert_eq!(run(&out, &src), Ok(2));
        let page = std::fs::read_to_string(out.join("docs/a/index.html")).unwrap();
        assert!(
            page.contains(r#"<h2 id="part-one">Part one</h2>"#),
            "{page}"
        );
        assert!(page.contains(r#"<a href="../">the index</a>"#), "{page}");
        assert!(out.join("docs/index.html").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
