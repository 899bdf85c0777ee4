/**
 * `npm run bench`: how long one keystroke costs, at 1,000 / 10,000 / 100,000 lines.
 *
 * For each size it builds a meeting pack from the examples (bench/corpus.ts) and its Markdown twin, then makes 200
 * random single-character edits (typing and backspace at random places) and measures, per edit:
 *
 *  - gongwen: the real server process (dist/server.js --stdio), driven as VS Code drives it: didChange, then
 *    documentSymbol, foldingRange and textDocument/diagnostic sent at once; the time until all three answers are in.
 *  - markdown: VS Code's Markdown language service on the twin, in this process: document symbols plus folding
 *    ranges of the new document version (one markdown-it parse per version, as VS Code caches tokens).
 *  - floor: split the new text into lines and try four heading regexes on every line, in this process.
 *
 * For context it also measures the gongwen engine in this process the way the Markdown service is measured (apply
 * the change, then outline, symbols, folding and a full diagnostic list, no JSON-RPC), the size of the server's
 * answers to one edit, and what JSON.stringify + JSON.parse of those answers alone cost (the part of an edit that
 * any LSP server answering them pays, however fast it computes).
 *
 * and the server's resident memory before and after opening. It prints a table with the ratios and the targets of
 * issue 4, and writes the figures to bench/results/latest.json. This is a benchmark, not a test: it never fails on
 * a missed target, it reports it.
 *
 *   node out/bench/bench.js [--sizes 1000,10000,100000] [--edits 200] [--seed 4] [--profile DIR] [--max-items N] [--at line-end]
 *
 * --profile DIR writes a CPU profile of each server process to DIR (node --cpu-prof), to find what an edit costs.
 * --max-items N runs the server with gongwen.outline.maxItems = N (the engine in process uses the same).
 * --at line-end puts every edit at the end of a line (writing on), instead of anywhere in it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Config, DEFAULT_CONFIG } from '../server/src/core/config';
import { toDiagnostics } from '../server/src/service/diagnostics';
import { GongwenDocument } from '../server/src/service/document';
import { documentSymbols } from '../server/src/service/documentSymbols';
import { foldingRanges } from '../server/src/service/folding';
import type { Localize } from '../server/src/service/localize';
import { ServerClient, VSCODE_FOLDING_RANGE_LIMIT } from './client';
import { buildCorpus, Corpus, loadMaterials } from './corpus';
import { createMarkdownService } from './markdown';
import { prng } from '../test/support/prng';

const ROOT = resolve(__dirname, '..', '..');

interface Options {
  sizes: number[];
  edits: number;
  seed: number;
  profile: string | undefined;
  /** gongwen.outline.maxItems for the server (undefined: the product's default). */
  maxItems: number | undefined;
  /** Where the edits fall: anywhere in a line (the issue's benchmark), or at line ends (writing on). */
  at: 'random' | 'line-end';
}

function options(argv: readonly string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    sizes: (get('--sizes') ?? '1000,10000,100000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0),
    edits: Number(get('--edits') ?? 200),
    seed: Number(get('--seed') ?? 4),
    profile: get('--profile'),
    maxItems: get('--max-items') !== undefined ? Number(get('--max-items')) : undefined,
    at: get('--at') === 'line-end' ? 'line-end' : 'random',
  };
}

/** One keystroke at a line and column: a character typed, or one deleted (backspace inside a line). */
interface Edit {
  line: number;
  character: number;
  deleted: number;
  text: string;
}

const TYPED =
  '的一是在了和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级就年阶义发成部民可出能方进同行面说种过命度革而多子后自社加小机也经力线本电高量长党得实家定深法表着水理化争现所起政好战无农使性前等反体合斗路图把结里正新开论之物从当两些还天资事队批如应形想制心样干都向变关点育重其思与间内去因件日利相由压员气业代全组数果期导平各基或月，。、';

function makeEdits(corpus: Corpus, count: number, seed: number, at: Options['at']): { gongwen: Edit[]; markdown: Edit[] } {
  const random = prng(seed);
  const lines = corpus.gongwen.split('\n');
  const gongwen: Edit[] = [];
  const markdown: Edit[] = [];
  while (gongwen.length < count) {
    const line = Math.floor(random() * lines.length);
    const text = lines[line];
    const backspace = random() < 0.25;
    if (backspace && text.length === 0) {
      continue;
    }
    // the column after which a character is typed or before which one is deleted
    const character =
      at === 'line-end' ? text.length : backspace ? 1 + Math.floor(random() * text.length) : Math.floor(random() * (text.length + 1));
    const edit: Edit = backspace
      ? { line, character: character - 1, deleted: 1, text: '' }
      : { line, character, deleted: 0, text: TYPED[Math.floor(random() * TYPED.length)] };
    lines[line] = text.slice(0, edit.character) + edit.text + text.slice(edit.character + edit.deleted);
    gongwen.push(edit);
    markdown.push({ ...edit, character: edit.character + corpus.twinPrefix[line] });
  }
  return { gongwen, markdown };
}

function change(edit: Edit) {
  return {
    range: { start: { line: edit.line, character: edit.character }, end: { line: edit.line, character: edit.character + edit.deleted } },
    text: edit.text,
  };
}

interface Stats {
  median: number;
  p95: number;
  mean: number;
  max: number;
}

function stats(times: readonly number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { median: at(0.5), p95: at(0.95), mean: times.reduce((a, b) => a + b, 0) / times.length, max: sorted[sorted.length - 1] };
}

interface ServerRun {
  /** Set when the server died or an answer failed; the other figures are then what was measured before. */
  crashed?: string;
  open: number;
  edit: Stats;
  /** UTF-8 bytes of the answers to the last edit (symbols, folding, diagnostics) and their JSON encode + decode. */
  payload: { symbols: number; folding: number; diagnostics: number; json: number };
  rssBefore: number;
  rssAfterOpen: number;
  rssAfterEdits: number;
  answers: { symbols: number; folding: number; diagnostics: number };
  errors: string[];
}

async function runServer(corpus: Corpus, edits: readonly Edit[], lines: number, opts: Options): Promise<ServerRun> {
  const client = new ServerClient(
    join(ROOT, 'dist', 'server.js'),
    opts.profile !== undefined ? ['--cpu-prof', `--cpu-prof-dir=${resolve(opts.profile)}`] : [],
    opts.maxItems !== undefined ? { outline: { maxItems: opts.maxItems } } : {},
  );
  const uri = `file:///bench/meeting-pack-${lines}.gongwen`;
  const run: ServerRun = {
    open: NaN,
    edit: stats([NaN]),
    payload: { symbols: 0, folding: 0, diagnostics: 0, json: NaN },
    rssBefore: NaN,
    rssAfterOpen: NaN,
    rssAfterEdits: NaN,
    answers: { symbols: 0, folding: 0, diagnostics: 0 },
    errors: [],
  };
  const times: number[] = [];
  try {
    await client.initialize();
    await new Promise((r) => setTimeout(r, 200));
    run.rssBefore = client.rss();
    let t = performance.now();
    await client.open(uri, 'gongwen', corpus.gongwen);
    const answers = await client.answers(uri);
    run.open = performance.now() - t;
    run.rssAfterOpen = client.rss();
    run.answers = { symbols: answers.symbols, folding: answers.folding, diagnostics: answers.diagnostics };
    let last = answers;
    let version = 1;
    for (const edit of edits) {
      t = performance.now();
      await client.change(uri, ++version, change(edit));
      last = await client.answers(uri);
      times.push(performance.now() - t);
    }
    run.rssAfterEdits = client.rss();
    run.payload = jsonCost(last.raw);
    const { held, fresh } = await client.checkDiagnostics(uri);
    if (JSON.stringify(held) !== JSON.stringify(fresh)) {
      run.errors.push(`after the edits the client holds ${held.length} diagnostics, a full report has ${fresh.length} different ones`);
    }
  } catch (e) {
    run.crashed = e instanceof Error ? e.message : String(e);
  } finally {
    run.edit = stats(times.length > 0 ? times : [NaN]);
    run.errors.unshift(...client.logged);
    await client.stop();
  }
  return run;
}

/**
 * Bytes of each answer as sent, and the median time to carry all three across as vscode-jsonrpc does on each side:
 * JSON.stringify of the message and its UTF-8 encoding in the server, UTF-8 decoding and JSON.parse in the client.
 * No server that sends these answers can answer an edit faster than that.
 */
function jsonCost(raw: { symbols: unknown; folding: unknown; diagnostics: unknown }): ServerRun['payload'] {
  const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');
  return {
    symbols: bytes(raw.symbols),
    folding: bytes(raw.folding),
    diagnostics: bytes(raw.diagnostics),
    json: carrying([raw.symbols, raw.folding, raw.diagnostics]),
  };
}

/** Median time to carry these answers from a server to its client as vscode-jsonrpc does (see jsonCost). */
function carrying(results: readonly unknown[]): number {
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    for (const result of results) {
      const wire = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: i, result }), 'utf8');
      JSON.parse(wire.toString('utf8'));
    }
    times.push(performance.now() - t);
  }
  return stats(times).median;
}

/** English templates filled in, as the server does for an English client. */
const localize: Localize = (template, ...args) => template.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));

/** The gongwen engine in this process: change, outline, symbols, folding, analysis and diagnostics per version. */
interface EngineRun {
  open: number;
  edit: Stats;
  /** Edits after which the outline was built from the previous one, and the analysis kept. */
  reused: { outline: number; analysis: number };
}

function runEngine(corpus: Corpus, edits: readonly Edit[], lines: number, config: Config): EngineRun {
  const path = `meeting-pack-${lines}.gongwen`;
  const reused = { outline: 0, analysis: 0 };
  let last: { sections: unknown; analysis: unknown } | undefined;
  const answer = (doc: GongwenDocument) => {
    const outline = doc.outline;
    documentSymbols(outline, config, localize);
    foldingRanges(outline, VSCODE_FOLDING_RANGE_LIMIT);
    const analysis = doc.analysis(config, path);
    toDiagnostics(analysis.diagnostics, localize);
    reused.outline += last?.sections === outline.all ? 1 : 0;
    reused.analysis += last?.analysis === analysis ? 1 : 0;
    last = { sections: outline.all, analysis };
  };
  let t = performance.now();
  const doc = new GongwenDocument(`file:///bench/${path}`, 'gongwen', 1, corpus.gongwen);
  answer(doc);
  const open = performance.now() - t;
  const times: number[] = [];
  let version = 1;
  for (const edit of edits) {
    t = performance.now();
    doc.update([change(edit)], ++version);
    answer(doc);
    times.push(performance.now() - t);
  }
  return { open, edit: stats(times), reused };
}

interface MarkdownRun {
  crashed?: string;
  open?: number;
  edit?: Stats;
  answers?: { symbols: number; folding: number };
  /** What carrying its answers to the last edit would cost, were they sent over JSON-RPC as the server's are. */
  carrying?: number;
}

async function runMarkdown(corpus: Corpus, edits: readonly Edit[], lines: number): Promise<MarkdownRun> {
  const service = await createMarkdownService();
  const doc = TextDocument.create(`file:///bench/meeting-pack-${lines}.md`, 'markdown', 1, corpus.markdown);
  const run: MarkdownRun = {};
  try {
    let t = performance.now();
    let last = await service.symbolsAndFolding(doc);
    run.open = performance.now() - t;
    run.answers = { symbols: last.symbols, folding: last.folding };
    const times: number[] = [];
    let version = 1;
    for (const edit of edits) {
      TextDocument.update(doc, [change(edit)], ++version);
      t = performance.now();
      last = await service.symbolsAndFolding(doc);
      times.push(performance.now() - t);
    }
    run.edit = stats(times);
    run.carrying = carrying(last.raw);
  } catch (e) {
    run.crashed = e instanceof Error ? e.message : String(e);
  } finally {
    service.dispose();
  }
  return run;
}

const FLOOR = [/^\s*[一二三四五六七八九十百]+、/, /^\s*（[一二三四五六七八九十百]+）/, /^\s*\d+[.．、]\D/, /^\s*（\d+）/];

/** The floor: split into lines and four heading regexes per line; returns the headings found. */
function floor(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  let headings = 0;
  for (const line of lines) {
    for (const re of FLOOR) {
      if (re.test(line)) {
        headings++;
        break;
      }
    }
  }
  return headings;
}

function runFloor(corpus: Corpus, edits: readonly Edit[]): { open: number; edit: Stats; headings: number } {
  const doc = TextDocument.create('file:///bench/floor.gongwen', 'gongwen', 1, corpus.gongwen);
  let t = performance.now();
  const headings = floor(doc.getText());
  const open = performance.now() - t;
  const times: number[] = [];
  let version = 1;
  let sink = 0;
  for (const edit of edits) {
    TextDocument.update(doc, [change(edit)], ++version);
    const text = doc.getText();
    t = performance.now();
    sink += floor(text);
    times.push(performance.now() - t);
  }
  return { open, edit: stats(times), headings: sink >= 0 ? headings : -1 };
}

interface SizeResult {
  lines: number;
  chars: number;
  headings: number;
  server: ServerRun;
  engine: EngineRun;
  markdown: MarkdownRun;
  floor: { open: number; edit: Stats; headings: number };
}

const MB = 1024 * 1024;
const ms = (x: number | undefined) => (x === undefined ? '—' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const times = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1)) + '×';

function table(results: readonly SizeResult[], edits: number, at: Options['at']): string {
  const kB = (n: number) => (n < 10240 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1024).toFixed(0)} kB`);
  const main = [
    '| lines | headings | gongwen server, median / p95 | Markdown service, median / p95 | floor, median / p95 | Markdown ÷ gongwen | gongwen ÷ floor | server RSS growth on open |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const context = [
    '| lines | gongwen engine in process, median / p95 | outline from the previous one / analysis kept | Markdown ÷ engine | answers to one edit: symbols + folding + diagnostics | carrying those answers (stringify, UTF-8, parse) | carrying ÷ floor | Markdown + carrying its answers ÷ gongwen server | open, first answers: server / engine / Markdown |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const md = r.markdown;
    const mdEdit = md.edit !== undefined ? `${ms(md.edit.median)} / ${ms(md.edit.p95)} ms` : 'crash';
    const ratio = (x: number) => (md.edit !== undefined ? times(md.edit.median / x) : 'crash');
    const p = r.server.payload;
    main.push(
      `| ${r.lines.toLocaleString('en')} | ${r.headings.toLocaleString('en')} | ${r.server.crashed !== undefined ? 'crash' : `${ms(r.server.edit.median)} / ${ms(r.server.edit.p95)} ms`} | ${mdEdit} | ` +
        `${ms(r.floor.edit.median)} / ${ms(r.floor.edit.p95)} ms | ${ratio(r.server.edit.median)} | ${times(r.server.edit.median / r.floor.edit.median)} | ` +
        `${((r.server.rssAfterOpen - r.server.rssBefore) / MB).toFixed(1)} MB |`,
    );
    context.push(
      `| ${r.lines.toLocaleString('en')} | ${ms(r.engine.edit.median)} / ${ms(r.engine.edit.p95)} ms | ${r.engine.reused.outline} / ${r.engine.reused.analysis} of ${edits} edits | ${ratio(r.engine.edit.median)} | ` +
        `${kB(p.symbols)} + ${kB(p.folding)} + ${kB(p.diagnostics)} | ${ms(p.json)} ms | ${times(p.json / r.floor.edit.median)} | ` +
        `${md.edit !== undefined && md.carrying !== undefined ? times((md.edit.median + md.carrying) / r.server.edit.median) : 'crash'} | ` +
        `${ms(r.server.open)} / ${ms(r.engine.open)} / ${md.open !== undefined ? ms(md.open) : 'crash'} ms |`,
    );
  }
  return [
    `Per edit, ${edits} random single-character edits (typing and backspace ${at === 'line-end' ? 'at the ends of random lines' : 'at random places'}):`,
    '- gongwen server: the real server process over stdio, from didChange until documentSymbol, foldingRange and',
    '  textDocument/diagnostic (sent at once, with the last resultId, as VS Code does) are all answered;',
    '- Markdown service: vscode-markdown-languageservice on the Markdown twin, in process: symbols + folding of the',
    '  new version;',
    '- floor: split the new text into lines + four heading regexes per line, in process.',
    '',
    ...main,
    '',
    'Context: the gongwen engine measured like the Markdown service (in process, no JSON-RPC: apply the change, outline,',
    "symbols, folding, analysis and the full diagnostic list); the size of the server's answers to the last edit, and",
    'what carrying them costs by itself (JSON.stringify + UTF-8 encoding in the server, decoding + JSON.parse in the',
    'client, as vscode-jsonrpc does): a lower bound for any server that sends these answers. The Markdown service',
    'is measured in process; "+ carrying" adds what carrying its own answers to the last edit would cost.',
    '',
    ...context,
  ].join('\n');
}

interface Target {
  name: string;
  value: string;
  met: boolean;
}

function targets(results: readonly SizeResult[]): Target[] {
  const out: Target[] = [];
  const at = (n: number) => results.find((r) => r.lines === n);
  const ten = at(10000);
  const hundred = at(100000);
  if (ten !== undefined) {
    const md = ten.markdown.edit;
    const speedup = md !== undefined ? md.median / ten.server.edit.median : Infinity;
    out.push({
      name: '10,000 lines: ≥ 50× faster per edit than the Markdown service',
      value: md !== undefined ? times(speedup) : 'Markdown crashed',
      met: speedup >= 50,
    });
    const overFloor = ten.server.edit.median / ten.floor.edit.median;
    out.push({ name: '10,000 lines: within 3× of the split + regex floor', value: times(overFloor), met: overFloor <= 3 });
  }
  if (hundred !== undefined) {
    const ok = hundred.server.crashed === undefined && hundred.server.answers.symbols > 0 && hundred.server.errors.length === 0;
    out.push({
      name: '100,000 lines: answers, no crash',
      value: `${hundred.server.crashed !== undefined ? `crash (${hundred.server.crashed}); ` : ''}${hundred.server.answers.symbols} symbols, ${hundred.server.answers.folding} folding ranges, ${hundred.server.answers.diagnostics} diagnostics, ${hundred.server.errors.length} errors logged`,
      met: ok,
    });
    if (ten !== undefined) {
      const growth = hundred.server.edit.median / ten.server.edit.median;
      out.push({ name: '100,000 lines: time per edit ≤ 12× the 10,000-line time', value: times(growth), met: growth <= 12 });
    }
    const rss = (hundred.server.rssAfterOpen - hundred.server.rssBefore) / MB;
    out.push({ name: 'opening 100,000 lines: server memory growth < 150 MB', value: `${rss.toFixed(1)} MB`, met: rss < 150 });
  }
  return out;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const materials = loadMaterials(join(ROOT, 'examples'));
  const results: SizeResult[] = [];
  for (const lines of opts.sizes) {
    const corpus = buildCorpus(materials, lines);
    const edits = makeEdits(corpus, opts.edits, opts.seed + lines, opts.at);
    process.stderr.write(`${lines} lines (${corpus.headings} headings): server…`);
    const server = await runServer(corpus, edits.gongwen, lines, opts);
    process.stderr.write(` ${ms(server.edit.median)} ms; engine in process…`);
    const engine = runEngine(
      corpus,
      edits.gongwen,
      lines,
      opts.maxItems !== undefined ? { ...DEFAULT_CONFIG, outlineMaxItems: opts.maxItems } : DEFAULT_CONFIG,
    );
    process.stderr.write(` ${ms(engine.edit.median)} ms; markdown…`);
    const markdown = await runMarkdown(corpus, edits.markdown, lines);
    process.stderr.write(` ${markdown.crashed !== undefined ? 'crash' : ms(markdown.edit?.median) + ' ms'}; floor…`);
    const floorRun = runFloor(corpus, edits.gongwen);
    process.stderr.write(` ${ms(floorRun.edit.median)} ms\n`);
    if (server.answers.symbols !== corpus.headings) {
      process.stderr.write(`  note: the server answered ${server.answers.symbols} symbols for ${corpus.headings} headings\n`);
    }
    for (const e of server.errors) {
      process.stderr.write(`  server error: ${e.split('\n')[0]}\n`);
    }
    if (server.crashed !== undefined) {
      process.stderr.write(`  the server failed: ${server.crashed}\n`);
    }
    if (markdown.crashed !== undefined) {
      process.stderr.write(`  Markdown service crashed: ${markdown.crashed}\n`);
    }
    results.push({ lines, chars: corpus.gongwen.length, headings: corpus.headings, server, engine, markdown, floor: floorRun });
  }
  const met = targets(results);
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, ${process.platform}`;
  const report = [
    table(results, opts.edits, opts.at),
    '',
    'Targets (medians):',
    ...(met.length > 0
      ? met.map((t) => `- [${t.met ? 'x' : ' '}] ${t.name}: ${t.value}`)
      : ['- (none at these sizes: the targets are at 10,000 and 100,000 lines)']),
    '',
    `Machine: ${machine}. Folding range limit announced: ${VSCODE_FOLDING_RANGE_LIMIT} (as VS Code). ` +
      `gongwen.outline.maxItems: ${opts.maxItems ?? `${DEFAULT_CONFIG.outlineMaxItems} (default)`}.`,
  ].join('\n');
  process.stdout.write(report + '\n');
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = { date: new Date().toISOString(), machine, options: opts, results, targets: met };
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
  writeFileSync(join(dir, 'latest.md'), report + '\n');
  process.stderr.write(`wrote ${join('bench', 'results', 'latest.json')}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
