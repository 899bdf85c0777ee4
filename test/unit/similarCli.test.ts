/** `gongwen-outline similar` and review.similar in `check DIR`, in child processes (SPEC §10, §12). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cli } from '../support/cli';
import { edited, material, paragraph } from '../support/materials';
import { prng } from '../support/prng';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-similar-cli-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

const rand = prng(30);
const shared = paragraph(rand, 150);
const A = material(rand, 2000, [shared]);
const B = material(rand, 2000, [edited(rand, shared, 0.05)]);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle.slice(0, 4))) + 1;

function folder(name: string, files: Record<string, string>): string {
  const dir = join(TMP, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

test('similar --format json: the pair, the share of the smaller material and the passages; exit 1', () => {
  const dir = folder('pair', { 'a.txt': A, 'b.txt': B, 'c.txt': material(rand, 2000) });
  const r = cli(['similar', '--format', 'json', '.'], dir);
  assert.equal(r.status, 1, r.stderr);
  const pairs = JSON.parse(r.stdout) as {
    a: string;
    b: string;
    share: number;
    passages: { aLine: number; bLine: number; chars: number }[];
  }[];
  assert.deepEqual(
    pairs.map((p) => [p.a, p.b, p.passages.map((x) => [x.aLine, x.bLine])]),
    [['a.txt', 'b.txt', [[lineOf(A, shared), lineOf(B, shared)]]]],
  );
  assert.ok(pairs[0].share > 0.02 && pairs[0].share < 0.2, String(pairs[0].share));
  assert.ok(pairs[0].passages[0].chars >= 140, String(pairs[0].passages[0].chars));
});

test('similar in text, in Chinese; no pair exits 0; --min-chars and bad input exit 2', () => {
  const dir = folder('text', { 'a.txt': A, 'b.txt': B });
  const text = cli(['similar', 'a.txt', 'b.txt'], dir, 'zh_CN.UTF-8');
  assert.equal(text.status, 1);
  assert.match(text.stdout, /a\.txt 与 b\.txt：相同部分占较小一份的 \d+%/);
  assert.match(text.stdout, new RegExp(`第 ${lineOf(A, shared)} 行与第 ${lineOf(B, shared)} 行`));
  // paragraphs of at least 200 characters only: the 150 shared are not compared
  const none = cli(['similar', '--min-chars', '200', 'a.txt', 'b.txt'], dir);
  assert.equal(none.status, 0, none.stdout);
  assert.match(none.stdout, /2 files compared: 0 pairs sharing passages\./);
  assert.equal(cli(['similar', '--min-chars', '5', 'a.txt'], dir).status, 2);
  const missing = cli(['similar', 'a.txt', 'b.txt', 'none.txt'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /none\.txt/);
});

test('shared quotations and 《》 titles are no copy', () => {
  const quote = `“${paragraph(rand, 80)}”`;
  const title = `《${paragraph(rand, 60)}》`;
  const dir = folder('quotes', {
    'a.txt': material(rand, 1500, [`${paragraph(rand, 20)}${quote}`, `学习${title}`]),
    'b.txt': material(rand, 1500, [`${paragraph(rand, 20)}${quote}`, `认真研读${title}`]),
  });
  const r = cli(['similar', '--format', 'json', '.'], dir);
  assert.equal(r.status, 0, r.stdout);
  assert.deepEqual(JSON.parse(r.stdout), []);
});

test('check DIR reports review.similar on both files of one folder tree, not across sibling folders', () => {
  const dir = folder('check', {
    'top.txt': A,
    'x/b.txt': B,
    'y/c.txt': material(rand, 2000, [shared]),
  });
  const r = cli(['check', '--format', 'json', '.'], dir);
  const report = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string; line: number; message: string }[] }[];
  const similar = Object.fromEntries(
    report.map((f) => [f.file, f.diagnostics.filter((d) => d.code === 'review.similar').map((d) => [d.line + 1, d.message])]),
  );
  // top.txt's folder holds x/ and y/: it shares with both; x/b.txt and y/c.txt are in sibling folders
  assert.equal(similar['top.txt'].length, 1);
  assert.match(String(similar['top.txt'][0][1]), /and in 1 more materials/);
  assert.deepEqual(
    similar[join('x', 'b.txt')].map((d) => d[0]),
    [lineOf(B, shared)],
  );
  assert.match(String(similar[join('x', 'b.txt')][0][1]), /top\.txt \(line \d+\)/);
  assert.equal(similar[join('y', 'c.txt')].length, 1);
  assert.match(String(similar[join('y', 'c.txt')][0][1]), /top\.txt/);
});

test('check: the same person’s material of an earlier year, in another folder', () => {
  const dir = folder('years', { '2024/2024年度张三对照检查材料.txt': A, '2025/2025年度张三对照检查材料.txt': B, '2025/李四.txt': A });
  const r = cli(['check', '--format', 'json', '2024', '2025/2025年度张三对照检查材料.txt'], dir);
  const report = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
  assert.deepEqual(
    report.map((f) => [f.file, f.diagnostics.filter((d) => d.code === 'review.similar').length]),
    [
      [join('2024', '2024年度张三对照检查材料.txt'), 1],
      [join('2025', '2025年度张三对照检查材料.txt'), 1],
    ],
  );
});

test('similar on a folder with a binary file and a symbolic link loop: both named, the pair still listed, exit 2', () => {
  const dir = folder('bad', { 'a.txt': A, 'b.txt': B });
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 0xff, 0]));
  symlinkSync(dir, join(dir, 'loop'));
  const r = cli(['similar', '--format', 'json', '.'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bin\.txt/);
  assert.match(r.stderr, /loop/);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { a: string; b: string }[]).map((p) => [p.a, p.b]),
    [['a.txt', 'b.txt']],
  );
});

test('check: a document with more than 1,000 findings reports the first 1,000 in document order, review.similar among them', () => {
  // 1,200 numbering findings after the planted paragraph
  const many = A + Array.from({ length: 1200 }, () => '1.学习不够深入。').join('\n') + '\n';
  const dir = folder('capped', { 'a.txt': many, 'b.txt': B });
  const r = cli(['check', '--format', 'json', '--severity', 'hint', '.'], dir);
  const report = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string; line: number }[] }[];
  const a = report.find((f) => f.file === 'a.txt')!.diagnostics;
  assert.equal(a.length, 1000);
  assert.deepEqual(
    a.filter((d) => d.code === 'review.similar').map((d) => d.line + 1),
    [lineOf(A, shared)],
  );
  assert.ok(a.every((d, i) => i === 0 || a[i - 1].line <= d.line));
});
