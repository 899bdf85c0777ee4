// Just enough ZIP for .vsix files: unpack one (stored or deflated entries), and write one (stored entries).
// A .vsix is a plain ZIP; this saves a dependency and the `unzip` binary, which a fresh machine may lack.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01

/** Extracts every file of the archive into `dest` (created if needed). Returns the relative paths written. */
export function unzip(archive: string, dest: string): string[] {
  const buf = fs.readFileSync(archive);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== EOCD) {
    eocd--;
  }
  if (eocd < 0) {
    throw new Error(`${archive}: not a zip file`);
  }
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const written: string[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== CENTRAL) {
      throw new Error(`${archive}: bad central directory`);
    }
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    const target = path.resolve(dest, name);
    if (!target.startsWith(path.resolve(dest) + path.sep)) {
      throw new Error(`${archive}: entry outside the destination: ${name}`);
    }
    if (name.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    if (buf.readUInt32LE(localOffset) !== LOCAL) {
      throw new Error(`${archive}: bad local header for ${name}`);
    }
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const data = buf.subarray(start, start + compressedSize);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (method === 0) {
      fs.writeFileSync(target, data);
    } else if (method === 8) {
      fs.writeFileSync(target, zlib.inflateRawSync(data));
    } else {
      throw new Error(`${archive}: ${name} uses unsupported compression method ${method}`);
    }
    written.push(name);
  }
  return written;
}

/** Writes a zip of `entries` (archive path → content), uncompressed. */
export function zip(archive: string, entries: Map<string, Buffer>): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(archive, Buffer.concat([...locals, ...centrals, end]));
}
