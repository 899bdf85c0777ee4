// The custom messages between the client and the gongwen language server. Plain types and method names, no
// imports, so that both sides can share them.

/** initialize params' `initializationOptions`. */
export interface InitializationOptions {
  /** False in an untrusted workspace: the server must not read `.gongwen.json` or other workspace files. */
  workspaceTrusted: boolean;
}

/** Server → client, after each analysis of a document the server serves. */
export const StatusNotificationMethod = 'gongwen/status';
export interface StatusParams {
  uri: string;
  /** Profile id, e.g. `self-inspection`. */
  profile: string;
  /** Profile name for people, e.g. `对照检查材料`. */
  profileLabel: string;
  /** Number of numbered headings. */
  headings: number;
  /** Number of diagnostics reported for the document. */
  problems: number;
  /** Entries of the document's full outline, and how many of them the outline shows (gongwen.outline.maxItems). */
  outlineItems: number;
  outlineShown: number;
  /** 字数 of the whole document: `Outline.charsBetween` over all its lines (core `countChars` per line). */
  chars: number;
}

/** Client → server, when the user grants the workspace trust. */
export const TrustNotificationMethod = 'gongwen/trust';
export interface TrustParams {
  trusted: boolean;
}

export function isStatusParams(value: unknown): value is StatusParams {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return (
    typeof v.uri === 'string' &&
    typeof v.profile === 'string' &&
    typeof v.profileLabel === 'string' &&
    typeof v.headings === 'number' &&
    typeof v.problems === 'number' &&
    typeof v.outlineItems === 'number' &&
    typeof v.outlineShown === 'number' &&
    typeof v.chars === 'number'
  );
}

/** The section commands (workspace/executeCommand): the argument is `{ uri, line }`, any line inside the section. */
export const SECTION_COMMANDS = {
  'gongwen.section.moveUp': 'moveUp',
  'gongwen.section.moveDown': 'moveDown',
  'gongwen.section.promote': 'promote',
  'gongwen.section.demote': 'demote',
} as const;
/** Renumbers every group of the document (workspace/executeCommand): the argument is `{ uri }`. */
export const RENUMBER_COMMAND = 'gongwen.renumber';
export interface SectionCommandArgs {
  uri: string;
  /** 0-based. */
  line: number;
}
