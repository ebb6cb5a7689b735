#!/usr/bin/python3
"""Dev-time cross-check of the CAM methods that read only A and dS/dA (never used by the product
or its tests): xgradcam, hirescam, gradcam-elementwise, eigencam, eigengradcam, with gradcam and
layercam as controls.

An independent NumPy/SciPy implementation of each formula (the eigen methods as pytorch-grad-cam's
get_2d_projection, plus xai-cam's documented sign rule), followed by the shared tail (ReLU,
scipy.ndimage.zoom(order=1), min-max with epsilon 1e-7), compared against the normalised maps
xai-cam computed from the same arrays. Needs Debian's python3-numpy and python3-scipy.

  dev/crosscheck_methods.py fixture DIR [--shape 14,14,64] [--seed 0]
      writes DIR/activations.npy and DIR/gradients.npy (float32, H x W x C): ReLU-like A with a
      few all-zero channels, signed gradients
  ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
  java -cp "target/classes:$(cat target/cp.txt)" dev/CamMapsFromNpy.java DIR 224 224
      writes DIR/<method>.npy: xai-cam's heatmaps (float32, 224 x 224) from those arrays
  dev/crosscheck_methods.py compare DIR [--size 224,224] [--tolerance 1e-4]
      prints each method's largest absolute difference; exits 1 if one exceeds the tolerance

For a real network, put the target layer's A and dS/dA (H x W x C, float32 or float64) in DIR as
activations.npy and gradients.npy next to xai-cam's --npy maps renamed <method>.npy.
"""
import argparse, os, sys
import numpy as np
from scipy.ndimage import zoom

EPS = 1e-7
METHODS = ["gradcam", "layercam", "xgradcam", "hirescam", "gradcam-elementwise", "eigencam",
           "eigengradcam"]


def projection(values):
    """pytorch-grad-cam's get_2d_projection on H x W x C, then xai-cam's sign rule."""
    h, w, c = values.shape
    m = values.reshape(h * w, c).astype(np.float64)
    m = m - m.mean(axis=0)
    _, _, vt = np.linalg.svd(m, full_matrices=True)
    p = m @ vt[0, :]
    # the sign LAPACK returns is arbitrary: make the largest |p| positive (first one on ties)
    if p[np.argmax(np.abs(p))] < 0:
        p = -p
    return p.reshape(h, w)


def raw_map(method, a, g):
    a = a.astype(np.float64)
    g = g.astype(np.float64)
    if method == "gradcam":
        return (a * g.mean(axis=(0, 1))).sum(axis=2)
    if method == "layercam":
        return (a * np.maximum(g, 0)).sum(axis=2)
    if method == "xgradcam":
        sums = a.sum(axis=(0, 1))
        weighted = (a * g).sum(axis=(0, 1))
        weights = np.divide(weighted, sums, out=np.zeros_like(sums), where=sums != 0)
        return (a * weights).sum(axis=2)
    if method == "hirescam":
        return (a * g).sum(axis=2)
    if method == "gradcam-elementwise":
        return np.maximum(a * g, 0).sum(axis=2)
    if method == "eigencam":
        return projection(a)
    if method == "eigengradcam":
        return projection(a * g)
    raise ValueError(method)


def heatmap(cam, size):
    cam = np.maximum(cam, 0)
    cam = zoom(cam, (size[0] / cam.shape[0], size[1] / cam.shape[1]), order=1)
    return (cam - cam.min()) / (cam.max() - cam.min() + EPS)


def fixture(args):
    h, w, c = (int(v) for v in args.shape.split(","))
    rng = np.random.default_rng(args.seed)
    a = np.maximum(rng.normal(size=(h, w, c)), 0)
    a[:, :, :: max(1, c // 4)] = 0  # dead channels, as ReLU layers have
    g = rng.normal(scale=0.01, size=(h, w, c))
    os.makedirs(args.dir, exist_ok=True)
    np.save(os.path.join(args.dir, "activations.npy"), a.astype(np.float32))
    np.save(os.path.join(args.dir, "gradients.npy"), g.astype(np.float32))
    print(f"wrote {args.dir}/activations.npy and gradients.npy, shape {(h, w, c)}")


def compare(args):
    a = np.load(os.path.join(args.dir, "activations.npy"))
    g = np.load(os.path.join(args.dir, "gradients.npy"))
    size = tuple(int(v) for v in args.size.split(","))
    worst = 0.0
    for method in METHODS:
        path = os.path.join(args.dir, method + ".npy")
        if not os.path.exists(path):
            print(f"{method:20s} (no {path})")
            continue
        ours = np.load(path).astype(np.float64)
        diff = np.abs(ours - heatmap(raw_map(method, a, g), size)).max()
        worst = max(worst, diff)
        print(f"{method:20s} max |xai-cam - reference| = {diff:.2e}")
    print(f"worst {worst:.2e} (tolerance {args.tolerance:g})")
    return 0 if worst <= args.tolerance else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fixture")
    f.add_argument("dir")
    f.add_argument("--shape", default="14,14,64")
    f.add_argument("--seed", type=int, default=0)
    c = sub.add_parser("compare")
    c.add_argument("dir")
    c.add_argument("--size", default="224,224")
    c.add_argument("--tolerance", type=float, default=1e-4)
    args = parser.parse_args()
    if args.command == "fixture":
        fixture(args)
        return 0
    return compare(args)


if __name__ == "__main__":
    sys.exit(main())
