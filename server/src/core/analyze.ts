/** From an outline and a config to a profile and findings with severities: shared by the server and the CLI. */
import type { Severity } from './codes';
import type { Config } from './config';
import { matchGlob } from './glob';
import type { Outline } from './model';
import { compileProfile, CompiledProfile, detectProfile, matchSection, Profile } from './profiles';
import type { Finding } from './rule';
import { RULES } from './rules/index';

export interface Diagnosis extends Finding {
  readonly severity: Exclude<Severity, 'ignore'>;
}

export interface Analysis {
  readonly profile: Profile;
  readonly diagnostics: readonly Diagnosis[];
}

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
  for (const rule of RULES) {
    if (rule.codes.every((code) => config.severity[code] === 'ignore')) {
      continue;
    }
    rule.run(context, (finding) => {
      const severity = config.severity[finding.code];
      if (severity !== 'ignore') {
        diagnostics.push({ ...finding, severity });
      }
    });
  }
  return { profile, diagnostics };
}
