/**
 * Bytes for a fixed text in the form its file was read from (decode.ts in reverse), for `check --fix`: UTF-8 with or
 * without its BOM and UTF-16 with its BOM are encoded whole; GB18030 keeps the file's bytes and replaces only the
 * ranges the fixes changed. The result is decoded again and compared with the text: bytes that would not read back
 * as exactly that text are never returned. Pure (no file system).
 */
import { applySpans, Span } from '../core/fixAll';
import type { Encoding } from './decode';
import { decodeText } from './decode';

/** How a file was read: its bytes and what decode.ts made of them. */
export interface ReadForm {
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
}

const BOM: Record<Encoding, readonly number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  gb18030: [],
};

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    out[2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
  }
  return out;
}

/** GB18030 two-byte sequences by the character they decode to, made on first use (only a GB18030 file with fixes needs it). */
let twoByte: Map<string, readonly number[]> | undefined;

function twoByteTable(): Map<string, readonly number[]> {
  if (twoByte === undefined) {
    twoByte = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail !== 0x7f) {
          const c = decoder.decode(new Uint8Array([lead, trail]));
          if (c.length === 1 && c !== '\ufffd' && !twoByte.has(c)) {
            twoByte.set(c, [lead, trail]);
          }
        }
      }
    }
  }
  return twoByte;
}

/** GB18030 bytes of a (short) text: ASCII, the two-byte table, four bytes beyond the BMP; undefined for anything else. */
function gb18030(text: string): number[] | undefined {
  const out: number[] = [];
  for (const c of text) {
    const cp = c.codePointAt(0) as number;
    const pair = cp < 0x80 ? [cp] : twoByteTable().get(c);
    if (pair !== undefined) {
      out.push(...pair);
    } else if (cp >= 0x10000) {
      let pointer = cp - 0x10000 + 189000;
      const b1 = Math.floor(pointer / 12600);
      pointer %= 12600;
      const b2 = Math.floor(pointer / 1260);
      pointer %= 1260;
      out.push(b1 + 0x81, b2 + 0x30, Math.floor(pointer / 10) + 0x81, (pointer % 10) + 0x30);
    } else {
      return undefined;
    }
  }
  return out;
}

/** The byte offset of every UTF-16 offset of strictly decoded GB18030 bytes (one entry per code unit, and the end). */
function gb18030Offsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    offsets.push(i);
    if (b < 0x81) {
      i += 1; // ASCII, and 0x80 (€)
    } else if (bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39) {
      if (b >= 0x90) {
        offsets.push(i); // beyond the BMP: two code units (no change starts between them)
      }
      i += 4;
    } else {
      i += 2;
    }
  }
  offsets.push(bytes.length);
  return offsets;
}

/**
 * The bytes of the text `changes` make of `form.text`, in the same encoding and with the same BOM; undefined when the
 * changed text cannot be written in that encoding (it would not read back as the same text).
 */
export function encodeChanged(form: ReadForm, changes: readonly Span[]): Uint8Array | undefined {
  const text = applySpans(form.text, changes);
  let bytes: Uint8Array;
  if (form.encoding === 'gb18030') {
    const offsets = gb18030Offsets(form.bytes);
    const parts: Uint8Array[] = [];
    let at = 0;
    for (const c of changes) {
      const replacement = gb18030(c.text);
      if (replacement === undefined) {
        return undefined;
      }
      parts.push(form.bytes.subarray(at, offsets[c.start]), Uint8Array.from(replacement));
      at = offsets[c.end];
    }
    parts.push(form.bytes.subarray(at));
    bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let n = 0;
    for (const p of parts) {
      bytes.set(p, n);
      n += p.length;
    }
  } else {
    const body = form.encoding === 'utf-8' ? new TextEncoder().encode(text) : utf16(text, form.encoding === 'utf-16be');
    const bom = form.bom ? BOM[form.encoding] : [];
    bytes = new Uint8Array(bom.length + body.length);
    bytes.set(bom);
    bytes.set(body, bom.length);
  }
  const again = decodeText(bytes, form.encoding);
  return again.ok && again.text === text && again.bom === form.bom ? bytes : undefined;
}
