/**
 * review.similar (SPEC §10, §12): a paragraph of 50 characters or more whose text appears, verbatim or with small
 * edits (at most 10 % of its characters differ), in another related material. Pure: the server and the CLI feed it
 * outlines and say which materials are related.
 *
 * The method stays fast as the folder grows: each paragraph's counted text (headings, long quotations, 《》 titles
 * and theme text left out; punctuation and spaces dropped) is cut into character 4-grams, hashed, and winnowed
 * (the smallest hash of every 6 consecutive ones is kept: any shared run of 9 characters or more keeps a fingerprint
 * in common). A table maps each fingerprint to the materials holding it, so adding or changing one material looks up
 * only its own fingerprints; the paragraph pairs that share enough of them are then aligned (edit distance of the
 * paragraph against the best-fitting stretch of the other, in a band around where the fingerprints put it). Never
 * all pairs of characters, never all pairs of materials.
 */
import { Message, msg } from './messages';
import type { Outline } from './model';
import { lastAtMost } from './search';

/** A paragraph counts from this many characters (counted text, without punctuation or spaces). */
export const DEFAULT_MIN_CHARS = 50;
/** At most this share of a paragraph's characters may differ. */
const MAX_DIFFERENCE = 0.1;
/** A quotation “…” of this many characters or more does not count (a shared quote is no copy). */
const QUOTE_CHARS = 20;
/** Shingle length and winnowing window. */
const K = 4;
const W = 6;
/** A paragraph longer than this is checked in pieces of this length (a material of one huge line stays bounded). */
const PIECE = 1000;
/** A fingerprint held by more materials than this is common wording, not a copy: it proposes no candidates. */
const COMMON = 256;
/** A pair of paragraphs is aligned only when they share this many fingerprints and this share of the smaller's. */
const MIN_SHARED = 3;
const MIN_SHARED_SHARE = 0.2;

/** What is compared of a material: its outline and the theme texts that do not count. */
export interface SimilarInput {
  readonly outline: Outline;
  /** The profile's configured theme text (e.g. the year's meeting theme): never counts as copied. */
  readonly themes?: readonly string[];
}

/** One side of a match: where the paragraph is in this material, where its text is in the other. */
export interface SimilarMatch {
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
  /** Counted characters of this side's paragraph (or stretch) that are shared. */
  readonly chars: number;
  readonly other: string;
  readonly otherLine: number;
  readonly otherCharacter: number;
  readonly otherEndCharacter: number;
}

/** A pair of materials that share passages (for `gongwen-outline similar`). */
export interface SimilarPair {
  readonly a: string;
  readonly b: string;
  /** Shared counted characters ÷ the smaller material's counted characters. */
  readonly share: number;
  readonly passages: readonly { readonly aLine: number; readonly bLine: number; readonly chars: number }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Counted text.

/** CJK ideographs, letters and digits count; full-width letters and digits are folded to ASCII, letters to lower case. */
function countedChar(c: number): number {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007) {
    return c;
  }
  if (c >= 0xff10 && c <= 0xff5a) {
    c -= 0xfee0; // full-width → ASCII
  }
  if (c >= 0x41 && c <= 0x5a) {
    return c + 0x20;
  }
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) ? c : -1;
}

/** Counted characters of a stretch of text (the measure of the 50-character threshold). */
function countedLength(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (countedChar(text.charCodeAt(i)) >= 0) {
      n++;
    }
  }
  return n;
}

/** Column ranges of a line that do not count: long quotations, 《》 titles, theme text. */
function excludedRanges(line: string, themes: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = line.indexOf('《'); i >= 0; i = line.indexOf('《', i + 1)) {
    const end = line.indexOf('》', i + 1);
    if (end < 0) {
      break;
    }
    out.push([i, end + 1]);
    i = end;
  }
  for (let i = line.indexOf('“'); i >= 0; i = line.indexOf('“', i + 1)) {
    const end = line.indexOf('”', i + 1);
    if (end < 0) {
      break;
    }
    if (countedLength(line, i + 1, end) >= QUOTE_CHARS) {
      out.push([i, end + 1]);
    }
    i = end;
  }
  for (const theme of themes) {
    for (let i = theme.length > 0 ? line.indexOf(theme) : -1; i >= 0; i = line.indexOf(theme, i + theme.length)) {
      out.push([i, i + theme.length]);
    }
  }
  return out;
}

/** Where the headings' markers and titles lie: line → the column the counted text starts at (Infinity: whole line). */
function headingStarts(outline: Outline): Map<number, number> {
  const starts = new Map<number, number>();
  for (const s of outline.all) {
    const title = outline.titleOf(s);
    for (let l = s.line; l < title.endLine; l++) {
      starts.set(l, Number.POSITIVE_INFINITY);
    }
    starts.set(title.endLine, title.endCharacter);
  }
  return starts;
}

/** A line's counted text and, for each of its characters, the column it came from. */
function countedText(line: string, from: number, excluded: readonly [number, number][]): { text: string; columns: number[] } {
  let text = '';
  const columns: number[] = [];
  const ranges = [...excluded].sort((x, y) => x[0] - y[0]);
  let r = 0;
  let skipTo = -1; // the end of the excluded ranges that started at or before i
  for (let i = from; i < line.length; i++) {
    while (r < ranges.length && ranges[r][0] <= i) {
      skipTo = Math.max(skipTo, ranges[r++][1]);
    }
    if (i < skipTo) {
      continue;
    }
    const c = countedChar(line.charCodeAt(i));
    if (c >= 0) {
      text += String.fromCharCode(c);
      columns.push(i);
    }
  }
  return { text, columns };
}

function lineText(outline: Outline, line: number, heading: Map<number, number>, themes: readonly string[]) {
  const from = heading.get(line) ?? 0;
  const text = outline.line(line);
  return from >= text.length ? { text: '', columns: [] } : countedText(text, from, excludedRanges(text, themes));
}

// ---------------------------------------------------------------------------------------------------------------
// One material: its paragraphs (pieces of at most PIECE counted characters) and fingerprints.

interface Paragraph {
  readonly line: number;
  /** Offsets of its counted text in the material's `text`, and in its line's counted text. */
  readonly start: number;
  readonly end: number;
  readonly lineOffset: number;
}

interface Material {
  readonly key: string;
  readonly id: number;
  readonly input: SimilarInput;
  readonly themes: readonly string[];
  /** Line → the column its counted text starts at (headings left out). */
  readonly heading: Map<number, number>;
  /** The counted text of the paragraphs, one after the other. */
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly starts: readonly number[];
  /** Fingerprints (hash, offset in text), sorted by hash then offset. */
  readonly hashes: Int32Array;
  readonly offsets: Int32Array;
  /** Each distinct hash once. */
  readonly distinct: Int32Array;
}

function hashAt(text: string, i: number): number {
  let h = 0x811c9dc5;
  for (let j = i; j < i + K; j++) {
    h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
  }
  return h | 0;
}

/** Winnowing: the rightmost smallest hash of each window of W shingles, each chosen position once. */
function winnow(text: string, start: number, end: number, out: { hash: number; offset: number }[]): void {
  const n = end - start - K + 1;
  if (n <= 0) {
    return;
  }
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    hashes[i] = hashAt(text, start + i);
  }
  let last = -1;
  for (let w = 0; w + W <= Math.max(n, W); w++) {
    let best = -1;
    for (let i = w; i < Math.min(w + W, n); i++) {
      if (best < 0 || hashes[i] <= hashes[best]) {
        best = i;
      }
    }
    if (best !== last) {
      out.push({ hash: hashes[best], offset: start + best });
      last = best;
    }
  }
}

/** Fingerprints sorted by hash, then offset: packed into one number each and sorted as numbers when they fit. */
function sortedPrints(prints: readonly { hash: number; offset: number }[], length: number): { hashes: Int32Array; offsets: Int32Array } {
  const hashes = new Int32Array(prints.length);
  const offsets = new Int32Array(prints.length);
  if (length < 2 ** 21) {
    // (hash + 2^31) · 2^21 + offset < 2^53: exact in a double
    const packed = Float64Array.from(prints, (p) => (p.hash + 2 ** 31) * 2 ** 21 + p.offset).sort();
    packed.forEach((x, i) => {
      offsets[i] = x % 2 ** 21;
      hashes[i] = (x - offsets[i]) / 2 ** 21 - 2 ** 31;
    });
  } else {
    [...prints]
      .sort((x, y) => x.hash - y.hash || x.offset - y.offset)
      .forEach((p, i) => {
        hashes[i] = p.hash;
        offsets[i] = p.offset;
      });
  }
  return { hashes, offsets };
}

/** Calls `gone` for each value only in `before`, `came` for each only in `after` (both sorted, distinct). */
function diffSorted(before: Int32Array, after: Int32Array, gone: (h: number) => void, came: (h: number) => void): void {
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (j >= after.length || (i < before.length && before[i] < after[j])) {
      gone(before[i++]);
    } else if (i >= before.length || after[j] < before[i]) {
      came(after[j++]);
    } else {
      i++;
      j++;
    }
  }
}

function samePairs(a: readonly PairMatch[] | undefined, b: readonly PairMatch[]): boolean {
  return (
    a !== undefined &&
    a.length === b.length &&
    a.every((x, i) => x.aStart === b[i].aStart && x.aEnd === b[i].aEnd && x.bStart === b[i].bStart && x.bEnd === b[i].bEnd)
  );
}

function material(key: string, id: number, input: SimilarInput, minChars: number): Material {
  const { outline } = input;
  const themes = (input.themes ?? []).filter((t) => t.length > 0);
  const heading = headingStarts(outline);
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (let line = 0; line < outline.lineCount; line++) {
    const counted = lineText(outline, line, heading, themes).text;
    if (counted.length < minChars) {
      continue;
    }
    for (let at = 0; at < counted.length; at += PIECE) {
      // a last piece shorter than the threshold joins the one before
      const end = counted.length - (at + PIECE) < minChars ? counted.length : at + PIECE;
      paragraphs.push({ line, start: text.length + at, end: text.length + end, lineOffset: at });
      if (end === counted.length) {
        break;
      }
    }
    text += counted;
  }
  const prints: { hash: number; offset: number }[] = [];
  for (const p of paragraphs) {
    winnow(text, p.start, p.end, prints);
  }
  const { hashes, offsets } = sortedPrints(prints, text.length);
  const distinct = hashes.filter((h, i) => i === 0 || hashes[i - 1] !== h);
  return { key, id, input, themes, heading, text, paragraphs, starts: paragraphs.map((p) => p.start), hashes, offsets, distinct };
}

// ---------------------------------------------------------------------------------------------------------------
// The fingerprint table: hash → the materials holding it, in typed arrays (open addressing, lists of nodes).

/** A slot of the fingerprint table never used. */
const EMPTY = -2;

class Postings {
  private keys = new Int32Array(1 << 12);
  /** The first node of a slot's list; EMPTY for a slot never used, -1 for a hash whose materials are all gone. */
  private heads = new Int32Array(1 << 12).fill(EMPTY);
  /** Materials per hash (up to 65,535), kept to skip common ones without walking them. */
  private counts = new Uint16Array(1 << 12);
  private slots = 0;
  private nodeDoc = new Int32Array(1 << 12);
  private nodeNext = new Int32Array(1 << 12);
  private nodes = 0;
  private free = -1;

  private slot(hash: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(hash, 0x9e3779b1) >>> 0;
    for (i &= mask; this.heads[i] !== EMPTY && this.keys[i] !== hash; i = (i + 1) & mask) {
      // linear probing
    }
    return i;
  }

  add(hash: number, doc: number): void {
    if ((this.slots + 1) * 10 > this.keys.length * 7) {
      this.rehash();
    }
    const i = this.slot(hash);
    if (this.heads[i] === EMPTY) {
      this.keys[i] = hash;
      this.heads[i] = -1;
      this.counts[i] = 0;
      this.slots++;
    }
    let node = this.free;
    if (node >= 0) {
      this.free = this.nodeNext[node];
    } else {
      if (this.nodes === this.nodeDoc.length) {
        this.nodeDoc = grow(this.nodeDoc);
        this.nodeNext = grow(this.nodeNext);
      }
      node = this.nodes++;
    }
    this.nodeDoc[node] = doc;
    this.nodeNext[node] = this.heads[i];
    this.heads[i] = node;
    if (this.counts[i] < 0xffff) {
      this.counts[i]++;
    }
  }

  remove(hash: number, doc: number): void {
    const i = this.slot(hash);
    for (let prev = -1, node = this.heads[i]; node >= 0; prev = node, node = this.nodeNext[node]) {
      if (this.nodeDoc[node] === doc) {
        if (prev < 0) {
          this.heads[i] = this.nodeNext[node];
        } else {
          this.nodeNext[prev] = this.nodeNext[node];
        }
        this.nodeNext[node] = this.free;
        this.free = node;
        if (this.counts[i] < 0xffff) {
          this.counts[i]--;
        }
        return;
      }
    }
  }

  /** Calls `visit` with each material holding `hash`, unless more than `limit` do. */
  forEach(hash: number, limit: number, visit: (doc: number) => void): void {
    const i = this.slot(hash);
    if (this.counts[i] > limit) {
      return;
    }
    for (let node = this.heads[i]; node >= 0; node = this.nodeNext[node]) {
      visit(this.nodeDoc[node]);
    }
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.heads.byteLength + this.counts.byteLength + this.nodeDoc.byteLength * 2;
  }

  /** A table of twice the hashes that still have materials (emptied ones are dropped), at most 70 % full. */
  private rehash(): void {
    const { keys, heads, counts } = this;
    let live = 0;
    for (let i = 0; i < keys.length; i++) {
      live += heads[i] >= 0 ? 1 : 0;
    }
    const size = Math.max(1 << 12, 1 << Math.ceil(Math.log2((live + 1) * 2)));
    this.keys = new Int32Array(size);
    this.heads = new Int32Array(size).fill(EMPTY);
    this.counts = new Uint16Array(size);
    this.slots = 0;
    for (let i = 0; i < keys.length; i++) {
      if (heads[i] >= 0) {
        const j = this.slot(keys[i]);
        this.keys[j] = keys[i];
        this.heads[j] = heads[i];
        this.counts[j] = counts[i];
        this.slots++;
      }
    }
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

// ---------------------------------------------------------------------------------------------------------------
// Alignment.

/**
 * The best stretch of `text[from, to)` that `pattern` matches with at most `limit` edits (insertions, deletions,
 * substitutions): its start, end and the edits, or undefined. Semi-global edit distance, one row at a time.
 */
export function alignWithin(
  pattern: string,
  text: string,
  from: number,
  to: number,
  limit: number,
): { start: number; end: number; edits: number } | undefined {
  const m = pattern.length;
  const n = to - from;
  if (m === 0 || n <= 0) {
    return undefined;
  }
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  let prevStart = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) {
    prevStart[j] = j; // a match may start anywhere in the stretch
  }
  for (let i = 1; i <= m; i++) {
    const c = pattern.charCodeAt(i - 1);
    cur[0] = i;
    curStart[0] = 0;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const diagonal = prev[j - 1] + (text.charCodeAt(from + j - 1) === c ? 0 : 1);
      const up = prev[j] + 1;
      const left = cur[j - 1] + 1;
      if (diagonal <= up && diagonal <= left) {
        cur[j] = diagonal;
        curStart[j] = prevStart[j - 1];
      } else if (up <= left) {
        cur[j] = up;
        curStart[j] = prevStart[j];
      } else {
        cur[j] = left;
        curStart[j] = curStart[j - 1];
      }
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > limit) {
      return undefined; // every alignment already costs more
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let best = -1;
  for (let j = 1; j <= n; j++) {
    if (prev[j] <= limit && (best < 0 || prev[j] < prev[best])) {
      best = j;
    }
  }
  return best < 0 ? undefined : { start: from + prevStart[best], end: from + best, edits: prev[best] };
}

// ---------------------------------------------------------------------------------------------------------------
// The index.

/** A match of one paragraph (piece) of `a` in `b`, in offsets of the materials' counted texts. */
interface PairMatch {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

export interface SimilarOptions {
  /** Whether two materials are compared (the same folder tree, or the same person's earlier year). */
  related(a: string, b: string): boolean;
  minChars?: number;
}

export class SimilarIndex {
  private readonly materials = new Map<string, Material>();
  private readonly byId: (Material | undefined)[] = [];
  private readonly freeIds: number[] = [];
  private readonly table = new Postings();
  /** Matches per pair: outer key the material on whose side `aStart`…`aEnd` lie. */
  private readonly pairs = new Map<number, Map<number, readonly PairMatch[]>>();
  private readonly minChars: number;

  constructor(private readonly options: SimilarOptions) {
    this.minChars = options.minChars ?? DEFAULT_MIN_CHARS;
  }

  get size(): number {
    return this.materials.size;
  }

  /** Bytes of the fingerprint table and the materials' fingerprints and counted text (an estimate for the bench). */
  get bytes(): number {
    let n = this.table.bytes;
    for (const m of this.materials.values()) {
      n += m.hashes.byteLength * 2 + m.distinct.byteLength + m.text.length * 2 + m.paragraphs.length * 40;
    }
    return n;
  }

  /**
   * Adds or replaces a material and compares it with the related ones. Returns the keys whose matches changed (the
   * material itself and the others it shares, or shared, a passage with).
   */
  set(key: string, input: SimilarInput): Set<string> {
    const old = this.materials.get(key);
    const id = old?.id ?? this.freeIds.pop() ?? this.byId.length;
    const m = material(key, id, input, this.minChars);
    // the table: only the fingerprints that came or went (typing changes a few)
    diffSorted(
      old?.distinct ?? new Int32Array(0),
      m.distinct,
      (h) => this.table.remove(h, id),
      (h) => this.table.add(h, id),
    );
    this.materials.set(key, m);
    this.byId[id] = m;
    const before = this.pairs.get(id) ?? new Map<number, readonly PairMatch[]>();
    const after = this.compare(m);
    const changed = new Set<string>();
    for (const otherId of before.keys()) {
      const other = this.byId[otherId]!;
      if (!after.has(other)) {
        this.unpair(id, otherId);
        changed.add(other.key);
      }
    }
    for (const [other, found] of after) {
      if (!samePairs(before.get(other.id), found)) {
        this.store(id, other.id, found);
        this.store(
          other.id,
          id,
          found.map((f) => ({ aStart: f.bStart, aEnd: f.bEnd, bStart: f.aStart, bEnd: f.aEnd })),
        );
        changed.add(other.key);
      }
    }
    if (changed.size > 0) {
      changed.add(key);
    }
    return changed;
  }

  /** Removes a material; returns the keys whose matches changed. */
  remove(key: string): Set<string> {
    const changed = new Set<string>();
    const m = this.materials.get(key);
    if (m === undefined) {
      return changed;
    }
    for (const h of m.distinct) {
      this.table.remove(h, m.id);
    }
    for (const other of [...(this.pairs.get(m.id)?.keys() ?? [])]) {
      this.unpair(m.id, other);
      changed.add(key);
      changed.add(this.byId[other]!.key);
    }
    this.materials.delete(key);
    this.byId[m.id] = undefined;
    this.freeIds.push(m.id);
    return changed;
  }

  /** Where a material's paragraphs appear in others, one entry per (stretch, other material), in line order. */
  matchesOf(key: string): SimilarMatch[] {
    const m = this.materials.get(key);
    const mine = m !== undefined ? this.pairs.get(m.id) : undefined;
    if (m === undefined || mine === undefined) {
      return [];
    }
    const out: SimilarMatch[] = [];
    for (const [otherId, found] of mine) {
      const other = this.byId[otherId]!;
      for (const f of found) {
        const here = this.place(m, f.aStart, f.aEnd);
        const there = this.place(other, f.bStart, f.bEnd);
        out.push({
          line: here.line,
          character: here.character,
          endCharacter: here.endCharacter,
          chars: f.aEnd - f.aStart,
          other: other.key,
          otherLine: there.line,
          otherCharacter: there.character,
          otherEndCharacter: there.endCharacter,
        });
      }
    }
    return out.sort((x, y) => x.line - y.line || x.character - y.character || (x.other < y.other ? -1 : x.other > y.other ? 1 : 0));
  }

  /** Every pair of materials that share passages, with the share of the smaller one (`gongwen-outline similar`). */
  allPairs(): SimilarPair[] {
    const out: SimilarPair[] = [];
    for (const [aId, mine] of this.pairs) {
      const a = this.byId[aId]!;
      for (const [bId, found] of mine) {
        const b = this.byId[bId]!;
        if (a.key > b.key) {
          continue;
        }
        const shared = coverage(found);
        const smaller = Math.max(1, Math.min(charsOf(a), charsOf(b)));
        out.push({
          a: a.key,
          b: b.key,
          share: Math.min(1, shared / smaller),
          passages: found
            .map((f) => ({
              aLine: this.place(a, f.aStart, f.aEnd).line,
              bLine: this.place(b, f.bStart, f.bEnd).line,
              chars: f.aEnd - f.aStart,
            }))
            .sort((x, y) => x.aLine - y.aLine || x.bLine - y.bLine),
        });
      }
    }
    return out.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  }

  /** Forgets the matches of a pair, both ways. */
  private unpair(a: number, b: number): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const mine = this.pairs.get(x);
      mine?.delete(y);
      if (mine?.size === 0) {
        this.pairs.delete(x);
      }
    }
  }

  private store(a: number, b: number, found: readonly PairMatch[]): void {
    let mine = this.pairs.get(a);
    if (mine === undefined) {
      mine = new Map();
      this.pairs.set(a, mine);
    }
    mine.set(b, found);
  }

  /** Line and columns of counted-text offsets start…end of a material (they lie in one paragraph). */
  private place(m: Material, start: number, end: number): { line: number; character: number; endCharacter: number } {
    const p = m.paragraphs[paragraphAt(m, start)];
    const { columns } = lineText(m.input.outline, p.line, m.heading, m.themes);
    const from = p.lineOffset + (start - p.start);
    const to = p.lineOffset + (end - p.start) - 1;
    return { line: p.line, character: columns[from] ?? 0, endCharacter: (columns[to] ?? columns[columns.length - 1] ?? 0) + 1 };
  }

  /** The related materials `m` shares passages with, and the passages. */
  private compare(m: Material): Map<Material, PairMatch[]> {
    const out = new Map<Material, PairMatch[]>();
    if (m.paragraphs.length === 0) {
      return out;
    }
    const shared = new Map<number, number>();
    for (const h of m.distinct) {
      this.table.forEach(h, COMMON, (doc) => {
        if (doc !== m.id) {
          shared.set(doc, (shared.get(doc) ?? 0) + 1);
        }
      });
    }
    for (const [doc, count] of shared) {
      const other = this.byId[doc];
      if (count < MIN_SHARED || other === undefined || !this.options.related(m.key, other.key)) {
        continue;
      }
      const found = matchPair(m, other, this.minChars);
      if (found.length > 0) {
        out.set(other, found);
      }
    }
    return out;
  }
}

/** 字数 of a material: the outline's count (SPEC §12). */
function charsOf(m: Material): number {
  const { outline } = m.input;
  return outline.lineCount > 0 ? outline.charsBetween(0, outline.lineCount - 1) : 0;
}

/** Characters of the a-side covered by matches (overlaps counted once). */
function coverage(found: readonly { aStart: number; aEnd: number }[]): number {
  const sorted = [...found].sort((x, y) => x.aStart - y.aStart);
  let n = 0;
  let reach = -1;
  for (const f of sorted) {
    const from = Math.max(f.aStart, reach);
    if (f.aEnd > from) {
      n += f.aEnd - from;
    }
    reach = Math.max(reach, f.aEnd);
  }
  return n;
}

/** The paragraph (piece) index of an offset. */
function paragraphAt(m: Material, offset: number): number {
  return lastAtMost(m.starts, offset);
}

/**
 * The passages two materials share, seen from `a` (a's stretch, b's stretch): the paragraph pairs sharing enough
 * fingerprints are aligned, a's paragraph within b's first, else b's within a's.
 */
function matchPair(a: Material, b: Material, minChars: number): PairMatch[] {
  // paragraph pair → fingerprints shared and their diagonals (b offset − a offset)
  const candidates = new Map<number, number[]>();
  const nb = b.paragraphs.length;
  for (let i = 0, j = 0; i < a.hashes.length && j < b.hashes.length;) {
    if (a.hashes[i] < b.hashes[j]) {
      i++;
    } else if (a.hashes[i] > b.hashes[j]) {
      j++;
    } else {
      const h = a.hashes[i];
      let ie = i;
      let je = j;
      while (ie < a.hashes.length && a.hashes[ie] === h) {
        ie++;
      }
      while (je < b.hashes.length && b.hashes[je] === h) {
        je++;
      }
      // a run of one hash: at most 8 × 8 pairs (repeated wording inside one material)
      for (let x = i; x < Math.min(ie, i + 8); x++) {
        for (let y = j; y < Math.min(je, j + 8); y++) {
          const key = paragraphAt(a, a.offsets[x]) * nb + paragraphAt(b, b.offsets[y]);
          let diagonals = candidates.get(key);
          if (diagonals === undefined) {
            diagonals = [];
            candidates.set(key, diagonals);
          }
          diagonals.push(b.offsets[y] - a.offsets[x]);
        }
      }
      i = ie;
      j = je;
    }
  }
  const found: PairMatch[] = [];
  for (const [key, diagonals] of candidates) {
    const pa = a.paragraphs[Math.floor(key / nb)];
    const pb = b.paragraphs[key % nb];
    const smaller = Math.min(pa.end - pa.start, pb.end - pb.start);
    // winnowing keeps about 2/(W+1) of the shingles
    if (diagonals.length < MIN_SHARED || diagonals.length < (MIN_SHARED_SHARE * 2 * smaller) / (W + 1)) {
      continue;
    }
    diagonals.sort((x, y) => x - y);
    const diagonal = diagonals[diagonals.length >> 1];
    const inB = within(a.text, pa.start, pa.end, b.text, pb.start, pb.end, diagonal, minChars);
    if (inB !== undefined) {
      found.push({ aStart: pa.start, aEnd: pa.end, bStart: inB.start, bEnd: inB.end });
      continue;
    }
    const inA = within(b.text, pb.start, pb.end, a.text, pa.start, pa.end, -diagonal, minChars);
    if (inA !== undefined) {
      found.push({ aStart: inA.start, aEnd: inA.end, bStart: pb.start, bEnd: pb.end });
    }
  }
  return found.sort((x, y) => x.aStart - y.aStart);
}

/** Where pattern[ps, pe) lies in text[ts, te) with small edits, looked for around the diagonal. */
function within(
  pattern: string,
  ps: number,
  pe: number,
  text: string,
  ts: number,
  te: number,
  diagonal: number,
  minChars: number,
): { start: number; end: number } | undefined {
  const m = pe - ps;
  if (m < minChars) {
    return undefined;
  }
  const limit = Math.floor(m * MAX_DIFFERENCE);
  const from = Math.max(ts, ps + diagonal - limit - 1);
  const to = Math.min(te, pe + diagonal + limit + 1);
  if (to - from < m - limit) {
    return undefined;
  }
  return alignWithin(pattern.slice(ps, pe), text, from, to, limit);
}

/**
 * The person a file name is about, when it names a year: `2024年度张三对照检查.txt` and `张三2025年对照检查.txt`
 * are the same person's materials of two years. Undefined when the name has no year.
 */
export function personOf(name: string): { person: string; year: number } | undefined {
  const base = name.replace(/\.[^.]*$/, '');
  const year = /(?:19|20)\d{2}/.exec(base);
  if (year === null) {
    return undefined;
  }
  const person = base
    .replace(/(?:19|20)\d{2}\s*(?:年度|年)?/g, '')
    .replace(/[\s_\-—·.()（）[\]【】]+/g, '')
    .trim();
  return person.length > 0 ? { person, year: Number(year[0]) } : undefined;
}

/** Two file names of the same person in different years. */
export function samePersonEarlierYear(a: string, b: string): boolean {
  const x = personOf(a);
  const y = personOf(b);
  return x !== undefined && y !== undefined && x.person === y.person && x.year !== y.year;
}

// ---------------------------------------------------------------------------------------------------------------
// Findings: one per stretch of a material, naming the other materials.

export const SIMILAR_MESSAGES = {
  one: 'This paragraph also appears in {0} (line {1}), verbatim or with small edits. Write it in your own words.',
  many: 'This paragraph also appears in {0} (line {1}) and in {2} more materials, verbatim or with small edits. Write it in your own words.',
  related: 'The same text in {0}',
} as const;

export interface SimilarFinding {
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
  readonly message: Message;
  /** Every place the stretch appears in (one per other material and place). */
  readonly others: readonly SimilarMatch[];
}

/** The matches of a material grouped by stretch, in line order; `name` says how a message names a material. */
export function similarFindings(matches: readonly SimilarMatch[], name: (key: string) => string): SimilarFinding[] {
  const groups = new Map<string, SimilarMatch[]>();
  for (const m of matches) {
    const key = `${m.line}:${m.character}:${m.endCharacter}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [m]);
    } else {
      group.push(m);
    }
  }
  return [...groups.values()].map((others) => {
    const [first] = others;
    const count = new Set(others.map((m) => m.other)).size;
    return {
      line: first.line,
      character: first.character,
      endCharacter: first.endCharacter,
      message:
        count === 1
          ? msg(SIMILAR_MESSAGES.one, name(first.other), first.otherLine + 1)
          : msg(SIMILAR_MESSAGES.many, name(first.other), first.otherLine + 1, count - 1),
      others,
    };
  });
}
