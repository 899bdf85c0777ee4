/** What a rule is: an id per code it reports, and a pure function from the analysed document to findings. */
import type { Code } from './codes';
import type { LineEdit } from './edits';
import type { Message } from './messages';
import type { Outline } from './model';
import type { CompiledProfile } from './profiles';

export interface FixData {
  /** The edits of the quick fix; applying them twice changes nothing the second time. */
  readonly edits?: readonly LineEdit[];
  readonly [key: string]: unknown;
}

export interface Finding {
  readonly code: Code;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly message: Message;
  readonly data?: FixData;
}

export interface RuleContext {
  readonly outline: Outline;
  readonly profile: CompiledProfile;
  /** For each top-level section, the index of the profile section it counts as, or -1. */
  readonly matches: readonly number[];
}

export interface Rule {
  /** A slug for docs and CONTRIBUTING; the codes it can report. */
  readonly id: string;
  readonly codes: readonly Code[];
  run(context: RuleContext, report: (finding: Finding) => void): void;
}
