/**
 * The workspace index (server/src/workspace.ts) with a host in memory, and its file helpers (node/files.ts) on the
 * real file system: a file that changes while it is read, a symbolic link loop, creation, change, deletion and
 * renaming of files, the open version winning over the file.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Message } from '../../server/src/core/messages';
import { format } from '../../server/src/core/messages';
import type { DirectoryListing, Host, MaterialRead } from '../../server/src/host';
import { FileSystem, listDirectory, readMaterialBytes } from '../../server/src/node/files';
import { GongwenDocument } from '../../server/src/service/document';
import { Settings } from '../../server/src/settings';
import { WorkspaceIndex } from '../../server/src/workspace';
import { material, paragraph } from '../support/materials';
import { prng } from '../support/prng';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-index-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

test('readMaterialBytes: a file whose size changes while it is read is reported as changed', async () => {
  const file = join(TMP, 'changing.txt');
  writeFileSync(file, '一、甲\n');
  const first = statSync(file);
  writeFileSync(file, '一、甲乙丙\n');
  const second = statSync(file);
  let stats = 0;
  const changing: FileSystem = {
    stat: async () => (stats++ === 0 ? first : second),
    open: async () => ({
      stat: async () => first,
      read: async (buffer: Buffer, offset: number, length: number, position: number) => {
        const bytes = Buffer.from('一、甲\n').subarray(position, position + length);
        bytes.copy(buffer, offset);
        return { bytesRead: bytes.length };
      },
      close: async () => undefined,
    }),
  };
  assert.deepEqual(await readMaterialBytes(file, { maxBytes: 1000, deadlineMs: 60000 }, changing), { changed: true });
  const steady = await readMaterialBytes(file, { maxBytes: 1000, deadlineMs: 60000 });
  assert.ok('bytes' in steady && steady.bytes.toString('utf8') === '一、甲乙丙\n');
});

test('listDirectory: a symbolic link back to the folder has the folder’s identity; a broken link is left out', async () => {
  const dir = join(TMP, 'loop');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  symlinkSync(dir, join(dir, 'sub', 'up'));
  symlinkSync(join(dir, 'nowhere'), join(dir, 'broken.txt'));
  const top = await listDirectory(dir);
  const up = await listDirectory(join(dir, 'sub', 'up'));
  assert.ok('id' in top && 'id' in up);
  assert.equal(up.id, top.id);
  assert.deepEqual(
    top.entries.map((e) => [e.name, e.kind]),
    [['sub', 'directory']],
  );
  const missing = await listDirectory(join(dir, 'none'));
  assert.ok('problem' in missing && /ENOENT/.test(format(missing.problem)));
});

/** A host whose files live in a map (path → text or a read result); folders in `unlistable` cannot be listed. */
function memoryHost(files: Map<string, string | MaterialRead>, unlistable: ReadonlySet<string> = new Set()): Host {
  return {
    readFile: async () => undefined,
    l10nBundle: () => undefined,
    locale: undefined,
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
    async listDirectory(uri): Promise<DirectoryListing> {
      if (unlistable.has(uri)) {
        return { problem: { template: 'Cannot list the folder {0}: {1}', args: [uri, 'EACCES (permission denied)'] } };
      }
      const prefix = uri.replace(/\/$/, '') + '/';
      const names = new Map<string, 'file' | 'directory'>();
      for (const path of files.keys()) {
        if (path.startsWith(prefix)) {
          const rest = path.slice(prefix.length);
          names.set(rest.split('/')[0], rest.includes('/') ? 'directory' : 'file');
        }
      }
      return { id: uri, entries: [...names].map(([name, kind]) => ({ name, kind })) };
    },
    async readMaterial(uri) {
      const entry = files.get(uri);
      return typeof entry === 'string' ? { text: entry } : entry;
    },
  };
}

function makeIndex(files: Map<string, string | MaterialRead>, unlistable?: ReadonlySet<string>) {
  const logged: string[] = [];
  const similarChanges: string[][] = [];
  const settings = new Settings({
    section: async () => undefined,
    readFile: async () => undefined,
    workspaceFolders: () => ['file:///ws'],
    trusted: () => true,
    report: () => undefined,
  });
  const index = new WorkspaceIndex({
    host: memoryHost(files, unlistable),
    settings,
    log: (m: Message) => logged.push(format(m)),
    changed: ({ similar }) => similarChanges.push([...similar].sort()),
    served: (languageId, outline) => languageId === 'gongwen' || outline.all.length > 0,
  });
  return { index, logged, similarChanges };
}

const paths = (index: WorkspaceIndex) =>
  [...index.all()]
    .map((m) => m.path)
    .sort()
    .join(' ');

/** Waits until a condition holds, yielding to the index's slices (no fixed sleeps; the test runner's timeout bounds it). */
async function until(ok: () => boolean): Promise<void> {
  while (!ok()) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test(
  'the index: created, changed, deleted and renamed files; a file that keeps changing while read is left out',
  { timeout: 60000 },
  async () => {
    const rand = prng(21);
    const shared = paragraph(rand, 100);
    const files = new Map<string, string | MaterialRead>([
      ['file:///ws/a.txt', material(rand, 1000, [shared])],
      ['file:///ws/dir/b.txt', material(rand, 1000, [shared])],
      ['file:///ws/note.txt', 'no headings here\n'],
      ['file:///ws/busy.txt', { changed: true }],
      ['file:///ws/.git/x.txt', material(rand, 500)],
      ['file:///ws/dir/.draft.txt', material(rand, 500)],
    ]);
    const { index, logged } = makeIndex(files);
    await index.rebuild(['file:///ws'], () => []);
    await index.whenIdle();
    assert.equal(paths(index), 'a.txt dir/b.txt');
    assert.ok(logged.some((l) => l.includes('busy.txt') && l.includes('kept changing')));
    assert.deepEqual(
      index.similarOf('file:///ws/a.txt').map((m) => m.other),
      ['file:///ws/dir/b.txt'],
    );

    // created
    files.set('file:///ws/c.txt', material(rand, 1000, [shared]));
    index.fileEvents([{ uri: 'file:///ws/c.txt', type: 1 }]);
    await index.whenIdle();
    assert.equal(paths(index), 'a.txt c.txt dir/b.txt');
    assert.equal(index.similarOf('file:///ws/a.txt').length, 2);
    // changed: b drops the paragraph
    files.set('file:///ws/dir/b.txt', material(rand, 1000));
    index.fileEvents([{ uri: 'file:///ws/dir/b.txt', type: 2 }]);
    await index.whenIdle();
    assert.deepEqual(
      index.similarOf('file:///ws/a.txt').map((m) => m.other),
      ['file:///ws/c.txt'],
    );
    // renamed: c → d
    files.set('file:///ws/d.txt', files.get('file:///ws/c.txt')!);
    files.delete('file:///ws/c.txt');
    index.fileEvents([
      { uri: 'file:///ws/c.txt', type: 3 },
      { uri: 'file:///ws/d.txt', type: 1 },
    ]);
    await index.whenIdle();
    assert.equal(paths(index), 'a.txt d.txt dir/b.txt');
    assert.deepEqual(
      index.similarOf('file:///ws/a.txt').map((m) => m.other),
      ['file:///ws/d.txt'],
    );
    // a whole folder deleted
    index.fileEvents([{ uri: 'file:///ws/dir', type: 3 }]);
    assert.equal(paths(index), 'a.txt d.txt');
    // busy settles and is read on its next change
    files.set('file:///ws/busy.txt', material(rand, 500));
    index.fileEvents([{ uri: 'file:///ws/busy.txt', type: 2 }]);
    await index.whenIdle();
    assert.equal(paths(index), 'a.txt busy.txt d.txt');
  },
);

test('the open version wins over the file, and the file is read again when the document closes', { timeout: 60000 }, async () => {
  const rand = prng(22);
  const shared = paragraph(rand, 100);
  const files = new Map<string, string | MaterialRead>([
    ['file:///ws/a.txt', material(rand, 1000, [shared])],
    ['file:///ws/b.txt', material(rand, 1000, [shared])],
  ]);
  const { index, similarChanges } = makeIndex(files);
  await index.rebuild(['file:///ws'], () => []);
  await index.whenIdle();
  assert.equal(index.similarOf('file:///ws/b.txt').length, 1);
  const doc = new GongwenDocument('file:///ws/a.txt', 'plaintext', 1, material(rand, 1000));
  await index.opened(doc);
  assert.equal(index.get('file:///ws/a.txt')?.document, doc);
  // compared again after the pause that follows an edit; b is told its findings changed
  similarChanges.length = 0;
  await until(() => similarChanges.some((c) => c.includes('file:///ws/b.txt')));
  assert.deepEqual(index.similarOf('file:///ws/b.txt'), []);
  // a file event for the open document does not replace it
  index.fileEvents([{ uri: 'file:///ws/a.txt', type: 2 }]);
  await index.whenIdle();
  assert.equal(index.get('file:///ws/a.txt')?.document, doc);
  index.closed('file:///ws/a.txt');
  await index.whenIdle();
  assert.equal(index.get('file:///ws/a.txt')?.document, undefined);
  assert.equal(index.similarOf('file:///ws/b.txt').length, 1);
});

test('a folder that cannot be listed is named once; the rest is indexed', { timeout: 60000 }, async () => {
  const rand = prng(23);
  const files = new Map<string, string | MaterialRead>([
    ['file:///ws/a.txt', material(rand, 500)],
    ['file:///ws/locked/b.txt', material(rand, 500)],
    ['file:///ws/open/c.txt', material(rand, 500)],
  ]);
  const { index, logged } = makeIndex(files, new Set(['file:///ws/locked']));
  await index.rebuild(['file:///ws'], () => []);
  await index.whenIdle();
  assert.equal(paths(index), 'a.txt open/c.txt');
  assert.deepEqual(
    logged.filter((l) => l.includes('locked')),
    ['Cannot list the folder file:///ws/locked: EACCES (permission denied)'],
  );
});

test('a node_modules or hidden folder created in the workspace is not walked', { timeout: 60000 }, async () => {
  const rand = prng(24);
  const files = new Map<string, string | MaterialRead>([['file:///ws/a.txt', material(rand, 500)]]);
  const { index } = makeIndex(files);
  await index.rebuild(['file:///ws'], () => []);
  await index.whenIdle();
  files.set('file:///ws/node_modules/pkg/README.md', material(rand, 500));
  files.set('file:///ws/sub/node_modules/README.md', material(rand, 500));
  files.set('file:///ws/.cache/x.txt', material(rand, 500));
  files.set('file:///ws/new/b.txt', material(rand, 500));
  index.fileEvents(['node_modules', 'sub/node_modules', '.cache', 'new'].map((p) => ({ uri: `file:///ws/${p}`, type: 1 })));
  await index.whenIdle();
  assert.equal(paths(index), 'a.txt new/b.txt');
});
