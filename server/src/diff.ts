/**
 * A unified diff (`diff -u`, three lines of context) of a text and the text edits made of it, for `check --diff`:
 * the changed lines are those the edits touch, so no line matching is needed. Lines are printed as diff prints them:
 * with the \r of a CRLF line break (patch then matches a CRLF file), and a last line without a line break followed by
 * `\ No newline at end of file`. Pure.
 */
import type { LineEdit } from './core/edits';
import { splitLines } from './core/lines';

const CONTEXT = 3;

/** The lines of a text as diff counts them: a line break ends a line, and a text ending in one has no empty line after it. */
function diffLines(text: string): { lines: string[]; newlineAtEnd: boolean } {
  const { lines, eols } = splitLines(text);
  const printed = lines.map((l, i) => (eols[i] === '\r\n' ? l + '\r' : l));
  const newlineAtEnd = text.length === 0 || lines[lines.length - 1] === '';
  return { lines: newlineAtEnd ? printed.slice(0, -1) : printed, newlineAtEnd };
}

/** Lines oldFrom…oldTo of the old text became newFrom… (newCount lines) of the new one. */
interface Region {
  oldFrom: number;
  oldTo: number;
  newFrom: number;
  newCount: number;
}

function regionsOf(edits: readonly LineEdit[]): Region[] {
  const regions: Region[] = [];
  let shift = 0;
  for (const e of [...edits].sort((a, b) => a.line - b.line || a.character - b.character)) {
    const delta = (e.newText.match(/\r\n|\r|\n/g)?.length ?? 0) - (e.endLine - e.line);
    const last = regions[regions.length - 1];
    if (last !== undefined && e.line <= last.oldTo + 1) {
      // an edit of the region's last line or the next: the region grows by the lines it reaches past it
      last.newCount += Math.max(0, e.endLine - last.oldTo) + delta;
      last.oldTo = Math.max(last.oldTo, e.endLine);
    } else {
      regions.push({ oldFrom: e.line, oldTo: e.endLine, newFrom: e.line + shift, newCount: e.endLine - e.line + 1 + delta });
    }
    shift += delta;
  }
  return regions;
}

/** The unified diff of `before` and `after` (what `edits` make of it) under the name `name`; '' when nothing changed. */
export function unifiedDiff(name: string, before: string, after: string, edits: readonly LineEdit[]): string {
  const a = diffLines(before);
  const b = diffLines(after);
  const regions = regionsOf(edits);
  const out: string[] = [];
  let hunk: string[] = [];
  const line = (prefix: string, lines: { lines: string[]; newlineAtEnd: boolean }, i: number) => {
    hunk.push(prefix + lines.lines[i]);
    if (i === lines.lines.length - 1 && !lines.newlineAtEnd) {
      hunk.push('\\ No newline at end of file');
    }
  };
  for (let r = 0; r < regions.length;) {
    // a hunk: regions whose context lines meet
    let end = r;
    while (end + 1 < regions.length && regions[end + 1].oldFrom - regions[end].oldTo - 1 <= 2 * CONTEXT) {
      end++;
    }
    const from = Math.max(0, regions[r].oldFrom - CONTEXT);
    const to = Math.min(a.lines.length - 1, regions[end].oldTo + CONTEXT);
    const newFrom = from + (regions[r].newFrom - regions[r].oldFrom);
    hunk = [];
    let oldCount = 0;
    let newCount = 0;
    let at = from;
    for (let k = r; k <= end; k++) {
      const g = regions[k];
      for (; at < g.oldFrom; at++, oldCount++, newCount++) {
        line(' ', a, at);
      }
      for (let i = g.oldFrom; i <= g.oldTo && i < a.lines.length; i++, oldCount++) {
        line('-', a, i);
      }
      for (let i = g.newFrom; i < g.newFrom + g.newCount && i < b.lines.length; i++, newCount++) {
        line('+', b, i);
      }
      at = g.oldTo + 1;
    }
    for (; at <= to; at++, oldCount++, newCount++) {
      line(' ', a, at);
    }
    const range = (first: number, count: number) => `${count === 0 ? first : first + 1},${count}`;
    out.push(`@@ -${range(from, oldCount)} +${range(newFrom, newCount)} @@`, ...hunk);
    r = end + 1;
  }
  return out.length === 0 ? '' : [`--- ${name}`, `+++ ${name}`, ...out].join('\n') + '\n';
}
