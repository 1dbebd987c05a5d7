#!/usr/bin/env bash
# Search benchmark: latency p50/p95 of realistic queries, index build time and size, on SQLite
# (and PostgreSQL when SEN_BENCH_POSTGRES is set). Writes bench/search/results-<provider>.md, a
# section to paste into BENCHMARKS.md.
#
#   bench/search/run.sh 100000          # content from `sen-tools generate --articles 100000`
#   SEN_BENCH_FILL=1 bench/search/run.sh 20000   # without `sen-tools generate`: the bench inserts synthetic articles
#   SEN_BENCH_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres;Database=sen_bench" bench/search/run.sh 100000
#   (an empty database: createdb sen_bench; SEN_BENCH_SKIP_SQLITE=1 runs PostgreSQL only)
#
# Each run starts from an empty database of its own (bench/search/data/), which it leaves behind.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
articles="${1:-20000}"
iterations="${SEN_BENCH_ITERATIONS:-30}"
out_dir="bench/search"
data_dir="$out_dir/data"
mkdir -p "$data_dir"

# EF Core logs every command at Information; that would be measured too.
export Logging__LogLevel__Default=Warning
export DOTNET_gcServer=0

dotnet build tools/Sen.Tools -c Release -v q -nologo
tools=(dotnet tools/Sen.Tools/bin/Release/net10.0/sen-tools.dll)

run() {
  local provider="$1"
  local fill_args=()
  if [[ "${SEN_BENCH_FILL:-0}" == "1" ]]; then
    fill_args=(--fill "$articles")
  else
    echo "== $provider: generating $articles articles"
    "${tools[@]}" generate --articles "$articles"
  fi
  echo "== $provider: benchmark"
  "${tools[@]}" bench search "${fill_args[@]}" --iterations "$iterations" --output "$out_dir/results-$provider.md"
}

if [[ "${SEN_BENCH_SKIP_SQLITE:-0}" != "1" ]]; then
(
  export Database__Provider=Sqlite
  export Sen__DataPath="$PWD/$data_dir/sqlite-$articles"
  rm -rf "$Sen__DataPath"
  run sqlite
)
fi

if [[ -n "${SEN_BENCH_POSTGRES:-}" ]]; then
  (
    export Database__Provider=Postgres
    export ConnectionStrings__Default="$SEN_BENCH_POSTGRES"
    run postgres
  )
fi

echo "Results: $out_dir/results-*.md"
