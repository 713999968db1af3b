// The runtime's list of options (crates/quiz-web/js/options.js, `OPTIONS`) and the types
// (crates/quiz-web/js/index.d.ts, `QuizOptions` and the element's properties) must not drift:
// the same keys, the same valid values, shapes that accept what the runtime accepts.
// Run: node --test tests/types/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { OPTIONS } from '../../crates/quiz-web/js/options.js';

const DTS = fileURLToPath(new URL('../../crates/quiz-web/js/index.d.ts', import.meta.url));
const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.dom.d.ts', 'lib.es2022.d.ts'],
  types: [],
};

// The lib files parse once and are shared by every program below.
const libCache = new Map();
function program(dtsText) {
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => {
    if (name === DTS) return ts.createSourceFile(name, dtsText, version, true);
    if (!libCache.has(name)) libCache.set(name, getSourceFile(name, version, ...rest));
    return libCache.get(name);
  };
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === DTS ? dtsText : readFile(name));
  return ts.createProgram({ rootNames: [DTS], options: COMPILER_OPTIONS, host });
}

/** What a type accepts: its string literals (also inside arrays) and which other kinds. */
function shape(checker, type) {
  const s = { literals: new Set(), string: false, templates: [], number: false, boolean: false, array: false, object: false, null: false, undefined: false };
  const visit = (t) => {
    const f = t.flags;
    if (t.isUnion()) t.types.forEach(visit);
    else if (f & ts.TypeFlags.StringLiteral) s.literals.add(t.value);
    else if (f & ts.TypeFlags.String) s.string = true;
    else if (f & ts.TypeFlags.TemplateLiteral) s.templates.push(t.texts[0]);
    else if (f & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) s.number = true;
    else if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) s.boolean = true;
    else if (f & ts.TypeFlags.Null) s.null = true;
    else if (f & ts.TypeFlags.Undefined) s.undefined = true;
    else if (checker.isArrayType(t) || checker.isTupleType(t)) {
      s.array = true;
      for (const element of checker.getTypeArguments(t)) {
        const inner = shape(checker, element);
        inner.literals.forEach((v) => s.literals.add(v));
      }
    } else if (f & ts.TypeFlags.Object) s.object = true;
  };
  visit(type);
  return s;
}

// What each `type` of options.js (quiz-core's OptionType) requires of the option's TypeScript
// type. An enum may also take a value with a subtag, `${value}-${string}` (lang: `de-AT`).
const TYPE_RULES = {
  list: (s) => (s.string && s.array ? null : 'should accept a comma-list string and an array'),
  enum: (s, values) =>
    !s.string && !s.number && !s.array && s.templates.every((head) => values.some((v) => head.startsWith(`${v}-`)))
      ? null
      : 'should accept only its values',
  count: (s) => (s.number && s.string ? null : 'should accept a number and a string'),
  seed: (s) => (s.number && s.string ? null : 'should accept a number and a string'),
  text: (s) => (s.string ? null : 'should accept any string'),
  flag: (s, values) => (s.boolean && !s.string && values.every((v) => s.literals.has(v)) ? null : `should accept a boolean and ${list(values)}`),
  number: (s) => (s.number && s.string ? null : 'should accept a number and a string'),
  bank: (s) => (s.object && s.string ? null : 'should accept a bank object and its JSON or TOML text'),
};

const kebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const list = (values) => [...values].sort().join(', ') || '(none)';

/**
 * Every way `options` (OPTIONS of options.js) and `dtsText` (index.d.ts) disagree, one
 * sentence each; empty when they agree.
 */
function drift(dtsText, options) {
  const p = program(dtsText);
  const checker = p.getTypeChecker();
  const file = p.getSourceFile(DTS);
  const syntax = p.getSyntacticDiagnostics(file);
  if (syntax.length) return syntax.map((d) => `index.d.ts: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  const exports = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(file)).map((s) => [s.name, s]));
  const problems = [];
  const optionsSymbol = exports.get('QuizOptions');
  const elementSymbol = exports.get('QuizWidgetElement');
  if (!optionsSymbol) return ['index.d.ts exports no QuizOptions interface'];
  if (!elementSymbol) return ['index.d.ts exports no QuizWidgetElement class'];

  const declared = new Map(checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(optionsSymbol))
    .map((prop) => [prop.name, prop]));
  const runtime = new Map(options.map((o) => [o.key, o]));
  for (const key of runtime.keys()) {
    if (!declared.has(key)) problems.push(`option "${key}" is in options.js but not in QuizOptions (index.d.ts)`);
  }
  for (const key of declared.keys()) {
    if (!runtime.has(key)) problems.push(`option "${key}" is in QuizOptions (index.d.ts) but not in options.js`);
  }

  // OPTIONS is exported as `readonly OptionSpec[]`: its `type` union names every type in use.
  const specSymbol = exports.get('OptionSpec');
  const specType = specSymbol && checker.getDeclaredTypeOfSymbol(specSymbol).getProperty('type');
  const specTypes = specType ? shape(checker, checker.getTypeOfSymbol(specType)).literals : new Set();
  if (!specTypes.size) problems.push('index.d.ts: OptionSpec has no `type` union of string literals');

  const classDecl = elementSymbol.declarations.find(ts.isClassDeclaration);
  const setters = new Map(classDecl.members.filter(ts.isSetAccessorDeclaration).map((m) => [m.name.getText(), m]));
  const getters = new Set(classDecl.members.filter(ts.isGetAccessorDeclaration).map((m) => m.name.getText()));

  for (const o of options) {
    const where = `option "${o.key}"`;
    // Only the JS-only bank object has no attribute.
    const attribute = o.type === 'bank' ? '' : kebab(o.key);
    if (o.attribute !== attribute) problems.push(`${where}: attribute "${o.attribute}" should be "${attribute}"`);
    // `values` empty (or null) means open; `default` "" (or null) means none or computed.
    // A number's `values` are its bounds, [min, max], not a list.
    const values = o.type === 'number' ? [] : o.values ?? [];
    if (o.type === 'number' && !(o.values.length === 2 && +o.values[0] <= +o.default && +o.default <= +o.values[1])) {
      problems.push(`${where}: a number needs [min, max] values around its default`);
    }
    if (values.length && o.default && !values.includes(o.default)) {
      problems.push(`${where}: default "${o.default}" is not one of its values ${list(o.values)}`);
    }
    const prop = declared.get(o.key);
    if (!prop) continue;
    const type = checker.getTypeOfSymbol(prop);
    const s = shape(checker, type);
    if (list(values) !== list(s.literals)) {
      problems.push(`${where}: options.js allows ${values.length ? list(values) : 'any value'}, QuizOptions lists ${list(s.literals)}`);
    }
    if (!s.null || !s.undefined) problems.push(`${where}: QuizOptions should accept null and undefined (they restore the default)`);
    if (specTypes.size && !specTypes.has(o.type)) {
      problems.push(`${where}: type "${o.type}" is not in OptionSpec's type (${list(specTypes)}) in index.d.ts`);
    }
    const rule = TYPE_RULES[o.type];
    if (!rule) problems.push(`${where}: unknown type "${o.type}" in options.js; teach tests/types/options.test.mjs what it accepts`);
    else if (rule(s, values)) problems.push(`${where}: type ${o.type}: QuizOptions.${o.key} (${checker.typeToString(type)}) ${rule(s, values)}`);

    // The element's property: reads the attribute, accepts exactly what the option accepts.
    const setter = setters.get(o.key);
    if (!setter || !getters.has(o.key)) {
      problems.push(`${where}: QuizWidgetElement (index.d.ts) needs a get and set accessor "${o.key}"`);
      continue;
    }
    const written = checker.getTypeAtLocation(setter.parameters[0]);
    if (!checker.isTypeAssignableTo(written, type) || !checker.isTypeAssignableTo(type, written)) {
      problems.push(`${where}: QuizWidgetElement's setter takes ${checker.typeToString(written)}, the option ${checker.typeToString(type)}`);
    }
  }
  return problems;
}

const dtsText = readFileSync(DTS, 'utf8');

test('options.js and index.d.ts declare the same options, values and shapes', () => {
  assert.deepEqual(drift(dtsText, OPTIONS), []);
});

test('OPTIONS is well formed', () => {
  assert.ok(OPTIONS.length > 0);
  for (const o of OPTIONS) {
    assert.deepEqual(Object.keys(o).sort(), ['attribute', 'default', 'key', 'type', 'values'], JSON.stringify(o));
    assert.match(o.key, /^[a-z][A-Za-z]*$/);
    assert.ok(o.values === null || Array.isArray(o.values), `${o.key}: values`);
    assert.ok(o.default === null || typeof o.default === 'string', `${o.key}: default`);
  }
  assert.equal(new Set(OPTIONS.map((o) => o.key)).size, OPTIONS.length, 'duplicate key');
});

// The comparison itself must bite: each edit below is a drift a real change could cause.
function edit(text, from, to) {
  assert.ok(text.includes(from), `index.d.ts no longer contains ${JSON.stringify(from)}; update this test`);
  return text.replace(from, to);
}
// Only what the edit adds counts, so these tests stay meaningful while test 1 reports a real drift.
const baseline = new Set(drift(dtsText, OPTIONS));
const matching = (problems, re) => problems.filter((p) => !baseline.has(p) && re.test(p));

test('an option missing from index.d.ts is reported', () => {
  const problems = drift(edit(dtsText, "  filters?: 'visible' | 'hidden' | null | undefined;\n", ''), OPTIONS);
  assert.equal(matching(problems, /option "filters" is in options\.js but not in QuizOptions/).length, 1, problems.join('\n'));
});

test('an option missing from options.js is reported', () => {
  const problems = drift(dtsText, OPTIONS.filter((o) => o.key !== 'activityId')).filter((p) => !baseline.has(p));
  assert.deepEqual(problems, ['option "activityId" is in QuizOptions (index.d.ts) but not in options.js']);
});

test('a value added on one side only is reported', () => {
  const added = OPTIONS.map((o) => (o.key === 'theme' ? { ...o, values: [...o.values, 'sepia'] } : o));
  assert.ok(OPTIONS.some((o) => o.key === 'theme' && o.values.length), 'theme is an enum in options.js');
  assert.equal(matching(drift(dtsText, added), /option "theme": options\.js allows auto, dark, light, page, sepia/).length, 1);
  const widened = edit(dtsText, "export type Difficulty = 'easy' | 'medium' | 'hard';", "export type Difficulty = 'easy' | 'medium' | 'hard' | 'expert';");
  assert.equal(matching(drift(widened, OPTIONS), /option "difficulty": .*QuizOptions lists easy, expert, hard, medium/).length, 1);
});

test('a type the runtime uses that index.d.ts does not know is reported', () => {
  const renamed = OPTIONS.map((o) => (o.key === 'activityId' ? { ...o, type: 'url' } : o));
  const problems = drift(dtsText, renamed);
  assert.equal(matching(problems, /option "activityId": type "url" is not in OptionSpec's type/).length, 1, problems.join('\n'));
  assert.equal(matching(problems, /option "activityId": unknown type "url" in options\.js/).length, 1, problems.join('\n'));
});

test('an enum typed as any string, or an element setter that differs, is reported', () => {
  const loose = edit(dtsText, 'theme?: Theme | null | undefined;', 'theme?: Theme | string | null | undefined;');
  assert.equal(matching(drift(loose, OPTIONS), /option "theme": type enum: .* should accept only its values/).length, 1);
  const lang = edit(dtsText, 'lang?: Lang | `${Lang}-${string}` | null', 'lang?: Lang | `${Lang}-${string}` | `fr-${string}` | null');
  assert.equal(matching(drift(lang, OPTIONS), /option "lang": type enum: .* should accept only its values/).length, 1);
  const setter = edit(dtsText, "set seed(value: QuizOptions['seed']);", 'set seed(value: string);');
  assert.equal(matching(drift(setter, OPTIONS), /option "seed": QuizWidgetElement's setter takes string/).length, 1);
});
