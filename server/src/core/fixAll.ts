/**
 * Fix all (SPEC §7): every safe fix of a document, repeated until nothing changes, as one set of edits on the text it
 * was given. A fix is safe unless it inserts text the user did not write (`FixOffer.insertsText`: section.missing);
 * every rule's fix counts, so a new rule's fix is picked up here without a change.
 *
 * Each round analyses the current text afresh, takes the fixes of its findings in document order, leaves out one that
 * touches a line a fix already taken touches (a renumbering and a marker's standard form both touch the numeral; a
 * marker's separator decides whether 第二， after it is an enumeration item: the second waits for the next round, built
 * from the text the first left) and applies the rest together. A line is scanned on its own and a fix keeps every
 * heading a heading, so fixes of different lines do not change each other: a round gives what applying them one after
 * another gives (a property test compares the two). The rounds' edits are composed into edits of the original text,
 * as tight as the changes they make: a client applies them as one versioned edit, and the CLI writes their text.
 */
import { allFindings } from './analyze';
import type { Config } from './config';
import type { LineEdit } from './edits';
import { LineTable, splitLines } from './lines';
import { parse } from './parser';
import { lastAtMost } from './search';
import type { FixOffer } from './rule';

/**
 * Rounds that leave as many fixes to take as there were before them (fixes that undo each other, or make new ones)
 * before fix-all gives up. A round takes one fix per line (a renumbering and the standard form of a marker take two
 * rounds, a line of 150 half-width commas 150 rounds); it sees every finding, not only the first thousand reported.
 */
export const MAX_FIX_ROUNDS = 100;

/**
 * Lines analysed in all rounds before fix-all gives up however it progresses: each round analyses the whole text, so
 * this bounds its work (2,000 rounds of a 1,000-line text, 100 of a 20,000-line one; never fewer than MAX_FIX_ROUNDS).
 */
const MAX_LINES_ANALYSED = 2_000_000;

export const FIX_ALL_MESSAGES = {
  title: 'Fix all auto-fixable problems (Gongwen)',
} as const;

export interface FixAllResult {
  /** The text after every fix. */
  readonly text: string;
  /** Edits of the original text that give `text`: sorted, not overlapping, each changing something. */
  readonly edits: readonly LineEdit[];
  /** The same edits as offsets of the original text (UTF-16 code units). */
  readonly changes: readonly Span[];
  /** How many findings had their fix applied. */
  readonly fixed: number;
  /**
   * False when fix-all gave up (MAX_FIX_ROUNDS rounds without progress, or its budget of rounds for the text's
   * length): the text is what the rounds made.
   */
  readonly converged: boolean;
  /** How many rounds applied fixes. */
  readonly rounds: number;
}

/** Replaces [start, end) of a text with `text` (offsets in UTF-16 code units). */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Is the fix applied by fix-all? Every fix but the ones that insert text. */
export function isSafeFix(fix: FixOffer | undefined): fix is FixOffer {
  return fix !== undefined && fix.insertsText !== true;
}

/** The text with the spans (sorted, not overlapping) applied. */
export function applySpans(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * Positions of the text before `spans` in the text after them, asked in increasing order, each not strictly inside a
 * span; at an insertion, before it (`after` false) or after it.
 */
function forward(spans: readonly Span[]): (pos: number, after: boolean) => number {
  let k = 0;
  let delta = 0;
  return (pos, after) => {
    for (; k < spans.length; k++) {
      const s = spans[k];
      if (!(s.end < pos || (s.end === pos && (s.start < pos || after)))) {
        break;
      }
      delta += s.text.length - (s.end - s.start);
    }
    return pos + delta;
  };
}

/**
 * Positions of the text after `spans` in the text before them, asked in increasing order; a position in or at the
 * edge of a span's text goes to the span's start or end.
 */
function backward(spans: readonly Span[]): (pos: number, toEnd: boolean) => number {
  let k = 0;
  let delta = 0;
  return (pos, toEnd) => {
    for (; k < spans.length; k++) {
      const s = spans[k];
      const start = s.start + delta;
      if (pos < start) {
        break;
      }
      if (pos <= start + s.text.length) {
        return toEnd ? s.end : s.start;
      }
      delta += s.text.length - (s.end - s.start);
    }
    return pos - delta;
  };
}

/**
 * The spans of the original text that give `final`, the text made by `done` (spans of the original) and then `round`
 * (spans of the text `done` made): the changed ranges of both, in original offsets, merged where they touch.
 */
function compose(done: readonly Span[], round: readonly Span[], final: string): Span[] {
  const back = backward(done);
  const ranges = [
    ...done.map((s) => ({ start: s.start, end: s.end })),
    ...round.map((s) => ({ start: back(s.start, false), end: back(s.end, true) })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
    } else {
      merged.push({ ...r });
    }
  }
  const first = forward(done);
  const second = forward(round);
  return merged.map((r) => {
    const start = second(first(r.start, false), false);
    return { start: r.start, end: r.end, text: final.slice(start, second(first(r.end, true), true)) };
  });
}

/**
 * The span as it changes the original: without the characters it writes back unchanged at either end (never half of a
 * surrogate pair); undefined when it changes nothing.
 */
function tight(original: string, s: Span): Span | undefined {
  const old = original.slice(s.start, s.end);
  let head = 0;
  while (head < old.length && head < s.text.length && old[head] === s.text[head]) {
    head++;
  }
  let tail = 0;
  while (tail < old.length - head && tail < s.text.length - head && old[old.length - 1 - tail] === s.text[s.text.length - 1 - tail]) {
    tail++;
  }
  if (head === old.length && head === s.text.length) {
    return undefined;
  }
  const high = (c: number) => c >= 0xd800 && c <= 0xdbff;
  if (head > 0 && high(old.charCodeAt(head - 1))) {
    head--;
  }
  if (tail > 0 && high(old.charCodeAt(old.length - tail - 1))) {
    tail--;
  }
  return { start: s.start + head, end: s.end - tail, text: s.text.slice(head, s.text.length - tail) };
}

/** The position of an offset of a table's text (the offset is not inside a line break). */
function positionOf(starts: readonly number[], offset: number): { line: number; character: number } {
  const line = Math.max(lastAtMost(starts, offset), 0);
  return { line, character: offset - starts[line] };
}

/**
 * One round on `text`: the safe fixes of a fresh analysis, in document order, each unless it touches a line a fix taken
 * before touches, and how many fixes that change something were offered; undefined when there is no fix to apply.
 */
function round(text: string, config: Config, path: string): { spans: Span[]; fixed: number; offered: number } | undefined {
  const table = LineTable.of(text);
  const starts = table.lineStarts();
  /** Each fix built once, and whether it was taken (a group's renumbering mends several findings). */
  const taken = new Map<FixOffer, boolean>();
  const lines = new Set<number>();
  const spans: Span[] = [];
  let fixed = 0;
  let offered = 0;
  // every finding of a fresh analysis of this text (not only the reported ones): their fixes are built from it
  for (const d of allFindings(parse(table), config, path)) {
    const fix = d.fix;
    if (!isSafeFix(fix)) {
      continue;
    }
    let take = taken.get(fix);
    if (take === undefined) {
      const edits = fix.build().filter((e) => e.newText !== text.slice(starts[e.line] + e.character, starts[e.endLine] + e.endCharacter));
      const touched = edits.flatMap((e) => Array.from({ length: e.endLine - e.line + 1 }, (_, k) => e.line + k));
      offered += edits.length > 0 ? 1 : 0;
      take = edits.length > 0 && !touched.some((l) => lines.has(l));
      if (take) {
        touched.forEach((l) => lines.add(l));
        spans.push(
          ...edits.map((e) => ({ start: starts[e.line] + e.character, end: starts[e.endLine] + e.endCharacter, text: e.newText })),
        );
      }
      taken.set(fix, take);
    }
    fixed += take ? 1 : 0;
  }
  return spans.length > 0 ? { spans: spans.sort((a, b) => a.start - b.start), fixed, offered } : undefined;
}

/**
 * Every safe fix of `text`, repeated until nothing changes, or MAX_FIX_ROUNDS rounds did not lower the number of
 * fixes offered (each round lowers it or counts towards that limit, so fix-all ends), or the rounds' budget for the
 * text's length is spent (so its work is bounded: 2,000,000 lines analysed).
 */
export function fixAll(text: string, config: Config, path: string): FixAllResult {
  let done: Span[] = [];
  let current = text;
  let fixed = 0;
  let rounds = 0;
  let offered = Infinity;
  let stalled = 0;
  const budget = Math.max(MAX_FIX_ROUNDS, Math.floor(MAX_LINES_ANALYSED / splitLines(text).lines.length));
  for (;;) {
    const next = round(current, config, path);
    if (next === undefined || rounds >= budget || (next.offered >= offered && ++stalled > MAX_FIX_ROUNDS)) {
      return result(text, current, done, fixed, rounds, next === undefined);
    }
    offered = next.offered;
    current = applySpans(current, next.spans);
    done = compose(done, next.spans, current);
    fixed += next.fixed;
    rounds++;
  }
}

function result(original: string, text: string, done: readonly Span[], fixed: number, rounds: number, converged: boolean): FixAllResult {
  const { lines, eols } = splitLines(original);
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i].length + eols[i].length, i++) {
    starts.push(at);
  }
  const edits: LineEdit[] = [];
  const changes: Span[] = [];
  for (const span of done) {
    const s = tight(original, span);
    if (s !== undefined) {
      changes.push(s);
      const start = positionOf(starts, s.start);
      const end = positionOf(starts, s.end);
      edits.push({ line: start.line, character: start.character, endLine: end.line, endCharacter: end.character, newText: s.text });
    }
  }
  return { text, edits, changes, fixed, converged, rounds };
}
