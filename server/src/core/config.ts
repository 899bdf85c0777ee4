/**
 * Settings as the user and the workspace file give them (unknown JSON), checked and merged over typed defaults.
 * Anything of the wrong type or too large is dropped with a problem to report once; nothing throws.
 */
import { CODES, Code, DEFAULT_SEVERITY, isCode, Severity, SEVERITIES } from './codes';
import { msg, Message } from './messages';
import { BUILT_IN_PROFILES, Profile, ProfileSection, SELF_INSPECTION, SELF_INSPECTION_ORG } from './profiles';
import { DEFAULT_REVIEW, FocusArea, LEXICON_KEYS, LexiconKey, ReviewSettings, Thresholds } from './review';

export interface Config {
  /** "auto" or a profile id. */
  readonly profile: string;
  /** User profiles first, then the built-in ones they do not replace. */
  readonly profiles: readonly Profile[];
  /** [glob, profile id] pairs; the first match pins the profile of a file. */
  readonly associations: readonly (readonly [string, string])[];
  readonly severity: Readonly<Record<Code, Severity>>;
  readonly inlineItems: boolean;
  readonly titleMaxLength: number;
  /** At most this many entries in a document's outline (the outermost levels are kept). */
  readonly outlineMaxItems: number;
  /** The workspace index (SPEC §10): at most this many materials, each of at most this many bytes. */
  readonly indexMaxFiles: number;
  readonly indexMaxFileBytes: number;
  /** review.similar: paragraphs from this many counted characters; theme texts that never count. */
  readonly similarMinChars: number;
  readonly similarThemes: readonly string[];
  /** Workspace diagnostics report every material of the index (else only open documents get diagnostics). */
  readonly workspaceDiagnostics: boolean;
}

export const DEFAULT_CONFIG: Config = {
  profile: 'auto',
  profiles: BUILT_IN_PROFILES,
  associations: [],
  severity: DEFAULT_SEVERITY,
  inlineItems: false,
  titleMaxLength: 40,
  outlineMaxItems: 5000,
  indexMaxFiles: 5000,
  indexMaxFileBytes: 1024 * 1024,
  similarMinChars: 50,
  similarThemes: [],
  workspaceDiagnostics: true,
};

/** Bounds of the folder settings. */
export const FOLDER_LIMITS = { maxFiles: 100_000, maxFileBytes: 64 * 1024 * 1024, themes: 50 } as const;

/** The largest outline.maxItems a user may set. */
export const MAX_OUTLINE_ITEMS = 1_000_000;

export const LIMITS = {
  profiles: 50,
  sections: 30,
  patterns: 50,
  patternLength: 200,
  associations: 200,
  focusAreas: 30,
  words: 500,
} as const;

export const CONFIG_MESSAGES = {
  badValue: 'Setting “{0}” of {1} is not valid ({2}); the default is used.',
  badProfile: 'Profile #{0} of {1} is not valid ({2}); it is ignored.',
  unknownProfile: 'Profile “{0}” chosen by {1} does not exist; the profile is detected instead.',
  invalidJson: 'The workspace file {0} is not valid JSON ({1}); it is ignored.',
} as const;

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: Json, max: number): string[] | undefined {
  if (!Array.isArray(v) || v.length > max || !v.every((x) => typeof x === 'string' && x.length <= LIMITS.patternLength)) {
    return undefined;
  }
  return v as string[];
}

/** The review fields of a profile (SPEC §9): what is given, checked; a string says what is wrong. */
type ReviewFields = { focusAreas?: FocusArea[]; thresholds?: Partial<Thresholds>; lexicons?: Partial<Record<LexiconKey, string[]>> };

const THRESHOLD_RANGES: Readonly<Record<keyof Thresholds, readonly [number, number]>> = {
  problemsChars: [0, 1_000_000],
  causesChars: [0, 1_000_000],
  totalChars: [0, 1_000_000],
  proportion: [0, 1],
  vagueWords: [1, 1000],
};

function readReview(v: Record<string, Json>): ReviewFields | string {
  const out: ReviewFields = {};
  if (v.focusAreas !== undefined) {
    if (!Array.isArray(v.focusAreas) || v.focusAreas.length > LIMITS.focusAreas) {
      return `“focusAreas” must be a list of at most ${LIMITS.focusAreas} focus areas`;
    }
    const areas: FocusArea[] = [];
    for (const a of v.focusAreas) {
      const patterns = isObject(a) ? strings(a.patterns, LIMITS.patterns) : undefined;
      if (!isObject(a) || typeof a.label !== 'string' || a.label.length === 0 || patterns === undefined || patterns.length === 0) {
        return 'each focus area needs a “label” and “patterns” (1 or more strings)';
      }
      areas.push({ label: a.label, patterns });
    }
    out.focusAreas = areas;
  }
  if (v.thresholds !== undefined) {
    if (!isObject(v.thresholds)) {
      return '“thresholds” must be an object';
    }
    const thresholds: Partial<Record<keyof Thresholds, number>> = {};
    for (const [key, value] of Object.entries(v.thresholds)) {
      const range = (THRESHOLD_RANGES as Record<string, readonly [number, number] | undefined>)[key];
      if (range === undefined || typeof value !== 'number' || !(value >= range[0] && value <= range[1])) {
        return `“thresholds” takes ${Object.entries(THRESHOLD_RANGES)
          .map(([k, [lo, hi]]) => `${k} (${lo}–${hi})`)
          .join(', ')}`;
      }
      thresholds[key as keyof Thresholds] = value;
    }
    out.thresholds = thresholds;
  }
  if (v.lexicons !== undefined) {
    if (!isObject(v.lexicons)) {
      return '“lexicons” must be an object';
    }
    const lexicons: Partial<Record<LexiconKey, string[]>> = {};
    for (const [key, value] of Object.entries(v.lexicons)) {
      const list = strings(value, LIMITS.words);
      if (!(LEXICON_KEYS as readonly string[]).includes(key) || list === undefined) {
        return `“lexicons” takes lists of at most ${LIMITS.words} words for ${LEXICON_KEYS.join(', ')}`;
      }
      lexicons[key as LexiconKey] = list;
    }
    out.lexicons = lexicons;
  }
  return out;
}

/** Review settings: the given fields over a base (the built-in profile's, or the defaults). */
function mergeReview(base: ReviewSettings, fields: ReviewFields): ReviewSettings {
  const lexicons: Partial<Record<LexiconKey, readonly string[]>> = { ...base.lexicons };
  for (const [key, list] of Object.entries(fields.lexicons ?? {}) as [LexiconKey, string[]][]) {
    lexicons[key] = [...(lexicons[key] ?? []), ...list];
  }
  return {
    focusAreas: fields.focusAreas ?? base.focusAreas,
    thresholds: { ...base.thresholds, ...fields.thresholds },
    lexicons,
  };
}

function readProfile(v: Json): Profile | string {
  if (!isObject(v)) {
    return 'not an object';
  }
  const { id, label, detect, sections } = v;
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) {
    return '“id” must be a non-empty string';
  }
  const detectList = detect === undefined ? undefined : strings(detect, LIMITS.patterns);
  if (detect !== undefined && detectList === undefined) {
    return `“detect” must be a list of at most ${LIMITS.patterns} strings`;
  }
  const review = readReview(v);
  if (typeof review === 'string') {
    return review;
  }
  const hasReview = review.focusAreas !== undefined || review.thresholds !== undefined || review.lexicons !== undefined;
  const builtIn = BUILT_IN_PROFILES.find((b) => b.id === id);
  if (sections === undefined && builtIn !== undefined) {
    // extends the built-in profile: its fields override
    return {
      ...builtIn,
      label: typeof label === 'string' ? label : builtIn.label,
      detect: detectList ?? builtIn.detect,
      review: hasReview ? mergeReview(builtIn.review ?? DEFAULT_REVIEW, review) : builtIn.review,
    };
  }
  if (!Array.isArray(sections) || sections.length > LIMITS.sections) {
    return `“sections” must be a list of at most ${LIMITS.sections} sections`;
  }
  const out: ProfileSection[] = [];
  for (const s of sections) {
    if (!isObject(s) || typeof s.id !== 'string') {
      return 'each section needs a string “id”';
    }
    const patterns = strings(s.patterns, LIMITS.patterns);
    if (patterns === undefined || patterns.length === 0) {
      return `section “${s.id}” needs “patterns”: 1 to ${LIMITS.patterns} strings of at most ${LIMITS.patternLength} characters`;
    }
    out.push({
      id: s.id,
      label: typeof s.label === 'string' ? s.label : s.id,
      patterns,
      required: s.required !== false,
    });
  }
  return {
    id,
    label: typeof label === 'string' ? label : id,
    detect: detectList ?? [],
    sections: out,
    ...(hasReview ? { review: mergeReview(DEFAULT_REVIEW, review) } : {}),
  };
}

export interface ConfigSource {
  /** Where the values come from, for messages: `settings` or `.gongwen.json`. */
  readonly name: string;
  readonly value: Json;
}

/**
 * Merges the sources (most specific first: the workspace file, then the settings) over the defaults. Returns the
 * config and the problems found, as messages to show once.
 */
export function resolveConfig(sources: readonly ConfigSource[]): { config: Config; problems: Message[] } {
  const problems: Message[] = [];
  let profile: string | undefined;
  const userProfiles: Profile[] = [];
  const associations: [string, string][] = [];
  const severity: Record<Code, Severity> = { ...DEFAULT_SEVERITY };
  const severitySet = new Set<Code>();
  let inlineItems: boolean | undefined;
  let titleMaxLength: number | undefined;
  let outlineMaxItems: number | undefined;
  const folder: FolderSettings = {};

  for (const { name, value } of sources) {
    if (value === undefined || value === null) {
      continue;
    }
    if (!isObject(value)) {
      problems.push(msg(CONFIG_MESSAGES.badValue, 'gongwen', name, 'not an object'));
      continue;
    }
    const bad = (key: string, why: string) => problems.push(msg(CONFIG_MESSAGES.badValue, key, name, why));
    if (value.profile !== undefined) {
      if (typeof value.profile === 'string' && value.profile.length > 0) {
        if (profile === undefined && value.profile !== 'auto') {
          profile = value.profile;
        }
      } else {
        bad('profile', 'a string');
      }
    }
    if (value.profiles !== undefined) {
      if (!Array.isArray(value.profiles) || value.profiles.length > LIMITS.profiles) {
        bad('profiles', `a list of at most ${LIMITS.profiles} profiles`);
      } else {
        value.profiles.forEach((p, i) => {
          const read = readProfile(p);
          if (typeof read === 'string') {
            problems.push(msg(CONFIG_MESSAGES.badProfile, i + 1, name, read));
          } else if (!userProfiles.some((u) => u.id === read.id)) {
            userProfiles.push(read);
          }
        });
      }
    }
    const assoc = value.profileAssociations ?? value.associations;
    if (assoc !== undefined) {
      const entries = isObject(assoc) ? Object.entries(assoc) : undefined;
      if (entries === undefined || entries.length > LIMITS.associations || !entries.every(([, id]) => typeof id === 'string')) {
        bad('profileAssociations', 'an object of glob → profile id');
      } else {
        for (const [glob, id] of entries) {
          if (glob.length <= LIMITS.patternLength) {
            associations.push([glob, id as string]);
          }
        }
      }
    }
    const diagnostics = value.diagnostics;
    const sev = isObject(diagnostics) ? diagnostics.severity : undefined;
    if (sev !== undefined) {
      if (!isObject(sev)) {
        bad('diagnostics.severity', 'an object of code → severity');
      } else {
        for (const [code, level] of Object.entries(sev)) {
          if (!isCode(code) || !SEVERITIES.includes(level as Severity)) {
            bad(`diagnostics.severity.${code}`, `one of ${SEVERITIES.join(', ')} for one of the codes ${CODES.join(', ')}`);
          } else if (!severitySet.has(code)) {
            severity[code] = level as Severity;
            severitySet.add(code);
          }
        }
      }
    }
    const outline = value.outline;
    if (isObject(outline)) {
      if (outline.inlineItems !== undefined) {
        if (typeof outline.inlineItems === 'boolean') {
          inlineItems ??= outline.inlineItems;
        } else {
          bad('outline.inlineItems', 'true or false');
        }
      }
      if (outline.titleMaxLength !== undefined) {
        const n = outline.titleMaxLength;
        if (typeof n === 'number' && Number.isInteger(n) && n >= 4 && n <= 1000) {
          titleMaxLength ??= n;
        } else {
          bad('outline.titleMaxLength', 'a whole number from 4 to 1000');
        }
      }
      if (outline.maxItems !== undefined) {
        const n = outline.maxItems;
        if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_OUTLINE_ITEMS) {
          outlineMaxItems ??= n;
        } else {
          bad('outline.maxItems', `a whole number from 1 to ${MAX_OUTLINE_ITEMS}`);
        }
      }
    }
    readFolderSettings(value, folder, bad);
  }
  // the 组织生活会 variant takes the review settings of an extended self-inspection profile unless it has its own
  const extended = userProfiles.find((p) => p.id === SELF_INSPECTION.id && p.sections === SELF_INSPECTION.sections);
  if (extended !== undefined && !userProfiles.some((p) => p.id === SELF_INSPECTION_ORG.id)) {
    userProfiles.push({ ...SELF_INSPECTION_ORG, review: extended.review });
  }
  const profiles = [...userProfiles, ...BUILT_IN_PROFILES.filter((b) => !userProfiles.some((u) => u.id === b.id))];
  if (profile !== undefined && !profiles.some((p) => p.id === profile)) {
    problems.push(msg(CONFIG_MESSAGES.unknownProfile, profile, 'gongwen.profile'));
    profile = undefined;
  }
  return {
    config: {
      profile: profile ?? 'auto',
      profiles,
      associations,
      severity,
      inlineItems: inlineItems ?? DEFAULT_CONFIG.inlineItems,
      titleMaxLength: titleMaxLength ?? DEFAULT_CONFIG.titleMaxLength,
      outlineMaxItems: outlineMaxItems ?? DEFAULT_CONFIG.outlineMaxItems,
      indexMaxFiles: folder.maxFiles ?? DEFAULT_CONFIG.indexMaxFiles,
      indexMaxFileBytes: folder.maxFileBytes ?? DEFAULT_CONFIG.indexMaxFileBytes,
      similarMinChars: folder.minChars ?? DEFAULT_CONFIG.similarMinChars,
      similarThemes: folder.themes ?? DEFAULT_CONFIG.similarThemes,
      workspaceDiagnostics: folder.workspace ?? DEFAULT_CONFIG.workspaceDiagnostics,
    },
    problems,
  };
}

interface FolderSettings {
  maxFiles?: number;
  maxFileBytes?: number;
  minChars?: number;
  themes?: string[];
  workspace?: boolean;
}

/**
 * `index.maxFiles`, `index.maxFileSize`, `similar.minChars`, `similar.themeText`, `diagnostics.workspace` (the first
 * source that sets one wins).
 */
function readFolderSettings(value: Record<string, Json>, out: FolderSettings, bad: (key: string, why: string) => void): void {
  const { diagnostics } = value;
  if (isObject(diagnostics) && diagnostics.workspace !== undefined) {
    if (typeof diagnostics.workspace === 'boolean') {
      out.workspace ??= diagnostics.workspace;
    } else {
      bad('diagnostics.workspace', 'true or false');
    }
  }
  const whole = (v: Json, min: number, max: number): number | undefined =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
  const { index, similar } = value;
  if (isObject(index)) {
    if (index.maxFiles !== undefined) {
      const n = whole(index.maxFiles, 0, FOLDER_LIMITS.maxFiles);
      if (n === undefined) {
        bad('index.maxFiles', `a whole number from 0 to ${FOLDER_LIMITS.maxFiles}`);
      } else {
        out.maxFiles ??= n;
      }
    }
    if (index.maxFileSize !== undefined) {
      const n = whole(index.maxFileSize, 1, FOLDER_LIMITS.maxFileBytes);
      if (n === undefined) {
        bad('index.maxFileSize', `a whole number of bytes from 1 to ${FOLDER_LIMITS.maxFileBytes}`);
      } else {
        out.maxFileBytes ??= n;
      }
    }
  }
  if (isObject(similar)) {
    if (similar.minChars !== undefined) {
      const n = whole(similar.minChars, 10, 100_000);
      if (n === undefined) {
        bad('similar.minChars', 'a whole number from 10 to 100000');
      } else {
        out.minChars ??= n;
      }
    }
    if (similar.themeText !== undefined) {
      const list = strings(similar.themeText, FOLDER_LIMITS.themes);
      if (list === undefined) {
        bad('similar.themeText', `a list of at most ${FOLDER_LIMITS.themes} strings of at most ${LIMITS.patternLength} characters`);
      } else {
        out.themes ??= list.filter((t) => t.length > 0);
      }
    }
  }
}
