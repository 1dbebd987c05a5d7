#!/usr/bin/env bash
# The README's test command: every test project of the solution, Release build. It starts what the
# tests need when the machine has it (tools/test-servers.sh: PostgreSQL, Redis, Chromium, vnu.jar);
# tests whose server is still missing skip and say why (listed at the end), or fail under CI=true.
# Extra arguments go to dotnet test (for example --filter "FullyQualifiedName~Caching").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source tools/test-servers.sh

trap stop_test_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== What the tests need"
start_test_servers

results=artifacts/test-results
rm -rf "$results"

echo "== dotnet test"
status=0
dotnet test Sen.slnx -c Release --logger trx --results-directory "$results" "$@" || status=$?

skipped="$(report_skipped_tests "$results")"
if [[ -n "$skipped" ]]; then
  echo "== Skipped tests, by reason"
  echo "$skipped"
fi
exit "$status"
