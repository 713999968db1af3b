#!/usr/bin/env python3
"""Writes synthetic custom banks (issue 16) for the custom-bank benchmark (bench/custom-bank.mjs):
N questions in the JSON bank format {categories, topics, questions}, and the same bank in the
single-file TOML spelling. Short questions (~390 B of JSON each, all six kinds in turn, 20 topics in
5 categories) so that 10,000 of them stay under the 5 MB limit. Deterministic: same N, same files.

usage: python3 bench/gen-custom-bank.py [N ...]   (default: 1000 10000)
writes bench/tmp/custom/banks/custom-N.json and custom-N.toml; check them with
`quiz-bank check FILE`.
"""
import json
import pathlib
import sys

OUT = pathlib.Path(__file__).parent / "tmp" / "custom" / "banks"
CATEGORIES = [("basics", "Basics"), ("collections", "Collections"), ("functions", "Functions"),
              ("classes", "Classes"), ("stdlib", "Standard library")]
TOPICS = [(f"{c}-{t}", f"{title}, part {t}", c) for c, title in CATEGORIES for t in range(1, 5)]
DIFFICULTIES = ["easy", "medium", "hard"]
NAMES = ["xs", "items", "data", "vals", "nums", "row", "acc", "buf"]


def question(i):
    """Question i: the kind turns with i, the numbers and names change with it."""
    slug, _, category = TOPICS[i % len(TOPICS)]
    a, b = 2 + i % 7, 3 + (i // 7) % 5
    name = NAMES[i % len(NAMES)]
    q = {"id": f"b-{i:05d}", "topic": slug, "category": category,
         "difficulty": DIFFICULTIES[(i // len(TOPICS)) % 3], "tags": ["bench", f"t{i % 10}"]}
    kind = ["single", "multiple", "true-false", "output", "text", "order"][i % 6]
    q["kind"] = kind
    if kind == "single":
        q["prompt"] = f"Question {i}: what does `len({name})` return after `{name} = [{a}] * {b}`?"
        q["explanation"] = f"`[{a}] * {b}` repeats the one-item list {b} times, so it has {b} items."
        q["choices"] = [{"text": f"`{b}`", "correct": True},
                        {"text": f"`{a * b}`", "correct": False, "why": "That is the sum of the items, not their count."},
                        {"text": f"`{b + 100}`", "correct": False}, {"text": "`1`", "correct": False}]
    elif kind == "multiple":
        q["prompt"] = f"Question {i}: which of these are true for `{name} = ({a}, {b})`? Select all."
        q["explanation"] = "A tuple is an immutable sequence: it supports `len()` and indexing, not assignment."
        q["choices"] = [{"text": f"`len({name}) == 2`", "correct": True},
                        {"text": f"`{name}[0] == {a}`", "correct": True},
                        {"text": f"`{name}[0] = {b}` works", "correct": False, "why": "Tuples do not support item assignment."}]
    elif kind == "true-false":
        q["prompt"] = f"Question {i}: `{a} // {b} == {a // b}` evaluates to `True`."
        q["explanation"] = f"`//` is floor division: `{a} // {b}` is `{a // b}` for these positive operands."
        q["answer"] = True
    elif kind == "output":
        q["prompt"] = f"Question {i}: what does this code print?"
        q["code"] = f"{name} = [{a}, {b}]\n{name}.append({a + b})\nprint(sum({name}))"
        q["output"] = f"{2 * (a + b)}"
        q["explanation"] = f"After `append` the list holds {a}, {b} and {a + b}; their sum is {2 * (a + b)}."
        q["choices"] = [{"text": f"{2 * (a + b)}", "correct": True}, {"text": f"{a + b}", "correct": False},
                        {"text": f"{2 * (a + b) + 1}", "correct": False}]
    elif kind == "text":
        q["prompt"] = f"Question {i}: which built-in returns the number of items in `{name}`?"
        q["explanation"] = "`len()` calls the object's `__len__` method and returns a non-negative int."
        q["accept"] = ["len", "len()"]
    else:
        q["prompt"] = f"Question {i}: put these steps of `sorted({name})` in the order they happen."
        q["explanation"] = "`sorted` copies the items into a new list, sorts that list, then returns it."
        q["items"] = [f"iterate over `{name}`", "build a new list", "sort the new list", "return it"]
    return q


def toml_bank(bank):
    s = json.dumps  # a JSON string literal is a valid TOML basic string
    out = ["# Synthetic custom bank for bench/custom-bank.mjs (bench/gen-custom-bank.py).", ""]
    for c in bank["categories"]:
        out += ["[[category]]", f"slug = {s(c['slug'])}", f"title = {s(c['title'])}", ""]
    for t in bank["topics"]:
        out += ["[[topic]]", f"slug = {s(t['slug'])}", f"title = {s(t['title'])}", f"category = {s(t['category'])}", ""]
    for q in bank["questions"]:
        out.append("[[question]]")
        for key in ("id", "topic", "difficulty", "kind", "prompt", "code", "explanation", "output"):
            if key in q:
                out.append(f"{key} = {s(q[key])}")
        out.append(f"tags = {s(q['tags'])}")
        if "answer" in q:
            out.append(f"answer = {'true' if q['answer'] else 'false'}")
        for key in ("accept", "items"):
            if key in q:
                out.append(f"{key} = {s(q[key])}")
        for c in q.get("choices", []):
            out.append("[[question.choices]]")
            out.append(f"text = {s(c['text'])}")
            if c["correct"]:
                out.append("correct = true")
            if c.get("why"):
                out.append(f"why = {s(c['why'])}")
        out.append("")
    return "\n".join(out)


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10_000]
    OUT.mkdir(parents=True, exist_ok=True)
    for n in sizes:
        bank = {"categories": [{"slug": s, "title": t} for s, t in CATEGORIES],
                "topics": [{"slug": s, "title": t, "category": c} for s, t, c in TOPICS],
                "questions": [question(i) for i in range(n)]}
        text = json.dumps(bank, separators=(",", ":"), ensure_ascii=False) + "\n"
        (OUT / f"custom-{n}.json").write_text(text)
        toml = toml_bank(bank)
        (OUT / f"custom-{n}.toml").write_text(toml)
        print(f"gen-custom-bank: {n} questions: custom-{n}.json {len(text.encode()):,} B, "
              f"custom-{n}.toml {len(toml.encode()):,} B in {OUT}")


if __name__ == "__main__":
    main()
