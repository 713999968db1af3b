//! The question browser's logic, free of the DOM: the bank as `bank.json` holds it, text
//! search, facet counts, paging and the URL query that holds a view.

use std::collections::HashSet;

use serde::Deserialize;

/// Results per page.
pub const PAGE_SIZE: usize = 20;

/// `bank.json`: the custom-bank JSON of the whole built-in bank (only what the browser reads).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BankJson {
    /// Categories in display order.
    pub categories: Vec<Named>,
    /// Topics in bank order.
    pub topics: Vec<TopicJson>,
    /// Every question.
    pub questions: Vec<QuestionJson>,
}

/// A category: slug and title.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Named {
    /// Kebab-case slug.
    pub slug: String,
    /// Human title.
    pub title: String,
}

/// A topic: slug, title, category slug.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TopicJson {
    /// Kebab-case slug.
    pub slug: String,
    /// Human title.
    pub title: String,
    /// Its category's slug.
    pub category: String,
}

/// A question's text and facets.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct QuestionJson {
    /// Stable id: the permalink is `<id>/`.
    pub id: String,
    /// Topic slug.
    pub topic: String,
    /// Category slug (from its topic when left out).
    #[serde(default)]
    pub category: Option<String>,
    /// `easy`, `medium`, `hard`.
    pub difficulty: String,
    /// `single`, `multiple`, `true-false`, `output`, `text`, `order`.
    pub kind: String,
    /// Markdown prompt.
    pub prompt: String,
    /// Python code.
    #[serde(default)]
    pub code: Option<String>,
    /// Markdown explanation.
    #[serde(default)]
    pub explanation: String,
    /// Choices (single, multiple, output).
    #[serde(default)]
    pub choices: Vec<ChoiceJson>,
    /// Items (order).
    #[serde(default)]
    pub items: Vec<String>,
}

/// A choice's text.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ChoiceJson {
    /// Markdown text.
    pub text: String,
}

/// A filter of the browser: one facet of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    /// The question's topic.
    Topic,
    /// Its category.
    Category,
    /// Easy, medium or hard.
    Difficulty,
    /// How it is answered.
    Kind,
}

impl Facet {
    /// The facets in the order the page shows them.
    pub const ALL: [Facet; 4] = [
        Facet::Difficulty,
        Facet::Kind,
        Facet::Category,
        Facet::Topic,
    ];

    /// Its URL query parameter.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Topic => "topic",
            Facet::Category => "category",
            Facet::Difficulty => "difficulty",
            Facet::Kind => "kind",
        }
    }

    /// Its legend.
    pub fn legend(self) -> &'static str {
        match self {
            Facet::Topic => "Topic",
            Facet::Category => "Category",
            Facet::Difficulty => "Difficulty",
            Facet::Kind => "Kind",
        }
    }
}

/// The difficulties, easiest first, with their labels.
pub const DIFFICULTIES: [(&str, &str); 3] =
    [("easy", "Easy"), ("medium", "Medium"), ("hard", "Hard")];

/// The kinds, with their labels (the same as the permalink pages').
pub const KINDS: [(&str, &str); 6] = [
    ("single", "Single choice"),
    ("multiple", "Multiple choice"),
    ("true-false", "True or false"),
    ("output", "What does it print?"),
    ("text", "Short answer"),
    ("order", "Put in order"),
];

/// One question, ready to search and show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its id.
    pub id: String,
    /// Topic slug.
    pub topic: String,
    /// Category slug.
    pub category: String,
    /// Difficulty slug.
    pub difficulty: String,
    /// Kind slug.
    pub kind: String,
    /// The prompt as one line of plain text.
    pub summary: String,
    /// The first line of its code, if it has code: it tells apart prompts that read alike.
    pub code_line: Option<String>,
    /// Prompt, code, choices, items and explanation, lower-cased: what search looks in.
    haystack: String,
}

impl Entry {
    fn value(&self, facet: Facet) -> &str {
        match facet {
            Facet::Topic => &self.topic,
            Facet::Category => &self.category,
            Facet::Difficulty => &self.difficulty,
            Facet::Kind => &self.kind,
        }
    }
}

/// The whole bank, indexed for the browser.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Every question, in bank order.
    pub entries: Vec<Entry>,
    /// (slug, title) of every topic, in bank order.
    pub topics: Vec<(String, String)>,
    /// (slug, title) of every category, in display order.
    pub categories: Vec<(String, String)>,
}

impl Catalog {
    /// Indexes `bank`.
    pub fn new(bank: &BankJson) -> Catalog {
        let entries = bank
            .questions
            .iter()
            .map(|q| {
                let category = q.category.clone().unwrap_or_else(|| {
                    bank.topics
                        .iter()
                        .find(|t| t.slug == q.topic)
                        .map(|t| t.category.clone())
                        .unwrap_or_default()
                });
                let mut haystack = vec![q.prompt.as_str()];
                haystack.extend(q.code.as_deref());
                haystack.extend(q.choices.iter().map(|c| c.text.as_str()));
                haystack.extend(q.items.iter().map(String::as_str));
                haystack.push(&q.explanation);
                Entry {
                    id: q.id.clone(),
                    topic: q.topic.clone(),
                    category,
                    difficulty: q.difficulty.clone(),
                    kind: q.kind.clone(),
                    summary: summary(&q.prompt),
                    code_line: q.code.as_deref().and_then(first_line),
                    haystack: haystack.join("\n").to_lowercase(),
                }
            })
            .collect();
        Catalog {
            entries,
            topics: bank
                .topics
                .iter()
                .map(|t| (t.slug.clone(), t.title.clone()))
                .collect(),
            categories: bank
                .categories
                .iter()
                .map(|c| (c.slug.clone(), c.title.clone()))
                .collect(),
        }
    }

    /// Every value of `facet` with its label, in display order.
    pub fn values(&self, facet: Facet) -> Vec<(String, String)> {
        let fixed = |list: &[(&str, &str)]| {
            list.iter()
                .map(|(v, l)| ((*v).to_owned(), (*l).to_owned()))
                .collect()
        };
        match facet {
            Facet::Topic => self.topics.clone(),
            Facet::Category => self.categories.clone(),
            Facet::Difficulty => fixed(&DIFFICULTIES),
            Facet::Kind => fixed(&KINDS),
        }
    }

    /// The label of a value of `facet` (the value itself when unknown).
    pub fn label(&self, facet: Facet, value: &str) -> String {
        self.values(facet)
            .into_iter()
            .find(|(v, _)| v == value)
            .map_or_else(|| value.to_owned(), |(_, l)| l)
    }

    /// The indices of the entries `query` selects (text and every facet), in bank order.
    pub fn results(&self, query: &Query) -> Vec<usize> {
        let terms = terms(&query.text);
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                matches_text(e, &terms) && Facet::ALL.iter().all(|f| query.admits(e, *f))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Each value of `facet` with the number of questions it would show: the text and the
    /// other facets' filters apply, this facet's own do not.
    pub fn facet_counts(&self, query: &Query, facet: Facet) -> Vec<(String, String, usize)> {
        let terms = terms(&query.text);
        let mut values: Vec<(String, String, usize)> = self
            .values(facet)
            .into_iter()
            .map(|(v, l)| (v, l, 0))
            .collect();
        for e in &self.entries {
            if !matches_text(e, &terms)
                || !Facet::ALL
                    .iter()
                    .filter(|f| **f != facet)
                    .all(|f| query.admits(e, *f))
            {
                continue;
            }
            if let Some(slot) = values.iter_mut().find(|(v, _, _)| v == e.value(facet)) {
                slot.2 += 1;
            }
        }
        values
    }
}

fn terms(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

fn matches_text(entry: &Entry, terms: &[String]) -> bool {
    terms.iter().all(|t| entry.haystack.contains(t.as_str()))
}

/// The first line of `code` that says something: not blank, an import or a comment (the
/// first non-blank line when all are), trimmed.
pub fn first_line(code: &str) -> Option<String> {
    let lines = || code.lines().map(str::trim).filter(|l| !l.is_empty());
    lines()
        .find(|l| !(l.starts_with("import ") || l.starts_with("from ") || l.starts_with('#')))
        .or_else(|| lines().next())
        .map(str::to_owned)
}

/// The prompt as plain text: Markdown markers dropped, code fences left out, one line.
pub fn summary(prompt: &str) -> String {
    use quiz_core::markdown::{Block, Inline, parse};
    let text = |inlines: Vec<Inline>| -> String {
        inlines
            .into_iter()
            .map(|i| match i {
                Inline::Text(s) | Inline::Code(s) | Inline::Em(s) | Inline::Strong(s) => s,
            })
            .collect()
    };
    let mut parts = Vec::new();
    for block in parse(prompt) {
        match block {
            Block::Para(inlines) => parts.push(text(inlines)),
            Block::List(_, items) => parts.extend(items.into_iter().map(text)),
            Block::Code(_) => {}
        }
    }
    parts.join(" ")
}

/// A view of the browser: search text, the values checked in each facet, the page (from 1).
/// It lives in the URL query (`?q=&difficulty=easy,hard&topic=…&page=2`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The search text.
    pub text: String,
    /// Checked topics.
    pub topic: Vec<String>,
    /// Checked categories.
    pub category: Vec<String>,
    /// Checked difficulties.
    pub difficulty: Vec<String>,
    /// Checked kinds.
    pub kind: Vec<String>,
    /// The page, from 1.
    pub page: usize,
}

impl Query {
    /// The values checked in `facet`.
    pub fn checked(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Topic => &self.topic,
            Facet::Category => &self.category,
            Facet::Difficulty => &self.difficulty,
            Facet::Kind => &self.kind,
        }
    }

    fn checked_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Topic => &mut self.topic,
            Facet::Category => &mut self.category,
            Facet::Difficulty => &mut self.difficulty,
            Facet::Kind => &mut self.kind,
        }
    }

    fn admits(&self, entry: &Entry, facet: Facet) -> bool {
        let checked = self.checked(facet);
        checked.is_empty() || checked.iter().any(|v| v == entry.value(facet))
    }

    /// This view with `value` of `facet` checked or unchecked, back on page 1.
    pub fn toggled(&self, facet: Facet, value: &str, on: bool) -> Query {
        let mut next = self.clone();
        let list = next.checked_mut(facet);
        list.retain(|v| v != value);
        if on {
            list.push(value.to_owned());
        }
        next.page = 1;
        next
    }

    /// This view with another search text, back on page 1.
    pub fn with_text(&self, text: &str) -> Query {
        Query {
            text: text.to_owned(),
            page: 1,
            ..self.clone()
        }
    }

    /// This view on `page`.
    pub fn on_page(&self, page: usize) -> Query {
        Query {
            page,
            ..self.clone()
        }
    }

    /// Whether any facet has a value checked.
    pub fn has_filters(&self) -> bool {
        Facet::ALL.iter().any(|f| !self.checked(*f).is_empty())
    }

    /// Reads a view from the URL query's (name, value) pairs; unknown names are ignored, a
    /// page that is not a number is page 1.
    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Query {
        let mut query = Query {
            page: 1,
            ..Query::default()
        };
        for (name, value) in pairs {
            if name == "q" {
                query.text = value;
            } else if name == "page" {
                query.page = value.trim().parse().unwrap_or(1).max(1);
            } else if let Some(facet) = Facet::ALL.into_iter().find(|f| f.param() == name) {
                let list = query.checked_mut(facet);
                for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                    if !list.iter().any(|x| x == v) {
                        list.push(v.to_owned());
                    }
                }
            }
        }
        query
    }

    /// The view as URL query (name, value) pairs, leaving out what is empty or the default.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.text.trim().is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        for facet in [
            Facet::Topic,
            Facet::Category,
            Facet::Difficulty,
            Facet::Kind,
        ] {
            let checked = self.checked(facet);
            if !checked.is_empty() {
                pairs.push((facet.param(), checked.join(",")));
            }
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs
    }
}

/// How many pages `total` results take (at least one).
pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// The results on `page` (from 1, clamped to the last page) and that page.
pub fn page_of(results: &[usize], page: usize) -> (&[usize], usize) {
    let page = page.clamp(1, page_count(results.len()));
    let start = (page - 1) * PAGE_SIZE;
    let end = (start + PAGE_SIZE).min(results.len());
    (results.get(start..end).unwrap_or_default(), page)
}

/// The ids of `results`, as a set, for the download.
pub fn ids(catalog: &Catalog, results: &[usize]) -> HashSet<String> {
    results
        .iter()
        .filter_map(|i| catalog.entries.get(*i))
        .map(|e| e.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, topic: &str, difficulty: &str, kind: &str, prompt: &str) -> QuestionJson {
        QuestionJson {
            id: id.into(),
            topic: topic.into(),
            category: None,
            difficulty: difficulty.into(),
            kind: kind.into(),
            prompt: prompt.into(),
            code: None,
            explanation: String::new(),
            choices: Vec::new(),
            items: Vec::new(),
        }
    }

    fn catalog() -> Catalog {
        let mut with_code = question("c", "loops", "hard", "output", "What does it print?");
        with_code.code = Some("for x in range(3): PRINT(x)".into());
        let mut with_choice = question("d", "closures", "easy", "single", "Pick one");
        with_choice.choices = vec![ChoiceJson {
            text: "`nonlocal` keyword".into(),
        }];
        with_choice.explanation = "Late binding.".into();
        let bank = BankJson {
            categories: vec![
                Named {
                    slug: "core".into(),
                    title: "Core".into(),
                },
                Named {
                    slug: "fun".into(),
                    title: "Functions".into(),
                },
            ],
            topics: vec![
                TopicJson {
                    slug: "loops".into(),
                    title: "Loops".into(),
                    category: "core".into(),
                },
                TopicJson {
                    slug: "closures".into(),
                    title: "Closures".into(),
                    category: "fun".into(),
                },
            ],
            questions: vec![
                question("a", "loops", "easy", "single", "A `for` loop's *else* runs"),
                question("b", "loops", "medium", "true-false", "Loops **can** break"),
                with_code,
                with_choice,
            ],
        };
        Catalog::new(&bank)
    }

    fn ids_of(c: &Catalog, q: &Query) -> Vec<String> {
        c.results(q)
            .iter()
            .map(|i| c.entries[*i].id.clone())
            .collect()
    }

    #[test]
    fn search_looks_in_prompt_code_choices_and_explanation_ignoring_case() {
        let c = catalog();
        let q = |t: &str| Query::default().with_text(t);
        assert_eq!(ids_of(&c, &q("")), ["a", "b", "c", "d"]);
        assert_eq!(ids_of(&c, &q("LOOP")), ["a", "b"]);
        assert_eq!(ids_of(&c, &q("print(x)")), ["c"]);
        assert_eq!(ids_of(&c, &q("nonlocal")), ["d"]);
        assert_eq!(ids_of(&c, &q("late binding")), ["d"]);
        assert_eq!(
            ids_of(&c, &q("binding late")),
            ["d"],
            "every word, any order"
        );
        assert!(ids_of(&c, &q("loop nonlocal")).is_empty());
    }

    #[test]
    fn a_question_without_a_category_takes_its_topic_s() {
        let c = catalog();
        assert_eq!(c.entries[3].category, "fun");
        assert_eq!(c.entries[0].summary, "A for loop's else runs");
        assert_eq!(c.entries[0].code_line, None);
        assert_eq!(
            c.entries[2].code_line.as_deref(),
            Some("for x in range(3): PRINT(x)")
        );
        assert_eq!(first_line("\n  \n  x = 1\ny"), Some("x = 1".into()));
        assert_eq!(
            first_line("import asyncio\nfrom a import b\n# note\nasync def f():"),
            Some("async def f():".into())
        );
        assert_eq!(first_line("import os\n"), Some("import os".into()));
        assert_eq!(first_line(" \n"), None);
    }

    #[test]
    fn facets_are_or_within_and_across_and_counts_ignore_their_own_filter() {
        let c = catalog();
        let q = Query::default()
            .toggled(Facet::Difficulty, "easy", true)
            .toggled(Facet::Difficulty, "hard", true);
        assert_eq!(ids_of(&c, &q), ["a", "c", "d"]);
        let q = q.toggled(Facet::Category, "core", true);
        assert_eq!(ids_of(&c, &q), ["a", "c"]);
        // Difficulty counts: under the category filter, not under the difficulty one.
        let counts: Vec<(String, usize)> = c
            .facet_counts(&q, Facet::Difficulty)
            .into_iter()
            .map(|(v, _, n)| (v, n))
            .collect();
        assert_eq!(
            counts,
            [("easy".into(), 1), ("medium".into(), 1), ("hard".into(), 1)]
        );
        // Category counts: under the difficulty filter.
        let counts: Vec<usize> = c
            .facet_counts(&q, Facet::Category)
            .into_iter()
            .map(|(_, _, n)| n)
            .collect();
        assert_eq!(counts, [2, 1]);
        // Kind counts add up to the results.
        let kinds: usize = c.facet_counts(&q, Facet::Kind).iter().map(|x| x.2).sum();
        assert_eq!(kinds, c.results(&q).len());
        let q = q.toggled(Facet::Difficulty, "hard", false);
        assert_eq!(ids_of(&c, &q), ["a"]);
        assert_eq!(c.label(Facet::Kind, "true-false"), "True or false");
        assert_eq!(c.label(Facet::Topic, "closures"), "Closures");
    }

    #[test]
    fn the_view_round_trips_through_the_url_query() {
        let q = Query::default()
            .with_text("late binding")
            .toggled(Facet::Topic, "closures", true)
            .toggled(Facet::Topic, "loops", true)
            .toggled(Facet::Kind, "single", true)
            .on_page(3);
        let pairs = q.to_pairs();
        assert_eq!(
            pairs,
            [
                ("q", "late binding".to_owned()),
                ("topic", "closures,loops".to_owned()),
                ("kind", "single".to_owned()),
                ("page", "3".to_owned())
            ]
        );
        let back = Query::from_pairs(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)));
        assert_eq!(back, q);
        assert_eq!(Query::default().on_page(1).to_pairs(), []);
        let odd = Query::from_pairs([
            ("page".to_owned(), "x".to_owned()),
            ("difficulty".to_owned(), "easy,,easy".to_owned()),
            ("utm".to_owned(), "y".to_owned()),
        ]);
        assert_eq!(odd.page, 1);
        assert_eq!(odd.difficulty, ["easy"]);
        assert!(odd.has_filters());
    }

    #[test]
    fn pages_hold_twenty_results_and_a_page_past_the_end_is_the_last() {
        let results: Vec<usize> = (0..45).collect();
        assert_eq!(page_count(45), 3);
        assert_eq!(page_count(0), 1);
        assert_eq!(page_of(&results, 1).0.len(), 20);
        assert_eq!(page_of(&results, 2).0.first(), Some(&20));
        assert_eq!(page_of(&results, 3).0, &[40, 41, 42, 43, 44]);
        assert_eq!(page_of(&results, 9).1, 3);
        assert_eq!(page_of(&[], 2), (&[][..], 1));
    }
}
