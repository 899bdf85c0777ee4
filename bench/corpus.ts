/**
 * The benchmark's documents: a "meeting pack" of any length built from the project's examples, and its Markdown
 * twin with the same headings on the same lines.
 *
 * A pack is what people paste: many materials one after the other. To keep every heading a heading at 100,000
 * lines (Chinese numerals stay short), materials are grouped under numbered meetings:
 *
 *   一、2026年度第1次会议材料          level 1, one per 20 materials
 *   （一）<an example's title line>     level 2, one per material
 *   <the example's preamble>
 *   1.<the example's 一、 heading>      the example's headings, two levels down, numbers kept as written
 *   （1）<the example's （一） heading>
 *   ①<the example's 1. heading>
 *   <the example's body and closing>
 *
 * Headings are found with the project's own parser on each (small) example, so the pack keeps the examples'
 * numbering mistakes, placeholders and inline enumerations: diagnostics have work to do. The Markdown twin writes
 * a level-L heading as `#`×L + space + the same line; every other line is the same, so line numbers agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineTable } from '../server/src/core/lines';
import { parse } from '../server/src/core/parser';
import { toChineseNumeral, toCircled } from '../server/src/core/numerals';

/** One line of a material: a heading (level, number, title text) or a body line. */
type Piece = { level: 0; text: string } | { level: 1 | 2 | 3 | 4 | 5; number: number; text: string };

interface Material {
  title: string;
  pieces: Piece[];
}

const MATERIALS_PER_MEETING = 20;

function stripDecoration(text: string): string {
  // Markdown heading marks and bold around a title; a `**` inside text (20**年) is a placeholder and stays
  return text
    .replace(/^\s*#{1,6}\s*/, '')
    .replace(/^(\*\*|__)|(\*\*|__)(?=\s|$)/g, '')
    .trim();
}

/** Reads one example into a title and its lines, headings marked by the project's parser. */
function readMaterial(text: string): Material {
  const table = LineTable.of(text);
  const outline = parse(table);
  const headings = new Map(outline.all.map((s) => [s.line, s]));
  const pieces: Piece[] = [];
  let title = '';
  for (let i = 0; i < table.lineCount; i++) {
    const line = table.line(i);
    const heading = headings.get(i);
    if (heading !== undefined) {
      const level = Math.min(heading.level + 2, 5) as 3 | 4 | 5;
      pieces.push({ level, number: heading.marker.number, text: stripDecoration(line.slice(heading.marker.contentStart)) });
    } else if (title === '' && line.trim() !== '' && (outline.all.length === 0 || i < outline.all[0].line)) {
      title = stripDecoration(line); // the example's title line becomes the material's heading
    } else {
      pieces.push({ level: 0, text: line });
    }
  }
  while (pieces.length > 0 && pieces[0].level === 0 && pieces[0].text.trim() === '') {
    pieces.shift();
  }
  while (pieces.length > 0 && pieces[pieces.length - 1].level === 0 && pieces[pieces.length - 1].text.trim() === '') {
    pieces.pop();
  }
  return { title: title || '会议材料', pieces };
}

export function loadMaterials(dir: string): Material[] {
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort();
  if (files.length === 0) {
    throw new Error(`no examples in ${dir}`);
  }
  return files.map((f) => readMaterial(readFileSync(join(dir, f), 'utf8')));
}

function marker(level: number, n: number): string {
  switch (level) {
    case 1:
      return toChineseNumeral(n) + '、';
    case 2:
      return '（' + toChineseNumeral(n) + '）';
    case 3:
      return n + '.'; // a title starting with a digit gets a space (3. 2027年…), else 3.2027 reads as a decimal
    case 4:
      return '（' + n + '）';
    default:
      return toCircled(n);
  }
}

export interface Corpus {
  /** The gongwen text and its Markdown twin, line for line. */
  gongwen: string;
  markdown: string;
  lineCount: number;
  headings: number;
  /** Length of the `## ` prefix the twin adds on each line (0 for body lines). */
  twinPrefix: number[];
}

/** A pack of at least `lines` lines (whole materials; the last one is cut to size). */
export function buildCorpus(materials: Material[], lines: number): Corpus {
  const out: string[] = [
    '2026年度会议材料汇编',
    '',
    '本汇编收录年度各次会议的交流发言和书面材料，按会议先后编排，供参会同志会前阅读。',
    '',
  ];
  const levels: number[] = [0, 0, 0, 0];
  let meeting = 0;
  let material = 0;
  const push = (level: number, text: string) => {
    out.push(text);
    levels.push(level);
  };
  while (out.length < lines) {
    if (material % MATERIALS_PER_MEETING === 0) {
      meeting++;
      push(1, marker(1, meeting) + `2026年度第${meeting}次会议材料`);
      push(0, '');
    }
    const m = materials[material % materials.length];
    material++;
    push(2, marker(2, ((material - 1) % MATERIALS_PER_MEETING) + 1) + m.title);
    push(0, '');
    for (const p of m.pieces) {
      const space = p.level === 3 && /^[0-9０-９]/.test(p.text) ? ' ' : '';
      push(p.level, p.level === 0 ? p.text : marker(p.level, p.number) + space + p.text);
    }
    push(0, '');
  }
  out.length = lines;
  levels.length = lines;
  const twin: string[] = [];
  const twinPrefix: number[] = [];
  let headings = 0;
  for (let i = 0; i < lines; i++) {
    const prefix = levels[i] > 0 ? '#'.repeat(levels[i]) + ' ' : '';
    headings += levels[i] > 0 ? 1 : 0;
    twin.push(prefix + out[i]);
    twinPrefix.push(prefix.length);
  }
  return { gongwen: out.join('\n'), markdown: twin.join('\n'), lineCount: lines, headings, twinPrefix };
}
