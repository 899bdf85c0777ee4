/**
 * `npm run bench`: what one keystroke costs in ours, in the Markdown language server VS Code ships and in a floor
 * server, all three real processes over stdio, driven by one client (bench/client.ts) with the same keystrokes.
 *
 *  - ours: the built server of the checkout (`node dist/server.js --stdio`, or `--ours PATH`), on the gongwen text;
 *  - markdown: vscode-markdown-languageserver (bench/markdownServer.ts) on the Markdown twin, its `markdown/parse`
 *    requests answered with markdown-it as VS Code does (bench/markdownEngine.ts), its settings pushed as VS Code
 *    pushes them; `markdown-validate` (not run by default) is the same with `markdown.validate.enabled` on;
 *  - floor / floor5k: bench/floor.ts, uncapped and capped at 5,000 symbols like ours' `gongwen.outline.maxItems`.
 *
 * For each size a meeting pack is built from examples/ (bench/corpus.ts), and keystrokes are made
 * (bench/keystrokes.ts). Two scenarios, each with its own server processes:
 *  - typing: didChange then textDocument/diagnostic with the previous resultId; the time until the answer;
 *  - full: didChange then diagnostic, documentSymbol and foldingRange sent together; the time until all three.
 * The servers take turns keystroke by keystroke (the order rotates), each after the same idle gap; the first
 * keystrokes warm up and are not counted. Median and p95 are nearest-rank. It prints tables and the targets of issue
 * 9 and writes every figure to bench/results/latest.json (and the tables to latest.md). A server that dies or does
 * not answer within the timeout is stopped and reported; the others go on.
 *
 *   node out/bench/bench.js [--sizes 150,3000,10000,100000] [--edits 100] [--edits-large 20] [--warmup 5]
 *     [--warmup-large 2] [--gap 25] [--seed 9] [--servers ours,markdown,floor,floor5k] [--scenarios typing,full]
 *     [--ours PATH] [--timeout 60] [--no-verify] [--json] [--max-items N] [--profile DIR] [--folders 100,1000]
 *
 * --folders a,b runs the folder scenario (bench/folder.ts) with that many generated materials (0: not run).
 *
 * --max-items N runs ours with gongwen.outline.maxItems = N; --profile DIR writes CPU profiles of ours (one per
 * process) to DIR; --no-verify skips the correctness check; --json prints the figures as one JSON line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { BenchServer, contributedDefaults, ServerSpec } from './client';
import { buildCorpus, Corpus, loadMaterials } from './corpus';
import { folderReport, FolderRun, runFolderScenario } from './folder';
import { countSymbols } from './floorOutline';
import { Keystroke, makeKeystrokes, Summary, summarize } from './keystrokes';
import { MARKDOWN_FILE_EXTENSIONS, MARKDOWN_SERVER, markdownServerScript, markdownSettings } from './markdownServer';

const ROOT = resolve(__dirname, '..', '..');
const SERVERS = ['ours', 'markdown', 'markdown-validate', 'floor', 'floor5k'] as const;
type ServerName = (typeof SERVERS)[number];
type Scenario = 'typing' | 'full';

interface Options {
  sizes: number[];
  edits: number;
  /** Keystrokes measured at 100,000 lines and more. */
  editsLarge: number;
  warmup: number;
  warmupLarge: number;
  gap: number;
  seed: number;
  servers: ServerName[];
  scenarios: Scenario[];
  ours: string;
  /** Seconds a server gets for any answer before it is stopped and reported. */
  timeout: number;
  verify: boolean;
  json: boolean;
  /** Write CPU profiles of ours to this folder (node --cpu-prof). */
  profile: string | undefined;
  /** gongwen.outline.maxItems for ours (undefined: the contributed default). */
  maxItems: number | undefined;
  /** The folder scenario's sizes (materials); empty: not run. */
  folders: number[];
}

function options(argv: readonly string[]): Options {
  const get = (name: string, fallback: string): string => {
    const i = argv.indexOf('--' + name);
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
  };
  const list = (name: string, fallback: string) => get(name, fallback).split(',').filter(Boolean);
  const num = (name: string, fallback: string, value = get(name, fallback)): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
      throw new Error(`--${name} wants a number ≥ 0, not "${value}"`);
    }
    return n;
  };
  const servers = list('servers', 'ours,markdown,floor,floor5k');
  const scenarios = list('scenarios', 'typing,full');
  for (const s of servers) {
    if (!(SERVERS as readonly string[]).includes(s)) {
      throw new Error(`unknown server ${s} (${SERVERS.join(', ')})`);
    }
  }
  for (const s of scenarios) {
    if (s !== 'typing' && s !== 'full') {
      throw new Error(`unknown scenario ${s} (typing, full)`);
    }
  }
  const edits = num('edits', '100');
  const warmup = num('warmup', '5');
  return {
    sizes: list('sizes', '150,3000,10000,100000').map((s) => num('sizes', '', s)),
    edits,
    editsLarge: num('edits-large', String(Math.min(edits, 20))),
    warmup,
    warmupLarge: num('warmup-large', String(Math.min(warmup, 2))),
    gap: num('gap', '25'),
    seed: num('seed', '9'),
    servers: servers as ServerName[],
    scenarios: scenarios as Scenario[],
    ours: resolve(get('ours', join(ROOT, 'dist', 'server.js'))),
    timeout: num('timeout', '60'),
    verify: !argv.includes('--no-verify'),
    json: argv.includes('--json'),
    profile: argv.includes('--profile') ? resolve(get('profile', 'bench/results/profiles')) : undefined,
    maxItems: argv.includes('--max-items') ? num('max-items', '') : undefined,
    folders: list('folders', '100,1000')
      .map((s) => num('folders', '', s))
      .filter((n) => n > 0),
  };
}

function specs(opts: Options, log: (line: string) => void): Record<ServerName, ServerSpec> {
  const oursPackage = join(dirname(opts.ours), '..', 'package.json');
  const oursSettings = contributedDefaults(existsSync(oursPackage) ? oursPackage : join(ROOT, 'package.json'));
  if (opts.maxItems !== undefined) {
    (oursSettings.gongwen as { outline: { maxItems: number } }).outline.maxItems = opts.maxItems;
  }
  const markdownScript = opts.servers.some((s) => s.startsWith('markdown')) ? markdownServerScript(ROOT, log) : '';
  const markdown = (validate: boolean): ServerSpec => ({
    name: validate ? 'markdown-validate' : 'markdown',
    text: 'markdown',
    languageId: 'markdown',
    file: 'doc.md',
    args: [markdownScript, '--stdio'],
    pushSettings: markdownSettings(validate),
    initializationOptions: { markdownFileExtensions: MARKDOWN_FILE_EXTENSIONS },
    markdown: true,
  });
  const floor = (name: string, args: string[]): ServerSpec => ({
    name,
    text: 'gongwen',
    languageId: 'gongwen',
    file: 'doc.gongwen',
    args: [join(__dirname, 'floor.js'), '--stdio', ...args],
  });
  return {
    ours: {
      name: 'ours',
      text: 'gongwen',
      languageId: 'gongwen',
      file: 'doc.gongwen',
      args: [...(opts.profile !== undefined ? ['--cpu-prof', `--cpu-prof-dir=${opts.profile}`] : []), opts.ours, '--stdio'],
      settings: oursSettings,
      initializationOptions: { workspaceTrusted: true },
    },
    markdown: markdown(false),
    'markdown-validate': markdown(true),
    floor: floor('floor', []),
    floor5k: floor('floor5k', ['--max-symbols', '5000']),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The promise, or a rejection after `seconds` (the caller stops the server). */
function within<T>(promise: Promise<T>, seconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to ${what} in ${seconds} s`)), seconds * 1000)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const count = (x: unknown[] | DocumentDiagnosticReport | null): number =>
  Array.isArray(x) ? x.length : x?.kind === 'full' ? x.items.length : 0;
const utf8 = (x: unknown) => Buffer.byteLength(JSON.stringify(x) ?? '', 'utf8');
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One request alone after open: the answer's JSON bytes, what the client sent meanwhile, the time. */
interface AnswerSize {
  bytes: number;
  up: number;
  ms: number;
}

interface Run {
  lines: number;
  scenario: Scenario;
  server: string;
  /** Why the server's figures stop short: it exited or did not answer in time. */
  failed?: string;
  times: number[];
  time?: Summary;
  /** Full scenario: median time until each answer. */
  parts?: { diagnostic: number; documentSymbol: number; foldingRange: number };
  openMs?: number;
  rssAfterOpen?: number;
  peakRss?: number;
  symbols?: number;
  folds?: number;
  diagnostics?: number;
  answers?: { diagnostic: AnswerSize; documentSymbol: AnswerSize; foldingRange: AnswerSize };
  bytesPerDiagnostic?: number;
  /** Bytes per measured keystroke, server to client and client to server. */
  perKeystroke?: { down: number; up: number };
  markdownIt?: { parses: number; cacheHits: number; parseMs: number };
}

interface Check {
  lines: number;
  scenario: Scenario;
  sameSymbols: boolean;
  sameDiagnostics: boolean;
  detail: string;
}

interface Live {
  server: BenchServer;
  run: Run;
  parts: { diagnostic: number[]; documentSymbol: number[]; foldingRange: number[] };
}

async function start(spec: ServerSpec, folder: string, text: string, opts: Options): Promise<{ server: BenchServer; openMs: number }> {
  const server = new BenchServer(spec, folder);
  try {
    await within(server.initialize(), opts.timeout, `${spec.name} initialize`);
    const t = performance.now();
    server.open(text);
    await within(Promise.all([server.diagnostic(), server.documentSymbol(), server.foldingRange()]), opts.timeout, `${spec.name} open`);
    return { server, openMs: performance.now() - t };
  } catch (e) {
    server.kill();
    await server.stop();
    const exited = server.exited !== undefined && !message(e).startsWith('no answer');
    throw new Error(exited ? `${spec.name} ${server.exited}` : message(e), { cause: e });
  }
}

/** After open, each request alone: the answers and their sizes. */
async function answersAlone(server: BenchServer, opts: Options) {
  const one = async <T>(request: () => Promise<T>, what: string): Promise<{ answer: T; size: AnswerSize }> => {
    const up = server.bytesUp;
    const t = performance.now();
    const answer = await within(request(), opts.timeout, what);
    return { answer, size: { bytes: utf8(answer), up: server.bytesUp - up, ms: performance.now() - t } };
  };
  const diagnostic = await one(() => server.diagnostic(true), 'diagnostic');
  const documentSymbol = await one(() => server.documentSymbol(), 'documentSymbol');
  const foldingRange = await one(() => server.foldingRange(), 'foldingRange');
  return {
    diagnostics: count(diagnostic.answer),
    symbols: countSymbols(documentSymbol.answer),
    folds: count(foldingRange.answer),
    sizes: { diagnostic: diagnostic.size, documentSymbol: documentSymbol.size, foldingRange: foldingRange.size },
  };
}

/** One keystroke on one server: didChange, then the scenario's requests; the time until the last answer. */
async function keystroke(live: Live, k: Keystroke, scenario: Scenario, opts: Options): Promise<number> {
  const { server } = live;
  const params = server.keystroke(k.line, server.spec.text === 'markdown' ? k.twinCharacter : k.character, k.text);
  if (opts.gap > 0) {
    await sleep(opts.gap);
  }
  const t = performance.now();
  server.sendChange(params);
  if (scenario === 'typing') {
    await within(server.diagnostic(), opts.timeout, 'diagnostic');
    return performance.now() - t;
  }
  const at = { diagnostic: 0, documentSymbol: 0, foldingRange: 0 };
  const mark =
    <T>(key: keyof typeof at) =>
    (x: T) => {
      at[key] = performance.now() - t;
      return x;
    };
  await within(
    Promise.all([
      server.diagnostic().then(mark('diagnostic')),
      server.documentSymbol().then(mark('documentSymbol')),
      server.foldingRange().then(mark('foldingRange')),
    ]),
    opts.timeout,
    'diagnostic + documentSymbol + foldingRange',
  );
  live.parts.diagnostic.push(at.diagnostic);
  live.parts.documentSymbol.push(at.documentSymbol);
  live.parts.foldingRange.push(at.foldingRange);
  return performance.now() - t;
}

/** Diagnostics compared without `data` (a fix's key may name the document version it was made for). */
const withoutData = (report: DocumentDiagnosticReport) =>
  report.kind === 'full' ? report.items.map(({ data: _data, ...rest }) => rest) : report;

/** After the keystrokes: ours' symbols and diagnostics against a fresh server's opened on the final text. */
async function verify(live: Live, folder: string, lines: number, scenario: Scenario, opts: Options): Promise<Check> {
  const { server } = live;
  const [symbols, diagnostics] = await within(
    Promise.all([server.documentSymbol(), server.diagnostic(true)]),
    opts.timeout,
    'final answers',
  );
  const fresh = await start(server.spec, folder, server.text(), opts);
  try {
    const [freshSymbols, freshDiagnostics] = await within(
      Promise.all([fresh.server.documentSymbol(), fresh.server.diagnostic(true)]),
      opts.timeout,
      'fresh answers',
    );
    const sameSymbols = JSON.stringify(symbols) === JSON.stringify(freshSymbols);
    const sameDiagnostics = JSON.stringify(withoutData(diagnostics)) === JSON.stringify(withoutData(freshDiagnostics));
    return {
      lines,
      scenario,
      sameSymbols,
      sameDiagnostics,
      detail: `${countSymbols(symbols)} symbols / ${count(diagnostics)} diagnostics after the keystrokes, ${countSymbols(freshSymbols)} / ${count(freshDiagnostics)} from a fresh server`,
    };
  } finally {
    await fresh.server.stop();
  }
}

async function runScenario(
  corpus: Corpus,
  keys: readonly Keystroke[],
  warmup: number,
  scenario: Scenario,
  opts: Options,
  all: Record<ServerName, ServerSpec>,
  log: (line: string) => void,
) {
  const folder = mkdtempSync(join(tmpdir(), `gongwen-bench-${corpus.lineCount}-${scenario}-`));
  // each document in a workspace folder of its own: in one folder, our workspace index would find doc.md a copy of
  // doc.gongwen (review.similar), as it should, and the folder scenario is where the index is measured
  const home = (spec: ServerSpec) => join(folder, spec.text === 'markdown' ? 'markdown' : 'gongwen');
  mkdirSync(join(folder, 'gongwen'));
  mkdirSync(join(folder, 'markdown'));
  writeFileSync(join(folder, 'gongwen', 'doc.gongwen'), corpus.gongwen);
  writeFileSync(join(folder, 'markdown', 'doc.md'), corpus.markdown);
  const runs: Run[] = [];
  const checks: Check[] = [];
  const live: Live[] = [];
  const fail = async (l: Live, e: unknown) => {
    l.run.failed = l.server.exited !== undefined ? `${l.server.exited}` : message(e);
    log(`  ${l.run.server}: FAILED: ${l.run.failed}`);
    l.server.kill();
    await l.server.stop();
  };
  try {
    for (const name of opts.servers) {
      const run: Run = { lines: corpus.lineCount, scenario, server: name, times: [] };
      runs.push(run);
      try {
        const spec = all[name];
        const { server, openMs } = await start(spec, home(spec), spec.text === 'markdown' ? corpus.markdown : corpus.gongwen, opts);
        const l: Live = { server, run, parts: { diagnostic: [], documentSymbol: [], foldingRange: [] } };
        live.push(l);
        run.openMs = openMs;
        run.rssAfterOpen = server.memory().rss;
        try {
          const { diagnostics, symbols, folds, sizes } = await answersAlone(server, opts);
          Object.assign(run, { diagnostics, symbols, folds, answers: sizes });
          run.bytesPerDiagnostic = diagnostics > 0 ? sizes.diagnostic.bytes / diagnostics : undefined;
          log(
            `  ${name}: open ${ms(openMs)} ms, ${run.symbols} symbols, ${run.folds} folds, ${run.diagnostics} diagnostics, RSS ${mb(run.rssAfterOpen)}`,
          );
        } catch (e) {
          await fail(l, e);
        }
      } catch (e) {
        run.failed = message(e);
        log(`  ${name}: FAILED: ${run.failed}`);
      }
    }
    let before = new Map<Live, { down: number; up: number }>();
    for (let k = 0; k < keys.length; k++) {
      if (k === warmup) {
        before = new Map(live.map((l) => [l, { down: l.server.bytesDown, up: l.server.bytesUp }]));
        for (const l of live) {
          l.parts = { diagnostic: [], documentSymbol: [], foldingRange: [] };
        }
      }
      for (let j = 0; j < live.length; j++) {
        const l = live[(j + k) % live.length];
        if (l.run.failed !== undefined) {
          continue;
        }
        try {
          const time = await keystroke(l, keys[k], scenario, opts);
          if (k >= warmup) {
            l.run.times.push(time);
          }
        } catch (e) {
          await fail(l, e);
        }
      }
      if ((k + 1) % 25 === 0) {
        log(`  ${k + 1}/${keys.length} keystrokes`);
      }
    }
    for (const l of live.filter((x) => x.run.failed === undefined)) {
      const { run, server } = l;
      const n = Math.max(1, run.times.length);
      const b = before.get(l) ?? { down: server.bytesDown, up: server.bytesUp };
      run.perKeystroke = { down: (server.bytesDown - b.down) / n, up: (server.bytesUp - b.up) / n };
      run.peakRss = server.memory().peak;
      if (scenario === 'full') {
        run.parts = {
          diagnostic: summarize(l.parts.diagnostic).median,
          documentSymbol: summarize(l.parts.documentSymbol).median,
          foldingRange: summarize(l.parts.foldingRange).median,
        };
      }
      if (server.markdown !== undefined) {
        const s = server.markdown.stats;
        run.markdownIt = { parses: s.parses, cacheHits: s.cacheHits, parseMs: s.parseMs };
        server.markdown.forget();
      }
      if (opts.verify && run.server === 'ours') {
        try {
          const check = await verify(l, home(l.server.spec), corpus.lineCount, scenario, opts);
          checks.push(check);
          log(
            `  ours after the keystrokes: same symbols ${check.sameSymbols}, same diagnostics ${check.sameDiagnostics} (${check.detail})`,
          );
        } catch (e) {
          checks.push({
            lines: corpus.lineCount,
            scenario,
            sameSymbols: false,
            sameDiagnostics: false,
            detail: `check failed: ${message(e)}`,
          });
        }
      }
    }
  } finally {
    await Promise.all(live.map((l) => l.server.stop()));
    rmSync(folder, { recursive: true, force: true });
  }
  for (const run of runs) {
    run.time = summarize(run.times);
  }
  return { runs, checks };
}

// ---------- report ----------

const ms = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0);
const mb = (bytes: number | undefined) => (bytes === undefined || !Number.isFinite(bytes) ? '–' : `${(bytes / 1048576).toFixed(0)} MB`);
const size = (bytes: number | undefined) =>
  bytes === undefined
    ? '–'
    : bytes >= 1e6
      ? `${(bytes / 1e6).toFixed(2)} MB`
      : bytes >= 1e3
        ? `${(bytes / 1e3).toFixed(1)} kB`
        : `${Math.round(bytes)} B`;
const ratio = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) + '×' : '–');
const thousands = (n: number) => n.toLocaleString('en');

interface Target {
  target: string;
  lines: number;
  value: number;
  limit: number;
  /** undefined: not measured (a server failed or was not run). */
  met: boolean | undefined;
}

function targets(runs: readonly Run[], opts: Options): Target[] {
  const get = (lines: number, scenario: Scenario, server: string) => {
    const r = runs.find((x) => x.lines === lines && x.scenario === scenario && x.server === server);
    return r?.failed === undefined ? r?.time : undefined;
  };
  const out: Target[] = [];
  const check = (target: string, lines: number, a: number | undefined, b: number | undefined, limit: number, atMost: boolean) => {
    const value = a !== undefined && b !== undefined ? a / b : NaN;
    out.push({ target, lines, value, limit, met: Number.isFinite(value) ? (atMost ? value <= limit : value >= limit) : undefined });
  };
  for (const lines of opts.sizes) {
    const typing = { ours: get(lines, 'typing', 'ours'), floor: get(lines, 'typing', 'floor') };
    if (lines >= 3000 && opts.scenarios.includes('typing')) {
      check('typing p95, ours ÷ floor ≤ 2×', lines, typing.ours?.p95, typing.floor?.p95, 2, true);
      check('typing median, ours ÷ floor ≤ 1.2×', lines, typing.ours?.median, typing.floor?.median, 1.2, true);
    }
    const full = { ours: get(lines, 'full', 'ours'), floor5k: get(lines, 'full', 'floor5k'), markdown: get(lines, 'full', 'markdown') };
    if (opts.scenarios.includes('full')) {
      check('full median, ours ÷ floor5k ≤ 1.2×', lines, full.ours?.median, full.floor5k?.median, 1.2, true);
      check('full p95, ours ÷ floor5k ≤ 1.5×', lines, full.ours?.p95, full.floor5k?.p95, 1.5, true);
      if (lines === 3000) {
        check('full median, Markdown ÷ ours ≥ 10×', lines, full.markdown?.median, full.ours?.median, 10, false);
      }
    }
    const ours = runs.find((x) => x.lines === lines && x.server === 'ours' && x.bytesPerDiagnostic !== undefined);
    if (ours !== undefined) {
      check('diagnostics answer ≤ 300 bytes per diagnostic', lines, ours.bytesPerDiagnostic, 1, 300, true);
    }
  }
  return out;
}

function report(runs: readonly Run[], checks: readonly Check[], goals: readonly Target[], opts: Options, header: string): string {
  const servers = opts.servers;
  const time = (r: Run | undefined) =>
    r === undefined
      ? '–'
      : r.failed !== undefined && r.times.length === 0
        ? 'failed'
        : `${ms(r.time?.median)} / ${ms(r.time?.p95)}${r.failed !== undefined ? ' (failed)' : ''}`;
  const find = (lines: number, scenario: Scenario, server: string) =>
    runs.find((x) => x.lines === lines && x.scenario === scenario && x.server === server);
  const both = (a: Run | undefined, b: Run | undefined) =>
    a?.time !== undefined && b?.time !== undefined && a.failed === undefined && b.failed === undefined
      ? `${ratio(a.time.median / b.time.median)} / ${ratio(a.time.p95 / b.time.p95)}`
      : '–';
  const out = [header, ''];
  out.push(`| lines | scenario | ${servers.join(' | ')} | ours ÷ floor | ours ÷ floor5k | Markdown ÷ ours |`);
  out.push(`|---:|---|${servers.map(() => '---:|').join('')}---:|---:|---:|`);
  for (const lines of opts.sizes) {
    for (const scenario of opts.scenarios) {
      const ours = find(lines, scenario, 'ours');
      out.push(
        `| ${thousands(lines)} | ${scenario} | ${servers.map((s) => time(find(lines, scenario, s))).join(' | ')} | ${both(ours, find(lines, scenario, 'floor'))} | ` +
          `${both(ours, find(lines, scenario, 'floor5k'))} | ${both(find(lines, scenario, 'markdown'), ours)} |`,
      );
    }
  }
  out.push('', 'Times in ms, median / p95, from didChange until the last answer. Ratios: median / p95.', '');
  out.push(
    "After open (the full scenario's servers; each request alone: ↓ the answer's JSON bytes, ↑ what the client sent meanwhile; per keystroke: all bytes each way, for Markdown ↑ is mostly its markdown/parse answers):",
    '',
  );
  out.push(
    '| lines | server | open | RSS after open / peak | symbols | folds | diagnostics | diagnostic answer | per diagnostic | documentSymbol ↓ / ↑ | foldingRange ↓ | full: per keystroke ↓ / ↑ |',
  );
  out.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const lines of opts.sizes) {
    for (const server of servers) {
      const r = find(lines, 'full', server) ?? find(lines, 'typing', server);
      if (r === undefined) {
        continue;
      }
      const a = r.answers;
      out.push(
        `| ${thousands(lines)} | ${server} | ${ms(r.openMs)} ms | ${mb(r.rssAfterOpen)} / ${mb(r.peakRss)} | ${r.symbols ?? '–'} | ${r.folds ?? '–'} | ${r.diagnostics ?? '–'} | ` +
          `${size(a?.diagnostic.bytes)} | ${size(r.bytesPerDiagnostic)} | ${size(a?.documentSymbol.bytes)} / ${size(a?.documentSymbol.up)} | ${size(a?.foldingRange.bytes)} | ` +
          `${size(r.perKeystroke?.down)} / ${size(r.perKeystroke?.up)} |${r.failed !== undefined ? ` failed: ${r.failed}` : ''}`,
      );
    }
  }
  out.push('', 'Targets (issue 9):', '');
  for (const t of goals) {
    const value = t.target.includes('bytes') ? `${t.value.toFixed(0)} B` : ratio(t.value);
    out.push(
      `- [${t.met === true ? 'x' : ' '}] ${thousands(t.lines)} lines: ${t.target}: ${t.met === undefined ? 'not measured' : `${value}, ${t.met ? 'met' : 'MISSED'}`}`,
    );
  }
  if (checks.length > 0) {
    out.push('', 'Correctness (ours after the keystrokes against a fresh server opened on the final text):', '');
    for (const c of checks) {
      const ok = c.sameSymbols && c.sameDiagnostics;
      out.push(
        `- ${ok ? 'same' : '**MISMATCH**'}: ${thousands(c.lines)} lines, ${c.scenario}: symbols ${c.sameSymbols ? 'same' : 'DIFFER'}, diagnostics ${c.sameDiagnostics ? 'same' : 'DIFFER'} (${c.detail})`,
      );
    }
  }
  const failed = runs.filter((r) => r.failed !== undefined);
  if (failed.length > 0) {
    out.push('', 'Failed servers:', '', ...failed.map((r) => `- ${thousands(r.lines)} lines, ${r.scenario}, ${r.server}: ${r.failed}`));
  }
  return out.join('\n');
}

function commitOf(file: string): string {
  try {
    const dir = dirname(file);
    const head = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty = execFileSync('git', ['-C', dir, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return head + (dirty ? ' (with uncommitted changes)' : '');
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(line + '\n');
  if (!existsSync(opts.ours)) {
    throw new Error(`${opts.ours} does not exist: run npm run build (or give --ours the built server.js of a checkout)`);
  }
  const all = specs(opts, log);
  const started = new Date();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: totalmem(),
    loadBefore: loadavg(),
    node: process.version,
    platform: process.platform,
  };
  const commit = commitOf(opts.ours);
  log(`bench: ours ${opts.ours} (${commit}), ${opts.servers.join(', ')}; ${opts.scenarios.join(', ')}; sizes ${opts.sizes.join(', ')}`);
  const materials = loadMaterials(join(ROOT, 'examples'));
  const runs: Run[] = [];
  const checks: Check[] = [];
  const docs: { lines: number; headings: number; bytes: number; markdownBytes: number; keystrokes: number; warmup: number }[] = [];
  for (const lines of opts.sizes) {
    const corpus = buildCorpus(materials, lines);
    const large = lines >= 100000;
    const measured = large ? opts.editsLarge : opts.edits;
    const warmup = large ? opts.warmupLarge : opts.warmup;
    const keys = makeKeystrokes(corpus.gongwen.split('\n'), corpus.twinPrefix, warmup + measured, opts.seed + lines);
    docs.push({
      lines,
      headings: corpus.headings,
      bytes: Buffer.byteLength(corpus.gongwen),
      markdownBytes: Buffer.byteLength(corpus.markdown),
      keystrokes: measured,
      warmup,
    });
    for (const scenario of opts.scenarios) {
      log(`\n== ${thousands(lines)} lines (${corpus.headings} headings), ${scenario}: ${measured} keystrokes after ${warmup}`);
      const result = await runScenario(corpus, keys, warmup, scenario, opts, all, log);
      runs.push(...result.runs);
      checks.push(...result.checks);
    }
  }
  const folders: FolderRun[] =
    opts.folders.length > 0 && opts.servers.includes('ours')
      ? await runFolderScenario(opts.folders, all.ours, { edits: Math.min(opts.edits, 40), timeout: opts.timeout, seed: opts.seed }, log)
      : [];
  const goals = targets(runs, opts);
  const minutes = (Date.now() - started.getTime()) / 60000;
  const header =
    `ours ${commit}, ${MARKDOWN_SERVER.name} ${MARKDOWN_SERVER.version}; ${started.toISOString()}, ${minutes.toFixed(1)} min; ` +
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadBefore.map((x) => x.toFixed(2)).join(' ')} at the start, ${loadavg()[0].toFixed(2)} at the end. ` +
    `${opts.edits} keystrokes per size after ${opts.warmup} warm-up (${opts.editsLarge} after ${opts.warmupLarge} at 100,000 lines and more), ${opts.gap} ms idle before each.`;
  const text = report(runs, checks, goals, opts, header) + (folders.length > 0 ? '\n\n' + folderReport(folders) : '');
  const results = {
    started: started.toISOString(),
    minutes,
    commit,
    machine,
    options: opts,
    markdownServer: MARKDOWN_SERVER,
    docs,
    runs,
    checks,
    targets: goals,
    folders,
  };
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(results, null, 1) + '\n');
  writeFileSync(join(dir, 'latest.md'), text + '\n');
  if (opts.json) {
    process.stdout.write(JSON.stringify(results) + '\n');
  } else {
    process.stdout.write('\n' + text + '\n\nAll figures: bench/results/latest.json\n');
  }
  if (checks.some((c) => !c.sameSymbols || !c.sameDiagnostics)) {
    log('\nMISMATCH: ours after the keystrokes does not answer as a fresh server on the same text (see above)');
    process.exitCode = 1;
  }
  if (runs.some((r) => r.failed !== undefined) || folders.some((f) => f.failed !== undefined)) {
    log('\nFAILED: a server exited or did not answer in time (see above)');
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${message(e)}\n`);
  process.exitCode = 2;
});
