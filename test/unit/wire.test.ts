/**
 * The wire's framing check (issue 10, class 7), as properties of server/src/node/wire.ts's FrameChecker: any stream of
 * well-framed messages, cut into chunks anywhere, passes byte for byte; a broken header after any such stream (no
 * Content-Length, a non-numeric, negative or huge one, a line without a colon, a header that never ends) fails the
 * stream with BrokenStreamError, after the messages before it and without the broken header's end; while the output
 * is held, no further message passes. The server process's side is in test/lsp/wire.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BrokenStreamError, FrameChecker, MAX_HEADER_BYTES, MAX_MESSAGE_BYTES } from '../../server/src/node/wire';

const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: SEED, includeErrorInReport: true });

/** A message as a client may frame it: any JSON body, Content-Length in any case, with or without Content-Type. */
const message = fc
  .record({
    body: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify({ jsonrpc: '2.0', method: 'x', params: v })),
    name: fc.constantFrom('Content-Length', 'content-length', 'CONTENT-LENGTH'),
    type: fc.boolean(),
  })
  .map(({ body, name, type }) => {
    const bytes = Buffer.from(body);
    const header = `${name}: ${bytes.length}\r\n${type ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : ''}\r\n`;
    return Buffer.concat([Buffer.from(header, 'latin1'), bytes]);
  });

const broken = fc.constantFrom(
  'Content-Type: application/json\r\n\r\n{}',
  'Content-Length: abc\r\n\r\n{}',
  'Content-Length: -5\r\n\r\n{}',
  'Content-Length: 12abc\r\n\r\n{}',
  'Content-Length: 1.5\r\n\r\n{}',
  `Content-Length: ${MAX_MESSAGE_BYTES + 1}\r\n\r\n{}`,
  'Content-Length: 99999999999999999999\r\n\r\n{}',
  'Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
  'garbage\r\n\r\n',
  '\r\n\r\n',
  'Content-Length: 2\r\n' + 'X-Padding: ' + 'x'.repeat(MAX_HEADER_BYTES) + '\r\n\r\n{}',
);

/** Cuts `bytes` at the given fractions of its length. */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) {
      chunks.push(bytes.subarray(from, p));
      from = p;
    }
  }
  return chunks;
}

/** Feeds the chunks through a checker (never held) and ends it; what passed, and the error if it failed. */
function run(chunks: Buffer[]): Promise<{ passed: Buffer; error?: Error }> {
  const checker = new FrameChecker(() => false);
  const out: Buffer[] = [];
  checker.on('data', (b: Buffer) => out.push(b));
  return new Promise((resolve) => {
    checker.on('error', (error) => resolve({ passed: Buffer.concat(out), error }));
    checker.on('end', () => resolve({ passed: Buffer.concat(out) }));
    for (const c of chunks) {
      checker.write(c);
    }
    checker.end();
  });
}

const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

test('well-framed messages cut into chunks anywhere: passed byte for byte', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(message, { maxLength: 8 }), fractions, async (messages, at) => {
      const bytes = Buffer.concat(messages);
      const { passed, error } = await run(cut(bytes, at));
      assert.equal(error, undefined);
      assert.ok(passed.equals(bytes));
    }),
    params(300),
  );
});

test('a broken header after any good messages: the stream fails, after the good messages, before the broken header ends', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(message, { maxLength: 4 }), broken, fractions, async (messages, bad, at) => {
      const good = Buffer.concat(messages);
      const header = Buffer.from(bad.slice(0, bad.indexOf('\r\n\r\n') + 4), 'latin1');
      const { passed, error } = await run(cut(Buffer.concat([good, Buffer.from(bad, 'latin1')]), at));
      assert.ok(error instanceof BrokenStreamError, `fails: ${JSON.stringify(bad.slice(0, 40))}`);
      assert.ok(passed.subarray(0, good.length).equals(good), 'the good messages passed');
      assert.ok(passed.length < good.length + header.length, 'the broken header did not pass whole');
    }),
    params(300),
  );
});

for (const [how, split] of [
  ['in one chunk', (m: Buffer[]) => [Buffer.concat(m)]],
  ['one chunk each', (m: Buffer[]) => m],
] as const) {
  test(`while the output is held, no further message passes; each resume lets the next one in (${how})`, async () => {
    const messages = ['{"a":1}', '{"b":2}', '{"c":3}'].map((b) => Buffer.from(`Content-Length: ${b.length}\r\n\r\n${b}`));
    const resumes: (() => void)[] = [];
    const checker = new FrameChecker((resume) => {
      resumes.push(resume);
      return true;
    });
    const out: Buffer[] = [];
    const arrived: (() => void)[] = [];
    checker.on('data', (b: Buffer) => {
      out.push(b);
      arrived.shift()?.();
    });
    const next = () => new Promise<void>((resolve) => arrived.push(resolve));
    const first = next();
    for (const chunk of split(messages)) {
      checker.write(chunk);
    }
    await first;
    assert.deepEqual(out, [messages[0]]);
    assert.equal(resumes.length, 1, 'held after the first message');
    for (const i of [1, 2]) {
      const more = next();
      resumes.shift()!();
      await more;
      assert.deepEqual(out, messages.slice(0, i + 1));
    }
  });
}
