// The Svelte 5 template types of <quiz-widget> (python-quiz-widget/types/svelte) bite: svelte-check
// over tests/types/svelte/Usage.svelte reports exactly the errors its `expect-error: TEXT` comments
// announce, each on the line after its comment, and nothing else. Svelte markup has no
// @ts-expect-error, so this plays its part: a misspelt value the types accepted would leave an
// announced error missing. (React and Vue have their own steps in scripts/test: tsc -p
// tests/types/react and vue-tsc -p tests/types/vue, with @ts-expect-error / @vue-expect-error.)
// Also: each types entry of package.json is wired to its source, its build copy and its check.
// Run: node --test tests/types/frameworks.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKSPACE = fileURLToPath(new URL('svelte', import.meta.url));
const USAGE = 'Usage.svelte';

/** What the comments of `source` announce: `{ line, text }`, `line` 1-based. */
export function expectedErrors(source) {
  const out = [];
  source.split('\n').forEach((l, i) => {
    const m = /<!--\s*expect-error:\s*(.+?)\s*-->/.exec(l);
    if (m) out.push({ line: i + 2, text: m[1] });
  });
  return out;
}

/** The diagnostics of svelte-check's `--output machine` lines: `{ kind, file, line, message }`. */
export function parseMachineOutput(stdout) {
  const out = [];
  for (const l of stdout.split('\n')) {
    const m = /^\d+ (ERROR|WARNING) "([^"]+)" (\d+):(\d+) (".*")$/.exec(l);
    if (m) out.push({ kind: m[1], file: m[2], line: Number(m[3]), message: JSON.parse(m[5]) });
  }
  return out;
}

/** Every way `diagnostics` differ from `expected`, one sentence each; empty when they agree. */
export function mismatches(diagnostics, expected) {
  const problems = [];
  for (const want of expected) {
    const hits = diagnostics.filter((d) => d.file === USAGE && d.line === want.line && d.message.includes(want.text));
    if (hits.length !== 1) {
      problems.push(`${USAGE}:${want.line}: expected one error containing ${JSON.stringify(want.text)}, got ${hits.length}`);
    }
  }
  for (const d of diagnostics) {
    if (!expected.some((want) => d.file === USAGE && d.line === want.line && d.message.includes(want.text))) {
      problems.push(`${d.file}:${d.line}: unexpected ${d.kind}: ${d.message.split('\n')[0]}`);
    }
  }
  return problems;
}

test('svelte-check reports exactly the errors Usage.svelte announces', async () => {
  const expected = expectedErrors(readFileSync(`${WORKSPACE}/${USAGE}`, 'utf8'));
  assert.ok(expected.length >= 2, 'Usage.svelte announces its misspellings');
  const args = ['--workspace', WORKSPACE, '--tsconfig', `${WORKSPACE}/tsconfig.json`, '--output', 'machine'];
  // svelte-check exits 1 when it finds errors, as it must here.
  const { stdout } = await promisify(execFile)(`${ROOT}/node_modules/.bin/svelte-check`, args, { cwd: ROOT })
    .catch((e) => (e.code === 1 ? e : Promise.reject(e)));
  assert.match(stdout, /COMPLETED \d+ FILES/, stdout);
  assert.deepEqual(mismatches(parseMachineOutput(stdout), expected), [], stdout);
});

// The comparison itself must bite: an error the types stopped raising, and one nobody announced.
test('a missing or an unannounced error is reported', () => {
  const expected = [{ line: 3, text: `'"drak"'` }];
  const hit = { kind: 'ERROR', file: USAGE, line: 3, message: `Type '"drak"' is not assignable to type '"page"'.` };
  assert.deepEqual(mismatches([hit], expected), []);
  assert.deepEqual(mismatches([], expected), [`${USAGE}:3: expected one error containing "'\\"drak\\"'", got 0`]);
  const stray = { kind: 'WARNING', file: USAGE, line: 9, message: 'Unused CSS selector' };
  assert.deepEqual(mismatches([hit, stray], expected), [`${USAGE}:9: unexpected WARNING: Unused CSS selector`]);
  const out = '1 START "/x"\n2 ERROR "Usage.svelte" 3:14 "Type \'\\"drak\\"\' is not assignable"\n3 COMPLETED 1 FILES 1 ERRORS';
  assert.deepEqual(parseMachineOutput(out), [{ kind: 'ERROR', file: USAGE, line: 3, message: `Type '"drak"' is not assignable` }]);
  assert.deepEqual(expectedErrors('a\n<!-- expect-error: X -->\nb'), [{ line: 3, text: 'X' }]);
});

// Each entry is wired end to end: package.json exports its types, its source is in
// crates/quiz-web/js/types/, scripts/build copies it, and its check resolves the same file.
test('each python-quiz-widget/types/* entry has its source, its build copy and its check', () => {
  const pkg = JSON.parse(readFileSync(`${ROOT}crates/quiz-web/npm/package.json`, 'utf8'));
  const entries = Object.entries(pkg.exports).filter(([key]) => key.startsWith('./types/'));
  const sources = readdirSync(`${ROOT}crates/quiz-web/js/types`).filter((f) => f.endsWith('.d.ts') && f !== 'attributes.d.ts');
  assert.deepEqual(entries.map(([key]) => `${key.slice('./types/'.length)}.d.ts`).sort(), sources.sort());
  assert.match(readFileSync(`${ROOT}scripts/build`, 'utf8'), /^cp crates\/quiz-web\/js\/types\/\*\.d\.ts dist\/npm\/dist\/types\/$/m);
  for (const [key, target] of entries) {
    const name = key.slice('./types/'.length);
    assert.deepEqual(target, { types: `./dist/types/${name}.d.ts` }, key);
    const { config, error } = ts.readConfigFile(`${ROOT}tests/types/${name}/tsconfig.json`, ts.sys.readFile);
    assert.ifError(error);
    assert.deepEqual(config.compilerOptions.paths[`python-quiz-widget/types/${name}`], [`../../../crates/quiz-web/js/types/${name}.d.ts`]);
  }
});
