#!/usr/bin/python3
"""Tiny Keras model files in the three on-disk forms, written with h5py the way Keras writes them,
plus a NumPy forward pass of each (an implementation independent of tfjs) for selftest.mjs.

Needs Debian's python3-h5py and python3-numpy:  /usr/bin/python3 make_fixtures.py OUTDIR

For every model M it writes
  M.keras2.h5     tf.keras 2.x full-model HDF5 (model_config + model_weights, names 'layer/kernel:0',
                  nested models' weights in legacy order: trainable first, then non-trainable)
  M.keras         Keras 3 zip (config.json with module/registered_name/__keras_tensor__,
                  model.weights.h5 with layers/<snake class>[_k]/vars/<i>)
  M.keras3.h5     Keras 3 legacy HDF5 (weight names without ':0', top_level_model_weights group)
  M.input.npy     a seeded input,  M.expected.npy  NumPy's output (probabilities)
"""
import copy, io, json, os, sys, zipfile
import numpy as np, h5py

OUT = sys.argv[1] if len(sys.argv) > 1 else 'fixtures'
os.makedirs(OUT, exist_ok=True)
RNG = np.random.default_rng(1234)


# ----------------------------------------------------------------------------------- layer configs (Keras 2 form)
def conv(name, filters, k, strides=1, padding='same', act='linear', use_bias=True):
    return ('Conv2D', dict(name=name, trainable=True, dtype='float32', filters=filters, kernel_size=[k, k],
                           strides=[strides, strides], padding=padding, data_format='channels_last',
                           dilation_rate=[1, 1], groups=1, activation=act, use_bias=use_bias,
                           kernel_initializer={'class_name': 'GlorotUniform', 'config': {'seed': None}},
                           bias_initializer={'class_name': 'Zeros', 'config': {}}, kernel_regularizer=None,
                           bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                           bias_constraint=None))


def dwconv(name, k, act='linear'):
    return ('DepthwiseConv2D', dict(name=name, trainable=True, dtype='float32', kernel_size=[k, k], strides=[1, 1],
                                    padding='same', data_format='channels_last', dilation_rate=[1, 1], groups=1,
                                    activation=act, use_bias=True, depth_multiplier=1,
                                    depthwise_initializer={'class_name': 'GlorotUniform', 'config': {'seed': None}},
                                    bias_initializer={'class_name': 'Zeros', 'config': {}}))


def bn(name):
    return ('BatchNormalization', dict(name=name, trainable=True, dtype='float32', axis=[3], momentum=0.99,
                                       epsilon=0.001, center=True, scale=True,
                                       beta_initializer={'class_name': 'Zeros', 'config': {}},
                                       gamma_initializer={'class_name': 'Ones', 'config': {}},
                                       moving_mean_initializer={'class_name': 'Zeros', 'config': {}},
                                       moving_variance_initializer={'class_name': 'Ones', 'config': {}}))


def dense(name, units, act):
    return ('Dense', dict(name=name, trainable=True, dtype='float32', units=units, activation=act, use_bias=True,
                          kernel_initializer={'class_name': 'GlorotUniform', 'config': {'seed': None}},
                          bias_initializer={'class_name': 'Zeros', 'config': {}}))


def simple(cls, name, **kw):
    return (cls, dict(name=name, trainable=True, dtype='float32', **kw))


def inp(name, shape):
    return ('InputLayer', dict(batch_input_shape=[None] + shape, dtype='float32', sparse=False, ragged=False, name=name))


# ----------------------------------------------------------------------------------- NumPy reference layers
def pad_same(x, k, s):
    h, w = x.shape[1:3]
    oh, ow = -(-h // s), -(-w // s)
    ph, pw = max((oh - 1) * s + k - h, 0), max((ow - 1) * s + k - w, 0)
    return np.pad(x, ((0, 0), (ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2), (0, 0)))


def np_conv(x, kern, bias, s, padding):
    k = kern.shape[0]
    if padding == 'same':
        x = pad_same(x, k, s)
    n, h, w, c = x.shape
    oh, ow = (h - k) // s + 1, (w - k) // s + 1
    out = np.zeros((n, oh, ow, kern.shape[3]))
    for i in range(k):
        for j in range(k):
            out += np.einsum('nhwc,cf->nhwf', x[:, i:i + s * oh:s, j:j + s * ow:s, :], kern[i, j])
    return out + (bias if bias is not None else 0)


def np_dwconv(x, kern, bias):
    k = kern.shape[0]
    x = pad_same(x, k, 1)
    n, h, w, c = x.shape
    oh, ow = h - k + 1, w - k + 1
    out = np.zeros((n, oh, ow, c))
    for i in range(k):
        for j in range(k):
            out += x[:, i:i + oh, j:j + ow, :] * kern[i, j, :, 0]
    return out + bias


def act(x, a):
    if a == 'relu': return np.maximum(x, 0)
    if a == 'softmax':
        e = np.exp(x - x.max(-1, keepdims=True)); return e / e.sum(-1, keepdims=True)
    if a == 'sigmoid': return 1 / (1 + np.exp(-x))
    assert a == 'linear', a
    return x


def np_layer(cls, cfg, ws, xs):
    x = xs[0]
    if cls == 'Conv2D':
        return act(np_conv(x, ws[0], ws[1] if cfg['use_bias'] else None, cfg['strides'][0], cfg['padding']), cfg['activation'])
    if cls == 'DepthwiseConv2D':
        return act(np_dwconv(x, ws[0], ws[1]), cfg['activation'])
    if cls == 'BatchNormalization':
        g, b, m, v = ws
        return (x - m) / np.sqrt(v + cfg['epsilon']) * g + b
    if cls == 'Dense':
        return act(x @ ws[0] + ws[1], cfg['activation'])
    if cls == 'MaxPooling2D':
        n, h, w, c = x.shape
        return x[:, :h // 2 * 2, :w // 2 * 2].reshape(n, h // 2, 2, w // 2, 2, c).max(axis=(2, 4))
    if cls == 'GlobalAveragePooling2D': return x.mean(axis=(1, 2))
    if cls == 'Flatten': return x.reshape(x.shape[0], -1)
    if cls == 'Dropout': return x
    if cls == 'ZeroPadding2D':
        p = cfg['padding']; return np.pad(x, ((0, 0), tuple(p[0]), tuple(p[1]), (0, 0)))
    if cls == 'ReLU':
        y = np.maximum(x, 0)
        return np.minimum(y, cfg['max_value']) if cfg.get('max_value') is not None else y
    if cls == 'Activation': return act(x, cfg['activation'])
    if cls == 'Add': return sum(xs)
    raise ValueError(cls)


def weight_specs(cls, cfg, in_shape):
    """[(short name, shape, trainable)] in Keras creation order."""
    if cls == 'Conv2D':
        k = cfg['kernel_size'][0]
        r = [('kernel', (k, k, in_shape[-1], cfg['filters']), True)]
        return r + ([('bias', (cfg['filters'],), True)] if cfg['use_bias'] else [])
    if cls == 'DepthwiseConv2D':
        k = cfg['kernel_size'][0]
        return [('depthwise_kernel', (k, k, in_shape[-1], 1), True), ('bias', (in_shape[-1],), True)]
    if cls == 'BatchNormalization':
        c = in_shape[-1]
        return [('gamma', (c,), True), ('beta', (c,), True), ('moving_mean', (c,), False), ('moving_variance', (c,), False)]
    if cls == 'Dense':
        return [('kernel', (in_shape[-1], cfg['units']), True), ('bias', (cfg['units'],), True)]
    return []


def make_weights(cls, specs):
    out = []
    for short, shape, _ in specs:
        if short == 'moving_variance': out.append(RNG.uniform(0.5, 1.5, shape))
        elif short == 'gamma': out.append(RNG.uniform(0.5, 1.5, shape))
        elif short in ('moving_mean', 'beta', 'bias'): out.append(RNG.normal(0, 0.1, shape))
        else:
            fan_in = int(np.prod(shape[:-1]))
            out.append(RNG.normal(0, 1.2 / np.sqrt(fan_in), shape))
    return [w.astype(np.float32) for w in out]


# ----------------------------------------------------------------------------------- models
class Graph:
    """A functional graph: nodes (cls, cfg, inputs names); nested graphs as nodes too."""

    def __init__(self, name, kind):
        self.name, self.kind, self.nodes, self.inputs, self.outputs = name, kind, [], [], []

    def add(self, spec, inputs=None):
        cls, cfg = spec
        if isinstance(cls, Graph):
            self.nodes.append(dict(cls=cls.kind, cfg=None, sub=cls, name=cls.name, inputs=inputs or [])); return cls.name
        self.nodes.append(dict(cls=cls, cfg=cfg, sub=None, name=cfg['name'], inputs=inputs or []))
        return cfg['name']


def forward(g, x):
    """NumPy forward; creates weights on first call (shapes from real inputs). Returns the output."""
    vals = {}
    prev = None
    for n in g.nodes:
        if n['cls'] == 'InputLayer':
            vals[n['name']] = x; prev = x; continue
        ins = [vals[i] for i in n['inputs']] if n['inputs'] else [prev]
        if n['sub'] is not None:
            y = forward(n['sub'], ins[0])
        else:
            if 'weights' not in n:
                n['specs'] = weight_specs(n['cls'], n['cfg'], ins[0].shape)
                n['weights'] = make_weights(n['cls'], n['specs'])
            y = np_layer(n['cls'], n['cfg'], [w.astype(np.float64) for w in n['weights']], ins)
        vals[n['name']] = y; prev = y
    return vals[g.outputs[0]] if g.outputs else prev


def seq_model():
    g = Graph('sequential', 'Sequential')
    g.add(inp('input_1', [16, 16, 3]))
    g.add(conv('conv2d', 4, 3, act='relu'))
    g.add(bn('batch_normalization'))
    g.add(simple('MaxPooling2D', 'max_pooling2d', pool_size=[2, 2], padding='valid', strides=[2, 2], data_format='channels_last'))
    g.add(conv('last_conv', 6, 3, padding='valid', act='relu'))
    g.add(simple('GlobalAveragePooling2D', 'global_average_pooling2d', data_format='channels_last', keepdims=False))
    g.add(simple('Dropout', 'dropout', rate=0.5, noise_shape=None, seed=None))
    g.add(dense('dense', 5, 'softmax'))
    return g


def res_block(g, prefix, inp_name):
    g.add(simple('ZeroPadding2D', f'{prefix}pad', padding=[[1, 1], [1, 1]], data_format='channels_last'), [inp_name])
    g.add(conv(f'{prefix}conv1', 8, 3, strides=2, padding='valid', use_bias=False), [f'{prefix}pad'])
    g.add(bn(f'{prefix}bn1'), [f'{prefix}conv1'])
    x = g.add(simple('ReLU', f'{prefix}relu1', max_value=None, negative_slope=0.0, threshold=0.0), [f'{prefix}bn1'])
    g.add(conv(f'{prefix}conv2', 8, 3), [x])
    g.add(bn(f'{prefix}bn2'), [f'{prefix}conv2'])
    g.add(simple('Activation', f'{prefix}act2', activation='relu'), [f'{prefix}bn2'])
    g.add(conv(f'{prefix}conv3', 8, 1), [f'{prefix}act2'])
    g.add(simple('Add', f'{prefix}add'), [x, f'{prefix}conv3'])
    g.add(simple('ReLU', f'{prefix}block_out', max_value=None, negative_slope=0.0, threshold=0.0), [f'{prefix}add'])
    g.add(dwconv(f'{prefix}dw', 3), [f'{prefix}block_out'])
    return g.add(simple('ReLU', f'{prefix}out_relu', max_value=6.0, negative_slope=0.0, threshold=0.0), [f'{prefix}dw'])


def resnet_model():
    g = Graph('model', 'Functional')
    g.add(inp('input_1', [16, 16, 3]))
    last = res_block(g, '', 'input_1')
    g.add(simple('GlobalAveragePooling2D', 'gap', data_format='channels_last', keepdims=False), [last])
    g.add(dense('predictions', 4, 'softmax'), ['gap'])
    g.inputs, g.outputs = ['input_1'], ['predictions']
    return g


def nested_model():
    base = Graph('base_net', 'Functional')
    base.add(inp('input_2', [16, 16, 3]))
    last = res_block(base, '', 'input_2')
    base.inputs, base.outputs = ['input_2'], [last]
    g = Graph('sequential_1', 'Sequential')
    g.add(inp('input_3', [16, 16, 3]))
    g.add((base, None))
    g.add(simple('GlobalAveragePooling2D', 'gap', data_format='channels_last', keepdims=False))
    g.add(dense('dense_1', 3, 'softmax'))
    return g


def grey_sigmoid_model():
    g = Graph('sequential', 'Sequential')
    g.add(inp('input_1', [12, 12, 1]))
    g.add(conv('conv2d', 4, 3, act='relu'))
    g.add(simple('MaxPooling2D', 'max_pooling2d', pool_size=[2, 2], padding='valid', strides=[2, 2], data_format='channels_last'))
    g.add(conv('conv2d_1', 5, 3, act='relu'))
    g.add(simple('Flatten', 'flatten', data_format='channels_last'))
    g.add(dense('dense', 1, 'sigmoid'))
    return g


# ----------------------------------------------------------------------------------- Keras 2 writer
def k2_config(g, nested_class='Model'):
    layers = []
    for n in g.nodes:
        if n['sub'] is not None:
            sub = k2_config(n['sub'], nested_class)
            entry = dict(class_name=nested_class if sub['class_name'] == 'Functional' else sub['class_name'], config=sub['config'], name=n['name'])
        else:
            entry = dict(class_name=n['cls'], config=copy.deepcopy(n['cfg']))
            if g.kind != 'Sequential': entry['name'] = n['name']
        if g.kind != 'Sequential':
            entry['inbound_nodes'] = [] if n['cls'] == 'InputLayer' else [[[i, 0, 0, {}] for i in n['inputs']]]
        layers.append(entry)
    cfg = dict(name=g.name, layers=layers)
    if g.kind != 'Sequential':
        cfg['input_layers'] = [[i, 0, 0] for i in g.inputs]
        cfg['output_layers'] = [[o, 0, 0] for o in g.outputs]
    return dict(class_name=g.kind, config=cfg)


def leaves(g):
    for n in g.nodes:
        if n['sub'] is not None: yield from leaves(n['sub'])
        else: yield n


def put_attr_list(group, name, values):
    data = np.array([v.encode('utf8') for v in values])
    chunks = 1
    while data.nbytes / chunks > 64512: chunks += 1  # Keras's HDF5_OBJECT_HEADER_LIMIT split
    if chunks == 1: group.attrs[name] = data
    else:
        for i, part in enumerate(np.array_split(data, chunks)): group.attrs[f'{name}{i}'] = part


def write_legacy_h5(path, g, version, colon, nested_class):
    with h5py.File(path, 'w') as f:
        f.attrs['keras_version'] = version.encode()
        f.attrs['backend'] = b'tensorflow'
        cfg = k2_config(g, nested_class)
        f.attrs['model_config'] = json.dumps(dict(cfg, keras_version=version, backend='tensorflow')).encode()
        mw = f.create_group('model_weights')
        top = [n for n in g.nodes]
        put_attr_list(mw, 'layer_names', [n['name'] for n in top])
        mw.attrs['backend'] = b'tensorflow'; mw.attrs['keras_version'] = version.encode()
        for n in sorted(top, key=lambda n: n['name']):
            lg = mw.create_group(n['name'])
            if n['sub'] is not None:
                ls = list(leaves(n['sub']))
                # Model._legacy_weights: all trainable weights (layer order), then all non-trainable.
                ws = [(l, s, w) for l in ls for s, w in zip(l.get('specs', []), l.get('weights', [])) if s[2]]
                ws += [(l, s, w) for l in ls for s, w in zip(l.get('specs', []), l.get('weights', [])) if not s[2]]
                scope = f"{n['name']}/" if not colon else ''  # Keras 3 paths carry the model's scope
            else:
                specs, weights = n.get('specs', []), n.get('weights', [])
                ws = [(n, s, w) for s, w in zip(specs, weights) if s[2]] + [(n, s, w) for s, w in zip(specs, weights) if not s[2]]
                scope = ''
            names = [f"{scope}{l['name']}/{s[0]}{':0' if colon else ''}" for l, s, w in ws]
            put_attr_list(lg, 'weight_names', names)
            for name, (l, s, w) in zip(names, ws):
                lg.create_dataset(name, data=w)
        if not colon:
            tl = mw.create_group('top_level_model_weights'); tl.attrs['weight_names'] = np.array([], dtype='S1')


# ----------------------------------------------------------------------------------- Keras 3 writer
def k3_tensor(name, shape):
    return {'class_name': '__keras_tensor__', 'config': {'shape': shape, 'dtype': 'float32', 'keras_history': [name, 0, 0]}}


def k3_obj(o):
    """Keras-3-style serialisation of initializers and dtype inside a Keras 2 layer config."""
    out = {}
    for k, v in o.items():
        if k.endswith('_initializer') and isinstance(v, dict):
            out[k] = {'module': 'keras.initializers', 'class_name': v['class_name'], 'config': v['config'], 'registered_name': None}
        elif k == 'dtype':
            out[k] = {'module': 'keras', 'class_name': 'DTypePolicy', 'config': {'name': 'float32'}, 'registered_name': None}
        elif k == 'batch_input_shape':
            out['batch_shape'] = v
        elif k == 'ragged': continue
        else: out[k] = v
    return out


def k3_config(g, shapes):
    layers = []
    for n in g.nodes:
        if n['sub'] is not None:
            sub = k3_config(n['sub'], shapes)
            entry = dict(sub, name=n['name'])
        else:
            cfg = k3_obj(n['cfg'])
            if n['cls'] == 'InputLayer': cfg.pop('trainable', None)
            entry = {'module': 'keras.layers', 'class_name': n['cls'], 'config': cfg, 'registered_name': None, 'name': n['name']}
        if g.kind != 'Sequential':
            if n['cls'] == 'InputLayer': entry['inbound_nodes'] = []
            elif n['cls'] in ('Add', 'Concatenate', 'Multiply'):
                entry['inbound_nodes'] = [{'args': [[k3_tensor(i, shapes[i]) for i in n['inputs']]], 'kwargs': {}}]
            else:
                entry['inbound_nodes'] = [{'args': [k3_tensor(i, shapes[i]) for i in n['inputs']], 'kwargs': {'training': False} if n['cls'] == 'BatchNormalization' else {}}]
        layers.append(entry)
    cfg = dict(name=g.name, trainable=True, layers=layers)
    if g.kind != 'Sequential':
        cfg['input_layers'] = [[i, 0, 0] for i in g.inputs] if len(g.inputs) > 1 else [g.inputs[0], 0, 0]
        cfg['output_layers'] = [[o, 0, 0] for o in g.outputs] if len(g.outputs) > 1 else [g.outputs[0], 0, 0]
    return {'module': 'keras', 'class_name': g.kind, 'config': cfg, 'registered_name': g.kind}


def snake(name):
    import re
    name = re.sub(r'\W+', '', name)
    name = re.sub('(.)([A-Z][a-z]+)', r'\1_\2', name)
    return re.sub('([a-z])([A-Z])', r'\1_\2', name).lower()


def k3_weights(f, g, prefix):
    used = {}
    for n in g.nodes:
        if g.kind == 'Sequential' and n['cls'] == 'InputLayer': continue
        key = snake(n['sub'].kind if n['sub'] is not None else n['cls'])
        if key in used: used[key] += 1; key = f'{key}_{used[key]}'
        else: used[key] = 0
        path = f'{prefix}layers/{key}'
        if n['sub'] is not None:
            k3_weights(f, n['sub'], path + '/'); continue
        if n.get('weights'):
            vg = f.create_group(f'{path}/vars')
            vg.attrs['name'] = n['name']
            for i, w in enumerate(n['weights']): vg.create_dataset(str(i), data=w)


def write_keras_zip(path, g, shapes):
    cfg = k3_config(g, shapes)
    cfg['build_config'] = {'input_shape': None}
    cfg['compile_config'] = None
    bio = io.BytesIO()
    with h5py.File(bio, 'w') as f:
        f.create_group('vars')
        k3_weights(f, g, '')
    with zipfile.ZipFile(path, 'w') as z:
        z.writestr('metadata.json', json.dumps({'keras_version': '3.3.3', 'date_saved': '2024-05-01@00:00:00'}))
        z.writestr('config.json', json.dumps(cfg))
        z.writestr('model.weights.h5', bio.getvalue())


def record_shapes(g, x, shapes):
    """Output shape of every layer (for __keras_tensor__ configs)."""
    vals = {}; prev = x
    for n in g.nodes:
        if n['cls'] == 'InputLayer': y = x
        else:
            ins = [vals[i] for i in n['inputs']] if n['inputs'] else [prev]
            y = record_shapes(n['sub'], ins[0], shapes) if n['sub'] is not None else np_layer(n['cls'], n['cfg'], n.get('weights', []), ins)
        vals[n['name']] = y; prev = y
        shapes[n['name']] = [None] + list(y.shape[1:])
    return vals[g.outputs[0]] if g.outputs else prev


for name, g, shape in [('seq', seq_model(), (16, 16, 3)), ('resnet', resnet_model(), (16, 16, 3)),
                       ('nested', nested_model(), (16, 16, 3)), ('grey_sigmoid', grey_sigmoid_model(), (12, 12, 1))]:
    x = RNG.uniform(0, 1, (1,) + shape).astype(np.float32)
    y = forward(g, x.astype(np.float64))
    shapes = {}
    record_shapes(g, x.astype(np.float64), shapes)
    np.save(f'{OUT}/{name}.input.npy', x[0])
    np.save(f'{OUT}/{name}.expected.npy', y[0].astype(np.float64))
    write_legacy_h5(f'{OUT}/{name}.keras2.h5', g, '2.12.0', True, 'Model' if name == 'nested' else 'Functional')
    write_legacy_h5(f'{OUT}/{name}.keras3.h5', g, '3.3.3', False, 'Functional')
    write_keras_zip(f'{OUT}/{name}.keras', g, shapes)
    print(name, 'output', np.round(y[0], 5))
