// The custom messages between the client and the gongwen language server. Plain types and method names, no
// imports, so that both sides can share them.

/** initialize params' `initializationOptions`. */
export interface InitializationOptions {
  /** False in an untrusted workspace: the server must not read `.gongwen.json` or other workspace files. */
  workspaceTrusted: boolean;
  /** True when the client shows the materials of the workspace (it then gets gongwen/materialsChanged). */
  materialsView?: boolean;
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
/** Every command the server declares (executeCommandProvider). */
export const COMMANDS: readonly string[] = [...Object.keys(SECTION_COMMANDS), RENUMBER_COMMAND];
export interface SectionCommandArgs {
  uri: string;
  /** 0-based. */
  line: number;
}

/** Client → server: the materials of the workspace index (SPEC §10), for a view of the folder. */
export const MaterialsRequestMethod = 'gongwen/materials';
export interface MaterialInfo {
  uri: string;
  /** The workspace folder it is in, and its path relative to it ('/'-separated). */
  folder: string;
  path: string;
  profile: string;
  profileLabel: string;
  /** 字数 (the outline's count). */
  chars: number;
  /** Findings of the material, review.similar included, and how many of them are review.similar. */
  problems: number;
  similar: number;
}
export interface MaterialsResult {
  /** True while the index is still walking folders or reading files. */
  building: boolean;
  /** True when gongwen.index.maxFiles left materials out. */
  limited: boolean;
  materials: MaterialInfo[];
}

/** Server → client (when `materialsView` was set): the materials changed; ask gongwen/materials again. */
export const MaterialsChangedNotificationMethod = 'gongwen/materialsChanged';
