// Reads the three Keras on-disk forms into one shape:
//   { format, kerasVersion, config (Keras-2-form topology, see normalise()), weights: Map(path -> [{short, shape, data}]) }
// Paths are layer names joined with '/' from the top model (nested models add a level).
// Detection is by content: 'PK' = .keras zip; the HDF5 signature at 0/512/1024/... = HDF5.
import fs from 'fs';
import * as hdf5 from 'jsfive';
import JSZip from 'jszip';

const HDF5_SIG = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

/** True when a layer config describes a nested model. */
export function isModel(layerCfg) {
  return MODEL_CLASSES.has(layerCfg.class_name);
}

/** Opens HDF5 bytes, skipping a user block (the signature sits at 0, 512, 1024, 2048, ...). */
function openH5(buf) {
  for (let off = 0; off + 8 <= buf.length; off = off === 0 ? 512 : off * 2) {
    if (buf.subarray(off, off + 8).equals(HDF5_SIG)) {
      const ab = buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + buf.length);
      return new hdf5.File(ab, 'model');
    }
  }
  return null;
}

function decode(v) {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  return typeof v === 'string' ? v.replace(/\0+$/, '') : String(v);
}

/** An HDF5 attribute that Keras may split into name0, name1, ... when long (as a string list). */
function attrList(obj, name) {
  const attrs = obj.attrs;
  if (name in attrs) return toList(attrs[name]);
  const out = [];
  for (let i = 0; `${name}${i}` in attrs; i++) out.push(...toList(attrs[`${name}${i}`]));
  return out;
}
function toList(v) {
  if (Array.isArray(v)) return v.map(decode);
  if (v == null) return [];
  return [decode(v)];
}

function readDataset(ds, what) {
  const shape = ds.shape ? Array.from(ds.shape) : [];
  const v = ds.value;
  const data = Float32Array.from(Array.isArray(v) || ArrayBuffer.isView(v) ? v : [v]);
  const n = shape.reduce((a, b) => a * b, 1);
  if (data.length !== n) throw new Error(`${what}: ${data.length} values for shape [${shape}]`);
  return { shape, data };
}

/** The short name of a saved weight ("block1_conv1/kernel:0" -> "kernel"). */
function shortName(name) {
  const parts = name.replace(/:\d+$/, '').split('/');
  return parts[parts.length - 1];
}

/** Loads any supported file. */
export async function loadKerasFile(path) {
  const buf = fs.readFileSync(path);
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b) return loadKerasZip(buf, path);
  const f = openH5(buf);
  if (!f) throw new Error(`${path}: neither a .keras zip nor HDF5`);
  if (!('model_config' in f.attrs)) {
    throw new Error(`${path}: HDF5 without a model_config attribute (a weights-only file holds no architecture)`);
  }
  const raw = JSON.parse(decode(f.attrs.model_config));
  const kerasVersion = 'keras_version' in f.attrs ? decode(f.attrs.keras_version) : '2';
  const config = normalise(raw);
  const weights = new Map();
  const mw = f.keys.includes('model_weights') ? f.get('model_weights') : f;
  for (const lname of attrList(mw, 'layer_names')) {
    const g = mw.get(lname);
    const names = attrList(g, 'weight_names');
    if (!names.length) continue;
    const arrays = names.map(n => ({ name: n, ...readDataset(g.get(n), `${path}: ${lname}/${n}`) }));
    const layerCfg = findLayer(config, lname);
    if (!layerCfg) throw new Error(`${path}: weights for layer ${lname} that the config does not have`);
    if (isModel(layerCfg)) assignNested(layerCfg, lname, arrays, weights, path);
    else weights.set(lname, arrays.map(a => ({ short: shortName(a.name), shape: a.shape, data: a.data })));
  }
  return { format: 'hdf5', kerasVersion, config, weights };
}

/** Keras 2/3 legacy HDF5: a nested model's weights are one list; each goes to the inner layer its name names. */
function assignNested(modelCfg, prefix, arrays, weights, file) {
  const leaves = [];
  walkLeaves(modelCfg, prefix, (p, cfg) => leaves.push({ path: p, name: cfg.config.name }));
  for (const a of arrays) {
    const parts = a.name.replace(/:\d+$/, '').split('/');
    const owner = parts.slice(0, -1);
    // The layer name is the component just before the weight's own name; more components
    // (outer scopes) break ties between nested models with equal inner names.
    let cands = leaves.filter(l => l.name === owner[owner.length - 1]);
    if (cands.length > 1) {
      cands = cands.filter(l => owner.every(c => l.path.split('/').includes(c) || c === owner[0]));
    }
    if (cands.length !== 1) throw new Error(`${file}: cannot place weight ${a.name} of nested model ${prefix} (${cands.length} candidates)`);
    const list = weights.get(cands[0].path) || [];
    list.push({ short: parts[parts.length - 1], shape: a.shape, data: a.data });
    weights.set(cands[0].path, list);
  }
}

/** Keras 3 .keras: config.json + model.weights.h5 with layers/<snake class name>[_k]/vars/<i>. */
async function loadKerasZip(buf, path) {
  const zip = await JSZip.loadAsync(buf);
  const cfgFile = zip.file('config.json');
  const wFile = zip.file('model.weights.h5');
  if (!cfgFile || !wFile) throw new Error(`${path}: zip without config.json and model.weights.h5`);
  const raw = JSON.parse(await cfgFile.async('string'));
  let kerasVersion = '3';
  const meta = zip.file('metadata.json');
  if (meta) kerasVersion = JSON.parse(await meta.async('string')).keras_version || '3';
  const h5 = openH5(Buffer.from(await wFile.async('uint8array')));
  const config = normalise(raw);
  const weights = new Map();
  zipWeights(config, '', '', h5, weights, path);
  return { format: 'keras-zip', kerasVersion, config, weights };
}

/** Keras's naming.to_snake_case. */
export function toSnakeCase(name) {
  name = name.replace(/\W+/g, '');
  name = name.replace(/(.)([A-Z][a-z]+)/g, '$1_$2');
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

function h5Has(h5, p) {
  try { h5.get(p); return true; } catch { return false; }
}

function zipWeights(modelCfg, pathPrefix, h5Prefix, h5, weights, file) {
  const used = {};
  for (const layer of modelLayers(modelCfg)) {
    if (modelCfg.class_name === 'Sequential' && layer.class_name === 'InputLayer') continue; // Sequential.layers drops it
    let key = toSnakeCase(layer.class_name);
    if (key in used) { used[key] += 1; key = `${key}_${used[key]}`; } else used[key] = 0;
    const name = layer.config.name;
    const lpath = pathPrefix ? `${pathPrefix}/${name}` : name;
    // Keras 3 keys by class name; tf.keras 2.13-2.15 wrote _layer_checkpoint_dependencies/<key>.
    const candidates = [`${h5Prefix}layers/${key}`, `${h5Prefix}_layer_checkpoint_dependencies/${key}`, `${h5Prefix}layers/${name}`];
    const hp = candidates.find(c => h5Has(h5, c));
    if (isModel(layer)) {
      if (hp) zipWeights(layer, lpath, `${hp}/`, h5, weights, file);
      continue;
    }
    if (!hp || !h5Has(h5, `${hp}/vars`)) continue;
    const vars = h5.get(`${hp}/vars`);
    const stored = vars.attrs && 'name' in vars.attrs ? decode(vars.attrs.name) : null;
    if (stored && stored !== name) throw new Error(`${file}: ${hp} holds layer ${stored}, expected ${name}`);
    const idx = vars.keys.map(Number).sort((a, b) => a - b);
    if (!idx.length) continue;
    weights.set(lpath, idx.map(i => ({ short: null, ...readDataset(vars.get(String(i)), `${file}: ${hp}/vars/${i}`) })));
  }
}

/** The layer list of a (normalised) model config. */
export function modelLayers(modelCfg) {
  return modelCfg.config.layers;
}

/** Calls fn(path, layerCfg) for every non-model layer, recursing into nested models. */
export function walkLeaves(modelCfg, prefix, fn) {
  for (const layer of modelLayers(modelCfg)) {
    const p = prefix ? `${prefix}/${layer.config.name}` : layer.config.name;
    if (isModel(layer)) walkLeaves(layer, p, fn);
    else fn(p, layer);
  }
}

/** Calls fn(path, layerCfg, depth) for every layer (models too), in config order. */
export function walkAll(modelCfg, prefix, fn, depth = 0) {
  for (const layer of modelLayers(modelCfg)) {
    const p = prefix ? `${prefix}/${layer.config.name}` : layer.config.name;
    fn(p, layer, depth);
    if (isModel(layer)) walkAll(layer, p, fn, depth + 1);
  }
}

function findLayer(modelCfg, name) {
  return modelLayers(modelCfg).find(l => l.config.name === name);
}

// ---------------------------------------------------------------------------------------------
// Config normalisation: Keras 2 (all versions) and Keras 3 configs -> one Keras-2-like form:
//   model = {class_name: 'Sequential'|'Functional', config: {name, layers: [layer...],
//            input_layers: [[name,node,tensor]...], output_layers: [...]} }  (Functional only has the last two)
//   layer = {class_name, config: {...plain values...}, inbound_nodes: [[ [name,node,tensor], ...], ...]}
// ---------------------------------------------------------------------------------------------

/** Turns a Keras-3 serialised object ({module, class_name, config, registered_name}) into a plain value. */
function plain(v) {
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    if (v.class_name === 'DTypePolicy' || v.class_name === 'Policy') return v.config.name;
    if (v.class_name === '__tuple__') return plain(v.config.value);
    if (v.class_name === 'function' && v.config && typeof v.config === 'string') return v.config; // activation serialised as object
    if (v.class_name === 'function' && v.config && v.config.name) return v.config.name;
    const out = {};
    for (const [k, val] of Object.entries(v)) {
      if (k === 'module' || k === 'registered_name') continue;
      out[k] = plain(val);
    }
    return out;
  }
  return v;
}

/** Normalises a model config (top level or nested). */
export function normalise(raw) {
  const m = plain(raw);
  let cls = m.class_name;
  if (cls === 'Model') cls = 'Functional';
  if (cls === 'Sequential') {
    const cfg = Array.isArray(m.config) ? { name: 'sequential', layers: m.config } : { ...m.config };
    cfg.layers = cfg.layers.map(normaliseLayer);
    return { class_name: 'Sequential', config: cfg };
  }
  if (cls !== 'Functional') throw new Error(`top-level class ${m.class_name} is not a Sequential or Functional model`);
  const cfg = { ...m.config };
  cfg.layers = cfg.layers.map(normaliseLayer);
  cfg.input_layers = refList(cfg.input_layers);
  cfg.output_layers = refList(cfg.output_layers);
  return { class_name: 'Functional', config: cfg, inbound_nodes: normaliseNodes(m.inbound_nodes || []) };
}

function refList(v) {
  if (!v) return [];
  if (typeof v[0] === 'string') return [v];
  return v;
}

function normaliseLayer(l) {
  if (isModel(l)) {
    const n = normalise(l);
    n.config.name = n.config.name || l.name;
    n.inbound_nodes = normaliseNodes(l.inbound_nodes || []);
    return n;
  }
  const cfg = { ...l.config };
  if (l.name && !cfg.name) cfg.name = l.name;
  if ('batch_shape' in cfg && !('batch_input_shape' in cfg)) { cfg.batch_input_shape = cfg.batch_shape; }
  delete cfg.batch_shape;
  return { class_name: l.class_name, config: cfg, inbound_nodes: normaliseNodes(l.inbound_nodes || []) };
}

/** Keras 2: [[[name, node, tensor, kwargs], ...], ...]; Keras 3: [{args: [...], kwargs: {...}}, ...]. */
function normaliseNodes(nodes) {
  return nodes.map(node => {
    if (Array.isArray(node)) {
      // Keras 2; a single-input node may be written as one flat reference.
      const refs = typeof node[0] === 'string' ? [node] : node;
      return refs.map(r => {
        if (r[3] && Object.keys(r[3]).length && !onlyHarmlessKwargs(r[3])) {
          throw new Error(`inbound node of ${r[0]} has call arguments ${JSON.stringify(r[3])} (not supported)`);
        }
        return [r[0], r[1], r[2]];
      });
    }
    const refs = [];
    collectTensors(node.args, refs);
    const kw = { ...(node.kwargs || {}) };
    const kwTensors = [];
    collectTensors(kw, kwTensors);
    if (kwTensors.length) throw new Error(`a node takes tensors as keyword arguments (not supported)`);
    return refs;
  });
}

function onlyHarmlessKwargs(kw) {
  return Object.keys(kw).every(k => k === 'training' || k === 'mask');
}

function collectTensors(v, out) {
  if (Array.isArray(v)) { v.forEach(x => collectTensors(x, out)); return; }
  if (v && typeof v === 'object') {
    if (v.class_name === '__keras_tensor__') { const h = v.config.keras_history; out.push([h[0], h[1], h[2]]); return; }
    Object.values(v).forEach(x => collectTensors(x, out));
  }
}
