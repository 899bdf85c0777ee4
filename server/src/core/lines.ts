/**
 * The text of a document as lines, with each line's scan and a sorted index of the notable lines (headings,
 * enumerations, placeholders, …). An edit replaces the lines it touches, re-scans only those, and shifts the index;
 * nothing else is looked at again. Line breaks are \n, \r\n and \r, as LSP defines them.
 */
import { isNotable, LineInfo, scanLine } from './scanner';

export interface TextEdit {
  /** 0-based line and UTF-16 column; columns past the end of a line are clamped, as LSP says. */
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly text: string;
}

const BREAK = /\r\n|\r|\n/g;

/** Splits text into lines and the line break after each (the last line's break is ''). */
export function splitLines(text: string): { lines: string[]; eols: string[] } {
  const lines: string[] = [];
  const eols: string[] = [];
  let last = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m !== null; m = BREAK.exec(text)) {
    lines.push(text.slice(last, m.index));
    eols.push(m[0]);
    last = m.index + m[0].length;
  }
  lines.push(text.slice(last));
  eols.push('');
  return { lines, eols };
}

/** Array.splice without spreading a huge argument list onto the stack. */
function replaceRange<T>(array: T[], start: number, deleteCount: number, items: T[]): T[] {
  if (items.length < 10000 && deleteCount < 10000) {
    array.splice(start, deleteCount, ...items);
    return array;
  }
  return array.slice(0, start).concat(items, array.slice(start + deleteCount));
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

export class LineTable {
  private lines: string[] = [];
  private eols: string[] = [];
  private infos: LineInfo[] = [];
  private notableLines: number[] = [];
  /** Bumped on every change; models built from this table remember it. */
  private revision = 0;

  constructor(text: string) {
    this.setText(text);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  get version(): number {
    return this.revision;
  }

  line(i: number): string {
    return this.lines[i];
  }

  info(i: number): LineInfo {
    return this.infos[i];
  }

  /** Sorted line numbers of the notable lines. Do not mutate. */
  get notable(): readonly number[] {
    return this.notableLines;
  }

  /** Offset of the start of each line in the text (line breaks counted as they are written). */
  lineStarts(): number[] {
    const starts: number[] = [];
    let offset = 0;
    for (let i = 0; i < this.lines.length; i++) {
      starts.push(offset);
      offset += this.lines[i].length + this.eols[i].length;
    }
    return starts;
  }

  getText(): string {
    let out = '';
    for (let i = 0; i < this.lines.length; i++) {
      out += this.lines[i] + this.eols[i];
    }
    return out;
  }

  setText(text: string): void {
    const { lines, eols } = splitLines(text);
    this.lines = lines;
    this.eols = eols;
    this.infos = lines.map(scanLine);
    this.notableLines = [];
    for (let i = 0; i < this.infos.length; i++) {
      if (isNotable(this.infos[i])) {
        this.notableLines.push(i);
      }
    }
    this.revision++;
  }

  /**
   * Applies one LSP-style content change. Returns where: the first line, how many lines were replaced by how many
   * (re-scanned), and the scans of the replaced lines.
   */
  applyEdit(edit: TextEdit): { firstLine: number; removed: number; inserted: number; before: LineInfo[] } {
    const last = this.lines.length - 1;
    let s = Math.min(Math.max(edit.startLine, 0), last);
    let e = Math.min(Math.max(edit.endLine, 0), last);
    let sc = edit.startLine > last ? this.lines[last].length : Math.min(Math.max(edit.startCharacter, 0), this.lines[s].length);
    let ec = edit.endLine > last ? this.lines[last].length : Math.min(Math.max(edit.endCharacter, 0), this.lines[e].length);
    if (e < s || (e === s && ec < sc)) {
      [s, e, sc, ec] = [e, s, ec, sc];
    }
    let segment = this.lines[s].slice(0, sc) + edit.text + this.lines[e].slice(ec) + this.eols[e];
    // A \n arriving right after a line that ended in a lone \r joins that break into one \r\n.
    if (s > 0 && this.eols[s - 1] === '\r' && segment.startsWith('\n')) {
      s--;
      segment = this.lines[s] + '\r' + segment;
    }
    const { lines, eols } = splitLines(segment);
    // the segment ends with line e's break, so its last split piece is the empty tail after that break
    if (e < last) {
      lines.pop();
      eols.pop();
    }
    const removed = e - s + 1;
    const infos = lines.map(scanLine);
    const before = this.infos.slice(s, s + removed);
    this.lines = replaceRange(this.lines, s, removed, lines);
    this.eols = replaceRange(this.eols, s, removed, eols);
    this.infos = replaceRange(this.infos, s, removed, infos);
    this.shiftNotable(s, removed, infos);
    this.revision++;
    return { firstLine: s, removed, inserted: lines.length, before };
  }

  private shiftNotable(first: number, removed: number, infos: LineInfo[]): void {
    const from = lowerBound(this.notableLines, first);
    const to = lowerBound(this.notableLines, first + removed);
    const delta = infos.length - removed;
    const added: number[] = [];
    for (let k = 0; k < infos.length; k++) {
      if (isNotable(infos[k])) {
        added.push(first + k);
      }
    }
    const tail = this.notableLines.slice(to);
    if (delta !== 0) {
      for (let k = 0; k < tail.length; k++) {
        tail[k] += delta;
      }
    }
    this.notableLines.length = from;
    for (const n of added) {
      this.notableLines.push(n);
    }
    for (const n of tail) {
      this.notableLines.push(n);
    }
  }
}
