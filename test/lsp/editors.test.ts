/**
 * Real editors, headless, against the real server: Neovim (its built-in client) and Emacs with eglot open a fixture
 * document with the README's configuration, get its diagnostics and its outline (document symbols). Each session
 * has a deadline and fails with what the editor wrote. The editors are Debian packages (bash .ci/setup-editors.sh);
 * without them a test says it is skipped and why, except on CI (CI=true), where a missing editor fails.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test, TestContext } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = join(ROOT, 'bin', 'gongwen-language-server.js');
const TMP = mkdtempSync(join(tmpdir(), 'gongwen-editors-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

/** A self-inspection document without its causes section: one section.missing at line 4 (二、整改措施). */
const DOC = '民主生活会个人对照检查材料\n一、存在的主要问题\n（一）学习不够深入。\n二、整改措施\n（一）加强学习。\n';
const SESSION_DEADLINE_MS = 120_000;

interface Session {
  error?: string;
  diagnostics?: { line: number; text: string; code?: string }[];
  symbols?: string[];
  warnings?: string[];
  /** Neovim: the completion labels at the empty last line, the answer of a section command and the lines after it. */
  completion?: string[];
  executed?: { applied?: boolean; error?: string };
  lines?: string[];
}

function available(t: TestContext, command: string): boolean {
  if (spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0) {
    return true;
  }
  const why = `${command} is not installed: run bash .ci/setup-editors.sh (Debian packages)`;
  assert.notEqual(process.env.CI, 'true', `on CI: ${why}`);
  process.stdout.write(`# SKIPPED: ${why}\n`);
  t.skip(why);
  return false;
}

function run(name: string, command: string, args: string[], lang: string): Session {
  const fixture = join(TMP, `${name}-对照检查材料.txt`);
  const out = join(TMP, `${name}.json`);
  writeFileSync(fixture, DOC);
  const r = spawnSync(command, args, {
    cwd: join(ROOT, 'test', 'editors'),
    env: { ...process.env, GONGWEN_SERVER: SERVER, GONGWEN_FIXTURE: fixture, GONGWEN_OUT: out, LANG: lang, LC_ALL: '', LC_MESSAGES: '' },
    encoding: 'utf8',
    timeout: SESSION_DEADLINE_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = `exit ${r.status} ${r.signal ?? ''} ${String(r.error ?? '')}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
  assert.ok(existsSync(out), `${name} wrote no result within the deadline:\n${log}`);
  const session = JSON.parse(readFileSync(out, 'utf8')) as Session;
  assert.equal(session.error, undefined, `${name}: ${session.error}\n${log}`);
  return session;
}

function assertSession(session: Session, message: RegExp): void {
  assert.deepEqual(
    // the review codes of SPEC §9 left out: this short material gets them all (tested in test/unit)
    session.diagnostics
      ?.filter((d) => !/^review\./.test(String(d.code ?? '')) && !/\[review\./.test(d.text))
      .map((d) => [d.line, message.test(d.text)]),
    [[4, true]],
    JSON.stringify(session.diagnostics),
  );
  assert.deepEqual(session.symbols, ['一、存在的主要问题', '二、整改措施']);
}

test(
  'Neovim (built-in client) under LANG=zh_CN.UTF-8: Chinese diagnostics and the document symbols',
  { timeout: SESSION_DEADLINE_MS + 10_000 },
  (t) => {
    if (!available(t, 'nvim')) {
      return;
    }
    // Neovim sends no initialize.locale: the server takes the language from LANG
    const session = run('neovim', 'nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', 'luafile neovim-session.lua'], 'zh_CN.UTF-8');
    assertSession(session, /缺少必备部分“产生问题的原因”/);
    // completion after （一）加强学习。: the next sibling first, then the first child and the next top-level heading
    assert.deepEqual(session.completion?.slice(0, 3), ['（二）', '1.', '三、'], JSON.stringify(session.completion));
    // gongwen.section.moveUp on 二、整改措施: Neovim applied the server's edit, both headings renumbered
    assert.deepEqual(session.executed, { applied: true });
    assert.deepEqual(session.lines, [
      '民主生活会个人对照检查材料',
      '一、整改措施',
      '（一）加强学习。',
      '二、存在的主要问题',
      '（一）学习不够深入。',
    ]);
  },
);

test(
  'Emacs + eglot: diagnostics through Flymake, document symbols, and no warning from eglot',
  { timeout: SESSION_DEADLINE_MS + 10_000 },
  (t) => {
    if (!available(t, 'emacs')) {
      return;
    }
    const session = run('eglot', 'emacs', ['--batch', '-q', '-l', 'eglot-session.el'], 'C.UTF-8');
    assertSession(session, /Required section “产生问题的原因” is missing/);
    assert.deepEqual(session.warnings, [], 'eglot warned (e.g. about an unsupported registration)');
  },
);
