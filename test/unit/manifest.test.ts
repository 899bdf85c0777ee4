// The extension manifest and the files it points at: settings, .gongwen.json schema, language configuration,
// and the client's pure helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentSelector, normalizeLanguages, sameLanguages } from '../../client/src/settings';
import { isStatusParams } from '../../server/src/protocol';
import { DEFAULT_SEVERITY } from '../../server/src/core/codes';
import { DEFAULT_CONFIG, MAX_OUTLINE_ITEMS } from '../../server/src/core/config';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/** `value[k0][k1]…`, or undefined when a step is missing. */
function at(value: unknown, ...keys: Array<string | number>): unknown {
  let v = value;
  for (const k of keys) {
    if (typeof v !== 'object' || v === null) {
      return undefined;
    }
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : assert.fail(`not a list: ${String(value)}`));
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : assert.fail('not an object');

const pkg = readJson('package.json');
const properties = record(at(pkg, 'contributes', 'configuration', 'properties'));
const setting = (key: string, ...rest: Array<string | number>): unknown => at(properties, key, ...rest);

/** The defaults the server applies: the manifest must declare the same. */
const CODES: Record<string, string> = { ...DEFAULT_SEVERITY };

test('every file the manifest points at exists', () => {
  assert.equal(at(pkg, 'main'), './dist/client.js');
  const files = [
    ...list(at(pkg, 'contributes', 'languages')).map((l) => at(l, 'configuration')),
    ...list(at(pkg, 'contributes', 'grammars')).map((g) => at(g, 'path')),
    ...list(at(pkg, 'contributes', 'jsonValidation')).map((j) => at(j, 'url')),
  ];
  assert.equal(files.length, 3);
  for (const f of files) {
    assert.equal(typeof f, 'string');
    assert.ok(fs.existsSync(path.join(root, String(f))), `${String(f)} exists`);
  }
});

test('the gongwen language: id, aliases, extensions, file name patterns', () => {
  const [lang] = list(at(pkg, 'contributes', 'languages'));
  assert.equal(at(lang, 'id'), 'gongwen');
  assert.deepEqual(at(lang, 'aliases'), ['公文', 'Gongwen']);
  assert.deepEqual(at(lang, 'extensions'), ['.gongwen', '.gw']);
  const patterns = list(at(lang, 'filenamePatterns'));
  for (const p of ['*对照检查*.txt', '*检视剖析*.txt', '*发言提纲*.txt', '*剖析材料*.txt']) {
    assert.ok(patterns.includes(p), p);
  }
  assert.ok(!patterns.some((p) => String(p).endsWith('.md')), 'Markdown files stay markdown');
  const activation = list(at(pkg, 'activationEvents'));
  assert.ok(activation.includes('onLanguage:gongwen'));
  for (const id of list(setting('gongwen.languages', 'default'))) {
    assert.ok(activation.includes(`onLanguage:${String(id)}`), `activates on ${String(id)}`);
  }
  assert.deepEqual(at(pkg, 'extensionKind'), ['workspace']);
  assert.equal(at(pkg, 'capabilities', 'untrustedWorkspaces', 'supported'), 'limited');
});

test('settings: names, defaults and scopes', () => {
  assert.deepEqual(setting('gongwen.languages', 'default'), ['gongwen', 'plaintext', 'markdown']);
  assert.equal(setting('gongwen.profile', 'default'), 'auto');
  assert.deepEqual(setting('gongwen.profile', 'anyOf', 0, 'enum'), ['auto', 'general', 'self-inspection', 'self-inspection-org']);
  assert.equal(setting('gongwen.outline.inlineItems', 'default'), false);
  assert.equal(setting('gongwen.outline.titleMaxLength', 'default'), 40);
  assert.equal(setting('gongwen.outline.maxItems', 'default'), DEFAULT_CONFIG.outlineMaxItems);
  assert.equal(setting('gongwen.outline.maxItems', 'maximum'), MAX_OUTLINE_ITEMS);
  assert.deepEqual(setting('gongwen.trace.server', 'enum'), ['off', 'messages', 'verbose']);
  assert.equal(setting('gongwen.trace.server', 'default'), 'off');
  for (const key of ['gongwen.profile', 'gongwen.profiles', 'gongwen.profileAssociations', 'gongwen.diagnostics.severity']) {
    assert.equal(setting(key, 'scope'), 'resource', key);
  }
  for (const key of Object.keys(properties)) {
    assert.ok(setting(key, 'markdownDescription') ?? setting(key, 'description'), `${key} is described`);
  }
});

test('diagnostics.severity has one property per code with the documented default', () => {
  const key = 'gongwen.diagnostics.severity';
  assert.deepEqual(setting(key, 'default'), CODES);
  assert.deepEqual(Object.keys(record(setting(key, 'properties'))).sort(), Object.keys(CODES).sort());
  for (const [code, def] of Object.entries(CODES)) {
    assert.deepEqual(setting(key, 'properties', code, 'enum'), ['ignore', 'hint', 'information', 'warning', 'error']);
    assert.equal(setting(key, 'properties', code, 'default'), def, code);
  }
});

/** A JSON schema without its descriptions, to compare structure only. */
function shape(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(shape);
  }
  if (typeof schema !== 'object' || schema === null) {
    return schema;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (!/description$|^enumDescriptions$|^examples$/i.test(k)) {
      out[k] = shape(v);
    }
  }
  return out;
}

test('.gongwen.json schema and the gongwen.* settings describe profiles the same way', () => {
  const schema = readJson('schemas/gongwen.schema.json');
  // Inline the schema's $refs so that it compares with the settings, which cannot use them.
  const inline = (s: unknown): unknown => {
    if (Array.isArray(s)) {
      return s.map(inline);
    }
    if (typeof s !== 'object' || s === null) {
      return s;
    }
    const ref = at(s, '$ref');
    if (typeof ref === 'string') {
      return inline(at(schema, ...ref.replace(/^#\//, '').split('/')));
    }
    return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, inline(v)]));
  };
  assert.deepEqual(shape(inline(at(schema, 'properties', 'profiles', 'items'))), shape(setting('gongwen.profiles', 'items')));
  assert.deepEqual(
    at(schema, 'properties', 'profileAssociations', 'additionalProperties'),
    setting('gongwen.profileAssociations', 'additionalProperties'),
  );
  assert.deepEqual(shape(at(schema, 'properties', 'profile', 'anyOf')), shape(setting('gongwen.profile', 'anyOf')));
  const fileSeverity = record(inline(at(schema, 'properties', 'diagnostics', 'properties', 'severity', 'properties')));
  assert.deepEqual(Object.keys(fileSeverity).sort(), Object.keys(CODES).sort());
  for (const code of Object.keys(CODES)) {
    assert.deepEqual(at(fileSeverity, code, 'enum'), setting('gongwen.diagnostics.severity', 'properties', code, 'enum'));
  }
  for (const key of ['type', 'minimum', 'maximum']) {
    assert.equal(
      at(schema, 'properties', 'outline', 'properties', 'titleMaxLength', key),
      setting('gongwen.outline.titleMaxLength', key),
      key,
    );
    assert.equal(at(schema, 'properties', 'outline', 'properties', 'maxItems', key), setting('gongwen.outline.maxItems', key), key);
  }
  assert.equal(at(schema, 'properties', 'outline', 'properties', 'inlineItems', 'type'), 'boolean');
  assert.equal(at(schema, 'additionalProperties'), false);
  assert.deepEqual(at(pkg, 'contributes', 'jsonValidation'), [{ fileMatch: '.gongwen.json', url: './schemas/gongwen.schema.json' }]);
});

test('language configuration: CJK pairs, a word pattern that splits at CJK punctuation', () => {
  const config = readJson('language-configuration.json');
  const pairs = ['（）', '【】', '《》', '「」', '『』', '“”', '‘’', '()', '[]', '{}'];
  const brackets = list(at(config, 'brackets')).map((b) => list(b).join(''));
  const auto = list(at(config, 'autoClosingPairs')).map((p) => `${String(at(p, 'open'))}${String(at(p, 'close'))}`);
  const surround = list(at(config, 'surroundingPairs')).map((p) => list(p).join(''));
  for (const pair of pairs) {
    assert.ok(brackets.includes(pair), `brackets ${pair}`);
    assert.ok(auto.includes(pair), `autoClosingPairs ${pair}`);
    assert.ok(surround.includes(pair), `surroundingPairs ${pair}`);
  }
  assert.equal(at(config, 'folding', 'offSide'), false);
  const words = '学习贯彻，党的二十大精神。“两个确立”3.5亿元'.match(new RegExp(String(at(config, 'wordPattern')), 'gu'));
  assert.deepEqual(words, ['学习贯彻', '党的二十大精神', '两个确立', '3.5', '亿元']);
});

test('client settings: languages are cleaned and served for file and untitled documents, and the text of Word documents', () => {
  assert.deepEqual(normalizeLanguages(undefined), ['gongwen', 'plaintext', 'markdown']);
  assert.deepEqual(normalizeLanguages('gongwen'), ['gongwen', 'plaintext', 'markdown']);
  assert.deepEqual(normalizeLanguages([' gongwen ', 'gongwen', '', 3, 'markdown']), ['gongwen', 'markdown']);
  assert.deepEqual(normalizeLanguages([]), []);
  assert.deepEqual(documentSelector(['gongwen', 'markdown']), [
    { language: 'gongwen', scheme: 'file' },
    { language: 'gongwen', scheme: 'untitled' },
    { language: 'markdown', scheme: 'file' },
    { language: 'markdown', scheme: 'untitled' },
    { language: 'gongwen', scheme: 'gongwen-docx' },
  ]);
  assert.deepEqual(documentSelector([]), []);
  assert.ok(sameLanguages(['a', 'b'], ['a', 'b']));
  assert.ok(!sameLanguages(['a', 'b'], ['b', 'a']));
  assert.ok(!sameLanguages(['a'], ['a', 'b']));
});

test('gongwen/status params are checked before use', () => {
  const counts = { headings: 3, problems: 0, outlineItems: 3, outlineShown: 3, chars: 120 };
  assert.ok(isStatusParams({ uri: 'file:///a.txt', profile: 'general', profileLabel: '一般公文', ...counts }));
  assert.ok(!isStatusParams({ uri: 'file:///a.txt', profile: 'general', ...counts }));
  assert.ok(!isStatusParams({ uri: 1, profile: 'general', profileLabel: '', ...counts }));
  assert.ok(
    !isStatusParams({ uri: 'file:///a.txt', profile: 'general', profileLabel: '', headings: 3, problems: 0 }),
    'outline counts required',
  );
  assert.ok(
    !isStatusParams({
      uri: 'file:///a.txt',
      profile: 'general',
      profileLabel: '',
      headings: 3,
      problems: 0,
      outlineItems: 3,
      outlineShown: 3,
    }),
    '字数 required',
  );
  assert.ok(!isStatusParams(null));
});
