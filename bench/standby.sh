#!/usr/bin/env bash
# Checks the PostgreSQL standby set-up of deploy/postgresql/ on loopback: two clusters on one machine (primary on
# 127.0.0.1:55471, standby on 127.0.0.1:55472) with the deploy's settings file and repmgr doing what
# deploy/postgresql/standby.sh does on two servers: register the primary, clone and register the standby, stream.
# Then Gongkai's CLI migrates through a connection string naming both servers (Target Session Attributes=primary),
# the schema arrives on the standby, the primary is killed, the standby promoted, the CLI writes again through the
# same connection string (now reaching the promoted server), and the old primary rejoins as a standby (pg_rewind).
# Differences from the servers: clusters made by initdb under /tmp and run with pg_ctl instead of Debian's
# pg_createcluster/pg_ctlcluster, trust authentication on 127.0.0.1, another port for the standby.
# Usage: bench/standby.sh   (KEEP=1 keeps the work folder and logs; root; installs postgresql-15-repmgr when missing; stops and removes everything at the end)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
primary_port=${PRIMARY_PORT:-55471} standby_port=${STANDBY_PORT:-55472}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
version=$(basename "$(dirname "$bin")")
command -v repmgr >/dev/null && [ -e "/usr/lib/postgresql/$version/lib/repmgr.so" ] || {
  apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "postgresql-$version-repmgr" >/dev/null; }
for port in "$primary_port" "$standby_port"; do
  if ss -Hltn "sport = :$port" | grep -q .; then echo "Port $port is in use (PRIMARY_PORT, STANDBY_PORT)." >&2; exit 1; fi
done

work=$(mktemp -d /tmp/gongkai-standby.XXXXXX)
chown postgres:postgres "$work"
as_postgres() { su postgres -s /bin/bash -c "$*"; }
cleanup() {
  set +e
  for node in db1 db2; do [ -f "$work/$node/postmaster.pid" ] && as_postgres "$bin/pg_ctl -D $work/$node -m immediate stop" >/dev/null 2>&1; done
  if [ "${KEEP:-}" = 1 ]; then echo "Logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
step() { echo; echo "== $*"; }

# repmgr.conf of each node: the deploy's file with this machine's paths, ports and pg_ctl for the service commands.
for node in 1 2; do
  port=$([ $node = 1 ] && echo "$primary_port" || echo "$standby_port")
  sed -e "s/^node_id=1 .*/node_id=$node/" -e "s/^node_name='db1' .*/node_name='db$node'/" \
      -e "s|^conninfo=.*|conninfo='host=127.0.0.1 port=$port user=repmgr dbname=repmgr connect_timeout=2'|" \
      -e "s|^data_directory=.*|data_directory='$work/db$node'|" -e "s|^config_directory=.*|config_directory='$work/db$node'|" \
      -e "s|^pg_bindir=.*|pg_bindir='$bin'|" -e "s|^log_file=.*|log_file='$work/repmgr-db$node.log'|" \
      -e "s|^service_start_command=.*|service_start_command='$bin/pg_ctl -D $work/db$node -l $work/db$node.log -o \"-p $port\" -w start'|" \
      -e "s|^service_stop_command=.*|service_stop_command='$bin/pg_ctl -D $work/db$node -m fast -w stop'|" \
      -e "s|^service_restart_command=.*|service_restart_command='$bin/pg_ctl -D $work/db$node -l $work/db$node.log -o \"-p $port\" -m fast -w restart'|" \
      -e "s|^service_reload_command=.*|service_reload_command='$bin/pg_ctl -D $work/db$node reload'|" \
      -e "s|^service_promote_command=.*|service_promote_command='$bin/pg_ctl -D $work/db$node -w promote'|" \
      "$repo/deploy/postgresql/repmgr.conf" >"$work/repmgr-db$node.conf"
done
chown postgres:postgres "$work"/repmgr-db*.conf
repmgr1="repmgr -f $work/repmgr-db1.conf"
repmgr2="repmgr -f $work/repmgr-db2.conf"
sql() { psql -X -h 127.0.0.1 -p "$1" -U postgres -d "${3:-postgres}" -tAq -c "$2"; }

step "db1: initdb, deploy/postgresql/gongkai-replication.conf, start on 127.0.0.1:$primary_port"
as_postgres "$bin/initdb -D $work/db1 -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
cat >>"$work/db1/postgresql.conf" <<EOF
include '$repo/deploy/postgresql/gongkai-replication.conf'
# This machine: loopback only, sockets in the work folder; each server's port is given when it starts (the data
# directory, with this file, is copied from one server to the other by the clone and by pg_rewind).
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
EOF
echo "host replication repmgr 127.0.0.1/32 trust" >>"$work/db1/pg_hba.conf"
as_postgres "$bin/pg_ctl -D $work/db1 -l $work/db1.log -o '-p $primary_port' -w start" >/dev/null
for statement in "CREATE ROLE repmgr SUPERUSER LOGIN" "CREATE DATABASE repmgr OWNER repmgr" \
  "CREATE ROLE gongkai LOGIN PASSWORD 'gongkai'" "CREATE DATABASE gongkai OWNER gongkai"; do sql "$primary_port" "$statement"; done
as_postgres "$repmgr1 primary register"

step "db2: repmgr standby clone from db1, start on 127.0.0.1:$standby_port, register"
as_postgres "$repmgr2 -h 127.0.0.1 -p $primary_port -U repmgr -d repmgr standby clone" 2>&1 | grep -E "NOTICE|ERROR|HINT" | grep -v "HINT: for example" || true
as_postgres "$bin/pg_ctl -D $work/db2 -l $work/db2.log -o '-p $standby_port' -w start" >/dev/null
as_postgres "$repmgr2 standby register"
as_postgres "$repmgr1 cluster show"

step "Streaming: pg_stat_replication on db1, a write on db1 read on db2"
sql "$primary_port" "SELECT application_name, client_addr, state, sync_state FROM pg_stat_replication"
sql "$primary_port" "CREATE TABLE replication_check(at timestamptz); INSERT INTO replication_check VALUES (now())" gongkai
for _ in $(seq 1 50); do [ "$(sql "$standby_port" "SELECT count(*) FROM replication_check" gongkai 2>/dev/null)" = 1 ] && break; sleep 0.2; done
echo "db2 in recovery: $(sql "$standby_port" "SELECT pg_is_in_recovery()"), row on db2: $(sql "$standby_port" "SELECT count(*) FROM replication_check" gongkai)"
sql "$standby_port" "INSERT INTO replication_check VALUES (now())" gongkai 2>&1 | sed 's/^/write on db2: /' || true

step "Gongkai through both servers (Target Session Attributes=primary): db migrate"
dotnet build -c Release "$repo/src/Gongkai.Cli" -v q -nologo >/dev/null
export Database__Provider=Postgres DOTNET_NOLOGO=1
export ConnectionStrings__Gongkai="Host=127.0.0.1:$primary_port,127.0.0.1:$standby_port;Target Session Attributes=primary;Database=gongkai;Username=gongkai;Password=gongkai"
cli() { (cd "$work" && Search__IndexPath="$work/search" dotnet "$repo/src/Gongkai.Cli/bin/Release/net10.0/gongkai.dll" "$@"); }
cli db migrate
sleep 1
echo "migrations on db2 (standby): $(sql "$standby_port" 'SELECT count(*) FROM "__EFMigrationsHistory"' gongkai)"

step "db1 killed (immediate stop); db2 promoted with repmgr standby promote"
as_postgres "$bin/pg_ctl -D $work/db1 -m immediate stop" >/dev/null
as_postgres "$repmgr2 standby promote" 2>&1 | grep -E "NOTICE|ERROR" || true
echo "db2 in recovery: $(sql "$standby_port" "SELECT pg_is_in_recovery()")"

step "Gongkai writes through the same connection string (now db2): units import"
printf '%s\n' 'code,parent_code,full_name,short_name,kind' '11990100MB99000056,,青岚市人民政府,青岚市政府,人民政府' >"$work/unit.csv"
cli units import "$work/unit.csv"
echo "units on db2: $(sql "$standby_port" 'SELECT count(*) FROM units' gongkai)"

step "db1 rejoins as a standby of db2 (repmgr node rejoin --force-rewind)"
# pg_rewind reads the new primary's control file: a checkpoint there first, so that it names the new timeline.
sql "$standby_port" "CHECKPOINT"
as_postgres "$repmgr1 node rejoin -d 'host=127.0.0.1 port=$standby_port user=repmgr dbname=repmgr' --force-rewind" 2>&1 | grep -E "NOTICE|ERROR|WARNING" || true
for _ in $(seq 1 120); do
  [ "$(sql "$standby_port" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'" 2>/dev/null)" = 1 ] \
    && [ "$(sql "$primary_port" 'SELECT count(*) FROM units' gongkai 2>/dev/null)" = 1 ] && break
  sleep 0.5
done
as_postgres "$repmgr2 cluster show"
sql "$standby_port" "SELECT application_name, client_addr, state, sync_state FROM pg_stat_replication"
echo "db1 in recovery: $(sql "$primary_port" "SELECT pg_is_in_recovery()"), units on db1: $(sql "$primary_port" 'SELECT count(*) FROM units' gongkai)"
