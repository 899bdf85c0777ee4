/**
 * The folder scenario of `npm run bench` (issue 14): a workspace folder of N generated materials of 5,000–15,000 字
 * (test/support/materials.ts; every tenth copies a paragraph of the one before, so review.similar has pairs to find).
 *
 *  - server: ours as a real process with the folder as its workspace: the time from `initialized` until the index
 *    holds every material (polled with gongwen/materials), the memory then, one workspace/diagnostic and one
 *    workspace/symbol answer (time, items), then keystrokes in an open material: the time until the document pull
 *    answers (what a keystroke costs with the folder indexed), and the peak memory;
 *  - core: the review.similar index alone, in this process: the time to add every material, and the time to compare
 *    one material again after a keystroke (SimilarIndex.set of the edited version: what the server does in one slice
 *    after the pause that follows an edit), with the bytes its tables hold.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineTable } from '../server/src/core/lines';
import { parse } from '../server/src/core/parser';
import { SimilarIndex } from '../server/src/core/similar';
import type { MaterialsResult } from '../server/src/protocol';
import { material, paragraph } from '../test/support/materials';
import { prng } from '../test/support/prng';
import { BenchServer, ServerSpec } from './client';
import { Summary, summarize } from './keystrokes';

export interface FolderRun {
  materials: number;
  /** 字数 of all materials (characters of the generated text, no spaces). */
  chars: number;
  failed?: string;
  server?: {
    indexMs: number;
    rssAfterIndex: number;
    peakRss: number;
    /** Materials with review.similar findings (not pairs: a material may share with several). */
    similarPairs: number;
    workspaceDiagnostic: { ms: number; items: number; similar: number; bytes: number };
    workspaceSymbol: { ms: number; items: number };
    keystroke: Summary;
  };
  core: { buildMs: number; recheck: Summary; bytes: number; pairs: number };
}

/** The generated folder: file name → text. */
export function folderOf(count: number, seed: number): Map<string, string> {
  const rand = prng(seed);
  const files = new Map<string, string>();
  let previous: string[] = [];
  for (let i = 0; i < count; i++) {
    const chars = 5000 + Math.floor(rand() * 10000);
    const copied = i % 10 === 9 && previous.length > 0 ? [previous[Math.floor(rand() * previous.length)]] : [];
    const own = paragraph(rand, 150);
    const text = material(rand, chars, [own, ...copied]);
    previous = [own];
    files.set(`${String(Math.floor(i / 100)).padStart(2, '0')}/材料${String(i).padStart(4, '0')}.txt`, text);
  }
  return files;
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

function coreFigures(files: Map<string, string>, edits: number): FolderRun['core'] {
  const index = new SimilarIndex({ related: () => true });
  const started = process.hrtime.bigint();
  for (const [name, text] of files) {
    index.set(name, { outline: parse(LineTable.of(text)) });
  }
  const buildMs = ms(started);
  const [name, text] = [...files][9 % files.size];
  const lines = text.split('\n');
  const times: number[] = [];
  for (let k = 0; k < edits; k++) {
    const line = 3 + (k % (lines.length - 4));
    lines[line] = lines[line].slice(0, -1) + '改。';
    const outline = parse(LineTable.of(lines.join('\n')));
    const t = process.hrtime.bigint();
    index.set(name, { outline });
    times.push(ms(t));
  }
  return { buildMs, recheck: summarize(times), bytes: index.bytes, pairs: index.allPairs().length };
}

async function serverFigures(spec: ServerSpec, dir: string, files: Map<string, string>, edits: number, timeoutS: number) {
  const server = new BenchServer(spec, dir);
  const deadline = Date.now() + timeoutS * 1000;
  try {
    await server.initialize();
    const started = process.hrtime.bigint();
    let list: MaterialsResult;
    for (;;) {
      list = await server.request<MaterialsResult>('gongwen/materials', {});
      if (!list.building && list.materials.length >= files.size) {
        break;
      }
      if (Date.now() > deadline || server.exited !== undefined) {
        throw new Error(`the index holds ${list.materials.length} of ${files.size} materials after ${timeoutS} s ${server.exited ?? ''}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const indexMs = ms(started);
    const rssAfterIndex = server.memory().rss;
    let t = process.hrtime.bigint();
    const report = await server.request<{ items: { kind: string; items?: { code?: unknown }[] }[] }>('workspace/diagnostic', {
      previousResultIds: [],
    });
    const workspaceDiagnostic = {
      ms: ms(t),
      items: report.items.length,
      similar: report.items.reduce((n, i) => n + (i.items ?? []).filter((d) => d.code === 'review.similar').length, 0),
      bytes: Buffer.byteLength(JSON.stringify(report)),
    };
    t = process.hrtime.bigint();
    const symbols = await server.request<unknown[]>('workspace/symbol', { query: '问题' });
    const workspaceSymbol = { ms: ms(t), items: symbols.length };
    // keystrokes in the tenth material (it copies a paragraph): the document pull after each
    const text = files.get(spec.file)!;
    server.open(text);
    await server.diagnostic(true);
    const lines = text.split('\n');
    const times: number[] = [];
    for (let k = 0; k < edits; k++) {
      const line = 3 + (k % (lines.length - 4));
      server.sendChange(server.keystroke(line, lines[line].length - 1, '改'));
      lines[line] = lines[line].slice(0, -1) + '改' + lines[line].slice(-1);
      const k0 = process.hrtime.bigint();
      await server.diagnostic();
      times.push(ms(k0));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return {
      indexMs,
      rssAfterIndex,
      peakRss: server.memory().peak,
      similarPairs: list.materials.filter((m) => m.similar > 0).length,
      workspaceDiagnostic,
      workspaceSymbol,
      keystroke: summarize(times),
    };
  } finally {
    await server.stop();
  }
}

export async function runFolderScenario(
  counts: readonly number[],
  spec: ServerSpec,
  opts: { edits: number; timeout: number; seed: number },
  log: (line: string) => void,
): Promise<FolderRun[]> {
  const runs: FolderRun[] = [];
  for (const count of counts) {
    const files = folderOf(count, opts.seed + count);
    const chars = [...files.values()].reduce((n, text) => n + text.replace(/\s/g, '').length, 0);
    log(`\n== folder of ${count} materials (${chars} 字): index, workspace diagnostics, keystrokes`);
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-bench-folder-'));
    const run: FolderRun = { materials: count, chars, core: coreFigures(files, opts.edits) };
    try {
      for (const [name, text] of files) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      const edited = [...files.keys()][9 % files.size];
      run.server = await serverFigures({ ...spec, file: edited, languageId: 'plaintext' }, dir, files, opts.edits, opts.timeout * 10);
    } catch (e) {
      run.failed = e instanceof Error ? e.message : String(e);
      log(`folder of ${count}: ${run.failed}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    runs.push(run);
  }
  return runs;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const f1 = (n: number) => n.toFixed(1);

export function folderReport(runs: readonly FolderRun[]): string {
  const rows = runs.map((r) => {
    const s = r.server;
    return (
      `| ${r.materials} | ${(r.chars / 1e6).toFixed(1)} M | ` +
      (s === undefined
        ? `failed: ${r.failed ?? ''} | | | | | |`
        : `${(s.indexMs / 1000).toFixed(1)} s | ${mb(s.rssAfterIndex)} / ${mb(s.peakRss)} MB | ${f1(s.workspaceDiagnostic.ms)} ms (${s.workspaceDiagnostic.items} items, ${s.workspaceDiagnostic.similar} similar, ${mb(s.workspaceDiagnostic.bytes)} MB) | ${f1(s.workspaceSymbol.ms)} ms | ${f1(s.keystroke.median)} / ${f1(s.keystroke.p95)} ms |`) +
      ` ${(r.core.buildMs / 1000).toFixed(2)} s | ${f1(r.core.recheck.median)} / ${f1(r.core.recheck.p95)} ms | ${mb(r.core.bytes)} MB | ${r.core.pairs} |`
    );
  });
  return [
    '### Folder: the workspace index and review.similar',
    '',
    '| materials | 字 | index built | RSS after / peak | workspace/diagnostic | workspace/symbol | keystroke (pull) median / p95 | similar: add all | re-check one median / p95 | similar tables | pairs |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
