/**
 * gongwen-outline: the outline and the checks from a terminal, on the same core as the server.
 *   gongwen-outline outline FILE [--json]
 *   gongwen-outline check FILE|DIR|GLOB… [--format text|json] [--exit-zero]
 * Exit codes: 0 no error, 1 an error-severity diagnostic, 2 bad usage or unreadable input.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { analyze, resolveProfile } from './core/analyze';
import { Config, CONFIG_MESSAGES, DEFAULT_CONFIG, resolveConfig } from './core/config';
import { matchGlob } from './core/glob';
import { LineTable } from './core/lines';
import type { Outline, Section } from './core/model';
import { parse } from './core/parser';
import { readBundle } from './node/bundles';
import { localizeMessage } from './service/localize';

const EXTENSIONS = /\.(txt|md|markdown|gongwen|gw)$/i;

class UsageError extends Error {}

/** Messages of the command line (English keys of the l10n bundle). */
const CLI_MESSAGES = {
  isDirectory: '{0} is a directory; give a file.',
  cannotRead: 'Cannot read {0}: {1}',
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

/** Reads a file as UTF-8 text; refuses binary or invalid UTF-8 input with a clear message. */
export function readText(file: string): string {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) {
      throw new UsageError(t(CLI_MESSAGES.isDirectory, file));
    }
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof UsageError) {
      throw e;
    }
    throw new UsageError(t(CLI_MESSAGES.cannotRead, file, (e as NodeJS.ErrnoException).code ?? String(e)));
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

/** Files, folders (documents inside them) and globs the shell did not expand. */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (existsSync(input)) {
      if (statSync(input).isDirectory()) {
        const found: string[] = [];
        walk(input, found);
        if (found.length === 0) {
          throw new UsageError(t(CLI_MESSAGES.noDocuments, input));
        }
        files.push(...found);
      } else {
        files.push(input);
      }
    } else if (/[*?]/.test(input)) {
      const found: string[] = [];
      walk('.', found);
      const matched = found.filter((f) => matchGlob(input.replace(/^\.\//, ''), relative('.', f).split('\\').join('/')));
      if (matched.length === 0) {
        throw new UsageError(t(CLI_MESSAGES.noMatch, input));
      }
      files.push(...matched);
    } else {
      throw new UsageError(t(CLI_MESSAGES.cannotRead, input, 'ENOENT'));
    }
  }
  return files;
}

function loadConfig(file: string): Config {
  // the .gongwen.json of the nearest folder above the file, as the editor would use it
  for (let dir = resolve(file, '..'), i = 0; i < 20; i++) {
    const candidate = join(dir, '.gongwen.json');
    if (existsSync(candidate)) {
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(candidate, 'utf8'));
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

function outlineOf(file: string): Outline {
  return parse(LineTable.of(readText(file).replace(/^\uFEFF/, '')));
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

function runOutline(args: string[], write: (s: string) => void): number {
  const { positional, flags } = parseFlags(args);
  checkFlags(flags, ['json']);
  if (positional.length === 0) {
    throw new UsageError(USAGE);
  }
  const results = expandInputs(positional).map((file) => {
    const outline = outlineOf(file);
    return { file, outline, profile: resolveProfile(outline, loadConfig(file), file).id };
  });
  if (flags.has('json')) {
    const json = results.map((r) => ({ profile: r.profile, sections: r.outline.sections.map((s) => toJson(r.outline, s)) }));
    write(JSON.stringify(json.length === 1 ? json[0] : json, null, 2) + '\n');
  } else {
    for (const r of results) {
      const out: string[] = [`${r.file} [${r.profile}]`];
      printTree(r.outline, r.outline.sections, '  ', out);
      write(out.join('\n') + '\n');
    }
  }
  return 0;
}

function runCheck(args: string[], write: (s: string) => void): number {
  const { positional, flags } = parseFlags(args);
  checkFlags(flags, ['format', 'exit-zero']);
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(t(CLI_MESSAGES.badFormat));
  }
  if (positional.length === 0) {
    throw new UsageError(USAGE);
  }
  const files = expandInputs(positional);
  let errors = 0;
  let total = 0;
  const report = files.map((file) => {
    const analysis = analyze(outlineOf(file), loadConfig(file), file);
    const diagnostics = analysis.diagnostics.map((d) => {
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
    return { file, profile: analysis.profile.id, diagnostics };
  });
  if (format === 'json') {
    write(
      JSON.stringify(
        report.map(({ file, diagnostics }) => ({ file, diagnostics })),
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const r of report) {
      for (const d of r.diagnostics) {
        write(`${r.file}:${d.line + 1}:${d.character + 1}: ${d.severity} ${d.code} ${d.message}\n`);
      }
    }
    write(t(CLI_MESSAGES.summary, files.length, total, errors) + '\n');
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
        return runOutline(rest, write);
      case 'check':
        return runCheck(rest, write);
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
