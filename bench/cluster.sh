#!/usr/bin/env bash
# Two web nodes behind nginx over one PostgreSQL, all on loopback, as deploy/ sets them up: wrk through nginx for
# 60 s against item pages (/xxgk/item/{索引号}) and search pages (/search?q=), one node killed (kill -9) at 30 s.
# Prints requests/s, latency, errors (wrk's socket errors and non-2xx/3xx answers) and, from nginx's access log,
# the requests before and after the kill and those nginx passed on to the other node.
# Usage: bench/cluster.sh   Settings (environment): ITEMS=20000 demo items besides the seed's 3,000, DURATION=60,
# KILL_AT=30 (seconds), CONNECTIONS=32, THREADS=2, PORT=5080 (nginx), NODES="5001 5002", PG_PORT=55462,
# KEEP=1 keeps the work folder (logs) under /tmp. Installs nginx, wrk and PostgreSQL when missing (Debian, root).
# Everything listens on 127.0.0.1 only and is stopped at the end; the system's nginx and PostgreSQL are not touched.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
items=${ITEMS:-20000} duration=${DURATION:-60} kill_at=${KILL_AT:-30}
connections=${CONNECTIONS:-32} threads=${THREADS:-2} proxy_port=${PORT:-5080} pg_port=${PG_PORT:-55462}
read -r -a nodes <<<"${NODES:-5001 5002}"
[ "${#nodes[@]}" = 2 ] || { echo "NODES: two ports" >&2; exit 1; }

missing=()
command -v nginx >/dev/null || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v psql >/dev/null || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for port in "$proxy_port" "${nodes[@]}" "$pg_port"; do
  if ss -Hltn "sport = :$port" | grep -q .; then echo "Port $port is in use; choose others (PORT, NODES, PG_PORT)." >&2; exit 1; fi
done

work=$(mktemp -d /tmp/gongkai-cluster.XXXXXX)
chmod 755 "$work"   # nginx's workers (nobody) read and write under it
declare -A node_pid=()
cleanup() {
  set +e
  [ -n "${nginx_pid:-}" ] && kill "$nginx_pid" 2>/dev/null
  for pid in "${node_pid[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  for pid in "${node_pid[@]}"; do   # at most 20 s for a node to stop, then kill -9
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null
  done
  [ -n "${GONGKAI_PG_STOP:-}" ] && eval "$GONGKAI_PG_STOP" >/dev/null 2>&1
  if [ "${KEEP:-}" = 1 ]; then echo "Logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== building (Release)"
dotnet build -c Release "$repo/src/Gongkai.Web" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet build -c Release "$repo/src/Gongkai.Cli" -v q -nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

echo "== PostgreSQL on 127.0.0.1:$pg_port"
eval "$(GONGKAI_PG_PORT=$pg_port "$repo/.ci/start-postgres.sh")"
export Database__Provider=Postgres
export ConnectionStrings__Gongkai="$GONGKAI_TEST_POSTGRES;Maximum Pool Size=40"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
sql() { psql "postgresql://gongkai:gongkai@127.0.0.1:$pg_port/gongkai_test" -tAq -c "$1"; }

echo "== db migrate, demo seed, demo catalog --items $items"
mkdir -p "$work/cli"
cli() { (cd "$work/cli" && Search__IndexPath="$work/cli/search" dotnet "$repo/src/Gongkai.Cli/bin/Release/net10.0/gongkai.dll" "$@"); }
cli db migrate
cli demo seed
[ "$items" -gt 0 ] && cli demo catalog --items "$items" 2>&1 | tr "\r" "\n" | tail -n 1

echo "== nodes on ${nodes[*]}"
for port in "${nodes[@]}"; do
  mkdir -p "$work/node-$port"
  (cd "$work/node-$port" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Search__IndexPath="$work/node-$port/search" Search__NodeName="bench-$port" ForwardedHeaders__KnownProxies__0=127.0.0.1 \
    dotnet "$repo/src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll" --urls "http://127.0.0.1:$port" >"$work/node-$port.log" 2>&1) &
  node_pid[$port]=$!
  disown "$!"   # killed on purpose below: no job report from bash
done

echo "== nginx on 127.0.0.1:$proxy_port (config from deploy/nginx)"
mkdir -p "$work/nginx/tmp"
# The deploy site's upstream (its ports replaced by NODES) and log format, the snippet with the repo's wwwroot.
awk '/^log_format gongkai/,/;$/ { print } /^upstream gongkai/,/^}/ { print }' "$repo/deploy/nginx/gongkai.conf" \
  | sed "s/127\.0\.0\.1:5001/127.0.0.1:${nodes[0]}/; s/127\.0\.0\.1:5002/127.0.0.1:${nodes[1]}/" >"$work/nginx/site.conf"
sed "s#/opt/gongkai/web/wwwroot#$repo/src/Gongkai.Web/wwwroot#" "$repo/deploy/nginx/gongkai-proxy.conf" >"$work/nginx/gongkai-proxy.conf"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    gzip on;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    include $work/nginx/site.conf;
    log_format bench '\$msec|\$status|\$upstream_addr|\$upstream_status|\$request_time|\$request_uri';
    server {
        listen 127.0.0.1:$proxy_port;
        server_name localhost;
        access_log $work/nginx/access.log bench;
        include $work/nginx/gongkai-proxy.conf;
    }
}
EOF
nginx -t -q -p "$work/nginx/" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf"
nginx -p "$work/nginx/" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
base="http://127.0.0.1:$proxy_port"

echo "== waiting for both nodes: /healthz, search answering, index past the whole change log"
ready() {
  for port in "${nodes[@]}"; do
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" || return 1
    curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/catalog/search?q=%E9%9D%92%E5%B2%9A" || return 1
  done
  [ "$(sql "SELECT count(*) FROM search_nodes WHERE \"Name\" LIKE 'bench-%' AND \"Position\" >= (SELECT coalesce(max(\"Id\"), 0) FROM search_changes)")" = 2 ]
}
started=$SECONDS
until ready; do
  for port in "${nodes[@]}"; do
    kill -0 "${node_pid[$port]}" 2>/dev/null || { echo "node $port stopped:"; tail -n 20 "$work/node-$port.log"; exit 1; }
  done
  [ $((SECONDS - started)) -lt 600 ] || { echo "nodes not ready after 600 s" >&2; exit 1; }
  sleep 2
done
echo "   ready after $((SECONDS - started)) s; $(sql "SELECT count(*) FROM catalog_items WHERE \"State\" = 'Published'" 2>/dev/null || echo '?') published items"

# 200 real items (index numbers from the API) and 200 searches made of their titles' words, as bench/load.sh.
pages=$(( (items + 3000) / 20 ))
for page in $(python3 -c "import random; random.seed(11); print(*sorted(random.sample(range(1, $pages + 1), min(40, $pages))))"); do
  curl -fs "$base/api/v1/catalog?page=$page" | grep -o '"indexNumber":"[^"]*"' | cut -d'"' -f4 | head -5
done | python3 -c 'import sys, urllib.parse; [print("/xxgk/item/" + urllib.parse.quote(l.strip())) for l in sys.stdin if l.strip()]' | head -200 >"$work/items"
for page in 1 3 7 15 31 63 127; do
  curl -fs "$base/api/v1/catalog?page=$page" | grep -o '"title":"[^"]*"' | cut -d'"' -f4
done | python3 -c '
import sys, random, urllib.parse
random.seed(7)
for title in sys.stdin.read().split("\n"):
    han = [c for c in title if "\u4e00" <= c <= "\u9fff"]
    if len(han) < 6: continue
    i = random.randrange(len(han) - 4); n = random.choice([2, 3, 4])
    print("/search?q=" + urllib.parse.quote("".join(han[i:i+n])))
' | head -200 >"$work/searches"
{ echo "paths = {"; cat "$work/items" "$work/searches" | sed 's/.*/  "&",/'; echo "}"
  echo 'function init(args) math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1e6)) end'
  echo 'function request() return wrk.format("GET", paths[math.random(#paths)]) end'; } >"$work/mix.lua"
echo "   $(wc -l <"$work/items") item pages, $(wc -l <"$work/searches") search pages, picked at random"

echo "== warm-up: 10 s"
wrk -t"$threads" -c"$connections" -d10s -s "$work/mix.lua" "$base" >/dev/null
sleep 1; : >"$work/nginx/access.log"   # the measured run's log only (nginx appends)

echo "== wrk: $duration s, $threads threads, $connections connections; kill -9 of node ${nodes[0]} at $kill_at s"
victim=${node_pid[${nodes[0]}]}
( sleep "$kill_at"; date +%s.%N >"$work/killed-at"; kill -9 "$victim" ) &
killer=$!
run_started=$(date +%s.%N)
wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s --latency -s "$work/mix.lua" "$base" | tee "$work/wrk.txt"
wait "$killer" || true
kill -0 "$victim" 2>/dev/null && { echo "node ${nodes[0]} was not killed" >&2; exit 1; }
unset "node_pid[${nodes[0]}]"
sleep 1

echo "== from nginx's access log"
python3 - "$work/nginx/access.log" "$run_started" "$(cat "$work/killed-at")" "${nodes[0]}" "$duration" <<'EOF'
import sys, collections
log, start, killed, victim, duration = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], float(sys.argv[5])
rows = []
for line in open(log, encoding="utf-8"):
    msec, status, upstream, upstream_status, rt, uri = line.rstrip("\n").split("|", 5)
    rows.append((float(msec), int(status), upstream, upstream_status, float(rt), uri))
# 499: wrk closed the connection, either at the run's end (requests cut short, not failures) or after its timeout.
cut = [r for r in rows if r[1] == 499 and r[0] >= start + duration - 0.5]
rows = [r for r in rows if r not in cut and r[0] >= start]   # (and none of the warm-up's)
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000 if values else 0
def failed(part):
    return [r for r in part if r[1] >= 400]
for name, part, seconds in (("before the kill", [r for r in rows if r[0] < killed], killed - start),
                            ("after the kill", [r for r in rows if r[0] >= killed], start + duration - killed)):
    statuses = collections.Counter(r[1] for r in part)
    print(f"{name:16} {len(part):6} requests, {len(part) / seconds:6.1f}/s, p50 {pct([r[4] for r in part], .5):5.0f} ms, "
          f"p99 {pct([r[4] for r in part], .99):5.0f} ms, statuses {dict(sorted(statuses.items()))}, failed {len(failed(part))}")
second = collections.Counter(int(r[0] - killed + 100) - 100 for r in rows)
print("requests per second around the kill (s from the kill: count): "
      + ", ".join(f"{s:+d}: {second[s]}" for s in range(-3, 4)))
passed_on = [r for r in rows if "," in r[2]]
print(f"passed on to the other node: {len(passed_on)} (upstream statuses {dict(collections.Counter(r[3] for r in passed_on))}, "
      f"final statuses {dict(collections.Counter(r[1] for r in passed_on))})")
for r in failed(rows)[:10]:
    print(f"  failed: {r[0] - killed:+.3f} s from the kill, {r[1]} via {r[2]} ({r[3]}) {r[5]}")
print(f"failed requests in all: {len(failed(rows))}; cut short by wrk's stop at the end: {len(cut)}")
served = collections.Counter(r[2].split(", ")[-1] for r in rows if r[0] >= killed + 1)
print(f"answered from 1 s after the kill by: {dict(served)} (node {victim} killed)")
EOF
