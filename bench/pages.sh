#!/usr/bin/env bash
# How fast the main pages answer (issue 17: every page in under 300 ms): a Release build of the portal on a fresh demo
# jurisdiction (loaded on its first start), each page requested RUNS times in turn after one warm-up round; prints each
# page's median, 95th percentile and slowest time to the full response, in milliseconds, with the machine's CPU.
# Usage: bench/pages.sh [DIR]   — DIR holds data/ (a new temporary folder by default). RUNS=30 PORT=5382.
# Needs curl.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d)}
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
port=${PORT:-5382}
base="http://127.0.0.1:$port"
runs=${RUNS:-30}

dotnet build -c Release "$repo/src/Gongkai.Web" -v q -nologo >/dev/null
cd "$dir"
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$repo/src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll" --urls "$base" >"$dir/pages-web.log" 2>&1 &
web=$!
trap 'kill $web 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done
# The demo is loaded in the background after the first start: wait until its catalog is there.
for _ in $(seq 1 300); do curl -fs "$base/api/v1/catalog?page=1" | grep -q indexNumber && break; sleep 1; done
sleep 5

item=$(curl -fs "$base/api/v1/catalog?page=1" | grep -o '"indexNumber":"[^"]*"' | head -1 | cut -d'"' -f4)
city=$(curl -fs "$base/api/v1/units" | grep -o '"code":"[^"]*"' | head -1 | cut -d'"' -f4)
pages=("/" "/xxgk" "/xxgk/item/$item" "/units/$city" "/search?q=%E6%95%99%E8%82%B2" "/search?q=%E6%95%99"
       "/ysqgk" "/ysqgk/apply" "/hdjl" "/hdjl/letters" "/jdhy" "/nb" "/nb/$city/2025" "/tools/audit")

echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $runs runs a page; ms"
printf '%-40s %8s %8s %8s %6s\n' page median p95 max status
for page in "${pages[@]}"; do
  curl -s -o /dev/null "$base$page"
  times=$(for _ in $(seq 1 "$runs"); do curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$base$page"; done)
  status=$(echo "$times" | awk '{print $2}' | sort -u | tr '\n' ' ')
  echo "$times" | awk '{print $1 * 1000}' | sort -n | awk -v p="$page" -v s="$status" '{ t[NR] = $1 }
    END { printf "%-40s %8.1f %8.1f %8.1f %6s\n", p, t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)], t[NR], s }'
done
