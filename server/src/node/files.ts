/**
 * Reading a file the user or the workspace names, for the command line and the server alike: only a regular file is
 * read, never more than a size limit, and never waited for past a deadline. A FIFO, a device or a socket is refused
 * from its stat, before it is opened; the open itself is non-blocking (a FIFO swapped in between the stat and the open
 * cannot block it) and the handle's own fstat decides. A read that is still running at the deadline (a hung network
 * file system) is given up: the caller gets an error, the handle is closed when the read returns, and the same path
 * is not read again meanwhile, so stuck reads cannot fill libuv's thread pool.
 */
import { constants, Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { getSystemErrorMap } from 'node:util';
import { Message, msg } from '../core/messages';
import type { DirectoryListing, EntryKind } from '../host';

/** A document is read up to 64 MiB (the largest the editor features are sized for); a workspace file up to 1 MiB. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** A file not read within this time is given up. */
export const READ_DEADLINE_MS = 10_000;

export const FILE_MESSAGES = {
  directory: '{0} is a directory, not a regular file; it is not read.',
  fifo: '{0} is a FIFO (named pipe), not a regular file; it is not read.',
  socket: '{0} is a socket, not a regular file; it is not read.',
  characterDevice: '{0} is a character device, not a regular file; it is not read.',
  blockDevice: '{0} is a block device, not a regular file; it is not read.',
  special: '{0} is not a regular file; it is not read.',
  tooLarge: '{0} is larger than {1} bytes; it is not read.',
  timedOut: 'Reading {0} took longer than {1} seconds; it was given up.',
  cannotRead: 'Cannot read {0}: {1}',
} as const;

/** Why a file was not read: `code` is the errno name (ENOENT, EACCES, ELOOP…) or ours (ENOTREG, EFBIG, ETIMEDOUT). */
export class FileError extends Error {
  constructor(
    readonly code: string,
    /** The message for the user, to be localized by the caller. */
    readonly problem: Message,
  ) {
    super(problem.args.length > 0 ? `${code}: ${String(problem.args[0])}` : code);
  }
}

export interface ReadLimits {
  maxBytes: number;
  deadlineMs: number;
}

/** The subset of node:fs/promises used here; tests replace it to make a read that never returns. */
export interface FileSystem {
  stat(path: string): Promise<Stats>;
  open(path: string, flags: number): Promise<FileHandleLike>;
}

export interface FileHandleLike {
  stat(): Promise<Stats>;
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

const nodeFs: FileSystem = { stat, open };

/** O_NONBLOCK so that opening a FIFO never waits for a writer; O_NOCTTY so that a terminal never becomes ours. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Paths whose read was given up and has not returned yet, with the deadline it missed (seconds). */
const stuck = new Map<string, number>();

const timedOut = (path: string, seconds: number): FileError => new FileError('ETIMEDOUT', msg(FILE_MESSAGES.timedOut, path, seconds));
const cannotRead = (path: string, e: unknown): FileError =>
  new FileError(String((e as NodeJS.ErrnoException)?.code ?? 'EIO'), msg(FILE_MESSAGES.cannotRead, path, describeError(e)));

/** What to say of a file that is not regular (the template of a FILE_MESSAGES entry; `{0}` is the path). */
export function notRegular(s: Stats): string {
  return s.isDirectory()
    ? FILE_MESSAGES.directory
    : s.isFIFO()
      ? FILE_MESSAGES.fifo
      : s.isSocket()
        ? FILE_MESSAGES.socket
        : s.isCharacterDevice()
          ? FILE_MESSAGES.characterDevice
          : s.isBlockDevice()
            ? FILE_MESSAGES.blockDevice
            : FILE_MESSAGES.special;
}

/** `ENOENT (no such file or directory)`: the errno name and what it means, for messages. */
export function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.errno === 'number') {
    const known = getSystemErrorMap().get(err.errno);
    if (known !== undefined) {
      return `${known[0]} (${known[1]})`;
    }
  }
  return err?.code ?? (e instanceof Error ? e.message : String(e));
}

function check(path: string, s: Stats, maxBytes: number): void {
  if (!s.isFile()) {
    throw new FileError(s.isDirectory() ? 'EISDIR' : 'ENOTREG', msg(notRegular(s), path));
  }
  if (s.size > maxBytes) {
    throw new FileError('EFBIG', msg(FILE_MESSAGES.tooLarge, path, maxBytes));
  }
}

/** Reads a regular file whole, within the limits; rejects with a FileError (never anything else). */
export function readRegularFile(path: string, limits: ReadLimits, fs: FileSystem = nodeFs): Promise<Buffer> {
  const missed = stuck.get(path);
  if (missed !== undefined) {
    return Promise.reject(timedOut(path, missed));
  }
  const seconds = limits.deadlineMs / 1000;
  let timer: NodeJS.Timeout | undefined;
  let givenUp = false;
  const work = readWithin(path, limits.maxBytes, fs, () => (givenUp ? timedOut(path, seconds) : undefined)).finally(() => {
    stuck.delete(path);
    clearTimeout(timer);
  });
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      givenUp = true;
      stuck.set(path, seconds);
      reject(timedOut(path, seconds));
    }, limits.deadlineMs);
  });
  work.catch(() => undefined); // a late failure of a read given up is nobody's business
  return Promise.race([work, deadline]);
}

/** The read itself; `late()` says (with the error to throw) when the caller has given up, so that it stops early. */
async function readWithin(path: string, maxBytes: number, fs: FileSystem, late: () => FileError | undefined): Promise<Buffer> {
  try {
    check(path, await fs.stat(path), maxBytes);
    const handle = await fs.open(path, OPEN_FLAGS);
    try {
      const s = await handle.stat();
      check(path, s, maxBytes);
      // the size from stat is a hint only (a /proc file says 0, a file may grow): read to the end, up to the limit
      let buffer = Buffer.allocUnsafe(Math.min(Math.max(s.size, 4096), maxBytes) + 1);
      let length = 0;
      for (;;) {
        const error = late();
        if (error !== undefined) {
          throw error;
        }
        if (length === buffer.length) {
          if (length > maxBytes) {
            throw new FileError('EFBIG', msg(FILE_MESSAGES.tooLarge, path, maxBytes));
          }
          const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
          buffer.copy(bigger, 0, 0, length);
          buffer = bigger;
        }
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) {
          break;
        }
        length += bytesRead;
      }
      return buffer.subarray(0, length);
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch (e) {
    throw e instanceof FileError ? e : cannotRead(path, e);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The workspace index (issue 14): folders listed and materials read for the server.

export const FOLDER_FILE_MESSAGES = {
  cannotList: 'Cannot list the folder {0}: {1}',
} as const;

/** Lists a folder; a link is followed (a link that leads nowhere is left out); never rejects. */
export async function listDirectory(path: string): Promise<DirectoryListing> {
  try {
    const s = await stat(path);
    const dirents = await readdir(path, { withFileTypes: true });
    const entries: { name: string; kind: EntryKind }[] = [];
    for (const d of dirents) {
      let kind: EntryKind = d.isDirectory() ? 'directory' : d.isFile() ? 'file' : 'other';
      if (d.isSymbolicLink()) {
        const target = await stat(join(path, d.name)).catch(() => undefined);
        if (target === undefined) {
          continue;
        }
        kind = target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other';
      }
      entries.push({ name: d.name, kind });
    }
    return { id: `${s.dev}:${s.ino}`, entries };
  } catch (e) {
    return { problem: msg(FOLDER_FILE_MESSAGES.cannotList, path, describeError(e)) };
  }
}

/** A material read: its bytes; `changed` when the file changed while it was read (size or time differ). */
export type MaterialBytes = { bytes: Buffer } | { changed: true };

/** Reads a regular file within the limits, and says when it changed meanwhile; rejects with a FileError. */
export async function readMaterialBytes(path: string, limits: ReadLimits, fs: FileSystem = nodeFs): Promise<MaterialBytes> {
  const before = await fs.stat(path).catch((e: unknown) => {
    throw cannotRead(path, e);
  });
  const bytes = await readRegularFile(path, limits, fs);
  const after = await fs.stat(path).catch(() => undefined);
  const same = after !== undefined && after.mtimeMs === before.mtimeMs && after.size === before.size && bytes.length === after.size;
  return same ? { bytes } : { changed: true };
}
