#!/usr/bin/env bash
# Benchmark (issue #4): one batch command over N images against N one-image commands.
# The difference per image is what a batch saves: JVM start, native library load, weight load.
#   bench/batch-vs-separate.sh WEIGHTS.h5 [N=32] [METHOD=gradcam]
# WEIGHTS is any VGG16 Keras weight file (random weights time the same as real ones:
# java -cp "target/test-classes:target/classes:target/lib/*" dev.xaicam.model.RandomWeightsFileWriter W.h5).
set -euo pipefail
cd "$(dirname "$0")/.."
weights=$1; n=${2:-32}; method=${3:-gradcam}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
samples=(samples/cat_chelsea.png samples/coffee.png samples/rocket.jpg samples/astronaut.png)
for i in $(seq 1 "$n"); do cp "${samples[$((i % 4))]}" "$work/img$i.${samples[$((i % 4))]##*.}"; done
bin/xai-cam --help > /dev/null  # build if needed, outside the timing
now() { date +%s.%N; }
t0=$(now)
for f in "$work"/img*; do bin/xai-cam -q --offline --weights "$weights" -m "$method" -o "$work/separate" "$f"; done
t1=$(now)
bin/xai-cam -q --offline --weights "$weights" -m "$method" --batch-size 8 -o "$work/batch" "$work"
t2=$(now)
awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
  s = b - a; t = c - b;
  printf "%d separate commands: %.1f s (%.2f s/image)\n", n, s, s / n;
  printf "one batch command:    %.1f s (%.2f s/image)\n", t, t / n;
  printf "saved per image:      %.2f s\n", (s - t) / n }'
