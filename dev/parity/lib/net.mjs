// The graph interpreter: runs a normalised Keras config layer by layer on tfjs tensors (NHWC, float32),
// so that any layer's output can be captured or replaced (injected) for gradients.
// Layers with weights or real shape arithmetic are tfjs layer objects built from the Keras config
// (tfjs implements Keras's layer semantics); activations, merges without weights and inference
// no-ops are written here against tfjs ops, from Keras's definitions.
import * as tf from '@tensorflow/tfjs';
import { isModel, modelLayers } from './kerasfile.mjs';

/** Layers that are the identity at inference. */
const IDENTITY = new Set(['Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'SpatialDropout3D', 'GaussianNoise',
  'GaussianDropout', 'AlphaDropout', 'ActivityRegularization', 'RandomFlip', 'RandomRotation', 'RandomZoom',
  'RandomTranslation', 'RandomContrast', 'RandomBrightness', 'RandomHeight', 'RandomWidth', 'Masking']);

/** Layers built as tfjs layer objects (weights and/or shape arithmetic done by tfjs). */
const TFJS = new Set(['Conv2D', 'Convolution2D', 'DepthwiseConv2D', 'SeparableConv2D', 'SeparableConvolution2D',
  'Conv2DTranspose', 'Dense', 'BatchNormalization', 'MaxPooling2D', 'MaxPool2D', 'AveragePooling2D', 'AvgPool2D',
  'ZeroPadding2D', 'Cropping2D', 'Flatten', 'Reshape', 'Permute', 'Add', 'Multiply', 'Average', 'Maximum',
  'Minimum', 'Concatenate', 'UpSampling2D', 'PReLU', 'LayerNormalization']);
const TFJS_ALIAS = { Convolution2D: 'Conv2D', SeparableConvolution2D: 'SeparableConv2D', MaxPool2D: 'MaxPooling2D', AvgPool2D: 'AveragePooling2D' };

/** Keras activations by name; hard_sigmoid depends on the Keras major version that wrote the file. */
function activationFn(name, kerasMajor) {
  const a = {
    linear: x => x,
    relu: x => tf.relu(x),
    relu6: x => tf.clipByValue(x, 0, 6),
    sigmoid: x => tf.sigmoid(x),
    tanh: x => tf.tanh(x),
    softmax: x => tf.softmax(x, -1),
    log_softmax: x => tf.logSoftmax(x, -1),
    elu: x => tf.elu(x),
    selu: x => tf.selu(x),
    softplus: x => tf.softplus(x),
    softsign: x => tf.div(x, tf.add(tf.abs(x), 1)),
    swish: x => tf.mul(x, tf.sigmoid(x)),
    silu: x => tf.mul(x, tf.sigmoid(x)),
    exponential: x => tf.exp(x),
    gelu: x => tf.mul(tf.mul(x, 0.5), tf.add(1, erf(tf.div(x, Math.SQRT2)))),
    hard_sigmoid: kerasMajor >= 3
      ? x => tf.div(tf.clipByValue(tf.add(x, 3), 0, 6), 6)
      : x => tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1),
    hard_silu: x => tf.mul(x, tf.div(tf.clipByValue(tf.add(x, 3), 0, 6), 6)),
    hard_swish: x => tf.mul(x, tf.div(tf.clipByValue(tf.add(x, 3), 0, 6), 6)),
    mish: x => tf.mul(x, tf.tanh(tf.softplus(x))),
  }[name];
  if (!a) throw new Error(`activation '${name}' not supported`);
  return a;
}

/** erf via tfjs (differentiable). */
function erf(x) { return tf.erf(x); }

function activationName(v) {
  if (v == null) return 'linear';
  if (typeof v === 'string') return v;
  if (v.class_name) return v.config && v.config.name ? v.config.name : v.class_name;
  throw new Error(`activation ${JSON.stringify(v)} not understood`);
}

const snakeToCamel = s => s.replace(/_([a-z0-9])/g, (m, c) => c.toUpperCase());

/** tfjs constructor arguments from a Keras layer config: camelCase keys, zero initialisers, linear activation. */
function tfjsArgs(cfg) {
  const out = {};
  for (const [k, v] of Object.entries(cfg)) {
    if (['dtype', 'trainable', 'batch_input_shape', 'batch_shape', 'input_shape', 'build_config', 'lora_rank',
      'lora_alpha', 'quantization_config', 'synchronized', 'renorm', 'renorm_clipping', 'renorm_momentum',
      'fused', 'virtual_batch_size', 'adjustment', 'bias_constraint', 'kernel_constraint', 'groups'].includes(k)) continue;
    if (k.endsWith('_initializer')) { out[snakeToCamel(k)] = 'zeros'; continue; }
    if (k.endsWith('_regularizer') || k.endsWith('_constraint')) continue;
    out[snakeToCamel(k)] = k === 'data_format' ? snakeToCamel(v) : v; // tfjs spells 'channelsLast'
  }
  if ('activation' in out) out.activation = 'linear';
  if (Array.isArray(out.axis) && out.axis.length === 1) out.axis = out.axis[0];
  return out;
}

/** The built network. */
export class Net {
  /**
   * @param {object} file what loadKerasFile returned
   */
  constructor(file) {
    this.top = file.config;
    this.weights = file.weights;
    this.kerasMajor = Number(String(file.kerasVersion).split('.')[0]) || 2;
    this.layers = new Map(); // path -> tfjs layer (built on first call, weights set)
    this.usedWeights = new Set();
    this.outputLeaf = this.findOutputLeaf(this.top, '');
  }

  /** The model's input shape [H, W, C] (nulls where open). */
  inputShape() {
    const layers = modelLayers(this.top);
    let first;
    if (this.top.class_name === 'Sequential') first = layers[0];
    else first = layers.find(l => l.config.name === this.top.config.input_layers[0][0]);
    const s = first.config.batch_input_shape || this.top.config.build_input_shape;
    if (!s) throw new Error('the model does not state its input shape');
    return s.slice(1);
  }

  /** {path, layerCfg} of the layer producing the model's (first) output, inside nested models. */
  findOutputLeaf(modelCfg, prefix) {
    const layers = modelLayers(modelCfg);
    let last;
    if (modelCfg.class_name === 'Sequential') last = layers[layers.length - 1];
    else last = layers.find(l => l.config.name === modelCfg.config.output_layers[0][0]);
    const p = prefix ? `${prefix}/${last.config.name}` : last.config.name;
    return isModel(last) ? this.findOutputLeaf(last, p) : { path: p, cfg: last };
  }

  /** The output layer's final activation name ('softmax', 'sigmoid', ...). */
  outputActivation() {
    const { cfg } = this.outputLeaf;
    if (cfg.class_name === 'Softmax') return 'softmax';
    return activationName(cfg.config.activation);
  }

  /**
   * Runs the network on x (NHWC tensor).
   * opts.target: layer path whose output is captured (ctx.captured) and, with opts.inject, replaced.
   * opts.linear: drop the output layer's softmax/sigmoid (tf-keras-vis's ReplaceToLinear).
   * Returns {output, captured}.
   */
  run(x, opts = {}) {
    const ctx = { target: opts.target || null, inject: opts.inject || null, linear: !!opts.linear, captured: null, hit: false };
    const [output] = this.runModel(this.top, '', [x], ctx);
    if (ctx.target && !ctx.hit) throw new Error(`target layer ${ctx.target} was not reached`);
    return { output, captured: ctx.captured };
  }

  runModel(modelCfg, prefix, inputs, ctx) {
    const layers = modelLayers(modelCfg);
    const pathOf = l => (prefix ? `${prefix}/${l.config.name}` : l.config.name);
    if (modelCfg.class_name === 'Sequential') {
      let x = inputs[0];
      for (const l of layers) {
        if (l.class_name === 'InputLayer') continue;
        x = this.callLayer(l, pathOf(l), [x], ctx)[0];
      }
      return [x];
    }
    const tensors = new Map(); // "name:node" -> outputs
    modelCfg.config.input_layers.forEach(([name], i) => tensors.set(`${name}:0`, [inputs[i]]));
    const pending = [];
    for (const l of layers) {
      if (l.class_name === 'InputLayer') continue;
      l.inbound_nodes.forEach((node, k) => pending.push({ l, node, k }));
    }
    // Config order is topological in practice; sweep until everything ran to be safe.
    while (pending.length) {
      const before = pending.length;
      for (let i = 0; i < pending.length; i++) {
        const { l, node, k } = pending[i];
        if (!node.every(([n, ni]) => tensors.has(`${n}:${ni}`))) continue;
        const ins = node.map(([n, ni, ti]) => tensors.get(`${n}:${ni}`)[ti]);
        tensors.set(`${l.config.name}:${k}`, this.callLayer(l, pathOf(l), ins, ctx, k));
        pending.splice(i, 1); i--;
      }
      if (pending.length === before) throw new Error(`graph of ${modelCfg.config.name} cannot be ordered (missing ${pending[0].node.map(r => r[0])})`);
    }
    return modelCfg.config.output_layers.map(([n, ni, ti]) => tensors.get(`${n}:${ni}`)[ti]);
  }

  callLayer(l, path, ins, ctx, nodeIndex = 0) {
    let outs = isModel(l) ? this.runModel(l, path, ins, ctx) : [this.leaf(l, path, ins, ctx)];
    if (ctx.target === path && nodeIndex === 0) {
      ctx.hit = true;
      if (ctx.inject) outs = [ctx.inject];
      ctx.captured = outs[0];
    }
    return outs;
  }

  /** One non-model layer. */
  leaf(l, path, ins, ctx) {
    const cls = l.class_name;
    const cfg = l.config;
    const isOutput = ctx.linear && path === this.outputLeaf.path;
    const x = ins[0];
    const one = () => { if (ins.length !== 1) throw new Error(`${path}: ${cls} expects one input`); };
    if (IDENTITY.has(cls)) { one(); return x; }
    switch (cls) {
      case 'Activation': {
        one();
        const name = activationName(cfg.activation);
        if (isOutput && (name === 'softmax' || name === 'sigmoid')) return x;
        return activationFn(name, this.kerasMajor)(x);
      }
      case 'Softmax':
        one();
        if (isOutput) return x;
        if (cfg.axis !== undefined && cfg.axis !== -1 && !(Array.isArray(cfg.axis) && cfg.axis[0] === -1)) {
          throw new Error(`${path}: Softmax axis ${cfg.axis} not supported`);
        }
        return tf.softmax(x, -1);
      case 'ReLU': {
        // Keras: x >= max_value -> max_value; threshold <= x < max -> x; x < threshold -> negative_slope * (x - threshold)
        one();
        const maxV = cfg.max_value == null ? null : Number(cfg.max_value);
        const slope = Number(cfg.negative_slope || 0), thr = Number(cfg.threshold || 0);
        let y = tf.where(tf.greaterEqual(x, thr), x, tf.mul(tf.sub(x, thr), slope));
        if (maxV != null) y = tf.minimum(y, maxV);
        return y;
      }
      case 'LeakyReLU': {
        one();
        const alpha = cfg.negative_slope ?? cfg.alpha ?? 0.3; // Keras 2 'alpha', Keras 3 'negative_slope', both default 0.3
        return tf.where(tf.greaterEqual(x, 0), x, tf.mul(x, alpha));
      }
      case 'ELU': {
        one();
        const alpha = cfg.alpha ?? 1.0;
        return tf.where(tf.greater(x, 0), x, tf.mul(tf.sub(tf.exp(x), 1), alpha));
      }
      case 'ThresholdedReLU':
        one();
        return tf.where(tf.greater(x, cfg.theta ?? 1.0), x, tf.zerosLike(x));
      case 'Subtract':
        if (ins.length !== 2) throw new Error(`${path}: Subtract expects two inputs`);
        return tf.sub(ins[0], ins[1]);
      case 'GlobalAveragePooling2D':
      case 'GlobalAvgPool2D':
      case 'GlobalMaxPooling2D':
      case 'GlobalMaxPool2D': {
        one();
        if (cfg.data_format === 'channels_first') throw new Error(`${path}: channels_first not supported`);
        const keep = !!(cfg.keepdims ?? cfg.keep_dims);
        return cls.includes('Max') ? tf.max(x, [1, 2], keep) : tf.mean(x, [1, 2], keep);
      }
      case 'Rescaling': {
        one();
        return tf.add(tf.mul(x, tf.tensor(cfg.scale)), tf.tensor(cfg.offset ?? 0));
      }
      case 'Normalization': return this.normalization(l, path, x);
      case 'Resizing': {
        one();
        if (cfg.crop_to_aspect_ratio || cfg.pad_to_aspect_ratio) throw new Error(`${path}: Resizing with aspect-ratio cropping not supported`);
        const interp = cfg.interpolation || 'bilinear';
        if (interp === 'bilinear') return tf.image.resizeBilinear(x, [cfg.height, cfg.width], false, true);
        if (interp === 'nearest') return tf.image.resizeNearestNeighbor(x, [cfg.height, cfg.width], false, true);
        throw new Error(`${path}: Resizing interpolation ${interp} not supported`);
      }
      case 'RandomCrop': {
        // Inference: the centre crop of height x width (the definition).
        one();
        const [h, w] = [x.shape[1], x.shape[2]];
        const top = Math.floor((h - cfg.height) / 2), left = Math.floor((w - cfg.width) / 2);
        return tf.slice(x, [0, top, left, 0], [-1, cfg.height, cfg.width, -1]);
      }
    }
    if (!TFJS.has(cls)) throw new Error(`${path}: layer class ${cls} not supported`);
    if ((cfg.groups ?? 1) !== 1) throw new Error(`${path}: grouped convolution not supported`);
    if (cfg.data_format === 'channels_first') throw new Error(`${path}: channels_first not supported`);
    const layer = this.tfjsLayer(l, path, ins);
    let y = layer.apply(ins.length === 1 ? x : ins);
    const act = activationName(cfg.activation);
    if (isOutput && (act === 'softmax' || act === 'sigmoid')) return y;
    return activationFn(act, this.kerasMajor)(y);
  }

  /** Keras Normalization: (x - mean) / max(sqrt(variance), 1e-7), mean/variance from weights or config. */
  normalization(l, path, x) {
    const cfg = l.config;
    if (cfg.invert) throw new Error(`${path}: Normalization(invert=True) not supported`);
    let mean, variance;
    const w = this.weights.get(path);
    if (cfg.mean != null && cfg.variance != null) { mean = cfg.mean; variance = cfg.variance; }
    else if (w && w.length >= 2) {
      this.usedWeights.add(path);
      const byName = n => w.find(a => a.short === n);
      const m = byName('mean') || w[0], v = byName('variance') || w[1];
      mean = Array.from(m.data); variance = Array.from(v.data);
    } else throw new Error(`${path}: Normalization without mean/variance`);
    const axis = Array.isArray(cfg.axis) ? cfg.axis : [cfg.axis ?? -1];
    if (!(axis.length === 1 && (axis[0] === -1 || axis[0] === x.rank - 1))) throw new Error(`${path}: Normalization axis ${cfg.axis} not supported`);
    const meanT = tf.tensor1d(Array.isArray(mean) ? mean.flat(Infinity) : [mean]);
    const sdT = tf.maximum(tf.sqrt(tf.tensor1d(Array.isArray(variance) ? variance.flat(Infinity) : [variance])), 1e-7);
    return tf.div(tf.sub(x, meanT), sdT);
  }

  /** The tfjs layer object for a path: built on first use at the real input shape, then given the file's weights. */
  tfjsLayer(l, path, ins) {
    let layer = this.layers.get(path);
    if (layer) return layer;
    const clsName = TFJS_ALIAS[l.class_name] || l.class_name;
    const entry = tf.serialization.SerializationMap.getMap().classNameMap[clsName];
    if (!entry) throw new Error(`${path}: tfjs has no ${clsName}`);
    const args = tfjsArgs(l.config);
    args.name = `x${this.layers.size}_${String(l.config.name).replace(/[^A-Za-z0-9_]/g, '_')}`;
    layer = new entry[0](args);
    tf.tidy(() => { layer.apply(ins.length === 1 ? ins[0] : ins); }); // builds the weights (zeros)
    const expected = layer.weights;
    const saved = this.weights.get(path) || [];
    if (saved.length !== expected.length) {
      throw new Error(`${path}: ${l.class_name} expects ${expected.length} weights (${expected.map(w => w.originalName)}), file has ${saved.length}`);
    }
    const shortOf = w => w.originalName.split('/').pop();
    const named = saved.every(s => s.short) && expected.every(e => saved.some(s => s.short === shortOf(e)));
    const values = expected.map((e, i) => {
      const s = named ? saved.find(a => a.short === shortOf(e)) : saved[i];
      if (s.shape.join(',') !== e.shape.join(',')) {
        throw new Error(`${path}: weight ${shortOf(e)} has shape [${s.shape}] in the file, [${e.shape}] expected`);
      }
      return tf.tensor(s.data, e.shape, 'float32');
    });
    layer.setWeights(values);
    values.forEach(v => v.dispose());
    this.usedWeights.add(path);
    this.layers.set(path, layer);
    return layer;
  }

  /** Paths with weights in the file that no layer took (call after a forward pass). */
  unusedWeights() {
    return [...this.weights.keys()].filter(p => !this.usedWeights.has(p));
  }
}
