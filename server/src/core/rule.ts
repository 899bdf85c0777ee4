/**
 * What a rule is: the codes it reports, the scope it reads, and a pure check of one unit of that scope. The scope is
 * what makes analysis incremental: a rule sees a unit (a section, a part's own text, a sibling group, the document)
 * and the lines it reads through the outline, so an edit that touched neither leaves its findings as they were.
 */
import type { Code } from './codes';
import type { LineEdit } from './edits';
import type { Message } from './messages';
import type { Outline, Part, Section } from './model';
import type { CompiledProfile } from './profiles';
import type { ReviewContext } from './review';

/** A quick fix: what it is called and the edits it makes to the version its finding was made for. */
export interface Fix {
  readonly title: Message;
  readonly edits: readonly LineEdit[];
}

/** A fix as a rule offers it: its title at once, its edits built only when a client asks for them. */
export interface FixOffer {
  readonly title: Message;
  build(): readonly LineEdit[];
  /**
   * True when the fix inserts text the user did not write (section.missing inserts a heading): such a fix is offered
   * as a quick fix only, never applied by fix-all (fixAll.ts). Every other fix is safe to apply without asking.
   */
  readonly insertsText?: boolean;
}

export interface Finding {
  readonly code: Code;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly message: Message;
  /** The id of the profile part the finding is about (section.missing, section.order), when there is one. */
  readonly subject?: string;
  /** The fix, if there is one (the edits of a whole group are never built for every report). */
  readonly fix?: FixOffer;
}

export interface RuleContext {
  /** The outline, seen through a view that records which lines the check reads. */
  readonly outline: Outline;
  /** The review settings, title and parts, when the profile reviews (SPEC §9); rules with `parts` read it. */
  readonly review?: ReviewContext;
}

export interface DocumentContext extends RuleContext {
  readonly profile: CompiledProfile;
  /** For each top-level section, the index of the profile section it counts as, or -1. */
  readonly matches: readonly number[];
}

/**
 * Reports a finding. False means it lies past what is kept (the report holds the first findings in document order):
 * a rule that reports in document order may stop there.
 */
export type Report = (finding: Finding) => boolean;

interface RuleBase {
  /** A slug for docs and CONTRIBUTING. */
  readonly id: string;
  readonly codes: readonly Code[];
  /**
   * The profile parts whose units the rule checks (`problems`, `causes`…; `*` for every unit, the preamble and the
   * closing included): a review rule of SPEC §9. It runs only when the profile reviews, is given `review`, and is
   * checked again on every unit when the profile, its parts or the title's facts change; typing in a unit of
   * another part never runs it.
   */
  readonly parts?: readonly string[];
}

/** Reads one section: its marker, title and structure. */
export interface SectionRule extends RuleBase {
  readonly scope: 'section';
  check(section: Section, context: RuleContext, report: Report): void;
}

/** Reads the own text of one part (the root, or a section without its sub-sections). */
export interface TextRule extends RuleBase {
  readonly scope: 'text';
  check(part: Part, context: RuleContext, report: Report): void;
}

/** Reads one group of siblings: the top-level sections, or the children of one section. */
export interface SiblingsRule extends RuleBase {
  readonly scope: 'siblings';
  check(siblings: readonly Section[], context: RuleContext, report: Report): void;
}

/** Reads the document as a whole: its profile and top-level sections. */
export interface DocumentRule extends RuleBase {
  readonly scope: 'document';
  check(outline: Outline, context: DocumentContext, report: Report): void;
}

/**
 * Reads one line (a paragraph) and nothing else: `outline.line(l)` and `outline.typography(l)` of its own line. A
 * keystroke checks again only the lines it edited, and a fresh analysis runs it on every line without recording (a
 * test checks that these rules read their own line only).
 */
export interface LineRule extends RuleBase {
  readonly scope: 'line';
  check(line: number, context: RuleContext, report: Report): void;
}

export type Rule = SectionRule | TextRule | SiblingsRule | DocumentRule | LineRule;
