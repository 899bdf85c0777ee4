/** The diagnostic codes of SPEC §5 and §9, their default severities, and the settings that control them. */

export const CODES = [
  'section.missing',
  'section.order',
  'section.empty',
  'section.count-mismatch',
  'numbering.gap',
  'numbering.duplicate',
  'numbering.start',
  'numbering.separator',
  'numbering.bracket',
  'numbering.level-inversion',
  'inline.sequence',
  'text.placeholder',
  // typography (SPEC §8), every profile
  'punct.half-width',
  'punct.quotes',
  'punct.dunhao-between-titles',
  'punct.ordinal',
  'punct.ellipsis',
  'punct.range',
  'number.year-short',
  'number.date-form',
  'number.fixed-chinese',
  // the review of self-inspection materials (SPEC §9)
  'review.focus-area',
  'review.year-mismatch',
  'review.meeting-mismatch',
  'review.previous-rectification',
  'review.length',
  'review.proportion',
  'review.measures-count',
  'review.first-person',
  'review.vague',
  'review.excuse',
  'review.self-praise',
  'review.no-example',
  // a folder of materials (SPEC §10): found across materials, not by a rule of one document
  'review.similar',
] as const;

export type Code = (typeof CODES)[number];

export type Severity = 'ignore' | 'hint' | 'information' | 'warning' | 'error';

export const SEVERITIES: readonly Severity[] = ['ignore', 'hint', 'information', 'warning', 'error'];

export const DEFAULT_SEVERITY: Readonly<Record<Code, Severity>> = {
  'section.missing': 'error',
  'section.order': 'warning',
  'section.empty': 'warning',
  'section.count-mismatch': 'warning',
  'numbering.gap': 'warning',
  'numbering.duplicate': 'warning',
  'numbering.start': 'warning',
  'numbering.separator': 'warning',
  'numbering.bracket': 'warning',
  'numbering.level-inversion': 'information',
  'inline.sequence': 'warning',
  'text.placeholder': 'warning',
  'punct.half-width': 'warning',
  'punct.quotes': 'warning',
  'punct.dunhao-between-titles': 'warning',
  'punct.ordinal': 'warning',
  'punct.ellipsis': 'warning',
  'punct.range': 'information',
  'number.year-short': 'warning',
  'number.date-form': 'warning',
  'number.fixed-chinese': 'warning',
  // the review of self-inspection materials (SPEC §9)
  'review.focus-area': 'warning',
  'review.year-mismatch': 'warning',
  'review.meeting-mismatch': 'information',
  'review.previous-rectification': 'information',
  'review.length': 'information',
  'review.proportion': 'information',
  'review.measures-count': 'information',
  'review.first-person': 'hint',
  'review.vague': 'hint',
  'review.excuse': 'hint',
  'review.self-praise': 'hint',
  'review.no-example': 'hint',
  'review.similar': 'warning',
};

/** Codes found across the materials of a folder (core/similar.ts), not by a rule of rules/index.ts. */
export const FOLDER_CODES: readonly Code[] = ['review.similar'];

export function isCode(value: string): value is Code {
  return (CODES as readonly string[]).includes(value);
}
