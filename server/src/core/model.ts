/** The outline model: what the parser makes of a document. Lines are 0-based; columns are UTF-16 code units. */
import type { InlineItem, CountClaim, Level, Marker, Span } from './scanner';

export interface Section {
  readonly line: number;
  readonly marker: Marker;
  readonly level: Level;
  /** The title, decoration removed, joined across hard-wrapped lines. */
  readonly title: string;
  readonly titleStartCharacter: number;
  /** Where the title ends (it may continue on up to two more lines). */
  readonly titleEndLine: number;
  readonly titleEndCharacter: number;
  /**
   * A bare heading: one line, no children, and nothing after the title on it but spaces and decoration (no sentence
   * end, no text). `1.每月开展一次调研。` is not bare: it is an item with content.
   */
  readonly bare: boolean;
  /** Last line of the section, trailing blank lines excluded (the section ends at the end of that line). */
  endLine: number;
  readonly parent: Section | undefined;
  readonly children: readonly Section[];
  /** 一是/二是 in the section's own text (not in its children). */
  readonly inline: InlineRef[];
  /** 以下五个方面 in the section's own text. */
  readonly counts: CountRef[];
  /** Index in document order. */
  readonly index: number;
}

export interface InlineRef {
  readonly line: number;
  readonly item: InlineItem;
}

export interface CountRef {
  readonly line: number;
  readonly claim: CountClaim;
}

export interface PlaceholderRef {
  readonly line: number;
  readonly span: Span;
  /** The placeholder as written. */
  readonly text: string;
}

export interface Outline {
  readonly lineCount: number;
  /** Top-level sections. */
  readonly sections: readonly Section[];
  /** Every section in document order. */
  readonly all: readonly Section[];
  /** Inline items and counts of the preamble (text before the first heading). */
  readonly rootInline: readonly InlineRef[];
  readonly rootCounts: readonly CountRef[];
  readonly placeholders: readonly PlaceholderRef[];
  /** First line of the closing paragraph (以上是…), or -1. */
  readonly closingLine: number;
  /** Last non-blank line of the closing (a signature and date may follow it), or -1. */
  readonly closingEndLine: number;
  /** Text of a line (for titles and profile detection). */
  line(i: number): string;
  /** Non-whitespace characters from the start of line `from` to the end of line `to` (inclusive). */
  charsBetween(from: number, to: number): number;
}
