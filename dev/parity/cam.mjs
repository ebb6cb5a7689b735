#!/usr/bin/env node
// Independent dev-time Grad-CAM / Grad-CAM++ / Layer-CAM for a Keras model file (see README.md).
//
//   node cam.mjs --model FILE (--image IMG | --input-npy X.npy) [--preprocess none|scale|tf|caffe|torch]
//                [--bgr] [--layer NAME|a/b] [--class N] [--methods gradcam,gradcam++,layercam]
//                [--out DIR] [--layers] [--fd-check N]
import fs from 'fs';
import path from 'path';
import * as tf from '@tensorflow/tfjs';
import { loadKerasFile } from './lib/kerasfile.mjs';
import { Net } from './lib/net.mjs';
import { decodeImage, modelInput } from './lib/image.mjs';
import { readNpy, writeNpy } from './lib/npy.mjs';
import { METHODS, METHOD_ALIASES, zoomLinear, normalize } from './lib/cammath.mjs';
import { trace, resolveLayer, defaultTarget as pickDefault, signals } from './lib/explain.mjs';


function parseArgs(argv) {
  const o = { methods: 'gradcam,gradcam++,layercam', out: 'out', bgr: false, layers: false, fdCheck: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    switch (a) {
      case '--model': o.model = next(); break;
      case '--image': o.image = next(); break;
      case '--input-npy': o.inputNpy = next(); break;
      case '--preprocess': o.preprocess = next(); break;
      case '--bgr': o.bgr = true; break;
      case '--layer': case '-l': o.layer = next(); break;
      case '--class': case '-c': o.cls = Number(next()); break;
      case '--methods': case '-m': o.methods = next(); break;
      case '--out': case '-o': o.out = next(); break;
      case '--layers': o.layers = true; break;
      case '--input-size': o.inputSize = next().split('x').map(Number); break;
      case '--fd-check': o.fdCheck = Number(next()); break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (!o.model) throw new Error('--model FILE is required');
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  await tf.setBackend('cpu');
  const file = await loadKerasFile(o.model);
  const net = new Net(file);
  let [H, W, C] = net.inputShape();
  if (o.inputSize) [H, W] = o.inputSize;
  if (H == null || W == null) throw new Error('the model leaves its input size open: pass --input-size HxW');

  let input;
  if (o.inputNpy) {
    const a = readNpy(o.inputNpy);
    const dims = a.shape.filter((d, i) => !(i === 0 && d === 1 && a.shape.length === 4));
    const [h, w, c] = dims.length === 2 ? [...dims, 1] : dims;
    if (h !== H || w !== W || c !== C) throw new Error(`--input-npy has shape [${a.shape}], the model wants ${H}x${W}x${C}`);
    input = Float32Array.from(a.data);
  } else if (o.image) {
    if (!o.preprocess) throw new Error('--preprocess none|scale|tf|caffe|torch is required with --image');
    input = modelInput(decodeImage(o.image), H, W, C, o.preprocess, o.bgr);
  } else if (!o.layers) throw new Error('--image IMG or --input-npy X.npy is required');
  const x = tf.tensor4d(input || new Float32Array(H * W * C), [1, H, W, C]);

  const rows = trace(net, x);
  const unused = net.unusedWeights();
  if (unused.length) throw new Error(`weights in the file for layers the graph never ran: ${unused.join(', ')}`);
  const defaultTarget = pickDefault(rows);
  console.log(`model ${o.model}: ${file.format}, Keras ${file.kerasVersion}, input ${H}x${W}x${C}, output activation ${net.outputActivation()} (layer ${net.outputLeaf.path})`);
  if (o.layers) {
    for (const r of rows) {
      const depth = r.path.split('/').length - 1;
      console.log(`${'  '.repeat(depth)}${r.path.split('/').pop()}  ${r.cls}  [${r.shape.slice(1)}]${r.path === defaultTarget ? '  <- default target' : ''}`);
    }
    if (!input) return;
  }

  // Probabilities from the model as it is; scores from the model with its output softmax/sigmoid removed.
  const probs = tf.tidy(() => net.run(x).output.dataSync());
  const act = net.outputActivation();
  const K = probs.length;
  const binary = K === 1 && act === 'sigmoid';
  const shown = (act === 'softmax' || act === 'sigmoid') ? probs : tf.tidy(() => tf.softmax(tf.tensor1d(probs)).dataSync());
  const order = [...shown.keys()].sort((a, b) => shown[b] - shown[a]);
  if (binary) console.log(`p(class 1) = ${shown[0].toFixed(6)}`);
  else console.log('top-5: ' + order.slice(0, 5).map(i => `${i}:${shown[i].toFixed(6)}`).join('  ') + (act === 'softmax' ? '' : ' (softmax of the outputs)'));
  const cls = o.cls ?? (binary ? (shown[0] > 0.5 ? 1 : 0) : order[0]);
  if (binary ? !(cls === 0 || cls === 1) : !(cls >= 0 && cls < K)) throw new Error(`--class ${cls} out of range`);

  const target = o.layer ? resolveLayer(rows, o.layer) : defaultTarget;
  if (!target) throw new Error('no layer with a spatial output to default to; pass --layer');
  const { A, Ad, gd, S, h, w, Cl, f } = signals(net, x, target, cls, binary);
  console.log(`class ${cls}, score (logit) ${S}, target layer ${target} [${h}x${w}x${Cl}]`);

  fs.mkdirSync(o.out, { recursive: true });
  writeNpy(path.join(o.out, 'input.npy'), [H, W, C], input);
  writeNpy(path.join(o.out, 'A.npy'), [h, w, Cl], Ad);
  writeNpy(path.join(o.out, 'grads.npy'), [h, w, Cl], gd);
  for (const m0 of o.methods.split(',')) {
    const m = METHOD_ALIASES[m0.toLowerCase()] || m0.toLowerCase();
    if (!METHODS[m]) throw new Error(`method ${m0}: one of gradcam, gradcam++, layercam`);
    const { cam, epsScale } = METHODS[m](Ad, gd, h, w, Cl, S);
    const heat = normalize(zoomLinear(cam, h, w, H, W), epsScale);
    writeNpy(path.join(o.out, `${m}.npy`), [H, W], heat);
    writeNpy(path.join(o.out, `${m}_layer.npy`), [h, w], cam, '<f8');
    let mx = 0; for (const v of cam) mx = Math.max(mx, v);
    console.log(`${m}: ${path.join(o.out, `${m}.npy`)} (layer-resolution max ${mx.toExponential(4)}${epsScale !== 1 ? `, e^S overflowed: epsilon scaled by e^-S` : ''})`);
  }
  if (o.fdCheck > 0) fdCheck(A, gd, f, o.fdCheck);
}

/** Central differences of the score along single coordinates of A with the largest |g|, in float32. */
function fdCheck(A, gd, f, n) {
  const idx = [...gd.keys()].sort((a, b) => Math.abs(gd[b]) - Math.abs(gd[a])).slice(0, n);
  const base = A.dataSync();
  let scale = 0; for (const v of base) scale = Math.max(scale, Math.abs(v));
  const hstep = Math.max(scale, 1) * 1e-3;
  let worst = 0;
  for (const i of idx) {
    const eval_ = d => tf.tidy(() => { const a = Float32Array.from(base); a[i] += d; return f(tf.tensor(a, A.shape)).dataSync()[0]; });
    const fd = (eval_(hstep) - eval_(-hstep)) / (2 * hstep);
    const rel = Math.abs(fd - gd[i]) / Math.max(Math.abs(gd[i]), 1e-12);
    worst = Math.max(worst, rel);
    console.log(`  fd-check A[${i}]: autodiff ${gd[i].toExponential(5)}  central difference ${fd.toExponential(5)}  rel ${rel.toExponential(2)}`);
  }
  console.log(`fd-check worst relative difference ${worst.toExponential(2)} (step ${hstep.toExponential(2)}, float32; ReLU kinks and max-pool ties can break it)`);
}

main().catch(e => { console.error(`cam.mjs: ${e.message}`); if (process.env.DEBUG) console.error(e.stack); process.exit(1); });
