#!/usr/bin/env python3
"""Checks that each part of the built-in bank keeps the mix its issue asks for: enough
questions, at least 2 per topic, >= 15 % of each difficulty, >= 25 % with code, >= 12 %
`output`, and every kind at least 5 times.

usage: quiz-bank export --format json | python3 tests/bank/mix.py
"""
import collections
import json
import sys

PARTS = {
    "fundamentals (issue 5)": (150, ["core-language", "data-structures", "functions-and-closures",
                                     "decorators", "iterators-generators", "gotchas"]),
    "objects, internals, stdlib (issue 8)": (140, ["oop", "typing", "memory-and-internals",
                                                   "errors-and-logging", "stdlib"]),
    "concurrency and production (issue 9)": (130, ["concurrency", "asyncio", "testing-and-tooling",
                                                   "web-backend", "performance-and-data-science"]),
}
KINDS = ["single", "multiple", "true-false", "output", "text", "order"]


def main() -> int:
    exported = json.load(sys.stdin)
    # The export is an object {categories, topics, questions}; a bare array before issue 16.
    questions = exported["questions"] if isinstance(exported, dict) else exported
    failures = []
    for name, (minimum, categories) in PARTS.items():
        part = [q for q in questions if q["category"] in categories]
        n = len(part) or 1
        diff = collections.Counter(q["difficulty"] for q in part)
        kinds = collections.Counter(q["kind"] for q in part)
        per_topic = collections.Counter(q["topic"] for q in part)
        code = sum(1 for q in part if q.get("code"))
        checks = [
            (len(part) >= minimum, f"{len(part)} questions, need {minimum}"),
            (code / n >= 0.25, f"{code / n:.0%} show code, need 25 %"),
            (kinds["output"] / n >= 0.12, f"{kinds['output'] / n:.0%} are output, need 12 %"),
        ]
        checks += [(diff[d] / n >= 0.15, f"{diff[d] / n:.0%} {d}, need 15 %") for d in ("easy", "medium", "hard")]
        checks += [(kinds[k] >= 5, f"kind {k} appears {kinds[k]} times, need 5") for k in KINDS]
        checks += [(c >= 2, f"topic {t} has {c} question(s), need 2") for t, c in per_topic.items()]
        for ok, what in checks:
            if not ok:
                failures.append(f"{name}: {what}")
        print(f"bank mix: {name}: {len(part)} questions, {len(per_topic)} topics, "
              f"easy/medium/hard {diff['easy']}/{diff['medium']}/{diff['hard']}, "
              f"code {code / n:.0%}, output {kinds['output'] / n:.0%}")
    for f in failures:
        print(f, file=sys.stderr)
    print(f"bank mix: {'FAILED' if failures else 'ok'}, {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
