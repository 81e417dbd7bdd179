// Draws the extension's icon, images/icon.png (128×128 RGBA): a letter page with a folded corner and
// lines of text on a navy rounded square, and a green check badge for "decision checked". Shapes are
// signed-distance functions sampled 4×4 per pixel for smooth edges; the PNG is written with zlib.
//   node scripts/make-icon.mjs [out.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis
const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? resolve(here, '..', 'images', 'icon.png'));

// ------------------------------------------------------------------ shapes (distance < 0 = inside)

/** A rectangle with rounded corners: centre, half sizes, corner radius. */
function roundedRect(cx, cy, hw, hh, r) {
  return (x, y) => {
    const qx = Math.abs(x - cx) - hw + r;
    const qy = Math.abs(y - cy) - hh + r;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function circle(cx, cy, r) {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

/** A thick segment from (ax, ay) to (bx, by) with round caps. */
function segment(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - dx * t, py - dy * t) - halfWidth;
  };
}

/** The half-plane on the left of the directed line a → b. */
function halfPlane(ax, ay, bx, by) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    return ((x - ax) * dy - (y - ay) * dx) / Math.hypot(dx, dy);
  };
}

const union = (...shapes) => (x, y) => Math.min(...shapes.map((shape) => shape(x, y)));
const intersect = (...shapes) => (x, y) => Math.max(...shapes.map((shape) => shape(x, y)));
const subtract = (shape, cut) => (x, y) => Math.max(shape(x, y), -cut(x, y));

// ------------------------------------------------------------------ the picture, back to front

const NAVY = [31, 58, 95];
const NAVY_LIGHT = [47, 86, 138];
const PAPER = [250, 251, 253];
const FOLD = [203, 213, 228];
const INK = [120, 138, 163];
const INK_DARK = [31, 58, 95];
const GREEN = [46, 160, 90];
const WHITE = [255, 255, 255];

const page = { left: 34, right: 90, top: 18, bottom: 108, fold: 18 };
// The diagonal of the folded corner; negative on the corner's side.
const cornerSide = halfPlane(page.right + 1, page.top + page.fold + 1, page.right - page.fold - 1, page.top - 1);
const pageBody = subtract(
  roundedRect((page.left + page.right) / 2, (page.top + page.bottom) / 2, (page.right - page.left) / 2, (page.bottom - page.top) / 2, 5),
  cornerSide,
);
// The flap folded down onto the page: a right triangle under the diagonal.
const foldFlap = intersect(
  (x, y) => -cornerSide(x, y),
  (x, y) => page.right - page.fold - x,
  (x, y) => y - (page.top + page.fold),
);
const textLines = union(
  segment(44, 34, 66, 34, 2.6), // heading line, darker
  segment(44, 48, 80, 48, 1.7),
  segment(44, 58, 80, 58, 1.7),
  segment(44, 68, 74, 68, 1.7),
  segment(44, 78, 64, 78, 1.7),
);
const heading = segment(44, 34, 66, 34, 2.6);
const badge = circle(88, 92, 19);
const badgeRing = circle(88, 92, 22.5);
const check = union(segment(79, 92.5, 85.5, 99, 3.1), segment(85.5, 99, 97.5, 84.5, 3.1));

/** Layers: [shape, colour (or a function of x, y), opacity]. */
const layers = [
  [roundedRect(64, 64, 62, 62, 22), (x, y) => mix(NAVY_LIGHT, NAVY, Math.min(1, Math.max(0, (x + y) / 256))), 1],
  [(x, y) => pageBody(x - 1.5, y - 2.5), [10, 22, 40], 0.35], // shadow
  [pageBody, PAPER, 1],
  [foldFlap, FOLD, 1],
  [textLines, INK, 1],
  [heading, INK_DARK, 1],
  [badgeRing, NAVY, 1],
  [badge, GREEN, 1],
  [check, WHITE, 1],
];

function mix(a, b, t) {
  return a.map((value, i) => value + (b[i] - value) * t);
}

// ------------------------------------------------------------------ rasterize

/** Straight-alpha RGBA of one pixel, averaging SAMPLES² samples. */
function pixel(px, py) {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      let color = [0, 0, 0];
      let alpha = 0;
      for (const [shape, paint, opacity] of layers) {
        if (shape(x, y) > 0) continue;
        const c = typeof paint === 'function' ? paint(x, y) : paint;
        color = mix(color, c, alpha === 0 ? 1 : opacity);
        alpha = alpha + opacity * (1 - alpha);
      }
      r += color[0] * alpha;
      g += color[1] * alpha;
      b += color[2] * alpha;
      a += alpha;
    }
  }
  if (a === 0) return [0, 0, 0, 0];
  return [r / a, g / a, b / a, (a / (SAMPLES * SAMPLES)) * 255].map((v) => Math.round(Math.max(0, Math.min(255, v))));
}

function rasterize() {
  // Each row starts with PNG filter byte 0 (none).
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return raw;
}

// ------------------------------------------------------------------ PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png(rasterize()));
console.log(`icon: wrote ${out}`);
