// The shared steps of cam.mjs and selftest.mjs: layer trace, target choice, A and dS/dA.
import * as tf from '@tensorflow/tfjs';
import { isModel } from './kerasfile.mjs';

/** The default-target rule: not pooling, not an inference no-op. */
const NO_TARGET = /Pooling|Pool2D|Dropout|GaussianNoise|ActivityRegularization|^Random|Masking/;

/** Runs the network once recording every layer's output shape and class, in execution order. */
export function trace(net, x) {
  const rows = [];
  const orig = net.callLayer.bind(net);
  net.callLayer = (l, p, ins, ctx, k = 0) => {
    const row = { path: p, cls: l.class_name, shape: null, model: isModel(l) };
    if (k === 0) rows.push(row); // before the call, so a nested model precedes its layers
    const outs = orig(l, p, ins, ctx, k);
    row.shape = outs[0].shape;
    return outs;
  };
  try { tf.tidy(() => { net.run(x); }); } finally { net.callLayer = orig; }
  return rows;
}

/** Resolves --layer: an exact path, or a unique path ending in /NAME. */
export function resolveLayer(rows, name) {
  const exact = rows.filter(r => r.path === name);
  if (exact.length) return exact[0].path;
  const tail = rows.filter(r => r.path.endsWith(`/${name}`));
  if (tail.length === 1) return tail[0].path;
  if (tail.length > 1) throw new Error(`layer ${name} is ambiguous: ${tail.map(r => r.path).join(', ')}`);
  throw new Error(`no layer ${name}`);
}

/** The last layer (graph order, inside nested models) with an H x W x C output, H*W > 1, that is no pooling or no-op. */
export function defaultTarget(rows) {
  const isMap = r => r.shape.length === 4 && r.shape[1] * r.shape[2] > 1;
  const candidates = rows.filter(r => !r.model && isMap(r) && !NO_TARGET.test(r.cls));
  return candidates.length ? candidates[candidates.length - 1].path : null;
}

/**
 * A (the target layer's output) and g = dS/dA for class cls, with the output softmax/sigmoid
 * removed; binary (single sigmoid unit): S = logit for class 1, -logit for class 0.
 * f(A') is the score with A' injected, for finite differences.
 */
export function signals(net, x, target, cls, binary) {
  const scoreOf = out => {
    if (binary) return cls === 1 ? out.reshape([]) : tf.neg(out.reshape([]));
    return tf.slice(out.reshape([-1]), [cls], [1]).reshape([]);
  };
  const A = tf.tidy(() => tf.keep(net.run(x, { target, linear: true }).captured));
  if (A.rank !== 4) throw new Error(`layer ${target} has output shape [${A.shape}], not a map`);
  const f = a => scoreOf(net.run(x, { target, inject: a, linear: true }).output);
  const { value, grad } = tf.valueAndGrad(f)(A);
  const [, h, w, Cl] = A.shape;
  return { A, Ad: A.dataSync(), gd: grad.dataSync(), S: value.dataSync()[0], h, w, Cl, f };
}
