#!/usr/bin/env bash
# Regenerates the EF Core compiled models (src/Sen.Web/Infrastructure/Data/CompiledModels/{Sqlite,Postgres})
# after a change to the entities or their configurations, next to `dotnet ef migrations add` for each
# provider. CompiledModelTests fails until this has been run. No database is opened.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  rm -rf "src/Sen.Web/Infrastructure/Data/CompiledModels/$provider"
  dotnet tool run dotnet-ef dbcontext optimize --project src/Sen.Web --context "${provider}SenDbContext" \
    --output-dir "Infrastructure/Data/CompiledModels/$provider" \
    --namespace "Sen.Web.Infrastructure.Data.CompiledModels.$provider" >/dev/null
  echo "compiled model written: src/Sen.Web/Infrastructure/Data/CompiledModels/$provider"
done
