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
// the review of self-inspection materials (SPEC §9)
import { reviewFocusArea } from './reviewFocusArea';
import { reviewYearMismatch } from './reviewYearMismatch';
import { reviewMeetingMismatch } from './reviewMeetingMismatch';
import { reviewPreviousRectification } from './reviewPreviousRectification';
import { reviewLength } from './reviewLength';
import { reviewProportion } from './reviewProportion';
import { reviewMeasuresCount } from './reviewMeasuresCount';
import { reviewFirstPerson } from './reviewFirstPerson';
import { reviewVague } from './reviewVague';
import { reviewExcuse } from './reviewExcuse';
import { reviewSelfPraise } from './reviewSelfPraise';
import { reviewNoExample } from './reviewNoExample';

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
  // the review of self-inspection materials (SPEC §9)
  reviewFocusArea,
  reviewYearMismatch,
  reviewMeetingMismatch,
  reviewPreviousRectification,
  reviewLength,
  reviewProportion,
  reviewMeasuresCount,
  reviewFirstPerson,
  reviewVague,
  reviewExcuse,
  reviewSelfPraise,
  reviewNoExample,
];
