#!/usr/bin/env bash
# Dev-time: the README's Spark scale figures. Explains N demo-model shapes with the CLI and with
# the Spark job in local[1] and local[2], for Grad-CAM and Faster-Score-CAM, and prints images per
# second (wall clock of the whole command, JVM and Spark start included; the job's own time; and
# for Spark the summed per-image task time of the results table, which leaves out Spark's stages).
#   dev/spark-scale.sh [N=400] [WORK=/tmp/xai-cam-scale]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-400}"
work="${2:-/tmp/xai-cam-scale}"
rm -rf "$work" && mkdir -p "$work"
java -cp "target/xai-cam.jar:target/lib/*" dev.xaicam.shapes.ShapeSamples "$work/in" "$n" 7 >/dev/null
echo "| method | runner | wall s | images/s (wall) | job s | images/s (job) | task ms per image |"
echo "|---|---|---|---|---|---|---|"
for method in gradcam faster-scorecam; do
  for runner in cli "local[1]" "local[2]"; do
    out="$work/out-$method-${runner//[^a-z0-9]/}"
    start=$(date +%s.%N)
    if [ "$runner" = cli ]; then
      bin/xai-cam --model demo -m "$method" --npy -q --json -o "$out" "$work/in" > "$work/log" 2>&1 || true
    else
      bin/xai-cam-spark --master "$runner" --model demo -m "$method" --npy -o "$out" --input "$work/in" \
        > "$work/log" 2>&1
    fi
    end=$(date +%s.%N)
    job_ms=$(grep -o '"summary":true.*"milliseconds":[0-9]*' "$work/log" | grep -o '[0-9]*$' || echo 0)
    task_ms=$({ cat "$out"/_results/jsonl/*.json 2>/dev/null || true; } | { grep -o '"milliseconds":[0-9]*' | grep -o '[0-9]*$' \
      || true; } | awk -v n="$n" '{ s += $1 } END { if (NR) printf "%.1f", s / n; else printf "-" }')
    awk -v m="$method" -v r="$runner" -v s="$start" -v e="$end" -v n="$n" -v j="$job_ms" -v t="$task_ms" 'BEGIN {
      w = e - s; printf "| %s | %s | %.1f | %.1f | %.1f | %.1f | %s |\n", m, r, w, n / w, j / 1000, (j > 0 ? n / (j / 1000) : 0), t }'
  done
done
