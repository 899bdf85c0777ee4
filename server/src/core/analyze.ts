/**
 * From an outline and a config to a profile and findings with severities: shared by the server and the CLI.
 *
 * Analysis is incremental. Each rule checks units of its scope (a section, a part's own text, a sibling group, the
 * document); a unit's findings depend only on the unit, which an outline built by `reparse` shares with the version
 * before, and on the lines the check read, which a view of the outline records. So after an edit that kept the
 * structure, only the units that read an edited line are checked again; the findings of the rest are kept. An edit
 * that changed the structure is analysed afresh. Both paths give the same findings (the equivalence tests check it).
 *
 * What is kept is bounded like what is sent: the report holds the first MAX_REPORTED findings in document order,
 * and units keep only findings up to a bound a little past the last reported one (a unit that dropped some says so;
 * when the report would need them again, the document is analysed afresh).
 */
import type { Code, Severity } from './codes';
import type { Config } from './config';
import { matchGlob } from './glob';
import type { Outline, Part, Section } from './model';
import { compileProfile, CompiledProfile, detectProfile, matchSection, Profile, SELF_INSPECTION, SELF_INSPECTION_ORG } from './profiles';
import type { DocumentContext, Finding, Fix, Rule, RuleContext } from './rule';
import { merged, readsAny, Recorder, sameOutsiders, spanOf, unitAt, unitsOf, unitsReading } from './reads';
import { NO_TITLE, ReviewContext, sameTitleFacts, TitleFacts, titleFacts, words } from './review';
import { PERSONAL_WORDS, TEAM_WORDS } from './rules/reviewFirstPerson';
import { RULES } from './rules/index';
import { firstOnOrAfter } from './search';

/** At most this many findings are reported per document, the first ones in document order. */
export const MAX_REPORTED = 1000;
/**
 * Findings kept besides the reported ones, so that an edit that removes a few reported findings still finds the
 * next ones kept (else the document is analysed afresh); past twice the slack (1,200 kept) the document is analysed
 * afresh too.
 */
const SLACK = 100;

export interface Diagnosis extends Finding {
  readonly severity: Exclude<Severity, 'ignore'>;
  /** Which rule reported it, on which of its scope's units (to build the fix from the current version). */
  readonly origin: { readonly rule: number; readonly unit: number };
}

export interface Made {
  readonly fresh: boolean;
  readonly units: number;
  readonly rules: readonly string[];
}

export interface Analysis {
  readonly profile: Profile;
  /** The findings, in document order, at most MAX_REPORTED. */
  readonly diagnostics: readonly Diagnosis[];
  /** True when the document has more findings than `diagnostics` holds. */
  readonly capped: boolean;
  /** How many findings the analysis holds (the reported ones and a few past them): what a document keeps. */
  readonly kept: number;
  /**
   * How it was made: afresh, or from the previous version's by checking `units` units again; `rules` names the
   * rules that checked a unit (every enabled one when afresh).
   */
  readonly made: Made;
  /** The fix of one of `diagnostics`, built now from this version's text; undefined when it has none. */
  fix(diagnosis: Diagnosis): Fix | undefined;
}

/** How much of the top of a document is read to detect its kind. */
const DETECT_LINES = 30;
const DETECT_CHARS = 4000;

/** The lines before the first heading that are read to detect the kind of a document and its title. */
function detectionLines(outline: Outline): number {
  return Math.min(outline.sections.length > 0 ? outline.sections[0].line : outline.lineCount, DETECT_LINES);
}

function detectionText(outline: Outline): string {
  let text = '';
  for (let i = 0; i < detectionLines(outline) && text.length < DETECT_CHARS; i++) {
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

/** What the title says (year, meeting, 班子), read from the top of the document. */
function titleOf(outline: Outline, settings: Profile['review']): TitleFacts {
  if (settings === undefined) {
    return NO_TITLE;
  }
  return titleFacts(outline, detectionLines(outline), words(TEAM_WORDS, settings, 'team'), PERSONAL_WORDS);
}

/**
 * The profile of a document: pinned by association or setting, else detected from its words and file name; a
 * detected self-inspection material is the 组织生活会 variant when that is the meeting being held.
 */
export function resolveProfile(outline: Outline, config: Config, path: string): Profile {
  const detected = pinnedOrDetected(outline, config, path);
  if (detected.pinned || detected.profile.id !== SELF_INSPECTION.id || titleOf(outline, detected.profile.review).meeting !== '组织生活会') {
    return detected.profile;
  }
  return config.profiles.find((p) => p.id === SELF_INSPECTION_ORG.id) ?? detected.profile;
}

function pinnedOrDetected(outline: Outline, config: Config, path: string): { profile: Profile; pinned: boolean } {
  const byId = (id: string) => config.profiles.find((p) => p.id === id);
  for (const [glob, id] of config.associations) {
    const p = matchGlob(glob, path) ? byId(id) : undefined;
    if (p !== undefined) {
      return { profile: p, pinned: true };
    }
  }
  const pinned = config.profile !== 'auto' ? byId(config.profile) : undefined;
  return pinned !== undefined
    ? { profile: pinned, pinned: true }
    : { profile: detectProfile(config.profiles, detectionText(outline), path.slice(path.lastIndexOf('/') + 1)), pinned: false };
}

interface UnitResult {
  /** The findings up to the report's bound. */
  readonly findings: readonly Diagnosis[];
  readonly reads: readonly number[];
  /** True when findings past the bound were dropped. */
  readonly trimmed: boolean;
  /** True when the unit read a line outside its span (see spanOf). */
  readonly outside: boolean;
}

const NO_FINDINGS: readonly Diagnosis[] = Object.freeze([]) as readonly Diagnosis[];
/** No findings and no recorded reads: a review rule's unit outside its parts, a line rule's line without findings. */
const NOTHING: UnitResult = Object.freeze({ findings: NO_FINDINGS, reads: [], trimmed: false, outside: false });
const CODE_ORDER = new Map<Code, number>();
RULES.forEach((rule) => rule.codes.forEach((code) => CODE_ORDER.set(code, CODE_ORDER.size)));

/** Document order; ties in the order the rules list their codes. */
function compare(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    a.character - b.character ||
    (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0) ||
    a.endLine - b.endLine ||
    a.endCharacter - b.endCharacter
  );
}

function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.code === b.code &&
    a.line === b.line &&
    a.character === b.character &&
    a.endLine === b.endLine &&
    a.endCharacter === b.endCharacter &&
    a.message.template === b.message.template &&
    a.message.args.length === b.message.args.length &&
    a.message.args.every((x, i) => x === b.message.args[i]) &&
    (a.fix === undefined) === (b.fix === undefined)
  );
}

/** Two lists of findings alike in all that is sent (positions, codes, severities, messages, whether there is a fix). */
export function sameFindings(a: readonly Diagnosis[], b: readonly Diagnosis[]): boolean {
  return a === b || (a.length === b.length && a.every((f, i) => f.severity === b[i].severity && sameFinding(f, b[i])));
}

/** Before or at the bound (a finding's start). */
function within(f: Finding, bound: Finding | undefined): boolean {
  return bound === undefined || compare(f, bound) <= 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The analysis of one version.

/** The profile and what the document-scope rules are given, with the lines read to find them. */
interface DocumentFacts {
  readonly profile: Profile;
  readonly compiled: CompiledProfile;
  readonly matches: readonly number[];
  /** What the title says, for the review rules. */
  readonly title: TitleFacts;
  /** What review rules are given; undefined when the profile does not review. */
  readonly review: ReviewContext | undefined;
  /** The lines read to find the profile and the title (the top of the document). */
  readonly detection: readonly number[];
  /** Those and the titles of the top-level sections. */
  readonly reads: readonly number[];
}

function matchOf(outline: Outline, facts: Pick<DocumentFacts, 'profile' | 'compiled'>, s: Section): number {
  return facts.profile.sections.length > 0 ? matchSection(facts.compiled, outline.titleOf(s).text) : -1;
}

function documentFacts(outline: Outline, config: Config, path: string, recorder: Recorder): DocumentFacts {
  const view = recorder.view(outline);
  const profile = resolveProfile(view, config, path);
  const title = titleOf(view, profile.review);
  const detection = recorder.take();
  const found = { profile, compiled: compiledOf(profile) };
  const matches = outline.sections.map((s) => matchOf(view, found, s));
  const titles = recorder.take();
  return {
    ...found,
    matches,
    title,
    review: reviewOf(outline, profile, matches, title),
    detection,
    reads: merged([...detection, ...titles]),
  };
}

/** The review context of a profile that reviews: its settings, the title, which part each section belongs to. */
function reviewOf(outline: Outline, profile: Profile, matches: readonly number[], title: TitleFacts): ReviewContext | undefined {
  const settings = profile.review;
  if (settings === undefined) {
    return undefined;
  }
  const compiled = compiledOf(profile);
  const roots = outline.sections;
  const byRoot = new Map<Section, string>();
  const byPart = new Map<string, Section[]>();
  roots.forEach((s, i) => {
    const id = matches[i] >= 0 ? profile.sections[matches[i]].id : undefined;
    if (id !== undefined) {
      byRoot.set(s, id);
      let list = byPart.get(id);
      if (list === undefined) {
        list = [];
        byPart.set(id, list);
      }
      list.push(s);
    }
  });
  return {
    settings,
    title,
    partOf(s) {
      let top = s;
      while (top.parent !== undefined) {
        top = top.parent;
      }
      return byRoot.get(top);
    },
    parts: (id) => byPart.get(id) ?? [],
    optional(text) {
      const m = matchSection(compiled, text);
      return m >= 0 && !profile.sections[m].required;
    },
  };
}

/**
 * The facts after an edit of lines from…to that kept the structure: found again when the top of the document was
 * edited, else only the matches of the top-level sections whose titles were.
 */
function updatedFacts(facts: DocumentFacts, outline: Outline, config: Config, path: string, from: number, to: number): DocumentFacts {
  if (readsAny(facts.detection, from, to)) {
    return documentFacts(outline, config, path, new Recorder());
  }
  let matches = facts.matches;
  const roots = outline.sections;
  for (let i = firstOnOrAfter(roots, from) - 1; i < roots.length && (i < 0 || roots[i].line <= to); i++) {
    if (i >= 0 && outline.titleOf(roots[i]).endLine + 1 >= from) {
      const m = matchOf(outline, facts, roots[i]);
      if (m !== matches[i]) {
        matches = matches === facts.matches ? matches.slice() : matches;
        (matches as number[])[i] = m;
      }
    }
  }
  return matches === facts.matches ? facts : { ...facts, matches, review: reviewOf(outline, facts.profile, matches, facts.title) };
}

class VersionAnalysis implements Analysis {
  readonly profile: Profile;
  readonly diagnostics: readonly Diagnosis[];
  readonly capped: boolean;

  constructor(
    readonly outline: Outline,
    readonly config: Config,
    readonly path: string,
    readonly facts: DocumentFacts,
    /** Per rule (undefined when all its codes are ignored), per unit of its scope. */
    readonly results: readonly (readonly UnitResult[] | undefined)[],
    report: { diagnostics: readonly Diagnosis[]; capped: boolean },
    readonly made: Made,
    /** The last finding kept (units keep nothing after it), or undefined when every finding is kept. */
    readonly bound: Diagnosis | undefined,
  ) {
    this.profile = facts.profile;
    this.diagnostics = report.diagnostics;
    this.capped = report.capped;
  }

  get kept(): number {
    let n = 0;
    for (const perUnit of this.results) {
      for (const r of perUnit ?? []) {
        n += r.findings.length;
      }
    }
    return n;
  }

  fix(diagnosis: Diagnosis): Fix | undefined {
    const rule = RULES[diagnosis.origin.rule];
    const unit = rule !== undefined ? unitAt(unitsOf(this.outline), rule.scope, diagnosis.origin.unit) : undefined;
    if (unit === undefined) {
      return undefined;
    }
    let found: Finding | undefined;
    check(rule, unit, this.outline, this.facts, (f) => {
      if (found === undefined && sameFinding(f, diagnosis)) {
        found = f;
      }
      return found === undefined;
    });
    const offer = found?.fix;
    const edits = offer?.build() ?? [];
    return offer !== undefined && edits.length > 0 ? { title: offer.title, edits } : undefined;
  }
}

/** Runs one rule on one unit. */
function check(rule: Rule, unit: unknown, outline: Outline, facts: DocumentFacts, report: (f: Finding) => boolean): void {
  if (rule.parts !== undefined && !inParts(rule.parts, rule.scope, unit, facts.review)) {
    return;
  }
  const context: RuleContext = { outline, review: facts.review };
  switch (rule.scope) {
    case 'section':
      return rule.check(unit as Section, context, report);
    case 'text':
      return rule.check(unit as Part, context, report);
    case 'siblings':
      return rule.check(unit as readonly Section[], context, report);
    case 'line':
      return rule.check(unit as number, context, report);
    case 'document': {
      // the unit is the document; the rule reads it through the (recording) view
      const documentContext: DocumentContext = { ...context, profile: facts.compiled, matches: facts.matches };
      return rule.check(outline, documentContext, report);
    }
  }
}

/** Whether a review rule checks a unit: the profile reviews, and the unit is in one of the rule's parts. */
function inParts(parts: readonly string[], scope: Rule['scope'], unit: unknown, review: ReviewContext | undefined): boolean {
  if (review === undefined) {
    return false;
  }
  if (scope === 'document' || parts.includes('*')) {
    return true;
  }
  const section = scope === 'siblings' ? (unit as readonly Section[])[0] : (unit as Part);
  const part = 'line' in section ? review.partOf(section as Section) : undefined;
  return part !== undefined && parts.includes(part);
}

/** Runs one rule on one unit through a recording view: its findings up to `bound`, with severities, and its reads. */
function run(
  ruleIndex: number,
  unitIndex: number,
  unit: unknown,
  outline: Outline,
  config: Config,
  facts: DocumentFacts,
  recorder: Recorder,
  bound: Diagnosis | undefined,
): UnitResult {
  const rule = RULES[ruleIndex];
  if (rule.parts !== undefined && !inParts(rule.parts, rule.scope, unit, facts.review)) {
    return NOTHING; // a review rule outside its parts reads nothing: no view made
  }
  let findings: Diagnosis[] | undefined;
  let trimmed = false;
  check(rule, unit, recorder.view(outline), facts, (finding) => {
    const severity = config.severity[finding.code];
    if (severity === 'ignore') {
      return true;
    }
    if (!within(finding, bound)) {
      trimmed = true;
      return false;
    }
    (findings ??= []).push({ ...finding, severity, origin: { rule: ruleIndex, unit: unitIndex } });
    return true;
  });
  const reads = recorder.take();
  const span = spanOf(rule.scope, unit);
  const outside = span === undefined || (reads.length > 0 && (reads[0] < span.from || reads[reads.length - 1] > span.to));
  return { findings: findings ?? NO_FINDINGS, reads, trimmed, outside };
}

/**
 * Every kept finding in document order (stable: rule order, then unit order), and the report: the first
 * MAX_REPORTED of them.
 */
function reportOf(results: readonly (readonly UnitResult[] | undefined)[]): {
  all: Diagnosis[];
  diagnostics: Diagnosis[];
  capped: boolean;
} {
  const all: Diagnosis[] = [];
  let trimmed = false;
  for (const perUnit of results) {
    for (const r of perUnit ?? []) {
      trimmed ||= r.trimmed;
      for (const f of r.findings) {
        all.push(f);
      }
    }
  }
  all.sort(compare);
  return { all, diagnostics: all.length > MAX_REPORTED ? all.slice(0, MAX_REPORTED) : all, capped: trimmed || all.length > MAX_REPORTED };
}

function enabled(rule: Rule, config: Config): boolean {
  return rule.codes.some((code) => config.severity[code] !== 'ignore');
}

/** Keeps a unit's findings up to the bound. */
function trim(result: UnitResult, bound: Diagnosis | undefined): UnitResult {
  if (bound === undefined || result.findings.every((f) => within(f, bound))) {
    return result;
  }
  return { ...result, findings: result.findings.filter((f) => within(f, bound)), trimmed: true };
}

/**
 * A line rule on every line of a fresh analysis: it reads its own line only (LineRule), so it runs without a
 * recording view, and the many lines without findings share one result.
 */
function runLines(ruleIndex: number, outline: Outline, config: Config, facts: DocumentFacts): UnitResult[] {
  const rule = RULES[ruleIndex];
  const results: UnitResult[] = new Array<UnitResult>(outline.lineCount);
  for (let l = 0; l < outline.lineCount; l++) {
    let findings: Diagnosis[] | undefined;
    check(rule, l, outline, facts, (finding) => {
      const severity = config.severity[finding.code];
      if (severity !== 'ignore') {
        (findings ??= []).push({ ...finding, severity, origin: { rule: ruleIndex, unit: l } });
      }
      return true;
    });
    results[l] = findings === undefined ? NOTHING : { findings, reads: [l, l], trimmed: false, outside: false };
  }
  return results;
}

/** Every enabled rule on every unit of its scope: the facts of the document and each rule's results per unit. */
function runAll(outline: Outline, config: Config, path: string): { facts: DocumentFacts; results: (UnitResult[] | undefined)[] } {
  const recorder = new Recorder();
  const facts = documentFacts(outline, config, path, recorder);
  const units = unitsOf(outline);
  const results = RULES.map((rule, r) => {
    if (!enabled(rule, config)) {
      return undefined;
    }
    return rule.scope === 'line'
      ? runLines(r, outline, config, facts)
      : units[rule.scope].map((unit, u) => run(r, u, unit, outline, config, facts, recorder, undefined));
  });
  return { facts, results };
}

/**
 * Every finding of the outline in document order, none left out past MAX_REPORTED: for fix-all, which must reach
 * the fixable findings behind a thousand that have no fix.
 */
export function allFindings(outline: Outline, config: Config, path: string): readonly Diagnosis[] {
  return reportOf(runAll(outline, config, path).results).all;
}

/** A fresh analysis of an outline. */
export function analyze(outline: Outline, config: Config, path: string): VersionAnalysis {
  const { facts, results } = runAll(outline, config, path);
  const report = reportOf(results);
  const bound = report.all.length > MAX_REPORTED + SLACK ? report.all[MAX_REPORTED + SLACK - 1] : undefined;
  const kept = bound === undefined ? results : results.map((perUnit) => perUnit?.map((r) => trim(r, bound)));
  const made = {
    fresh: true,
    units: results.reduce((n, r) => n + (r?.length ?? 0), 0),
    rules: RULES.filter((_, r) => results[r] !== undefined).map((rule) => rule.id),
  };
  return new VersionAnalysis(outline, config, path, facts, kept, report, made, bound);
}

/** A range of lines, inclusive, in the coordinates of the newer version. */
export interface LineRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The analysis of `outline`, from `previous` when it can be: same config and path, and `outline` shares the
 * previous outline's structure (built by `reparse`), with `changed` the lines edited since. Only the units that read
 * a changed line are checked again (all document-scope units when the profile or the parts it finds changed).
 */
export function reanalyze(
  previous: Analysis | undefined,
  outline: Outline,
  changed: LineRange | undefined,
  config: Config,
  path: string,
): Analysis {
  if (
    !(previous instanceof VersionAnalysis) ||
    previous.config !== config ||
    previous.path !== path ||
    changed === undefined ||
    previous.outline.all !== outline.all ||
    previous.outline.root !== outline.root
  ) {
    return analyze(outline, config, path);
  }
  if (previous.outline === outline) {
    return previous;
  }
  const { from, to } = changed;
  const recorder = new Recorder();
  let facts = previous.facts;
  let documentChanged = false;
  if (readsAny(facts.reads, from, to)) {
    facts = updatedFacts(facts, outline, config, path, from, to);
    documentChanged =
      facts.profile !== previous.facts.profile ||
      !sameTitleFacts(facts.title, previous.facts.title) ||
      facts.matches.length !== previous.facts.matches.length ||
      facts.matches.some((m, i) => m !== previous.facts.matches[i]);
  }
  const bound = previous.bound;
  const units = unitsOf(outline);
  let findingsChanged = false;
  let rechecked = 0;
  const ran = new Set<string>();
  const results = previous.results.map((perUnit, r) => {
    if (perUnit === undefined) {
      return undefined;
    }
    const rule = RULES[r];
    let copy: UnitResult[] | undefined;
    let sameOutside = true;
    for (const u of (rule.scope === 'document' || rule.parts !== undefined) && documentChanged
      ? perUnit.map((_, k) => k)
      : unitsReading(rule.scope, perUnit, previous.outline, from, to)) {
      const old = perUnit[u];
      const now = run(r, u, unitAt(units, rule.scope, u), outline, config, facts, recorder, bound);
      rechecked++;
      ran.add(rule.id);
      (copy ??= perUnit.slice())[u] = now;
      findingsChanged ||= !sameFindings(old.findings, now.findings);
      sameOutside &&= old.outside === now.outside;
    }
    if (copy === undefined) {
      return perUnit;
    }
    if (sameOutside) {
      sameOutsiders(perUnit, copy); // the same units read outside their spans
    }
    return copy;
  });
  const made = { fresh: false, units: rechecked, rules: [...ran] };
  if (!findingsChanged) {
    return new VersionAnalysis(outline, config, path, facts, results, previous, made, bound);
  }
  const report = reportOf(results);
  if ((report.all.length < MAX_REPORTED && report.capped) || report.all.length > MAX_REPORTED + 2 * SLACK) {
    // findings dropped past the bound are needed again, or many were added before it: the document afresh
    return analyze(outline, config, path);
  }
  return new VersionAnalysis(outline, config, path, facts, results, report, made, bound);
}
