// The JS wrapper's own rules (crates/quiz-web/js/contract.js), run by Node's test runner with
// no browser and no wasm: options as state, the iframe's message target, the activity id,
// the xAPI statement, and the engine's life through a panic and a revival.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BANK_LIMIT_BYTES, OPTION_KEYS, applyOptions, bankResponseProblem, bankText, createEngine, defaultActivityId,
  optionsFromAttributes, optionString, parentOrigin, xapiStatement,
} from '../../crates/quiz-web/js/contract.js';

test('options are state: a key set to null or undefined returns to its default', () => {
  const a = applyOptions({}, { difficulty: ['easy', 'hard'], count: { easy: 2, hard: 1 }, seed: 7 });
  assert.deepEqual(a, { difficulty: 'easy,hard', count: 'easy:2,hard:1', seed: '7' });
  assert.deepEqual(applyOptions(a, { difficulty: null, seed: undefined }), { count: 'easy:2,hard:1' });
  assert.deepEqual(a.difficulty, 'easy,hard', 'the old state is not changed');
  assert.equal(optionString(0), '0', 'zero is a value, not absent');
});

test('an unknown option throws, naming it and the options there are', () => {
  assert.throws(() => applyOptions({}, { dificulty: 'easy' }), /unknown option "dificulty"; options are difficulty, topics, count/);
  assert.throws(() => applyOptions({}, 'easy'), /options must be an object/);
  assert.ok(OPTION_KEYS.includes('activityId'));
});

test('attributes give only the options present, under their JS keys', () => {
  const attrs = { difficulty: 'hard', 'activity-id': 'https://lms.example/q' };
  assert.deepEqual(optionsFromAttributes((name) => attrs[name] ?? null), { difficulty: 'hard', activityId: 'https://lms.example/q' });
});

test('include-builtin is a boolean attribute: present and empty means on', () => {
  assert.deepEqual(optionsFromAttributes((name) => (name === 'include-builtin' ? '' : null)), { includeBuiltin: 'true' });
  assert.deepEqual(optionsFromAttributes((name) => (name === 'include-builtin' ? 'false' : null)), { includeBuiltin: 'false' });
  assert.deepEqual(applyOptions({}, { includeBuiltin: true }), { includeBuiltin: 'true' });
});

test('a bank option is kept as given; as text an object becomes JSON', () => {
  const bank = { categories: [], topics: [], questions: [] };
  const o = applyOptions({}, { bank, count: 3 });
  assert.equal(o.bank, bank, 'not flattened to an attribute string');
  assert.equal(bankText(bank), '{"categories":[],"topics":[],"questions":[]}');
  assert.equal(bankText('[[question]]'), '[[question]]');
  assert.throws(() => bankText(42), /must be an object, JSON text or TOML text/);
  assert.deepEqual(applyOptions(o, { bank: null }), { count: '3' });
});

test('a fetched bank is refused with a message naming the URL: HTTP error, HTML page, over 5 MB', () => {
  const ok = { ok: true, status: 200, contentType: 'application/json', text: '{"questions":[]}' };
  assert.equal(bankResponseProblem('/b.json', ok), null);
  assert.equal(bankResponseProblem('/b.json', { ...ok, ok: false, status: 404 }), 'could not load the question bank /b.json: HTTP 404');
  assert.match(bankResponseProblem('/b.toml', { ...ok, contentType: 'text/plain', text: '\n <!doctype html><p>Sign in' }),
    /the question bank \/b.toml is an HTML page, not JSON or TOML/);
  assert.match(bankResponseProblem('/big.json', { ...ok, text: 'x'.repeat(BANK_LIMIT_BYTES + 1) }),
    /the question bank \/big.json is 5.0 MB; the limit is 5 MB/);
  assert.equal(bankResponseProblem('/max.json', { ...ok, text: 'x'.repeat(BANK_LIMIT_BYTES) }), null, 'exactly 5 MB is fine');
});

test('the iframe posts to parent-origin when valid, else the referrer origin, never "*"', () => {
  assert.equal(parentOrigin('?parent-origin=https://lms.example/course?x=1', 'https://blog.example/p'), 'https://lms.example');
  assert.equal(parentOrigin('?count=3', 'https://blog.example/post/1?utm=x'), 'https://blog.example');
  assert.equal(parentOrigin('?parent-origin=*', 'https://blog.example/'), null, '"*" is not an origin');
  assert.equal(parentOrigin('?parent-origin=javascript:alert(1)', 'https://blog.example/'), null);
  assert.equal(parentOrigin('', ''), null, 'no referrer: post nowhere');
});

test('the default activity id drops the query and fragment (LMS launch tokens live there)', () => {
  assert.equal(defaultActivityId('https://lms.example/course/3/quiz?token=abc&user=7#q2'), 'https://lms.example/course/3/quiz');
});

test('the xAPI statement takes success from the engine and scales the score', () => {
  const s = xapiStatement({ score: 1, total: 3, durationMs: 64200, seed: 9, passed: false }, 'https://x.example/a');
  assert.equal(s.result.success, false);
  assert.equal(s.result.score.scaled, 0.3333);
  assert.equal(s.result.duration, 'PT1M4.2S');
  assert.equal(s.object.id, 'https://x.example/a');
  assert.equal(xapiStatement({ score: 2, total: 4, durationMs: 0, seed: 1, passed: true }, 'a').result.success, true);
});

function fakeEngine() {
  let instances = 0;
  const calls = [];
  const engine = createEngine({
    instantiate: async () => ({ id: ++instances }),
    reinstantiate: async () => ({ id: ++instances }),
  });
  const client = (name) => ({
    dead: [], revived: 0,
    onDead(m) { this.dead.push(m); calls.push(`${name} dead`); },
    onRevive() { this.revived++; calls.push(`${name} revive`); },
  });
  return { engine, client, calls, instances: () => instances };
}

test('the engine loads once for every widget', async () => {
  const { engine, instances } = fakeEngine();
  const [a, b] = await Promise.all([engine.load(), engine.load()]);
  assert.equal(a, b);
  assert.equal(instances(), 1);
});

test('after a panic the engine is dead: every client is told once and no call reaches it', async () => {
  const { engine, client } = fakeEngine();
  await engine.load();
  const [x, y] = [client('x'), client('y')];
  engine.add(x);
  engine.add(y);
  engine.kill('boom');
  engine.kill('again');
  assert.deepEqual([x.dead, y.dead], [['boom'], ['boom']]);
  let reached = false;
  assert.throws(() => engine.call(() => { reached = true; }), /the quiz engine stopped: boom/);
  assert.equal(reached, false);
  assert.equal(engine.exports, null);
  await assert.rejects(engine.load(), /stopped: boom/);
});

test('a wasm trap inside a call kills the engine; other errors do not', async () => {
  const { engine, client } = fakeEngine();
  await engine.load();
  const c = client('c');
  engine.add(c);
  assert.throws(() => engine.call(() => { throw new Error('bad option'); }), /bad option/);
  assert.equal(engine.dead, null);
  assert.throws(() => engine.call(() => { throw new WebAssembly.RuntimeError('unreachable'); }), /unreachable/);
  assert.equal(engine.dead, 'unreachable');
  assert.deepEqual(c.dead, ['unreachable']);
});

test('revive makes a fresh instance once and restarts every client still there', async () => {
  const { engine, client, instances } = fakeEngine();
  await engine.load();
  const [x, gone] = [client('x'), client('gone')];
  engine.add(x);
  engine.add(gone);
  engine.kill('boom');
  engine.delete(gone);
  const [a, b] = await Promise.all([engine.revive(), engine.revive()]);
  assert.equal(a, b, 'two Reload clicks make one instance');
  assert.equal(instances(), 2);
  assert.equal(engine.dead, null);
  assert.equal(x.revived, 1);
  assert.equal(gone.revived, 0);
  assert.equal(engine.call((w) => w.id), 2, 'calls reach the new instance');
  assert.equal(await engine.load(), a);
});
