#!/usr/bin/python3
"""Reference timings: torchvision's ResNet50 and MobileNetV2 on this machine's CPU.

What PyTorch takes per image for a plain forward pass and for Grad-CAM (forward, backward of the
top-1 logit, the map from hooks on the last convolutional block, upsampled and normalised), at
batch 1 and 8, to set beside `xai-cam bench` on the same machine. Random initialisation (the
time does not depend on the values), eval mode, all cores. Needs Debian's python3-torch and
python3-torchvision; a development tool, never used by the product or its tests.

  bench/torchvision_forward.py [--repeats 20] [--warmup 3] [--batches 1,8] [--threads N]

Prints a Markdown table of the median over --repeats timed runs, per image.
"""
import argparse, os, platform, statistics, time
import torch
import torch.nn.functional as F
import torchvision

SIZE = 224


def models():
    """(name, model, the module whose output is the Grad-CAM layer) per network."""
    resnet = torchvision.models.resnet50(weights=None).eval()
    mobilenet = torchvision.models.mobilenet_v2(weights=None).eval()
    for model in (resnet, mobilenet):
        # No weight gradients: Grad-CAM needs dS/dA only, as TensorFlow's tape computes it.
        model.requires_grad_(False)
    # layer4 ends in Keras's conv5_block3_out; features ends in the 1x1 conv, BN, ReLU6 (out_relu)
    return [("resnet50", resnet, resnet.layer4), ("mobilenet_v2", mobilenet, mobilenet.features)]


def forward(model, x):
    with torch.no_grad():
        model(x)


def gradcam(model, layer, x):
    """Grad-CAM of each image's top-1 class, from the hooked layer's output A and dS/dA."""
    kept = {}

    def keep(_module, _inputs, output):
        # Nothing before the layer needs a gradient, so A is a leaf: backward stops at it.
        kept["A"] = output.requires_grad_(True)
        return kept["A"]

    handle = layer.register_forward_hook(keep)
    try:
        logits = model(x)
        top = logits.argmax(dim=1)
        logits.gather(1, top[:, None]).sum().backward()
    finally:
        handle.remove()
    A, dA = kept["A"].detach(), kept["A"].grad
    cam = torch.relu((dA.mean(dim=(2, 3), keepdim=True) * A).sum(dim=1, keepdim=True))
    cam = F.interpolate(cam, size=(SIZE, SIZE), mode="bilinear", align_corners=True)
    low = cam.amin(dim=(2, 3), keepdim=True)
    high = cam.amax(dim=(2, 3), keepdim=True)
    return (cam - low) / (high - low + 1e-7)


def median_ms_per_image(run, batch, warmup, repeats):
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times) / batch


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--batches", default="1,8")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    # Random initialisation leaves some gradients tiny; denormal floats would take the CPU's slow
    # path and time something a trained network never does.
    torch.set_flush_denormal(True)
    torch.manual_seed(0)
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}, {a.threads} threads, "
          f"{cpu_name()}; median of {a.repeats} after {a.warmup} warm-up runs, float32\n")
    print("| model | batch | forward ms/image | forward + Grad-CAM ms/image |")
    print("|---|---|---|---|")
    for name, model, layer in models():
        for batch in (int(b) for b in a.batches.split(",")):
            x = torch.rand(batch, 3, SIZE, SIZE)
            plain = median_ms_per_image(lambda: forward(model, x), batch, a.warmup, a.repeats)
            cam = median_ms_per_image(lambda: gradcam(model, layer, x), batch, a.warmup, a.repeats)
            print(f"| {name} | {batch} | {plain:.1f} | {cam:.1f} |", flush=True)


if __name__ == "__main__":
    main()
