/** Every rule, in the order their findings are listed. To add a rule, see CONTRIBUTING.md. */
import type { Rule } from '../rule';
import { countMismatch } from './countMismatch';
import { inlineSequence } from './inlineSequence';
import { levelInversion } from './levelInversion';
import { numberingForm } from './numberingForm';
import { numberingSequence } from './numberingSequence';
import { placeholder } from './placeholder';
import { sectionEmpty } from './sectionEmpty';
import { sectionMissing } from './sectionMissing';
import { sectionOrder } from './sectionOrder';
import { punctuation } from './punctuation';
import { numbers } from './numbers';

export const RULES: readonly Rule[] = [
  sectionMissing,
  sectionOrder,
  sectionEmpty,
  countMismatch,
  numberingSequence,
  numberingForm,
  levelInversion,
  inlineSequence,
  placeholder,
  punctuation,
  numbers,
];
