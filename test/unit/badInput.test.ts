/**
 * Bad input, one test each: nothing a user feeds the core or the command line crashes it, hangs it or changes text.
 * The core gets the text (empty, whitespace, a 5 MB line, 100,000 headings, BOM, CR/CRLF/mixed breaks, lone
 * surrogates, NUL); the real command line (`node bin/gongwen-outline.js`, in a child process) gets files that are
 * not documents (binary, invalid UTF-8, a directory, a missing file, a glob matching nothing) and must say so
 * clearly and exit 2. Big and binary files are made at test time in a temporary folder.
 *
 * The `timeout` of a test only turns a hang into a failure; no test asserts how fast anything is.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, MAX_REPORTED } from '../../server/src/core/analyze';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { LineTable } from '../../server/src/core/lines';
import { format } from '../../server/src/core/messages';
import type { Outline, Section } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';
import { MAX_PLACEHOLDERS_PER_LINE } from '../../server/src/core/scanner';
import { toDiagnostics } from '../../server/src/service/diagnostics';
import { GongwenDocument } from '../../server/src/service/document';
import { documentSymbols } from '../../server/src/service/documentSymbols';
import { foldingRanges } from '../../server/src/service/folding';
import { cli as runCli, CliResult } from '../support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-bad-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

const t = (template: string, ...args: (string | number)[]): string => format({ template, args });

interface Result {
  outline: Outline;
  analysis: Analysis;
}

/** Parse and analyse; every range lies in the document, the text is kept exactly; the features answer. */
function run(text: string, path = 'doc.txt'): Result {
  const table = LineTable.of(text);
  assert.equal(table.getText() === text, true, 'the text is kept exactly');
  const outline = parse(table);
  const analysis = analyze(outline, DEFAULT_CONFIG, path);
  const lineLength = (l: number) => table.line(l).length;
  const inDoc = (line: number, character: number) => line >= 0 && line < table.lineCount && character >= 0 && character <= lineLength(line);
  for (const s of outline.all) {
    assert.ok(
      inDoc(s.line, s.marker.start) && inDoc(outline.endOf(s), 0) && outline.titleOf(s).endLine <= outline.endOf(s),
      `section ${s.line}-${outline.endOf(s)} in the document`,
    );
  }
  for (const d of analysis.diagnostics) {
    assert.ok(inDoc(d.line, d.character) && inDoc(d.endLine, d.endCharacter), `${d.code} in the document`);
  }
  assert.ok(toDiagnostics(analysis.diagnostics, t).length <= MAX_REPORTED);
  const folds = foldingRanges(outline, 5000);
  assert.ok(folds.length <= 5000 && folds.every((f) => f.startLine < f.endLine && f.endLine < table.lineCount));
  documentSymbols(outline, DEFAULT_CONFIG, t);
  return { outline, analysis };
}

const titles = (outline: Outline, sections: readonly Section[] = outline.sections): unknown[] =>
  sections.map((s) => [s.level, s.marker.text, outline.titleOf(s).text, s.line, outline.endOf(s), titles(outline, s.children)]);

/** The real command line, run in the tests' folder unless told otherwise. */
const cli = (args: string[], cwd = TMP): CliResult => runCli(args, cwd);

/** Exit 2 with one clear line on stderr that names the input, nothing on stdout, no stack trace. */
function assertUsageError(r: CliResult, mentions: string, says: RegExp): void {
  assert.equal(r.status, 2, `exit 2 (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '');
  assert.ok(r.stderr.startsWith('gongwen-outline: '), r.stderr);
  assert.ok(r.stderr.includes(mentions), `names ${mentions}: ${r.stderr}`);
  assert.match(r.stderr, says);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

function file(name: string, content: string | Buffer): string {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}

const DOC = [
  '民主生活会个人对照检查材料',
  '一、存在的主要问题',
  '（一）学习不够深入。一是学习少。三是不系统。',
  '（二）作风不实。',
  '二、产生问题的原因',
  '（一）理想信念松懈。',
  '三、整改措施',
  '（一）加强学习。',
  '以上是我的对照检查，请批评指正。',
];

test('empty file: no outline, no findings; the command line reads it', () => {
  const { outline, analysis } = run('');
  assert.equal(outline.lineCount, 1);
  assert.deepEqual(outline.all, []);
  assert.deepEqual(analysis.diagnostics, []);
  const path = file('empty.txt', '');
  const r = cli(['outline', path, '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).sections, []);
  assert.equal(cli(['check', path]).status, 0);
});

test('only whitespace (spaces, tabs, U+3000, NBSP, zero-width, every line break): nothing to report', () => {
  const text = ' \t\u3000\u00a0\u200b\n\r\n\r  \v\f\n\ufeff\n\n';
  const { outline, analysis } = run(text);
  assert.deepEqual(outline.all, []);
  assert.deepEqual(analysis.diagnostics, []);
  const r = cli(['check', file('blank.txt', text), '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics, []);
});

/** Long runs of everything that once made a scanner RegExp backtrack, and placeholders by the million. */
function hugeLine(size: number): string {
  const runs = [
    ' ',
    '\t',
    '.',
    '-',
    '－',
    '…',
    '·',
    '\u3000',
    ' *x',
    '* ',
    '*',
    '**',
    '[中',
    '[',
    '【',
    '【中',
    'X中',
    'XX ',
    '某',
    '×',
    '以下一 ',
    '以下',
    '一是',
    '第一，',
    '“',
    '(',
    '（',
    '&nbsp;',
    '#',
    '_',
    '1',
    '中',
  ];
  const each = Math.floor(size / runs.length);
  let line = '一、存在的主要问题';
  for (const r of runs) {
    line += r.repeat(Math.ceil(each / r.length)).slice(0, each) + '中';
  }
  return line;
}

test('a 5 MB single line: parsed, analysed and edited; one heading, placeholders capped', { timeout: 120000 }, () => {
  const line = hugeLine(5 * 1024 * 1024);
  assert.ok(line.length >= 5 * 1024 * 1024);
  const { outline, analysis } = run(line);
  assert.equal(outline.all.length, 1);
  assert.ok(outline.titleOf(outline.all[0]).text.startsWith('存在的主要问题'));
  const placeholders = analysis.diagnostics.filter((d) => d.code === 'text.placeholder');
  assert.ok(placeholders.length > 0 && placeholders.length <= MAX_PLACEHOLDERS_PER_LINE, `${placeholders.length} placeholders`);
  // a keystroke at the end re-scans the line and keeps everything else
  const doc = new GongwenDocument('file:///big.txt', 'gongwen', 1, line);
  doc.update(
    [{ range: { start: { line: 0, character: line.length }, end: { line: 0, character: line.length } }, text: '。\n二、原因' }],
    2,
  );
  assert.equal(doc.outline.all.length, 2);
  assert.equal(doc.getText(), line + '。\n二、原因');
  // and a line of nothing but noise, without a heading
  const noise = run(hugeLine(1024 * 1024).slice(2));
  assert.equal(noise.outline.all.length, 0);
});

test('a 5 MB single line through the command line', { timeout: 120000 }, () => {
  const path = file('big.txt', hugeLine(5 * 1024 * 1024));
  const r = cli(['check', path, '--format', 'json', '--exit-zero']);
  assert.equal(r.status, 0, r.stderr);
  const [report] = JSON.parse(r.stdout) as { diagnostics: { code: string; line: number }[] }[];
  assert.ok(report.diagnostics.some((d) => d.code === 'text.placeholder'));
  assert.ok(report.diagnostics.every((d) => d.line === 0));
});

test('100,000 headings: outline, symbols and folding within limits; findings and fix edits capped', { timeout: 120000 }, () => {
  // 50,000 duplicates: the first MAX_REPORTED are reported and kept; none carries the group's renumbering
  const lines = ['工作总结', '一、主要做法'];
  for (let i = 0; i < 100000; i++) {
    lines.push(i % 2 === 0 ? '1.学习不够深入。' : '（1）正文（一）');
  }
  const { outline, analysis } = run(lines.join('\n'));
  assert.equal(outline.all.length, 100001);
  assert.equal(outline.sections.length, 1);
  assert.equal(analysis.diagnostics.length, MAX_REPORTED);
  assert.equal(analysis.capped, true);
  const duplicate = analysis.diagnostics.find((d) => d.code === 'numbering.duplicate');
  assert.ok(duplicate !== undefined);
  assert.equal(duplicate.fix, undefined, 'no renumbering: 1. cannot be written past 999.');
  // what the server sends stays small: no edits ride on a diagnostic
  const bytes = Buffer.byteLength(JSON.stringify(toDiagnostics(analysis.diagnostics, t)));
  const { href } = toDiagnostics(analysis.diagnostics, t)[0].codeDescription ?? { href: '' };
  // a diagnostic is its range, code, message and the link to its rule; the link is the part no one can shorten here
  assert.ok(bytes / analysis.diagnostics.length <= 300 + href.length, `${bytes / analysis.diagnostics.length} bytes per diagnostic`);

  // 30,000 top-level headings of a self-inspection text whose first section is the last required one
  const roots = ['民主生活会对照检查材料', '一、整改措施'];
  for (let i = 0; i < 30000; i++) {
    roots.push(`${['一', '二', '三'][i % 3]}、其他方面。正文。`);
  }
  const second = run(roots.join('\n'));
  assert.equal(second.outline.sections.length, 30001);
  const missing = second.analysis.diagnostics.filter((d) => d.code === 'section.missing');
  assert.deepEqual(
    missing.map((d) => d.subject),
    ['problems', 'causes'],
  );
  assert.deepEqual(
    missing.map((d) => d.fix),
    [undefined, undefined],
    'no fix: 30,002 headings cannot be numbered with 一、',
  );
  const symbols = documentSymbols(second.outline, DEFAULT_CONFIG, t);
  assert.equal(symbols.length, DEFAULT_CONFIG.outlineMaxItems, 'the outline keeps the first maxItems of 30,001 top-level headings');
  assert.equal(documentSymbols(second.outline, { ...DEFAULT_CONFIG, outlineMaxItems: 40000 }, t).length, 30001);
  assert.equal(foldingRanges(second.outline, 5000).length <= 5000, true);
});

test('BOM: the heading on the first line is a heading, at the column VS Code gives it; the command line drops the BOM', () => {
  const plain = DOC.join('\n');
  const withBom = run('\ufeff' + plain);
  assert.deepEqual(titles(withBom.outline), titles(run(plain).outline));
  const r1 = cli(['outline', file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plain)])), '--json']);
  const r2 = cli(['outline', file('nobom.txt', plain), '--json']);
  assert.equal(r1.status, 0, r1.stderr);
  assert.equal(r1.stdout, r2.stdout);
  // a BOM before a heading on line 0 is skipped like indentation
  const first = run('\ufeff一、存在的主要问题\n正文。').outline.all[0];
  assert.equal(first.line, 0);
  assert.equal(first.marker.start, 1);
  assert.equal(
    TextDocument.create('file:///a', 'gongwen', 1, '\ufeff一、存在的主要问题').getText({
      start: { line: 0, character: 1 },
      end: { line: 0, character: 3 },
    }),
    '一、',
  );
});

test('CRLF, lone CR and mixed line breaks give the outline of \\n, with no \\r in any title', () => {
  const lf = run(DOC.join('\n'));
  const expected = titles(lf.outline);
  const variants = {
    crlf: DOC.join('\r\n') + '\r\n',
    cr: DOC.join('\r'),
    mixed: DOC.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join(''),
    'crlf with trailing blank lines': DOC.join('\r\n') + '\r\n\r\n\r\n',
  };
  for (const [name, text] of Object.entries(variants)) {
    const { outline, analysis } = run(text);
    assert.deepEqual(titles(outline), expected, name);
    assert.deepEqual(
      analysis.diagnostics.map((d) => [d.code, d.line, d.character]),
      lf.analysis.diagnostics.map((d) => [d.code, d.line, d.character]),
      name,
    );
    assert.ok(
      outline.all.every((s) => !/[\r\n]/.test(outline.titleOf(s).text)),
      name,
    );
    const r = cli(['outline', file(`${name.replace(/ /g, '-')}.txt`, text), '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).sections.map((s: { title: string }) => s.title),
      lf.outline.sections.map((s) => lf.outline.titleOf(s).text),
      name,
    );
  }
});

test('lone surrogates in the text: no crash, titles keep them, names are cut on whole code points', () => {
  const text = [
    '\ud800一、存在\udc00的问题',
    '一、存在的主要问题\ud800',
    '（一）\udfff学习不够。XX\ud83d',
    '\ud83d\ude00（二）作风',
    '二、原因' + '\ud800'.repeat(50),
  ].join('\n');
  const { outline } = run(text);
  assert.deepEqual(
    outline.all.map((s) => outline.titleOf(s).text),
    ['存在的主要问题\ud800', '\udfff学习不够', '原因' + '\ud800'.repeat(50)],
  );
  const names = documentSymbols(outline, DEFAULT_CONFIG, t).map((s) => s.name);
  assert.ok(names.every((n) => typeof n === 'string' && n.length > 0));
  JSON.parse(JSON.stringify(names));
  // in a file, a lone surrogate cannot be valid UTF-8 (ED A0 80): the command line refuses it
  const r = cli(['check', file('surrogate.txt', Buffer.from([0xe4, 0xb8, 0x80, 0xe3, 0x80, 0x81, 0xed, 0xa0, 0x80, 0x0a]))]);
  assertUsageError(r, 'surrogate.txt', /UTF-8 text with an invalid byte sequence at byte 6/);
});

test('NUL bytes: the core reads around them; the command line calls the file binary', () => {
  const { outline } = run('一、存在\u0000的问题\n\u0000\u0000\n（一）学习\u0000不够。');
  assert.deepEqual(
    outline.all.map((s) => outline.titleOf(s).text),
    ['存在\u0000的问题', '学习\u0000不够'],
  );
  assertUsageError(cli(['check', file('nul.txt', '一、存在\u0000的问题\n')]), 'nul.txt', /binary file/);
});

test('bytes that are no encoding the command line knows: exit 2, names the file and the way out', () => {
  const bytes = Buffer.from([0x61, 0xff, 0xfe, 0xfd, 0x80, 0xff, 0x0a]);
  assertUsageError(
    cli(['check', file('unknown.txt', bytes)]),
    'unknown.txt',
    /not UTF-8, UTF-16 .*GB18030\/GBK text\. Give its encoding with --encoding/,
  );
  assertUsageError(cli(['outline', join(TMP, 'unknown.txt')]), 'unknown.txt', /--encoding/);
});

test('a binary file given to the command line: exit 2, says it is binary', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  ]);
  assertUsageError(cli(['check', file('picture.txt', png)]), 'picture.txt', /binary file/);
  assertUsageError(cli(['outline', join(TMP, 'picture.txt'), '--json']), 'picture.txt', /binary file/);
  // one bad file among good ones: the good one is still checked, the bad one named, exit 2
  file('good.txt', DOC.join('\n'));
  const r = cli(['check', join(TMP, 'good.txt'), join(TMP, 'picture.txt')]);
  assert.equal(r.status, 2);
  assert.match(r.stdout, /^1 file checked: /m);
  assert.match(r.stderr, /picture\.txt: It contains NUL bytes: a binary file/);
});

test('a directory: its documents are read; one with no documents is an error', () => {
  const empty = join(TMP, 'empty-dir');
  mkdirSync(empty, { recursive: true });
  file(join('empty-dir', 'notes.bin'), 'x');
  assertUsageError(cli(['check', empty]), 'empty-dir', /No documents/);
  const docs = join(TMP, 'docs');
  mkdirSync(join(docs, 'sub.txt'), { recursive: true }); // a folder whose name looks like a document
  writeFileSync(join(docs, '对照检查材料.txt'), DOC.join('\n'));
  const r = cli(['check', docs, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file.endsWith('对照检查材料.txt')),
    [true],
  );
});

test('a missing file: exit 2, says it cannot be read', () => {
  assertUsageError(cli(['check', join(TMP, 'no-such-file.txt')]), 'no-such-file.txt', /Cannot read .*ENOENT/);
  assertUsageError(cli(['outline', 'no-such-file.txt']), 'no-such-file.txt', /ENOENT/);
});

test('a glob matching nothing: exit 2, says so', () => {
  const dir = join(TMP, 'glob');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a.txt'), DOC.join('\n'));
  assertUsageError(cli(['check', '*.gongwen'], dir), '*.gongwen', /No file matches/);
  assertUsageError(cli(['check', '**/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b.txt'], dir), '*b.txt', /No file matches/);
  const r = cli(['check', '*.txt', '--format', 'json'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).length, 1);
});

test('bad usage: no arguments, an unknown command or option, a bad --format: exit 2 with the usage', () => {
  for (const args of [[], ['frobnicate'], ['check'], ['check', 'x.txt', '--fix-everything'], ['check', 'x.txt', '--format', 'xml']]) {
    const r = cli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.length > 0 && !/\n\s+at /.test(r.stderr), r.stderr);
  }
});

test('a message quotes at most 40 characters of a title or placeholder, however long it is', () => {
  const title = '长'.repeat(1_000_000);
  const { analysis } = run(`工作总结\n一、${title}\n二、${title}\n（1）某某${'X'.repeat(500_000)}\n`);
  assert.ok(analysis.diagnostics.length > 0);
  for (const d of analysis.diagnostics) {
    assert.ok(format(d.message).length < 300, `${d.code}: ${format(d.message).length} characters`);
  }
  assert.ok(analysis.diagnostics.some((d) => d.code === 'section.empty' && format(d.message).includes('长…')));
});

test('findings kept per document are bounded like the ones sent: 100,000 problems, at most 1,200 kept', () => {
  // every line a numbering problem and a placeholder: 200 such documents once held 1.15 GB of findings
  const lines = ['工作总结'];
  for (let i = 0; i < 50_000; i++) {
    lines.push(`（1）(一)某某XX${i}`);
  }
  const doc = new GongwenDocument('file:///dense.txt', 'gongwen', 1, lines.join('\n'));
  const first = doc.analysis(DEFAULT_CONFIG, 'dense.txt');
  assert.equal(first.diagnostics.length, MAX_REPORTED);
  assert.ok(first.kept <= MAX_REPORTED + 200, `${first.kept} findings kept`);
  // and after edits, incremental or not
  for (let v = 2; v < 40; v++) {
    const line = 1 + ((v * 7919) % 50_000);
    doc.update([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: v % 3 === 0 ? '\n' : '的' }], v);
    const analysis = doc.analysis(DEFAULT_CONFIG, 'dense.txt');
    assert.ok(analysis.kept <= MAX_REPORTED + 200, `version ${v}: ${analysis.kept} findings kept`);
  }
});
