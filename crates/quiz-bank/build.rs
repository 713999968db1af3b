//! Validates `content/` with quiz-core and writes the compact bank quiz-bank embeds: an index
//! and one encoded file per topic in `$OUT_DIR/bank/`. Invalid content fails the build with
//! every error as `file:line:col: …`, so it never reaches a reader's page. It also writes
//! `$OUT_DIR/version.rs`: the bank's fingerprint, computed here once rather than at run time.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use quiz_core::codec;
use quiz_core::parse;

fn main() -> ExitCode {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    // QUIZ_CONTENT_DIR lets tests point the build at a broken bank to see it fail.
    println!("cargo:rerun-if-env-changed=QUIZ_CONTENT_DIR");
    let content = std::env::var_os("QUIZ_CONTENT_DIR")
        .map_or_else(|| manifest.join("../../content"), PathBuf::from);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("bank");
    // Tests compare the embedded bank with the folder it was built from.
    println!("cargo:rustc-env=QUIZ_BANK_CONTENT={}", content.display());
    // include_dir! alone does not notice new files: name the folders and every file.
    // See: https://github.com/Michael-F-Bryan/include_dir/issues/31
    println!("cargo:rerun-if-changed={}", content.display());
    rerun_for_dirs(&content);
    match parse::bank_files(&content) {
        Ok(files) => {
            for f in files {
                println!("cargo:rerun-if-changed={}", f.display());
            }
        }
        Err(e) => {
            return fail(&format!(
                "content: cannot read folder {}: {e}",
                content.display()
            ));
        }
    }
    let bank = match parse::load_dir(&content, "content") {
        Ok(bank) => bank,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            return fail(&format!(
                "content/ has {} error(s); see the lines above",
                errors.len()
            ));
        }
    };
    if let Err(e) = write(&out, &bank) {
        return fail(&format!("cannot write {}: {e}", out.display()));
    }
    ExitCode::SUCCESS
}

fn rerun_for_dirs(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                println!("cargo:rerun-if-changed={}", path.display());
                rerun_for_dirs(&path);
            }
        }
    }
}

fn write(out: &Path, bank: &parse::Bank) -> std::io::Result<()> {
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    // (file name, contents) of every embedded file.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let categories: Vec<codec::CategoryEntry> = bank
        .categories
        .iter()
        .map(|c| (c.slug.clone(), c.title.clone()))
        .collect();
    let topics: Vec<_> = bank.topics.iter().map(|t| t.info.clone()).collect();
    files.push((
        "index.bin".into(),
        codec::encode_index(&categories, &topics),
    ));
    for (position, t) in bank.topics.iter().enumerate() {
        files.push((
            codec::topic_file_name(position, &t.info.slug),
            codec::encode_topic(&t.questions),
        ));
    }
    for (name, bytes) in &files {
        std::fs::write(out.join(name), bytes)?;
    }
    // Outside `bank/`, which is embedded whole.
    let version_rs = out.with_file_name("version.rs");
    std::fs::write(
        version_rs,
        format!(
            "/// FNV-1a of the embedded files, written by build.rs.\n\
             const VERSION: u32 = {:#010x};\n",
            fingerprint(&mut files)
        ),
    )
}

/// FNV-1a over every embedded file's name then contents, in name order: the bank's version.
/// `quiz_bank`'s tests recompute it from the embedded files.
fn fingerprint(files: &mut [(String, Vec<u8>)]) -> u32 {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut h: u32 = 0x811c_9dc5;
    for (name, bytes) in files.iter() {
        for b in name.bytes().chain(bytes.iter().copied()) {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    h
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::FAILURE
}
