#!/usr/bin/env python3
"""Flags pairs of near-duplicate questions (issue 19): two questions that teach the same fact
with the same words, so a learner meets one idea twice.

Each question is reduced to the set of its content words: lower-cased runs of letters,
digits, `_` and inner dots (so `object.__eq__` is one word) from the prompt, the code, the
explanation and the answer (correct choices, `output`, `accept` or `items`), minus the
STOPWORDS. Two questions are near duplicates when the Jaccard similarity of their sets,
|A & B| / |A | B|, is at least THRESHOLD. The explanation is included because two questions
can ask the same thing in different forms (an `output` snippet and a true/false statement)
while explaining it with the same words.

REVIEWED_DISTINCT lists pairs above the threshold that a reviewer judged to be different
ideas; each entry says why. Keep it short: prefer rewriting or deleting one of the pair.

usage: quiz-bank export --format json | python3 tests/bank/near_dupes.py
"""
import itertools
import json
import re
import sys

THRESHOLD = 0.33
WORD = re.compile(r"[a-z0-9_][a-z0-9_.]*[a-z0-9_]|[a-z0-9_]")
STOPWORDS = frozenset("""
a an and are as at be but by can does for from has have if in into is it its not of on one
only or print so than that the their then there these this those to two use was were what
when which will with would you your
""".split())
REVIEWED_DISTINCT = {
    frozenset({"nan-not-equal-to-itself", "nan-detect-with-isnan"}):
        "one predicts `x == x` and `x is x` for a NaN; the other asks how to test for NaN",
}


def answer_text(q: dict) -> str:
    parts = [c["text"] for c in q.get("choices", []) if c["correct"]]
    if not parts:
        parts = [q.get("output") or ""] + q.get("accept", [])[:1] + q.get("items", [])
    return " ".join(parts)


def content_words(q: dict) -> frozenset[str]:
    text = " ".join([q["prompt"], q.get("code") or "", q["explanation"], answer_text(q)])
    return frozenset(w for w in WORD.findall(text.lower()) if w not in STOPWORDS)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def main() -> int:
    exported = json.load(sys.stdin)
    # The export is an object {categories, topics, questions}; a bare array before issue 16.
    questions = exported["questions"] if isinstance(exported, dict) else exported
    words = [content_words(q) for q in questions]
    pairs = []
    for i, j in itertools.combinations(range(len(questions)), 2):
        a, b = words[i], words[j]
        # |A & B| <= min(|A|, |B|), so a pair this unequal in size cannot reach the threshold.
        if min(len(a), len(b)) < THRESHOLD * max(len(a), len(b)):
            continue
        s = similarity(a, b)
        if s >= THRESHOLD:
            pairs.append((s, questions[i], questions[j]))
    pairs.sort(key=lambda p: -p[0])
    failures = []
    reviewed = 0
    for s, p, q in pairs:
        if frozenset({p["id"], q["id"]}) in REVIEWED_DISTINCT:
            reviewed += 1
            continue
        failures.append(f'near-duplicate questions ({s:.2f} >= {THRESHOLD}): '
                        f'{p["category"]}/{p["topic"]}.toml "{p["id"]}" and '
                        f'{q["category"]}/{q["topic"]}.toml "{q["id"]}"; delete one, or make '
                        f'them test clearly different ideas')
    for f in failures:
        print(f, file=sys.stderr)
    status = "FAILED" if failures else "ok"
    print(f"near duplicates: {status}. {len(questions)} questions, word-set Jaccard threshold "
          f"{THRESHOLD}: {len(failures)} pair(s) flagged, {reviewed} reviewed as distinct")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
