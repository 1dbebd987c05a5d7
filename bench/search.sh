#!/usr/bin/env bash
# Search latency against a running Sen: prints a Markdown fragment (used by bench/run.sh when /tim-kiem exists).
#   SEN_URL=http://127.0.0.1:5181 bench/search.sh
set -euo pipefail
SEN_URL=${SEN_URL:-http://127.0.0.1:5181}
REPEAT=${REPEAT:-30}
QUERIES=("hội nghị" "Quế Sơn" "que son" "dân vận khéo" "Nghị quyết Trung ương 4" "chuyển đổi số" "tam ky" "huy hieu dang" "nông thôn mới" "kiểm tra, giám sát")

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
percentile() { sort -n | awk -v p="$1" '{ a[NR] = $1 } END { i = int((NR - 1) * p / 100) + 1; printf "%.1f", a[i] }'; }

all=$(mktemp)
trap 'rm -f "$all"' EXIT
echo "Each query: one first request, then $REPEAT sequential requests with curl (times in ms, \`time_total\`)."
echo
echo "| Query | Status | First ms | p50 ms | p95 ms |"
echo "|---|---:|---:|---:|---:|"
for q in "${QUERIES[@]}"; do
  url="$SEN_URL/tim-kiem?q=$(urlencode "$q")"
  first=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$url")
  times=$(for _ in $(seq 1 "$REPEAT"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | awk '{ printf "%.3f\n", $1 * 1000 }')
  echo "$times" >>"$all"
  echo "| $q | ${first%% *} | $(awk -v t="${first##* }" 'BEGIN { printf "%.1f", t * 1000 }') | $(echo "$times" | percentile 50) | $(echo "$times" | percentile 95) |"
done
echo
echo "All queries together: p50 $(percentile 50 <"$all") ms, p95 $(percentile 95 <"$all") ms."
