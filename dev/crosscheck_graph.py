#!/usr/bin/python3
"""Dev-time cross-check of ResNet50 and MobileNetV2 (never used by the product or its tests).

An independent PyTorch implementation of Keras Applications' ResNet50 (v1) and MobileNetV2
(alpha 1.0, 224), written from keras/src/applications/resnet.py and mobilenet_v2.py, reading the
weights by layer name from a Keras weight file with h5py and running BatchNormalization as
BatchNormalization (xai-cam folds it into the convolutions). The CAM formulas are
dev/crosscheck.py's (tf-keras-vis's). Needs Debian's python3-torch, -h5py, -scipy, -opencv.

  dev/crosscheck_graph.py compare --model resnet50 --weights W.h5 --out DIR [--report R.jsonl] \
      [--layer conv5_block3_out] [--class 504] [--methods gradcam,gradcam++,layercam] \
      [--float64] IMAGE...
      compares xai-cam's DIR/<stem>.<method>.npy (from `xai-cam --npy -o DIR`) with this
      implementation: largest absolute difference per image and method, and, given xai-cam's
      --report, its top-5 classes and probabilities. Prints the activations' scale too: random
      weights can make deep layers vanish, and then every map is noise.
  dev/crosscheck_graph.py calibrate --model resnet50 --weights W.h5 --write OUT.h5 [--seed 7] \
      IMAGE...
      writes W's weights with every BatchNormalization's moving mean and variance set to the
      statistics of its input over IMAGE (one layer after the other, as a trained network's
      are), gamma drawn from U(0.5, 1.5) and beta from U(-0.5, 0.5): activations of unit scale in
      every layer, and a BatchNormalization far from the identity, so folding is really tested.
      The file is written by libhdf5 in Keras 2's weights-only layout.

Exit status 1 when a map differs by more than --tolerance (default 1e-3).
"""
import argparse, json, os, sys
import numpy as np, h5py, cv2, torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crosscheck import gradient_cams  # noqa: E402  (tf-keras-vis's formulas, shared with VGG16's check)

SIZE = 224
CAFFE_MEANS_BGR = np.array([103.939, 116.779, 123.68], dtype=np.float32)
DEFAULT_LAYER = {"resnet50": "conv5_block3_out", "mobilenetv2": "out_relu"}


# ---------------------------------------------------------------------------------------------
# Weights


def read_weights(path):
    """{layer: {role: array}} with roles kernel, bias, gamma, ... from a Keras weight file."""
    layers = {}
    with h5py.File(path, "r") as f:
        root = f["model_weights"] if "model_weights" in f else f
        for name in strings(root.attrs["layer_names"]):
            group = root[name]
            arrays = {}
            for weight in strings(group.attrs.get("weight_names", [])):
                role = weight.split("/")[-1].split(":")[0]  # conv1_bn/gamma:0 -> gamma
                arrays[role] = np.array(group[weight])
            layers[name] = arrays
    return layers


def write_weights(path, layers):
    """Keras 2's weights-only layout: layer group, subgroup of the same name, role:0 datasets."""
    with h5py.File(path, "w") as f:
        names = [n for n, arrays in layers.items() if arrays]
        f.attrs["layer_names"] = [n.encode() for n in names]
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.15.0"
        for name in names:
            group = f.create_group(name)
            roles = list(layers[name])
            group.attrs["weight_names"] = [f"{name}/{r}:0".encode() for r in roles]
            for r in roles:
                group.create_dataset(f"{name}/{r}:0", data=layers[name][r].astype(np.float32))


def strings(values):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in values]


# ---------------------------------------------------------------------------------------------
# Layers (NCHW tensors; Keras's kernels are H x W x in x out)


class Layers:
    """The layer operations, with the weights, the target layer's output and BN calibration."""

    def __init__(self, weights, dtype, target=None, calibrate=None):
        self.weights, self.dtype, self.target = weights, dtype, target
        self.calibrate = calibrate  # numpy Generator while calibrating, else None
        self.cache = {}
        self.captured = None
        self.scales = {}  # layer name -> RMS of its output, for the vanishing check

    def tensor(self, layer, role, convert=lambda a: a):
        key = (layer, role)
        if key not in self.cache:
            self.cache[key] = torch.tensor(convert(self.weights[layer][role]), dtype=self.dtype)
        return self.cache[key]

    def conv(self, name, x, stride=1, padding="valid"):
        k = self.tensor(name, "kernel", lambda a: a.transpose(3, 2, 0, 1).copy())
        b = self.tensor(name, "bias") if "bias" in self.weights[name] else None
        if padding == "same":
            x = tf_same_pad(x, k.shape[2], k.shape[3], stride)
        return F.conv2d(x, k, b, stride=stride)

    def depthwise(self, name, x, stride, padding):
        # H x W x C x 1 -> C x 1 x H x W, one group per channel (depth multiplier 1)
        k = self.tensor(name, "depthwise_kernel", lambda a: a.transpose(2, 3, 0, 1).copy())
        if padding == "same":
            x = tf_same_pad(x, k.shape[2], k.shape[3], stride)
        return F.conv2d(x, k, None, stride=stride, groups=k.shape[0])

    def bn(self, name, x, eps):
        """Inference BatchNormalization: gamma (x - moving_mean) / sqrt(moving_variance + eps) + beta."""
        if self.calibrate is not None:
            self.calibrate_bn(name, x)
        shape = (1, -1, 1, 1)
        gamma, beta = self.tensor(name, "gamma"), self.tensor(name, "beta")
        mean, var = self.tensor(name, "moving_mean"), self.tensor(name, "moving_variance")
        return (x - mean.view(shape)) / torch.sqrt(var.view(shape) + eps) * gamma.view(shape) + beta.view(shape)

    def calibrate_bn(self, name, x):
        values = x.detach().double()
        w = self.weights[name]
        channels = values.shape[1]
        w["moving_mean"] = values.mean(dim=(0, 2, 3)).numpy().astype(np.float32)
        w["moving_variance"] = values.var(dim=(0, 2, 3), unbiased=False).numpy().astype(np.float32)
        w["gamma"] = self.calibrate.uniform(0.5, 1.5, channels).astype(np.float32)
        w["beta"] = self.calibrate.uniform(-0.5, 0.5, channels).astype(np.float32)
        for role in ("gamma", "beta", "moving_mean", "moving_variance"):
            self.cache.pop((name, role), None)

    def dense(self, name, x):
        return x @ self.tensor(name, "kernel") + self.tensor(name, "bias")

    def out(self, name, x):
        """Names a layer's output: the target keeps its gradient."""
        self.scales[name] = float(torch.sqrt((x.detach().double() ** 2).mean()))
        if name == self.target:
            x.retain_grad()
            self.captured = x
        return x


def tf_same_pad(x, kh, kw, stride):
    """TensorFlow's SAME padding: out = ceil(in / stride), the odd pixel of padding after."""
    def pads(n, k):
        total = max((-(-n // stride) - 1) * stride + k - n, 0)
        return total // 2, total - total // 2
    top, bottom = pads(x.shape[2], kh)
    left, right = pads(x.shape[3], kw)
    return F.pad(x, (left, right, top, bottom))


def relu6(x):
    return torch.clamp(x, 0, 6)


# ---------------------------------------------------------------------------------------------
# Networks (keras/src/applications/resnet.py, mobilenet_v2.py)


def resnet50(net, x):
    eps = 1.001e-5
    x = F.pad(x, (3, 3, 3, 3))                                  # conv1_pad
    x = net.conv("conv1_conv", x, stride=2)
    x = net.out("conv1_relu", torch.relu(net.bn("conv1_bn", x, eps)))
    x = F.pad(x, (1, 1, 1, 1))                                  # pool1_pad (after ReLU: zeros lose nothing)
    x = net.out("pool1_pool", F.max_pool2d(x, 3, stride=2))
    for stack, blocks, stride in (("conv2", 3, 1), ("conv3", 4, 2), ("conv4", 6, 2), ("conv5", 3, 2)):
        for i in range(1, blocks + 1):
            name, s = f"{stack}_block{i}", stride if i == 1 else 1
            if i == 1:  # conv_shortcut=True only in a stack's first block, with the stride
                shortcut = net.bn(f"{name}_0_bn", net.conv(f"{name}_0_conv", x, stride=s), eps)
            else:
                shortcut = x
            y = torch.relu(net.bn(f"{name}_1_bn", net.conv(f"{name}_1_conv", x, stride=s), eps))
            y = torch.relu(net.bn(f"{name}_2_bn", net.conv(f"{name}_2_conv", y, padding="same"), eps))
            y = net.bn(f"{name}_3_bn", net.conv(f"{name}_3_conv", y), eps)
            x = net.out(f"{name}_out", torch.relu(shortcut + y))
    return net.dense("predictions", x.mean(dim=(2, 3)))        # avg_pool, logits


MOBILENET_BLOCKS = [  # (filters, stride, expansion) for block_id 0..16
    (16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6), (64, 1, 6),
    (64, 1, 6), (64, 1, 6), (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6), (160, 1, 6),
    (160, 1, 6), (320, 1, 6)]


def mobilenetv2(net, x):
    eps = 1e-3
    x = net.conv("Conv1", x, stride=2, padding="same")
    x = net.out("Conv1_relu", relu6(net.bn("bn_Conv1", x, eps)))
    for block_id, (filters, stride, expansion) in enumerate(MOBILENET_BLOCKS):
        inputs, channels = x, x.shape[1]
        prefix = f"block_{block_id}_" if block_id else "expanded_conv_"
        if block_id:
            x = net.conv(f"{prefix}expand", x, padding="same")
            x = relu6(net.bn(f"{prefix}expand_BN", x, eps))
        if stride == 2:  # imagenet_utils.correct_pad for a 3x3 kernel: (1 - adjust, 1) per side
            adjust_h, adjust_w = 1 - x.shape[2] % 2, 1 - x.shape[3] % 2
            x = F.pad(x, (1 - adjust_w, 1, 1 - adjust_h, 1))
        x = net.depthwise(f"{prefix}depthwise", x, stride, "same" if stride == 1 else "valid")
        x = relu6(net.bn(f"{prefix}depthwise_BN", x, eps))
        x = net.bn(f"{prefix}project_BN", net.conv(f"{prefix}project", x, padding="same"), eps)
        if channels == filters and stride == 1:
            x = inputs + x
        x = net.out(f"{prefix}{'add' if channels == filters and stride == 1 else 'project_BN'}", x)
    x = net.conv("Conv_1", x)
    x = net.out("out_relu", relu6(net.bn("Conv_1_bn", x, eps)))
    return net.dense("predictions", x.mean(dim=(2, 3)))        # global_average_pooling2d, logits


NETWORKS = {"resnet50": (resnet50, "caffe"), "mobilenetv2": (mobilenetv2, "tf")}


# ---------------------------------------------------------------------------------------------
# Input


def model_input(path, mode):
    """As xai-cam and dev/crosscheck.py: RGB uint8, cv2.resize INTER_LINEAR to 224x224, then Keras's mode."""
    rgb = cv2.cvtColor(cv2.imread(path, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
    x = cv2.resize(rgb, (SIZE, SIZE), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    if mode == "caffe":
        return x[..., ::-1] - CAFFE_MEANS_BGR
    return x / np.float32(127.5) - np.float32(1)


def to_nchw(x_nhwc, dtype):
    return torch.as_tensor(np.ascontiguousarray(x_nhwc), dtype=dtype).permute(0, 3, 1, 2)


# ---------------------------------------------------------------------------------------------
# Commands


def run(model, weights, x_nhwc, dtype, layer, cls):
    """(A, dS/dA as H x W x C numpy, S, probabilities, layer RMS scales) for one image."""
    forward, _ = NETWORKS[model]
    net = Layers(weights, dtype, target=layer)
    x = to_nchw(x_nhwc[None], dtype).requires_grad_(True)  # so the target is part of the graph
    logits = forward(net, x)
    if net.captured is None:
        sys.exit(f"no layer {layer} in {model}")
    target = cls if cls is not None else int(logits[0].argmax())
    logits[0, target].backward()
    A = net.captured[0].detach().permute(1, 2, 0).numpy()
    g = net.captured.grad[0].permute(1, 2, 0).numpy()
    p = torch.softmax(logits[0].detach().double(), -1).numpy()
    return A, g, float(logits[0, target]), target, p, net.scales


def compare(a):
    weights = read_weights(a.weights)
    _, mode = NETWORKS[a.model]
    layer = a.layer or DEFAULT_LAYER[a.model]
    methods = a.methods.split(",")
    reports = {}
    if a.report:
        with open(a.report) as f:
            for line in f:
                row = json.loads(line)
                if "input" in row and row.get("status") == "ok":
                    reports[os.path.basename(row["input"])] = row
    worst, worst_p = 0.0, 0.0
    for path in a.images:
        stem = os.path.splitext(os.path.basename(path))[0]
        x = model_input(path, mode)
        A, g, S, target, p, scales = run(a.model, weights, x, torch.float32, layer, a.cls)
        A64, g64, S64, target64, p64, _ = run(a.model, weights, x.astype(np.float64), torch.float64,
                                               layer, target)
        # float32 noise floor, as dev/crosscheck.py's: the input moved by up to 1e-6 relative.
        # A map that moves by more than 1e-3 under this is ill-conditioned in float32 for every
        # implementation (TensorFlow's, so tf-keras-vis's, included).
        noisy = (x * (1 + np.random.default_rng(0).uniform(-1e-6, 1e-6, x.shape))).astype(np.float32)
        An, gn, Sn, _, _, _ = run(a.model, weights, noisy, torch.float32, layer, target)
        ref32, ref64 = gradient_cams(A, g, S), gradient_cams(A64, g64, S64)
        refn = gradient_cams(An, gn, Sn)
        if a.float64:
            p = p64
        top5 = np.argsort(-p, kind="stable")[:5]
        print(f"{stem}: layer {layer} RMS {scales[layer]:.3g} (first block {first_scale(scales):.3g}), "
              f"class {target} S={S:.4f}, top-5 {[(int(i), round(float(p[i]), 5)) for i in top5]}")
        if target64 != target:
            print(f"  float64 reference's top-1 is {target64}, not {target}")
        for method in methods:
            mine = np.load(os.path.join(a.out, f"{stem}.{method}.npy")).astype(np.float64)
            ref = ref64 if a.float64 else ref32
            diff = float(np.abs(mine - ref[method]).max())
            drift = float(np.abs(ref32[method] - ref64[method]).max())
            floor = float(np.abs(ref32[method] - refn[method]).max())
            worst = max(worst, diff)
            # A map whose raw maximum is far below normalisation's epsilon (1e-7) normalises to
            # about 0 everywhere: then the comparison says nothing (vanished activations).
            print(f"  {method:10s} max|diff| {diff:.2e} {'OK' if diff <= a.tolerance else 'FAIL'}"
                  f"  (reference float32 vs float64 {drift:.2e}, noise floor {floor:.2e}; "
                  f"normalised map's max {ref[method].max():.3g})")
        row = reports.get(os.path.basename(path))
        if row:
            theirs = [(e["index"], e["probability"]) for e in row["top5"]]
            same = [i for i, _ in theirs] == [int(i) for i in top5]
            dp = max(abs(pr - float(p[i])) for i, pr in theirs)
            worst_p = max(worst_p, dp)
            their_target = row["heatmaps"][0]["target"]["index"]
            print(f"  top-5 {'same classes' if same else 'DIFFERENT classes ' + str(theirs)}, "
                  f"max|dp| {dp:.2e}; xai-cam's target {their_target}")
    print(f"largest map difference {worst:.2e}" + (f", largest top-5 probability difference {worst_p:.2e}"
                                                   if reports else ""))
    return 0 if worst <= a.tolerance else 1


def first_scale(scales):
    return next(iter(scales.values()))


def calibrate(a):
    weights = read_weights(a.weights)
    forward, mode = NETWORKS[a.model]
    x = np.stack([model_input(p, mode) for p in a.images]).astype(np.float64)
    net = Layers(weights, torch.float64, calibrate=np.random.default_rng(a.seed))
    with torch.no_grad():
        forward(net, to_nchw(x, torch.float64))
    write_weights(a.write, weights)
    deepest = list(net.scales)[-1]
    print(f"wrote {a.write}: BatchNormalization calibrated on {len(a.images)} images; "
          f"{deepest} RMS {net.scales[deepest]:.3g}")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("compare")
    c.add_argument("--model", choices=NETWORKS, required=True)
    c.add_argument("--weights", required=True)
    c.add_argument("--out", required=True, help="xai-cam's -o folder holding <stem>.<method>.npy")
    c.add_argument("--report", help="xai-cam's --report JSON Lines, to compare top-5 probabilities")
    c.add_argument("--layer")
    c.add_argument("--class", dest="cls", type=int)
    c.add_argument("--methods", default="gradcam,gradcam++,layercam")
    c.add_argument("--float64", action="store_true",
                   help="compare with the float64 reference (maps written by xai-cam --float64)")
    c.add_argument("--tolerance", type=float, default=1e-3)
    c.add_argument("images", nargs="+")
    k = sub.add_parser("calibrate")
    k.add_argument("--model", choices=NETWORKS, required=True)
    k.add_argument("--weights", required=True)
    k.add_argument("--write", required=True)
    k.add_argument("--seed", type=int, default=7)
    k.add_argument("images", nargs="+")
    a = ap.parse_args()
    sys.exit(compare(a) if a.command == "compare" else calibrate(a))


if __name__ == "__main__":
    main()
