/**
 * gongwen-outline: the outline and the checks from a terminal, on the same core as the server.
 *   gongwen-outline outline [--json] [--encoding NAME] [--] FILE|DIR|GLOB…
 *   gongwen-outline check [--format text|json] [--exit-zero] [--severity LEVEL] [--encoding NAME] [--fix | --diff] [--] FILE|DIR|GLOB…
 *   gongwen-outline similar [--format text|json] [--min-chars N] [--encoding NAME] [--] FILE|DIR|GLOB…
 * Exit codes: 0 no error, 1 an error-severity diagnostic, 2 bad usage or a file that could not be read (the other
 * files are still read and reported).
 */
import { Dirent, existsSync, readdirSync, readFileSync, Stats, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import * as l10n from '@vscode/l10n';
import { analyze, MAX_REPORTED, resolveProfile } from './core/analyze';
import type { Code, Severity } from './core/codes';
import { Config, CONFIG_MESSAGES, DEFAULT_CONFIG, resolveConfig } from './core/config';
import { matchGlob } from './core/glob';
import { LineTable } from './core/lines';
import type { Outline, Section } from './core/model';
import { parse } from './core/parser';
import { samePersonEarlierYear, SimilarIndex, similarFindings } from './core/similar';
import { Encoding, encodingNamed } from './input/decode';
import { encodeChanged } from './input/encode';
import { documentText } from './input/read';
import { fixAll, FixAllResult } from './core/fixAll';
import { unifiedDiff } from './diff';
import { ChangedMeanwhile, writeAtomically } from './node/write';
import { readBundle } from './node/bundles';
import { localeFromEnv } from './service/locale';
import {
  describeError,
  FILE_MESSAGES,
  FileError,
  MAX_CONFIG_BYTES,
  MAX_DOCUMENT_BYTES,
  notRegular,
  READ_DEADLINE_MS,
  readRegularFile,
} from './node/files';
import { localizeMessage } from './service/localize';

const EXTENSIONS = /\.(txt|md|markdown|gongwen|gw|docx)$/i;

/** Bad usage: nothing is read, exit 2 with the message. */
class UsageError extends Error {}

/** One input that cannot be read or used: said on stderr, the others go on, exit 2 at the end. */
class InputError extends Error {}

/** Messages of the command line (English keys of the l10n bundle). */
const CLI_MESSAGES = {
  cannotList: 'Cannot list the folder {0}: {1}',
  loop: '{0} leads back to {1}, a folder it is in (a symbolic link loop); it is not followed.',
  fileProblem: '{0}: {1}',
  noDocuments: 'No documents (.txt, .md, .gongwen, .docx) in {0}.',
  noMatch: 'No file matches {0}.',
  unknownOption: 'Unknown option --{0}.',
  missingValue: 'Option --{0} needs a value.',
  badFormat: '--format must be text or json.',
  badSeverity: '--severity must be error, warning, information or hint.',
  badEncoding: '--encoding must be one of utf-8, utf-16le, utf-16be, gb18030 (or gbk).',
  summary: '{0} checked: {1}, {2}.',
  filesOne: '{0} file',
  filesMany: '{0} files',
  problemsOne: '{0} problem',
  problemsMany: '{0} problems',
  errorsOne: '{0} error',
  errorsMany: '{0} errors',
  unreadable: '{0} could not be read (see above).',
  moreHelp: "Run 'gongwen-outline --help' for the options and exit codes.",
  // check --fix / --diff
  fixedFile: '{0}: {1} fixed.',
  notConverged: '{0}: fixes were still found after {1} rounds; the text of the last round is used.',
  wordNotWritten: '{0}: {1} not fixed: a Word file (.docx) is never written. Fix it in Word, or save it as text and fix that.',
  cannotEncode: '{0}: not written: the fixed text cannot be written back as {1} without changing other characters.',
  changedMeanwhile: '{0}: not written: the file changed while it was being fixed. Run the command again.',
  cannotWrite: '{0}: not written: {1}',
  diffJson: '--diff prints a unified diff; it cannot be combined with --format json.',
  badMinChars: '--min-chars must be a whole number from 10 to 100000.',
  similarPair: '{0} and {1}: {2} % of the smaller material shared',
  similarPassage: '  line {0} and line {1}: {2} characters',
  similarSummary: '{0} compared: {1}.',
  pairsOne: '{0} pair sharing passages',
  pairsMany: '{0} pairs sharing passages',
  help: `Usage: gongwen-outline COMMAND [OPTIONS] [--] FILE|DIR|GLOB…

The outline and the checks of Chinese official documents (公文), the same as in the editor.

Commands:
  outline   print the outline of each document (headings and their line ranges)
  check     check the documents; findings sorted by file and line, then a summary
  similar   list the pairs of documents sharing paragraphs (review.similar): the share of
            the smaller one and the passages with their lines
  help      print this help

Options:
  --json               outline: print JSON; one file argument gives { profile, sections },
                       several files, a folder or a glob give [{ file, profile, sections }]
  --format text|json   check: the output format (default text: FILE:LINE:COLUMN: severity code message)
  --exit-zero          check: exit 0 even when an error is found
  --fix                check: apply every safe fix (numbering, markers, typography; no heading inserted)
                       and write the files back in their encoding; says how many fixes in which files
  --diff               check: print the fixes as a unified diff instead of writing them
  --severity LEVEL     check: the least severity shown: error, warning, information (default) or
                       hint (the hints of the review of self-inspection materials)
  --min-chars N        similar: paragraphs of at least N characters are compared (default 50)
  --encoding NAME      read text files as utf-8, utf-16le, utf-16be or gb18030 (gbk); default: detected
  --version            print the version
  --                   end of options: every argument after it is a file

Inputs: files (.txt .md .gongwen .gw .docx), folders (the documents in them, hidden folders and
node_modules left out) and globs the shell did not expand (matched under the current directory).
Text is read as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK when it is not UTF-8.
A Word .docx is read directly: one line per paragraph, Word's automatic numbering written as text;
its positions are paragraph numbers (FILE:PARAGRAPH:). File names with control characters (a
newline) are printed quoted as JSON strings.

Settings: the nearest .gongwen.json at or above the file's folder, never above the nearest folder
holding .git (or above the current directory when there is none); its profileAssociations globs
match the file's path relative to the folder holding that .gongwen.json.

review.similar: check compares each document with those in its folder and below (and the same
person's material of another year); similar compares all the documents it is given.

Exit codes:
  0   no error-severity finding (similar: no pair)
  1   check found an error-severity finding (and --exit-zero was not given); with --fix or
      --diff, one that is left after the fixes; similar found a pair
  2   bad usage, or a file could not be read (the other files are still read and reported),
      or a fixed file could not be written

Environment:
  LC_ALL, LC_MESSAGES, LANG   the first one set chooses the language of messages: Chinese when it
                              starts with zh (e.g. zh_CN.UTF-8), English otherwise`,
} as const;

const t = l10n.t;

function setupLocale(): void {
  const locale = localeFromEnv(process.env);
  const bundle = locale?.startsWith('zh') ? readBundle(locale) : undefined;
  if (bundle !== undefined) {
    l10n.config({ contents: bundle });
  }
}

/** A file name as printed in text output: quoted as a JSON string when it holds a control character (a newline). */
export function shown(file: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(file) ? JSON.stringify(file) : file;
}

interface Read {
  text: string;
  /** A .docx: positions are paragraph numbers. */
  paragraphs: boolean;
  /** The bytes read, and how they were decoded (to write fixes back in the same form). */
  bytes: Buffer;
  encoding: Encoding | 'docx';
  bom: boolean;
}

/** Reads a document (text in any encoding of SPEC §11, or .docx); a file that is not one is a InputError. */
export async function readDocument(file: string, encoding?: Encoding): Promise<Read> {
  let bytes: Buffer;
  try {
    // a regular file only (never a FIFO, a device or a folder), up to a size, within a deadline
    bytes = await readRegularFile(file, { maxBytes: MAX_DOCUMENT_BYTES, deadlineMs: READ_DEADLINE_MS });
  } catch (e) {
    throw new InputError(e instanceof FileError ? localizeMessage(t, e.problem) : String(e));
  }
  const result = documentText(file, bytes, encoding);
  if (!result.ok) {
    throw new InputError(t(CLI_MESSAGES.fileProblem, shown(file), localizeMessage(t, result.message)));
  }
  return { text: result.text, paragraphs: result.paragraphs, bytes, encoding: result.encoding, bom: result.bom };
}

/** `dev:ino`, the identity of a folder however it is reached. */
const identity = (s: Stats): string => `${s.dev}:${s.ino}`;

/**
 * The documents under a folder, sorted by name. Symbolic links are followed; a link back to a folder being walked
 * (a loop), a folder that cannot be listed and an entry that cannot be read are reported through `problem`, and the
 * walk goes on with the rest. A folder reached a second time by another link is not walked again.
 */
function walk(dir: string, out: string[], problem: (text: string) => void, ancestors: Map<string, string>, seen: Set<string>): void {
  let id: string;
  let entries: Dirent[];
  try {
    id = identity(statSync(dir));
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problem(t(CLI_MESSAGES.cannotList, shown(dir), describeError(e)));
    return;
  }
  const loop = ancestors.get(id);
  if (loop !== undefined) {
    problem(t(CLI_MESSAGES.loop, shown(dir), shown(loop)));
    return;
  } else if (seen.has(id)) {
    return;
  }
  seen.add(id);
  ancestors.set(id, dir);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    const document = EXTENSIONS.test(entry.name);
    let s: Dirent | Stats = entry;
    // a link is followed; a FIFO, device or socket under a document's name is looked at, to be named
    if (entry.isSymbolicLink() || (document && !entry.isFile() && !entry.isDirectory())) {
      try {
        s = statSync(path);
      } catch (e) {
        // a link that leads nowhere is worth a word only when it was meant to be a document
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || document) {
          problem(t(FILE_MESSAGES.cannotRead, shown(path), describeError(e)));
        }
        continue;
      }
    }
    if (s.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') {
        walk(path, out, problem, ancestors, seen);
      }
    } else if (document && s.isFile()) {
      out.push(path);
    } else if (document) {
      problem(t(s instanceof Stats ? notRegular(s) : FILE_MESSAGES.special, shown(path)));
    }
  }
  ancestors.delete(id);
}

/** The documents under a folder (see walk). */
function documentsIn(dir: string, problem: (text: string) => void): string[] {
  const found: string[] = [];
  walk(dir, found, problem, new Map(), new Set());
  return found;
}

/**
 * Files, folders (documents inside them) and globs the shell did not expand. What cannot be read, listed or found is
 * reported through `problem` and the rest goes on.
 */
export function expandInputs(inputs: readonly string[], problem: (message: string) => void): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let s: Stats | undefined;
    let error: unknown;
    try {
      s = statSync(input);
    } catch (e) {
      error = e;
    }
    if (s?.isDirectory()) {
      let problems = 0;
      const found = documentsIn(input, (text) => {
        problems++;
        problem(text);
      });
      if (found.length === 0 && problems === 0) {
        problem(t(CLI_MESSAGES.noDocuments, shown(input)));
      }
      files.push(...found);
    } else if (s !== undefined) {
      files.push(input); // a regular file, or something readDocument refuses by name
    } else if (/[*?]/.test(input) && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      const matched = documentsIn('.', problem).filter((f) => matchGlob(input.replace(/^\.\//, ''), relative('.', f).split(sep).join('/')));
      if (matched.length === 0) {
        problem(t(CLI_MESSAGES.noMatch, shown(input)));
      }
      files.push(...matched);
    } else {
      problem(t(FILE_MESSAGES.cannotRead, shown(input), describeError(error)));
    }
  }
  return [...new Set(files)];
}

/** Whether `dir` is `root` or inside it (absolute paths). */
function within(dir: string, root: string): boolean {
  const r = relative(root, dir);
  return r === '' || (r !== '..' && !r.startsWith('..' + sep) && !isAbsolute(r));
}

/**
 * How far up the search for .gongwen.json goes from `dir`: the nearest folder at or above it holding `.git`, else
 * the current directory when `dir` is inside it, else `dir` alone (a file outside the current directory).
 */
export function configBoundary(dir: string, cwd: string): string {
  for (let d = dir; ;) {
    if (existsSync(join(d, '.git'))) {
      return d;
    }
    const parent = dirname(d);
    if (parent === d) {
      break;
    }
    d = parent;
  }
  return within(dir, cwd) ? cwd : dir;
}

/** Settings of one .gongwen.json (or the defaults), read once per run. */
const configs = new Map<string, Config | InputError>();

function configFile(candidate: string): Config | InputError {
  let config = configs.get(candidate);
  if (config === undefined) {
    try {
      const stats = statSync(candidate);
      if (!stats.isFile() || stats.size > MAX_CONFIG_BYTES) {
        // a FIFO, a device (a link to /dev/zero) or a huge file: never opened
        throw new Error(
          stats.isFile() ? t(FILE_MESSAGES.tooLarge, shown(candidate), MAX_CONFIG_BYTES) : t(notRegular(stats), shown(candidate)),
        );
      }
      const value: unknown = JSON.parse(readFileSync(candidate, 'utf8'));
      const resolved = resolveConfig([{ name: candidate, value }]);
      for (const p of resolved.problems) {
        process.stderr.write(`gongwen-outline: ${localizeMessage(t, p)}\n`);
      }
      config = resolved.config;
    } catch (e) {
      config = new InputError(t(CONFIG_MESSAGES.invalidJson, shown(candidate), e instanceof Error ? e.message : String(e)));
    }
    configs.set(candidate, config);
  }
  return config;
}

/**
 * The settings of a file and its path for profileAssociations: the nearest .gongwen.json at or above the file's
 * folder, up to configBoundary; the path is relative to the folder holding it ('/'-separated), however it was typed.
 */
export function loadConfig(file: string, cwd = process.cwd()): { config: Config; path: string } {
  const absolute = resolve(cwd, file);
  const start = dirname(absolute);
  const boundary = configBoundary(start, cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, '.gongwen.json');
    if (existsSync(candidate)) {
      const config = configFile(candidate);
      if (config instanceof InputError) {
        throw config;
      }
      return { config, path: relative(dir, absolute).split(sep).join('/') };
    }
    if (dir === boundary || dirname(dir) === dir) {
      return { config: DEFAULT_CONFIG, path: relative(boundary, absolute).split(sep).join('/') };
    }
  }
}

interface JsonSection {
  level: number;
  marker: string;
  number: number;
  title: string;
  line: number;
  endLine: number;
  children: JsonSection[];
}

function toJson(outline: Outline, s: Section): JsonSection {
  return {
    level: s.level,
    marker: s.marker.text.trim(),
    number: s.marker.number,
    title: outline.titleOf(s).text,
    line: s.line,
    endLine: outline.endOf(s),
    children: s.children.map((c) => toJson(outline, c)),
  };
}

function printTree(outline: Outline, sections: readonly Section[], indent: string, out: string[]): void {
  for (const s of sections) {
    out.push(`${indent}${s.marker.text.trim()}${outline.titleOf(s).text}  (${s.line + 1}–${outline.endOf(s) + 1})`);
    printTree(outline, s.children, indent + '  ', out);
  }
}

interface Options {
  files: string[];
  flags: Map<string, string | true>;
}

/** `--name`, `--name=value`, `--name value` for the options that take one; `--` ends the options. */
function parseArgs(args: string[], allowed: readonly string[], withValue: readonly string[]): Options {
  const files: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (!allowed.includes(name)) {
      throw new UsageError(t(CLI_MESSAGES.unknownOption, name));
    }
    if (withValue.includes(name)) {
      const value = eq < 0 ? args[++i] : a.slice(eq + 1);
      if (value === undefined || value === '') {
        throw new UsageError(t(CLI_MESSAGES.missingValue, name));
      }
      flags.set(name, value);
    } else {
      flags.set(name, true);
    }
  }
  if (files.length === 0) {
    throw new UsageError(usage());
  }
  return { files, flags };
}

function encodingOption(flags: Map<string, string | true>): Encoding | undefined {
  const name = flags.get('encoding');
  if (typeof name !== 'string') {
    return undefined;
  }
  const encoding = encodingNamed(name);
  if (encoding === undefined) {
    throw new UsageError(t(CLI_MESSAGES.badEncoding));
  }
  return encoding;
}

function usage(): string {
  return `${t(CLI_MESSAGES.help).split('\n\n')[0]}\n${t(CLI_MESSAGES.moreHelp)}`;
}

/** Each readable file once, sorted by name; each unreadable one said on stderr. */
async function readAll<T>(
  args: string[],
  flags: Map<string, string | true>,
  writeErr: (s: string) => void,
  use: (file: string, read: Read) => T,
): Promise<{ results: T[]; failed: number }> {
  const encoding = encodingOption(flags);
  let failed = 0;
  const problem = (message: string): void => {
    failed++;
    writeErr(`gongwen-outline: ${message}\n`);
  };
  const files = expandInputs(args, problem).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const results: T[] = [];
  for (const file of files) {
    try {
      results.push(use(file, await readDocument(file, encoding)));
    } catch (e) {
      if (!(e instanceof InputError)) {
        throw e;
      }
      problem(e.message);
    }
  }
  return { results, failed };
}

function outlineOf(text: string): Outline {
  return parse(LineTable.of(text));
}

async function runOutline(args: string[], write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  const { files, flags } = parseArgs(args, ['json', 'encoding'], ['encoding']);
  const { results, failed } = await readAll(files, flags, writeErr, (file, read) => {
    const outline = outlineOf(read.text);
    const { config, path } = loadConfig(file);
    return { file, outline, profile: resolveProfile(outline, config, path).id };
  });
  if (flags.has('json') && results.length > 0) {
    const json = results.map((r) => ({ file: r.file, profile: r.profile, sections: r.outline.sections.map((s) => toJson(r.outline, s)) }));
    // the shape follows the arguments, not what was found: one file argument gives an object, anything else a list
    const oneFile = files.length === 1 && existsSync(files[0]) && !statSync(files[0]).isDirectory();
    write(JSON.stringify(oneFile ? { profile: json[0].profile, sections: json[0].sections } : json, null, 2) + '\n');
  } else {
    for (const r of results) {
      const out: string[] = [`${shown(r.file)} [${r.profile}]`];
      printTree(r.outline, r.outline.sections, '  ', out);
      write(out.join('\n') + '\n');
    }
  }
  return failed > 0 ? 2 : 0;
}

/** Severities from the least to the most severe, as --severity names them. */
const SHOWN: readonly Severity[] = ['hint', 'information', 'warning', 'error'];

const plural = (n: number, one: string, many: string): string => t(n === 1 ? one : many, n);

/** The fixed text of a file written back in its form; a message saying why not, or undefined when it was written. */
function writeFixed(file: string, read: Read, result: FixAllResult): string | undefined {
  if (read.encoding === 'docx') {
    return t(CLI_MESSAGES.wordNotWritten, shown(file), plural(result.fixed, CLI_MESSAGES.problemsOne, CLI_MESSAGES.problemsMany));
  }
  const bytes = encodeChanged({ bytes: read.bytes, text: read.text, encoding: read.encoding, bom: read.bom }, result.changes);
  if (bytes === undefined) {
    return t(CLI_MESSAGES.cannotEncode, shown(file), read.encoding.toUpperCase());
  }
  try {
    writeAtomically(file, bytes, read.bytes);
    return undefined;
  } catch (e) {
    return e instanceof ChangedMeanwhile
      ? t(CLI_MESSAGES.changedMeanwhile, shown(file))
      : t(CLI_MESSAGES.cannotWrite, shown(file), describeError(e));
  }
}

async function runCheck(args: string[], write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  const { files, flags } = parseArgs(
    args,
    ['format', 'exit-zero', 'encoding', 'severity', 'fix', 'diff'],
    ['format', 'encoding', 'severity'],
  );
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(t(CLI_MESSAGES.badFormat));
  }
  const diff = flags.has('diff');
  const fix = flags.has('fix') && !diff;
  if (diff && format === 'json') {
    throw new UsageError(t(CLI_MESSAGES.diffJson));
  }
  let unwritten = 0;
  // the least severity shown (SPEC §12): hints only when asked for
  const least = SHOWN.indexOf((flags.get('severity') ?? 'information') as Severity);
  if (least < 0) {
    throw new UsageError(t(CLI_MESSAGES.badSeverity));
  }
  const { results: report, failed } = await readAll(files, flags, writeErr, (file, read) => {
    const { config, path } = loadConfig(file);
    let text = read.text;
    let fixed = 0;
    if (fix || diff) {
      const result = fixAll(read.text, config, path);
      if (!result.converged) {
        writeErr(`gongwen-outline: ${t(CLI_MESSAGES.notConverged, shown(file), result.rounds)}\n`);
      }
      const problem = diff || result.edits.length === 0 ? undefined : writeFixed(file, read, result);
      if (problem !== undefined) {
        unwritten++;
        writeErr(`gongwen-outline: ${problem}\n`);
      } else {
        text = result.text;
        fixed = result.fixed;
      }
      if (diff) {
        write(unifiedDiff(shown(file), read.text, result.text, result.edits));
      }
    }
    const outline = outlineOf(text);
    const analysis = analyze(outline, config, path);
    const diagnostics = analysis.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      line: d.line,
      character: d.character,
      endLine: d.endLine,
      endCharacter: d.endCharacter,
      message: localizeMessage(t, d.message),
    }));
    return { file, paragraphs: read.paragraphs, diagnostics, fixed, outline, config };
  });
  addSimilar(report);
  for (const r of report) {
    // review.similar merged in document order; the report keeps the first MAX_REPORTED
    r.diagnostics = r.diagnostics
      .filter((d) => SHOWN.indexOf(d.severity) >= least)
      .sort((a, b) => a.line - b.line || a.character - b.character)
      .slice(0, MAX_REPORTED);
  }
  const total = report.reduce((n, r) => n + r.diagnostics.length, 0);
  const errors = report.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  // with --diff, the diff alone is printed
  if (!diff && report.length > 0 && format === 'json') {
    write(
      JSON.stringify(
        report.map(({ file, diagnostics, fixed }) => (fix ? { file, fixed, diagnostics } : { file, diagnostics })),
        null,
        2,
      ) + '\n',
    );
  } else if (!diff && report.length > 0) {
    for (const r of report) {
      if (r.fixed > 0) {
        write(t(CLI_MESSAGES.fixedFile, shown(r.file), plural(r.fixed, CLI_MESSAGES.problemsOne, CLI_MESSAGES.problemsMany)) + '\n');
      }
      for (const d of r.diagnostics) {
        const where = r.paragraphs ? `${d.line + 1}` : `${d.line + 1}:${d.character + 1}`;
        write(`${shown(r.file)}:${where}: ${d.severity} ${d.code} ${d.message}\n`);
      }
    }
    const counts = [
      plural(report.length, CLI_MESSAGES.filesOne, CLI_MESSAGES.filesMany),
      plural(total, CLI_MESSAGES.problemsOne, CLI_MESSAGES.problemsMany),
      plural(errors, CLI_MESSAGES.errorsOne, CLI_MESSAGES.errorsMany),
    ];
    write(t(CLI_MESSAGES.summary, ...counts) + '\n');
  }
  if (failed > 0) {
    writeErr(`gongwen-outline: ${t(CLI_MESSAGES.unreadable, plural(failed, CLI_MESSAGES.filesOne, CLI_MESSAGES.filesMany))}\n`);
  }
  if (failed > 0 || unwritten > 0) {
    return 2;
  }
  return errors > 0 && !flags.has('exit-zero') ? 1 : 0;
}

/** Whether `a` and `b` are in one folder tree: the folder of one holds the other (SPEC §12). */
function sameTree(a: string, b: string): boolean {
  const da = dirname(resolve(a));
  const db = dirname(resolve(b));
  return within(da, db) || within(db, da);
}

/** check: review.similar across the documents checked, each compared with its folder tree and its earlier years. */
function addSimilar(
  report: {
    file: string;
    outline: Outline;
    config: Config;
    diagnostics: {
      code: Code;
      severity: Severity;
      line: number;
      character: number;
      endLine: number;
      endCharacter: number;
      message: string;
    }[];
  }[],
): void {
  const on = report.filter((r) => r.config.severity['review.similar'] !== 'ignore');
  if (on.length < 2) {
    return;
  }
  const index = new SimilarIndex({
    minChars: on[0].config.similarMinChars,
    related: (a, b) => sameTree(a, b) || samePersonEarlierYear(basename(a), basename(b)),
  });
  for (const r of on) {
    index.set(r.file, { outline: r.outline, themes: r.config.similarThemes });
  }
  for (const r of on) {
    for (const f of similarFindings(index.matchesOf(r.file), shown)) {
      r.diagnostics.push({
        code: 'review.similar',
        severity: r.config.severity['review.similar'],
        line: f.line,
        character: f.character,
        endLine: f.line,
        endCharacter: f.endCharacter,
        message: localizeMessage(t, f.message),
      });
    }
  }
}

async function runSimilar(args: string[], write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  const { files, flags } = parseArgs(args, ['format', 'min-chars', 'encoding'], ['format', 'min-chars', 'encoding']);
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(t(CLI_MESSAGES.badFormat));
  }
  const minOption = flags.get('min-chars');
  const minChars = typeof minOption === 'string' ? Number(minOption) : undefined;
  if (minChars !== undefined && !(Number.isInteger(minChars) && minChars >= 10 && minChars <= 100_000)) {
    throw new UsageError(t(CLI_MESSAGES.badMinChars));
  }
  const { results, failed } = await readAll(files, flags, writeErr, (file, read) => ({
    file,
    outline: outlineOf(read.text),
    config: loadConfig(file).config,
  }));
  const index = new SimilarIndex({ related: () => true, minChars: minChars ?? results[0]?.config.similarMinChars });
  for (const r of results) {
    index.set(r.file, { outline: r.outline, themes: r.config.similarThemes });
  }
  const pairs = index.allPairs().map((p) => ({
    a: p.a,
    b: p.b,
    share: Math.round(p.share * 1000) / 1000,
    passages: p.passages.map((x) => ({ aLine: x.aLine + 1, bLine: x.bLine + 1, chars: x.chars })),
  }));
  if (format === 'json') {
    write(JSON.stringify(pairs, null, 2) + '\n');
  } else {
    for (const p of pairs) {
      write(t(CLI_MESSAGES.similarPair, shown(p.a), shown(p.b), Math.round(p.share * 100)) + '\n');
      for (const x of p.passages) {
        write(t(CLI_MESSAGES.similarPassage, x.aLine, x.bLine, x.chars) + '\n');
      }
    }
    const counts = [
      plural(results.length, CLI_MESSAGES.filesOne, CLI_MESSAGES.filesMany),
      plural(pairs.length, CLI_MESSAGES.pairsOne, CLI_MESSAGES.pairsMany),
    ];
    write(t(CLI_MESSAGES.similarSummary, ...counts) + '\n');
  }
  if (failed > 0) {
    writeErr(`gongwen-outline: ${t(CLI_MESSAGES.unreadable, plural(failed, CLI_MESSAGES.filesOne, CLI_MESSAGES.filesMany))}\n`);
    return 2;
  }
  return pairs.length > 0 ? 1 : 0;
}

export async function main(
  argv: string[],
  write = (s: string) => void process.stdout.write(s),
  writeErr = (s: string) => void process.stderr.write(s),
): Promise<number> {
  setupLocale();
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'outline':
        return await runOutline(rest, write, writeErr);
      case 'check':
        return await runCheck(rest, write, writeErr);
      case 'similar':
        return await runSimilar(rest, write, writeErr);
      case '--version':
        write('gongwen-outline 0.1.0\n');
        return 0;
      case '--help':
      case '-h':
      case 'help':
        write(t(CLI_MESSAGES.help) + '\n');
        return 0;
      default:
        throw new UsageError(usage());
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      writeErr(`gongwen-outline: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
