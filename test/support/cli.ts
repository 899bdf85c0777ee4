/** Runs the real command line (`node bin/gongwen-outline.js`) in a child process, with a chosen locale. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', '..', '..', 'bin', 'gongwen-outline.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd: string, lang = 'C'): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' },
    timeout: 120000,
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(r.error, undefined, `the command line ran: ${String(r.error)}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
