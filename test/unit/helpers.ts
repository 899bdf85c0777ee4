/** Shared helpers of the unit tests: parse text, read fixtures with inline expectations. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, Analysis, Diagnosis } from '../../server/src/core/analyze';
import { Config, DEFAULT_CONFIG } from '../../server/src/core/config';
import { LineTable } from '../../server/src/core/lines';
import type { LineEdit } from '../../server/src/core/edits';
import type { Outline, Section } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';

/** The repository root, from out/test/unit or test/unit. */
export const ROOT = join(__dirname, '..', '..', __dirname.includes(`${join('out', 'test')}`) ? '..' : '');

export function outlineOf(text: string): Outline {
  return parse(LineTable.of(text));
}

export function analysisOf(text: string, path = 'doc.txt', config: Config = DEFAULT_CONFIG): Analysis {
  return analyze(outlineOf(text), config, path);
}

/** A plain projection of a section tree, for goldens and equality checks. */
export interface PlainSection {
  line: number;
  endLine: number;
  marker: string;
  level: number;
  number: number;
  title: string;
  children: PlainSection[];
}

export function plain(outline: Outline, sections: readonly Section[] = outline.sections): PlainSection[] {
  return sections.map((s) => ({
    line: s.line,
    endLine: outline.endOf(s),
    marker: s.marker.text,
    level: s.level,
    number: s.marker.number,
    title: outline.titleOf(s).text,
    children: plain(outline, s.children),
  }));
}

/** An analysis as plain data: the profile and what is sent of each finding (and whether it has a fix). */
export function plainAnalysis(analysis: Analysis) {
  return {
    profile: analysis.profile.id,
    capped: analysis.capped,
    diagnostics: analysis.diagnostics.map((d) => ({
      code: d.code,
      range: [d.line, d.character, d.endLine, d.endCharacter],
      severity: d.severity,
      message: d.message,
      fix: d.fix?.title,
    })),
  };
}

/** The titles of every section of a text, in document order. */
export function titlesOf(text: string): string[] {
  const outline = outlineOf(text);
  return outline.all.map((s) => outline.titleOf(s).text);
}

/** The edits of a finding's fix, built as a client's code action would get them (none when it has no fix). */
export function fixEdits(analysis: Analysis, d: Diagnosis): readonly LineEdit[] | undefined {
  return analysis.fix(d)?.edits;
}

const EXPECT = /\s*\{([a-z.,-]+)\}\s*$/;

/** A fixture with markdownlint-style expectations `{code,code}` at the end of lines, removed from the text. */
export function readFixture(path: string): { text: string; expected: string[] } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const expected: string[] = [];
  const clean = lines.map((line, i) => {
    const m = EXPECT.exec(line);
    if (m === null) {
      return line;
    }
    for (const code of m[1].split(',')) {
      expected.push(`${i}:${code}`);
    }
    return line.slice(0, m.index);
  });
  return { text: clean.join('\n'), expected: expected.sort() };
}

/** Applies non-overlapping edits (positions of `text`, whatever its line breaks) as a client does: the new text. */
export function applyToText(text: string, edits: readonly LineEdit[]): string {
  const starts = LineTable.of(text).lineStarts();
  const offset = (line: number, character: number) => starts[line] + character;
  const sorted = [...edits].sort((a, b) => offset(b.line, b.character) - offset(a.line, a.character));
  let out = text;
  for (const e of sorted) {
    out = out.slice(0, offset(e.line, e.character)) + e.newText + out.slice(offset(e.endLine, e.endCharacter));
  }
  return out;
}
