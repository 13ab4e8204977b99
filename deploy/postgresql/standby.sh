#!/bin/sh
# PostgreSQL primary and standby for Gongkai with repmgr (Debian 12: postgresql-15, postgresql-15-repmgr), step by step.
# Run as root on each database server, in this order:
#   db1:  deploy/postgresql/standby.sh primary            the primary: settings, users, databases, repmgr registration
#   db2:  deploy/postgresql/standby.sh standby db1.internal    clones db1 and follows it (streaming replication)
#   any:  deploy/postgresql/standby.sh status             both servers, their roles and the standby's lag
# When the primary is lost (see README "Running several nodes"):
#   db2:  deploy/postgresql/standby.sh promote            db2 becomes the primary; the web nodes find it by themselves
#   db1:  deploy/postgresql/standby.sh rejoin db2.internal     once repaired, the old primary follows the new one
# Before: edit repmgr.conf (node_id, node_name, conninfo per server) and pg_hba-gongkai.conf (addresses) in this folder.
# Passwords come from the environment: REPMGR_PASSWORD (both servers, the same) and GONGKAI_DB_PASSWORD (primary).
# bench/standby.sh runs the same repmgr steps on loopback (two clusters, one machine) to check them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
version=15
conf=/etc/postgresql/$version/main
as_postgres() { su postgres -s /bin/sh -c "$*"; }
repmgr_as_postgres() { as_postgres "repmgr -f /etc/repmgr.conf $*"; }

install_common() {
    # 1. Packages, the shared settings, the client addresses, repmgr's configuration and its password.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-$version postgresql-$version-repmgr sudo
    install -o postgres -g postgres -m 0644 "$here/gongkai-replication.conf" "$conf/conf.d/gongkai-replication.conf"
    grep -q "gongkai-replication" "$conf/pg_hba.conf" || {
        sed -n '/^# TYPE/,$p' "$here/pg_hba-gongkai.conf" | sed '1s/.*/# gongkai-replication (deploy\/postgresql\/pg_hba-gongkai.conf)/' >"$conf/pg_hba.conf.gongkai"
        cat "$conf/pg_hba.conf" >>"$conf/pg_hba.conf.gongkai"
        mv "$conf/pg_hba.conf.gongkai" "$conf/pg_hba.conf"
        chown postgres:postgres "$conf/pg_hba.conf"; chmod 0640 "$conf/pg_hba.conf"
    }
    install -o postgres -g postgres -m 0640 "$here/repmgr.conf" /etc/repmgr.conf
    : "${REPMGR_PASSWORD:?set REPMGR_PASSWORD (the same on both servers)}"
    pgpass=/var/lib/postgresql/.pgpass
    printf '*:*:repmgr:repmgr:%s\n*:*:replication:repmgr:%s\n' "$REPMGR_PASSWORD" "$REPMGR_PASSWORD" >"$pgpass"
    chown postgres:postgres "$pgpass"; chmod 0600 "$pgpass"
    # repmgr runs as postgres and starts, stops and restarts the cluster through Debian's pg_ctlcluster.
    printf 'postgres ALL = NOPASSWD: /usr/bin/pg_ctlcluster %s main start, /usr/bin/pg_ctlcluster %s main stop, /usr/bin/pg_ctlcluster %s main restart, /usr/bin/pg_ctlcluster %s main reload\n' \
        $version $version $version $version >/etc/sudoers.d/repmgr-postgres
    chmod 0440 /etc/sudoers.d/repmgr-postgres
}

case "${1:-}" in
primary)
    install_common
    : "${GONGKAI_DB_PASSWORD:?set GONGKAI_DB_PASSWORD (the gongkai user in ConnectionStrings__Gongkai)}"
    # 2. Restart for wal_level and shared_preload_libraries, then the users and databases.
    pg_ctlcluster $version main restart
    as_postgres "psql -q -v ON_ERROR_STOP=1" <<EOF
SELECT 'CREATE ROLE repmgr SUPERUSER LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'repmgr') \gexec
ALTER ROLE repmgr PASSWORD '$REPMGR_PASSWORD';
SELECT 'CREATE DATABASE repmgr OWNER repmgr' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'repmgr') \gexec
SELECT 'CREATE ROLE gongkai LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gongkai') \gexec
ALTER ROLE gongkai PASSWORD '$GONGKAI_DB_PASSWORD';
SELECT 'CREATE DATABASE gongkai OWNER gongkai ENCODING ''UTF8'' TEMPLATE template0' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'gongkai') \gexec
EOF
    # 3. Register as the primary (repmgr's own schema in the repmgr database, replicated with the rest).
    repmgr_as_postgres "primary register --force"
    repmgr_as_postgres "cluster show"
    echo "Next: on the web nodes' machine, gongkai db migrate; on db2: standby.sh standby $(hostname -f)"
    ;;
standby)
    upstream=${2:?usage: standby.sh standby PRIMARY_HOST}
    install_common
    # 2. The standby's data directory is a copy of the primary's: stop the empty cluster Debian created, clone.
    pg_ctlcluster $version main stop || true
    as_postgres "repmgr -f /etc/repmgr.conf -h $upstream -U repmgr -d repmgr standby clone --dry-run"
    rm -rf "/var/lib/postgresql/$version/main"
    as_postgres "repmgr -f /etc/repmgr.conf -h $upstream -U repmgr -d repmgr standby clone"
    # 3. Start it (it connects to the primary and streams) and register it.
    pg_ctlcluster $version main start
    repmgr_as_postgres "standby register --force"
    repmgr_as_postgres "cluster show"
    ;;
status)
    repmgr_as_postgres "cluster show"
    repmgr_as_postgres "node check" || true
    as_postgres "psql -X -c \"SELECT client_addr, state, sync_state, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) AS behind FROM pg_stat_replication\"" 2>/dev/null || true
    ;;
promote)
    # Only once the old primary is surely down (switched off or its PostgreSQL stopped): two primaries would split
    # the data. A planned change of roles with both up: repmgr standby switchover (run on the standby).
    repmgr_as_postgres "standby promote"
    repmgr_as_postgres "cluster show"
    ;;
rejoin)
    upstream=${2:?usage: standby.sh rejoin NEW_PRIMARY_HOST}
    # The old primary, stopped, becomes a standby of the new one; pg_rewind takes back what it wrote after the split.
    pg_ctlcluster $version main stop || true
    # pg_rewind reads the new primary's control file: a checkpoint there first, so that it names the new timeline
    # (right after a promotion it may not yet, and the rejoined server would then wait on the old timeline for ever).
    as_postgres "psql -X -h $upstream -U repmgr -d repmgr -c CHECKPOINT"
    repmgr_as_postgres "node rejoin -d 'host=$upstream user=repmgr dbname=repmgr' --force-rewind --verbose"
    repmgr_as_postgres "cluster show"
    ;;
*)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 1
    ;;
esac
