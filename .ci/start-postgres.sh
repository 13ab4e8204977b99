#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 only, for the data tests, and prints the
# connection string for GONGKAI_TEST_POSTGRES. Usage: eval "$(.ci/start-postgres.sh)"; stop with the printed command.
set -euo pipefail
port=${GONGKAI_PG_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
chown postgres:postgres "$data"
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
run "'$bin/initdb' -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
run "'$bin/pg_ctl' -D '$data' -l '$data/server.log' -o \"-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=off -c full_page_writes=off -c autovacuum=off\" -w start" >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE ROLE gongkai LOGIN PASSWORD 'gongkai' CREATEDB" >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE gongkai_test OWNER gongkai" >/dev/null
echo "export GONGKAI_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=gongkai;Password=gongkai;Database=gongkai_test'"
echo "export GONGKAI_PG_STOP=\"su postgres -s /bin/bash -c '$bin/pg_ctl -D $data -m fast stop'\""
