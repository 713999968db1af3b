// bank.schema.json (shipped in the npm package for editors) checked with ajv, a JSON Schema
// validator from the registry: the export of the built-in bank and the example custom bank
// are valid; broken banks are refused at the places the bank validator names.
// The export is made here by the CLI (QUIZ_BANK_BIN, or cargo), so the test needs no earlier step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const schema = JSON.parse(read('crates/quiz-web/npm/bank.schema.json'));
// strict: unknown or ill-typed keywords in the schema are errors, not ignored (strictRequired
// aside: a per-kind `then` requires fields that the question's `properties` define).
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

const errorsOf = (bank) => (validate(bank) ? [] : validate.errors);
const show = (errors) => errors.slice(0, 10).map((e) => `${e.instancePath} ${e.message}`).join('\n');

function exportBuiltIn() {
  const [cmd, args] = process.env.QUIZ_BANK_BIN
    ? [process.env.QUIZ_BANK_BIN, []]
    : ['cargo', ['run', '-q', '--bin', 'quiz-bank', '--']];
  const out = execFileSync(cmd, [...args, 'export', '--format', 'json', 'content'],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out);
}

test('the export of the built-in bank is valid against the schema', () => {
  const bank = exportBuiltIn();
  assert.ok(Array.isArray(bank.questions) && bank.questions.length > 100, 'the export is an object with questions');
  const kinds = new Set(bank.questions.map((q) => q.kind));
  assert.equal(kinds.size, schema.$defs.question.properties.kind.enum.length, 'every kind is exercised');
  assert.deepEqual(errorsOf(bank), [], show(errorsOf(bank)));
});

test('the example custom bank (tests/banks/week3.json) is valid', () => {
  const bank = JSON.parse(read('tests/banks/week3.json'));
  assert.deepEqual(errorsOf(bank), [], show(errorsOf(bank)));
});

const question = (over) => ({
  id: 'q', topic: 't', difficulty: 'easy', kind: 'true-false', tags: ['x'],
  prompt: 'P.', answer: true, explanation: 'E.', ...over,
});
const small = (questions) => ({
  categories: [{ slug: 'c', title: 'C' }],
  topics: [{ slug: 't', title: 'T', category: 'c' }],
  questions,
});

test('a small bank is valid, and each broken field is refused where it is', () => {
  assert.deepEqual(errorsOf(small([question()])), []);
  const errors = errorsOf(small([
    question({ difficulty: 'expert' }),
    question({ id: 'two', kind: 'single', answer: undefined }),
    question({ id: 'Not_Kebab', kind: 'order', answer: undefined, items: ['a', 'b'] }),
  ]));
  const at = (path, keyword) => errors.some((e) => e.instancePath === path && e.keyword === keyword);
  assert.ok(at('/questions/0/difficulty', 'enum'), show(errors));
  assert.ok(errors.some((e) => e.instancePath === '/questions/1' && e.keyword === 'required'
    && e.params.missingProperty === 'choices'), show(errors));
  assert.ok(at('/questions/2/id', 'pattern'), show(errors));
  assert.ok(at('/questions/2/items', 'minItems'), show(errors));
  // A single-choice question needs exactly one correct choice; a multiple one a right and a wrong one.
  const two = [{ text: 'a', correct: true }, { text: 'b', correct: true }];
  assert.notDeepEqual(errorsOf(small([question({ kind: 'single', answer: undefined, choices: two })])), []);
  assert.notDeepEqual(errorsOf(small([question({ kind: 'multiple', answer: undefined, choices: two })])), []);
  assert.deepEqual(errorsOf(small([question({ kind: 'multiple', answer: undefined, choices: [...two, { text: 'c' }] })])), []);
});

test('the schema refuses tests/banks/malformed.json at the places the validator names', () => {
  const errors = errorsOf(JSON.parse(read('tests/banks/malformed.json')));
  const places = new Set(errors.map((e) => e.keyword === 'additionalProperties'
    ? `${e.instancePath}/${e.params.additionalProperty}`
    : e.instancePath));
  // Lines `malformed.json: /pointer: question "id": message`; unique ids are beyond a schema.
  const expected = read('tests/banks/malformed.json.txt').split('\n').filter((l) => l && !l.includes('duplicate id'));
  assert.ok(expected.length >= 4);
  for (const line of expected) {
    const pointer = line.split(': ')[1];
    assert.ok(places.has(pointer), `${pointer} not flagged; ajv said:\n${show(errors)}`);
  }
});
