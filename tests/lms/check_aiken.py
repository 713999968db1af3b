#!/usr/bin/env python3
"""An Aiken file checked the way Moodle's qformat_aiken reads it, independently of our
importer: blocks of one question line, options `A) text` or `A. text` with consecutive
letters (2 to 6 here, as the bank allows), then `ANSWER: X` naming one of them; a blank line
between blocks. With --summary LOG, the number of blocks must equal the export's "N exported".

usage: python3 tests/lms/check_aiken.py FILE [--summary LOG]
"""
import re
import sys

OPTION = re.compile(r"^([A-Z])[.)] (\S.*)$")
ANSWER = re.compile(r"^ANSWER: ([A-Z])$")


def check(text):
    problems, blocks = [], 0
    for n, block in enumerate(re.split(r"\n\s*\n", text.strip()), 1):
        lines = block.split("\n")
        if len(lines) < 4:
            problems.append(f"block {n}: {len(lines)} lines, want a question, 2+ options and ANSWER")
            continue
        question, options, answer = lines[0], lines[1:-1], lines[-1]
        if OPTION.match(question) or ANSWER.match(question):
            problems.append(f"block {n}: no question line before the options")
        letters = []
        for line in options:
            m = OPTION.match(line)
            if not m:
                problems.append(f"block {n}: {line[:60]!r} is not an option line")
                break
            letters.append(m.group(1))
        if letters != [chr(ord("A") + i) for i in range(len(letters))]:
            problems.append(f"block {n}: option letters {letters} are not A, B, C…")
        m = ANSWER.match(answer)
        if not m or m.group(1) not in letters:
            problems.append(f"block {n}: last line {answer[:40]!r} is not ANSWER: with one of the options")
        blocks += 1
    return blocks, problems


def main():
    args = sys.argv[1:]
    blocks, problems = check(open(args[0], encoding="utf-8").read())
    if "--summary" in args:
        log = open(args[args.index("--summary") + 1], encoding="utf-8").read()
        m = re.search(r"(\d+) exported", log)
        if not m or int(m.group(1)) != blocks:
            problems.append(f"{blocks} questions in the file, the summary says {m.group(1) if m else '?'} exported")
    for p in problems[:20]:
        print(p)
    print(f"aiken: {blocks} questions, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
