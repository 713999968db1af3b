#!/usr/bin/env python3
"""Checks that the bank gives a test-wise learner no answer cues (issue 19). Prints every
statistic on every run and fails when one is outside its bounds:

- longest choice: among `single` questions, the share whose correct choice is the longest
  must be 15-40 %. "Longest" means strictly longer than every wrong choice, measured in
  characters of the text as shown (backticks removed, runs of whitespace counted as one).
- multiple: at least 15 % of `multiple` questions have exactly one correct choice, and at
  most 10 % have every choice correct (today the validator already rejects a `multiple`
  question without a wrong choice, so that half only matters if the format relaxes).
- true-false: 40-60 % of `true-false` statements are true; and a statement with an absolute
  word (ABSOLUTE, matched as whole words in the prompt with code spans removed) is not more
  or less likely to be false than one without: the two false rates differ by at most
  15 points.
- position: the correct choice's position in the file (the JSON export shows choices in file
  order) carries no signal. Definition: take the `single` questions with exactly 4 choices;
  for each position 1-4, the share of them whose correct choice sits at that position must be
  25 % +/- 10 points (15-35 %). Other choice counts and `output` questions with choices are
  reported, not bounded.

A statistic over fewer than MIN_SAMPLE questions is reported as "n/a" and not bounded (small
custom banks).

usage: quiz-bank export --format json | python3 tests/bank/cues.py
"""
import collections
import json
import re
import sys

MIN_SAMPLE = 10
LONGEST = (0.15, 0.40)
MULTIPLE_ONE_CORRECT_MIN = 0.15
MULTIPLE_ALL_CORRECT_MAX = 0.10
TRUE_SHARE = (0.40, 0.60)
ABSOLUTE_GAP_MAX = 0.15
POSITION_CHOICES = 4
POSITION_TOLERANCE = 0.10
ABSOLUTE = ["always", "never", "only", "all", "every", "everything", "none", "nothing",
            "cannot", "can't", "must", "guaranteed", "guarantees", "impossible"]
ABSOLUTE_RE = re.compile(r"(?<![\w'])(" + "|".join(re.escape(w) for w in ABSOLUTE) + r")(?![\w'])")
FENCE = re.compile(r"```.*?```", re.S)
SPAN = re.compile(r"`[^`]*`")


def shown_length(text: str) -> int:
    return len(" ".join(text.replace("`", "").split()))


def has_absolute(prompt: str) -> bool:
    prose = SPAN.sub(" ", FENCE.sub(" ", prompt)).lower().replace("\u2019", "'")
    return ABSOLUTE_RE.search(prose) is not None


def pct(x: float, digits: int = 1) -> str:
    return f"{100 * x:.{digits}f} %"


def correct_positions(q: dict) -> list[int]:
    return [i for i, c in enumerate(q.get("choices", [])) if c["correct"]]


class Report:
    def __init__(self) -> None:
        self.failures: list[str] = []

    def line(self, text: str) -> None:
        print(f"answer cues: {text}")

    def bound(self, ok: bool, what: str) -> None:
        if not ok:
            self.failures.append(what)


def longest(r: Report, questions: list[dict]) -> None:
    singles = [q for q in questions if q["kind"] == "single"]
    n = len(singles)
    hits = 0
    chance = 0.0
    for q in singles:
        lengths = [shown_length(c["text"]) for c in q["choices"]]
        right = [lengths[i] for i in correct_positions(q)]
        wrong = [length for c, length in zip(q["choices"], lengths) if not c["correct"]]
        if right and wrong and right[0] > max(wrong):
            hits += 1
        chance += 1 / len(q["choices"])
    if n < MIN_SAMPLE:
        r.line(f"longest choice: n/a ({n} single questions, fewer than {MIN_SAMPLE})")
        return
    share = hits / n
    r.line(f"longest choice: the correct choice is the longest in {hits} of {n} single "
           f"questions ({pct(share)}; bounds {pct(LONGEST[0], 0)}-{pct(LONGEST[1], 0)}; "
           f"{pct(chance / n)} if length were random)")
    r.bound(LONGEST[0] <= share <= LONGEST[1],
            f"longest choice: the correct choice is the longest in {pct(share)} of single "
            f"questions, outside {pct(LONGEST[0], 0)}-{pct(LONGEST[1], 0)}; vary which choice is "
            f"longest by rewriting choices, not by padding")


def multiple(r: Report, questions: list[dict]) -> None:
    multi = [q for q in questions if q["kind"] == "multiple"]
    n = len(multi)
    counts = collections.Counter(len(correct_positions(q)) for q in multi)
    all_correct = sum(1 for q in multi if len(correct_positions(q)) == len(q["choices"]))
    if n < MIN_SAMPLE:
        r.line(f"multiple: n/a ({n} multiple questions, fewer than {MIN_SAMPLE})")
        return
    one = counts[1] / n
    every = all_correct / n
    spread = ", ".join(f"{k}: {counts[k]}" for k in sorted(counts))
    r.line(f"multiple: {n} questions; exactly one correct {counts[1]} ({pct(one)}, need at "
           f"least {pct(MULTIPLE_ONE_CORRECT_MIN, 0)}); all correct {all_correct} ({pct(every)}, "
           f"at most {pct(MULTIPLE_ALL_CORRECT_MAX, 0)}); by number correct {{{spread}}}")
    r.bound(one >= MULTIPLE_ONE_CORRECT_MIN,
            f"multiple: exactly one correct choice in {pct(one)} of multiple questions, "
            f"need at least {pct(MULTIPLE_ONE_CORRECT_MIN, 0)}")
    r.bound(every <= MULTIPLE_ALL_CORRECT_MAX,
            f"multiple: every choice correct in {pct(every)} of multiple questions, "
            f"at most {pct(MULTIPLE_ALL_CORRECT_MAX, 0)}")


def true_false(r: Report, questions: list[dict]) -> None:
    tf = [q for q in questions if q["kind"] == "true-false"]
    n = len(tf)
    if n < MIN_SAMPLE:
        r.line(f"true-false: n/a ({n} statements, fewer than {MIN_SAMPLE})")
        return
    true = sum(1 for q in tf if q["answer"])
    share = true / n
    r.line(f"true-false: {true} of {n} statements are true ({pct(share)}; bounds "
           f"{pct(TRUE_SHARE[0], 0)}-{pct(TRUE_SHARE[1], 0)})")
    r.bound(TRUE_SHARE[0] <= share <= TRUE_SHARE[1],
            f"true-false: share true is {pct(share)}, outside "
            f"{pct(TRUE_SHARE[0], 0)}-{pct(TRUE_SHARE[1], 0)}")
    groups = {True: [], False: []}
    for q in tf:
        groups[has_absolute(q["prompt"])].append(q)
    abs_n, plain_n = len(groups[True]), len(groups[False])
    if min(abs_n, plain_n) < MIN_SAMPLE:
        r.line(f"true-false absolute words: n/a ({abs_n} statements with one, {plain_n} "
               f"without; each needs {MIN_SAMPLE})")
        return
    abs_false = sum(1 for q in groups[True] if not q["answer"])
    plain_false = sum(1 for q in groups[False] if not q["answer"])
    gap = abs_false / abs_n - plain_false / plain_n
    r.line(f"true-false absolute words: false in {abs_false} of {abs_n} with one "
           f"({pct(abs_false / abs_n)}) vs {plain_false} of {plain_n} without "
           f"({pct(plain_false / plain_n)}); gap {100 * gap:+.1f} points "
           f"(bound +/-{100 * ABSOLUTE_GAP_MAX:.0f})")
    r.bound(abs(gap) <= ABSOLUTE_GAP_MAX + 1e-9,
            f"true-false absolute words: statements with an absolute word are false "
            f"{pct(abs_false / abs_n)} of the time vs {pct(plain_false / plain_n)} without, "
            f"a gap of {100 * gap:+.1f} points (bound +/-{100 * ABSOLUTE_GAP_MAX:.0f})")


def position_line(label: str, qs: list[dict], k: int) -> list[float]:
    at = collections.Counter(correct_positions(q)[0] for q in qs)
    shares = [at[i] / len(qs) for i in range(k)]
    cells = " ".join(f"{i + 1}:{pct(s)}" for i, s in enumerate(shares))
    print(f"answer cues: position: {label} with {k} choices ({len(qs)}): {cells}")
    return shares


def position(r: Report, questions: list[dict]) -> None:
    one_answer = [q for q in questions
                  if q["kind"] in ("single", "output") and len(correct_positions(q)) == 1]
    by_count = collections.defaultdict(list)
    for q in one_answer:
        by_count[(q["kind"], len(q["choices"]))].append(q)
    k = POSITION_CHOICES
    bounded = by_count.get(("single", k), [])
    expect = 1 / k
    low, high = expect - POSITION_TOLERANCE, expect + POSITION_TOLERANCE
    if len(bounded) < MIN_SAMPLE:
        r.line(f"position: n/a ({len(bounded)} single questions with {k} choices, "
               f"fewer than {MIN_SAMPLE})")
    else:
        shares = position_line(f"single (bounds {pct(low, 0)}-{pct(high, 0)} each)", bounded, k)
        for i, s in enumerate(shares):
            r.bound(low - 1e-9 <= s <= high + 1e-9,
                    f"position: the correct choice is at position {i + 1} of {k} in {pct(s)} "
                    f"of {k}-choice single questions, outside {pct(low, 0)}-{pct(high, 0)}")
    for (kind, count), qs in sorted(by_count.items(), key=lambda kv: (kv[0][0] != "single", kv[0])):
        if (kind, count) != ("single", k):
            position_line(f"{kind} (reported, not bounded)", qs, count)


def main() -> int:
    exported = json.load(sys.stdin)
    # The export is an object {categories, topics, questions}; a bare array before issue 16.
    questions = exported["questions"] if isinstance(exported, dict) else exported
    r = Report()
    longest(r, questions)
    multiple(r, questions)
    true_false(r, questions)
    position(r, questions)
    for f in r.failures:
        print(f"answer cues FAILED: {f}", file=sys.stderr)
    print(f"answer cues: {'FAILED' if r.failures else 'ok'}, {len(r.failures)} problem(s)")
    return 1 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main())
