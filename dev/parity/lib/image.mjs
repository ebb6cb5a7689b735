// Image input: decode (PNG via pngjs, JPEG via jpeg-js), OpenCV-exact 8-bit bilinear resize,
// OpenCV's BGR->grey, and the preprocessing modes.
import fs from 'fs';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';

/** Decodes a PNG or JPEG to {width, height, rgb: Uint8Array (3 per pixel)}; alpha is dropped as cv2.imread does. */
export function decodeImage(path) {
  const buf = fs.readFileSync(path);
  let w, h, rgba;
  if (buf[0] === 0x89 && buf[1] === 0x50) {
    const png = PNG.sync.read(buf);
    [w, h, rgba] = [png.width, png.height, png.data];
  } else if (buf[0] === 0xff && buf[1] === 0xd8) {
    const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 2048 });
    [w, h, rgba] = [img.width, img.height, img.data];
  } else throw new Error(`${path}: only PNG and JPEG are decoded here (use --input-npy)`);
  const rgb = new Uint8Array(w * h * 3);
  for (let p = 0; p < w * h; p++) for (let c = 0; c < 3; c++) rgb[p * 3 + c] = rgba[p * 4 + c];
  return { width: w, height: h, rgb };
}

/** C's lrint (round half to even), as OpenCV's cvRound. */
function cvRound(v) {
  const r = Math.round(v);
  return (r - v === 0.5 && r % 2 !== 0) ? r - 1 : r;
}

/** Source index and 11-bit fixed-point weights per destination index (OpenCV resizeGeneric, INTER_LINEAR). */
function linearTaps(ssize, dsize, clampWeights) {
  const scale = ssize / dsize;
  const ofs = new Int32Array(dsize), a0 = new Int32Array(dsize), a1 = new Int32Array(dsize);
  let max = dsize;
  for (let d = 0; d < dsize; d++) {
    let f = Math.fround((d + 0.5) * scale - 0.5);
    let s = Math.floor(f);
    f = Math.fround(f - s);
    if (clampWeights) { // x only: OpenCV keeps y's weights and clamps the rows it reads instead
      if (s < 0) { f = 0; s = 0; }
      if (s + 1 >= ssize) { max = Math.min(max, d); if (s >= ssize - 1) { f = 0; s = ssize - 1; } }
    }
    ofs[d] = s;
    a0[d] = cvRound(Math.fround(1 - f) * 2048);
    a1[d] = cvRound(f * 2048);
  }
  return { ofs, a0, a1, max };
}

/**
 * cv2.resize(src, (dw, dh), interpolation=INTER_LINEAR) for 8-bit interleaved samples, bit for bit as
 * OpenCV 4's generic (non-IPP) code: horizontal pass in 11-bit fixed point, vertical pass with the
 * SIMD formula ((((S0>>4)*b0)>>16) + (((S1>>4)*b1)>>16) + 2) >> 2 (OpenCV 4.6 uses it for every
 * sample, tail included: checked against Debian's python3-opencv on widths 1..59, 300, 672, 897);
 * x weights are clamped at the borders, y weights are not (the rows read are); an exact 2x
 * reduction is INTER_AREA there.
 */
export function resizeLinear8u(src, sw, sh, cn, dw, dh) {
  if (sw === dw && sh === dh) return Uint8Array.from(src);
  const out = new Uint8Array(dw * dh * cn);
  if (sw === 2 * dw && sh === 2 * dh) {
    for (let y = 0; y < dh; y++) for (let x = 0; x < dw; x++) for (let c = 0; c < cn; c++) {
      const i = ((2 * y) * sw + 2 * x) * cn + c, j = i + sw * cn;
      out[(y * dw + x) * cn + c] = (src[i] + src[i + cn] + src[j] + src[j + cn] + 2) >> 2;
    }
    return out;
  }
  const hx = linearTaps(sw, dw, true), vy = linearTaps(sh, dh, false);
  const width = dw * cn;
  const rowCache = new Map();
  const hrow = sy => {
    if (rowCache.has(sy)) return rowCache.get(sy);
    const r = new Int32Array(width);
    const base = sy * sw * cn;
    for (let dx = 0; dx < dw; dx++) {
      const sx = hx.ofs[dx];
      for (let c = 0; c < cn; c++) {
        const s0 = src[base + sx * cn + c];
        r[dx * cn + c] = dx < hx.max ? s0 * hx.a0[dx] + src[base + (sx + 1) * cn + c] * hx.a1[dx] : s0 * 2048;
      }
    }
    rowCache.set(sy, r);
    return r;
  };
  for (let dy = 0; dy < dh; dy++) {
    const sy = vy.ofs[dy];
    const S0 = hrow(Math.min(Math.max(sy, 0), sh - 1)), S1 = hrow(Math.min(Math.max(sy + 1, 0), sh - 1));
    const b0 = vy.a0[dy], b1 = vy.a1[dy];
    const o = dy * width;
    for (let x = 0; x < width; x++) {
      const v = (((S0[x] >> 4) * b0 >> 16) + ((S1[x] >> 4) * b1 >> 16) + 2) >> 2;
      out[o + x] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  return out;
}

/** OpenCV 4 COLOR_RGB2GRAY on 8-bit samples: (9798 R + 19235 G + 3735 B + 2^14) >> 15 (matches python3-opencv 4.6 exactly). */
export function greyOf(rgb, pixels) {
  const g = new Uint8Array(pixels);
  for (let p = 0; p < pixels; p++) g[p] = (rgb[p * 3] * 9798 + rgb[p * 3 + 1] * 19235 + rgb[p * 3 + 2] * 3735 + 16384) >> 15;
  return g;
}

const f = Math.fround;
/** Keras preprocess_input modes on one 8-bit sample of RGB channel c, in float32 arithmetic. */
export const MODES = {
  none: (v) => v,
  scale: (v) => f(v / 255),
  tf: (v) => f(f(v / 127.5) - 1),
  caffe: (v, c) => f(v - f([123.68, 116.779, 103.939][c])),
  torch: (v, c) => f(f(f(v / 255) - f([0.485, 0.456, 0.406][c])) / f([0.229, 0.224, 0.225][c])),
};

/**
 * The model input (Float32Array, H x W x C) for a decoded image: resize, grey for C == 1,
 * preprocessing; caffe and --bgr feed B, G, R order.
 */
export function modelInput(img, h, w, c, mode, bgr) {
  const fn = MODES[mode];
  if (!fn) throw new Error(`--preprocess ${mode}: one of ${Object.keys(MODES).join(', ')}`);
  const rgb = resizeLinear8u(img.rgb, img.width, img.height, 3, w, h);
  const n = h * w;
  const out = new Float32Array(n * c);
  if (c === 1) {
    if (mode === 'caffe' || mode === 'torch') throw new Error(`--preprocess ${mode} needs a colour model`);
    const g = greyOf(rgb, n);
    for (let p = 0; p < n; p++) out[p] = fn(g[p], 0);
    return out;
  }
  if (c !== 3) throw new Error(`models with ${c} input channels are not supported`);
  const reversed = bgr || mode === 'caffe';
  for (let p = 0; p < n; p++) for (let ch = 0; ch < 3; ch++) {
    out[p * 3 + (reversed ? 2 - ch : ch)] = fn(rgb[p * 3 + ch], ch);
  }
  return out;
}
