/**
 * The outline model: what the parser makes of one version of a document. Lines are 0-based; columns are UTF-16
 * code units. An outline reads the text of its own version only (its line table never changes), and sections hold
 * nothing that depends on a line's length, on the words of a title or on which of its lines are blank, so the next
 * version's outline can share them when an edit leaves the structure alone (typing in text, in a title, in a blank
 * line): what a title says and where a section ends are asked of the outline.
 */
import type { InlineItem, CountClaim, Level, Marker, Span } from './scanner';
import type { TypographyMark } from './typography/index';

/**
 * Where text belongs: the root (the preamble and the closing) or a section, whose own text runs from its heading to
 * its first sub-section. What the own text holds (一是/二是, 以下五个方面, placeholders) is asked of the outline
 * (`textOf`): columns move as the user types, the structure does not.
 */
export interface Part {
  /** Sections directly under it (for the root, the top-level sections). */
  readonly children: readonly Section[];
}

/** What the own text of a part holds in one version. */
export interface PartText {
  /** 一是/二是 in its own text (not in its children; not in the closing). */
  readonly inline: readonly InlineRef[];
  /** 以下五个方面 in its own text. */
  readonly counts: readonly CountRef[];
  /** Template placeholders in its own text. */
  readonly placeholders: readonly PlaceholderRef[];
}

export interface Section extends Part {
  readonly line: number;
  readonly marker: Marker;
  readonly level: Level;
  readonly titleStartCharacter: number;
  /**
   * The line the section stops before: the next heading of the same or a higher rank, the closing, or the end of the
   * document. Where it ends within that (trailing blank lines excluded) is asked of the outline: `endOf`.
   */
  readonly boundary: number;
  readonly parent: Section | undefined;
  /** Index in document order. */
  readonly index: number;
}

/** What a heading's title says in one version. */
export interface Title {
  /** The title, decoration removed, joined across hard-wrapped lines. */
  readonly text: string;
  /** The line the title ends on (a hard-wrapped title continues on up to two more lines). */
  readonly endLine: number;
  /** Where the title ends on `endLine`. */
  readonly endCharacter: number;
  /**
   * A bare heading: one line, no children, and nothing after the title on it but spaces and decoration (no sentence
   * end, no text). `1.每月开展一次调研。` is not bare: it is an item with content.
   */
  readonly bare: boolean;
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
}

export interface Outline {
  readonly lineCount: number;
  /** Top-level sections. */
  readonly sections: readonly Section[];
  /** Every section in document order. */
  readonly all: readonly Section[];
  /** The preamble (text before the first heading) and the closing: `children` are the top-level sections. */
  readonly root: Part;
  /** First line of the closing paragraph (以上是…), or -1. */
  readonly closingLine: number;
  /** Last non-blank line of the closing (a signature and date may follow it), or -1. */
  readonly closingEndLine: number;
  /** Text of a line of this version. */
  line(i: number): string;
  /** The title of a section of this outline, as this version writes it. */
  titleOf(s: Section): Title;
  /** The last line of a section in this version, trailing blank lines excluded (it ends at the end of that line). */
  endOf(s: Section): number;
  /** What the own text of a part holds in this version. */
  textOf(part: Part): PartText;
  /** The lines of a part's own text, as [from, to] pairs (inclusive). */
  ownLines(part: Part): readonly number[];
  /** Non-whitespace characters from the start of line `from` to the end of line `to` (inclusive). */
  charsBetween(from: number, to: number): number;
  /** What the typography checks found on a line of this version (nothing on a Markdown code fence or inside one). */
  typography(line: number): readonly TypographyMark[];
}
