#!/usr/bin/env bash
# The website self-check of a whole jurisdiction (issue 16): `gongkai site check --format json` over every top unit's
# subtree — column sync, link checks (no links leave the machine: the demo's items link nowhere), the lexicon over every
# published item and letter answer, judging and storing a run per unit — timed by farm-bench (wall, CPU, peak memory;
# median of RUNS) on freshly generated data: the demo jurisdiction, plus ITEMS generated catalog items when given.
# Usage: bench/site-check.sh [DIR]   — DIR holds data/ (a new temporary folder by default). ITEMS=0 RUNS=5.
# Needs farm-bench (the tool library) on PATH.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d)}
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
items=${ITEMS:-0} runs=${RUNS:-5}

dotnet build -c Release "$repo/src/Gongkai.Cli" -v q -nologo >/dev/null
cli="$repo/src/Gongkai.Cli/bin/Release/net10.0/gongkai.dll"
cd "$dir"
dotnet "$cli" demo seed >/dev/null 2>&1
if [ "$items" -gt 0 ]; then dotnet "$cli" demo catalog --items "$items" >/dev/null 2>&1; fi
echo "data: $(sqlite3 data/gongkai.db 'select count(*) from units') units, $(sqlite3 data/gongkai.db "select count(*) from catalog_items where State='Published'") published items, $(sqlite3 data/gongkai.db 'select count(*) from letters') letters"
farm-bench -n "$runs" --timeout 3000 -- sh -c "cd '$dir' && exec dotnet '$cli' site check --format json >>'$dir/site-check.json' 2>&1"
