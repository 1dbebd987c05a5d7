#!/usr/bin/env bash
# Sen benchmark: builds Release, generates ARTICLES articles into a fresh SQLite database, starts Sen
# and an nginx serving the same page bytes as static files (both on loopback), measures both with wrk
# and writes BENCHMARKS.md. Stops only the processes it started, by PID.
#
#   bench/run.sh                      # defaults below
#   ARTICLES=20000 DURATION=5s bench/run.sh
#
# Environment: SAVE (1: also measure the article while an editor saves every second; 0 skips), ARTICLES (105000: 100,000+ so that page 5,000 of /tin-tuc-su-kien exists), DURATION (6s),
# WARMUP (10s), THREADS (2), CONNECTIONS ("32 256"), ROUNDS (5: Sen/nginx pairs per page and connection count), DEEP_PAGE (5000), SEN_PORT (5181), NGINX_PORT (5182),
# OUT (BENCHMARKS.md at the repository root), LABEL (a line printed under the title), KEEP (1 keeps the temp dir),
# R2R (1: publish ReadyToRun; 0: plain Release).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARTICLES=${ARTICLES:-105000}
DURATION=${DURATION:-6s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-"32 256"}
ROUNDS=${ROUNDS:-5}
DEEP_PAGE=${DEEP_PAGE:-5000}
SEN_PORT=${SEN_PORT:-5181}
NGINX_PORT=${NGINX_PORT:-5182}
OUT=${OUT:-$ROOT/BENCHMARKS.md}
LABEL=${LABEL:-}
SEN_URL="http://127.0.0.1:$SEN_PORT"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---- tools ---------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/sen-bench.XXXXXX)
chmod 755 "$WORK"
SEN_PID=""
NGINX_PID=""
SAVER_PID=""
cleanup() {
  for pid in $SAVER_PID $SEN_PID $NGINX_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# ---- build and data ------------------------------------------------------------------------------
LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
# ReadyToRun (as an operator should publish) starts about 40 % faster than JIT-only; R2R=0 turns it off.
PUBLISH_ARGS=(-c Release -o "$WORK/app" --nologo -v quiet)
PUBLISH_KIND="Release"
if [ "${R2R:-1}" = 1 ]; then
  case "$(uname -m)" in x86_64) RID=linux-x64 ;; aarch64) RID=linux-arm64 ;; *) RID="" ;; esac
  if [ -n "$RID" ]; then
    PUBLISH_ARGS+=(-r "$RID" --self-contained false -p:PublishReadyToRun=true)
    PUBLISH_KIND="Release, ReadyToRun ($RID, framework-dependent)"
  fi
fi
log "publishing $PUBLISH_KIND to $WORK/app"
dotnet publish "$ROOT/src/Sen.Web" "${PUBLISH_ARGS[@]}" >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
log "building the tools (generate, bench listing) to $WORK/tools"
dotnet publish "$ROOT/tools/Sen.Tools" -c Release -o "$WORK/tools" --nologo -v quiet >"$WORK/publish-tools.log" 2>&1 || { cat "$WORK/publish-tools.log"; exit 1; }

export Sen__DataPath="$WORK/data"
export Database__Provider=Sqlite
export Database__SeedDemoContent=true
export ConnectionStrings__Default=""
export ASPNETCORE_ENVIRONMENT=Production
# As deploy/ sets it: one cached copy of each page for every host name, and a cache key without strings built per view.
export Site__PublicUrl="$SEN_URL"
export Logging__LogLevel__Default=Warning
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# The search figures are 31 requests per query from one address: above the per-address limit, which would measure 429s.
export Search__RateLimit__PermitsPerMinute=1000000
DB="$WORK/data/sen.db"
sen_tools() { (cd "$WORK/tools" && exec dotnet sen-tools.dll "$@"); }

log "generating $ARTICLES articles"
t0=$(now_ms)
sen_tools generate --articles "$ARTICLES" --seed 1 >"$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log"; exit 1; }
GENERATE_S=$(awk -v ms=$(( $(now_ms) - t0 )) 'BEGIN { printf "%.1f", ms / 1000 }')
GENERATE_LINE=$(grep -E 'generated' "$WORK/generate.log" | tail -1 || true)
log "$GENERATE_LINE (wall ${GENERATE_S} s)"

# `sen-tools generate` ends with a full search index rebuild (the same handler as `sen search rebuild`).
SEARCH_REBUILD=$(grep -oE 'search index rebuilt: .*' "$WORK/generate.log" | tail -1 || true)
SEARCH_REBUILD="${SEARCH_REBUILD:-not reported} (the rebuild that ends \`sen-tools generate\`, as \`sen search rebuild\` does it)"

TREE_COUNT=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Articles a JOIN Categories c ON c.Id = a.CategoryId LEFT JOIN Categories p ON p.Id = c.ParentId WHERE a.Status = 3 AND (c.Slug = 'tin-tuc-su-kien' OR p.Slug = 'tin-tuc-su-kien');")
TOTAL_ARTICLES=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Articles;")
LAST_PAGE=$(( (TREE_COUNT + 19) / 20 ))
DEEP_NOTE=""
if [ "$LAST_PAGE" -lt "$DEEP_PAGE" ]; then
  DEEP_NOTE=" (asked for page $DEEP_PAGE, but the category has only $LAST_PAGE pages with ARTICLES=$ARTICLES)"
  DEEP_PAGE=$LAST_PAGE
fi
ARTICLE_ID=$(sqlite3 "$DB" "SELECT a.Id FROM Articles a JOIN Categories c ON c.Id = a.CategoryId WHERE c.Slug = 'tin-co-so' AND a.Status = 3 ORDER BY a.Id DESC LIMIT 1;")
ARTICLE_PATH=$(sqlite3 "$DB" "SELECT '/' || c.Slug || '/' || a.Slug || '-' || a.Id || '.html' FROM Articles a JOIN Categories c ON c.Id = a.CategoryId WHERE a.Id = $ARTICLE_ID;")

log "timing the category listing query directly (no HTTP, no output cache)"
sen_tools bench listing --category tin-tuc-su-kien --page 1 --page "$DEEP_PAGE" --repeat 300 >"$WORK/listing.log" 2>&1 || true
LISTING_1=$(awk '/^page=1 /{ for (i = 1; i <= NF; i++) if ($i ~ /^median_ms=/) { sub("median_ms=", "", $i); print $i } }' "$WORK/listing.log")
LISTING_DEEP=$(awk -v p="page=$DEEP_PAGE" '$1 == p { for (i = 1; i <= NF; i++) if ($i ~ /^median_ms=/) { sub("median_ms=", "", $i); print $i } }' "$WORK/listing.log")

# ---- start Sen -----------------------------------------------------------------------------------
log "starting Sen on $SEN_URL"
t0=$(now_ms)
(cd "$WORK/app" && exec dotnet sen.dll --urls "$SEN_URL") >"$WORK/sen.log" 2>&1 &
SEN_PID=$!
STARTUP_MS=""
for _ in $(seq 1 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$SEN_URL/" || true)" = 200 ]; then
    STARTUP_MS=$(( $(now_ms) - t0 ))
    break
  fi
  kill -0 "$SEN_PID" 2>/dev/null || { cat "$WORK/sen.log"; exit 1; }
  sleep 0.02
done
[ -n "$STARTUP_MS" ] || { log "Sen did not answer within 12 s"; cat "$WORK/sen.log"; exit 1; }
log "first page after $STARTUP_MS ms"

declare -A PATHS=(
  [article]="$ARTICLE_PATH"
  [home]="/"
  [category1]="/tin-tuc-su-kien"
  [categorydeep]="/tin-tuc-su-kien?trang=$DEEP_PAGE"
)
ORDER=(article home category1 categorydeep)
declare -A TITLES=(
  [article]="Article page"
  [home]="Home page"
  [category1]="Category page 1"
  [categorydeep]="Category page $DEEP_PAGE"
)

# ---- static copies for nginx ---------------------------------------------------------------------
mkdir -p "$WORK/www" "$WORK/nginx"
for name in "${ORDER[@]}"; do
  code=$(curl -s -o "$WORK/www/$name.html" -w '%{http_code}' "$SEN_URL${PATHS[$name]}")
  [ "$code" = 200 ] || { log "${PATHS[$name]} answered $code"; exit 1; }
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
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
EOF
"$NGINX" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" >"$WORK/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$NGINX_URL/home.html" || true)" = 200 ] && break
  sleep 0.05
done

# ---- measure -------------------------------------------------------------------------------------
# wrk prints latencies as 812.00us / 1.23ms / 1.01s; everything is reported in ms.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; else if (v ~ /m$/) n *= 60000; printf "%.2f", n }'; }
parse_wrk() { # file -> "rps p50 p99 requests non2xx errors"
  local f=$1
  local rps p50 p99 req non2xx errors
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$f")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$f")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$f")")
  req=$(awk '/ requests in / { print $1 }' "$f")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$f")
  errors=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$f")
  echo "$rps $p50 $p99 $req ${non2xx:-0} ${errors:-0}"
}
# Requests wrk abandons at the end of a run stay queued in the server; let it drain before the next run
# (a /healthz answer under 50 ms, for at most 60 s) so one slow page cannot starve the next measurement.
settle() {
  local t
  for _ in $(seq 1 120); do
    t=$(curl -s -o /dev/null -m 5 -w '%{time_total}' "$SEN_URL/healthz" || echo 9)
    awk -v t="$t" 'BEGIN { exit !(t < 0.05) }' && return 0
    sleep 0.5
  done
}
run_wrk() { # url connections duration outfile [extra args]
  local url=$1 c=$2 d=$3 out=$4
  shift 4
  settle
  wrk -t"$THREADS" -c"$c" -d"$d" --latency "$@" "$url" >"$out" 2>&1
}

# Where the memory goes: Sen's RSS and its peak so far (VmHWM) after each phase, for the report.
MEMORY_PHASES=()
mark_memory() { # phase name
  MEMORY_PHASES+=("| $1 | $(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$SEN_PID/status") | $(awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$SEN_PID/status") |")
}
mark_memory "start and the first page of each kind"

log "warming up Sen ($WARMUP per page)"
for name in "${ORDER[@]}"; do
  run_wrk "$SEN_URL${PATHS[$name]}" 32 "$WARMUP" "$WORK/warmup-$name.txt"
done
mark_memory "warm-up"

# Each page is measured in ROUNDS rounds of Sen and nginx back to back, so each pair shares a few seconds
# of the machine; the report gives the medians and every round's ratio (on two shared cores one run swings
# ±15 %). Odd rounds start with Sen, even rounds with nginx, so a drift in the machine's speed during a
# pair does not always favour the same server.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { printf '%s\n' "$@" | sort -g | tail -1; }
declare -A R
for name in "${ORDER[@]}"; do
  for c in $CONNECTIONS; do
    for r in $(seq 1 "$ROUNDS"); do
      servers=(sen nginx)
      (( r % 2 )) || servers=(nginx sen)
      for server in "${servers[@]}"; do
        if [ "$server" = sen ]; then url="$SEN_URL${PATHS[$name]}"; else url="$NGINX_URL/$name.html"; fi
        log "$name, $c connections, round $r: $server"
        run_wrk "$url" "$c" "$DURATION" "$WORK/$server-$name-$c-$r.txt"
        R[$server,$name,$c,$r]=$(parse_wrk "$WORK/$server-$name-$c-$r.txt")
        log "  ${R[$server,$name,$c,$r]}"
      done
    done
  done
  mark_memory "$name, every round"
done

# The article page again, now while an editor saves it through the newsroom every second (SAVE=0 skips this):
# an approver invited with `sen user add`, signed in by accepting the invitation, posting the edit form with
# its antiforgery token (`sen-tools bench save`). A save over a published article is a new draft: readers keep
# the approved version and the cached page is not evicted, so the cost to readers is the newsroom's CPU and
# the database writes.
SAVE_RESULT=""
if [ "${SAVE:-1}" = 1 ]; then
  INVITE=$( (cd "$WORK/app" && dotnet sen.dll user add --email bench-editor@sen.invalid --role Approver --name "Biên tập thử") 2>&1 | grep -oE '/admin/loi-moi/[^ ]+' | head -1 || true)
  if [ -z "$INVITE" ]; then
    log "could not invite an editor: skipping the saving rounds"
  else
    log "article page while an editor saves every second"
    # Started straight from a subshell that execs dotnet, so $! is the saver itself and SIGSTOP/SIGCONT/SIGTERM reach it.
    (cd "$WORK/tools" && exec dotnet sen-tools.dll bench save --url "$SEN_URL" --invitation "$INVITE" --article "$ARTICLE_ID" --interval-ms 1000) >"$WORK/save.log" 2>"$WORK/save.err" &
    SAVER_PID=$!
    sleep 3
    # Each round measures the page with the saver paused (SIGSTOP) and then running (SIGCONT), side by side,
    # so the comparison is not spoiled by the machine's load drifting between the main table and this one.
    for r in $(seq 1 "$ROUNDS"); do
      for mode in paused saving; do
        if [ "$mode" = paused ]; then kill -STOP "$SAVER_PID" 2>/dev/null || true; else kill -CONT "$SAVER_PID" 2>/dev/null || true; sleep 1; fi
        log "article, editor $mode, 32 connections, round $r: Sen"
        run_wrk "$SEN_URL$ARTICLE_PATH" 32 "$DURATION" "$WORK/sen-$mode-$r.txt"
        R[sen,$mode,$r]=$(parse_wrk "$WORK/sen-$mode-$r.txt")
        log "  ${R[sen,$mode,$r]}"
        log "article, editor $mode, 32 connections, round $r: nginx"
        run_wrk "$NGINX_URL/article.html" 32 "$DURATION" "$WORK/nginx-$mode-$r.txt"
        R[nginx,$mode,$r]=$(parse_wrk "$WORK/nginx-$mode-$r.txt")
        log "  ${R[nginx,$mode,$r]}"
      done
    done
    kill -CONT "$SAVER_PID" 2>/dev/null || true
    kill -TERM "$SAVER_PID" 2>/dev/null || true
    wait "$SAVER_PID" 2>/dev/null || true
    SAVE_RESULT=$(grep -E '^saves=' "$WORK/save.log" || echo "saver reported nothing: $(tail -3 "$WORK/save.err" | tr '\n' ' ')")
    log "saver: $SAVE_RESULT"
    mark_memory "the article while an editor saves"
  fi
fi

# Exactness: a dedicated run on the article that also counts the requests wrk sent.
view_count() { sqlite3 "$DB" "SELECT ViewCount FROM Articles WHERE Id = $ARTICLE_ID;"; }
sleep 2.5
VIEWS_BEFORE=$(view_count)
run_wrk "$SEN_URL$ARTICLE_PATH" 32 5s "$WORK/exact.txt" -s "$ROOT/bench/count.lua"
EXACT_COMPLETED=$(awk '/ requests in / { print $1 }' "$WORK/exact.txt")
EXACT_SENT=$(awk '/^SENT / { print $2 }' "$WORK/exact.txt")
EXACT_NON2XX=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$WORK/exact.txt")
sleep 2.5
VIEWS_AFTER=$(view_count)
VIEWS_ADDED=$(( VIEWS_AFTER - VIEWS_BEFORE ))
mark_memory "exactness run"
if [ "$VIEWS_ADDED" -eq "$EXACT_COMPLETED" ]; then
  EXACT_RESULT="PASS (equal)"
elif [ "$VIEWS_ADDED" -ge "$EXACT_COMPLETED" ] && [ "$VIEWS_ADDED" -le "$EXACT_SENT" ]; then
  EXACT_RESULT="PASS (the $(( VIEWS_ADDED - EXACT_COMPLETED )) extra are requests the server answered after wrk stopped reading)"
else
  EXACT_RESULT="FAIL"
fi

SEARCH_SECTION=""
search_code=$(curl -s -o /dev/null -w '%{http_code}' "$SEN_URL/tim-kiem?q=h%E1%BB%99i%20ngh%E1%BB%8B" || true)
if [ "$search_code" != 404 ] && [ "$search_code" != 000 ]; then
  log "search answers $search_code: measuring"
  SEARCH_SECTION=$(SEN_URL="$SEN_URL" "$ROOT/bench/search.sh" 2>"$WORK/search.err" || { cat "$WORK/search.err" >&2; echo "search measurement failed (see the run's log)"; })
fi

[ -z "$SEARCH_SECTION" ] || mark_memory "search"
LOAD_END=$(cut -d" " -f1-3 /proc/loadavg)
PEAK_RSS_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SEN_PID/status")
RSS_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$SEN_PID/status")
PEAK_RSS_MB=$(( PEAK_RSS_KB / 1024 ))

kill "$NGINX_PID" && wait "$NGINX_PID" 2>/dev/null || true
NGINX_PID=""
kill "$SEN_PID" && wait "$SEN_PID" 2>/dev/null || true
SEN_PID=""

# ---- report --------------------------------------------------------------------------------------
field() { echo "$1" | awk -v i="$2" '{ print $i }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
pass() { if awk -v a="$1" -v b="$2" -v op="$3" 'BEGIN { if (a !~ /^[0-9.]+$/) exit 1; exit !((op == "ge") ? (a + 0 >= b + 0) : (a + 0 <= b + 0)) }'; then echo PASS; else echo FAIL; fi; }

# Medians over the rounds: R[server,page,conns] = "rps p50 p99 requests non2xx errors", and the
# per-round ratios in RATIOS[page,conns].
declare -A RATIOS WORST_P99
for name in "${ORDER[@]}"; do
  for c in $CONNECTIONS; do
    for server in sen nginx; do
      rps=(); p50=(); p99=(); req=0; non2xx=0; errors=0
      for r in $(seq 1 "$ROUNDS"); do
        v=${R[$server,$name,$c,$r]}
        rps+=("$(field "$v" 1)"); p50+=("$(field "$v" 2)"); p99+=("$(field "$v" 3)")
        req=$(( req + $(field "$v" 4) )); non2xx=$(( non2xx + $(field "$v" 5) )); errors=$(( errors + $(field "$v" 6) ))
      done
      R[$server,$name,$c]="$(printf '%.0f %.2f %.2f' "$(median "${rps[@]}")" "$(median "${p50[@]}")" "$(median "${p99[@]}")") $req $non2xx $errors"
      [ "$server" = sen ] && WORST_P99[$name,$c]=$(maximum "${p99[@]}")
    done
    ratios=()
    for r in $(seq 1 "$ROUNDS"); do
      ratios+=("$(ratio "$(field "${R[sen,$name,$c,$r]}" 1)" "$(field "${R[nginx,$name,$c,$r]}" 1)")")
    done
    RATIOS[$name,$c]="$(median "${ratios[@]}") ${ratios[*]}"
  done
done

SAVING_SECTION=""
SAVING_TARGET=""
if [ -n "$SAVE_RESULT" ]; then
  rps=(); p50=(); p99=(); nrps=(); ratios=(); paused=()
  for r in $(seq 1 "$ROUNDS"); do
    rps+=("$(field "${R[sen,saving,$r]}" 1)"); p50+=("$(field "${R[sen,saving,$r]}" 2)"); p99+=("$(field "${R[sen,saving,$r]}" 3)")
    nrps+=("$(field "${R[nginx,saving,$r]}" 1)")
    ratios+=("$(ratio "$(field "${R[sen,saving,$r]}" 1)" "$(field "${R[nginx,saving,$r]}" 1)")")
    paused+=("$(ratio "$(field "${R[sen,paused,$r]}" 1)" "$(field "${R[nginx,paused,$r]}" 1)")")
  done
  SAVING_RATIO=$(median "${ratios[@]}")
  PLAIN_RATIO=$(median "${paused[@]}")
  SAVING_CHANGE=$(awk -v a="$SAVING_RATIO" -v b="$PLAIN_RATIO" 'BEGIN { if (b > 0) printf "%+.1f", (a / b - 1) * 100; else print "n/a" }')
  SAVING_SECTION="| Article page while saving | 32 | $(printf '%.0f' "$(median "${rps[@]}")") | $(median "${p50[@]}") | $(median "${p99[@]}") | $(printf '%.0f' "$(median "${nrps[@]}")") | **$SAVING_RATIO** | ${ratios[*]} | $PLAIN_RATIO (${paused[*]}) | $SAVING_CHANGE % |"
  SAVING_DROP_OK=$(awk -v a="$SAVING_RATIO" -v b="$PLAIN_RATIO" 'BEGIN { print ((a >= b * 0.95) ? "PASS" : "FAIL") }')
  SAVING_TARGET="| Article page ratio while an editor saves every second within 5 % of the ratio without | $SAVING_RATIO × vs $PLAIN_RATIO × ($SAVING_CHANGE %) | $SAVING_DROP_OK |"
fi

ART_RATIO=$(field "${RATIOS[article,32]}" 1)
ART_P99=${WORST_P99[article,32]}
CAT1_RATIO=$(field "${RATIOS[category1,32]}" 1)
DEEP_RATIO=$(field "${RATIOS[categorydeep,32]}" 1)
CAT1_P50=$(field "${R[sen,category1,32]}" 2)
DEEP_P50=$(field "${R[sen,categorydeep,32]}" 2)
DEEP_RATIO_HTTP=$(ratio "$DEEP_P50" "$CAT1_P50")
DEEP_RATIO_QUERY=$(ratio "${LISTING_DEEP:-0}" "${LISTING_1:-0}")

CPU_MODEL=$(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')
MEM=$(free -h | awk '/^Mem:/ { print $2 }')
NGINX_VERSION=$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')
WRK_VERSION=$( (wrk -v 2>&1 || true) | head -1 | awk '{ print $1, $2 }')

{
  echo "# Sen benchmarks"
  echo
  [ -n "$LABEL" ] && { echo "$LABEL"; echo; }
  echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') from commit \`$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)\`$(git -C "$ROOT" diff --quiet HEAD -- src bench tests 2>/dev/null || echo ' (with uncommitted changes)')."
  echo
  echo "## Machine"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| CPU | $(nproc) cores: $CPU_MODEL |"
  echo "| Memory | $MEM |"
  echo "| Kernel | $(uname -sr) |"
  echo "| .NET SDK | $(dotnet --version) |"
  echo "| nginx | $NGINX_VERSION |"
  echo "| wrk | $WRK_VERSION |"
  echo "| Sen build | \`dotnet publish\` $PUBLISH_KIND |"
  echo "| Load average (1, 5, 15 min) | $LOAD_START at the start, $LOAD_END before stopping Sen |"
  echo
  echo "wrk, Sen and nginx share the machine (loopback), so every figure includes the load generator's own CPU. A load average above the core count means other work competed for the CPU during the run."
  echo
  echo "## Data"
  echo
  echo "- Articles in the database: $TOTAL_ARTICLES ($ARTICLES generated by \`sen-tools generate --articles $ARTICLES --seed 1\` plus the demo content); $TREE_COUNT of them in the Tin tức - Sự kiện tree, $LAST_PAGE pages of 20."
  echo "- Generation: ${GENERATE_S} s wall ($GENERATE_LINE)."
  echo "- Search index rebuild: $SEARCH_REBUILD."
  echo "- Pages: article \`$ARTICLE_PATH\`, home \`/\`, category \`/tin-tuc-su-kien\` page 1 and \`?trang=$DEEP_PAGE\`$DEEP_NOTE."
  echo
  echo "## Throughput and latency"
  echo
  echo "\`wrk -t$THREADS -c{32,256} -d$DURATION --latency URL\` after a $WARMUP warm-up per page at 32 connections. nginx serves the bytes Sen returned for the same URL as a static file (sendfile on, gzip off, access log off, worker_processes auto); wrk sends no Accept-Encoding, so both send the same uncompressed bytes."
  echo
  echo "Each row is $ROUNDS rounds of Sen and nginx back to back (odd rounds Sen first, even rounds nginx first); the figures are the medians over the rounds, and *Sen / nginx* is the median of the rounds' ratios (each round's ratio in the last column)."
  echo
  echo "| Page | Bytes | Conns | Sen req/s | Sen p50 ms | Sen p99 ms | nginx req/s | nginx p50 ms | nginx p99 ms | Sen / nginx | Rounds |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for name in "${ORDER[@]}"; do
    bytes=$(stat -c %s "$WORK/www/$name.html")
    for c in $CONNECTIONS; do
      s=${R[sen,$name,$c]}; n=${R[nginx,$name,$c]}
      errs=""
      [ "$(field "$s" 5)" != 0 ] && errs=" ($(field "$s" 5) non-2xx)"
      [ "$(field "$s" 6)" != 0 ] && errs="$errs ($(field "$s" 6) socket errors)"
      rr=${RATIOS[$name,$c]}
      echo "| ${TITLES[$name]} | $bytes | $c | $(field "$s" 1)$errs | $(field "$s" 2) | $(field "$s" 3) | $(field "$n" 1) | $(field "$n" 2) | $(field "$n" 3) | **$(field "$rr" 1)** | ${rr#* } |"
    done
  done
  echo
  if [ -n "$SAVING_SECTION" ]; then
    echo "## The article page while an editor saves"
    echo
    echo "The same article measured again ($ROUNDS rounds, 32 connections; in each round Sen then nginx with the saver paused by SIGSTOP, then Sen then nginx with it running) while \`sen-tools bench save\` saves it through the newsroom's edit form every second, over HTTP, as a signed-in approver (a new draft over the published version: readers keep the approved text). Saver: $SAVE_RESULT."
    echo
    echo "| Page | Conns | Sen req/s | Sen p50 ms | Sen p99 ms | nginx req/s | Sen / nginx | Rounds | Saver paused (rounds) | Change |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|"
    echo "$SAVING_SECTION"
    echo
  fi
  echo "## Deep category pages"
  echo
  echo "- Query alone (\`sen-tools bench listing --category tin-tuc-su-kien --page 1 --page $DEEP_PAGE --repeat 300\`, median, no HTTP, no output cache): page 1 ${LISTING_1:-n/a} ms, page $DEEP_PAGE ${LISTING_DEEP:-n/a} ms, ratio $DEEP_RATIO_QUERY."
  echo "- Over HTTP at 32 connections (p50): page 1 $CAT1_P50 ms, page $DEEP_PAGE $DEEP_P50 ms, ratio $DEEP_RATIO_HTTP."
  echo
  echo "## View counting exactness"
  echo
  echo "\`wrk -t$THREADS -c32 -d5s -s bench/count.lua\` on the article; ViewCount read from SQLite 2.5 s before and 2.5 s after (past the counter's flush)."
  echo
  echo "| Requests wrk completed | Requests wrk sent | Non-2xx | Views before | Views after | Views added | Result |"
  echo "|---:|---:|---:|---:|---:|---:|---|"
  echo "| $EXACT_COMPLETED | $EXACT_SENT | ${EXACT_NON2XX:-0} | $VIEWS_BEFORE | $VIEWS_AFTER | $VIEWS_ADDED | $EXACT_RESULT |"
  echo
  echo "## Memory and start-up"
  echo
  echo "- Peak RSS of Sen over the whole run (VmHWM): $PEAK_RSS_MB MB (RSS at the end $(( RSS_KB / 1024 )) MB)."
  echo "- Start-up, process start to the first 200 on \`/\`: $STARTUP_MS ms."
  echo
  echo "| After | RSS MB | Peak so far MB |"
  echo "|---|---:|---:|"
  printf '%s\n' "${MEMORY_PHASES[@]}"
  echo
  if [ -n "$SEARCH_SECTION" ]; then
    echo "## Search"
    echo
    echo "$SEARCH_SECTION"
    echo
  fi
  echo "## Targets"
  echo
  echo "| Target | Measured | Result |"
  echo "|---|---|---|"
  echo "| Article page ≥ 0.8 × nginx static throughput at 32 connections (median of the rounds) | $ART_RATIO × (rounds: ${RATIOS[article,32]#* }) | $(pass "$ART_RATIO" 0.8 ge) |"
  echo "| Category page 1 ≥ 0.8 × nginx static throughput at 32 connections (median of the rounds) | $CAT1_RATIO × (rounds: ${RATIOS[category1,32]#* }) | $(pass "$CAT1_RATIO" 0.8 ge) |"
  echo "| Category page $DEEP_PAGE ≥ 0.8 × nginx static throughput at 32 connections (median of the rounds) | $DEEP_RATIO × (rounds: ${RATIOS[categorydeep,32]#* }) | $(pass "$DEEP_RATIO" 0.8 ge) |"
  echo "| Article page p99 ≤ 10 ms at 32 connections (worst round) | $ART_P99 ms | $(pass "$ART_P99" 10 le) |"
  echo "| Peak RSS ≤ 300 MB with 100k articles | $PEAK_RSS_MB MB | $(pass "$PEAK_RSS_MB" 300 le) |"
  echo "| Start to first page ≤ 2 s | $STARTUP_MS ms | $(pass "$STARTUP_MS" 2000 le) |"
  echo "| Category page $DEEP_PAGE ≤ 2 × page 1 (query) | $DEEP_RATIO_QUERY × | $(pass "$DEEP_RATIO_QUERY" 2 le) |"
  echo "| Category page $DEEP_PAGE ≤ 2 × page 1 (HTTP p50) | $DEEP_RATIO_HTTP × | $(pass "$DEEP_RATIO_HTTP" 2 le) |"
  echo "| Views added = requests completed | $VIEWS_ADDED / $EXACT_COMPLETED | ${EXACT_RESULT%% *} |"
  [ -n "$SAVING_TARGET" ] && echo "$SAVING_TARGET"
  echo
  echo "## How to run"
  echo
  echo '```'
  echo "bench/run.sh                                  # ARTICLES=105000 DURATION=6s ROUNDS=5"
  echo "ARTICLES=20000 DURATION=3s WARMUP=2s ROUNDS=1 bench/run.sh   # quick check"
  echo '```'
  echo
  echo "It installs wrk, nginx and sqlite3 from Debian packages when missing, publishes Release into a temp"
  echo "directory, generates the articles into a fresh SQLite database, starts Sen and nginx on loopback"
  echo "ports $SEN_PORT and $NGINX_PORT, and stops both by PID when done."
} >"$OUT.tmp"

if [ -f "$ROOT/bench/NOTES.md" ]; then
  { echo; cat "$ROOT/bench/NOTES.md"; } >>"$OUT.tmp"
fi
mv "$OUT.tmp" "$OUT"
log "wrote $OUT"
cat "$OUT"
