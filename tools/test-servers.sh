# Sourced by test.sh. Gives the tests what they need from the machine, when it is installed and not
# given already: a throwaway PostgreSQL cluster and a Redis, each on a free loopback port, Debian's
# Chromium, and vnu.jar (npm). Prints one line for each, saying what the tests get or why they will skip.
# stop_test_servers stops both servers (pg_ctl, the Redis PID) and removes their data.

test_servers_dir=""
test_servers_pg_ctl=()
test_servers_pgdata=""
test_servers_redis_pid=""

start_test_servers() {
  test_servers_dir="$(mktemp -d "${TMPDIR:-/tmp}/sen-test-servers.XXXXXX")"
  # The postgres user (when we run as root) must reach its data folder inside.
  chmod 755 "$test_servers_dir"
  start_test_postgres
  start_test_redis
  find_test_chromium
  find_test_html_checker
}

stop_test_servers() {
  if [[ -n "$test_servers_pgdata" ]]; then
    "${test_servers_pg_ctl[@]}" -D "$test_servers_pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$test_servers_redis_pid" ]]; then
    kill "$test_servers_redis_pid" 2>/dev/null || true
    wait "$test_servers_redis_pid" 2>/dev/null || true
  fi
  if [[ -n "$test_servers_dir" ]]; then
    rm -rf "$test_servers_dir"
  fi
}

# A loopback port nothing listens on now.
free_port() {
  local port
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

wait_for_port() {
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  return 1
}

start_test_postgres() {
  if [[ -n "${SEN_TEST_POSTGRES:-}" ]]; then
    echo "PostgreSQL: SEN_TEST_POSTGRES is set; the tests use that server."
    return
  fi
  local initdb
  initdb="$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)"
  if [[ -z "$initdb" ]]; then
    echo "PostgreSQL: not installed, so the PostgreSQL tests will skip (apt-get install postgresql, or set SEN_TEST_POSTGRES)."
    return
  fi

  local bin as_postgres=() data="$test_servers_dir/pg" port
  bin="$(dirname "$initdb")"
  mkdir "$data"
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
  if [[ "$(id -u)" == 0 ]]; then
    if ! id -u postgres >/dev/null 2>&1; then
      echo "PostgreSQL: no postgres user to run the server as, so the PostgreSQL tests will skip (reinstall postgresql, or set SEN_TEST_POSTGRES)."
      return
    fi
    chown postgres:postgres "$data"
    as_postgres=(runuser -u postgres --)
  fi

  port="$(free_port)"
  if ! "${as_postgres[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$test_servers_dir/initdb.log" 2>&1; then
    echo "PostgreSQL: initdb failed, so the PostgreSQL tests will skip:"
    tail -n 5 "$test_servers_dir/initdb.log"
    return
  fi
  test_servers_pg_ctl=("${as_postgres[@]}" "$bin/pg_ctl")
  test_servers_pgdata="$data"
  # Durability settings off: the cluster is thrown away. Each test class opens its own pools.
  if ! "${test_servers_pg_ctl[@]}" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null 2>&1; then
    echo "PostgreSQL: the server did not start, so the PostgreSQL tests will skip:"
    tail -n 5 "$data/server.log" 2>/dev/null
    return
  fi
  export SEN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL: throwaway cluster on 127.0.0.1:$port ($(basename "$(dirname "$bin")")), removed on exit."
}

start_test_redis() {
  if [[ -n "${SEN_TEST_REDIS:-}" ]]; then
    echo "Redis: SEN_TEST_REDIS is set; the tests use that server."
    return
  fi
  if ! command -v redis-server >/dev/null; then
    echo "Redis: not installed, so the Redis tests will skip (apt-get install redis-server, or set SEN_TEST_REDIS)."
    return
  fi
  local port
  port="$(free_port)"
  redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize no \
    --dir "$test_servers_dir" >"$test_servers_dir/redis.log" 2>&1 &
  test_servers_redis_pid=$!
  if ! wait_for_port "$port"; then
    echo "Redis: the server did not start, so the Redis tests will skip:"
    tail -n 5 "$test_servers_dir/redis.log"
    return
  fi
  export SEN_TEST_REDIS="127.0.0.1:$port"
  echo "Redis: throwaway server on $SEN_TEST_REDIS, stopped on exit."
}

find_test_chromium() {
  if [[ -n "${SEN_CHROMIUM:-}" ]]; then
    echo "Chromium: SEN_CHROMIUM is set ($SEN_CHROMIUM)."
  elif [[ -x /usr/bin/chromium ]]; then
    export SEN_CHROMIUM=/usr/bin/chromium
    echo "Chromium: $SEN_CHROMIUM."
  else
    echo "Chromium: not installed, so the browser tests will skip (apt-get install chromium, or set SEN_CHROMIUM)."
  fi
}

find_test_html_checker() {
  if ! command -v java >/dev/null; then
    echo "Nu Html Checker: Java not installed, so the HTML check will skip (apt-get install default-jre-headless)."
    return
  fi
  # Lighthouse (the browser suite's accessibility and SEO scores) comes from the same npm ci.
  if [[ ! -f node_modules/vnu-jar/build/dist/vnu.jar || ! -f node_modules/lighthouse/cli/index.js ]]; then
    if ! command -v npm >/dev/null; then
      echo "Nu Html Checker: vnu.jar missing and npm not installed, so the HTML check will skip (apt-get install npm; ./test.sh then runs npm ci --ignore-scripts)."
      return
    fi
    # --ignore-scripts: vnu-jar's install script would download a Java runtime.
    if ! npm ci --ignore-scripts --no-audit --no-fund >"$test_servers_dir/npm.log" 2>&1; then
      echo "Nu Html Checker: npm ci --ignore-scripts failed, so the HTML check will skip:"
      tail -n 5 "$test_servers_dir/npm.log"
      return
    fi
  fi
  echo "Nu Html Checker: node_modules/vnu-jar on $(command -v java)."
}

# One line per reason the run's skipped tests gave, read from the TRX files in $1.
report_skipped_tests() {
  local files=("$1"/*.trx)
  [[ -e "${files[0]}" ]] || return 0
  awk '
    /<UnitTestResult / { skipped = ($0 ~ /outcome="NotExecuted"/); if (skipped && $0 ~ /\/>[[:space:]]*$/) { count["(no reason given)"]++; skipped = 0 } }
    skipped && /<Message>/ {
      reason = $0
      sub(/.*<Message>/, "", reason)
      sub(/<\/Message>.*/, "", reason)
      count[reason]++
      skipped = 0
    }
    skipped && /<\/UnitTestResult>/ { count["(no reason given)"]++; skipped = 0 }
    END { for (reason in count) printf "%6d skipped: %s\n", count[reason], reason }
  ' "${files[@]}" | sort -rn | sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
}
