/**
 * Files that are not documents, and trees that cannot be read (issue 10, classes 1 and 2), through the real command
 * line (`node bin/gongwen-outline.js` in a child process) and through server/src/node/files.ts directly.
 * - Special files: a character device (/dev/zero, /dev/null), a FIFO, a socket, a link to a device, a file past the
 *   size limit, given as the document or as `.gongwen.json`: refused by kind, exit 2, nothing read, nothing hangs.
 * - Trees: a symbolic link loop, a link leading back to a folder being walked, a folder that cannot be listed: said on
 *   stderr, the rest checked, exit 2 at the end. The folder that cannot be listed is one whose path is longer than
 *   PATH_MAX, which stops root as well (CI runs as root, and chmod 000 stops no reading by root).
 * - files.ts: a read that never returns is given up at the deadline; a file that grows past its stat size is cut at
 *   the limit; a FIFO swapped in between the stat and the open is refused by the fstat, without blocking.
 * Every child process has a timeout, which only turns a hang into a failure.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError, FileHandleLike, FileSystem, MAX_CONFIG_BYTES, MAX_DOCUMENT_BYTES, readRegularFile } from '../../server/src/node/files';
import { cli as runCli, CliResult } from '../support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-files-'));
after(() => spawnSync('rm', ['-rf', TMP])); // rm, not rmSync: the deep tree below is past PATH_MAX

const DOC = ['工作总结', '一、主要工作', '正文。', '二、存在的问题', '正文。'].join('\n');

/** The real command line, run in the tests' folder unless told otherwise. */
const cli = (args: string[], cwd = TMP): CliResult => runCli(args, cwd);

/** Exit 2, each fragment on stderr, no stack trace. */
function assertRefused(r: CliResult, ...says: RegExp[]): void {
  assert.equal(r.status, 2, `exit 2 (stderr: ${r.stderr})`);
  for (const s of says) {
    assert.match(r.stderr, s);
  }
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

function mkfifo(path: string): string {
  const r = spawnSync('mkfifo', [path]);
  assert.equal(r.status, 0, `mkfifo ${path}: ${String(r.stderr)}`);
  return path;
}

function dir(...parts: string[]): string {
  const path = join(TMP, ...parts);
  mkdirSync(path, { recursive: true });
  return path;
}

test('a device, a FIFO, a socket or a link to a device given as the document: refused by kind, exit 2', { timeout: 120000 }, async () => {
  const d = dir('special');
  const fifo = mkfifo(join(d, 'fifo.txt'));
  symlinkSync('/dev/zero', join(d, 'zero.txt'));
  const socket = join(d, 'socket.txt');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  try {
    for (const command of ['check', 'outline']) {
      assertRefused(cli([command, '/dev/zero']), /\/dev\/zero is a character device, not a regular file/);
      assertRefused(cli([command, '/dev/null']), /\/dev\/null is a character device/);
      assertRefused(cli([command, fifo]), /fifo\.txt is a FIFO \(named pipe\), not a regular file/);
      assertRefused(cli([command, join(d, 'zero.txt')]), /zero\.txt is a character device/);
      assertRefused(cli([command, socket]), /socket\.txt is a socket, not a regular file/);
    }
  } finally {
    server.close();
  }
});

test('a document larger than 64 MiB: refused from its size, nothing read, exit 2', { timeout: 120000 }, () => {
  const big = join(dir('big'), 'big.txt');
  writeFileSync(big, '');
  truncateSync(big, MAX_DOCUMENT_BYTES + 1); // sparse: no disk used
  assertRefused(cli(['check', big]), new RegExp(`big\\.txt is larger than ${MAX_DOCUMENT_BYTES} bytes`));
});

test('a .gongwen.json that is a FIFO, a link to /dev/zero, a folder or larger than 1 MiB: named, exit 2', { timeout: 120000 }, () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    ['fifo', (p) => mkfifo(p), /\.gongwen\.json is a FIFO/],
    ['zero', (p) => symlinkSync('/dev/zero', p), /\.gongwen\.json is a character device/],
    ['folder', (p) => mkdirSync(p), /\.gongwen\.json is a directory, not a regular file/],
    [
      'huge',
      (p) => {
        writeFileSync(p, '');
        truncateSync(p, MAX_CONFIG_BYTES + 1);
      },
      new RegExp(`\\.gongwen\\.json is larger than ${MAX_CONFIG_BYTES} bytes`),
    ],
  ];
  for (const [name, make, says] of cases) {
    const d = dir('config', name);
    writeFileSync(join(d, 'doc.txt'), DOC);
    make(join(d, '.gongwen.json'));
    assertRefused(cli(['check', join(d, 'doc.txt')]), says);
    assertRefused(cli(['outline', join(d, 'doc.txt')]), says);
  }
});

test(
  'a folder holding a FIFO and a device link under document names: both named, the documents checked, exit 2',
  { timeout: 120000 },
  () => {
    const d = dir('mixed');
    writeFileSync(join(d, 'a.txt'), DOC);
    mkfifo(join(d, 'b.txt'));
    symlinkSync('/dev/zero', join(d, 'c.txt'));
    writeFileSync(join(d, 'd.txt'), DOC);
    const r = cli(['check', d, '--format', 'json']);
    assertRefused(r, /b\.txt is a FIFO/, /c\.txt is a character device/);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file.slice(d.length + 1)),
      ['a.txt', 'd.txt'],
    );
  },
);

test('symbolic link loops in a folder: each named, the rest checked, exit 2 at the end', { timeout: 120000 }, () => {
  const d = dir('loops');
  writeFileSync(join(d, 'a.txt'), DOC);
  dir('loops', 'sub');
  writeFileSync(join(d, 'sub', 'b.txt'), DOC);
  symlinkSync('..', join(d, 'sub', 'up')); // back to a folder being walked
  symlinkSync('self.txt', join(d, 'self.txt')); // a link to itself
  symlinkSync('ping', join(d, 'pong'));
  symlinkSync('pong', join(d, 'ping'));
  symlinkSync('sub', join(d, 'sub2')); // the same folder by another way: walked once, not a loop
  const r = cli(['check', d, '--format', 'json']);
  assertRefused(
    r,
    /sub\/up leads back to .*loops, a folder it is in \(a symbolic link loop\); it is not followed/,
    /Cannot read .*self\.txt: ELOOP/,
    /Cannot read .*ping: ELOOP/,
    /Cannot read .*pong: ELOOP/,
  );
  const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file.slice(d.length + 1));
  assert.equal(files.length, 2, files.join(', '));
  assert.ok(files.includes('a.txt') && files.filter((f) => f.endsWith('b.txt')).length === 1, files.join(', '));
  // the loop given itself: its own error, not "no such file"
  assertRefused(cli(['check', join(d, 'self.txt')]), /Cannot read .*self\.txt: ELOOP \(too many symbolic links/);
  // a glob walks the same way
  const g = cli(['check', '**/*.txt', '--format', 'json'], d);
  assertRefused(g, /leads back to/, /self\.txt: ELOOP/);
  assert.equal((JSON.parse(g.stdout) as unknown[]).length, 2);
});

test(
  'a folder that cannot be listed (its path is past PATH_MAX, which stops root too): named, the rest checked, exit 2',
  { timeout: 120000 },
  () => {
    const d = dir('deep');
    writeFileSync(join(d, 'top.txt'), DOC);
    // 20 folders of 250 characters, past the 4,096 bytes of a path: made one by one from inside, in a child process
    const deeper = `for (let i = 0; i < 20; i++) { fs.mkdirSync('d'.repeat(250)); process.chdir('d'.repeat(250)); }`;
    const made = spawnSync(process.execPath, ['-e', `const fs = require('fs'); ${deeper} fs.writeFileSync('deepest.txt', '')`], {
      cwd: d,
      encoding: 'utf8',
    });
    assert.equal(made.status, 0, made.stderr);
    const r = cli(['check', 'deep', '--format', 'json']);
    assertRefused(r, /Cannot list the folder deep\/d{250}\/.*: ENAMETOOLONG \(name too long\)/);
    assert.equal(r.stderr.split('\n').filter((l) => l.includes('Cannot list')).length, 1, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file),
      ['deep/top.txt'],
    );
  },
);

// -------------------------------------------------------------------------------------------------------------
// files.ts with a file system that misbehaves

/** A promise and its resolver. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const code = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'read',
    (e: unknown) => (e instanceof FileError ? e.code : `not a FileError: ${String(e)}`),
  );

test('a read that never returns: given up at the deadline, not started again meanwhile, its handle closed when it returns', async () => {
  const file = join(dir('slow'), 'slow.txt');
  writeFileSync(file, DOC);
  const regular = statSync(file);
  const read = deferred<{ bytesRead: number }>();
  const closed = deferred<void>();
  let opens = 0;
  const hung: FileSystem = {
    stat: async () => regular,
    open: async (): Promise<FileHandleLike> => {
      opens++;
      return { stat: async () => regular, read: () => read.promise, close: async () => closed.resolve() };
    },
  };
  assert.equal(await code(readRegularFile(file, { maxBytes: 1000, deadlineMs: 20 }, hung)), 'ETIMEDOUT');
  // still stuck: a second read of the same path fails at once instead of taking another thread
  assert.equal(await code(readRegularFile(file, { maxBytes: 1000, deadlineMs: 60000 }, hung)), 'ETIMEDOUT');
  assert.equal(opens, 1);
  read.resolve({ bytesRead: 0 });
  await closed.promise;
  await new Promise((resolve) => setImmediate(resolve)); // the promise callbacks after the close have run
  // once it has returned, the path is read again
  assert.equal((await readRegularFile(file, { maxBytes: 1000, deadlineMs: 60000 })).toString('utf8'), DOC);
});

test('a file that grows past the size its stat gave: cut at the limit, never more than the limit read', async () => {
  const file = join(dir('growing'), 'growing.txt');
  writeFileSync(file, 'x');
  const small = statSync(file); // says 1 byte
  let read = 0;
  const endless: FileSystem = {
    stat: async () => small,
    open: async () => ({
      stat: async () => small,
      read: async (buffer: Buffer, offset: number, length: number) => {
        buffer.fill(0x61, offset, offset + length);
        read += length;
        return { bytesRead: length };
      },
      close: async () => undefined,
    }),
  };
  assert.equal(await code(readRegularFile(file, { maxBytes: 100_000, deadlineMs: 60000 }, endless)), 'EFBIG');
  assert.ok(read <= 100_001, `${read} bytes read`);
});

test('a FIFO put in place of a regular file between the stat and the open: the open does not block, the fstat refuses it', async () => {
  const d = dir('swap');
  writeFileSync(join(d, 'regular.txt'), DOC);
  const fifo = mkfifo(join(d, 'swapped.txt'));
  const regular = statSync(join(d, 'regular.txt'));
  const swapped: FileSystem = { stat: async () => regular, open: (path, flags) => open(path, flags) };
  assert.equal(await code(readRegularFile(fifo, { maxBytes: 1000, deadlineMs: 60000 }, swapped)), 'ENOTREG');
  // and through the real file system, refused from the stat
  assert.equal(await code(readRegularFile(fifo, { maxBytes: 1000, deadlineMs: 60000 })), 'ENOTREG');
  assert.equal(await code(readRegularFile(join(d, 'none.txt'), { maxBytes: 1000, deadlineMs: 60000 })), 'ENOENT');
  rmSync(fifo);
});
