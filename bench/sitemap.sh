#!/bin/bash
# Serves every sitemap file of the catalog in ./data and reports time and the portal's peak resident memory.
# Usage: cd DIR (with ./data from `gongkai demo catalog --items N`) && MAXURLS=50000 bench/sitemap.sh
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ASPNETCORE_URLS=http://127.0.0.1:5077 SiteCheck__Scheduled=false Sitemap__MaxUrls=${MAXURLS:-50000} Site__PublicUrl=https://xxgk.qinglan.example \
  dotnet $ROOT/src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll > web.log 2>&1 &
PID=$!
until curl -sf http://127.0.0.1:5077/healthz >/dev/null; do sleep 1; done
curl -s -o /dev/null http://127.0.0.1:5077/ ; sleep 2
echo "rss after start+home: $(grep VmRSS /proc/$PID/status)"
( peak=0; while kill -0 $PID 2>/dev/null; do r=$(awk '/VmRSS/{print $2}' /proc/$PID/status); [ "$r" -gt "$peak" ] && peak=$r && echo $peak > peak.txt; sleep 0.05; done ) &
SAMPLER=$!
for run in 1 2 3; do
  s=$(date +%s.%N)
  curl -s http://127.0.0.1:5077/sitemap.xml > index.xml
  i=$(date +%s.%N)
  n=0; urls=0; bytes=0
  for loc in $(grep -o '<loc>[^<]*' index.xml | sed 's/<loc>https:\/\/xxgk.qinglan.example//'); do
    curl -s http://127.0.0.1:5077$loc > f.xml; n=$((n+1)); urls=$((urls+$(grep -c '<url>' f.xml))); bytes=$((bytes+$(stat -c %s f.xml)))
  done
  e=$(date +%s.%N)
  echo "run $run: index $(echo "$i - $s" | bc) s; $n files, $urls urls, $bytes bytes in $(echo "$e - $i" | bc) s; total $(echo "$e - $s" | bc) s; peak rss so far $(cat peak.txt) kB"
done
ls -la index.xml; grep -o '<loc>[^<]*' index.xml | head -20
kill $SAMPLER; kill $PID
