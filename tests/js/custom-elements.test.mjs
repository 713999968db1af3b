// The npm package's custom-elements.json is valid against the Custom Elements Manifest schema
// (the registry's `custom-elements-manifest` package, a devDependency), and it agrees with
// html-custom-data.json and the runtime's OPTIONS. Both files are generated from quiz-core
// (crates/quiz-core/tests/generated.rs); scripts/build copies them into dist/npm unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv'; // ajv's default class is JSON Schema draft-07, the schema's draft
import { OPTIONS } from '../../crates/quiz-web/js/options.js';

const require = createRequire(import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const npm = (file) => readJson(new URL(`../../crates/quiz-web/npm/${file}`, import.meta.url));

function fromSchemaPackage(file) {
  try {
    return readJson(require.resolve(`custom-elements-manifest/${file}`));
  } catch (e) {
    throw new Error(`custom-elements-manifest/${file}: ${e.message} (it is a devDependency: run npm ci)`);
  }
}
const schemaPackage = fromSchemaPackage('package.json');
const schema = fromSchemaPackage('schema.json');
// strict: unknown keywords in the schema are errors, not ignored; the schema writes
// `"type": ["string", "boolean"]` for `deprecated`, hence allowUnionTypes.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addSchema(schema, 'cem');
const validator = (definition) => ajv.compile({ $ref: `cem#/definitions/${definition}` });
const validatePackage = ajv.compile({ $ref: 'cem' });
// A declaration is any of class, function, variable, custom element…: a custom element whose
// own fields are broken still passes as a plain class. So each declaration is also checked
// against the definition its kind names.
const byKind = {
  class: validator('ClassDeclaration'),
  customElement: validator('CustomElementDeclaration'),
  function: validator('FunctionDeclaration'),
  variable: validator('VariableDeclaration'),
};
const withPath = (validate, value, path) =>
  (validate(value) ? [] : validate.errors.map((e) => ({ ...e, instancePath: path + e.instancePath })));
function errorsOf(manifest) {
  const errors = withPath(validatePackage, manifest, '');
  manifest.modules?.forEach((module, m) => module.declarations?.forEach((d, i) => {
    const validate = byKind[d.kind === 'class' && 'customElement' in d ? 'customElement' : d.kind];
    const path = `/modules/${m}/declarations/${i}`;
    errors.push(...(validate ? withPath(validate, d, path) : [{ instancePath: path, message: `unknown kind ${d.kind}` }]));
  }));
  return errors;
}
const show = (errors) => errors.slice(0, 10).map((e) => `${e.instancePath} ${e.message}`).join('\n');

const manifest = npm('custom-elements.json');
const customData = npm('html-custom-data.json');
const element = manifest.modules[0].declarations.find((d) => d.customElement);
const tag = customData.tags.find((t) => t.name === 'quiz-widget');

/** The values a union of string literals (`"a" | "b"`) allows; null for any other type. */
function literals(typeText) {
  const parts = typeText.split('|').map((p) => p.trim());
  return parts.every((p) => /^"[^"]*"$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : null;
}

/** Whether an editor would offer `value` for `attribute`, by each file. */
function offered(attribute, value) {
  const inManifest = literals(element.attributes.find((a) => a.name === attribute).type.text);
  const inCustomData = tag.attributes.find((a) => a.name === attribute).values?.map((v) => v.name);
  return { manifest: inManifest?.includes(value) ?? null, customData: inCustomData?.includes(value) ?? null };
}

test('custom-elements.json is valid against the Custom Elements Manifest schema of its version', () => {
  assert.equal(manifest.schemaVersion, schemaPackage.version,
    'schemaVersion is the version of the schema package it is checked against');
  assert.deepEqual(errorsOf(manifest), [], show(errorsOf(manifest)));
});

test('the schema check is not vacuous: a broken manifest is refused where it is broken', () => {
  const broken = structuredClone(manifest);
  const el = broken.modules[0].declarations.find((d) => d.customElement);
  el.customElement = 'yes';
  delete el.events[0].type;
  broken.modules[0].exports[0].kind = 'default';
  const paths = new Set(errorsOf(broken).map((e) => e.instancePath));
  assert.ok(paths.has('/modules/0/declarations/0/customElement'), [...paths].join('\n'));
  assert.ok(paths.has('/modules/0/declarations/0/events/0'), [...paths].join('\n'));
  assert.ok(paths.has('/modules/0/exports/0/kind'), [...paths].join('\n'));
});

test('the manifest defines <quiz-widget> by the class it declares, and every reflecting field has its attribute', () => {
  const module = manifest.modules[0];
  const definition = module.exports.find((e) => e.kind === 'custom-element-definition');
  assert.equal(definition.name, 'quiz-widget');
  assert.equal(definition.declaration.name, element.name);
  assert.equal(element.tagName, 'quiz-widget');
  for (const e of module.exports) {
    assert.ok(module.declarations.some((d) => d.name === e.declaration.name), `export ${e.name} is declared`);
  }
  const attributes = new Set(element.attributes.map((a) => a.name));
  for (const m of element.members.filter((m) => m.attribute)) {
    assert.ok(attributes.has(m.attribute), `${m.name}: attribute ${m.attribute} is listed`);
  }
  assert.deepEqual(element.events.map((e) => e.name),
    ['quiz-start', 'quiz-answer', 'quiz-review', 'quiz-complete', 'quiz-error']);
  assert.ok(element.cssProperties.some((p) => p.name === '--quiz-font-size'));
  assert.ok(element.cssParts.some((p) => p.name === 'button'));
});

test('every option is an attribute and a property in the manifest, with its default', () => {
  const withAttribute = OPTIONS.filter((o) => o.attribute);
  assert.deepEqual(element.attributes.map((a) => [a.name, a.fieldName]),
    withAttribute.map((o) => [o.attribute, o.key]));
  for (const o of withAttribute) {
    const a = element.attributes.find((x) => x.name === o.attribute);
    assert.equal(a.default, o.default || undefined, `${o.attribute}: default`);
    const values = literals(a.type.text);
    if (values) assert.deepEqual(values, [...o.values], `${o.attribute}: the type lists the option's values`);
  }
  for (const o of OPTIONS) {
    const member = element.members.find((m) => m.name === o.key);
    assert.ok(member, `property ${o.key}`);
    assert.equal(member.attribute, o.attribute || undefined);
  }
});

test('every attribute of the manifest is in html-custom-data.json, with the same values', () => {
  assert.equal(customData.version, 1.1);
  assert.deepEqual(tag.attributes.map((a) => a.name), element.attributes.map((a) => a.name));
  for (const a of element.attributes) {
    const data = tag.attributes.find((x) => x.name === a.name);
    assert.ok(data.description.startsWith(a.description), `${a.name}: the same description`);
    const values = data.values?.map((v) => v.name);
    const closed = literals(a.type.text);
    if (closed) assert.deepEqual(values, closed, `${a.name}: the values of its type`);
    const option = OPTIONS.find((o) => o.attribute === a.name);
    if (['enum', 'flag', 'list'].includes(option.type) && option.values.length) {
      assert.deepEqual(values, [...option.values], `${a.name}: the option's values`);
    } else {
      assert.equal(values, undefined, `${a.name}: an open value or a number's bounds is no list`);
    }
  }
  for (const r of tag.references) assert.match(r.url, /^https:\/\/.+\/docs\/[a-z-]+\.md$/);
});

test('a valid value is offered and a misspelt one is not', () => {
  assert.deepEqual(offered('theme', 'dark'), { manifest: true, customData: true });
  assert.deepEqual(offered('theme', 'drak'), { manifest: false, customData: false });
  assert.deepEqual(offered('mode', 'studdy'), { manifest: false, customData: false });
  assert.deepEqual(offered('persist', 'of'), { manifest: false, customData: false });
  assert.deepEqual(offered('difficulty', 'hard'), { manifest: null, customData: true }, 'a comma list is a string');
  assert.deepEqual(offered('difficulty', 'expert'), { manifest: null, customData: false });
});
