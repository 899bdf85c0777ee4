/**
 * gongwen-outline: the outline and the checks from a terminal, on the same core as the server.
 *   gongwen-outline outline FILE [--json]
 *   gongwen-outline check FILE|DIR|GLOB… [--format text|json] [--exit-zero]
 * Exit codes: 0 no error, 1 an error-severity diagnostic, 2 bad usage or unreadable input.
 */
import { Dirent, readdirSync, Stats, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { analyze, resolveProfile } from './core/analyze';
import { Config, CONFIG_MESSAGES, DEFAULT_CONFIG, resolveConfig } from './core/config';
import { matchGlob } from './core/glob';
import { LineTable } from './core/lines';
import type { Outline, Section } from './core/model';
import { parse } from './core/parser';
import { readBundle } from './node/bundles';
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

const EXTENSIONS = /\.(txt|md|markdown|gongwen|gw)$/i;

class UsageError extends Error {}

/** Messages of the command line (English keys of the l10n bundle). */
const CLI_MESSAGES = {
  cannotList: 'Cannot list the folder {0}: {1}',
  loop: '{0} leads back to {1}, a folder it is in (a symbolic link loop); it is not followed.',
  binary: '{0} is a binary file (it contains NUL bytes), not a text document.',
  notUtf8: '{0} is not UTF-8 text. Save it as UTF-8 and try again.',
  noDocuments: 'No documents (.txt, .md, .gongwen) in {0}.',
  noMatch: 'No file matches {0}.',
  unknownOption: 'Unknown option --{0}.',
  badFormat: '--format must be text or json.',
  summary: '{0} files checked: {1} problems, {2} errors.',
} as const;

const t = l10n.t;

function setupLocale(): void {
  const lang = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '').toLowerCase();
  if (!lang.startsWith('zh')) {
    return;
  }
  const bundle = readBundle('zh-cn');
  if (bundle !== undefined) {
    l10n.config({ contents: bundle });
  }
}

/** The text of a user's message about a file that was not read. */
function fileProblem(e: unknown): string {
  return e instanceof FileError ? localizeMessage(t, e.problem) : String(e);
}

/** Reads a document as UTF-8 text; refuses anything but a regular text file of sane size with a clear message. */
export async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, { maxBytes: MAX_DOCUMENT_BYTES, deadlineMs: READ_DEADLINE_MS });
  } catch (e) {
    throw new UsageError(fileProblem(e));
  }
  if (bytes.includes(0)) {
    throw new UsageError(t(CLI_MESSAGES.binary, file));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UsageError(t(CLI_MESSAGES.notUtf8, file));
  }
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
    problem(t(CLI_MESSAGES.cannotList, dir, describeError(e)));
    return;
  }
  const loop = ancestors.get(id);
  if (loop !== undefined) {
    problem(t(CLI_MESSAGES.loop, dir, loop));
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
          problem(t(FILE_MESSAGES.cannotRead, path, describeError(e)));
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
      problem(t(s instanceof Stats ? notRegular(s) : FILE_MESSAGES.special, path));
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
 * Files, folders (documents inside them) and globs the shell did not expand. What cannot be read inside a folder is
 * reported through `problem` and skipped; an input that cannot be read at all stops the run (a UsageError).
 */
export function expandInputs(inputs: readonly string[], problem: (text: string) => void): string[] {
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
        throw new UsageError(t(CLI_MESSAGES.noDocuments, input));
      }
      files.push(...found);
    } else if (s !== undefined) {
      files.push(input); // a regular file, or something readText refuses by name
    } else if (/[*?]/.test(input) && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      const matched = documentsIn('.', problem).filter((f) =>
        matchGlob(input.replace(/^\.\//, ''), relative('.', f).split('\\').join('/')),
      );
      if (matched.length === 0) {
        throw new UsageError(t(CLI_MESSAGES.noMatch, input));
      }
      files.push(...matched);
    } else {
      throw new UsageError(t(FILE_MESSAGES.cannotRead, input, describeError(error)));
    }
  }
  return files;
}

/** The .gongwen.json of the nearest folder above the file, as the editor would use it. */
async function loadConfig(file: string): Promise<Config> {
  for (let dir = resolve(file, '..'), i = 0; i < 20; i++) {
    const candidate = join(dir, '.gongwen.json');
    let bytes: Buffer | undefined;
    try {
      bytes = await readRegularFile(candidate, { maxBytes: MAX_CONFIG_BYTES, deadlineMs: READ_DEADLINE_MS });
    } catch (e) {
      if (!(e instanceof FileError && (e.code === 'ENOENT' || e.code === 'ENOTDIR'))) {
        throw new UsageError(fileProblem(e));
      }
    }
    if (bytes !== undefined) {
      let value: unknown;
      try {
        value = JSON.parse(bytes.toString('utf8'));
      } catch (e) {
        throw new UsageError(t(CONFIG_MESSAGES.invalidJson, candidate, String(e)));
      }
      const { config, problems } = resolveConfig([{ name: candidate, value }]);
      for (const p of problems) {
        process.stderr.write(localizeMessage(t, p) + '\n');
      }
      return config;
    }
    const parent = resolve(dir, '..');
    if (parent === dir) {
      break;
    }
    dir = parent;
  }
  return DEFAULT_CONFIG;
}

async function outlineOf(file: string): Promise<Outline> {
  return parse(new LineTable((await readText(file)).replace(/^\uFEFF/, '')));
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

function toJson(s: Section): JsonSection {
  return {
    level: s.level,
    marker: s.marker.text.trim(),
    number: s.marker.number,
    title: s.title,
    line: s.line,
    endLine: s.endLine,
    children: s.children.map(toJson),
  };
}

function printTree(sections: readonly Section[], indent: string, out: string[]): void {
  for (const s of sections) {
    out.push(`${indent}${s.marker.text.trim()}${s.title}  (${s.line + 1}–${s.endLine + 1})`);
    printTree(s.children, indent + '  ', out);
  }
}

function parseFlags(args: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split('=', 2);
      if (name === 'format' && value === undefined) {
        flags.set(name, args[++i] ?? '');
      } else {
        flags.set(name, value ?? true);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

function checkFlags(flags: Map<string, string | true>, allowed: string[]): void {
  for (const name of flags.keys()) {
    if (!allowed.includes(name)) {
      throw new UsageError(t(CLI_MESSAGES.unknownOption, name));
    }
  }
}

const USAGE = `usage:
  gongwen-outline outline FILE [--json]
  gongwen-outline check FILE|DIR|GLOB… [--format text|json] [--exit-zero]`;

/** Where the commands write: the result, and problems that do not stop the run (counted: they make the exit code 2). */
interface Output {
  write(text: string): void;
  problem(text: string): void;
  readonly problems: number;
}

async function runOutline(args: string[], out: Output): Promise<number> {
  const { positional, flags } = parseFlags(args);
  checkFlags(flags, ['json']);
  if (positional.length === 0) {
    throw new UsageError(USAGE);
  }
  const results: { file: string; outline: Outline; profile: string }[] = [];
  for (const file of expandInputs(positional, out.problem)) {
    const outline = await outlineOf(file);
    results.push({ file, outline, profile: resolveProfile(outline, await loadConfig(file), file).id });
  }
  if (flags.has('json')) {
    const json = results.map((r) => ({ profile: r.profile, sections: r.outline.sections.map(toJson) }));
    out.write(JSON.stringify(json.length === 1 ? json[0] : json, null, 2) + '\n');
  } else {
    for (const r of results) {
      const lines: string[] = [`${r.file} [${r.profile}]`];
      printTree(r.outline.sections, '  ', lines);
      out.write(lines.join('\n') + '\n');
    }
  }
  return out.problems > 0 ? 2 : 0;
}

interface JsonDiagnostic {
  code: string;
  severity: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  message: string;
}

async function runCheck(args: string[], out: Output): Promise<number> {
  const { positional, flags } = parseFlags(args);
  checkFlags(flags, ['format', 'exit-zero']);
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(t(CLI_MESSAGES.badFormat));
  }
  if (positional.length === 0) {
    throw new UsageError(USAGE);
  }
  const files = expandInputs(positional, out.problem);
  let errors = 0;
  let total = 0;
  const report: { file: string; diagnostics: JsonDiagnostic[] }[] = [];
  for (const file of files) {
    const analysis = analyze(await outlineOf(file), await loadConfig(file), file);
    const diagnostics = analysis.diagnostics.map((d): JsonDiagnostic => {
      errors += d.severity === 'error' ? 1 : 0;
      return {
        code: d.code,
        severity: d.severity,
        line: d.line,
        character: d.character,
        endLine: d.endLine,
        endCharacter: d.endCharacter,
        message: localizeMessage(t, d.message),
      };
    });
    total += diagnostics.length;
    report.push({ file, diagnostics });
  }
  if (format === 'json') {
    out.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    for (const r of report) {
      for (const d of r.diagnostics) {
        out.write(`${r.file}:${d.line + 1}:${d.character + 1}: ${d.severity} ${d.code} ${d.message}\n`);
      }
    }
    out.write(t(CLI_MESSAGES.summary, files.length, total, errors) + '\n');
  }
  // unreadable input outweighs findings: the report is incomplete
  return out.problems > 0 ? 2 : errors > 0 && !flags.has('exit-zero') ? 1 : 0;
}

export async function main(
  argv: string[],
  write = (s: string) => void process.stdout.write(s),
  writeErr = (s: string) => void process.stderr.write(s),
): Promise<number> {
  setupLocale();
  const [command, ...rest] = argv;
  let problems = 0;
  const out: Output = {
    write,
    problem(text) {
      problems++;
      writeErr(`gongwen-outline: ${text}\n`);
    },
    get problems() {
      return problems;
    },
  };
  try {
    switch (command) {
      case 'outline':
        return await runOutline(rest, out);
      case 'check':
        return await runCheck(rest, out);
      case '--version':
        write('gongwen-outline 0.1.0\n');
        return 0;
      case '--help':
      case 'help':
        write(USAGE + '\n');
        return 0;
      default:
        throw new UsageError(USAGE);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      writeErr(`gongwen-outline: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
