/**
 * gongwen-outline: the outline and the checks from a terminal, on the same core as the server.
 *   gongwen-outline outline [--json] [--encoding NAME] [--] FILE|DIR|GLOB…
 *   gongwen-outline check [--format text|json] [--exit-zero] [--encoding NAME] [--] FILE|DIR|GLOB…
 * Exit codes: 0 no error, 1 an error-severity diagnostic, 2 bad usage or a file that could not be read (the other
 * files are still read and reported).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import * as l10n from '@vscode/l10n';
import { analyze, resolveProfile } from './core/analyze';
import { Config, CONFIG_MESSAGES, DEFAULT_CONFIG, resolveConfig } from './core/config';
import { matchGlob } from './core/glob';
import { LineTable } from './core/lines';
import type { Outline, Section } from './core/model';
import { parse } from './core/parser';
import { Encoding, encodingNamed } from './input/decode';
import { documentText } from './input/read';
import { readBundle } from './node/bundles';
import { localeFromEnv } from './service/locale';
import { localizeMessage } from './service/localize';

const EXTENSIONS = /\.(txt|md|markdown|gongwen|gw|docx)$/i;

/** Bad usage: nothing is read, exit 2 with the message. */
class UsageError extends Error {}

/** One input that cannot be read or used: said on stderr, the others go on, exit 2 at the end. */
class FileError extends Error {}

/** Messages of the command line (English keys of the l10n bundle). */
const CLI_MESSAGES = {
  isDirectory: '{0} is a directory; give a file.',
  cannotRead: 'Cannot read {0}: {1}',
  fileProblem: '{0}: {1}',
  noDocuments: 'No documents (.txt, .md, .gongwen, .docx) in {0}.',
  noMatch: 'No file matches {0}.',
  unknownOption: 'Unknown option --{0}.',
  missingValue: 'Option --{0} needs a value.',
  badFormat: '--format must be text or json.',
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
  help: `Usage: gongwen-outline COMMAND [OPTIONS] [--] FILE|DIR|GLOB…

The outline and the checks of Chinese official documents (公文), the same as in the editor.

Commands:
  outline   print the outline of each document (headings and their line ranges)
  check     check the documents; findings sorted by file and line, then a summary
  help      print this help

Options:
  --json               outline: print JSON; one file argument gives { profile, sections },
                       several files, a folder or a glob give [{ file, profile, sections }]
  --format text|json   check: the output format (default text: FILE:LINE:COLUMN: severity code message)
  --exit-zero          check: exit 0 even when an error is found
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

Exit codes:
  0   no error-severity finding
  1   check found an error-severity finding (and --exit-zero was not given)
  2   bad usage, or a file could not be read (the other files are still read and reported)

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
}

/** Reads a document (text in any encoding of SPEC §11, or .docx); a file that is not one is a FileError. */
export function readDocument(file: string, encoding?: Encoding): Read {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) {
      throw new FileError(t(CLI_MESSAGES.isDirectory, shown(file)));
    }
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof FileError) {
      throw e;
    }
    throw new FileError(t(CLI_MESSAGES.cannotRead, shown(file), (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  const result = documentText(file, bytes, encoding);
  if (!result.ok) {
    throw new FileError(t(CLI_MESSAGES.fileProblem, shown(file), localizeMessage(t, result.message)));
  }
  return { text: result.text, paragraphs: result.paragraphs };
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      walk(path, out);
    } else if (entry.isFile() && EXTENSIONS.test(entry.name)) {
      out.push(path);
    }
  }
}

/** Files, folders (documents inside them) and globs the shell did not expand; an input that names nothing is reported. */
export function expandInputs(inputs: readonly string[], problem: (message: string) => void): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (existsSync(input)) {
      if (statSync(input).isDirectory()) {
        const found: string[] = [];
        walk(input, found);
        if (found.length === 0) {
          problem(t(CLI_MESSAGES.noDocuments, shown(input)));
        }
        files.push(...found);
      } else {
        files.push(input);
      }
    } else if (/[*?]/.test(input)) {
      const found: string[] = [];
      walk('.', found);
      const matched = found.filter((f) => matchGlob(input.replace(/^\.\//, ''), relative('.', f).split(sep).join('/')));
      if (matched.length === 0) {
        problem(t(CLI_MESSAGES.noMatch, shown(input)));
      }
      files.push(...matched);
    } else {
      problem(t(CLI_MESSAGES.cannotRead, shown(input), 'ENOENT'));
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
const configs = new Map<string, Config | FileError>();

function configFile(candidate: string): Config | FileError {
  let config = configs.get(candidate);
  if (config === undefined) {
    try {
      const value: unknown = JSON.parse(readFileSync(candidate, 'utf8'));
      const resolved = resolveConfig([{ name: candidate, value }]);
      for (const p of resolved.problems) {
        process.stderr.write(`gongwen-outline: ${localizeMessage(t, p)}\n`);
      }
      config = resolved.config;
    } catch (e) {
      config = new FileError(t(CONFIG_MESSAGES.invalidJson, shown(candidate), e instanceof Error ? e.message : String(e)));
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
      if (config instanceof FileError) {
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
    endLine: s.endLine,
    children: s.children.map((c) => toJson(outline, c)),
  };
}

function printTree(outline: Outline, sections: readonly Section[], indent: string, out: string[]): void {
  for (const s of sections) {
    out.push(`${indent}${s.marker.text.trim()}${outline.titleOf(s).text}  (${s.line + 1}–${s.endLine + 1})`);
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
function readAll<T>(
  args: string[],
  flags: Map<string, string | true>,
  writeErr: (s: string) => void,
  use: (file: string, read: Read) => T,
): { results: T[]; failed: number } {
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
      results.push(use(file, readDocument(file, encoding)));
    } catch (e) {
      if (!(e instanceof FileError)) {
        throw e;
      }
      problem(e.message);
    }
  }
  return { results, failed };
}

function outlineOf(read: Read): Outline {
  return parse(LineTable.of(read.text));
}

function runOutline(args: string[], write: (s: string) => void, writeErr: (s: string) => void): number {
  const { files, flags } = parseArgs(args, ['json', 'encoding'], ['encoding']);
  const { results, failed } = readAll(files, flags, writeErr, (file, read) => {
    const outline = outlineOf(read);
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

const plural = (n: number, one: string, many: string): string => t(n === 1 ? one : many, n);

function runCheck(args: string[], write: (s: string) => void, writeErr: (s: string) => void): number {
  const { files, flags } = parseArgs(args, ['format', 'exit-zero', 'encoding'], ['format', 'encoding']);
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(t(CLI_MESSAGES.badFormat));
  }
  const { results: report, failed } = readAll(files, flags, writeErr, (file, read) => {
    const { config, path } = loadConfig(file);
    const analysis = analyze(outlineOf(read), config, path);
    const diagnostics = analysis.diagnostics
      .map((d) => ({
        code: d.code,
        severity: d.severity,
        line: d.line,
        character: d.character,
        endLine: d.endLine,
        endCharacter: d.endCharacter,
        message: localizeMessage(t, d.message),
      }))
      .sort((a, b) => a.line - b.line || a.character - b.character);
    return { file, paragraphs: read.paragraphs, diagnostics };
  });
  const total = report.reduce((n, r) => n + r.diagnostics.length, 0);
  const errors = report.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  if (report.length > 0 && format === 'json') {
    write(
      JSON.stringify(
        report.map(({ file, diagnostics }) => ({ file, diagnostics })),
        null,
        2,
      ) + '\n',
    );
  } else if (report.length > 0) {
    for (const r of report) {
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
    return 2;
  }
  return errors > 0 && !flags.has('exit-zero') ? 1 : 0;
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
        return runOutline(rest, write, writeErr);
      case 'check':
        return runCheck(rest, write, writeErr);
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
    if (e instanceof UsageError || e instanceof FileError) {
      writeErr(`gongwen-outline: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
