// GIFT (issue 17), checked by a parser that is not ours: the GIFT export of the whole built-in
// bank is read by gift-pegjs (npm), question by question; and the CLI's import of GIFT:
// the hand-written fixture, a malformed file (positioned error, nothing written) and the
// round trip export → import → export.
// The CLI is QUIZ_BANK_BIN, or cargo run, so the test needs no earlier step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'gift-pegjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

function quizBank(...args) {
  const [cmd, pre] = process.env.QUIZ_BANK_BIN
    ? [process.env.QUIZ_BANK_BIN, []]
    : ['cargo', ['run', '-q', '--bin', 'quiz-bank', '--']];
  const r = spawnSync(cmd, [...pre, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function exported(...args) {
  const r = quizBank('export', '--format', 'gift', ...args);
  assert.equal(r.status, 0, r.stderr);
  const m = r.stderr.match(/^gift: (\d+) exported, (\d+) converted with loss, (\d+) skipped$/m);
  assert.ok(m, `no summary on stderr:\n${r.stderr}`);
  const [, done, lossy, skipped] = m.map(Number);
  return { text: r.stdout, stderr: r.stderr, done, lossy, skipped };
}

const bank = JSON.parse(quizBank('export', '--format', 'json').stdout);
const gift = exported();

// Our Markdown, the way the export writes code after the prompt.
const fenced = (info, body) => {
  const longest = Math.max(0, ...body.split('\n').map((l) => l.trimStart().match(/^`*/)[0].length));
  const ticks = '`'.repeat(Math.max(longest, 2) + 1);
  return `${ticks}${info}\n${body}\n${ticks}`;
};
const stemOf = (q) => q.prompt.trim() + (q.code ? `\n\n${fenced('python', q.code)}` : '');
// An accepted short answer: `\*` is a literal star for Moodle (a bare `*` is its wildcard).
const literal = (s) => s.replaceAll('\\*', '*');
// Typed output as the one-line answer Moodle can take (trailing spaces and lines dropped).
const oneLine = (out) => out.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t]+$/, ''))
  .join('\n').replace(/\n+$/, '').replaceAll('\n', ' ');

test('gift-pegjs reads every exported question of the built-in bank', () => {
  const parsed = parse(gift.text);
  const questions = parsed.filter((q) => q.type !== 'Category');
  assert.equal(gift.done + gift.skipped, bank.questions.length, 'every question accounted for');
  assert.equal(questions.length, gift.done, 'the same question count as the summary');
  const orders = bank.questions.filter((q) => q.kind === 'order').length;
  assert.ok(orders > 0 && gift.skipped >= orders);
  assert.match(gift.stderr, new RegExp(`skipped, GIFT has no ordering question type: ${orders} question`));
  // One category line per topic, as Moodle paths of titles.
  const topics = new Set(bank.questions.filter((q) => q.kind !== 'order').map((q) => q.topic));
  const categories = parsed.filter((q) => q.type === 'Category');
  assert.equal(categories.length, topics.size);
  const titles = new Map(bank.topics.map((t) => [t.slug, t.title]));
  const cats = new Map(bank.categories.map((c) => [c.slug, c.title]));
  const first = bank.questions.find((q) => q.kind !== 'order');
  const name = (title) => title.replaceAll('/', '//');
  assert.equal(categories[0].title, `$course$/${name(cats.get(first.category))}/${name(titles.get(first.topic))}`);
  assert.ok(categories.some((c) => c.title.includes(' // ')), 'a / in a title is doubled');
  // The titles are our ids, in bank order.
  const exportedIds = questions.map((q) => q.title);
  assert.deepEqual(exportedIds, bank.questions.map((q) => q.id).filter((id) => exportedIds.includes(id)));
});

test('every question reads back with its kind, text, answers, feedback and tags', () => {
  const byTitle = new Map(parse(gift.text).filter((q) => q.type !== 'Category').map((q) => [q.title, q]));
  const seen = {};
  for (const q of bank.questions) {
    const g = byTitle.get(q.id);
    if (!g) continue;
    const where = `${q.id} (${q.kind})`;
    const typed = q.kind === 'output' && !q.choices?.length;
    const kind = typed ? 'typed-output' : q.kind;
    seen[kind] = (seen[kind] ?? 0) + 1;
    assert.equal(g.id, q.id, where);
    assert.deepEqual(g.tags.slice(0, 3), [q.difficulty, `kind:${q.kind}`, `topic:${q.topic}`], where);
    assert.deepEqual(g.tags.slice(-q.tags.length), q.tags, where);
    assert.equal(g.stem.format, 'markdown', where);
    assert.equal(g.stem.text, stemOf(q), where);
    assert.equal(g.globalFeedback.text, q.explanation.trim(), where);
    const texts = (cs) => cs.map((c) => c.text.text);
    switch (kind) {
      case 'single':
      case 'output': {
        assert.equal(g.type, 'MC', where);
        const show = (t) => (kind === 'output' ? fenced('', t) : t.trim());
        assert.deepEqual(new Set(texts(g.choices)), new Set(q.choices.map((c) => show(c.text))), where);
        assert.deepEqual(texts(g.choices.filter((c) => c.isCorrect)),
          q.choices.filter((c) => c.correct).map((c) => show(c.text)), where);
        for (const c of q.choices.filter((c) => c.why)) {
          const back = g.choices.find((x) => x.text.text === show(c.text));
          assert.equal(back.feedback?.text, c.why.trim(), where);
        }
        break;
      }
      case 'multiple': {
        assert.equal(g.type, 'MC', where);
        assert.ok(g.choices.every((c) => !c.isCorrect && typeof c.weight === 'number'), where);
        const right = g.choices.filter((c) => c.weight > 0);
        assert.deepEqual(texts(right), q.choices.filter((c) => c.correct).map((c) => c.text.trim()), where);
        const sum = (cs) => cs.reduce((s, c) => s + c.weight, 0);
        assert.ok(Math.abs(sum(right) - 100) < 1e-9, `${where}: right weights sum to ${sum(right)}`);
        assert.ok(Math.abs(sum(g.choices.filter((c) => c.weight < 0)) + 100) < 1e-9, where);
        break;
      }
      case 'true-false':
        assert.equal(g.type, 'TF', where);
        assert.equal(g.isTrue, q.answer, where);
        break;
      case 'text':
        assert.equal(g.type, 'Short', where);
        assert.deepEqual(texts(g.choices).map(literal), q.accept.map((a) => a.trim()), where);
        break;
      case 'typed-output':
        assert.equal(g.type, 'Short', where);
        assert.deepEqual(texts(g.choices).map(literal), [oneLine(q.output)], where);
        break;
      default:
        assert.fail(`${where}: an order question was exported`);
    }
  }
  for (const kind of ['single', 'multiple', 'true-false', 'text', 'output', 'typed-output']) {
    assert.ok(seen[kind] > 0, `no ${kind} question checked: ${JSON.stringify(seen)}`);
  }
  // The escapes were exercised: GIFT's special characters occur in what was compared.
  const all = bank.questions.filter((q) => byTitle.has(q.id))
    .map((q) => [q.prompt, q.code ?? '', q.explanation, ...(q.choices ?? []).map((c) => c.text)].join('\n')).join('\n');
  for (const ch of ['~', '=', '#', '{', '}', ':', '\\']) assert.ok(all.includes(ch), `no ${ch} in the bank`);
});

test('import: the hand-written fixture is written as a bank that validates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gift-'));
  try {
    const r = quizBank('import', '--format', 'gift', 'tests/lms/gift/moodle-docs.gift', '-o', join(dir, 'bank'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /wrote .*: 9 questions in 3 topics/);
    assert.match(r.stderr, /5 skipped/);
    assert.match(r.stderr, /line 52, line 54/, 'skips name their lines');
    assert.equal(quizBank('check', join(dir, 'bank')).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('import: a malformed file gives the line and column, and nothing is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gift-'));
  try {
    const out = join(dir, 'bank');
    const r = quizBank('import', '--format', 'gift', 'tests/lms/gift/malformed/unclosed-brace.gift', '-o', out);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /unclosed-brace\.gift: line 4, column 26: unclosed brace/);
    assert.ok(!existsSync(out), 'nothing written');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('round trip through the CLI: export → import → export gives the same file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gift-'));
  try {
    const file = join(dir, 'bank.gift');
    writeFileSync(file, gift.text);
    const r = quizBank('import', '--format', 'gift', file, '-o', join(dir, 'bank'));
    assert.equal(r.status, 0, r.stderr);
    const again = exported(join(dir, 'bank'));
    assert.equal(again.done, gift.done);
    assert.ok(again.text === gift.text, 'the second export differs from the first');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
