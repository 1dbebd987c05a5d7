#!/usr/bin/env bash
# Side by side: two Sen builds (or one build with two settings) and an nginx serving the same bytes as
# static files, measured in interleaved rounds (A, B, nginx, A, B, nginx, ...) so each trio shares a
# minute of the machine. Prints a Markdown table: req/s of each and the ratios A/nginx, B/nginx, B/A.
# Stops only the processes it started, by PID.
#
#   BASE=HEAD~1 bench/ab.sh                                    # A = that commit, B = the worktree
#   B_ENV="Operations__Metrics=false" bench/ab.sh              # A = B = the worktree: metrics on (A) vs off (B)
#   A_APP=/tmp/x/app B_APP=/tmp/y/app TOOLS=/tmp/y/tools bench/ab.sh   # already published builds
#
# Environment: BASE (git ref for A; unset: A is the worktree too), A_ENV / B_ENV (space-separated
# NAME=value settings for one side), ARTICLES (20000), PAGES ("article category1"; any of article home
# category1 categorydeep), ROUNDS (3), DURATION (5s), WARMUP (10s), CONNECTIONS (32), THREADS (2),
# DATA (a Sen data folder with generated articles to copy instead of generating), ACCEPT_ENCODING (unset: none, as bench/run.sh; "br" measures a Brotli-only client: nginx then serves
# the bytes of A's response), PORT (5191: A, +1 B, +2 nginx, +3 floor), KEEP (1 keeps the temp dir), OUT (also
# write the table there), FLOOR (1: also Kestrel alone serving the same bytes from memory, bench/floor/kestrel-floor.cs,
# measured after nginx in each round: what any ASP.NET Core node could reach on this machine).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARTICLES=${ARTICLES:-20000}
PAGES=${PAGES:-"article category1"}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-5191}
A_URL="http://127.0.0.1:$PORT"
B_URL="http://127.0.0.1:$((PORT + 1))"
NGINX_URL="http://127.0.0.1:$((PORT + 2))"
FLOOR_URL="http://127.0.0.1:$((PORT + 3))"
FLOOR=${FLOOR:-0}
ACCEPT_ENCODING=${ACCEPT_ENCODING:-}

log() { printf '[ab %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
for tool in wrk curl sqlite3; do command -v "$tool" >/dev/null || { log "needs $tool (bench/run.sh installs it)"; exit 1; }; done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/sen-ab.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT

# ---- builds --------------------------------------------------------------------------------------
publish() { # source-dir out-dir
  dotnet publish "$1/src/Sen.Web" -c Release -o "$2" --nologo -v quiet -r linux-x64 --self-contained false -p:PublishReadyToRun=true >"$2.log" 2>&1 || { cat "$2.log"; exit 1; }
}
if [ -z "${B_APP:-}" ]; then
  log "publishing the worktree (B)"
  publish "$ROOT" "$WORK/b"
  B_APP="$WORK/b"
fi
if [ -z "${A_APP:-}" ]; then
  if [ -n "${BASE:-}" ]; then
    log "publishing $BASE (A)"
    mkdir -p "$WORK/base-src"
    git -C "$ROOT" archive "$BASE" | tar -x -C "$WORK/base-src"
    publish "$WORK/base-src" "$WORK/a"
    A_APP="$WORK/a"
  else
    A_APP="$B_APP"
  fi
fi
if [ -z "${TOOLS:-}" ] && [ -z "${DATA:-}" ]; then
  log "building the tools"
  dotnet publish "$ROOT/tools/Sen.Tools" -c Release -o "$WORK/tools" --nologo -v quiet >"$WORK/tools.log" 2>&1 || { cat "$WORK/tools.log"; exit 1; }
  TOOLS="$WORK/tools"
fi

# ---- data: one generated database, a copy for each side ------------------------------------------
export Database__Provider=Sqlite
export Database__SeedDemoContent=true
export ConnectionStrings__Default=""
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
export DOTNET_CLI_TELEMETRY_OPTOUT=1
if [ -n "${DATA:-}" ]; then
  log "copying the data folder $DATA"
  cp -a "$DATA" "$WORK/data"
  rm -f "$WORK/data/"*.log "$WORK/data/pid"
else
  log "generating $ARTICLES articles"
  (cd "$TOOLS" && Sen__DataPath="$WORK/data" exec dotnet sen-tools.dll generate --articles "$ARTICLES" --seed 1) >"$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log"; exit 1; }
fi
DB="$WORK/data/sen.db"
ARTICLE_ID=$(sqlite3 "$DB" "SELECT a.Id FROM Articles a JOIN Categories c ON c.Id = a.CategoryId WHERE c.Slug = 'tin-co-so' AND a.Status = 3 ORDER BY a.Id DESC LIMIT 1;")
ARTICLE_PATH=$(sqlite3 "$DB" "SELECT '/' || c.Slug || '/' || a.Slug || '-' || a.Id || '.html' FROM Articles a JOIN Categories c ON c.Id = a.CategoryId WHERE a.Id = $ARTICLE_ID;")
TREE_COUNT=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Articles a JOIN Categories c ON c.Id = a.CategoryId LEFT JOIN Categories p ON p.Id = c.ParentId WHERE a.Status = 3 AND (c.Slug = 'tin-tuc-su-kien' OR p.Slug = 'tin-tuc-su-kien');")
DEEP_PAGE=$(( (TREE_COUNT + 19) / 20 ))
cp -a "$WORK/data" "$WORK/data-a"
mv "$WORK/data" "$WORK/data-b"

declare -A PATHS=([article]="$ARTICLE_PATH" [home]="/" [category1]="/tin-tuc-su-kien" [categorydeep]="/tin-tuc-su-kien?trang=$DEEP_PAGE")

start_sen() { # side app url env...
  local side=$1 app=$2 url=$3
  shift 3
  (cd "$app" && exec env Sen__DataPath="$WORK/data-$side" Site__PublicUrl="$url" "$@" dotnet sen.dll --urls "$url") >"$WORK/sen-$side.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/" || true)" = 200 ] && return 0
    sleep 0.05
  done
  log "Sen $side did not start"; cat "$WORK/sen-$side.log"; exit 1
}
# shellcheck disable=SC2086
start_sen a "$A_APP" "$A_URL" ${A_ENV:-}
# shellcheck disable=SC2086
start_sen b "$B_APP" "$B_URL" ${B_ENV:-}

CURL_ENC=()
WRK_ENC=()
if [ -n "$ACCEPT_ENCODING" ]; then
  CURL_ENC=(-H "Accept-Encoding: $ACCEPT_ENCODING")
  WRK_ENC=(-H "Accept-Encoding: $ACCEPT_ENCODING")
fi

mkdir -p "$WORK/www" "$WORK/nginx"
for name in $PAGES; do
  curl -s "${CURL_ENC[@]}" -o "$WORK/www/$name.html" -D "$WORK/www/$name.headers" "$A_URL${PATHS[$name]}"
done
chmod -R a+rX "$WORK/www"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  gzip off;
  keepalive_requests 100000000;
  default_type text/html;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$((PORT + 2));
    root $WORK/www;
  }
}
EOF
"$NGINX" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" >"$WORK/nginx/stdout.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$NGINX_URL/${PAGES%% *}.html" || true)" = 200 ] && break
  sleep 0.05
done

if [ "$FLOOR" = 1 ]; then
  dotnet build "$ROOT/bench/floor/kestrel-floor.cs" -c Release -o "$WORK/floor" >"$WORK/floor.log" 2>&1 || { cat "$WORK/floor.log"; exit 1; }
  (cd "$WORK/floor" && exec dotnet kestrel-floor.dll "$WORK/www" --urls "$FLOOR_URL") >"$WORK/floor-run.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$FLOOR_URL/${PAGES%% *}.html" || true)" = 200 ] && break
    sleep 0.05
  done
fi

# ---- measure -------------------------------------------------------------------------------------
settle() {
  local url=$1 t
  for _ in $(seq 1 60); do
    t=$(curl -s -o /dev/null -m 5 -w '%{time_total}' "$url/healthz" || echo 9)
    awk -v t="$t" 'BEGIN { exit !(t < 0.05) }' && return 0
    sleep 0.5
  done
}
rps() { # url duration
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" "${WRK_ENC[@]}" "$1" 2>&1 | awk '/^Requests\/sec:/ { printf "%.0f", $2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
FLOOR_TABLE="

Kestrel alone (bench/floor/kestrel-floor.cs) serving the same bytes, measured after nginx in each round (what any ASP.NET Core node could reach here):

| Page | Kestrel req/s | Kestrel / nginx | B / Kestrel | Rounds (Kestrel/nginx; B/Kestrel) |
|---|---:|---:|---:|---|"
for name in $PAGES; do
  log "warming up $name ($WARMUP each)"
  settle "$A_URL"; rps "$A_URL${PATHS[$name]}" "$WARMUP" >/dev/null
  settle "$B_URL"; rps "$B_URL${PATHS[$name]}" "$WARMUP" >/dev/null
  [ "$FLOOR" = 1 ] && rps "$FLOOR_URL/$name.html" "$WARMUP" >/dev/null
done

TABLE="| Page | Bytes | A req/s | B req/s | nginx req/s | A / nginx | B / nginx | B / A | Rounds (A/nginx; B/nginx) |
|---|---:|---:|---:|---:|---:|---:|---:|---|"
for name in $PAGES; do
  a=(); b=(); n=(); ra=(); rb=(); rab=(); f=(); rf=(); rbf=()
  for r in $(seq 1 "$ROUNDS"); do
    settle "$A_URL"; x=$(rps "$A_URL${PATHS[$name]}" "$DURATION")
    settle "$B_URL"; y=$(rps "$B_URL${PATHS[$name]}" "$DURATION")
    z=$(rps "$NGINX_URL/$name.html" "$DURATION")
    log "$name round $r: A $x, B $y, nginx $z"
    a+=("$x"); b+=("$y"); n+=("$z")
    ra+=("$(ratio "$x" "$z")"); rb+=("$(ratio "$y" "$z")"); rab+=("$(ratio "$y" "$x")")
    if [ "$FLOOR" = 1 ]; then
      w=$(rps "$FLOOR_URL/$name.html" "$DURATION")
      log "$name round $r: Kestrel floor $w"
      f+=("$w"); rf+=("$(ratio "$w" "$z")"); rbf+=("$(ratio "$y" "$w")")
    fi
  done
  bytes=$(stat -c %s "$WORK/www/$name.html")
  if [ "$FLOOR" = 1 ]; then
    FLOOR_TABLE+="
| $name | $(median "${f[@]}") | **$(median "${rf[@]}")** | **$(median "${rbf[@]}")** | ${rf[*]}; ${rbf[*]} |"
  fi
  TABLE+="
| $name \`${PATHS[$name]}\` | $bytes | $(median "${a[@]}") | $(median "${b[@]}") | $(median "${n[@]}") | **$(median "${ra[@]}")** | **$(median "${rb[@]}")** | **$(median "${rab[@]}")** | ${ra[*]}; ${rb[*]} |"
done
LOAD_END=$(cut -d" " -f1-3 /proc/loadavg)
[ "$FLOOR" = 1 ] || FLOOR_TABLE=""

REPORT="A: ${BASE:-worktree} ${A_ENV:-}; B: worktree ${B_ENV:-} ($(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ', uncommitted changes')).
\`wrk -t$THREADS -c$CONNECTIONS -d$DURATION\`${ACCEPT_ENCODING:+ with \`Accept-Encoding: $ACCEPT_ENCODING\`}, $ROUNDS rounds of A, B, nginx after a $WARMUP warm-up per page and side; $([ -n "${DATA:-}" ] && echo "the articles of $DATA" || echo "$ARTICLES generated articles") on SQLite, builds ${A_APP} and ${B_APP}; medians of the rounds.
Load average $LOAD_START at the start, $LOAD_END at the end ($(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')).

$TABLE$FLOOR_TABLE"
echo "$REPORT"
[ -n "${OUT:-}" ] && echo "$REPORT" >"$OUT"
for name in $PAGES; do
  log "$name: A sent $(grep -i -E '^(content-length|transfer-encoding|content-encoding):' "$WORK/www/$name.headers" | tr -d '\r' | tr '\n' ' ')"
done
