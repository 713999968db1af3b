#!/usr/bin/env python3
"""Checks that the bank's prose is written in its own words: no run of 8 or more consecutive
words shared with any seed guide. Words are lower-cased [a-z0-9']+ runs; prose is prompts,
choices (and their `why`), explanations, accepted answers and order items, with code spans
and fences removed.

usage: quiz-bank export --format json | python3 tests/bank/originality.py SEEDS_DIR
"""
import json
import pathlib
import re
import sys

RUN = 8
WORD = re.compile(r"[a-z0-9']+")
FENCE = re.compile(r"```.*?```", re.S)
SPAN = re.compile(r"`[^`]*`")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def prose(text: str) -> str:
    return SPAN.sub(" ", FENCE.sub(" ", text))


def shingles(ws: list[str]) -> set[tuple[str, ...]]:
    return {tuple(ws[i:i + RUN]) for i in range(len(ws) - RUN + 1)}


def question_texts(q: dict) -> list[str]:
    out = [q["prompt"], q["explanation"]]
    for c in q.get("choices", []):
        out.append(c["text"])
        out.append(c.get("why") or "")
    out += q.get("accept", []) + q.get("items", [])
    return out


def main() -> int:
    seeds_dir = pathlib.Path(sys.argv[1])
    seeds = sorted(seeds_dir.glob("*.txt"))
    if not seeds:
        print(f"originality: no seed files in {seeds_dir}", file=sys.stderr)
        return 2
    seen: set[tuple[str, ...]] = set()
    for path in seeds:
        seen |= shingles(words(path.read_text(encoding="utf-8", errors="replace")))
    exported = json.load(sys.stdin)
    # The export is an object {categories, topics, questions}; a bare array before issue 16.
    questions = exported["questions"] if isinstance(exported, dict) else exported
    failures = []
    for q in questions:
        for text in question_texts(q):
            ws = words(prose(text))
            for i in range(len(ws) - RUN + 1):
                run = tuple(ws[i:i + RUN])
                if run in seen:
                    failures.append(f'{q["category"]}/{q["topic"]}.toml: question "{q["id"]}": '
                                    f'shares "{" ".join(run)}" with a seed guide')
                    break
    for f in failures:
        print(f, file=sys.stderr)
    status = "FAILED" if failures else "ok"
    print(f"originality: {status}. {len(questions)} questions against {len(seeds)} seeds, "
          f"{len(failures)} with an 8-word run from a seed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
