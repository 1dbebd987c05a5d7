#!/usr/bin/env bash
# Times /sitemap.xml and its parts on a SQLite database of ARTICLES generated articles (docs/SEO.md): each URL
# cold (rendered from the database, streamed as read) and warm (from the output cache), uncompressed, gzip and br
# (each encoding is a cached copy of its own), with Sen's resident memory before and after. Stops only the Sen it started, by PID.
#
#   bench/sitemap.sh                       # ARTICLES=100000, publishes Sen and sen-tools into a temp dir
#   APP=dir/with/sen.dll bench/sitemap.sh  # a Sen already published (the browser tests' bin/Release/net10.0/sen-app)
#   WORK=/tmp/dir KEEP=1 ...               # keep (and on the next run reuse) the generated database
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARTICLES=${ARTICLES:-100000}
PORT=${PORT:-5191}
URL="http://127.0.0.1:$PORT"
WORK=${WORK:-$(mktemp -d /tmp/sen-sitemap.XXXXXX)}
mkdir -p "$WORK"
log() { printf '[sitemap %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

SEN_PID=""
cleanup() {
  if [ -n "$SEN_PID" ] && kill -0 "$SEN_PID" 2>/dev/null; then kill "$SEN_PID"; wait "$SEN_PID" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT

export Sen__DataPath="$WORK/data" Database__Provider=Sqlite Database__SeedDemoContent=true ConnectionStrings__Default=""
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning DOTNET_CLI_TELEMETRY_OPTOUT=1

APP=${APP:-}
if [ -z "$APP" ]; then
  log "publishing Sen (Release) to $WORK/app"
  dotnet publish "$ROOT/src/Sen.Web" -c Release -o "$WORK/app" --nologo -v quiet >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
  APP="$WORK/app"
fi

if [ ! -f "$WORK/data/sen.db" ]; then
  log "publishing sen-tools to $WORK/tools"
  dotnet publish "$ROOT/tools/Sen.Tools" -c Release -o "$WORK/tools" --nologo -v quiet >"$WORK/publish-tools.log" 2>&1 || { cat "$WORK/publish-tools.log"; exit 1; }
  log "generating $ARTICLES articles"
  (cd "$WORK/tools" && dotnet sen-tools.dll generate --articles "$ARTICLES" --seed 1) >"$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log"; exit 1; }
  grep -E 'generated' "$WORK/generate.log" | tail -1 >&2 || true
fi

LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
log "starting Sen on $URL"
(cd "$APP" && exec dotnet sen.dll --urls "$URL") >"$WORK/sen.log" 2>&1 &
SEN_PID=$!
for _ in $(seq 1 900); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz" || true)" = 200 ] && break
  kill -0 "$SEN_PID" 2>/dev/null || { cat "$WORK/sen.log"; exit 1; }
  sleep 0.1
done
curl -s -o /dev/null "$URL/"
rss() { awk '/^VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$SEN_PID/status"; }
RSS_BEFORE=$(rss)

# One request: status, seconds to the first byte, seconds in all, bytes, and <loc> elements (br: not counted).
fetch() {
  local path=$1 encoding=$2 out="$WORK/body"
  local w
  w=$(curl -s -o "$out" -H "Accept-Encoding: $encoding" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' "$URL$path")
  local locs
  case "$encoding" in
    gzip) locs=$({ gunzip -c "$out" 2>/dev/null || cat "$out"; } | grep -o '<loc>' | wc -l || true) ;;
    br) locs=- ;;
    *) locs=$(grep -o '<loc>' "$out" | wc -l || true) ;;
  esac
  echo "$w $locs"
}

echo "| URL | encoding | status | cold: first byte s | cold: total s | warm: total s | bytes | URLs |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for path in /sitemap.xml /sitemap-pages.xml /sitemap-articles-1.xml /sitemap-articles-2.xml /sitemap-articles-3.xml /sitemap-news.xml; do
  for encoding in identity gzip br; do
    read -r status ttfb total bytes locs < <(fetch "$path" "$encoding")
    read -r _ _ warm _ _ < <(fetch "$path" "$encoding")
    echo "| \`$path\` | $encoding | $status | $ttfb | $total | $warm | $bytes | $locs |"
  done
done
RSS_AFTER=$(rss)
echo
echo "Articles: $(sqlite3 "$WORK/data/sen.db" 'SELECT COUNT(*) FROM Articles;' 2>/dev/null || echo "?"); Sen resident memory $RSS_BEFORE before, $RSS_AFTER after (the cached copies included)."
echo "Load average (1, 5, 15 min): $LOAD_START at the start, $(cut -d" " -f1-3 /proc/loadavg) at the end; $(nproc) cores: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)."
