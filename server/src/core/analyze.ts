/** From an outline and a config to a profile and findings with severities: shared by the server and the CLI. */
import type { Severity } from './codes';
import type { Config } from './config';
import { matchGlob } from './glob';
import type { Outline } from './model';
import { LineRange, sameStructure, track, untouched } from './reuse';
import { compileProfile, CompiledProfile, detectProfile, matchSection, Profile } from './profiles';
import type { Finding, FixData } from './rule';
import { RULES } from './rules/index';

export interface Diagnosis extends Finding {
  readonly severity: Exclude<Severity, 'ignore'>;
}

export interface Analysis {
  readonly profile: Profile;
  readonly diagnostics: readonly Diagnosis[];
}

/**
 * Caps, so that a pathological document (a 5 MB line of placeholders, 100,000 headings numbered 1.) cannot take the
 * server's time and memory: findings of one code, and fix edits carried by all findings together. A renumbering fix
 * carries the edits of its whole group and every report of the group carries the same fix, so without the budget
 * 1,000 reports of 100,000 duplicate headings would carry 10^8 edits.
 */
export const MAX_FINDINGS_PER_CODE = 5000;
export const MAX_FIX_EDITS = 20000;

/** How much of the top of a document is read to detect its kind. */
const DETECT_LINES = 30;
const DETECT_CHARS = 4000;

function detectionText(outline: Outline): string {
  const first = outline.sections.length > 0 ? outline.sections[0].line : outline.lineCount;
  let text = '';
  for (let i = 0; i < Math.min(first, DETECT_LINES) && text.length < DETECT_CHARS; i++) {
    text += outline.line(i) + '\n';
  }
  return text.slice(0, DETECT_CHARS);
}

const compiled = new WeakMap<Profile, CompiledProfile>();

function compiledOf(profile: Profile): CompiledProfile {
  let c = compiled.get(profile);
  if (c === undefined) {
    c = compileProfile(profile);
    compiled.set(profile, c);
  }
  return c;
}

/** The profile of a document: pinned by association or setting, else detected from its words and file name. */
export function resolveProfile(outline: Outline, config: Config, path: string): Profile {
  const byId = (id: string) => config.profiles.find((p) => p.id === id);
  for (const [glob, id] of config.associations) {
    const p = matchGlob(glob, path) ? byId(id) : undefined;
    if (p !== undefined) {
      return p;
    }
  }
  const pinned = config.profile !== 'auto' ? byId(config.profile) : undefined;
  return pinned ?? detectProfile(config.profiles, detectionText(outline), path.slice(path.lastIndexOf('/') + 1));
}

export function analyze(outline: Outline, config: Config, path: string): Analysis {
  const profile = resolveProfile(outline, config, path);
  const compiledProfile = compiledOf(profile);
  const matches = outline.sections.map((s) => (profile.sections.length > 0 ? matchSection(compiledProfile, s.title) : -1));
  const diagnostics: Diagnosis[] = [];
  const context = { outline, profile: compiledProfile, matches };
  const perCode = new Map<string, number>();
  let editBudget = MAX_FIX_EDITS;
  for (const rule of RULES) {
    if (rule.codes.every((code) => config.severity[code] === 'ignore')) {
      continue;
    }
    rule.run(context, (finding) => {
      const severity = config.severity[finding.code];
      const count = perCode.get(finding.code) ?? 0;
      if (severity === 'ignore' || count >= MAX_FINDINGS_PER_CODE) {
        return;
      }
      perCode.set(finding.code, count + 1);
      const edits = finding.data?.edits?.length ?? 0;
      if (edits > editBudget) {
        // past the budget a finding keeps its data but offers no fix
        const { edits: _dropped, ...rest } = finding.data as FixData;
        diagnostics.push({ ...finding, data: rest, severity });
        return;
      }
      editBudget -= edits;
      diagnostics.push({ ...finding, severity });
    });
  }
  return { profile, diagnostics };
}

/** An analysis with what it depended on, so that the next version can tell whether it still holds. */
export interface TrackedAnalysis {
  readonly analysis: Analysis;
  readonly outline: Outline;
  readonly config: Config;
  readonly path: string;
  /** Lines whose text the rules read, or undefined when they asked for 字数 (then nothing is reused). */
  readonly reads: ReadonlySet<number> | undefined;
}

/**
 * The analysis of `outline`: `previous` itself when config and path are the same, the outline has the same
 * structure and none of the lines the previous analysis read lies in `changed` (the lines edited since, in the new
 * coordinates; undefined when unknown); else a new analysis.
 */
export function reanalyze(
  previous: TrackedAnalysis | undefined,
  outline: Outline,
  changed: LineRange | undefined,
  config: Config,
  path: string,
): TrackedAnalysis {
  if (
    previous !== undefined &&
    previous.config === config &&
    previous.path === path &&
    (previous.outline === outline ||
      (changed !== undefined &&
        previous.reads !== undefined &&
        untouched(previous.reads, changed) &&
        sameStructure(previous.outline, outline)))
  ) {
    return previous.outline === outline ? previous : { ...previous, outline };
  }
  const tracked = track(outline);
  const analysis = analyze(tracked.view, config, path);
  return { analysis, outline, config, path, reads: tracked.readsCounts() ? undefined : tracked.reads };
}
