#!/usr/bin/env python3
"""Checks a moodle-xml export with Python's XML parser (expat, not our reader) against what
Moodle's importer reads.

usage: check_moodle_xml.py FILE [--summary LOG] [--expect N]

- The file is well-formed XML, UTF-8, with <quiz> as its root and only <question> inside.
- Every element and attribute of a question is one that Moodle's importer reads for its type:
  question/format/xml/format.php (qformat_xml: import_headers, import_answer,
  import_combined_feedback, import_hints, import_multichoice, import_truefalse,
  import_shortanswer, import_category) and question/type/ordering/questiontype.php
  (import_from_xml). Only the types multichoice, truefalse, shortanswer, ordering and category.
- Each question has a name and a question text; HTML fields (format="html") are well-formed
  (X)HTML fragments; fractions are among Moodle's grade options
  (question_bank::fraction_options_full); a one-answer multichoice has exactly one answer at
  100, a multiple-answer one has positive fractions summing to 100; truefalse has the answers
  "true" and "false", one at 100; shortanswer has usecase 0 or 1 and an answer at 100;
  ordering has at least two items; category paths start with "$course$/".
--summary LOG: the export's stderr; its "N exported" must equal the questions read.
--expect N: the number of questions expected.
Prints what it read; exits 1 with every problem found.
"""

import re
import sys
import xml.etree.ElementTree as ET

HEADERS = {
    "@type", "name", "name/text", "questiontext", "questiontext@format", "questiontext/text",
    "questiontext/file", "image", "image_base64", "idnumber", "generalfeedback",
    "generalfeedback@format", "generalfeedback/text", "generalfeedback/file", "defaultgrade",
    "penalty", "tags", "tags/tag", "tags/tag/text", "coursetags", "coursetags/tag",
    "coursetags/tag/text",
}
ANSWER_HTML = {
    "answer", "answer@fraction", "answer@format", "answer/text", "answer/file",
    "answer/feedback", "answer/feedback@format", "answer/feedback/text", "answer/feedback/file",
}
ANSWER_PLAIN = {
    "answer", "answer@fraction", "answer/text", "answer/feedback", "answer/feedback@format",
    "answer/feedback/text", "answer/feedback/file",
}
FEEDBACK_AND_HINTS = {
    f"{f}{s}"
    for f in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
    for s in ("", "@format", "/text", "/file")
} | {"shownumcorrect", "hint", "hint@format", "hint/text", "hint/file", "hint/shownumcorrect",
     "hint/clearwrong", "hint/options"}
ALLOWED = {
    "category": {"@type", "category", "category/text", "info", "info@format", "info/text",
                 "idnumber"},
    "multichoice": HEADERS | ANSWER_HTML | FEEDBACK_AND_HINTS
    | {"single", "shuffleanswers", "answernumbering", "showstandardinstruction",
       "correctresponsesfeedback"},
    "truefalse": HEADERS | ANSWER_PLAIN | FEEDBACK_AND_HINTS,
    "shortanswer": HEADERS | ANSWER_PLAIN | FEEDBACK_AND_HINTS | {"usecase"},
    "ordering": HEADERS | ANSWER_HTML | FEEDBACK_AND_HINTS
    | {"layouttype", "selecttype", "selectcount", "gradingtype", "showgrading",
       "numberingstyle", "logical", "studentsee"},
}
GRADES = [1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25,
          0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0]
HTML_FIELDS = ("questiontext", "generalfeedback", "answer", "answer/feedback")


def paths(el, prefix=""):
    for a in el.attrib:
        yield f"{prefix}@{a}"
    for c in el:
        p = f"{prefix}/{c.tag}" if prefix else c.tag
        yield p
        yield from paths(c, p)


def text(el, path):
    found = el.find(path)
    return "" if found is None else "".join(found.itertext()).strip()


def fraction(answer):
    return float(answer.get("fraction", "0")) / 100


def main(argv):
    args = argv[1:]
    summary = expect = None
    if "--summary" in args:
        i = args.index("--summary")
        summary = args[i + 1]
        del args[i:i + 2]
    if "--expect" in args:
        i = args.index("--expect")
        expect = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    problems = []
    try:
        root = ET.parse(args[0]).getroot()
    except ET.ParseError as e:
        print(f"{args[0]}: not well-formed XML: {e}", file=sys.stderr)
        return 1
    if root.tag != "quiz":
        problems.append(f"the root element is <{root.tag}>, not <quiz>")
    counts = {}
    code_blocks = 0
    for n, q in enumerate(root, 1):
        at = f"/quiz/question[{n}]"
        if q.tag != "question":
            problems.append(f"{at}: <{q.tag}> inside <quiz>")
            continue
        qtype = q.get("type", "")
        name = text(q, "name/text")
        at = f"{at} ({name or qtype})"
        if qtype not in ALLOWED:
            problems.append(f"{at}: type {qtype!r} is not one we export")
            continue
        counts[qtype] = counts.get(qtype, 0) + 1
        for p in paths(q):
            if p not in ALLOWED[qtype]:
                problems.append(f"{at}: Moodle's importer does not read {p}")
        if qtype == "category":
            if not text(q, "category/text").startswith("$course$/"):
                problems.append(f"{at}: category path does not start with $course$/")
            continue
        if not name:
            problems.append(f"{at}: no name")
        if not text(q, "questiontext/text"):
            problems.append(f"{at}: no question text")
        for field in HTML_FIELDS:
            for el in q.findall(field):
                if el.get("format", "html") != "html" or (qtype in ("truefalse", "shortanswer")
                                                          and field == "answer"):
                    continue
                body = text(el, "text")
                try:
                    ET.fromstring(f"<div>{body}</div>")
                except ET.ParseError as e:
                    problems.append(f"{at}: {field} is not well-formed HTML ({e}): {body[:80]!r}")
        code_blocks += len(re.findall(r'<pre><code class="language-python">',
                                      text(q, "questiontext/text")))
        answers = q.findall("answer")
        if qtype != "ordering":
            for a in answers:
                f = fraction(a)
                if not any(abs(abs(f) - g) < 1e-5 for g in GRADES):
                    problems.append(f"{at}: fraction {a.get('fraction')} is not a Moodle grade")
        if qtype == "multichoice":
            single = text(q, "single")
            if single == "true":
                if sum(1 for a in answers if abs(fraction(a) - 1) < 1e-6) != 1:
                    problems.append(f"{at}: a one-answer question needs exactly one answer at 100")
            elif single == "false":
                total = sum(fraction(a) for a in answers if fraction(a) > 0)
                if abs(total - 1) > 1e-4 or not any(fraction(a) <= 0 for a in answers):
                    problems.append(f"{at}: right answers sum to {total * 100}, or none is wrong")
            else:
                problems.append(f"{at}: <single> is {single!r}")
            if len(answers) < 2:
                problems.append(f"{at}: fewer than two answers")
        elif qtype == "truefalse":
            labels = sorted(text(a, "text") for a in answers)
            right = [a for a in answers if abs(fraction(a) - 1) < 1e-6]
            if labels != ["false", "true"] or len(right) != 1:
                problems.append(f"{at}: needs answers true and false, one at 100")
        elif qtype == "shortanswer":
            if text(q, "usecase") not in ("0", "1"):
                problems.append(f"{at}: usecase is {text(q, 'usecase')!r}")
            if not any(abs(fraction(a) - 1) < 1e-6 and text(a, "text") for a in answers):
                problems.append(f"{at}: no answer at 100")
        elif qtype == "ordering":
            if len([a for a in answers if text(a, "text")]) < 2:
                problems.append(f"{at}: fewer than two items")
            if text(q, "gradingtype") != "ALL_OR_NOTHING":
                problems.append(f"{at}: gradingtype is not ALL_OR_NOTHING")
    questions = sum(v for k, v in counts.items() if k != "category")
    shown = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    print(f"{args[0]}: {questions} questions ({shown}); {code_blocks} Python code blocks")
    if summary is not None:
        with open(summary, encoding="utf-8") as f:
            m = re.search(r"(\d+) exported", f.read())
        if not m:
            problems.append(f"{summary}: no 'N exported' line")
        elif int(m.group(1)) != questions:
            problems.append(f"{summary} says {m.group(1)} exported, the file holds {questions}")
    if expect is not None and questions != expect:
        problems.append(f"expected {expect} questions, read {questions}")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
