#!/usr/bin/env bash
# The README's test command: every test project of the solution, Release build.
# PostgreSQL, Redis and Chromium tests run when SEN_TEST_POSTGRES, SEN_TEST_REDIS and SEN_CHROMIUM
# are set (.ci/run sets them); elsewhere they skip and say why, except under CI=true, where they fail.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dotnet test Sen.slnx -c Release "$@"
