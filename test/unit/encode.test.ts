/** Writing a fixed text back in the form it was read (server/src/input/encode.ts), byte for byte, or not at all. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText } from '../../server/src/input/decode';
import { encodeChanged, ReadForm } from '../../server/src/input/encode';

function formOf(bytes: Uint8Array): ReadForm {
  const d = decodeText(bytes);
  assert.ok(d.ok);
  return { bytes, text: d.text, encoding: d.encoding, bom: d.bom };
}

test('GB18030: only the changed ranges are replaced; markers, circled and full-width numerals and astral characters are written', () => {
  // 一、甲 (GB18030) then 𠮷 (four bytes) then 3、乙 then 0x80 (€, one byte, written back as it was)
  const bytes = Uint8Array.from([0xd2, 0xbb, 0xa1, 0xa2, 0xbc, 0xd7, 0x95, 0x34, 0xb2, 0x35, 0x0a, 0x33, 0xa1, 0xa2, 0xd2, 0xd2, 0x80]);
  const form = formOf(bytes);
  assert.equal(form.encoding, 'gb18030');
  assert.equal(form.text, '一、甲𠮷\n3、乙€');
  const at = form.text.indexOf('3、');
  const out = encodeChanged(form, [
    { start: 0, end: 1, text: '①' },
    { start: at, end: at + 2, text: '３．𠮷〇' },
  ]);
  assert.ok(out !== undefined);
  assert.equal(new TextDecoder('gb18030').decode(out), '①、甲𠮷\n３．𠮷〇乙€');
  assert.deepEqual([...out.subarray(-1)], [0x80], 'bytes outside the changes are kept as they were');
  // a character GB18030 writes in four bytes inside the BMP (¥) is not in the table: refused, nothing returned
  assert.equal(encodeChanged(form, [{ start: 0, end: 1, text: '¥' }]), undefined);
});

test('UTF-8 and UTF-16 keep their byte order mark; a text that would not read back the same is refused', () => {
  const bom = formOf(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('三、甲')]));
  assert.deepEqual(
    [...(encodeChanged(bom, [{ start: 0, end: 1, text: '一' }]) ?? [])],
    [0xef, 0xbb, 0xbf, ...new TextEncoder().encode('一、甲')],
  );
  const be = formOf(Uint8Array.from([0xfe, 0xff, 0x4e, 0x09, 0x30, 0x01]));
  assert.equal(be.text, '三、');
  assert.deepEqual([...(encodeChanged(be, [{ start: 0, end: 1, text: '一' }]) ?? [])], [0xfe, 0xff, 0x4e, 0x00, 0x30, 0x01]);
  const plain = formOf(new TextEncoder().encode('三、甲'));
  assert.equal(encodeChanged(plain, [{ start: 0, end: 1, text: '\ud800' }]), undefined, 'a lone surrogate cannot be written as UTF-8');
});
