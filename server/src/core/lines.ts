/**
 * The text of one version of a document, as lines, with each line's scan and a sorted index of the notable lines
 * (headings, enumerations, placeholders, …). A table never changes: an edit gives a new table that shares the scans
 * of every line it did not touch, so a model built from a table (an outline, an analysis) keeps reading the text of
 * its own version. Line breaks are \n, \r\n and \r, as LSP defines them.
 */
import { isNotable, LineInfo, scanLine } from './scanner';
import { firstAtLeast } from './search';

export interface TextEdit {
  /** 0-based line and UTF-16 column, as LSP sends them (out of range and reversed as well: see `clampRange`). */
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly text: string;
}

/** What an edit did: lines first … first+removed-1 of the old table became first … first+inserted-1 of `table`. */
export interface Edited {
  readonly table: LineTable;
  readonly firstLine: number;
  readonly removed: number;
  readonly inserted: number;
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

/** Items per chunk of a Rows list (a power of two). */
const CHUNK_BITS = 9;
const CHUNK = 1 << CHUNK_BITS;

/**
 * A list that never changes, kept in chunks: a copy with some items replaced by as many shares every chunk it did
 * not touch (typing in a line copies one chunk of 512 lines and the chunk index, not the document's lines). A copy
 * with another length shares the chunks before the change.
 */
class Rows<T> {
  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    readonly length: number,
  ) {}

  static of<T>(items: readonly T[]): Rows<T> {
    const chunks: T[][] = [];
    for (let i = 0; i < items.length; i += CHUNK) {
      chunks.push(items.slice(i, i + CHUNK));
    }
    return new Rows(chunks, items.length);
  }

  get(i: number): T {
    return this.chunks[i >> CHUNK_BITS][i & (CHUNK - 1)];
  }

  /**
   * The sum of `weight` over the items [from, to): a whole chunk's sum is kept in `sums`, so a copy sharing the chunk
   * shares its sum, and summing again after an edit reads the items of the chunks at the ends and the edited ones.
   */
  sum(from: number, to: number, weight: (item: T) => number, sums: WeakMap<readonly T[], number>): number {
    let total = 0;
    let i = Math.max(from, 0);
    const end = Math.min(to, this.length);
    while (i < end) {
      const c = i >> CHUNK_BITS;
      const chunk = this.chunks[c];
      const start = c * CHUNK;
      if (i === start && end >= start + chunk.length) {
        let whole = sums.get(chunk);
        if (whole === undefined) {
          whole = 0;
          for (const item of chunk) {
            whole += weight(item);
          }
          sums.set(chunk, whole);
        }
        total += whole;
        i = start + chunk.length;
      } else {
        const stop = Math.min(end, start + chunk.length);
        for (; i < stop; i++) {
          total += weight(chunk[i - start]);
        }
      }
    }
    return total;
  }

  /** A copy with `deleteCount` items at `start` replaced by `items`. */
  replaced(start: number, deleteCount: number, items: readonly T[]): Rows<T> {
    if (deleteCount === items.length) {
      const chunks = this.chunks.slice();
      for (let k = 0; k < items.length; k++) {
        const i = start + k;
        const c = i >> CHUNK_BITS;
        if (chunks[c] === this.chunks[c]) {
          chunks[c] = chunks[c].slice();
        }
        (chunks[c] as T[])[i & (CHUNK - 1)] = items[k];
      }
      return new Rows(chunks, this.length);
    }
    const first = start >> CHUNK_BITS;
    const tail: T[] = [];
    for (let c = first; c < this.chunks.length; c++) {
      for (const item of this.chunks[c]) {
        tail.push(item);
      }
    }
    const offset = start - first * CHUNK;
    const rebuilt = Rows.of(tail.slice(0, offset).concat(items, tail.slice(offset + deleteCount)));
    return new Rows(this.chunks.slice(0, first).concat(rebuilt.chunks), first * CHUNK + rebuilt.length);
  }
}

/** The 字数 of each chunk of line infos, shared by every table that shares the chunk. */
const CHUNK_CHARS = new WeakMap<readonly LineInfo[], number>();
const charsOf = (info: LineInfo): number => info.chars;

/** A position coordinate as a client may send it: a fraction counts as its integer part, anything else as 0. */
function coordinate(value: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
}

export class LineTable {
  private constructor(
    private readonly lines: Rows<string>,
    private readonly eols: Rows<string>,
    private readonly infos: Rows<LineInfo>,
    private readonly notableLines: readonly number[],
    /** Counts the tables of one document: each edit gives the next. */
    readonly revision: number,
  ) {}

  static of(text: string, revision = 0): LineTable {
    const { lines, eols } = splitLines(text);
    const infos = lines.map(scanLine);
    const notable: number[] = [];
    for (let i = 0; i < infos.length; i++) {
      if (isNotable(infos[i])) {
        notable.push(i);
      }
    }
    return new LineTable(Rows.of(lines), Rows.of(eols), Rows.of(infos), notable, revision);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  line(i: number): string {
    return this.lines.get(i);
  }

  info(i: number): LineInfo {
    return this.infos.get(i);
  }

  /** 字数 of the lines `from` to `to` (inclusive): the characters that are not white space (LineInfo.chars). */
  charsBetween(from: number, to: number): number {
    return this.infos.sum(from, to + 1, charsOf, CHUNK_CHARS);
  }

  /** Sorted line numbers of the notable lines. */
  get notable(): readonly number[] {
    return this.notableLines;
  }

  private starts: number[] | undefined;

  /** Offset of the start of each line in the text (line breaks counted as they are written); built on first use. */
  lineStarts(): readonly number[] {
    if (this.starts === undefined) {
      const starts: number[] = [];
      let offset = 0;
      for (let i = 0; i < this.lines.length; i++) {
        starts.push(offset);
        offset += this.lines.get(i).length + this.eols.get(i).length;
      }
      this.starts = starts;
    }
    return this.starts;
  }

  getText(): string {
    let out = '';
    for (let i = 0; i < this.lines.length; i++) {
      out += this.lines.get(i) + this.eols.get(i);
    }
    return out;
  }

  /**
   * The range of an LSP change as vscode-languageserver-textdocument reads it: a reversed range is turned round
   * first; then a line before the first means the start of the text, a line after the last the end of the text, and
   * a column is kept within its line. Fractions count as their integer part.
   */
  clampRange(edit: TextEdit): { startLine: number; startCharacter: number; endLine: number; endCharacter: number } {
    let sl = coordinate(edit.startLine);
    let sc = coordinate(edit.startCharacter);
    let el = coordinate(edit.endLine);
    let ec = coordinate(edit.endCharacter);
    if (sl > el || (sl === el && sc > ec)) {
      [sl, sc, el, ec] = [el, ec, sl, sc];
    }
    const last = this.lines.length - 1;
    const clamp = (line: number, character: number): [number, number] =>
      line < 0 ? [0, 0] : line > last ? [last, this.line(last).length] : [line, Math.min(Math.max(character, 0), this.line(line).length)];
    const [startLine, startCharacter] = clamp(sl, sc);
    const [endLine, endCharacter] = clamp(el, ec);
    return { startLine, startCharacter, endLine, endCharacter };
  }

  /** The table after one LSP-style content change, and where it changed (only those lines are scanned again). */
  applyEdit(edit: TextEdit): Edited {
    const { startLine, startCharacter, endLine, endCharacter } = this.clampRange(edit);
    let s = startLine;
    const e = endLine;
    let segment = this.line(s).slice(0, startCharacter) + edit.text + this.line(e).slice(endCharacter) + this.eols.get(e);
    // A \n arriving right after a line that ended in a lone \r joins that break into one \r\n.
    if (s > 0 && this.eols.get(s - 1) === '\r' && segment.startsWith('\n')) {
      s--;
      segment = this.line(s) + '\r' + segment;
    }
    const { lines, eols } = splitLines(segment);
    // the segment ends with line e's break, so its last split piece is the empty tail after that break
    if (e < this.lines.length - 1) {
      lines.pop();
      eols.pop();
    }
    const removed = e - s + 1;
    const infos = lines.map(scanLine);
    const table = new LineTable(
      this.lines.replaced(s, removed, lines),
      this.eols.replaced(s, removed, eols),
      this.infos.replaced(s, removed, infos),
      this.shiftedNotable(s, removed, infos),
      this.revision + 1,
    );
    return { table, firstLine: s, removed, inserted: lines.length };
  }

  private shiftedNotable(first: number, removed: number, infos: readonly LineInfo[]): readonly number[] {
    if (removed === infos.length && infos.every((info, k) => isNotable(info) === isNotable(this.infos.get(first + k)))) {
      return this.notableLines; // the same lines are notable: the index is shared
    }
    const from = firstAtLeast(this.notableLines, first);
    const to = firstAtLeast(this.notableLines, first + removed);
    const delta = infos.length - removed;
    const out = this.notableLines.slice(0, from);
    for (let k = 0; k < infos.length; k++) {
      if (isNotable(infos[k])) {
        out.push(first + k);
      }
    }
    for (let k = to; k < this.notableLines.length; k++) {
      out.push(this.notableLines[k] + delta);
    }
    return out;
  }
}
