/**
 * Sameness checks for reuse across versions. Each is a table with one entry per field of the type it compares
 * (`Record<keyof T, …>`), so a field added to a scan, a marker or a title without saying how it compares does not
 * compile: no check can silently forget it. A field that reuse may ignore says so with `IGNORED` and why.
 */
import type { Title } from './model';
import type { LineInfo, Marker } from './scanner';

type Same<T> = (a: T, b: T) => boolean;

/** Deliberately not compared (the table entry says why). */
const IGNORED: Same<unknown> = () => true;
const equal: Same<unknown> = (a, b) => a === b;

/** A comparison of every field of T, from a table that names each field. */
function byFields<T extends object>(fields: { readonly [K in keyof Required<T>]: Same<T[K]> }): Same<T> {
  const entries = Object.entries(fields) as [keyof T, Same<unknown>][];
  return (a, b) => a === b || entries.every(([key, same]) => same(a[key], b[key]));
}

function optional<T>(same: Same<T>): Same<T | undefined> {
  return (a, b) => (a === undefined || b === undefined ? a === b : same(a, b));
}

const sameMarker = byFields<Marker>({
  kind: equal,
  level: equal,
  number: equal,
  start: equal,
  end: equal,
  numberStart: equal,
  numberEnd: equal,
  text: equal,
  standard: equal,
  bracketOk: equal,
  separatorOk: equal,
  contentStart: equal,
});

/**
 * Two scans of a line alike in everything the structure is built from. Not compared: `chars` (字数), which sections
 * do not hold (the parser reads a line's width only to decide whether a title wraps); `title` (where a title ends
 * on its line): `reparse` reads the title of every edited line again and keeps the structure only when it still
 * ends on the same line; and what a line holds besides a heading (`inline`, `count`, `placeholders`), which the
 * outline reads from each version's scans (Outline.textOf).
 */
export const sameScan = byFields<LineInfo>({
  blank: equal,
  chars: IGNORED,
  marker: optional(sameMarker),
  title: IGNORED,
  startsWithInline: equal,
  inline: IGNORED,
  count: IGNORED,
  placeholders: IGNORED,
  listIntro: equal,
  closing: equal,
  fence: equal,
  // what typography finds on a line is read from each version's scans (Outline.typography), by line-scope rules
  typography: IGNORED,
});

export const sameTitle = byFields<Title>({ text: equal, endLine: equal, endCharacter: equal, bare: equal });
