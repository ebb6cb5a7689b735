#!/usr/bin/python3
"""The pytorch-grad-cam one-shot script that xai-cam's start-up is compared with (issue #13).

Dev-time only; neither xai-cam nor its tests need Python. What a user of pytorch-grad-cam runs to
explain one image: import torch, load a VGG16 state dict, Grad-CAM on one image at the last
convolution, write the overlay. Needs Debian's python3-torch, python3-torchvision,
python3-opencv, python3-matplotlib, python3-tqdm, python3-sklearn, and pytorch-grad-cam's and
ttach's sources on PYTHONPATH (no PyPI here: `git archive` of github.com/jacobgil/pytorch-grad-cam
and github.com/qubvel/ttach):

  bench/pytorch_oneshot.py make-weights vgg16-random.pth          # random VGG16 state dict, once
  bench/pytorch_oneshot.py explain vgg16-random.pth cat.png out.png  # the one-shot script
  bench/pytorch_oneshot.py time vgg16-random.pth cat.png --runs 3    # fresh processes, warm/cold

`time` runs `explain` in fresh processes: once untimed, then --runs times warm, then --runs
times cold (the state dict and torch's own libraries dropped from the page cache first with GNU
dd's iflag=nocache, as `xai-cam bench --startup-runs` does), and prints median wall and CPU
seconds as a Markdown table.
"""
import argparse, os, resource, statistics, subprocess, sys, time


def explain(args):
    # The imports are part of what a one-shot script pays for, so they stay inside.
    import cv2, numpy as np, torch, torchvision
    from pytorch_grad_cam import GradCAM
    from pytorch_grad_cam.utils.image import show_cam_on_image, preprocess_image
    from pytorch_grad_cam.utils.model_targets import ClassifierOutputTarget
    model = torchvision.models.vgg16()
    model.load_state_dict(torch.load(args.weights))
    model.eval()
    bgr = cv2.imread(args.image)
    rgb = np.float32(cv2.resize(bgr, (224, 224))[:, :, ::-1]) / 255
    tensor = preprocess_image(rgb, mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])
    with torch.no_grad():
        top = int(model(tensor).argmax())
    with GradCAM(model=model, target_layers=[model.features[29]]) as cam:
        grey = cam(input_tensor=tensor, targets=[ClassifierOutputTarget(top)])[0]
    overlay = show_cam_on_image(rgb, grey, use_rgb=True)
    cv2.imwrite(args.out, overlay[:, :, ::-1])


def make_weights(args):
    import torch, torchvision
    torch.manual_seed(args.seed)
    torch.save(torchvision.models.vgg16().state_dict(), args.file)


def evict(paths):
    for root in paths:
        files = [root] if os.path.isfile(root) else [
            os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs]
        for f in files:
            if os.path.isfile(f):  # a package may ship dangling links
                subprocess.run(["dd", "if=" + f, "iflag=nocache", "count=0", "status=none"],
                               check=True)


def run_once(args, out):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, os.path.abspath(__file__), "explain", args.weights, args.image,
                    out], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def time_runs(args):
    import torch
    out = "/tmp/pytorch-oneshot-out.png"
    run_once(args, out)
    rows = []
    warm = [run_once(args, out) for _ in range(args.runs)]
    rows.append(("warm", warm))
    cold = []
    for _ in range(args.runs):
        evict([args.weights, os.path.dirname(torch.__file__)])
        cold.append(run_once(args, out))
    rows.append(("cold", cold))
    print("| pytorch-grad-cam one-shot (VGG16, one image) | page cache | runs | wall s (median) | CPU s (median) |")
    print("|---|---|---|---|---|")
    for name, runs in rows:
        print(f"| process start to exit | {name} | {len(runs)} | "
              f"{statistics.median(r[0] for r in runs):.2f} | {statistics.median(r[1] for r in runs):.2f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make-weights")
    m.add_argument("file")
    m.add_argument("--seed", type=int, default=7)
    e = sub.add_parser("explain")
    e.add_argument("weights")
    e.add_argument("image")
    e.add_argument("out")
    t = sub.add_parser("time")
    t.add_argument("weights")
    t.add_argument("image")
    t.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    {"make-weights": make_weights, "explain": explain, "time": time_runs}[args.command](args)


if __name__ == "__main__":
    main()
