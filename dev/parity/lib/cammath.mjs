// tf-keras-vis's CAM formulas (gradcam.py, gradcam_plus_plus.py, layercam.py, utils.normalize,
// scipy.ndimage.zoom(order=1)) in float64 JS numbers from float32 A and dS/dA (both h x w x C, row-major).

/** Grad-CAM: w_c = mean_hw g; map = ReLU(sum_c w_c A_c). Returns Float64Array h*w. */
export function gradcam(A, g, h, w, C) {
  const n = h * w;
  const wc = new Float64Array(C);
  for (let p = 0; p < n; p++) for (let c = 0; c < C; c++) wc[c] += g[p * C + c];
  for (let c = 0; c < C; c++) wc[c] /= n;
  const cam = new Float64Array(n);
  for (let p = 0; p < n; p++) { let s = 0; for (let c = 0; c < C; c++) s += A[p * C + c] * wc[c]; cam[p] = Math.max(s, 0); }
  return { cam, epsScale: 1 };
}

/** Layer-CAM: map = ReLU(sum_c ReLU(g) * A). */
export function layercam(A, g, h, w, C) {
  const n = h * w;
  const cam = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let s = 0;
    for (let c = 0; c < C; c++) s += A[p * C + c] * Math.max(g[p * C + c], 0);
    cam[p] = Math.max(s, 0);
  }
  return { cam, epsScale: 1 };
}

/**
 * Grad-CAM++ as tf-keras-vis's GradcamPlusPlus: first = e^S g, second = first g, third = second g;
 * alpha = second / (2 second + third * sum_hw A) (+1 in the denominator where second == 0);
 * alpha /= sum_hw alpha (+1 where that sum is 0); weights = sum_hw ReLU(first) alpha;
 * map = ReLU(sum_c weights_c A_c).
 * e^S multiplies first, second and third alike, so alpha does not depend on it and the map is
 * e^S times the map computed with e^S = 1. When e^S is not a normal float64 the map is returned
 * without the factor and epsScale = e^-S tells normalize() to scale its epsilon instead (exact).
 */
export function gradcamPlusPlus(A, g, h, w, C, score) {
  const n = h * w;
  const e = Math.exp(score);
  const literal = Number.isFinite(e) && e >= 2.2250738585072014e-308;
  const k = literal ? e : 1;
  const globalSum = new Float64Array(C);
  for (let p = 0; p < n; p++) for (let c = 0; c < C; c++) globalSum[c] += A[p * C + c];
  const alphas = new Float64Array(n * C);
  const norm = new Float64Array(C);
  for (let p = 0; p < n; p++) for (let c = 0; c < C; c++) {
    const gi = g[p * C + c];
    const first = k * gi, second = first * gi, third = second * gi;
    let denom = second * 2.0 + third * globalSum[c];
    if (second === 0) denom += 1;
    const a = second / denom;
    alphas[p * C + c] = a;
    norm[c] += a;
  }
  for (let c = 0; c < C; c++) if (norm[c] === 0) norm[c] = 1;
  const weights = new Float64Array(C);
  for (let p = 0; p < n; p++) for (let c = 0; c < C; c++) {
    const first = k * g[p * C + c];
    weights[c] += Math.max(first, 0) * (alphas[p * C + c] / norm[c]);
  }
  const cam = new Float64Array(n);
  for (let p = 0; p < n; p++) { let s = 0; for (let c = 0; c < C; c++) s += weights[c] * A[p * C + c]; cam[p] = Math.max(s, 0); }
  return { cam, epsScale: literal ? 1 : Math.exp(-score) };
}

/** scipy.ndimage.zoom(x, (H/h, W/w), order=1): corner-aligned bilinear (in = out * (in-1)/(out-1)). */
export function zoomLinear(x, h, w, H, W) {
  const coords = (inSize, outSize) => {
    const z = outSize > 1 ? (inSize - 1) / (outSize - 1) : 0;
    const i0 = new Int32Array(outSize), t = new Float64Array(outSize);
    for (let o = 0; o < outSize; o++) {
      const c = o * z;
      let i = Math.floor(c);
      if (i >= inSize - 1) i = Math.max(inSize - 2, 0);
      i0[o] = i; t[o] = inSize > 1 ? c - i : 0;
    }
    return { i0, t };
  };
  const cy = coords(h, H), cx = coords(w, W);
  const at = (y, xx) => x[Math.min(y, h - 1) * w + Math.min(xx, w - 1)];
  const out = new Float64Array(H * W);
  for (let Y = 0; Y < H; Y++) {
    const y0 = cy.i0[Y], ty = cy.t[Y];
    for (let X = 0; X < W; X++) {
      const x0 = cx.i0[X], tx = cx.t[X];
      const top = (1 - tx) * at(y0, x0) + tx * at(y0, x0 + 1);
      const bot = (1 - tx) * at(y0 + 1, x0) + tx * at(y0 + 1, x0 + 1);
      out[Y * W + X] = (1 - ty) * top + ty * bot;
    }
  }
  return out;
}

/** tf-keras-vis normalize: (x - min) / (max - min + 1e-7 * epsScale). */
export function normalize(x, epsScale = 1) {
  let min = Infinity, max = -Infinity;
  for (const v of x) { if (v < min) min = v; if (v > max) max = v; }
  const d = max - min + 1e-7 * epsScale;
  return x.map(v => (v - min) / d);
}

export const METHODS = {
  gradcam: (A, g, h, w, C) => gradcam(A, g, h, w, C),
  gradcampp: (A, g, h, w, C, s) => gradcamPlusPlus(A, g, h, w, C, s),
  layercam: (A, g, h, w, C) => layercam(A, g, h, w, C),
};
/** CLI aliases. */
export const METHOD_ALIASES = { 'gradcam++': 'gradcampp', gradcamplusplus: 'gradcampp', 'grad-cam': 'gradcam', 'layer-cam': 'layercam' };
