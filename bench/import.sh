#!/usr/bin/env bash
# Import speed (issue 14): generates PAGES saved portal pages (bench/import-pages.py), publishes Sen, and times
# `sen import pages` into a fresh SQLite database, twice (the second run finds everything unchanged). Prints the
# figures and the machine's load; the numbers go into BENCHMARKS.md by hand (with `uptime`: the machine is shared).
#
#   bench/import.sh                 # 100,000 pages
#   PAGES=10000 bench/import.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PAGES=${PAGES:-100000}
WORK=$(mktemp -d /tmp/sen-import-bench.XXXXXX)
log() { printf '[import-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
cleanup() { if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else log "kept $WORK"; fi; }
trap cleanup EXIT

log "load before: $(uptime)"
log "publishing Release to $WORK/app"
dotnet publish "$ROOT/src/Sen.Web" -c Release -o "$WORK/app" --nologo -v quiet >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }

log "generating $PAGES saved pages"
start=$(date +%s.%N)
python3 "$ROOT/bench/import-pages.py" "$WORK/pages" "$PAGES"
log "generated in $(echo "$(date +%s.%N) - $start" | bc) s ($(du -sh "$WORK/pages" | cut -f1))"

export Sen__DataPath="$WORK/data"
export Database__Provider=Sqlite
export Database__SeedDemoContent=true
export ConnectionStrings__Default=""
sen() { (cd "$WORK/app" && exec dotnet sen.dll "$@"); }

for run in first second; do
  log "sen import pages ($run run)"
  start=$(date +%s.%N)
  sen import pages "$WORK/pages" >"$WORK/import-$run.log" 2>&1 || { tail -30 "$WORK/import-$run.log"; exit 1; }
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  log "$run run: ${elapsed} s, $(echo "$PAGES / $elapsed" | bc) pages/s"
  grep -E "imported|updated|unchanged|failed|links|elapsed" "$WORK/import-$run.log" | sed 's/^/    /' >&2
  log "load after: $(uptime)"
done
log "articles: $(sqlite3 "$WORK/data/sen.db" 'select count(*) from Articles where ImportSourceKey is not null'), redirects: $(sqlite3 "$WORK/data/sen.db" 'select count(*) from Redirects')"
