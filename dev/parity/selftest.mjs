// Self-tests of the parity tool (node --test selftest.mjs, after `/usr/bin/python3 make_fixtures.py fixtures`).
// Checks: forward pass against make_fixtures.py's NumPy forward for every file form; the three
// forms give identical A and dS/dA; gradients against central differences (a tensor feeding two
// layers, a nested model, a binary sigmoid); Grad-CAM's gradient in closed form; the CAM tail
// against tkv_reference.py's transcription of tf-keras-vis; the resize against python3-opencv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { execFileSync } from 'child_process';
import * as tf from '@tensorflow/tfjs';
import { loadKerasFile } from './lib/kerasfile.mjs';
import { Net } from './lib/net.mjs';
import { readNpy, writeNpy } from './lib/npy.mjs';
import { signals, trace, defaultTarget } from './lib/explain.mjs';
import { METHODS, zoomLinear, normalize } from './lib/cammath.mjs';
import { resizeLinear8u, greyOf } from './lib/image.mjs';

await tf.setBackend('cpu');
const FIX = 'fixtures';
const FORMS = ['keras2.h5', 'keras3.h5', 'keras'];
const MODELS = ['seq', 'resnet', 'nested', 'grey_sigmoid'];
const PY = '/usr/bin/python3';
const hasPy = mods => { try { execFileSync(PY, ['-c', `import ${mods}`], { stdio: 'ignore' }); return true; } catch { return false; } };

async function open(m, form) {
  const file = await loadKerasFile(`${FIX}/${m}.${form}`);
  const net = new Net(file);
  const inp = readNpy(`${FIX}/${m}.input.npy`);
  const [H, W, C] = net.inputShape();
  return { net, file, x: tf.tensor4d(Float32Array.from(inp.data), [1, H, W, C]) };
}

for (const m of MODELS) for (const form of FORMS) {
  test(`${m}.${form}: probabilities equal NumPy's forward pass`, async () => {
    const { net, x } = await open(m, form);
    const got = net.run(x).output.dataSync();
    const want = readNpy(`${FIX}/${m}.expected.npy`).data;
    assert.equal(got.length, want.length);
    for (let i = 0; i < want.length; i++) assert.ok(Math.abs(got[i] - want[i]) < 2e-6, `${i}: ${got[i]} vs ${want[i]}`);
    assert.deepEqual(net.unusedWeights(), []);
  });
}

test('the three file forms give identical A and dS/dA (nested target)', async () => {
  const results = [];
  for (const form of FORMS) {
    const { net, x } = await open('nested', form);
    results.push(signals(net, x, 'base_net/relu1', 1, false));
  }
  for (const r of results.slice(1)) {
    assert.deepEqual(Array.from(r.Ad), Array.from(results[0].Ad));
    assert.deepEqual(Array.from(r.gd), Array.from(results[0].gd));
  }
});

/**
 * Central differences of the score along single entries of A (steps 1e-3 and 1e-4, float32): the 12 entries
 * with the largest |g| and 12 others, nonzero ones only (post-ReLU zeros tie in max-pooling windows,
 * where the score has no derivative). Returns the worst |fd - g| relative to max |g|.
 */
function coordinateCheck(sig) {
  let gmax = 0; sig.gd.forEach(g => { gmax = Math.max(gmax, Math.abs(g)); });
  const byG = [...sig.gd.keys()].filter(i => sig.Ad[i] !== 0).sort((i, j) => Math.abs(sig.gd[j]) - Math.abs(sig.gd[i]));
  const picks = [...byG.slice(0, 12), ...byG.filter((_, k) => k % Math.max(1, Math.floor(byG.length / 12)) === 0).slice(0, 12)];
  let worst = 0;
  for (const i of picks) {
    const at = d => tf.tidy(() => { const a = Float32Array.from(sig.Ad); a[i] += d; return sig.f(tf.tensor(a, sig.A.shape)).dataSync()[0]; });
    // The better of two steps: 1e-3 can cross a downstream ReLU kink, 1e-4 has more float32 noise.
    const err = Math.min(...[1e-3, 1e-4].map(h => Math.abs((at(h) - at(-h)) / (2 * h) - sig.gd[i])));
    worst = Math.max(worst, err / gmax);
  }
  return worst;
}

for (const [m, target, cls, binary] of [['resnet', 'relu1', 2, false], ['nested', 'base_net/relu1', 0, false],
  ['grey_sigmoid', 'conv2d', 1, true], ['grey_sigmoid', 'conv2d', 0, true], ['seq', 'conv2d', 3, false]]) {
  test(`${m} ${target} class ${cls}: dS/dA matches central differences`, async () => {
    const { net, x } = await open(m, 'keras');
    const sig = signals(net, x, target, cls, binary);
    const worst = coordinateCheck(sig);
    assert.ok(worst < 5e-3, `worst |fd - g| / max|g| = ${worst}`);
  });
}

test('binary sigmoid: class 0 score and gradient are minus class 1', async () => {
  const { net, x } = await open('grey_sigmoid', 'keras2.h5');
  const s1 = signals(net, x, 'conv2d_1', 1, true), s0 = signals(net, x, 'conv2d_1', 0, true);
  assert.equal(s0.S, -s1.S);
  s0.gd.forEach((g, i) => assert.equal(g, -s1.gd[i]));
  const p = net.run(x).output.dataSync()[0];
  assert.ok(Math.abs(1 / (1 + Math.exp(-s1.S)) - p) < 1e-6, 'the logit is the sigmoid input');
});

test('seq: Grad-CAM gradient at last_conv is W_dense[c, cls] / 36 (GAP -> Dropout -> Dense, softmax removed)', async () => {
  const file = await loadKerasFile(`${FIX}/seq.keras2.h5`);
  const { net, x } = await open('seq', 'keras2.h5');
  const sig = signals(net, x, 'last_conv', 4, false);
  const kernel = file.weights.get('dense').find(w => w.short === 'kernel'); // 6 x 5
  for (let p = 0; p < 36; p++) for (let c = 0; c < 6; c++) {
    assert.ok(Math.abs(sig.gd[p * 6 + c] - kernel.data[c * 5 + 4] / 36) < 1e-8);
  }
  const logits = net.run(x, { linear: true }).output.dataSync();
  const probs = net.run(x).output.dataSync();
  const z = logits.reduce((a, b) => a + Math.exp(b), 0);
  logits.forEach((l, i) => assert.ok(Math.abs(Math.exp(l) / z - probs[i]) < 1e-6));
});

test('default target follows the issue rule (inside nested models, not pooling)', async () => {
  const cases = [['seq', 'last_conv'], ['resnet', 'out_relu'], ['nested', 'base_net/out_relu'], ['grey_sigmoid', 'conv2d_1']];
  for (const [m, want] of cases) {
    const { net, x } = await open(m, 'keras');
    assert.equal(defaultTarget(trace(net, x)), want);
  }
});

test('CAM tail equals tkv_reference.py (tf-keras-vis transcribed with NumPy/SciPy)', { skip: !hasPy('numpy, scipy') }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-'));
  const { net, x } = await open('resnet', 'keras');
  const sig = signals(net, x, 'block_out', 1, false);
  writeNpy(`${dir}/A.npy`, [sig.h, sig.w, sig.Cl], sig.Ad);
  writeNpy(`${dir}/grads.npy`, [sig.h, sig.w, sig.Cl], sig.gd);
  writeNpy(`${dir}/input.npy`, [16, 16, 3], x.dataSync());
  execFileSync(PY, ['tkv_reference.py', dir, String(sig.S)]);
  for (const m of ['gradcam', 'gradcampp', 'layercam']) {
    const { cam, epsScale } = METHODS[m](sig.Ad, sig.gd, sig.h, sig.w, sig.Cl, sig.S);
    const mine = normalize(zoomLinear(cam, sig.h, sig.w, 16, 16), epsScale);
    const ref = readNpy(`${dir}/${m}.ref.npy`).data;
    let max = 0; mine.forEach((v, i) => { max = Math.max(max, Math.abs(v - ref[i])); });
    assert.ok(max < 1e-12, `${m}: max |diff| ${max}`);
  }
});

test('Grad-CAM++ with a score whose e^S overflows float64 equals the finite-score map (epsilon rescaled)', () => {
  const A = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => ((i * 7) % 5) / 3);
  const g = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => (((i * 5) % 7) - 3) / 10);
  const a = METHODS.gradcampp(A, g, 2, 3, 4, 3);
  const b = METHODS.gradcampp(A, g, 2, 3, 4, 800);
  assert.equal(b.epsScale, Math.exp(-800));
  const na = normalize(a.cam, a.epsScale), nb = normalize(b.cam, b.epsScale);
  na.forEach((v, i) => assert.ok(Math.abs(v - nb[i]) < 1e-6));
});

test('resize and grey equal python3-opencv bit for bit', { skip: !hasPy('cv2, numpy') }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-rz-'));
  const cases = [[37, 53, 224, 224], [300, 400, 224, 224], [224, 224, 100, 120], [10, 10, 224, 224], [448, 448, 224, 224], [640, 480, 299, 299], [13, 7, 5, 3]];
  execFileSync(PY, ['-c', `
import numpy as np, cv2
rng = np.random.default_rng(0)
for i, (h, w, dh, dw) in enumerate(${JSON.stringify(cases)}):
    img = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
    if i % 2: img = cv2.GaussianBlur(img, (5, 5), 2)
    np.save('${dir}/src%d.npy' % i, img)
    out = cv2.resize(img, (dw, dh), interpolation=cv2.INTER_LINEAR)
    np.save('${dir}/dst%d.npy' % i, out)
    np.save('${dir}/grey%d.npy' % i, cv2.cvtColor(out, cv2.COLOR_RGB2GRAY))
`]);
  cases.forEach(([h, w, dh, dw], i) => {
    const src = readNpy(`${dir}/src${i}.npy`).data;
    const out = resizeLinear8u(src, w, h, 3, dw, dh);
    assert.deepEqual(Array.from(out), Array.from(readNpy(`${dir}/dst${i}.npy`).data), `case ${i}`);
    assert.deepEqual(Array.from(greyOf(out, dw * dh)), Array.from(readNpy(`${dir}/grey${i}.npy`).data), `grey ${i}`);
  });
});
