#!/usr/bin/env bash
# Portal throughput under load (wrk, loopback): item pages, catalog list pages, search pages, and a static file for scale.
# Public pages are served from the page cache after their first request (PageCache:Enabled, default true); run with
# PAGECACHE=false to measure every request rendered from the database.
# Usage: bench/load.sh DIR   — DIR holds data/ (e.g. after `gongkai demo catalog --items 1000000` run in DIR).
# Needs wrk (apt-get install wrk). Prints wrk's summary (requests/s, latency percentiles) for each target.
set -euo pipefail
dir=$(cd "${1:?usage: bench/load.sh DIR}" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-5080}
base="http://127.0.0.1:$port"
duration=${DURATION:-20s}

dotnet build -c Release "$repo/src/Gongkai.Web" -v q -nologo >/dev/null
cd "$dir"
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning PageCache__Enabled=${PAGECACHE:-true} \
  dotnet "$repo/src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll" --urls "$base" >"$dir/load-web.log" 2>&1 &
web=$!
trap 'kill $web 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done
rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$web/status"; }   # the portal's resident memory, MB
echo "== resident memory after start: $(rss) MB"

# 200 real items (index numbers from the API) and 200 searches made of their titles' words.
paths=$(mktemp -d)
for page in 1 3 7 15 31 63 127 255 511 1023; do
  curl -fs "$base/api/v1/catalog?page=$page" | grep -o '"indexNumber":"[^"]*"' | cut -d'"' -f4
done | head -200 >"$paths/items"
for page in 1 3 7 15 31; do
  curl -fs "$base/api/v1/catalog?page=$page" | grep -o '"title":"[^"]*"' | cut -d'"' -f4
done | python3 -c '
import sys, random, urllib.parse
random.seed(7)
for title in sys.stdin.read().split("\n"):
    han = [c for c in title if "\u4e00" <= c <= "\u9fff"]
    if len(han) < 6: continue
    i = random.randrange(len(han) - 4); n = random.choice([2, 3, 4])
    print("/search?q=" + urllib.parse.quote("".join(han[i:i+n])))
' | head -200 >"$paths/searches"

# wrk against the portal, its summary, and the portal's peak resident memory meanwhile (sampled every 200 ms).
load() {
  wrk -t2 -c32 -d"$duration" --latency "$@" >"$paths/wrk.out" & local w=$! peak=0 r
  while kill -0 $w 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.2; done
  wait $w; grep -E "Requests/sec|Latency|99%|50%|Non-2xx" "$paths/wrk.out"; echo "  resident memory: peak $peak MB, after $(rss) MB"
}

# Each path requested once in turn before the timed run: the mean time of a page rendered from the database (with the
# page cache on, what a page costs once after each change to what it shows); the timed run is then the steady state.
cold() {
  local start end n
  n=$(wc -l <"$1"); start=$(date +%s%N)
  while read -r path; do curl -s -o /dev/null "$base$path"; done <"$1"
  end=$(date +%s%N); echo "  first request of each: mean $(( (end - start) / n / 1000000 )) ms"
}

script() {   # a wrk script requesting the given paths in turn
  { echo "paths = {"; sed 's/.*/  "&",/' "$1"; echo "}"; echo 'i = 0'
    echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'; } >"$2"
}
sed 's#^#/xxgk/item/#' "$paths/items" >"$paths/item-paths"
# 100 catalog list pages: the first 40 pages of the whole catalog, then each year's and each 体裁's first pages.
{ for page in $(seq 1 40); do echo "/xxgk?page=$page"; done
  for year in 2022 2023 2024 2025 2026; do for page in 1 2 3 4 5 6; do echo "/xxgk?year=$year&page=$page"; done; done
  for genre in Notice NormativeDocument Plan Interpretation Report Announcement; do for page in 1 2 3 4 5; do echo "/xxgk?genre=$genre&page=$page"; done; done
} | head -100 >"$paths/list-paths"
script "$paths/list-paths" "$paths/lists.lua"
script "$paths/item-paths" "$paths/items.lua"
script "$paths/searches" "$paths/search.lua"

wrk -t2 -c32 -d5s "$base/site.css" >/dev/null   # warm-up: .NET recompiles the hot path at its final tier
echo "== static file /site.css"
load "$base/site.css"
echo "== item pages ($(wc -l <"$paths/item-paths") different items)"
cold "$paths/item-paths"; load -s "$paths/items.lua" "$base"
echo "== catalog list pages ($(wc -l <"$paths/list-paths") different lists)"
cold "$paths/list-paths"; load -s "$paths/lists.lua" "$base"
echo "== search pages ($(wc -l <"$paths/searches") different queries)"
cold "$paths/searches"; load -s "$paths/search.lua" "$base"
sleep 30
echo "== resident memory 30 s after the load: $(rss) MB"
