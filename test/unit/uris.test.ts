/**
 * Client-supplied URIs (issue 10, class 3): every place that turns a client URI into a path or a name (the settings'
 * relative path, which profile associations and file-name detection match; the workspace folder of a document; the
 * local path of `.gongwen.json`) survives any string, and decodes what is well encoded. Properties over arbitrary
 * strings, `%`-heavy strings and encoded or raw spellings of the same path (fast-check; FC_SEED reproduces a failure).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolveProfile } from '../../server/src/core/analyze';
import type { Message } from '../../server/src/core/messages';
import { Settings, SettingsSource } from '../../server/src/settings';
import { decodeLenient, fileUriToPath, placeInWorkspace, uriName, uriPath } from '../../server/src/uris';
import { outlineOf } from './helpers';

const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: SEED, includeErrorInReport: true });

/** Strings rich in what breaks decoders: `%`, hex digits, escapes of bytes that are not UTF-8, slashes, `?`, `#`. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '%',
        '%%',
        '%2',
        '%G1',
        '%E4',
        '%E4%B8',
        '%FF',
        '%C0%AF',
        '%ED%A0%80',
        '%2F',
        '%00',
        '/',
        '?',
        '#',
        ':',
        'file://',
        'a',
        '中',
      ),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** A path segment: any well-formed text without `/` (lone surrogates cannot be encoded, so they are not here). */
const segment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((s) => !s.includes('/'));

/** Each segment written raw (as a careless client sends it; only a `%` that reads as an escape, `?` and `#` escaped) or
 * percent-encoded (as VS Code does). */
const spelled = (segments: string[], encode: boolean[]): string =>
  segments
    .map((s, i) => (encode[i % encode.length] ? encodeURIComponent(s) : s.replace(/%(?=[0-9a-fA-F]{2})|[?#]/g, encodeURIComponent)))
    .join('/');

test('decoding never throws; a well-encoded string decodes to itself, and a string without escapes is kept', () => {
  fc.assert(
    fc.property(hostile, (s) => {
      assert.equal(typeof decodeLenient(s), 'string');
    }),
    params(2000),
  );
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
      assert.equal(decodeLenient(encodeURIComponent(s)), s);
      assert.equal(decodeLenient(s.replace(/%/g, '')), s.replace(/%/g, ''));
    }),
    params(2000),
  );
  assert.equal(decodeLenient('100%.txt'), '100%.txt');
  assert.equal(decodeLenient('%E4%B8%AD%E4%B8'), '中%E4%B8', 'a truncated character is kept as written');
  assert.equal(decodeLenient('%FF%E4%B8%AD'), '%FF中');
});

test('paths, names, local paths and workspace places of any string: no exception', () => {
  const folders = ['file:///ws', 'file:///ws/100%', 'file:///%E4%B8%AD', 'untitled:', '%', ''];
  fc.assert(
    fc.property(hostile, fc.subarray(folders), (uri, fs) => {
      assert.equal(typeof uriPath(uri), 'string');
      assert.equal(typeof uriName(uri), 'string');
      const local = fileUriToPath(uri);
      assert.ok(local === undefined || typeof local === 'string');
      const place = placeInWorkspace(fs, uri);
      assert.ok(place.folder === undefined || fs.includes(place.folder));
      assert.equal(typeof place.path, 'string');
    }),
    params(3000),
  );
});

test('a folder and a document spelled differently (encoded or raw): the same folder, the decoded relative path', () => {
  fc.assert(
    fc.property(
      fc.array(segment, { minLength: 1, maxLength: 3 }),
      fc.array(segment, { minLength: 1, maxLength: 3 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
      (folder, rest, encodeFolder, encodeDocument) => {
        const folderUri = `file:///${spelled(folder, encodeFolder)}`;
        const documentUri = `file:///${spelled([...folder, ...rest], encodeDocument)}`;
        const place = placeInWorkspace(['file:///elsewhere', folderUri], documentUri);
        assert.equal(place.folder, folderUri);
        assert.equal(place.path, rest.join('/'));
        assert.equal(uriName(documentUri), rest[rest.length - 1]);
        assert.equal(fileUriToPath(documentUri), '/' + [...folder, ...rest].join('/'));
      },
    ),
    params(2000),
  );
  assert.deepEqual(placeInWorkspace(['file:///ws/'], 'file:///ws/100%.txt'), { folder: 'file:///ws/', path: '100%.txt' });
  assert.deepEqual(placeInWorkspace(['file:///ws'], 'file:///ws2/a.txt'), { folder: undefined, path: 'a.txt' });
  assert.equal(fileUriToPath('file:///c%3A/Users/a.txt'), 'c:/Users/a.txt');
  assert.equal(fileUriToPath('file://server/share/a.txt'), undefined, 'another host');
  assert.equal(fileUriToPath('untitled:Untitled-1'), undefined);
});

test('settings of a document with any URI: loaded, with its decoded path (a bare % threw in decodeURIComponent)', async () => {
  const problems: Message[] = [];
  const source: SettingsSource = {
    section: async () => ({ profileAssociations: { '**/100%*.txt': 'general' } }),
    readFile: async () => undefined,
    workspaceFolders: () => ['file:///ws'],
    trusted: () => true,
    report: (p) => problems.push(p),
  };
  const settings = new Settings(source);
  const { path, config } = await settings.get('file:///ws/sub/100%.txt');
  assert.equal(path, 'sub/100%.txt');
  assert.equal(resolveProfile(outlineOf('民主生活会对照检查材料\n一、问题\n'), config, path).id, 'general', 'the association matches');
  await fc.assert(
    fc.asyncProperty(hostile, async (uri) => {
      const loaded = await settings.get(uri);
      assert.equal(typeof loaded.path, 'string');
      resolveProfile(outlineOf('一、问题\n'), loaded.config, loaded.path); // associations and file-name detection
    }),
    params(1000),
  );
  // a malformed message: a folder or document "URI" that is not a string
  const odd = new Settings({ ...source, workspaceFolders: () => [42, null, 'file:///ws'] as unknown as string[] });
  assert.equal((await odd.get(7 as unknown as string)).path, '7');
  assert.deepEqual(problems, []);
});
