/**
 * The wire of the real server process (issue 10, class 7): raw bytes with a broken header, a client that never reads,
 * requests after shutdown. A broken stream ends the server with a line on stderr and a non-zero code (it used to stay
 * alive and deaf); output for a client that does not read stays near the high-water mark (it grew to gigabytes), and
 * every request is answered once the client reads; a request after shutdown is answered InvalidRequest, over stdio
 * and over IPC (how VS Code starts the server).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { HANG_GUARD, open, SERVER, startServer, TestServer } from './serverProcess';

const DOC = '工作总结\n一、主要工作\n正文。\n二、存在的问题\n正文。\n';

const write = (s: TestServer, bytes: string | Buffer): Promise<void> =>
  new Promise((resolve, reject) => s.process.stdin!.write(bytes, (e) => (e ? reject(e) : resolve())));

const symbols = (s: TestServer, uri: string) =>
  s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>;

/** The resident memory of a process, in bytes (Linux). */
function rss(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(kb?.[1] ?? 0) * 1024;
}

test('a malformed header: the server says what is wrong on stderr and exits non-zero, instead of going deaf', HANG_GUARD, async () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['Content-Length missing', 'Content-Type: application/vscode-jsonrpc\r\n\r\n{}', /without Content-Length/],
    ['non-numeric', 'Content-Length: twelve\r\n\r\n{}', /Content-Length is not a number of bytes: "twelve"/],
    ['negative', 'Content-Length: -20\r\n\r\n{"jsonrpc":"2.0"}', /Content-Length is not a number of bytes: "-20"/],
    ['huge', 'Content-Length: 99999999999\r\n\r\n{}', /Content-Length 99999999999 is more than/],
    ['a line without a colon', 'Content-Length 2\r\n\r\n{}', /a header line without a colon/],
    ['a header that never ends', Buffer.alloc(64 * 1024, 'x'), /no blank line ends it/],
  ];
  await Promise.all(
    cases.map(async ([name, bytes, says]) => {
      const s = await startServer();
      try {
        await open(s, 'file:///wire/a.txt', DOC);
        assert.equal((await symbols(s, 'file:///wire/a.txt')).length, 2, 'serving before');
        await write(s, bytes);
        const code = await s.exited;
        assert.ok(code !== 0 && code !== null, `${name}: exit code ${code}`);
        assert.match(s.stderr(), /gongwen-language-server: the client's stream is broken/, name);
        assert.match(s.stderr(), says, name);
      } finally {
        await s.stop();
      }
    }),
  );
});

test(
  'a client that never reads: the server stops reading near the high-water mark, says so, and answers all once read',
  HANG_GUARD,
  async () => {
    const s = await startServer();
    try {
      const lines = ['工作总结'];
      for (let i = 0; i < 300; i++) {
        lines.push(i % 10 === 0 ? `${['一', '二', '三'][i % 3]}、方面${i}` : `${(i % 10) + 1}.事项${i}`);
      }
      const uri = 'file:///wire/big.txt';
      await open(s, uri, lines.join('\n'));
      const expected = (await symbols(s, uri)).length;
      s.process.stdout!.pause(); // the client stops reading
      const answers: Promise<DocumentSymbol[]>[] = [];
      const limit = 512 * 1024 * 1024;
      // requests as fast as the server takes them: a new one whenever the last has left this process
      while (!s.stderr().includes('the client is not reading')) {
        assert.ok(rss(s.process.pid!) < limit, `the server holds ${rss(s.process.pid!)} bytes for a client that does not read`);
        if (s.process.stdin!.writableLength === 0) {
          answers.push(symbols(s, uri));
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      // a few more requests while it is held: they wait, they are not lost
      for (let i = 0; i < 20; i++) {
        answers.push(symbols(s, uri));
      }
      assert.ok(rss(s.process.pid!) < limit, `${rss(s.process.pid!)} bytes held`);
      s.process.stdout!.resume(); // the client reads again
      for (const answer of await Promise.all(answers)) {
        assert.equal(answer.length, expected);
      }
      assert.equal((await symbols(s, uri)).length, expected);
    } finally {
      s.process.stdout!.resume();
      await s.stop();
    }
  },
);

test('requests after shutdown: answered InvalidRequest, not handled; exit then ends the process with 0', HANG_GUARD, async () => {
  const s = await startServer();
  try {
    await open(s, 'file:///wire/a.txt', DOC);
    await s.connection.sendRequest('shutdown');
    for (const [method, params] of [
      ['textDocument/documentSymbol', { textDocument: { uri: 'file:///wire/a.txt' } }],
      ['workspace/symbol', { query: '' }],
      ['shutdown', undefined],
    ] as const) {
      await assert.rejects(
        s.connection.sendRequest(method, params),
        (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidRequest && e.message.includes('after shutdown'),
        method,
      );
    }
    await s.connection.sendNotification('exit');
    assert.equal(await s.exited, 0);
  } finally {
    await s.stop();
  }
});

test('over IPC, as VS Code starts the server: answered, a request after shutdown refused, exit ends it with 0', HANG_GUARD, async () => {
  const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const uri = 'file:///wire/ipc.txt';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gongwen', version: 1, text: DOC } });
    assert.equal(((await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[]).length, 2);
    await connection.sendRequest('shutdown');
    await assert.rejects(
      connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
      (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidRequest,
    );
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    child.kill();
    connection.dispose();
  }
});
