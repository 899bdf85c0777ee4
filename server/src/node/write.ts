/**
 * Writing a fixed document back (`check --fix`): atomically, so that a crash or a full disk leaves the old file or
 * the new one, never half of each. The new bytes go to a temporary file beside the real file (a symbolic link is
 * followed, not replaced), with its permissions and owner, flushed to disk, then renamed over it (other hard links to
 * the file keep the old text). A file that changed since it was read is not written: the fixes were made for the
 * bytes that were read.
 */
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class ChangedMeanwhile extends Error {}

export function writeAtomically(file: string, bytes: Uint8Array, read: Uint8Array): void {
  const real = realpathSync(file);
  if (!Buffer.from(read).equals(readFileSync(real))) {
    throw new ChangedMeanwhile(file);
  }
  const stats = statSync(real);
  const temporary = join(dirname(real), `.${basename(real)}.${process.pid}.gongwen-fix`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    try {
      fchmodSync(fd, stats.mode & 0o7777);
      try {
        fchownSync(fd, stats.uid, stats.gid); // the owner stays (possible only for root, or the same owner)
      } catch {
        // another user's file written by its group: the new file is ours, with the same permissions
      }
      for (let at = 0; at < bytes.length;) {
        at += writeSync(fd, bytes, at, bytes.length - at);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, real);
  } catch (e) {
    try {
      unlinkSync(temporary);
    } catch {
      // renamed already, or never made
    }
    throw e;
  }
}
