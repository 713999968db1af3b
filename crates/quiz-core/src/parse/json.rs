//! A JSON bank (`{"categories", "topics", "questions"}`) read into the raw form a TOML bank is
//! read into, so the same rules validate it. A value's span stands for its JSON pointer: span
//! `i..i + 1` is pointer `i` of the list [`FileCtx::pointers`] holds (0 is the root).

use std::ops::Range;

use serde::Deserialize;
use serde_json::{Map, Value};
use toml::Spanned;

use super::single::{MAX_BANK_QUESTIONS, RawBank, assemble};
use super::{
    Bank, ContentError, FileCtx, Location, RawCategory, RawChoice, RawQuestion, RawTopic, Str,
    StrList, pointer_loc,
};

const BANK_FIELDS: &[&str] = &["$schema", "categories", "topics", "questions"];
const CATEGORY_FIELDS: &[&str] = &["slug", "title"];
const TOPIC_FIELDS: &[&str] = &["slug", "title", "category"];
const QUESTION_FIELDS: &[&str] = &[
    "id",
    "topic",
    "category",
    "difficulty",
    "kind",
    "tags",
    "prompt",
    "code",
    "explanation",
    "python",
    "choices",
    "answer",
    "output",
    "accept",
    "items",
];
const CHOICE_FIELDS: &[&str] = &["text", "correct", "why"];

pub(super) fn load(text: &str, name: &str) -> Result<Bank, Vec<ContentError>> {
    let value: Value = serde_json::from_str(text).map_err(|e| vec![syntax_error(name, &e)])?;
    let count = value
        .get("questions")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if count > MAX_BANK_QUESTIONS {
        return Err(vec![ContentError {
            at: pointer_loc(name, "/questions"),
            question: None,
            message: format!("the bank has {count} questions; the limit is {MAX_BANK_QUESTIONS}"),
        }]);
    }
    let mut conv = Conv {
        name,
        pointers: vec![String::new()],
        errors: Vec::new(),
    };
    let Some(raw) = conv.bank(&value) else {
        return Err(conv.errors);
    };
    let Conv {
        pointers, errors, ..
    } = conv;
    let file = FileCtx {
        shown: name,
        text: "",
        rel: name,
        pointers: Some(&pointers),
        line_starts: std::cell::OnceCell::new(),
    };
    assemble(&file, raw, errors)
}

/// `invalid JSON: …` at the line and column serde_json reports.
fn syntax_error(name: &str, e: &serde_json::Error) -> ContentError {
    let text = e.to_string();
    let message = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m);
    ContentError {
        at: Location {
            file: name.to_string(),
            line: e.line().max(1),
            col: e.column().max(1),
            pointer: None,
        },
        question: None,
        message: format!("invalid JSON: {message}"),
    }
}

/// A JSON pointer segment: `~` and `/` escaped (RFC 6901).
fn segment(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Reads JSON values into raw bank items, registering each value's pointer.
struct Conv<'n> {
    name: &'n str,
    pointers: Vec<String>,
    errors: Vec<ContentError>,
}

impl Conv<'_> {
    fn span(&mut self, pointer: &str) -> Range<usize> {
        let i = self.pointers.len();
        self.pointers.push(pointer.to_string());
        i..i + 1
    }

    fn spanned<T>(&mut self, pointer: &str, value: T) -> Spanned<T> {
        Spanned::new(self.span(pointer), value)
    }

    fn error(&mut self, pointer: &str, id: Option<&str>, message: String) {
        self.errors.push(ContentError {
            at: pointer_loc(self.name, pointer),
            question: id.map(str::to_string),
            message,
        });
    }

    /// `v` as a `T`, or serde's message (`invalid type: integer `3`, expected a string`).
    fn typed<T: for<'de> Deserialize<'de>>(
        &mut self,
        v: &Value,
        pointer: &str,
        id: Option<&str>,
    ) -> Option<T> {
        match T::deserialize(v) {
            Ok(t) => Some(t),
            Err(e) => {
                self.error(pointer, id, e.to_string());
                None
            }
        }
    }

    fn object<'v>(
        &mut self,
        v: &'v Value,
        pointer: &str,
        id: Option<&str>,
        what: &str,
        fields: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(obj) = v.as_object() else {
            self.error(
                pointer,
                id,
                format!("invalid type: {}, expected {what}", found(v)),
            );
            return None;
        };
        for key in obj.keys().filter(|k| !fields.contains(&k.as_str())) {
            let expected: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
            self.error(
                &format!("{pointer}/{}", segment(key)),
                id,
                format!(
                    "unknown field `{key}`, expected one of {}",
                    expected.join(", ")
                ),
            );
        }
        Some(obj)
    }

    fn array<'v>(&mut self, v: &'v Value, pointer: &str, id: Option<&str>) -> Option<&'v [Value]> {
        match v.as_array() {
            Some(items) => Some(items),
            None => {
                self.error(
                    pointer,
                    id,
                    format!("invalid type: {}, expected an array", found(v)),
                );
                None
            }
        }
    }

    /// The items of the bank's top-level array `key`, each read by `item`.
    fn items<T>(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        mut item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Vec<T> {
        let pointer = format!("/{key}");
        let Some(v) = obj.get(key).filter(|v| !v.is_null()) else {
            return Vec::new();
        };
        let Some(values) = self.array(v, &pointer, None) else {
            return Vec::new();
        };
        values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| item(self, v, &format!("{pointer}/{i}")))
            .collect()
    }

    fn bank(&mut self, v: &Value) -> Option<RawBank> {
        let obj = self.object(
            v,
            "",
            None,
            "a bank object {\"categories\", \"topics\", \"questions\"}",
            BANK_FIELDS,
        )?;
        let categories = self.items(obj, "categories", Self::category);
        let topics = self.items(obj, "topics", Self::topic);
        let questions = self.items(obj, "questions", Self::question);
        let all: &[Value] = obj
            .get("questions")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice);
        let mut ids = Vec::new();
        for (i, q) in all.iter().enumerate() {
            if let Some(id) = q.get("id").and_then(Value::as_str) {
                ids.push(self.spanned(&format!("/questions/{i}/id"), id.to_string()));
            }
        }
        Some(RawBank {
            ids,
            count: all.len(),
            categories,
            topics,
            questions,
            json: true,
        })
    }

    fn str(&mut self, v: &Value, pointer: &str, id: Option<&str>) -> Option<Str> {
        let s: String = self.typed(v, pointer, id)?;
        Some(self.spanned(pointer, s))
    }

    fn str_list(&mut self, v: &Value, pointer: &str, id: Option<&str>) -> Option<StrList> {
        let items = self.array(v, pointer, id)?;
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.str(item, &format!("{pointer}/{i}"), id) {
                Some(s) => out.push(s),
                None => ok = false,
            }
        }
        ok.then(|| self.spanned(pointer, out))
    }

    fn category(&mut self, v: &Value, pointer: &str) -> Option<Spanned<RawCategory>> {
        let obj = self.object(v, pointer, None, "a category object", CATEGORY_FIELDS)?;
        let need = |conv: &mut Self, key: &str| -> Option<Str> {
            match obj.get(key) {
                Some(v) => conv.str(v, &format!("{pointer}/{key}"), None),
                None => {
                    conv.error(pointer, None, format!("category is missing `{key}`"));
                    None
                }
            }
        };
        let slug = need(self, "slug");
        let title = need(self, "title");
        let raw = RawCategory {
            slug: slug?,
            title: title?,
        };
        Some(self.spanned(pointer, raw))
    }

    fn topic(&mut self, v: &Value, pointer: &str) -> Option<Spanned<RawTopic>> {
        let obj = self.object(v, pointer, None, "a topic object", TOPIC_FIELDS)?;
        let before = self.errors.len();
        let field = |conv: &mut Self, key: &str| -> Option<Str> {
            let v = obj.get(key).filter(|v| !v.is_null())?;
            conv.str(v, &format!("{pointer}/{key}"), None)
        };
        let raw = RawTopic {
            slug: field(self, "slug"),
            title: field(self, "title"),
            category: field(self, "category"),
        };
        (self.errors.len() == before).then(|| self.spanned(pointer, raw))
    }

    fn question(&mut self, v: &Value, pointer: &str) -> Option<Spanned<RawQuestion>> {
        let id = v.get("id").and_then(Value::as_str);
        let before = self.errors.len();
        let obj = self.object(v, pointer, id, "a question object", QUESTION_FIELDS)?;
        let mut q = RawQuestion {
            id: None,
            topic: None,
            category: None,
            difficulty: None,
            kind: None,
            tags: None,
            prompt: None,
            code: None,
            explanation: None,
            python: None,
            choices: None,
            answer: None,
            output: None,
            accept: None,
            items: None,
        };
        let output = obj.get("kind").and_then(Value::as_str) == Some("output");
        for (key, v) in obj.iter().filter(|(_, v)| !v.is_null()) {
            let p = format!("{pointer}/{}", segment(key));
            let p = p.as_str();
            match key.as_str() {
                "id" => q.id = self.str(v, p, id),
                "topic" => q.topic = self.str(v, p, id),
                "category" => q.category = self.str(v, p, id),
                "difficulty" => q.difficulty = self.str(v, p, id),
                "kind" => q.kind = self.str(v, p, id),
                "prompt" => q.prompt = self.str(v, p, id),
                "code" => q.code = self.str(v, p, id),
                "explanation" => q.explanation = self.str(v, p, id),
                "python" => q.python = self.str(v, p, id),
                "output" => q.output = self.str(v, p, id),
                "tags" => q.tags = self.str_list(v, p, id),
                "accept" => q.accept = self.str_list(v, p, id),
                "items" => q.items = self.str_list(v, p, id),
                "answer" => {
                    q.answer = self.typed::<bool>(v, p, id).map(|b| self.spanned(p, b));
                }
                // The export writes `"choices": []` for an output question answered by typing.
                "choices" if output && v.as_array().is_some_and(Vec::is_empty) => {}
                "choices" => q.choices = self.choices(v, p, id),
                _ => {}
            }
        }
        // A question with a value of the wrong type was reported; its other rules wait.
        (self.errors.len() == before).then(|| self.spanned(pointer, q))
    }

    fn choices(
        &mut self,
        v: &Value,
        pointer: &str,
        id: Option<&str>,
    ) -> Option<Spanned<Vec<Spanned<RawChoice>>>> {
        let items = self.array(v, pointer, id)?;
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = format!("{pointer}/{i}");
            let Some(obj) = self.object(item, &p, id, "a choice object", CHOICE_FIELDS) else {
                continue;
            };
            let mut c = RawChoice {
                text: None,
                correct: None,
                why: None,
            };
            for (key, v) in obj.iter().filter(|(_, v)| !v.is_null()) {
                let kp = format!("{p}/{}", segment(key));
                match key.as_str() {
                    "text" => c.text = self.str(v, &kp, id),
                    "why" => c.why = self.str(v, &kp, id),
                    "correct" => {
                        c.correct = self.typed::<bool>(v, &kp, id).map(|b| self.spanned(&kp, b));
                    }
                    _ => {}
                }
            }
            out.push(self.spanned(&p, c));
        }
        Some(self.spanned(pointer, out))
    }
}

/// What a value is, for a type error: `string "x"`, `integer `3``, `an array`.
fn found(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => format!("number `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "array".into(),
        Value::Object(_) => "object".into(),
    }
}
