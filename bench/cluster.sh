#!/usr/bin/env bash
# The article page through nginx to two Sen nodes vs one, on PostgreSQL with Redis (issue 13, point 7).
# Starts its own PostgreSQL (PG_PORT, data in WORK) and Redis (REDIS_PORT), never the shared ones,
# publishes Sen (ReadyToRun), generates ARTICLES articles into PostgreSQL, starts two nodes sharing the
# database and Redis (output cache, evictions, data protection, leases), an nginx proxying to both
# (round robin, keep-alive) or to node 1 only, and an nginx serving the same bytes as a static file.
# Then measures, in interleaved rounds: node 1 directly, nginx -> one node, nginx -> two nodes, and
# nginx static. Prints a Markdown section. Stops only the processes it started, by PID.
#
#   bench/cluster.sh
#   ARTICLES=20000 ROUNDS=2 DURATION=5s bench/cluster.sh
#
# Environment: ARTICLES (20000), ROUNDS (3), DURATION (5s), WARMUP (10s), CONNECTIONS (32), THREADS (2),
# PG_PORT (5442), REDIS_PORT (6390), PORT (5201: nodes 5201/5202, proxies 5203 two / 5204 one, static 5205),
# APP / TOOLS (already published Sen and sen-tools), KEEP (1 keeps the temp dir), OUT (also write there).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARTICLES=${ARTICLES:-20000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PG_PORT=${PG_PORT:-5442}
REDIS_PORT=${REDIS_PORT:-6390}
PORT=${PORT:-5201}
NODE1="http://127.0.0.1:$PORT"
NODE2="http://127.0.0.1:$((PORT + 1))"
TWO="http://127.0.0.1:$((PORT + 2))"
ONE="http://127.0.0.1:$((PORT + 3))"
STATIC="http://127.0.0.1:$((PORT + 4))"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

log() { printf '[cluster %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
for tool in wrk curl redis-server redis-cli; do command -v "$tool" >/dev/null || { log "needs $tool (apt-get install -y wrk redis-server)"; exit 1; }; done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/sen-cluster.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PG_STARTED=""
cleanup() {
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  [ -n "$PG_STARTED" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT

# ---- PostgreSQL and Redis of our own --------------------------------------------------------------
log "starting PostgreSQL on $PG_PORT and Redis on $REDIS_PORT"
mkdir -p "$WORK/pg"
chown postgres "$WORK/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust >"$WORK/initdb.log" 2>&1
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c fsync=off" -w start >/dev/null
PG_STARTED=1
PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Maximum Pool Size=100"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.05; done

# ---- build and data ------------------------------------------------------------------------------
if [ -z "${APP:-}" ]; then
  log "publishing Sen (ReadyToRun)"
  dotnet publish "$ROOT/src/Sen.Web" -c Release -o "$WORK/app" --nologo -v quiet -r linux-x64 --self-contained false -p:PublishReadyToRun=true >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
  APP="$WORK/app"
fi
if [ -z "${TOOLS:-}" ]; then
  log "building the tools"
  dotnet publish "$ROOT/tools/Sen.Tools" -c Release -o "$WORK/tools" --nologo -v quiet >"$WORK/tools.log" 2>&1 || { cat "$WORK/tools.log"; exit 1; }
  TOOLS="$WORK/tools"
fi

export Database__Provider=Postgres
export ConnectionStrings__Default="$PG"
export Database__SeedDemoContent=true
export Redis__Configuration="127.0.0.1:$REDIS_PORT"
export Redis__InstanceName="sen-cluster:"
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
export DOTNET_CLI_TELEMETRY_OPTOUT=1
mkdir -p "$WORK/shared"
export Sen__DataPath="$WORK/shared"
log "generating $ARTICLES articles into PostgreSQL"
(cd "$TOOLS" && exec dotnet sen-tools.dll generate --articles "$ARTICLES" --seed 1) >"$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log"; exit 1; }
psql_q() { runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -At -c "$1"; }
ARTICLE_PATH=$(psql_q "SELECT '/' || c.\"Slug\" || '/' || a.\"Slug\" || '-' || a.\"Id\" || '.html' FROM \"Articles\" a JOIN \"Categories\" c ON c.\"Id\" = a.\"CategoryId\" WHERE c.\"Slug\" = 'tin-co-so' AND a.\"Status\" = 3 ORDER BY a.\"Id\" DESC LIMIT 1;")

# ---- two nodes -----------------------------------------------------------------------------------
start_node() { # name url
  (cd "$APP" && exec dotnet sen.dll --urls "$2") >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$2/" || true)" = 200 ] && return 0
    sleep 0.05
  done
  log "$1 did not start"; cat "$WORK/$1.log"; exit 1
}
log "starting two nodes"
start_node node1 "$NODE1"
start_node node2 "$NODE2"

mkdir -p "$WORK/www" "$WORK/nginx"
curl -s -o "$WORK/www/article.html" "$NODE1$ARTICLE_PATH"
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
  upstream two { server 127.0.0.1:$PORT; server 127.0.0.1:$((PORT + 1)); keepalive 64; }
  upstream one { server 127.0.0.1:$PORT; keepalive 64; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$http_host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto \$scheme;
  proxy_buffering on;
  server { listen 127.0.0.1:$((PORT + 2)); location / { proxy_pass http://two; } }
  server { listen 127.0.0.1:$((PORT + 3)); location / { proxy_pass http://one; } }
  server { listen 127.0.0.1:$((PORT + 4)); root $WORK/www; }
}
EOF
"$NGINX" -t -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" >/dev/null 2>&1 || { "$NGINX" -t -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"; exit 1; }
"$NGINX" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" >"$WORK/nginx/stdout.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$STATIC/article.html" || true)" = 200 ] && break
  sleep 0.05
done

# ---- measure -------------------------------------------------------------------------------------
rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency "$1" >"$3" 2>&1; awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$3"; }
p99() { awk '$1 == "99%" { print $2 }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ARTICLE_ID=${ARTICLE_PATH##*-}
ARTICLE_ID=${ARTICLE_ID%.html}
views() { psql_q "SELECT \"ViewCount\" FROM \"Articles\" WHERE \"Id\" = $ARTICLE_ID;"; }

LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
log "warming up ($WARMUP each)"
for url in "$NODE1" "$NODE2" "$TWO" "$ONE"; do rps "$url$ARTICLE_PATH" "$WARMUP" "$WORK/warmup.txt" >/dev/null; done

declare -A NAMES=([direct]="$NODE1" [one]="$ONE" [two]="$TWO" [static]="$STATIC")
ORDER=(direct one two static)
declare -A RES
# The warm-up's last views are flushed within a few seconds: read the count after them, not before.
sleep 3
VIEWS_BEFORE=$(views)
for r in $(seq 1 "$ROUNDS"); do
  line=""
  for k in "${ORDER[@]}"; do
    path=$ARTICLE_PATH
    [ "$k" = static ] && path=/article.html
    RES[$k,$r]=$(rps "${NAMES[$k]}$path" "$DURATION" "$WORK/$k-$r.txt")
    RES[p99,$k,$r]=$(p99 "$WORK/$k-$r.txt")
    line+=" $k ${RES[$k,$r]}"
  done
  log "round $r:$line"
done
sleep 3
VIEWS_AFTER=$(views)
SENT=0
for k in direct one two; do for r in $(seq 1 "$ROUNDS"); do SENT=$(( SENT + $(awk '/ requests in / { print $1 }' "$WORK/$k-$r.txt") )); done; done
LOAD_END=$(cut -d" " -f1-3 /proc/loadavg)

TABLE="| Path | req/s (median) | p99 (last round) | / nginx static | / node direct | Rounds |
|---|---:|---:|---:|---:|---|"
declare -A TITLE=([direct]="Node 1 directly (no proxy)" [one]="nginx -> one node" [two]="nginx -> two nodes (round robin)" [static]="nginx static, same bytes")
for k in "${ORDER[@]}"; do
  v=(); rs=(); rd=()
  for r in $(seq 1 "$ROUNDS"); do
    v+=("${RES[$k,$r]}"); rs+=("$(ratio "${RES[$k,$r]}" "${RES[static,$r]}")"); rd+=("$(ratio "${RES[$k,$r]}" "${RES[direct,$r]}")")
  done
  TABLE+="
| ${TITLE[$k]} | $(median "${v[@]}") | ${RES[p99,$k,$ROUNDS]} | **$(median "${rs[@]}")** | **$(median "${rd[@]}")** | ${v[*]} |"
done

REPORT="\`bench/cluster.sh\` ($(git -C "$ROOT" rev-parse --short HEAD)), $(date -u '+%Y-%m-%d %H:%M UTC'): PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') and Redis $(redis-server --version | awk '{ print $3 }' | sed 's/v=//') of its own, $ARTICLES generated articles, two Sen nodes (ReadyToRun) sharing both, nginx $("$NGINX" -v 2>&1 | sed 's|.*/||') with keep-alive upstreams, article \`$ARTICLE_PATH\` ($(stat -c %s "$WORK/www/article.html") bytes).
\`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency\`, $ROUNDS rounds of the four in turn after a $WARMUP warm-up of each; load average $LOAD_START at the start, $LOAD_END at the end, on $(nproc) cores shared by wrk, nginx, both nodes, PostgreSQL and Redis.

$TABLE

Views: $((VIEWS_AFTER - VIEWS_BEFORE)) added in the database for $SENT requests wrk completed through the nodes (the nodes flush every few seconds; requests wrk abandoned at the end of a run may add a few)."
echo "$REPORT"
[ -n "${OUT:-}" ] && echo "$REPORT" >"$OUT"
