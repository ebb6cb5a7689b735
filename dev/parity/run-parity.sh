#!/usr/bin/env bash
# Runs xai-cam and the independent tfjs implementation on the same models and images and prints
# the largest difference of each normalised map (Grad-CAM, Grad-CAM++, Layer-CAM).
# Usage: dev/parity/run-parity.sh PREPROCESS MODEL [MODEL...]   (images: the PNG samples)
# Needs: `npm ci` in dev/parity, and bin/xai-cam built. Extra xai-cam options via XAI_CAM_EXTRA.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
preprocess="$1"; shift
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for model in "$@"; do
  for image in "$root"/samples/astronaut.png "$root"/samples/cat_chelsea.png "$root"/samples/coffee.png; do
    stem="$(basename "$image" .png)"
    out="$work/xai/$(basename "$model")"
    report="$("$root/bin/xai-cam" --model "$model" --preprocess "$preprocess" ${XAI_CAM_EXTRA:-} \
      -m gradcam,gradcam++,layercam --npy --json -o "$out" "$image")"
    layer="$(printf '%s' "$report" | python3 -c 'import json,sys; print(json.load(sys.stdin)["layer"])')"
    class="$(printf '%s' "$report" | python3 -c 'import json,sys; print(json.load(sys.stdin)["heatmaps"][0]["target"]["index"])')"
    ref="$work/ref/$(basename "$model")/$stem"
    node "$here/cam.mjs" --model "$model" --image "$image" --preprocess "$preprocess" \
      --layer "$layer" --class "$class" --out "$ref" > /dev/null 2>&1
    line="$(basename "$model") $stem class $class layer $layer:"
    for pair in gradcam:gradcam gradcampp:gradcam++ layercam:layercam; do
      diff="$(node "$here/compare.mjs" "$ref/${pair%%:*}.npy" "$out/$stem.${pair##*:}.npy" --tol 1 \
        | sed -E 's/.*max\|a-b\| ([0-9.e+-]+).*/\1/')"
      line="$line ${pair##*:} $diff"
    done
    echo "$line"
  done
done
