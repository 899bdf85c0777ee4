/**
 * Text from the bytes of a file as people have them (SPEC §11): UTF-8 with or without a BOM, UTF-16 LE/BE with a
 * BOM, GB18030/GBK when the bytes are not valid UTF-8 and decode as GB18030 without a replacement character.
 * A pure function of the bytes (no file system), so that any reader can sit in front of it.
 */
import { Message, msg } from '../core/messages';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Names people type for `--encoding` (lower-cased) → the encoding. GBK and GB2312 are subsets of GB18030. */
const ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

export function encodingNamed(name: string): Encoding | undefined {
  return Object.prototype.hasOwnProperty.call(ALIASES, name.toLowerCase()) ? ALIASES[name.toLowerCase()] : undefined;
}

export const DECODE_MESSAGES = {
  binary: 'It contains NUL bytes: a binary file, or UTF-16 without a byte order mark (then give --encoding utf-16le or utf-16be).',
  unknown: 'It is not UTF-8, UTF-16 with a byte order mark, or GB18030/GBK text. Give its encoding with --encoding, or save it as UTF-8.',
  invalid: 'It is not valid {0} text (byte {1}). Check the --encoding you gave.',
  damagedUtf8: 'It is UTF-8 text with an invalid byte sequence at byte {0} (a damaged or cut file?). Repair it, or give --encoding.',
} as const;

export type Decoded = { ok: true; text: string; encoding: Encoding; bom: boolean } | { ok: false; message: Message };

const BOMS: readonly { encoding: Encoding; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function bomOf(bytes: Uint8Array): { encoding: Encoding; length: number } | undefined {
  const found = BOMS.find((b) => b.bytes.every((x, i) => bytes[i] === x));
  return found && { encoding: found.encoding, length: found.bytes.length };
}

/** Decodes strictly: undefined when a byte sequence is invalid in that encoding (nothing is replaced by U+FFFD). */
function strict(bytes: Uint8Array, encoding: Encoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The offset of the first byte that makes the input invalid in `encoding` (for the message): fed byte by byte. */
function firstInvalid(bytes: Uint8Array, encoding: Encoding): number {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return i;
    }
  }
  return bytes.length;
}

/** Length of the well-formed UTF-8 sequence at `i` (1 to 4), 0 when the bytes there are not one. */
function utf8Sequence(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) {
    return 1;
  }
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) {
    return cont(1) ? 2 : 0;
  }
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Where invalid UTF-8 lies in bytes that are mostly UTF-8 (more than twice as many well-formed 3- and 4-byte
 * sequences, as Chinese takes, as runs of invalid bytes), else undefined. GBK text forms such sequences only by chance, far fewer than its
 * invalid bytes; a UTF-8 file with a damaged byte would otherwise decode as GB18030 into a page of wrong characters.
 */
function damagedUtf8(bytes: Uint8Array): number | undefined {
  let wide = 0;
  let bad = 0;
  let first = -1;
  for (let i = 0; i < bytes.length;) {
    const n = utf8Sequence(bytes, i);
    if (n === 0) {
      bad += i > 0 && utf8Sequence(bytes, i - 1) === 0 ? 0 : 1;
      first = first < 0 ? i : first;
      i++;
    } else {
      wide += n >= 3 ? 1 : 0;
      i += n;
    }
  }
  return first >= 0 && wide > 2 * bad ? first : undefined;
}

/**
 * The text of a file's bytes and the encoding used. `forced` (from `--encoding`) decodes with that encoding only (its
 * BOM, if present, is dropped); otherwise a BOM decides, then UTF-8, then GB18030. A BOM is never part of the text.
 */
export function decodeText(bytes: Uint8Array, forced?: Encoding): Decoded {
  const bom = bomOf(bytes);
  const encoding = forced ?? bom?.encoding;
  if (encoding !== undefined) {
    const skip = bom !== undefined && bom.encoding === encoding ? bom.length : 0;
    const body = bytes.subarray(skip);
    const text = strict(body, encoding);
    if (text === undefined) {
      return { ok: false, message: msg(DECODE_MESSAGES.invalid, encoding.toUpperCase(), skip + firstInvalid(body, encoding)) };
    }
    return { ok: true, text, encoding, bom: skip > 0 };
  }
  if (bytes.includes(0)) {
    return { ok: false, message: msg(DECODE_MESSAGES.binary) };
  }
  const utf8 = strict(bytes, 'utf-8');
  if (utf8 !== undefined) {
    return { ok: true, text: utf8, encoding: 'utf-8', bom: false };
  }
  const damaged = damagedUtf8(bytes);
  if (damaged !== undefined) {
    return { ok: false, message: msg(DECODE_MESSAGES.damagedUtf8, damaged) };
  }
  const gb = strict(bytes, 'gb18030');
  if (gb !== undefined) {
    return { ok: true, text: gb, encoding: 'gb18030', bom: false };
  }
  return { ok: false, message: msg(DECODE_MESSAGES.unknown) };
}
