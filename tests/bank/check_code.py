#!/usr/bin/env python3
"""Checks the bank's Python: every `code` block parses as Python 3.11, and every `output`
question's code, run with `python3 -I` in an empty temp folder, prints exactly its `output`.

usage: quiz-bank export --format json | python3 tests/bank/check_code.py
"""
import ast
import json
import os
import subprocess
import sys
import tempfile

TIMEOUT_S = 10


def main() -> int:
    questions = json.load(sys.stdin)
    failures = []
    ran = parsed = 0
    for q in questions:
        code = q.get("code")
        if code is None:
            continue
        where = f'{q["category"]}/{q["topic"]}.toml: question "{q["id"]}"'
        try:
            ast.parse(code, feature_version=(3, 11))
            parsed += 1
        except SyntaxError as e:
            failures.append(f"{where}: code does not parse as Python 3.11: line {e.lineno}: {e.msg}")
            continue
        if q["kind"] != "output":
            continue
        with tempfile.TemporaryDirectory() as tmp:
            env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
            try:
                done = subprocess.run(
                    [sys.executable, "-I", "-c", code],
                    cwd=tmp, env=env, capture_output=True, text=True, timeout=TIMEOUT_S,
                )
            except subprocess.TimeoutExpired:
                failures.append(f"{where}: code ran longer than {TIMEOUT_S} s")
                continue
        ran += 1
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["?"])[-1]
            failures.append(f"{where}: code exits with {done.returncode}: {last}")
        elif done.stdout != q["output"]:
            failures.append(
                f"{where}: expected output differs from what python3 prints\n"
                f"    expected: {q['output']!r}\n    printed:  {done.stdout!r}"
            )
    for f in failures:
        print(f, file=sys.stderr)
    status = "FAILED" if failures else "ok"
    print(f"bank code check: {status}. {parsed} blocks parsed, {ran} outputs verified, "
          f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
