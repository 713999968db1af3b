#!/usr/bin/env python3
"""Writes a bank of N questions (default 10,000) to bench/tmp/content-10k by repeating the
real bank's questions under new ids, topic by topic, to measure how size and start-up grow.

usage: quiz-bank export --format json | python3 bench/gen-bank.py [N]
"""
import json
import pathlib
import shutil
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
root = pathlib.Path(__file__).parent / "tmp" / "content-10k"
src = pathlib.Path(__file__).parent.parent / "content"
exported = json.load(sys.stdin)
# The export is an object {categories, topics, questions}; a bare array before issue 16.
questions = exported["questions"] if isinstance(exported, dict) else exported
shutil.rmtree(root, ignore_errors=True)
(root / "python").mkdir(parents=True)
shutil.copy(src / "categories.toml", root / "categories.toml")
s = json.dumps  # a JSON string literal is a valid TOML basic string

by_topic = {}
for i in range(N):
    q = dict(questions[i % len(questions)])
    q["id"] = f'{q["id"]}-{i // len(questions)}'
    by_topic.setdefault((q["category"], q["topic"]), []).append(q)

for (category, topic), qs in by_topic.items():
    title = topic
    for line in (src / "python" / category / f"{topic}.toml").read_text().splitlines():
        if line.startswith("title = "):
            title = json.loads(line[len("title = "):])
            break
    out = [f"[topic]\nslug = {s(topic)}\ntitle = {s(title)}\ncategory = {s(category)}\n"]
    for q in qs:
        out.append("[[question]]")
        for key in ("id", "difficulty", "kind", "prompt", "code", "explanation", "output"):
            if q.get(key) is not None:
                out.append(f"{key} = {s(q[key])}")
        out.append(f"tags = {json.dumps(q['tags'])}")
        if q["kind"] == "true-false":
            out.append(f"answer = {'true' if q['answer'] else 'false'}")
        for key in ("accept", "items"):
            if key in q:
                out.append(f"{key} = {json.dumps(q[key])}")
        for c in q.get("choices", []):
            out.append("[[question.choices]]")
            out.append(f"text = {s(c['text'])}")
            if c["correct"]:
                out.append("correct = true")
            if c.get("why"):
                out.append(f"why = {s(c['why'])}")
        out.append("")
    d = root / "python" / category
    d.mkdir(exist_ok=True)
    (d / f"{topic}.toml").write_text("\n".join(out))
print(f"gen-bank: {N} questions in {len(by_topic)} topics at {root}")
