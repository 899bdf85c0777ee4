/** The diagnostic codes of SPEC §5, their default severities, and the settings that control them. */

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
};

export function isCode(value: string): value is Code {
  return (CODES as readonly string[]).includes(value);
}
