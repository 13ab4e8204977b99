#!/usr/bin/env bash
# A burst of public audits against a running portal (issue 13, finding 1): the portal's memory (VmRSS) before, at the
# peak of and after COUNT concurrent audits of a report of about SIZE bytes, each audit's status and time, and how many
# item pages per second the portal serves meanwhile, against the same measure before the burst.
# Usage: bench/audit-burst.sh [DIR]   — DIR holds data/ (a new temporary folder by default: the portal loads the demo
# jurisdiction on its first start). COUNT=8 SIZE=5000000 DURATION=10 (seconds of item-page load) PORT=5381.
# Other settings go to the portal as environment variables (e.g. Audit__QueueLimit=2).
# Needs curl and wrk (apt-get install wrk).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d)}
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
port=${PORT:-5381}
base="http://127.0.0.1:$port"
count=${COUNT:-8}
size=${SIZE:-5000000}
duration=${DURATION:-10}

dotnet build -c Release "$repo/src/Gongkai.Web" -v q -nologo >/dev/null
cd "$dir"
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$repo/src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll" --urls "$base" >"$dir/audit-web.log" 2>&1 &
web=$!
work=$(mktemp -d)
trap 'kill $web 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done

rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$web/status"; }   # MB

# The report: a real published report (长沙市 2018) repeated to about SIZE bytes.
sample="$repo/tests/Gongkai.Core.Tests/Reports/Reading/Samples/changsha-2018.txt"
while [ "$(stat -c %s "$work/report.txt" 2>/dev/null || echo 0)" -lt $((size - $(stat -c %s "$sample"))) ]; do
  cat "$sample" >>"$work/report.txt"
done
# 100 real item pages, requested in turn by wrk.
for page in 1 2 3 4 5; do
  curl -fs "$base/api/v1/catalog?page=$page" | grep -o '"indexNumber":"[^"]*"' | cut -d'"' -f4
done | sed 's#^#/xxgk/item/#' >"$work/items"
{ echo "paths = {"; sed 's/.*/  "&",/' "$work/items"; echo "}"; echo 'i = 0'
  echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'; } >"$work/items.lua"
items() { wrk -t2 -c4 -d"${duration}s" -s "$work/items.lua" "$base" | awk '/Requests\/sec/ { print $2 }'; }

# Warm up (pages and one small audit), then the portal at rest.
wrk -t2 -c4 -d3s -s "$work/items.lua" "$base" >/dev/null
curl -s -o /dev/null -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"$sample" "$base/api/v1/audit"
sleep 5
before=$(rss)
idle_rate=$(items)

# The burst, sampled every 200 ms.
( while kill -0 $web 2>/dev/null; do rss >>"$work/samples"; echo >>"$work/samples"; sleep 0.2; done ) &
sampler=$!
for i in $(seq 1 "$count"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: text/plain; charset=utf-8' \
    --data-binary @"$work/report.txt" "$base/api/v1/audit" >"$work/audit-$i" &
done
burst_rate=$(items)
wait $(jobs -p | grep -v "^$sampler$" | grep -v "^$web$") 2>/dev/null || true
kill $sampler 2>/dev/null || true
peak=$(sort -n "$work/samples" | tail -1)
sleep 5; after5=$(rss)
sleep 25; after30=$(rss)
sleep 30; after60=$(rss)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%d MB", $2 / 1024 }' /proc/meminfo)"
echo "report: $(stat -c %s "$work/report.txt") bytes, $count concurrent audits (POST /api/v1/audit, text/plain)"
echo "audits (status seconds):"; cat "$work"/audit-* | sort | uniq -c | sed 's/^/  /'
echo "burst: $(cat "$work"/audit-* | sort -k2 -n | tail -1 | cut -d' ' -f2) s until the last answer"
echo "RSS MB: before $before, peak $peak, after 5 s $after5, after 30 s $after30, after 60 s $after60"
echo "item pages/s (wrk -t2 -c4, ${duration} s): at rest $idle_rate, during the burst $burst_rate"
