// Helpers for the e2e tests: open fixtures, read what the extension provides through the VS Code API, and wait
// for it with a deadline (an event where VS Code has one, polling where it has none; never a fixed sleep).
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as util from 'util';
import * as vscode from 'vscode';

/**
 * Writes a line to the test output. In the remote extension host of the VS Code server, console output goes to
 * the browser: the launcher names a file in $GONGWEN_E2E_OUTPUT and relays it to its own stdout.
 */
export function log(...args: unknown[]): void {
  const output = process.env.GONGWEN_E2E_OUTPUT;
  if (output) {
    fs.appendFileSync(output, `${util.format(...args)}\n`);
  } else {
    console.log(...args);
  }
}

export const EXTENSION_ID = 'gongwen.gongwen-outline';
export const DEADLINE_MS = 30_000;

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Activates the extension under test (the unpacked .vsix) and returns it. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  await extension.activate();
  return extension;
}

/**
 * Opens a document in an editor, as a user does. (The language client pulls diagnostics for visible documents
 * only, so a document that is merely opened with openTextDocument gets none.)
 */
export async function openEditor(target: vscode.Uri | vscode.TextDocument): Promise<vscode.TextEditor> {
  const document = target instanceof vscode.Uri ? await vscode.workspace.openTextDocument(target) : target;
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Closes an untitled document without the save prompt. */
export async function closeUntitled(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** A fresh copy of a fixture under scratch/, so that a test can edit it without touching other tests' files. */
export async function scratchCopy(fixture: string, name: string): Promise<vscode.Uri> {
  const target = workspaceUri('scratch', name);
  await vscode.workspace.fs.copy(workspaceUri(fixture), target, { overwrite: true });
  return target;
}

/** Polls `probe` until it returns a value other than undefined, or fails after `ms` with `what`. */
export async function poll<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${ms} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// ---------------------------------------------------------------------------------------------- diagnostics

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * The extension's diagnostics for a document (source "gongwen"), in document order, without the review codes of
 * SPEC §9 (the short materials of these tests get them all; they are tested in test/unit and test/lsp); review.similar
 * (SPEC §10, a folder's code) stays.
 */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'gongwen' && (codeOf(d) === 'review.similar' || !codeOf(d).startsWith('review.')))
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  const severities = ['error', 'warning', 'information', 'hint'];
  return diagnostics.length === 0
    ? '(none)'
    : diagnostics
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${severities[d.severity]} ${codeOf(d)} ${d.message}`)
        .join('\n  ');
}

/**
 * Waits until the extension's diagnostics for `uri` satisfy `expected`: checks now, then on every
 * onDidChangeDiagnostics event for that document, and fails after the deadline showing what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  expected: (diagnostics: vscode.Diagnostic[]) => boolean,
  ms = DEADLINE_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const settle = (): boolean => {
      const current = ours(uri);
      if (!expected(current)) {
        return false;
      }
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) {
        settle();
      }
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${ms} ms waiting for diagnostics: ${what}\n  had: ${describeDiagnostics(ours(uri))}`));
    }, ms);
    const cleanup = () => {
      subscription.dispose();
      clearTimeout(timer);
    };
    settle();
  });
}

/** The codes of the extension's diagnostics, as "code@line" (1-based line) strings in document order. */
export function codesAt(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`);
}

// ------------------------------------------------------------------------------------- symbols and folding

export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return result ?? [];
}

export async function foldingRanges(uri: vscode.Uri): Promise<vscode.FoldingRange[]> {
  const result = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', uri);
  return result ?? [];
}

/** Waits until the document has document symbols (the server is up and has parsed it). */
export function symbolsOf(uri: vscode.Uri, what = `document symbols of ${path.basename(uri.path)}`): Promise<vscode.DocumentSymbol[]> {
  return poll(what, async () => {
    const symbols = await documentSymbols(uri);
    return symbols.length > 0 ? symbols : undefined;
  });
}

export function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

/** Names of a symbol tree, indented two spaces a level, one per line: easy to read in an assertion diff. */
export function symbolNames(symbols: readonly vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...symbolNames(s.children ?? [], depth + 1)]);
}

// ------------------------------------------------------------------------------------------------ settings

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
}

// -------------------------------------------------------------------------------------------- the server

/** Pids of the language server processes (node running dist/server.js) that are children of this extension host. */
export function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && cmdline.some((arg) => arg.endsWith(path.join('dist', 'server.js')))) {
        pids.push(Number(entry));
      }
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

// ------------------------------------------------------------------------------------------- screenshots

/**
 * Saves a PNG of the whole workbench once `selector` (containing `text`) is visible, after clicking `click` if
 * given, through the launcher's screenshot service. Returns false when there is no such service (desktop VS
 * Code) or no target directory.
 */
export async function screenshot(name: string, wait: { selector: string; text: string; click?: string }): Promise<boolean> {
  const service = process.env.GONGWEN_E2E_SCREENSHOT_URL;
  const dir = process.env.GONGWEN_E2E_SCREENSHOTS;
  if (!service || !dir) {
    return false;
  }
  const query = new URLSearchParams({ path: path.join(dir, `${name}.png`), ...wait, timeout: String(DEADLINE_MS) });
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get(`${service}/screenshot?${query.toString()}`, (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      })
      .on('error', reject);
  });
  assert.strictEqual(status, 200, `screenshot ${name}: ${body}`);
  return true;
}
