//! Every UI string of the widget, in one table per language. Adding a language is adding one
//! `Strings` value and one arm in [`Lang::from_tag`].

/// A UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English (the fallback).
    #[default]
    En,
    /// German.
    De,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every supported language tag.
    pub const TAGS: [&'static str; 3] = ["en", "de", "es"];

    /// Picks a language from a BCP 47 tag (`de`, `de-AT`, `ES`); `None` when unsupported.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language's tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Es => "es",
        }
    }

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
            Lang::Es => &ES,
        }
    }
}

/// The UI strings. Templates use `{n}`, `{total}` and `{name}` placeholders.
#[allow(missing_docs)]
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    pub quiz_label: &'static str,
    pub difficulty: &'static str,
    pub difficulties: [&'static str; 3],
    pub topic: &'static str,
    pub all_topics: &'static str,
    pub preset_topics: &'static str,
    pub count: &'static str,
    pub all: &'static str,
    pub start: &'static str,
    pub matching: &'static str,
    pub question_n_of: &'static str,
    pub check: &'static str,
    pub next: &'static str,
    pub see_results: &'static str,
    pub correct: &'static str,
    pub incorrect: &'static str,
    pub right_answer: &'static str,
    pub your_answer: &'static str,
    pub no_answer: &'static str,
    pub true_: &'static str,
    pub false_: &'static str,
    pub type_answer: &'static str,
    pub type_output: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub order_hint: &'static str,
    pub select_all: &'static str,
    pub results: &'static str,
    pub score: &'static str,
    pub by_difficulty: &'static str,
    pub by_topic: &'static str,
    pub review: &'static str,
    pub retry_missed: &'static str,
    pub new_quiz: &'static str,
    pub no_match: &'static str,
    pub widen: &'static str,
    pub short: &'static str,
    pub unknown_ids: &'static str,
    pub seed: &'static str,
    pub explanation: &'static str,
    pub code: &'static str,
    pub pick_first: &'static str,
}

static EN: Strings = Strings {
    quiz_label: "Quiz",
    difficulty: "Difficulty",
    difficulties: ["Easy", "Medium", "Hard"],
    topic: "Topic",
    all_topics: "All topics",
    preset_topics: "Chosen topics",
    count: "Questions",
    all: "All",
    start: "Start quiz",
    matching: "{n} questions match",
    question_n_of: "Question {n} of {total}",
    check: "Check answer",
    next: "Next question",
    see_results: "See results",
    correct: "Correct!",
    incorrect: "Not quite.",
    right_answer: "Right answer:",
    your_answer: "Your answer:",
    no_answer: "(no answer)",
    true_: "True",
    false_: "False",
    type_answer: "Your answer",
    type_output: "What it prints",
    move_up: "Move up: {name}",
    move_down: "Move down: {name}",
    order_hint: "Use the arrow buttons to put the items in order.",
    select_all: "Select all that apply.",
    results: "Results",
    score: "You scored {n} of {total}",
    by_difficulty: "By difficulty",
    by_topic: "By topic",
    review: "Review",
    retry_missed: "Retry missed questions",
    new_quiz: "New quiz",
    no_match: "No questions match these filters.",
    widen: "Show all questions",
    short: "Only {n} questions match, so this quiz has {n}.",
    unknown_ids: "These question ids are not in the bank: {name}",
    seed: "Quiz #{n}",
    explanation: "Explanation",
    code: "Code",
    pick_first: "Choose an answer first.",
};

static DE: Strings = Strings {
    quiz_label: "Quiz",
    difficulty: "Schwierigkeit",
    difficulties: ["Leicht", "Mittel", "Schwer"],
    topic: "Thema",
    all_topics: "Alle Themen",
    preset_topics: "Gewählte Themen",
    count: "Fragen",
    all: "Alle",
    start: "Quiz starten",
    matching: "{n} passende Fragen",
    question_n_of: "Frage {n} von {total}",
    check: "Antwort prüfen",
    next: "Nächste Frage",
    see_results: "Ergebnis ansehen",
    correct: "Richtig!",
    incorrect: "Nicht ganz.",
    right_answer: "Richtige Antwort:",
    your_answer: "Deine Antwort:",
    no_answer: "(keine Antwort)",
    true_: "Wahr",
    false_: "Falsch",
    type_answer: "Deine Antwort",
    type_output: "Was ausgegeben wird",
    move_up: "Nach oben: {name}",
    move_down: "Nach unten: {name}",
    order_hint: "Bringe die Einträge mit den Pfeiltasten in die richtige Reihenfolge.",
    select_all: "Wähle alle zutreffenden aus.",
    results: "Ergebnis",
    score: "{n} von {total} richtig",
    by_difficulty: "Nach Schwierigkeit",
    by_topic: "Nach Thema",
    review: "Rückblick",
    retry_missed: "Falsche Fragen wiederholen",
    new_quiz: "Neues Quiz",
    no_match: "Keine Frage passt zu diesen Filtern.",
    widen: "Alle Fragen zeigen",
    short: "Nur {n} Fragen passen, daher hat dieses Quiz {n}.",
    unknown_ids: "Diese Fragen-IDs gibt es nicht: {name}",
    seed: "Quiz Nr. {n}",
    explanation: "Erklärung",
    code: "Code",
    pick_first: "Wähle zuerst eine Antwort.",
};

static ES: Strings = Strings {
    quiz_label: "Cuestionario",
    difficulty: "Dificultad",
    difficulties: ["Fácil", "Media", "Difícil"],
    topic: "Tema",
    all_topics: "Todos los temas",
    preset_topics: "Temas elegidos",
    count: "Preguntas",
    all: "Todas",
    start: "Empezar",
    matching: "{n} preguntas coinciden",
    question_n_of: "Pregunta {n} de {total}",
    check: "Comprobar",
    next: "Siguiente pregunta",
    see_results: "Ver resultados",
    correct: "¡Correcto!",
    incorrect: "No exactamente.",
    right_answer: "Respuesta correcta:",
    your_answer: "Tu respuesta:",
    no_answer: "(sin respuesta)",
    true_: "Verdadero",
    false_: "Falso",
    type_answer: "Tu respuesta",
    type_output: "Lo que imprime",
    move_up: "Subir: {name}",
    move_down: "Bajar: {name}",
    order_hint: "Usa los botones de flecha para ordenar los elementos.",
    select_all: "Marca todas las correctas.",
    results: "Resultados",
    score: "Has acertado {n} de {total}",
    by_difficulty: "Por dificultad",
    by_topic: "Por tema",
    review: "Repaso",
    retry_missed: "Repetir las falladas",
    new_quiz: "Nuevo cuestionario",
    no_match: "Ninguna pregunta coincide con estos filtros.",
    widen: "Mostrar todas las preguntas",
    short: "Solo coinciden {n} preguntas, así que el cuestionario tiene {n}.",
    unknown_ids: "Estos ids de pregunta no existen: {name}",
    seed: "Cuestionario n.º {n}",
    explanation: "Explicación",
    code: "Código",
    pick_first: "Elige una respuesta primero.",
};

/// Fills `{n}`, `{total}` and `{name}` in a template.
pub fn fill(template: &str, n: impl ToString, total: impl ToString, name: &str) -> String {
    template
        .replace("{n}", &n.to_string())
        .replace("{total}", &total.to_string())
        .replace("{name}", name)
}
