//! IMS QTI 1.2 (ASI) in an IMS content package, what Canvas, Blackboard and PrairieLearn
//! import: [`export`] writes a zip of `imsmanifest.xml` and one assessment, byte for byte the
//! same for the same questions (fixed zip timestamps); [`import`] reads such a zip (the
//! manifest, then its QTI resources) or a bare assessment XML.
//!
//! Mapping (export): `single` and `output` with choices → `multiple_choice_question`
//! (`response_lid rcardinality="Single"`), `multiple` → `multiple_answers_question` (all or
//! nothing), `true-false` → `true_false_question`, `text` and typed `output` →
//! `short_answer_question` (`response_str`, one `varequal` per accepted answer), `order` →
//! `matching_question` (each item matched to its position: QTI 1.2 as Canvas classic quizzes
//! read it has no ordering question). Prompts, choices and feedback are HTML (`mattext
//! texttype="text/html"` in CDATA); the question's code is `<pre><code
//! class="language-python">`, HTML-escaped. The explanation is the general feedback
//! (`itemfeedback ident="general_fb"`), each choice's `why` its own feedback. Kind,
//! difficulty, topic, category, tags and Python range ride in the item's `qtimetadata`, so
//! an export imports back to the same questions.

use std::io::{Cursor, Read, Write};

use quiz_core::markdown;
use quiz_core::parse::{Bank, CategoryInfo, Topic};
use quiz_core::{Answer, Choice, Difficulty, Kind, PythonRange, Question, Rng, TopicInfo};

use crate::xml::{self, Element, MdBlock};
use crate::{
    Exported, ImportError, ImportOptions, Imported, Report, Source, difficulty_from_tags, make_id,
};

/// The title of the exported assessment (the quiz's name in the LMS).
const TITLE: &str = "Python interview questions";
/// The paragraph an `order` question gets as a matching question, removed again on import.
const ORDER_NOTE: &str = "Give each item its position in the order: 1 is first.";
/// The namespace of QTI 1.2 ASI documents.
const QTI_NS: &str = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";
/// Where the QTI 1.2.1 ASI schema is published.
const QTI_XSD: &str = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd";
/// The namespace of IMS Content Packaging 1.1 manifests.
const CP_NS: &str = "http://www.imsglobal.org/xsd/imscp_v1p1";
/// Where the IMS CP 1.1 schema is published.
const CP_XSD: &str = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd";
/// Our own `qtimetadatafield` labels (LMSs ignore labels they do not know).
const META_KIND: &str = "quiz_kind";
const META_DIFFICULTY: &str = "quiz_difficulty";
const META_TOPIC: &str = "quiz_topic";
const META_TOPIC_TITLE: &str = "quiz_topic_title";
const META_CATEGORY: &str = "quiz_category";
const META_CATEGORY_TITLE: &str = "quiz_category_title";
const META_TAGS: &str = "quiz_tags";
const META_PYTHON: &str = "quiz_python";
/// Largest file read from a package (a guard against zip bombs).
const MAX_ENTRY: u64 = 64 << 20;

// ---------------------------------------------------------------------------------------
// Export

/// Writes `source` as a QTI 1.2 content package (zip bytes), with what each question lost.
pub fn export(source: &Source) -> Exported {
    let mut report = Report::default();
    let mut items = Xml::new(3);
    let mut written: Vec<&str> = Vec::new();
    for q in &source.questions {
        match item(q, source, &mut items) {
            Ok(losses) => {
                written.push(&q.id);
                if losses.is_empty() {
                    report.whole += 1;
                }
                for what in losses {
                    report.lose(&q.id, what);
                }
            }
            Err(why) => report.skip(&q.id, why),
        }
    }
    // Named after the questions written, so an import of it exports under the same name.
    let ident = format!("quiz-{:016x}", fnv1a(written.into_iter()));
    let href = format!("{ident}/{ident}.xml");
    let assessment = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <questestinterop xmlns=\"{QTI_NS}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{QTI_NS} {QTI_XSD}\">\n  \
         <assessment ident=\"{ident}\" title=\"{title}\">\n    \
         <section ident=\"root_section\">\n{items}    </section>\n  \
         </assessment>\n</questestinterop>\n",
        title = xml::escape(TITLE),
        items = items.out,
    );
    let manifest = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <manifest identifier=\"{ident}-manifest\" xmlns=\"{CP_NS}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{CP_NS} {CP_XSD}\">\n  \
         <metadata>\n    <schema>IMS Content</schema>\n    \
         <schemaversion>1.1.3</schemaversion>\n  </metadata>\n  \
         <organizations/>\n  <resources>\n    \
         <resource identifier=\"{ident}\" type=\"imsqti_xmlv1p2\" href=\"{href}\">\n      \
         <file href=\"{href}\"/>\n    </resource>\n  </resources>\n</manifest>\n"
    );
    // Writing a zip into memory cannot fail; an empty result would show in every test.
    let bytes =
        zip_files(&[("imsmanifest.xml", &manifest), (&href, &assessment)]).unwrap_or_default();
    Exported { bytes, report }
}

/// FNV-1a over `parts` (each followed by a 0 byte): a stable identifier for an export.
fn fnv1a<'a>(parts: impl Iterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A zip of `files` with fixed timestamps and permissions, so equal input gives equal bytes.
fn zip_files(files: &[(&str, &str)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, text) in files {
        w.start_file(*name, options)?;
        w.write_all(text.as_bytes())?;
    }
    Ok(w.finish()?.into_inner())
}

/// A small indenting XML writer.
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn new(depth: usize) -> Xml {
        Xml {
            out: String::new(),
            depth,
        }
    }

    fn tag(name: &str, attrs: &[(&str, &str)]) -> String {
        let mut s = format!("<{name}");
        for (k, v) in attrs {
            s.push_str(&format!(" {k}=\"{}\"", xml::escape(v)));
        }
        s
    }

    fn line(&mut self, s: &str) {
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.line(&(Xml::tag(name, attrs) + ">"));
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.line(&format!("</{name}>"));
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.line(&(Xml::tag(name, attrs) + "/>"));
    }

    /// `<name attrs>text</name>` on one line, `text` escaped.
    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.line(&format!(
            "{}>{}</{name}>",
            Xml::tag(name, attrs),
            xml::escape(text)
        ));
    }

    /// `<material><mattext texttype="text/html">` holding `html` in CDATA.
    fn html(&mut self, html: &str) {
        self.open("material", &[]);
        self.line(&format!(
            "<mattext texttype=\"text/html\">{}</mattext>",
            xml::cdata(html)
        ));
        self.close("material");
    }

    /// `<material><mattext texttype="text/plain">`.
    fn plain(&mut self, text: &str) {
        self.open("material", &[]);
        self.leaf("mattext", &[("texttype", "text/plain")], text);
        self.close("material");
    }

    fn field(&mut self, label: &str, entry: &str) {
        self.open("qtimetadatafield", &[]);
        self.leaf("fieldlabel", &[], label);
        self.leaf("fieldentry", &[], entry);
        self.close("qtimetadatafield");
    }

    fn varequal(&mut self, respident: &str, value: &str, case: bool) {
        if case {
            self.leaf(
                "varequal",
                &[("respident", respident), ("case", "Yes")],
                value,
            );
        } else {
            self.leaf("varequal", &[("respident", respident)], value);
        }
    }

    fn score(&mut self, action: &str, value: &str) {
        self.leaf("setvar", &[("action", action), ("varname", "SCORE")], value);
    }

    fn feedback_link(&mut self, ident: &str) {
        self.empty(
            "displayfeedback",
            &[("feedbacktype", "Response"), ("linkrefid", ident)],
        );
    }
}

/// The HTML of a prompt: the Markdown, the code, and `extra` HTML after it.
fn prompt_html(q: &Question, extra: &str) -> String {
    let mut html = xml::md_to_html(&q.prompt);
    if let Some(code) = &q.code {
        html.push('\n');
        // The trailing newline of a code block is not kept by HTML readers.
        html.push_str(&xml::code_html(code.trim_end_matches('\n'), Some("python")));
    }
    html.push_str(extra);
    html
}

/// The choices of a choice question: (ident, HTML, correct, why).
fn choice_rows(q: &Question, choices: &[Choice]) -> Vec<(String, String, bool, Option<String>)> {
    let as_code = q.kind() == Kind::Output;
    choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let html = if as_code {
                xml::code_html(&c.text, None)
            } else {
                xml::md_inline_html(&c.text)
            };
            (format!("c{}", i + 1), html, c.correct, c.why.clone())
        })
        .collect()
}

/// Writes question `q` as an `<item>` into `w`; the losses, or why it cannot be written.
fn item(q: &Question, source: &Source, w: &mut Xml) -> Result<Vec<&'static str>, &'static str> {
    let mut losses = Vec::new();
    if q.python.is_some() {
        losses.push("its Python version range (kept only in item metadata)");
    }
    let question_type = match &q.answer {
        Answer::Single { .. } | Answer::Output { .. } if !q.answer.choices().is_empty() => {
            "multiple_choice_question"
        }
        Answer::Multiple { .. } => "multiple_answers_question",
        Answer::TrueFalse { .. } => "true_false_question",
        Answer::Output { output, .. } => {
            if output.trim_end_matches(['\n', '\r']).contains('\n') {
                return Err("a multi-line output cannot be typed into a one-line short-answer box");
            }
            losses.push("case- and space-exact output matching (LMS short answers ignore case)");
            "short_answer_question"
        }
        Answer::Text { .. } => "short_answer_question",
        Answer::Order { .. } => {
            losses.push(
                "all-or-nothing ordering (written as a matching question: each item to its \
                 position, scored per item)",
            );
            "matching_question"
        }
        Answer::Single { .. } => "multiple_choice_question",
    };

    let mut x = Xml::new(w.depth);
    x.open("item", &[("ident", &q.id), ("title", &q.id)]);
    x.open("itemmetadata", &[]);
    x.open("qtimetadata", &[]);
    x.field("question_type", question_type);
    x.field("points_possible", "1");
    x.field(META_KIND, q.kind().as_str());
    x.field(META_DIFFICULTY, q.difficulty.as_str());
    x.field(META_TOPIC, &q.topic);
    x.field(META_TOPIC_TITLE, source.topic_title(&q.topic));
    x.field(META_CATEGORY, &q.category);
    x.field(META_CATEGORY_TITLE, source.category_title(&q.category));
    x.field(META_TAGS, &q.tags.join(","));
    if let Some(python) = &q.python {
        x.field(META_PYTHON, &python.to_string());
    }
    x.close("qtimetadata");
    x.close("itemmetadata");

    // (ident, html) of every <itemfeedback>, general feedback first.
    let mut feedback: Vec<(String, String)> =
        vec![("general_fb".to_string(), xml::md_to_html(&q.explanation))];
    x.open("presentation", &[]);
    match &q.answer {
        Answer::Single { choices }
        | Answer::Multiple { choices }
        | Answer::Output { choices, .. }
            if !choices.is_empty() =>
        {
            let rows = choice_rows(q, choices);
            x.html(&prompt_html(q, ""));
            let cardinality = if q.kind() == Kind::Multiple {
                "Multiple"
            } else {
                "Single"
            };
            x.open(
                "response_lid",
                &[("ident", "response1"), ("rcardinality", cardinality)],
            );
            x.open("render_choice", &[]);
            for (ident, html, _, _) in &rows {
                x.open("response_label", &[("ident", ident)]);
                x.html(html);
                x.close("response_label");
            }
            x.close("render_choice");
            x.close("response_lid");
            x.close("presentation");
            resprocessing_start(&mut x);
            for (ident, _, _, why) in &rows {
                if let Some(why) = why {
                    let fb = format!("{ident}_fb");
                    x.open("respcondition", &[("continue", "Yes")]);
                    x.open("conditionvar", &[]);
                    x.varequal("response1", ident, false);
                    x.close("conditionvar");
                    x.feedback_link(&fb);
                    x.close("respcondition");
                    feedback.push((fb, xml::md_inline_html(why)));
                }
            }
            x.open("respcondition", &[("continue", "No")]);
            x.open("conditionvar", &[]);
            if q.kind() == Kind::Multiple {
                x.open("and", &[]);
                for (ident, _, correct, _) in &rows {
                    if *correct {
                        x.varequal("response1", ident, false);
                    } else {
                        x.open("not", &[]);
                        x.varequal("response1", ident, false);
                        x.close("not");
                    }
                }
                x.close("and");
            } else {
                for (ident, _, _, _) in rows.iter().filter(|r| r.2) {
                    x.varequal("response1", ident, false);
                }
            }
            x.close("conditionvar");
            x.score("Set", "100");
            x.close("respcondition");
        }
        Answer::TrueFalse { answer } => {
            x.html(&prompt_html(q, ""));
            x.open(
                "response_lid",
                &[("ident", "response1"), ("rcardinality", "Single")],
            );
            x.open("render_choice", &[]);
            for (ident, text) in [("true", "True"), ("false", "False")] {
                x.open("response_label", &[("ident", ident)]);
                x.plain(text);
                x.close("response_label");
            }
            x.close("render_choice");
            x.close("response_lid");
            x.close("presentation");
            resprocessing_start(&mut x);
            x.open("respcondition", &[("continue", "No")]);
            x.open("conditionvar", &[]);
            x.varequal("response1", if *answer { "true" } else { "false" }, false);
            x.close("conditionvar");
            x.score("Set", "100");
            x.close("respcondition");
        }
        Answer::Text { .. }
        | Answer::Output { .. }
        | Answer::Single { .. }
        | Answer::Multiple { .. } => {
            let (accept, exact): (Vec<String>, bool) = match &q.answer {
                Answer::Text { accept } => (accept.clone(), false),
                Answer::Output { output, .. } => (
                    vec![output.trim_end_matches(['\n', '\r']).to_string()],
                    true,
                ),
                _ => (Vec::new(), false),
            };
            x.html(&prompt_html(q, ""));
            x.open(
                "response_str",
                &[("ident", "response1"), ("rcardinality", "Single")],
            );
            x.open("render_fib", &[]);
            x.empty(
                "response_label",
                &[("ident", "answer1"), ("rshuffle", "No")],
            );
            x.close("render_fib");
            x.close("response_str");
            x.close("presentation");
            resprocessing_start(&mut x);
            for a in &accept {
                x.open("respcondition", &[("continue", "No")]);
                x.open("conditionvar", &[]);
                x.varequal("response1", a, exact);
                x.close("conditionvar");
                x.score("Set", "100");
                x.close("respcondition");
            }
        }
        Answer::Order { items } => {
            let n = items.len();
            let shown = scrambled(n, &q.id);
            x.html(&prompt_html(
                q,
                &format!("\n<p>{}</p>", xml::escape_html(ORDER_NOTE)),
            ));
            for (k, &j) in shown.iter().enumerate() {
                let text = items.get(j).map_or("", String::as_str);
                x.open(
                    "response_lid",
                    &[
                        ("ident", &format!("r{}", k + 1)),
                        ("rcardinality", "Single"),
                    ],
                );
                x.html(&xml::md_inline_html(text));
                x.open("render_choice", &[]);
                for p in 1..=n {
                    x.open("response_label", &[("ident", &format!("p{p}"))]);
                    x.plain(&p.to_string());
                    x.close("response_label");
                }
                x.close("render_choice");
                x.close("response_lid");
            }
            x.close("presentation");
            resprocessing_start(&mut x);
            let share = format!("{:.2}", 100.0 / n.max(1) as f64);
            for (k, &j) in shown.iter().enumerate() {
                x.open("respcondition", &[("continue", "Yes")]);
                x.open("conditionvar", &[]);
                x.varequal(&format!("r{}", k + 1), &format!("p{}", j + 1), false);
                x.close("conditionvar");
                x.score("Add", &share);
                x.close("respcondition");
            }
        }
    }
    x.close("resprocessing");
    for (ident, html) in &feedback {
        x.open("itemfeedback", &[("ident", ident)]);
        x.open("flow_mat", &[]);
        x.html(html);
        x.close("flow_mat");
        x.close("itemfeedback");
    }
    x.close("item");
    w.out.push_str(&x.out);
    Ok(losses)
}

/// Opens `<resprocessing>` with the SCORE variable and the general feedback, shown always.
fn resprocessing_start(x: &mut Xml) {
    x.open("resprocessing", &[]);
    x.open("outcomes", &[]);
    x.empty(
        "decvar",
        &[
            ("maxvalue", "100"),
            ("minvalue", "0"),
            ("varname", "SCORE"),
            ("vartype", "Decimal"),
        ],
    );
    x.close("outcomes");
    x.open("respcondition", &[("continue", "Yes")]);
    x.open("conditionvar", &[]);
    x.empty("other", &[]);
    x.close("conditionvar");
    x.feedback_link("general_fb");
    x.close("respcondition");
}

/// The order `n` items are shown in: shuffled by a seed from `id`, never the right order.
fn scrambled(n: usize, id: &str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let seed = fnv1a(std::iter::once(id));
    let mut rng = Rng::new((seed ^ (seed >> 32)) as u32);
    rng.shuffle(&mut order);
    if n > 1 && order.iter().enumerate().all(|(i, &j)| i == j) {
        order.rotate_left(1);
    }
    order
}

// ---------------------------------------------------------------------------------------
// Import

/// Reads a QTI 1.2 content package (zip) or a bare QTI 1.2 assessment XML.
///
/// # Errors
/// A zip that cannot be read or has no `imsmanifest.xml`, a manifest without a QTI resource
/// or naming a file the zip lacks, XML that is not well-formed, or a document that is not
/// QTI (`<questestinterop>`): each with its position. Nothing of it should be written.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    let docs = if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        read_package(bytes)?
    } else {
        vec![(String::new(), xml::parse(bytes)?)]
    };
    let mut reader = Importer::new(options);
    for (file, root) in &docs {
        if root.local_name() != "questestinterop" {
            return Err(ImportError {
                at: located(file, &root.at()),
                message: format!(
                    "not a QTI 1.2 document: the root element is <{}>, expected \
                     <questestinterop>",
                    root.name
                ),
            });
        }
        let file_title = file
            .rsplit('/')
            .next()
            .and_then(|f| f.split('.').next())
            .filter(|f| !f.is_empty())
            .unwrap_or("Imported");
        let prefix = if file.is_empty() {
            String::new()
        } else {
            format!("{file}:")
        };
        reader.container(root, &prefix, "/questestinterop", file_title);
    }
    Ok(reader.finish())
}

/// `at` inside zip entry `file` (nothing added for a bare XML file).
fn located(file: &str, at: &str) -> String {
    if file.is_empty() {
        at.to_string()
    } else {
        format!("{file}: {at}")
    }
}

/// The QTI documents of a content package: (entry name, root element), in manifest order.
fn read_package(bytes: &[u8]) -> Result<Vec<(String, Element)>, ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ImportError {
        at: "zip".into(),
        message: format!("not a readable zip file: {e}"),
    })?;
    let manifest_name = archive
        .file_names()
        .find(|n| n.eq_ignore_ascii_case("imsmanifest.xml"))
        .map(str::to_string)
        .ok_or_else(|| ImportError {
            at: "zip".into(),
            message: "no imsmanifest.xml at the top of the zip: a QTI content package lists \
                      its assessments there (to import one assessment, give its .xml file)"
                .into(),
        })?;
    let manifest_bytes = read_entry(&mut archive, &manifest_name)?;
    let manifest = xml::parse(&manifest_bytes).map_err(|e| ImportError {
        at: located(&manifest_name, &e.at),
        message: e.message,
    })?;
    if manifest.local_name() != "manifest" {
        return Err(ImportError {
            at: located(&manifest_name, &manifest.at()),
            message: format!(
                "the root element is <{}>, expected <manifest>",
                manifest.name
            ),
        });
    }
    let mut docs = Vec::new();
    let mut resources = Vec::new();
    descendants(&manifest, "resource", &mut resources);
    for res in resources {
        let kind = res.attr("type").unwrap_or_default();
        if !kind.starts_with("imsqti_xmlv1p2") {
            continue;
        }
        let href = res
            .attr("href")
            .or_else(|| res.child("file").and_then(|f| f.attr("href")))
            .ok_or_else(|| ImportError {
                at: located(&manifest_name, &res.at()),
                message: "a QTI <resource> without an href or a <file href>".into(),
            })?;
        let name = href.trim_start_matches("./").to_string();
        if !archive.file_names().any(|n| n == name) {
            return Err(ImportError {
                at: located(&manifest_name, &res.at()),
                message: format!(
                    "resource \"{}\" names {name}, which is not in the zip",
                    res.attr("identifier").unwrap_or_default()
                ),
            });
        }
        let data = read_entry(&mut archive, &name)?;
        let root = xml::parse(&data).map_err(|e| ImportError {
            at: located(&name, &e.at),
            message: e.message,
        })?;
        docs.push((name, root));
    }
    if docs.is_empty() {
        return Err(ImportError {
            at: located(&manifest_name, &manifest.at()),
            message: "the manifest lists no QTI 1.2 assessment (a <resource \
                      type=\"imsqti_xmlv1p2\">)"
                .into(),
        });
    }
    Ok(docs)
}

fn read_entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Vec<u8>, ImportError> {
    let fail = |e: &dyn std::fmt::Display| ImportError {
        at: format!("zip entry {name}"),
        message: format!("cannot be read: {e}"),
    };
    let file = archive.by_name(name).map_err(|e| fail(&e))?;
    let mut data = Vec::new();
    file.take(MAX_ENTRY)
        .read_to_end(&mut data)
        .map_err(|e| fail(&e))?;
    Ok(data)
}

/// Every descendant of `e` named `name`, in document order.
fn descendants<'a>(e: &'a Element, name: &str, out: &mut Vec<&'a Element>) {
    for c in e.elements() {
        if c.local_name() == name {
            out.push(c);
        }
        descendants(c, name, out);
    }
}

/// A question read from an item, before it gets its id and topic.
struct ReadItem {
    kind_meta: bool,
    prompt: String,
    code: Option<String>,
    explanation: String,
    answer: Answer,
    lost: Vec<&'static str>,
}

/// Builds a bank from the items of one or more documents.
struct Importer<'a> {
    options: &'a ImportOptions,
    categories: Vec<CategoryInfo>,
    topics: Vec<Topic>,
    /// Topic slugs by default title (assessments without our metadata).
    titled: Vec<(String, String)>,
    taken_ids: Vec<String>,
    taken_topics: Vec<String>,
    report: Report,
}

impl<'a> Importer<'a> {
    fn new(options: &'a ImportOptions) -> Importer<'a> {
        Importer {
            options,
            categories: Vec::new(),
            topics: Vec::new(),
            titled: Vec::new(),
            taken_ids: Vec::new(),
            taken_topics: Vec::new(),
            report: Report::default(),
        }
    }

    /// Reads the items of `el` (questestinterop, assessment, section or objectbank) at
    /// XML path `path`; `title` names the topic of items without our metadata.
    fn container(&mut self, el: &Element, file: &str, path: &str, title: &str) {
        let mut seen: Vec<(String, usize)> = Vec::new();
        for child in el.elements() {
            let name = child.local_name();
            let n = match seen.iter_mut().find(|(k, _)| k == name) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((name.to_string(), 1));
                    1
                }
            };
            let child_path = format!("{path}/{name}[{n}]");
            match name {
                "assessment" | "objectbank" => {
                    let t = child
                        .attr("title")
                        .filter(|t| !t.trim().is_empty())
                        .unwrap_or(title);
                    self.container(child, file, &child_path, t);
                }
                "section" => self.container(child, file, &child_path, title),
                "item" => {
                    let at = format!("{file}{child_path} (line {})", child.line);
                    match read_item(child) {
                        Ok(read) => self.add(child, read, title),
                        Err(why) => self.report.skip(&at, &why),
                    }
                }
                _ => {}
            }
        }
    }

    fn add(&mut self, item: &Element, read: ReadItem, title: &str) {
        let meta = metadata(item);
        let get = |label: &str| {
            meta.iter()
                .find(|(l, _)| l == label)
                .map(|(_, v)| v.as_str())
                .filter(|v| !v.is_empty())
        };
        let tags: Vec<String> = get(META_TAGS)
            .map(|t| {
                t.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .filter(|t: &Vec<String>| !t.is_empty())
            .unwrap_or_else(|| vec!["imported".to_string()]);
        let difficulty = get(META_DIFFICULTY)
            .and_then(Difficulty::from_slug)
            .or_else(|| difficulty_from_tags(tags.iter().map(String::as_str)))
            .unwrap_or(self.options.difficulty);
        let ident = item.attr("ident").unwrap_or_default();
        let id = if read.kind_meta && is_kebab(ident) && !self.taken_ids.iter().any(|t| t == ident)
        {
            self.taken_ids.push(ident.to_string());
            ident.to_string()
        } else {
            make_id(&markdown::plain(&read.prompt), &mut self.taken_ids)
        };
        let (category, category_title) = match get(META_CATEGORY) {
            Some(c) => (
                c.to_string(),
                get(META_CATEGORY_TITLE).unwrap_or(c).to_string(),
            ),
            None => self.options.category.clone(),
        };
        let (topic, topic_title) = match get(META_TOPIC) {
            Some(t) => (
                t.to_string(),
                get(META_TOPIC_TITLE).unwrap_or(t).to_string(),
            ),
            None => {
                let slug = match self.titled.iter().find(|(t, _)| t == title) {
                    Some((_, slug)) => slug.clone(),
                    None => {
                        let slug = make_id(title, &mut self.taken_topics);
                        self.titled.push((title.to_string(), slug.clone()));
                        slug
                    }
                };
                (slug, title.to_string())
            }
        };
        if !self.taken_topics.contains(&topic) {
            self.taken_topics.push(topic.clone());
        }
        if !self.categories.iter().any(|c| c.slug == category) {
            self.categories.push(CategoryInfo {
                slug: category.clone(),
                title: category_title,
            });
        }
        let python = get(META_PYTHON).and_then(|p| PythonRange::parse(p).ok());
        if read.lost.is_empty() {
            self.report.whole += 1;
        } else {
            for what in &read.lost {
                self.report.lose(&id, what);
            }
        }
        let q = Question {
            id,
            topic: topic.clone(),
            category: category.clone(),
            difficulty,
            tags,
            prompt: read.prompt,
            code: read.code,
            explanation: read.explanation,
            python,
            answer: read.answer,
        };
        match self.topics.iter_mut().find(|t| t.info.slug == topic) {
            Some(t) => t.questions.push(q),
            None => self.topics.push(Topic {
                info: TopicInfo {
                    slug: topic,
                    title: topic_title,
                    category,
                    counts: [0; 3],
                },
                questions: vec![q],
            }),
        }
    }

    fn finish(mut self) -> Imported {
        for t in &mut self.topics {
            t.info.counts = [0; 3];
            for q in &t.questions {
                if let Some(c) = t.info.counts.get_mut(q.difficulty.index()) {
                    *c += 1;
                }
            }
        }
        Imported {
            bank: Bank {
                categories: self.categories,
                topics: self.topics,
            },
            report: self.report,
        }
    }
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The `qtimetadatafield`s of an item: (label, entry), trimmed.
fn metadata(item: &Element) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    if let Some(meta) = item.child("itemmetadata") {
        let mut found = Vec::new();
        descendants(meta, "qtimetadatafield", &mut found);
        for f in found {
            let label = f.child("fieldlabel").map(Element::text).unwrap_or_default();
            let entry = f.child("fieldentry").map(Element::text).unwrap_or_default();
            fields.push((label.trim().to_string(), entry.trim().to_string()));
        }
    }
    fields
}

/// Markdown blocks of the `mattext`s under `e` (not looking into responses), and what the
/// conversion lost.
fn material_blocks(e: &Element, blocks: &mut Vec<MdBlock>, lost: &mut Vec<&'static str>) {
    for c in e.elements() {
        match c.local_name() {
            "mattext" | "matemtext" => {
                let text = c.text();
                let html = c.attr("texttype").is_some_and(|t| t.contains("html"))
                    || (text.contains("</") || text.contains("<br") || text.contains("<p>"));
                if html {
                    let converted = xml::html_to_blocks(&text);
                    blocks.extend(converted.blocks);
                    for l in converted.lost {
                        if !lost.contains(&l) {
                            lost.push(l);
                        }
                    }
                } else if !text.trim().is_empty() {
                    blocks.push(MdBlock::Para(text.trim().to_string()));
                }
            }
            "matimage" | "mataudio" | "matvideo" | "matapplet" | "matapplication" => {
                let what = "images, audio and applets";
                if !lost.contains(&what) {
                    lost.push(what);
                }
            }
            "response_lid" | "response_str" | "response_num" | "response_xy" | "response_grp"
            | "response_extension" | "render_choice" | "render_fib" | "response_label" => {}
            _ => material_blocks(c, blocks, lost),
        }
    }
}

/// The Markdown of `e`'s material.
fn material_md(e: &Element, lost: &mut Vec<&'static str>) -> String {
    let mut blocks = Vec::new();
    material_blocks(e, &mut blocks, lost);
    xml::blocks_to_md(&blocks)
}

/// A response condition, simplified: what it tests, what it scores, what it shows.
struct Cond<'a> {
    /// `varequal`s not under `<not>`: (respident, value, index).
    equal: Vec<(&'a str, String, Option<usize>)>,
    /// Whether it tests `<other/>` (always true).
    other: bool,
    /// Whether it raises the score (`setvar` Set or Add with a positive value).
    scores: bool,
    /// `displayfeedback` targets.
    feedback: Vec<&'a str>,
}

fn conditions(item: &Element) -> Vec<Cond<'_>> {
    fn collect<'a>(e: &'a Element, negated: bool, c: &mut Cond<'a>) {
        for k in e.elements() {
            match k.local_name() {
                "varequal" if !negated => c.equal.push((
                    k.attr("respident").unwrap_or_default(),
                    k.text().trim().to_string(),
                    k.attr("index").and_then(|i| i.trim().parse().ok()),
                )),
                "other" if !negated => c.other = true,
                "not" => collect(k, !negated, c),
                _ => collect(k, negated, c),
            }
        }
    }
    let mut out = Vec::new();
    let mut conds = Vec::new();
    for rp in item.children_named("resprocessing") {
        conds.extend(rp.children_named("respcondition"));
    }
    for rc in conds {
        let mut c = Cond {
            equal: Vec::new(),
            other: false,
            scores: false,
            feedback: Vec::new(),
        };
        if let Some(cv) = rc.child("conditionvar") {
            collect(cv, false, &mut c);
        }
        c.scores = rc.children_named("setvar").any(|s| {
            let action = s.attr("action").unwrap_or("Set");
            let value: f64 = s.text().trim().parse().unwrap_or(0.0);
            matches!(action, "Set" | "Add") && value > 0.0
        });
        c.feedback = rc
            .children_named("displayfeedback")
            .filter_map(|d| d.attr("linkrefid"))
            .collect();
        out.push(c);
    }
    out
}

/// A `response_label` of a choice response: (ident, Markdown, the sole code block if that
/// is all it holds).
struct Label {
    ident: String,
    md: String,
    code: Option<String>,
}

fn labels(response: &Element, lost: &mut Vec<&'static str>) -> Vec<Label> {
    let mut found = Vec::new();
    descendants(response, "response_label", &mut found);
    found
        .into_iter()
        .map(|l| {
            let mut blocks = Vec::new();
            material_blocks(l, &mut blocks, lost);
            if blocks.is_empty() {
                // Bare text inside the label.
                let t = l.text();
                if !t.trim().is_empty() {
                    blocks.push(MdBlock::Para(t.trim().to_string()));
                }
            }
            let code = match blocks.as_slice() {
                [MdBlock::Code(c, _)] => Some(c.clone()),
                _ => None,
            };
            Label {
                ident: l.attr("ident").unwrap_or_default().to_string(),
                md: xml::blocks_to_md(&blocks),
                code,
            }
        })
        .collect()
}

/// The response elements of a presentation, in document order.
fn responses<'a>(e: &'a Element, out: &mut Vec<&'a Element>) {
    for c in e.elements() {
        match c.local_name() {
            "response_lid" | "response_str" | "response_num" | "response_xy" | "response_grp"
            | "response_extension" => out.push(c),
            _ => responses(c, out),
        }
    }
}

/// Reads one `<item>`, or says why it cannot be a question of the bank.
fn read_item(item: &Element) -> Result<ReadItem, String> {
    let meta = metadata(item);
    let get = |label: &str| {
        meta.iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(label))
            .map(|(_, v)| v.as_str())
    };
    let our_kind = get(META_KIND).and_then(Kind::from_slug);
    let qtype = get("question_type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let unsupported = [
        (
            "essay_question",
            "an essay question has no answer to grade automatically",
        ),
        (
            "file_upload_question",
            "a file-upload question has no answer to grade automatically",
        ),
        ("text_only_question", "a text-only item is not a question"),
        (
            "numerical_question",
            "numeric answers (ranges, tolerances) have no equivalent kind",
        ),
        (
            "calculated_question",
            "calculated (formula) questions have no equivalent kind",
        ),
        (
            "fill_in_multiple_blanks_question",
            "several blanks in one question have no equivalent kind",
        ),
        (
            "multiple_dropdowns_question",
            "several dropdowns in one question have no equivalent kind",
        ),
    ];
    if let Some((_, why)) = unsupported.iter().find(|(t, _)| *t == qtype) {
        return Err(format!("{qtype}: {why}"));
    }
    let presentation = item
        .child("presentation")
        .ok_or_else(|| "the item has no <presentation>".to_string())?;
    let mut lost = Vec::new();
    let mut blocks = Vec::new();
    material_blocks(presentation, &mut blocks, &mut lost);
    // The note an ordering gets as a matching question, after the code.
    if let Some(MdBlock::Para(p)) = blocks.last() {
        if p == ORDER_NOTE {
            blocks.pop();
        }
    }
    // Our code block: the last one, marked as Python.
    let mut code = None;
    if let Some(MdBlock::Code(text, Some(lang))) = blocks.last() {
        if lang == "python" || lang == "py" {
            code = Some(text.clone());
            blocks.pop();
        }
    }
    let mut resp = Vec::new();
    responses(presentation, &mut resp);
    let conds = conditions(item);

    // Feedback: ident → Markdown.
    let mut feedback: Vec<(String, String)> = Vec::new();
    for fb in item.children_named("itemfeedback") {
        let md = material_md(fb, &mut lost);
        feedback.push((fb.attr("ident").unwrap_or_default().to_string(), md));
    }
    let fb_text = |ident: &str| {
        feedback
            .iter()
            .find(|(i, _)| i == ident)
            .map(|(_, md)| md.clone())
            .filter(|md| !md.trim().is_empty())
    };
    let explanation = conds
        .iter()
        .filter(|c| c.other && !c.scores)
        .flat_map(|c| c.feedback.iter())
        .find_map(|id| fb_text(id))
        .or_else(|| fb_text("general_fb"))
        .or_else(|| fb_text("correct_fb"))
        .or_else(|| {
            // A solution or other feedback not tied to a choice.
            feedback
                .iter()
                .filter(|(i, _)| {
                    i != "general_incorrect_fb"
                        && !conds
                            .iter()
                            .any(|c| !c.other && !c.scores && c.feedback.contains(&i.as_str()))
                })
                .map(|(_, md)| md.clone())
                .find(|md| !md.trim().is_empty())
        })
        .unwrap_or_default();

    let strs: Vec<&&Element> = resp
        .iter()
        .filter(|r| r.local_name() == "response_str")
        .collect();
    let lids: Vec<&&Element> = resp
        .iter()
        .filter(|r| r.local_name() == "response_lid")
        .collect();
    let answer = if lids.len() > 1 || qtype == "matching_question" || our_kind == Some(Kind::Order)
    {
        // Matching; an ordering when every item is matched to a distinct position 1..n.
        let mut placed: Vec<(usize, String)> = Vec::new();
        for lid in &lids {
            let lid_ident = lid.attr("ident").unwrap_or_default();
            let mut item_blocks = Vec::new();
            for m in lid.children_named("material") {
                material_blocks(m, &mut item_blocks, &mut lost);
            }
            let options = labels(lid, &mut lost);
            let right: Vec<&str> = conds
                .iter()
                .filter(|c| c.scores)
                .flat_map(|c| c.equal.iter())
                .filter(|(r, _, _)| *r == lid_ident)
                .map(|(_, v, _)| v.as_str())
                .collect();
            let position = match right.as_slice() {
                [one] => options
                    .iter()
                    .find(|o| o.ident == *one)
                    .and_then(|o| o.md.trim().parse::<usize>().ok()),
                _ => None,
            };
            match position {
                Some(p) => placed.push((p, xml::blocks_to_md(&item_blocks))),
                None => {
                    return Err(
                        "a matching question (the bank has no matching kind; only one that \
                         matches items to positions 1, 2, … reads as an ordering)"
                            .into(),
                    );
                }
            }
        }
        placed.sort_by_key(|(p, _)| *p);
        let n = placed.len();
        if n < 2 || placed.iter().enumerate().any(|(i, (p, _))| *p != i + 1) {
            return Err(
                "a matching question (the bank has no matching kind; only one that matches \
                 items to positions 1, 2, … reads as an ordering)"
                    .into(),
            );
        }
        Answer::Order {
            items: placed.into_iter().map(|(_, t)| t).collect(),
        }
    } else if let [lid] = lids.as_slice() {
        let cardinality = lid.attr("rcardinality").unwrap_or("Single");
        let options = labels(lid, &mut lost);
        if options.len() < 2 {
            return Err("a choice question with fewer than two choices".into());
        }
        let correct: Vec<&str> = conds
            .iter()
            .filter(|c| c.scores)
            .flat_map(|c| c.equal.iter())
            .filter(|(r, _, _)| *r == lid.attr("ident").unwrap_or_default() || r.is_empty())
            .map(|(_, v, _)| v.as_str())
            .collect();
        if cardinality == "Ordered" {
            // QTI's own ordering: the right sequence is the scored varequals, by index.
            let mut seq: Vec<(usize, &str)> = conds
                .iter()
                .filter(|c| c.scores)
                .flat_map(|c| c.equal.iter())
                .enumerate()
                .map(|(i, (_, v, index))| (index.unwrap_or(i + 1), v.as_str()))
                .collect();
            seq.sort_by_key(|(i, _)| *i);
            let items: Option<Vec<String>> = seq
                .iter()
                .map(|(_, v)| options.iter().find(|o| o.ident == *v).map(|o| o.md.clone()))
                .collect();
            match items {
                Some(items) if items.len() == options.len() && items.len() >= 2 => {
                    Answer::Order { items }
                }
                _ => return Err("an ordering question without a complete right order".into()),
            }
        } else {
            let choice = |o: &Label, as_code: bool| Choice {
                text: if as_code {
                    o.code.clone().unwrap_or_else(|| o.md.clone())
                } else {
                    o.md.clone()
                },
                correct: correct.contains(&o.ident.as_str()),
                why: conds
                    .iter()
                    .filter(|c| !c.scores && !c.other)
                    .filter(|c| matches!(c.equal.as_slice(), [(_, v, _)] if *v == o.ident))
                    .flat_map(|c| c.feedback.iter())
                    .find_map(|id| fb_text(id)),
            };
            let n_correct = options
                .iter()
                .filter(|o| correct.contains(&o.ident.as_str()))
                .count();
            if n_correct == 0 {
                return Err("no choice is marked right".into());
            }
            let is_tf = |o: &Label| {
                let t = markdown::plain(&o.md).trim().to_ascii_lowercase();
                t == "true" || t == "false"
            };
            let tf_shape = options.len() == 2 && options.iter().all(is_tf) && n_correct == 1;
            match our_kind {
                Some(Kind::TrueFalse) | None if tf_shape => {
                    let right = options
                        .iter()
                        .find(|o| correct.contains(&o.ident.as_str()))
                        .map(|o| markdown::plain(&o.md).trim().eq_ignore_ascii_case("true"))
                        .unwrap_or_default();
                    Answer::TrueFalse { answer: right }
                }
                // Ours, or any single-answer item with Python code whose choices are all
                // preformatted: "what does this print?".
                Some(Kind::Output) | None
                    if code.is_some()
                        && n_correct == 1
                        && cardinality == "Single"
                        && (our_kind.is_some() || options.iter().all(|o| o.code.is_some())) =>
                {
                    let choices: Vec<Choice> = options.iter().map(|o| choice(o, true)).collect();
                    let output = choices
                        .iter()
                        .find(|c| c.correct)
                        .map(|c| format!("{}\n", c.text))
                        .unwrap_or_default();
                    Answer::Output { output, choices }
                }
                _ if cardinality == "Multiple" || our_kind == Some(Kind::Multiple) => {
                    Answer::Multiple {
                        choices: options.iter().map(|o| choice(o, false)).collect(),
                    }
                }
                _ if n_correct > 1 => {
                    return Err("a single-answer question with more than one right choice".into());
                }
                _ => Answer::Single {
                    choices: options.iter().map(|o| choice(o, false)).collect(),
                },
            }
        }
    } else if let [_] = strs.as_slice() {
        let mut accept: Vec<String> = Vec::new();
        for c in conds.iter().filter(|c| c.scores) {
            for (_, v, _) in &c.equal {
                if !v.is_empty() && !accept.contains(v) {
                    accept.push(v.clone());
                }
            }
        }
        if accept.is_empty() {
            return Err(
                "a typed answer with no accepted answer (an essay, or numeric ranges) has no \
                 equivalent kind"
                    .into(),
            );
        }
        match (our_kind, &code, accept.as_slice()) {
            (Some(Kind::Output), Some(_), [one]) => Answer::Output {
                output: format!("{one}\n"),
                choices: Vec::new(),
            },
            _ => Answer::Text { accept },
        }
    } else if strs.len() > 1 {
        return Err("several blanks in one question have no equivalent kind".into());
    } else if resp.is_empty() {
        return Err("the item asks for no response (a text-only item?)".into());
    } else {
        let name = resp.first().map_or("", |r| r.local_name());
        return Err(format!("<{name}> responses have no equivalent kind"));
    };
    Ok(ReadItem {
        kind_meta: our_kind.is_some(),
        prompt: xml::blocks_to_md(&blocks),
        code,
        explanation,
        answer,
        lost,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/lms/qti12")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn builtin() -> Source {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let bank = quiz_core::parse::load_dir(&root, "content").expect("the built-in bank loads");
        Source::from_bank(&bank)
    }

    /// The entries of a zip: (name, text), in zip order.
    fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut f = archive.by_index(i).unwrap();
                let mut text = String::new();
                f.read_to_string(&mut text).unwrap();
                (f.name().to_string(), text)
            })
            .collect()
    }

    fn q(id: &str, answer: Answer) -> Question {
        Question {
            id: id.into(),
            topic: "basics".into(),
            category: "core".into(),
            difficulty: Difficulty::Medium,
            tags: vec!["lists".into(), "medium".into()],
            prompt: "Which is *right* for `a < b`?".into(),
            code: None,
            explanation: "Because **that** is how `<` works.\n\n- one\n- two".into(),
            python: None,
            answer,
        }
    }

    fn choice(text: &str, correct: bool, why: Option<&str>) -> Choice {
        Choice {
            text: text.into(),
            correct,
            why: why.map(str::to_string),
        }
    }

    /// One question of every kind (and both kinds of `output`).
    fn small() -> Source {
        let mut output = q(
            "prints-a-dict",
            Answer::Output {
                output: "{1: 'float'}\n".into(),
                choices: vec![
                    choice(
                        "{1: 'one', True: 'yes'}",
                        false,
                        Some("Equal keys are one key."),
                    ),
                    choice("{1: 'float'}", true, None),
                ],
            },
        );
        output.code = Some(
            "d = {1: \"one\", True: \"yes\", 1.0: \"float\"}\nif d < 2 & 3:\n    print(d)".into(),
        );
        let mut typed = q(
            "typed-output",
            Answer::Output {
                output: "2 True\n".into(),
                choices: vec![],
            },
        );
        typed.code = Some("print(True + True, True)".into());
        let mut multiline = q(
            "multi-line-output",
            Answer::Output {
                output: "a\nb\n".into(),
                choices: vec![],
            },
        );
        multiline.code = Some("print('a')\nprint('b')".into());
        let mut versioned = q("true-false", Answer::TrueFalse { answer: false });
        versioned.python = Some(PythonRange::parse(">=3.12").unwrap());
        let questions = vec![
            q(
                "single-choice",
                Answer::Single {
                    choices: vec![
                        choice("`a`", true, Some("It is *a*.")),
                        choice("b & c", false, Some("Not <b>.")),
                        choice("d", false, None),
                    ],
                },
            ),
            q(
                "multiple-choice",
                Answer::Multiple {
                    choices: vec![
                        choice("x", true, None),
                        choice("y", false, Some("No.")),
                        choice("z", true, None),
                    ],
                },
            ),
            versioned,
            output,
            typed,
            multiline,
            q(
                "text-answer",
                Answer::Text {
                    accept: vec!["dict".into(), "a dict".into()],
                },
            ),
            q(
                "order-items",
                Answer::Order {
                    items: vec!["first `a`".into(), "second".into(), "third".into()],
                },
            ),
        ];
        Source {
            categories: vec![CategoryInfo {
                slug: "core".into(),
                title: "Core & more".into(),
            }],
            topics: vec![TopicInfo {
                slug: "basics".into(),
                title: "The basics".into(),
                category: "core".into(),
                counts: [0, 8, 0],
            }],
            questions,
        }
    }

    #[test]
    fn exports_a_package_with_every_kind() {
        let out = export(&small());
        let files = unzip(&out.bytes);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert_eq!(names[0], "imsmanifest.xml");
        let (href, qti) = &files[1];
        assert!(
            files[0]
                .1
                .contains(&format!("type=\"imsqti_xmlv1p2\" href=\"{href}\""))
        );

        let r = &out.report;
        assert_eq!(r.whole, 4, "{r}");
        assert_eq!(r.skipped.len(), 1, "{r}");
        assert_eq!(r.skipped[0].at, "multi-line-output");
        let lossy: Vec<&str> = r.lossy.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(lossy, ["true-false", "typed-output", "order-items"], "{r}");
        assert_eq!(r.done() + r.skipped.len(), 8);

        // Canvas's question types, and our kinds beside them.
        for t in [
            "multiple_choice_question",
            "multiple_answers_question",
            "true_false_question",
            "short_answer_question",
            "matching_question",
        ] {
            assert!(
                qti.contains(&format!("<fieldentry>{t}</fieldentry>")),
                "{t}"
            );
        }
        // Code survives as escaped HTML inside CDATA; prompts are HTML.
        assert!(qti.contains(
            "<pre><code class=\"language-python\">d = {1: &quot;one&quot;, True: &quot;yes&quot;, 1.0: &quot;float&quot;}\nif d &lt; 2 &amp; 3:\n    print(d)</code></pre>"
        ));
        assert!(qti.contains("<![CDATA[<p>Which is <em>right</em> for <code>a &lt; b</code>?</p>"));
        assert!(
            qti.contains("<pre><code>{1: &#39;float&#39;}</code></pre>")
                || qti.contains("<pre><code>{1: 'float'}</code></pre>")
        );
        // All-or-nothing multiple answers; case-sensitive typed output; every accepted answer.
        assert!(qti.contains("<not>"));
        assert!(qti.contains("<varequal respident=\"response1\" case=\"Yes\">2 True</varequal>"));
        assert!(qti.contains("<varequal respident=\"response1\">a dict</varequal>"));
        // Feedback: general and per choice.
        assert!(qti.contains("<itemfeedback ident=\"general_fb\">"));
        assert!(qti.contains("<![CDATA[Not &lt;b&gt;.]]>"));
        assert!(qti.contains("linkrefid=\"c2_fb\""));
        // The order question is never shown in its right order.
        let order = qti.split("ident=\"order-items\"").nth(1).unwrap();
        let shown: Vec<usize> = ["first", "second", "third"]
            .iter()
            .map(|t| order.find(t).unwrap())
            .collect();
        assert!(
            !shown.windows(2).all(|w| w[0] < w[1]),
            "shown in the right order"
        );
        assert!(order.contains(ORDER_NOTE));
    }

    #[test]
    fn exports_are_byte_for_byte_reproducible() {
        let a = export(&small()).bytes;
        let b = export(&small()).bytes;
        assert_eq!(a, b);
        let mut archive = zip::ZipArchive::new(Cursor::new(&a[..])).unwrap();
        let f = archive.by_index(0).unwrap();
        assert_eq!(
            f.last_modified(),
            Some(zip::DateTime::default()),
            "fixed timestamps"
        );
    }

    #[test]
    fn a_small_bank_round_trips() {
        let source = small();
        let first = export(&source);
        let back = import(&first.bytes, &ImportOptions::default()).unwrap();
        assert_eq!(back.report.skipped, vec![]);
        let exported: Vec<&Question> = source
            .questions
            .iter()
            .filter(|q| q.id != "multi-line-output")
            .collect();
        let read: Vec<&Question> = back.bank.questions().collect();
        assert_eq!(read.len(), exported.len());
        for (a, b) in exported.iter().zip(&read) {
            assert_eq!(*a, *b);
        }
        assert_eq!(back.bank.categories[0].title, "Core & more");
        assert_eq!(back.bank.topics[0].info.title, "The basics");
        assert_eq!(back.bank.topics[0].info.counts, [0, 7, 0]);
        let second = export(&Source::from_bank(&back.bank));
        assert_eq!(first.bytes, second.bytes);
    }

    #[test]
    fn the_whole_built_in_bank_is_accounted_for_and_round_trips() {
        let source = builtin();
        let first = export(&source);
        let r = &first.report;
        assert_eq!(r.done() + r.skipped.len(), source.questions.len(), "{r}");
        eprintln!("qti12 export of the built-in bank: {r}");
        // Only typed multi-line outputs are skipped.
        for s in &r.skipped {
            let q = source.questions.iter().find(|q| q.id == s.at).unwrap();
            assert!(
                matches!(&q.answer, Answer::Output { choices, .. } if choices.is_empty()),
                "{s:?}"
            );
        }
        let back = import(&first.bytes, &ImportOptions::default()).unwrap();
        assert_eq!(back.report.skipped, vec![], "{}", back.report);
        assert_eq!(back.bank.len(), r.done());
        for read in back.bank.questions() {
            let original = source.questions.iter().find(|q| q.id == read.id).unwrap();
            assert_eq!(normalized(read), normalized(original));
        }
        let second = export(&Source::from_bank(&back.bank));
        assert!(
            first.bytes == second.bytes,
            "export → import → export differs"
        );
    }

    /// `q` with its Markdown parsed, so that equal Markdown written differently compares equal
    /// (a fence's language tag, blank lines).
    fn normalized(q: &Question) -> Question {
        let md = |s: &str| format!("{:?}", markdown::parse(s));
        let mut q = q.clone();
        q.prompt = md(&q.prompt);
        q.explanation = md(&q.explanation);
        match &mut q.answer {
            Answer::Single { choices } | Answer::Multiple { choices } => {
                for c in choices {
                    c.text = md(&c.text);
                    c.why = c.why.as_deref().map(md);
                }
            }
            Answer::Output { choices, .. } => {
                for c in choices {
                    c.why = c.why.as_deref().map(md);
                }
            }
            Answer::Order { items } => {
                for i in items {
                    *i = md(i);
                }
            }
            Answer::TrueFalse { .. } | Answer::Text { .. } => {}
        }
        q
    }

    /// An element: its name, the groups of children its content model allows (in sequence),
    /// its attributes.
    type Rule = (
        &'static str,
        &'static [&'static [&'static str]],
        &'static [&'static str],
    );

    /// QTI 1.2 ASI elements (ims_qtiasiv1p2p1.dtd) our exporter may write: for each, the
    /// children the DTD allows in the order its content model gives (groups in sequence),
    /// and its attributes.
    const ASI: &[Rule] = &[
        (
            "questestinterop",
            &[&["assessment"]],
            &["xmlns", "xmlns:xsi", "xsi:schemaLocation"],
        ),
        (
            "assessment",
            &[&["qtimetadata"], &["section"]],
            &["ident", "title"],
        ),
        (
            "section",
            &[&["qtimetadata"], &["item", "section"]],
            &["ident", "title"],
        ),
        (
            "item",
            &[
                &["itemmetadata"],
                &["presentation"],
                &["resprocessing"],
                &["itemfeedback"],
            ],
            &["ident", "title", "label", "maxattempts"],
        ),
        ("itemmetadata", &[&["qtimetadata"]], &[]),
        ("qtimetadata", &[&["qtimetadatafield"]], &[]),
        ("qtimetadatafield", &[&["fieldlabel"], &["fieldentry"]], &[]),
        ("fieldlabel", &[], &[]),
        ("fieldentry", &[], &[]),
        (
            "presentation",
            &[&["material", "response_lid", "response_str"]],
            &["label"],
        ),
        ("material", &[&["mattext"]], &["label"]),
        ("mattext", &[], &["texttype"]),
        (
            "response_lid",
            &[
                &["material"],
                &["render_choice", "render_fib"],
                &["material"],
            ],
            &["ident", "rcardinality"],
        ),
        (
            "response_str",
            &[
                &["material"],
                &["render_choice", "render_fib"],
                &["material"],
            ],
            &["ident", "rcardinality"],
        ),
        (
            "render_choice",
            &[&["material", "response_label"]],
            &["shuffle"],
        ),
        (
            "render_fib",
            &[&["material", "response_label"]],
            &["fibtype", "rows", "columns"],
        ),
        (
            "response_label",
            &[&["material", "flow_mat"]],
            &["ident", "rshuffle"],
        ),
        ("resprocessing", &[&["outcomes"], &["respcondition"]], &[]),
        ("outcomes", &[&["decvar"]], &[]),
        (
            "decvar",
            &[],
            &["varname", "vartype", "minvalue", "maxvalue", "defaultval"],
        ),
        (
            "respcondition",
            &[&["conditionvar"], &["setvar"], &["displayfeedback"]],
            &["continue", "title"],
        ),
        ("conditionvar", &[&["and", "not", "other", "varequal"]], &[]),
        ("and", &[&["and", "not", "other", "varequal"]], &[]),
        ("not", &[&["and", "not", "other", "varequal"]], &[]),
        ("other", &[], &[]),
        ("varequal", &[], &["respident", "case", "index"]),
        ("setvar", &[], &["action", "varname"]),
        ("displayfeedback", &[], &["feedbacktype", "linkrefid"]),
        (
            "itemfeedback",
            &[&["flow_mat", "material"]],
            &["ident", "title", "view"],
        ),
        ("flow_mat", &[&["flow_mat", "material"]], &["class"]),
    ];

    /// IMS Content Packaging 1.1 (imscp_v1p1.xsd) elements of our manifest.
    const CP: &[Rule] = &[
        (
            "manifest",
            &[&["metadata"], &["organizations"], &["resources"]],
            &[
                "identifier",
                "version",
                "xmlns",
                "xmlns:xsi",
                "xsi:schemaLocation",
            ],
        ),
        ("metadata", &[&["schema"], &["schemaversion"]], &[]),
        ("schema", &[], &[]),
        ("schemaversion", &[], &[]),
        ("organizations", &[&["organization"]], &["default"]),
        ("resources", &[&["resource"]], &[]),
        (
            "resource",
            &[&["metadata"], &["file"], &["dependency"]],
            &["identifier", "type", "href"],
        ),
        ("file", &[], &["href"]),
    ];

    /// Checks `e` and its descendants against `schema`: known names, children in content
    /// model order, known attributes; returns every problem with its path.
    fn check(e: &Element, schema: &[Rule], path: &str, problems: &mut Vec<String>) {
        let path = format!("{path}/{}", e.name);
        let Some((_, groups, attrs)) = schema.iter().find(|(n, _, _)| *n == e.name) else {
            problems.push(format!("{path}: <{}> is not in the list", e.name));
            return;
        };
        for (k, _) in &e.attrs {
            if !attrs.contains(&k.as_str()) {
                problems.push(format!("{path}: attribute {k}"));
            }
        }
        let mut group = 0;
        for c in e.elements() {
            match groups
                .iter()
                .skip(group)
                .position(|g| g.contains(&c.name.as_str()))
            {
                Some(skip) => group += skip,
                None => problems.push(format!("{path}: <{}> not allowed here", c.name)),
            }
            check(c, schema, &path, problems);
        }
        if groups.is_empty() && e.elements().next().is_some() {
            problems.push(format!("{path}: text only"));
        }
    }

    fn all<'a>(e: &'a Element, name: &str) -> Vec<&'a Element> {
        let mut out = Vec::new();
        descendants(e, name, &mut out);
        out
    }

    #[test]
    fn the_package_uses_only_qti_1_2_and_cp_1_1_structure() {
        let out = export(&builtin());
        let files = unzip(&out.bytes);
        let manifest = xml::parse(files[0].1.as_bytes()).unwrap();
        let mut problems = Vec::new();
        check(&manifest, CP, "", &mut problems);
        let hrefs: Vec<&str> = all(&manifest, "file")
            .iter()
            .filter_map(|f| f.attr("href"))
            .collect();
        assert_eq!(
            hrefs,
            [files[1].0.as_str()],
            "the manifest names the assessment"
        );
        let qti = xml::parse(files[1].1.as_bytes()).unwrap();
        check(&qti, ASI, "", &mut problems);
        // Values the DTD enumerates, and references that must resolve inside each item.
        for item in all(&qti, "item") {
            let id = item.attr("ident").unwrap();
            let feedback: Vec<&str> = item
                .children_named("itemfeedback")
                .filter_map(|f| f.attr("ident"))
                .collect();
            for d in all(item, "displayfeedback") {
                if !feedback.contains(&d.attr("linkrefid").unwrap()) {
                    problems.push(format!("{id}: feedback link {:?}", d.attr("linkrefid")));
                }
            }
            let responses: Vec<&Element> = all(item, "response_lid")
                .into_iter()
                .chain(all(item, "response_str"))
                .collect();
            for r in &responses {
                if !matches!(r.attr("rcardinality"), Some("Single" | "Multiple")) {
                    problems.push(format!("{id}: rcardinality {:?}", r.attr("rcardinality")));
                }
            }
            for v in all(item, "varequal") {
                let Some(r) = responses
                    .iter()
                    .find(|r| r.attr("ident") == v.attr("respident"))
                else {
                    problems.push(format!("{id}: varequal names no response"));
                    continue;
                };
                if r.name == "response_lid"
                    && !all(r, "response_label")
                        .iter()
                        .any(|l| l.attr("ident") == Some(v.text().as_str()))
                {
                    problems.push(format!("{id}: varequal {} names no label", v.text()));
                }
            }
            for c in all(item, "respcondition") {
                if !matches!(c.attr("continue"), Some("Yes" | "No")) {
                    problems.push(format!("{id}: continue"));
                }
            }
            for s in all(item, "setvar") {
                if !matches!(s.attr("action"), Some("Set" | "Add"))
                    || s.text().parse::<f64>().is_err()
                {
                    problems.push(format!("{id}: setvar"));
                }
            }
            for m in all(item, "mattext") {
                if !matches!(m.attr("texttype"), Some("text/html" | "text/plain")) {
                    problems.push(format!("{id}: texttype"));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// Problems the bank validator finds in `bank` written as a folder.
    fn validate(bank: &Bank) -> Vec<String> {
        let sources: Vec<quiz_core::parse::Source> = bank
            .to_folder()
            .into_iter()
            .map(|(rel, text)| quiz_core::parse::Source {
                shown: rel.clone(),
                rel,
                bytes: text.into_bytes(),
            })
            .collect();
        match quiz_core::parse::load_sources(&sources, "imported") {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn imports_pass_the_bank_validator() {
        let back = import(&export(&builtin()).bytes, &ImportOptions::default()).unwrap();
        assert_eq!(validate(&back.bank), Vec::<String>::new());
        for name in ["canvas-classic.xml", "asi-spec-style.xml", "package.zip"] {
            let got = import(&fixture(name), &ImportOptions::default()).unwrap();
            assert_eq!(validate(&got.bank), Vec::<String>::new(), "{name}");
        }
    }

    #[test]
    fn the_structure_check_catches_what_qti_1_2_does_not_have() {
        let doc = xml::parse(
            b"<item ident=\"i\" bogus=\"1\"><presentation/><itemmetadata/><ordering/></item>",
        )
        .unwrap();
        let mut problems = Vec::new();
        check(&doc, ASI, "", &mut problems);
        assert_eq!(
            problems,
            [
                "/item: attribute bogus",
                "/item: <itemmetadata> not allowed here",
                "/item: <ordering> not allowed here",
                "/item/ordering: <ordering> is not in the list",
            ]
        );
    }

    #[test]
    fn a_hand_written_canvas_export_imports() {
        let got = import(&fixture("canvas-classic.xml"), &ImportOptions::default()).unwrap();
        let qs: Vec<&Question> = got.bank.questions().collect();
        assert_eq!(qs.len(), 4, "{}", got.report);
        assert_eq!(got.bank.topics.len(), 1);
        assert_eq!(got.bank.topics[0].info.slug, "week-3-python-basics");
        assert_eq!(got.bank.topics[0].info.title, "Week 3: Python basics");
        assert_eq!(got.bank.topics[0].info.counts, [0, 4, 0]);
        assert_eq!(got.bank.categories[0].slug, "imported");

        let mc = qs[0];
        assert_eq!(mc.id, "what-does-len-a-b-return");
        assert_eq!(mc.prompt, "What does `len(\"a&b\")` return?");
        assert_eq!(mc.tags, ["imported"]);
        assert_eq!(mc.difficulty, Difficulty::Medium);
        assert_eq!(mc.explanation, "`len` counts characters: *a*, & and *b*.");
        let Answer::Single { choices } = &mc.answer else {
            panic!("{:?}", mc.answer)
        };
        let texts: Vec<&str> = choices.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["3", "5", "a **TypeError**"]);
        assert!(choices[0].correct && !choices[1].correct && !choices[2].correct);
        assert_eq!(
            choices[1].why.as_deref(),
            Some("The entity is one character in the string.")
        );
        assert_eq!(choices[0].why, None);

        let Answer::Multiple { choices } = &qs[1].answer else {
            panic!()
        };
        let right: Vec<bool> = choices.iter().map(|c| c.correct).collect();
        assert_eq!(right, [true, false, true]);

        assert_eq!(qs[2].answer, Answer::TrueFalse { answer: true });
        assert_eq!(
            qs[2].explanation, "`True + True == 2`.",
            "correct_fb when there is no general feedback"
        );

        assert_eq!(
            qs[3].answer,
            Answer::Text {
                accept: vec!["dict".into(), "dictionary".into()]
            }
        );
        assert_eq!(
            qs[3].code.as_deref(),
            Some("d = {\"a\": 1}\nprint(type(d))")
        );
        assert_eq!(qs[3].prompt, "Which built-in type maps keys to values?");
        assert_eq!(got.report.lossy.len(), 1);
        assert_eq!(got.report.lossy[0].what, "links");

        let skipped: Vec<(&str, &str)> = got
            .report
            .skipped
            .iter()
            .map(|s| (s.at.as_str(), s.why.as_str()))
            .collect();
        assert_eq!(skipped.len(), 3, "{skipped:#?}");
        assert!(
            skipped[0]
                .0
                .starts_with("/questestinterop/assessment[1]/section[1]/item[5] (line "),
            "{skipped:?}"
        );
        assert!(skipped[0].1.contains("essay"));
        assert!(skipped[1].0.contains("/item[6]") && skipped[1].1.contains("matching"));
        assert!(skipped[2].0.contains("/item[7]") && skipped[2].1.contains("text-only"));
    }

    #[test]
    fn a_hand_written_spec_style_file_imports() {
        let options = ImportOptions {
            difficulty: Difficulty::Hard,
            category: ("python".into(), "Python".into()),
        };
        let got = import(&fixture("asi-spec-style.xml"), &options).unwrap();
        let qs: Vec<&Question> = got.bank.questions().collect();
        assert_eq!(qs.len(), 3, "{}", got.report);
        assert_eq!(
            got.bank.categories,
            vec![CategoryInfo {
                slug: "python".into(),
                title: "Python".into()
            }]
        );
        assert!(
            qs.iter()
                .all(|q| q.difficulty == Difficulty::Hard && q.category == "python")
        );

        let Answer::Single { choices } = &qs[0].answer else {
            panic!("{:?}", qs[0].answer)
        };
        assert_eq!(
            choices.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["return", "yield", "async"]
        );
        assert!(choices[1].correct);
        assert_eq!(
            choices[0].why.as_deref(),
            Some("return ends the function; it does not make a generator.")
        );
        assert_eq!(
            qs[0].explanation,
            "A function whose body contains yield returns a generator when called."
        );

        assert_eq!(qs[1].prompt, "Put the steps of a `with` block in order.");
        assert_eq!(
            qs[1].answer,
            Answer::Order {
                items: vec![
                    "__enter__ runs".into(),
                    "the body runs".into(),
                    "__exit__ runs".into()
                ]
            }
        );
        assert_eq!(
            qs[1].explanation,
            "__enter__, then the body, then __exit__ (even on an exception)."
        );

        assert_eq!(
            qs[2].answer,
            Answer::Text {
                accept: vec!["None".into()]
            }
        );

        assert_eq!(got.report.skipped.len(), 1);
        assert!(
            got.report.skipped[0]
                .at
                .starts_with("/questestinterop/item[4]")
        );
        assert!(got.report.skipped[0].why.contains("<response_num>"));
    }

    #[test]
    fn a_hand_written_content_package_imports() {
        let got = import(&fixture("package.zip"), &ImportOptions::default()).unwrap();
        let qs: Vec<&Question> = got.bank.questions().collect();
        assert_eq!(qs.len(), 2, "{}", got.report);
        assert_eq!(got.bank.topics[0].info.title, "Week 3 check");
        assert_eq!(qs[0].prompt, "What does this print?");
        assert_eq!(qs[0].code.as_deref(), Some("s = \"python\"\nprint(s[1:3])"));
        assert_eq!(
            qs[0].answer,
            Answer::Output {
                output: "yt\n".into(),
                choices: vec![choice("yt", true, None), choice("pyt", false, None)],
            }
        );
        assert_eq!(
            qs[0].explanation,
            "Slices stop *before* the end index: `s[1:3]` is `s[1] + s[2]`."
        );
        assert_eq!(qs[1].answer, Answer::TrueFalse { answer: false });
        assert_eq!(got.report.whole, 2);
    }

    #[test]
    fn unreadable_input_is_an_error_with_its_position() {
        let err = |name: &str| import(&fixture(name), &ImportOptions::default()).unwrap_err();
        let e = err("unclosed.xml");
        assert_eq!(e.at, "line 8, column 7", "{e}");
        assert!(e.message.contains("not well-formed"), "{e}");
        let e = err("not-qti.xml");
        assert_eq!(e.at, "line 2, column 1", "{e}");
        assert!(e.message.contains("expected <questestinterop>"), "{e}");
        let e = err("no-manifest.zip");
        assert_eq!(e.at, "zip");
        assert!(e.message.contains("no imsmanifest.xml"), "{e}");
        let e = err("missing-resource.zip");
        assert_eq!(e.at, "imsmanifest.xml: line 6, column 5", "{e}");
        assert!(
            e.message
                .contains("gone/assessment.xml, which is not in the zip"),
            "{e}"
        );

        let mut truncated = fixture("package.zip");
        truncated.truncate(100);
        let e = import(&truncated, &ImportOptions::default()).unwrap_err();
        assert_eq!(e.at, "zip");
        assert!(e.message.contains("not a readable zip"), "{e}");

        // A package whose assessment is broken: the position names the entry.
        let broken = zip_files(&[
            ("imsmanifest.xml", "<manifest><resources><resource identifier=\"r\" type=\"imsqti_xmlv1p2\" href=\"q.xml\"/></resources></manifest>"),
            ("q.xml", "<questestinterop>\n<item ident=\"x\"></itm>\n</questestinterop>"),
        ])
        .unwrap();
        let e = import(&broken, &ImportOptions::default()).unwrap_err();
        assert!(e.at.starts_with("q.xml: line 2, column"), "{e}");
        let empty = zip_files(&[("imsmanifest.xml", "<manifest><resources/></manifest>")]).unwrap();
        let e = import(&empty, &ImportOptions::default()).unwrap_err();
        assert!(e.message.contains("lists no QTI 1.2 assessment"), "{e}");
    }
}
