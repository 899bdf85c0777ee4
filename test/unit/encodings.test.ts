/**
 * Files as people have them (SPEC §11): the same document saved as UTF-8, UTF-8 with a BOM, UTF-16 LE and BE with a
 * BOM and GB18030 gives the same outline; --encoding forces one; a folder of mixed files reports the good ones and
 * names each bad one. The files are written byte by byte by the tests.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { decodeText, encodingNamed } from '../../server/src/input/decode';
import { cli } from '../support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-enc-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

const TEXT =
  '个人对照检查材料\n一、存在的问题\n（一）学习不够深入㐀。\n二、产生问题的原因\n（一）放松了学习。\n三、整改措施\n（一）加强学习。\n';
/** TEXT in GB18030, as Python's codec writes it (㐀 takes the four-byte form 81 39 EE 39, which GBK lacks). */
const GB18030 = Buffer.from(
  'b8f6c8cbb6d4d5d5bcecb2e9b2c4c1cf0ad2bba1a2b4e6d4dab5c4cecacce20aa3a8d2bba3a9d1a7cfb0b2bbb9bbc9eec8eb8139ee39a1' +
    'a30ab6fea1a2b2fac9facecacce2b5c4d4add2f20aa3a8d2bba3a9b7c5cbc9c1cbd1a7cfb0a1a30ac8fda1a2d5fbb8c4b4ebcaa90aa3a8d2bba3a9bcd3c7bfd1a7cfb0a1a30a',
  'hex',
);

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) {
    [le[i], le[i + 1]] = [le[i + 1], le[i]];
  }
  return le;
}

const FILES: Record<string, Buffer> = {
  'utf8.txt': Buffer.from(TEXT),
  'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
  'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
  'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]),
  'gb18030.txt': GB18030,
};

function write(dir: string, files: Record<string, Buffer>): string {
  const path = join(TMP, dir);
  mkdirSync(path, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(path, name), bytes);
  }
  return path;
}

test('decodeText: each encoding is recognised, the text is the same, a BOM is not part of it', () => {
  const expected: Record<string, [string, boolean]> = {
    'utf8.txt': ['utf-8', false],
    'utf8-bom.txt': ['utf-8', true],
    'utf16le.txt': ['utf-16le', true],
    'utf16be.txt': ['utf-16be', true],
    'gb18030.txt': ['gb18030', false],
  };
  for (const [name, bytes] of Object.entries(FILES)) {
    const r = decodeText(bytes);
    assert.ok(r.ok, name);
    assert.deepEqual([r.encoding, r.bom], expected[name], name);
    assert.equal(r.text, TEXT, name);
  }
  assert.equal(encodingNamed('GBK'), 'gb18030');
  assert.equal(encodingNamed('UTF8'), 'utf-8');
  assert.equal(encodingNamed('latin1'), undefined);
});

test('decodeText: NUL bytes without a BOM, bytes no encoding reads, a damaged UTF-8 file: clear refusals', () => {
  const nul = decodeText(Buffer.from(TEXT, 'utf16le'));
  assert.ok(!nul.ok && /NUL bytes.*--encoding utf-16le/.test(nul.message.template));
  const random = decodeText(Buffer.from([0x61, 0xff, 0xfe, 0xfd, 0x80, 0xff]));
  assert.ok(!random.ok && /not UTF-8, UTF-16 .* or GB18030/.test(random.message.template));
  // one damaged byte in UTF-8 Chinese would decode as GB18030 into other characters: it is reported instead
  const damaged = Buffer.from(TEXT);
  damaged[25] = 0xff; // the first byte of 一
  const r = decodeText(damaged);
  assert.ok(!r.ok && /UTF-8 text with an invalid byte sequence at byte \{0\}/.test(r.message.template));
  assert.deepEqual(r.message.args, [25]);
});

test('the command line reads every encoding to the same outline and check', () => {
  const dir = write('same', FILES);
  const outlines = Object.keys(FILES).map((name) => {
    const r = cli(['outline', '--json', name], dir);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    return JSON.parse(r.stdout) as unknown;
  });
  for (const o of outlines.slice(1)) {
    assert.deepEqual(o, outlines[0]);
  }
  assert.match(JSON.stringify(outlines[0]), /学习不够深入㐀/);
  const check = cli(['check', '--format', 'json', '.'], dir);
  assert.equal(check.status, 0, check.stderr);
  const report = JSON.parse(check.stdout) as { file: string; diagnostics: unknown[] }[];
  assert.equal(report.length, 5);
  for (const r of report.slice(1)) {
    assert.deepEqual(r.diagnostics, report[0].diagnostics);
  }
});

test('--encoding forces one: UTF-16 without a BOM is read with it; a wrong one is refused with the byte', () => {
  const dir = write('forced', { 'nobom.txt': Buffer.from(TEXT, 'utf16le'), 'gb.txt': GB18030 });
  const refused = cli(['outline', 'nobom.txt'], dir);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /^gongwen-outline: nobom\.txt: It contains NUL bytes/);
  const forced = cli(['outline', '--encoding', 'utf-16le', 'nobom.txt'], dir);
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(forced.stdout, /一、存在的问题/);
  assert.equal(cli(['outline', '--encoding=gbk', 'gb.txt'], dir).status, 0);
  const wrong = cli(['outline', '--encoding', 'utf-8', 'gb.txt'], dir);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /gb\.txt: It is not valid UTF-8 text \(byte 0\)/);
  const unknown = cli(['outline', '--encoding', 'latin1', 'gb.txt'], dir);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /--encoding must be one of/);
});

test('a folder of mixed files: the good ones are reported, each bad one is named on stderr, exit 2 at the end', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
  const dir = write('mixed', { ...FILES, 'picture.txt': png, 'z-random.md': Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]) });
  for (const lang of ['C', 'zh_CN.UTF-8']) {
    const outline = cli(['outline', '.'], dir, lang);
    assert.equal(outline.status, 2, outline.stderr);
    assert.deepEqual(
      outline.stdout.split('\n').filter((l) => l.endsWith(' [self-inspection]')),
      Object.keys(FILES)
        .sort()
        .map((name) => `${name} [self-inspection]`),
    );
    assert.equal(outline.stderr.trim().split('\n').length, 2, outline.stderr);
    const r = cli(['check', '.'], dir, lang);
    assert.equal(r.status, 2, r.stderr);
    const errors = r.stderr.trim().split('\n');
    assert.equal(errors.length, 3, r.stderr);
    assert.match(errors[0], /^gongwen-outline: picture\.txt(: |：)/);
    assert.match(errors[1], /^gongwen-outline: z-random\.md(: |：)/);
    assert.match(errors[2], lang === 'C' ? /2 files could not be read/ : /有 2 个文件无法读取/);
    assert.match(r.stdout, lang === 'C' ? /^5 files checked: /m : /^已检查 5 个文件：/m);
  }
});
