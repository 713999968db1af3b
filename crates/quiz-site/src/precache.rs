//! `quiz-site precache OUT_DIR [--dev]`: the service worker's precache manifest, made last in
//! the build.
//!
//! The site's file names carry no hash (bloggers load `widget/quiz-widget.js` from a stable
//! URL), so the manifest carries each file's sha-256 instead, and the version is a hash of the
//! whole manifest. `OUT_DIR/sw.js` is written from the template `www/sw.js` (built into this
//! binary) with the two injected; the worker checks every file it caches against its hash.
//!
//! Left out of the manifest: `sw.js` itself, anything whose name starts with `.` (Trunk's
//! `.stage` leftovers), TypeScript declarations (`*.d.ts`, for npm users, never fetched by a
//! page), and the page of each question (`questions/<id>/index.html`): the bank has hundreds,
//! which would make the first visit download them all and `sw.js` (fetched on every update
//! check) carry a hash for each. The worker keeps each of those pages when it is read instead.
//!
//! `--dev` (`scripts/dev`, which rebuilds on every edit) registers no service worker: it
//! replaces `OUT_DIR/sw-register.js` by a script that unregisters one, and writes a `sw.js` that
//! retires one (the browser's update check installs it: it deletes the caches and unregisters).
//! So a worker left over from a built copy served at the same address never hides an edit.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sha2::{Digest, Sha256};

/// The service worker's template.
const TEMPLATE: &str = include_str!("../../../www/sw.js");
const VERSION_SLOT: &str = "'%%VERSION%%'";
const MANIFEST_SLOT: &str = "/*%%MANIFEST%%*/ null";

/// `sw.js` under `scripts/dev`: replaces a built copy's worker, deletes its caches, unregisters.
const DEV_WORKER: &str = r"// scripts/dev: no service worker while editing (quiz-site precache --dev). This one
// replaces a worker left over from a built copy served at the same address, and removes it.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  const suffix = ` ${new URL(self.registration.scope).pathname}`;
  for (const name of await caches.keys()) {
    if (name.startsWith('quiz-site-') && name.endsWith(suffix)) await caches.delete(name);
  }
  await self.registration.unregister();
})()));
";

/// `sw-register.js` under `scripts/dev`: unregisters this scope's worker and deletes its caches.
const DEV_REGISTER: &str = r"// scripts/dev: no service worker while editing (quiz-site precache --dev). This removes
// one left over from a built copy of the site served at the same address, with its caches.
if ('serviceWorker' in navigator) {
  const scope = new URL('./', import.meta.url);
  navigator.serviceWorker.getRegistration(scope.href).then(async (registration) => {
    if (registration?.scope !== scope.href) return;
    await registration.unregister();
    for (const name of await caches.keys()) {
      if (name.startsWith('quiz-site-') && name.endsWith(` ${scope.pathname}`)) await caches.delete(name);
    }
  }).catch(() => {});
}
";

/// One file of the site: its URL relative to the site root and its sha-256 in hex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `index.html`, `widget/quiz_web_bg.wasm`, … (`/`-separated).
    pub url: String,
    /// The content's sha-256, lower-case hex.
    pub hash: String,
}

/// The `precache` command: `args` are what follows `precache` on the command line.
pub fn command(args: &[String]) -> ExitCode {
    let (out, dev) = match args {
        [out] if !out.starts_with('-') => (PathBuf::from(out), false),
        [out, flag] if flag == "--dev" && !out.starts_with('-') => (PathBuf::from(out), true),
        _ => {
            eprintln!(
                "quiz-site: usage: quiz-site precache OUT_DIR [--dev]\n  Writes OUT_DIR/sw.js, the service worker, with the sha-256 of every file of OUT_DIR (run it after everything else has written OUT_DIR).\n  --dev: no service worker (scripts/dev); OUT_DIR/sw-register.js removes one instead."
            );
            return ExitCode::from(2);
        }
    };
    let result = if dev { write_dev(&out) } else { run(&out) };
    match result {
        Ok(message) => {
            println!("quiz-site: {message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("quiz-site: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write_dev(out: &Path) -> Result<String, String> {
    for (name, text) in [("sw-register.js", DEV_REGISTER), ("sw.js", DEV_WORKER)] {
        let file = out.join(name);
        std::fs::write(&file, text)
            .map_err(|e| format!("{}: cannot write: {e}", file.display()))?;
    }
    Ok(format!(
        "no service worker in dev; {} unregisters one",
        out.join("sw-register.js").display()
    ))
}

fn run(out: &Path) -> Result<String, String> {
    let entries = manifest(out)?;
    let version = version(&entries);
    let sw = render(TEMPLATE, &entries, &version)?;
    let file = out.join("sw.js");
    std::fs::write(&file, sw).map_err(|e| format!("{}: cannot write: {e}", file.display()))?;
    Ok(format!(
        "{} with {} files, version {version}",
        file.display(),
        entries.len()
    ))
}

/// Every file under `out` (but `sw.js`, dot-files and `*.d.ts`), sorted by URL, with its hash.
///
/// # Errors
/// A folder or file that cannot be read, or a name that is not UTF-8.
pub fn manifest(out: &Path) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    walk(out, "", &mut entries)?;
    entries.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(entries)
}

fn walk(dir: &Path, prefix: &str, entries: &mut Vec<Entry>) -> Result<(), String> {
    let list =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    for item in list {
        let item = item.map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
        let path = item.path();
        let Some(name) = item.file_name().to_str().map(str::to_owned) else {
            return Err(format!(
                "{}: the name is not UTF-8, so it has no URL",
                path.display()
            ));
        };
        let url = format!("{prefix}{name}");
        if name.starts_with('.')
            || name.ends_with(".d.ts")
            || url == "sw.js"
            || is_question_page(&url)
        {
            continue;
        }
        let meta = std::fs::metadata(&path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        if meta.is_dir() {
            walk(&path, &format!("{url}/"), entries)?;
        } else {
            let body = std::fs::read(&path)
                .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            entries.push(Entry {
                url,
                hash: hex(&Sha256::digest(&body)),
            });
        }
    }
    Ok(())
}

/// `questions/<id>/…`: a question's own page, kept by the worker when read, not precached.
fn is_question_page(url: &str) -> bool {
    url.strip_prefix("questions/")
        .is_some_and(|rest| rest.contains('/'))
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The build's version: the first 16 hex digits of the sha-256 of the manifest (every URL and
/// hash), so any change to any file makes a new version.
pub fn version(entries: &[Entry]) -> String {
    let mut hasher = Sha256::new();
    for entry in entries {
        hasher.update(entry.url.as_bytes());
        hasher.update(b"\0");
        hasher.update(entry.hash.as_bytes());
        hasher.update(b"\n");
    }
    hex(&hasher.finalize()).chars().take(16).collect()
}

/// A JavaScript string literal (double-quoted, JSON-compatible).
fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            // `</script>` cannot matter in a worker, but U+2028/9 and controls must be escaped.
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The template with the version and the manifest in their slots.
///
/// # Errors
/// A template that does not have each slot exactly once.
pub fn render(template: &str, entries: &[Entry], version: &str) -> Result<String, String> {
    for slot in [VERSION_SLOT, MANIFEST_SLOT] {
        let count = template.matches(slot).count();
        if count != 1 {
            return Err(format!(
                "www/sw.js: the template needs `{slot}` once, it has it {count} times"
            ));
        }
    }
    let mut manifest = String::from("[\n");
    for entry in entries {
        let _ = writeln!(
            manifest,
            "  {{ url: {}, hash: {} }},",
            js_string(&entry.url),
            js_string(&entry.hash)
        );
    }
    manifest.push(']');
    Ok(template
        .replacen(VERSION_SLOT, &js_string(version), 1)
        .replacen(MANIFEST_SLOT, &manifest, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("quiz-site-precache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_manifest_lists_every_file_with_its_sha256_but_the_worker_leftovers_and_question_pages() {
        let out = temp("manifest");
        std::fs::create_dir_all(out.join("widget")).unwrap();
        std::fs::create_dir_all(out.join(".stage/widget")).unwrap();
        std::fs::create_dir_all(out.join("questions/q-1")).unwrap();
        std::fs::write(out.join("questions/q-1/index.html"), "q").unwrap();
        std::fs::write(out.join("questions/index.html"), "").unwrap();
        std::fs::write(out.join("index.html"), "abc").unwrap();
        std::fs::write(out.join("widget/quiz_web_bg.wasm"), "").unwrap();
        std::fs::write(out.join("widget/quiz_web.d.ts"), "x").unwrap();
        std::fs::write(out.join(".stage/widget/quiz_web.js"), "x").unwrap();
        std::fs::write(out.join("sw.js"), "old").unwrap();
        let entries = manifest(&out).unwrap();
        assert_eq!(
            entries,
            vec![
                Entry {
                    url: "index.html".into(),
                    hash: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".into()
                },
                Entry {
                    url: "questions/index.html".into(),
                    hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".into()
                },
                Entry {
                    url: "widget/quiz_web_bg.wasm".into(),
                    hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".into()
                },
            ]
        );

        // Writing sw.js does not change the version: the worker is not in its own manifest.
        assert!(run(&out).unwrap().contains(&version(&entries)));
        let sw = std::fs::read_to_string(out.join("sw.js")).unwrap();
        assert!(sw.contains(&format!("const VERSION = \"{}\";", version(&entries))));
        assert!(sw.contains(r#"{ url: "widget/quiz_web_bg.wasm", hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },"#), "{sw}");
        assert!(!sw.contains(VERSION_SLOT) && !sw.contains(MANIFEST_SLOT));
        assert_eq!(version(&manifest(&out).unwrap()), version(&entries));

        // One byte of one file: a new version.
        std::fs::write(out.join("widget/quiz_web_bg.wasm"), "\0").unwrap();
        assert_ne!(version(&manifest(&out).unwrap()), version(&entries));
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn a_template_without_its_slots_is_an_error_and_names_are_escaped() {
        assert_eq!(
            render("const VERSION = '%%VERSION%%';", &[], "v"),
            Err(
                "www/sw.js: the template needs `/*%%MANIFEST%%*/ null` once, it has it 0 times"
                    .into()
            )
        );
        let entries = [Entry {
            url: "a \"b\"\\\u{2028}.html".into(),
            hash: "00".into(),
        }];
        assert_eq!(
            render("'%%VERSION%%' /*%%MANIFEST%%*/ null", &entries, "v1").unwrap(),
            "\"v1\" [\n  { url: \"a \\\"b\\\"\\\\\\u2028.html\", hash: \"00\" },\n]"
        );
        // The real template has both slots.
        assert!(render(TEMPLATE, &entries, "v1").is_ok());
    }

    #[test]
    fn dev_registers_no_worker_and_retires_one() {
        let out = temp("dev");
        std::fs::write(out.join("sw-register.js"), "register").unwrap();
        assert!(write_dev(&out).is_ok());
        let script = std::fs::read_to_string(out.join("sw-register.js")).unwrap();
        assert!(script.contains("unregister()") && !script.contains(".register("));
        let worker = std::fs::read_to_string(out.join("sw.js")).unwrap();
        assert!(worker.contains("unregister()") && !worker.contains("'fetch'"));
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn the_command_line_names_what_is_wrong() {
        assert_eq!(command(&["a".into(), "--x".into()]), ExitCode::from(2));
        assert_eq!(command(&[]), ExitCode::from(2));
    }
}
