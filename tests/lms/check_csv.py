#!/usr/bin/env python3
"""Checks an anki-csv or d2l-csv export with Python's own csv module (not our parser).

usage: check_csv.py anki|d2l FILE [--summary LOG] [--expect N]

anki: the file headers Anki reads (#separator:Comma, #html:true, #tags column:3), then
      records of exactly 3 fields (front, back, tags); front and back non-empty HTML with
      balanced tags; tags kebab-case, separated by spaces.
d2l:  every row has exactly 5 fields; questions are blocks NewQuestion..(empty row) with
      ID, Title, QuestionText (HTML), Points, Difficulty 1-5 and the rows of their type
      (MC: Options, one worth 100; MS: Scoring + Options 1/0 with a 1; TF: TRUE and FALSE,
      one worth 100; SA: InputBox + Answers; O: Scoring + 2 or more Items); HTML-marked
      fields have balanced tags.
--summary LOG: the export's stderr; its "N exported" must equal the notes or questions read.
--expect N: the number of notes or questions expected.
Prints what it read; exits 1 with every problem found.
"""

import csv
import html.parser
import io
import re
import sys

VOID = {"br", "hr", "img"}


class Balance(html.parser.HTMLParser):
    """Records tags that are not closed in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> does not close <{self.stack[-1] if self.stack else ''}>")
        else:
            self.stack.pop()


def html_problems(text):
    p = Balance()
    p.feed(text)
    p.close()
    if p.stack:
        p.problems.append("unclosed " + ", ".join(f"<{t}>" for t in p.stack))
    return p.problems


def check_anki(text, problems):
    lines = text.split("\n")
    headers = []
    while lines and lines[0].startswith("#"):
        headers.append(lines.pop(0))
    for want in ("#separator:Comma", "#html:true", "#tags column:3"):
        if want not in headers:
            problems.append(f"missing file header {want}")
    rows = list(csv.reader(io.StringIO("\n".join(lines), newline="")))
    notes = 0
    for n, row in enumerate(rows, start=len(headers) + 1):
        if not row:
            continue
        notes += 1
        if len(row) != 3:
            problems.append(f"record {notes}: {len(row)} fields, expected 3 (front, back, tags)")
            continue
        front, back, tags = row
        for name, value in (("front", front), ("back", back)):
            if not value.strip():
                problems.append(f"record {notes}: empty {name}")
            for p in html_problems(value):
                problems.append(f"record {notes}: {name}: {p}")
        if front.startswith("#"):
            problems.append(f"record {notes}: front starts with # (Anki reads a comment)")
        for tag in tags.split(" "):
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", tag):
                problems.append(f"record {notes}: tag {tag!r} is not kebab-case")
    return notes


def check_d2l(text, problems):
    rows = list(csv.reader(io.StringIO(text, newline="")))
    questions = []
    current = None
    for n, row in enumerate(rows, start=1):
        if len(row) != 5:
            problems.append(f"row {n}: {len(row)} fields, expected 5")
            continue
        kind = row[0].strip()
        if kind.startswith("//"):
            continue
        if not any(cell.strip() for cell in row):
            current = None
            continue
        if kind == "NewQuestion":
            current = {"type": row[1], "row": n, "rows": []}
            questions.append(current)
            continue
        if current is None:
            problems.append(f"row {n}: {kind} outside a question (no NewQuestion before it)")
            continue
        current["rows"].append(row)
    for q in questions:
        where = f"question at row {q['row']} ({q['type']})"
        by = {}
        for row in q["rows"]:
            by.setdefault(row[0], []).append(row)
        for need in ("ID", "Title", "QuestionText", "Points", "Difficulty", "Feedback"):
            if need not in by:
                problems.append(f"{where}: no {need} row")
        text_row = by.get("QuestionText", [["", "", ""]])[0]
        if not text_row[1].strip():
            problems.append(f"{where}: empty QuestionText")
        for name, col in (("QuestionText", 2), ("Feedback", 2), ("Option", 3), ("Item", 2)):
            for row in by.get(name, []):
                if row[col] == "HTML":
                    text_col = 1 if name != "Option" else 2
                    for p in html_problems(row[text_col]):
                        problems.append(f"{where}: {name}: {p}")
        difficulty = by.get("Difficulty", [["", ""]])[0][1]
        if difficulty not in {"1", "2", "3", "4", "5"}:
            problems.append(f"{where}: Difficulty {difficulty!r} is not 1-5")
        t = q["type"]
        options = by.get("Option", [])
        if t == "MC":
            if len(options) < 2 or [o[1] for o in options].count("100") != 1:
                problems.append(f"{where}: needs 2+ Options with exactly one worth 100")
        elif t == "MS":
            if "Scoring" not in by or "1" not in [o[1] for o in options] or len(options) < 2:
                problems.append(f"{where}: needs Scoring and 2+ Options, one worth 1")
        elif t == "TF":
            weights = [by.get("TRUE", [["", ""]])[0][1], by.get("FALSE", [["", ""]])[0][1]]
            if sorted(weights) != ["0", "100"]:
                problems.append(f"{where}: TRUE/FALSE rows must be worth 100 and 0")
        elif t == "SA":
            if "InputBox" not in by or not by.get("Answer"):
                problems.append(f"{where}: needs InputBox and Answer rows")
        elif t == "O":
            if "Scoring" not in by or len(by.get("Item", [])) < 2:
                problems.append(f"{where}: needs Scoring and 2+ Items")
        else:
            problems.append(f"{where}: unknown question type {t!r}")
    return len(questions)


def main(argv):
    if len(argv) < 3 or argv[1] not in ("anki", "d2l"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    kind, path = argv[1], argv[2]
    expect = None
    args = argv[3:]
    while args:
        flag, value, args = args[0], args[1] if len(args) > 1 else None, args[2:]
        if value is None:
            print(f"{flag} needs a value", file=sys.stderr)
            return 2
        if flag == "--expect":
            expect = int(value)
        elif flag == "--summary":
            with open(value, encoding="utf-8") as f:
                m = re.search(r"(\d+) exported", f.read())
            if not m:
                print(f"{value}: no 'N exported' summary", file=sys.stderr)
                return 1
            expect = int(m.group(1))
        else:
            print(f"unknown option {flag}", file=sys.stderr)
            return 2
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    problems = []
    count = check_anki(text, problems) if kind == "anki" else check_d2l(text, problems)
    what = "notes" if kind == "anki" else "questions"
    if expect is not None and count != expect:
        problems.append(f"{count} {what} read, expected {expect}")
    for p in problems[:50]:
        print(f"{path}: {p}")
    if len(problems) > 50:
        print(f"{path}: ... and {len(problems) - 50} more")
    if problems:
        return 1
    print(f"{path}: {count} {what}, every row well-formed ({kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
