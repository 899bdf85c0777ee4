/**
 * The acceptance checks of the language server issue on the real documents in ../shared/seeds (reference material,
 * not project files), and keystrokes typed into them. The tests run when the folder is there and say so when it is not;
 * nothing else depends on it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { GongwenDocument } from '../../server/src/service/document';
import { prng } from '../support/prng';
import { analysisOf, outlineOf, plain, plainAnalysis, ROOT } from './helpers';

const SEEDS = join(ROOT, '..', 'shared', 'seeds');
const files = existsSync(SEEDS)
  ? readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

/** Level-1 and level-2 heading lines found independently of the scanner: a strict pattern on the raw text. */
const STRICT = /^\s*(?:\*\*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

test('seed documents are present beside the project (otherwise the seed checks below have nothing to read)', (t) => {
  if (files.length === 0) {
    assert.ok(!existsSync(SEEDS), 'the seeds folder exists but holds no .txt file');
    // CI has ../shared beside the clone: there the seed checks must run
    assert.notEqual(process.env.CI, 'true', `CI=true but ${SEEDS} is absent: the seed checks would not run`);
    const why = `${SEEDS} is absent: the checks on real documents (several per seed) are not run`;
    t.diagnostic(why);
    process.stdout.write(`# SKIPPED: ${why}\n`);
    t.skip(why);
    return;
  }
  assert.equal(files.length, 5);
});

for (const name of files) {
  const text = readFileSync(join(SEEDS, name), 'utf8');
  const lines = text.split(/\r\n|\r|\n/);

  test(`seed ${name}: every 一、 and （一） heading is found, nothing else is, titles end at the first sentence end`, () => {
    const outline = outlineOf(text);
    const expected = lines.map((l, i) => (STRICT.test(l) ? i : -1)).filter((i) => i >= 0);
    const found = outline.all.filter((s) => s.level <= 2).map((s) => s.line);
    assert.deepEqual(found, expected);
    assert.equal(outline.all.filter((s) => s.level > 2).length, 0);
    for (const s of outline.all) {
      const rest = lines[s.line].slice(s.marker.contentStart).replace(/\*\*/g, '');
      const title = outline.titleOf(s).text;
      assert.ok(rest.startsWith(title), `${name}:${s.line} title “${title}”`);
      const after = rest.slice(title.length);
      assert.ok(after === '' || /^[。！？：；]/.test(after), `${name}:${s.line} title stops at “${after.slice(0, 5)}”`);
    }
  });

  test(`seed ${name}: self-inspection, no section.missing; deleting the causes section gives it`, () => {
    const analysis = analysisOf(text, name);
    assert.equal(analysis.profile.id, 'self-inspection');
    assert.deepEqual(
      analysis.diagnostics.filter((d) => d.code === 'section.missing'),
      [],
    );
    const outline = outlineOf(text);
    const causes = outline.sections.find((s) => /原因/.test(outline.titleOf(s).text));
    assert.ok(causes);
    const without = lines.filter((_, i) => i < causes.line || i > outline.endOf(causes)).join('\n');
    const missing = analysisOf(without, name).diagnostics.filter((d) => d.code === 'section.missing');
    assert.deepEqual(
      missing.map((d) => d.subject),
      ['causes'],
    );
  });
}

/**
 * The review of SPEC §9 on the seeds, by code and line, as judged by reading them: none reports on the last
 * meeting's rectification, three are under 3,000 字, most problems pile up 不够/不足 (8 to 12 in one item of 001,
 * 003, 004), 003 and 004 open problems with 虽然…但 after the work done, and 000's three 关于“…”方面 items and the last
 * item of 001 give no example. Nothing about the year, the meeting, the first person or excuses: all five are right
 * there (001's 既有客观原因，更有主观原因 is no excuse).
 */
const REVIEWED: Record<string, Record<string, number[]>> = {
  '000': {
    'review.length': [0],
    'review.previous-rectification': [1],
    'review.proportion': [1],
    'review.vague': [2],
    'review.no-example': [2, 3, 4],
  },
  '001': {
    'review.length': [0],
    'review.previous-rectification': [1],
    'review.vague': [2, 4, 6, 8],
    'review.no-example': [8],
    'review.measures-count': [15],
  },
  '002': { 'review.length': [0], 'review.previous-rectification': [1], 'review.vague': [3, 4, 6], 'review.measures-count': [12] },
  '003': { 'review.previous-rectification': [4], 'review.vague': [8, 10, 12, 14], 'review.self-praise': [16] },
  '004': {
    'review.previous-rectification': [1],
    'review.vague': [2, 3, 4, 5, 6],
    'review.self-praise': [2, 3, 4],
    'review.measures-count': [12],
  },
};

for (const name of files) {
  test(`seed ${name}: the review findings a reader agrees with, and no other`, () => {
    const found: Record<string, number[]> = {};
    for (const d of analysisOf(readFileSync(join(SEEDS, name), 'utf8'), name).diagnostics) {
      if (d.code.startsWith('review.')) {
        (found[d.code] ??= []).push(d.line);
      }
    }
    assert.deepEqual(found, REVIEWED[name.slice(0, 3)]);
  });
}

for (const name of files.filter((f) => f.startsWith('002'))) {
  test('seed 002: the (三） and (四） headings get numbering.bracket', () => {
    const d = analysisOf(readFileSync(join(SEEDS, name), 'utf8'), name).diagnostics.filter((x) => x.code === 'numbering.bracket');
    assert.deepEqual(
      d.map((x) => x.line),
      [4, 5],
    );
  });
}

for (const name of files.filter((f) => /^00[134]/.test(f))) {
  test(`seed ${name}: the xx / XX / * placeholders get text.placeholder`, () => {
    const prefix = name.slice(0, 3);
    const text = readFileSync(join(SEEDS, name), 'utf8');
    const lines = text.split('\n');
    const flagged = analysisOf(text, name)
      .diagnostics.filter((d) => d.code === 'text.placeholder')
      .map((d) => lines[d.line].slice(d.character, d.endCharacter));
    const expected =
      text.match(
        /(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|(?<=[\u4e00-\u9fff])[xX](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff0-9])\*+(?=[\u4e00-\u9fff])(?![^\n]*\*\*$)/g,
      ) ?? [];
    assert.ok(flagged.length > 0, prefix);
    assert.deepEqual(flagged.sort(), expected.sort(), prefix);
  });
}

for (const name of files) {
  test(`seed ${name}: 400 keystrokes (typing, backspace, Enter; half at line ends): outline and analysis as a fresh parse`, () => {
    const random = prng(name.length * 7919 + files.indexOf(name));
    const doc = new GongwenDocument('file:///seed.txt', 'gongwen', 1, readFileSync(join(SEEDS, name), 'utf8'));
    const typed = '的一是。、XX（）1.二、（三）①：*\n';
    let previous = doc.analysis(DEFAULT_CONFIG, name);
    let kept = 0;
    let incremental = 0;
    for (let i = 0; i < 400; i++) {
      const line = Math.floor(random() * doc.lineCount);
      const length = doc.lineText(line).length;
      const at = random() < 0.5 ? length : Math.floor(random() * (length + 1));
      const backspace = at > 0 && random() < 0.25;
      const start = { line, character: backspace ? at - 1 : at };
      doc.update(
        [{ range: { start, end: { line, character: at } }, text: backspace ? '' : typed[Math.floor(random() * typed.length)] }],
        i + 2,
      );
      const fresh = outlineOf(doc.getText());
      const analysis = doc.analysis(DEFAULT_CONFIG, name);
      assert.deepEqual(plainAnalysis(analysis), plainAnalysis(analyze(fresh, DEFAULT_CONFIG, name)), `keystroke ${i}: analysis`);
      assert.deepEqual(plain(doc.outline), plain(fresh), `keystroke ${i}: outline`);
      kept += analysis.diagnostics === previous.diagnostics ? 1 : 0;
      incremental += analysis.made.fresh ? 0 : 1;
      previous = analysis;
    }
    assert.ok(kept > 0, 'some keystrokes keep the findings');
    assert.ok(
      incremental > 0 && incremental < 400,
      `some keystrokes are analysed from the last analysis, some afresh (${incremental} of 400)`,
    );
  });
}
