// Draws images/icon.png (256×256, the extension's icon): a red rounded square, as the red head of a 公文, with white
// bars for an outline, indented by level (一、 （一） 1.). Plain Node: shapes sampled 4×4 per pixel, written as PNG
// with node:zlib. Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SAMPLES = 4;
const RED = [200, 16, 46];
const WHITE = [255, 255, 255];

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

// [x, y, width, height, level] of each outline bar: level 1 flush, levels 2 and 3 indented
const bars = [
  [52, 46, 150, 22, 1],
  [80, 84, 116, 16, 2],
  [108, 114, 88, 12, 3],
  [108, 138, 72, 12, 3],
  [52, 168, 150, 22, 1],
  [80, 206, 100, 16, 2],
];
const shapes = bars.map(([x, y, w, h]) => roundedRect(x, y, x + w, y + h, h / 2));
const background = roundedRect(8, 8, SIZE - 8, SIZE - 8, 40);

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = [0];
  for (let x = 0; x < SIZE; x++) {
    let bg = 0;
    let fg = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        if (background(px, py)) {
          bg++;
          fg += shapes.some((s) => s(px, py)) ? 1 : 0;
        }
      }
    }
    const n = SAMPLES * SAMPLES;
    const f = bg === 0 ? 0 : fg / bg;
    row.push(...RED.map((c, i) => Math.round(c * (1 - f) + WHITE[i] * f)), Math.round((255 * bg) / n));
  }
  rows.push(Buffer.from(row));
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) {
    c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
