// Mocha entry point loaded by VS Code's extension host (`--extensionTestsPath`). Runs every *.test.js beside it,
// in name order, filtered by $GONGWEN_E2E_GREP, and writes a summary to $GONGWEN_E2E_RESULTS for the runner.
// The reporter writes through helpers.log (see there for where output goes in the VS Code server).
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import { log } from './helpers';
import type { RunResults } from './results';

export async function run(): Promise<void> {
  // The reporters write through Base.consoleLog; the extension host's console cannot be reassigned.
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 90_000,
    grep: process.env.GONGWEN_E2E_GREP || undefined,
  });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  log(
    `VS Code ${vscode.version} (${vscode.env.appHost}${vscode.env.remoteName ? `, remote ${vscode.env.remoteName}` : ''}), ` +
      `display language ${vscode.env.language}, extension host on Node ${process.version}`,
  );

  const results: RunResults = {
    passed: 0,
    failed: 0,
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
    remoteName: vscode.env.remoteName,
    language: vscode.env.language,
    failures: [],
  };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => results.passed++);
    runner.on('fail', (test, error: Error) => {
      results.failed++;
      results.failures.push({ test: test.fullTitle(), error: error.message });
    });
  });
  if (process.env.GONGWEN_E2E_RESULTS) {
    fs.writeFileSync(process.env.GONGWEN_E2E_RESULTS, JSON.stringify(results, null, 2));
  }
  if (results.failed > 0) {
    throw new Error(`${results.failed} e2e test(s) failed`);
  }
  if (results.passed === 0) {
    throw new Error('no e2e test ran');
  }
}
