#!/bin/sh
# Nightly backup of Gongkai (run by deploy/systemd/gongkai-backup.timer, or by hand):
# `gongkai db backup` writes one file, gongkai-YYYYmmdd-HHMMSS.zip, into the backup folder (the database with its
# attachments, and the configuration without secrets); then backups older than the kept days are removed.
# The CLI reads the same configuration as the portal: gongkai.json in the working directory, then the environment
# (Database__Provider, ConnectionStrings__Gongkai). PostgreSQL needs pg_dump (Debian: postgresql-client).
#
#   GONGKAI_CLI               the published CLI                    (default /opt/gongkai/cli/gongkai)
#   GONGKAI_BACKUP_DIR        where the backups go                 (default /var/backups/gongkai)
#   GONGKAI_BACKUP_KEEP_DAYS  how many days of backups to keep     (default 14)
set -eu

cli="${GONGKAI_CLI:-/opt/gongkai/cli/gongkai}"
dir="${GONGKAI_BACKUP_DIR:-/var/backups/gongkai}"
keep="${GONGKAI_BACKUP_KEEP_DAYS:-14}"

case "$keep" in
    ''|*[!0-9]*|0) echo "GONGKAI_BACKUP_KEEP_DAYS 应为正整数（现为“$keep”）。" >&2; exit 1 ;;
esac

# A backup holds applicants' personal data: readable by the service account only.
umask 077
mkdir -p "$dir"
file="$dir/gongkai-$(date +%Y%m%d-%H%M%S).zip"

# The file appears under its name only once complete; on failure the script stops here and prunes nothing.
"$cli" db backup --out "$file"

# Keep $keep days: a file of age 0 … keep-1 days stays (find -mtime counts whole days).
find "$dir" -maxdepth 1 -type f -name 'gongkai-*.zip' -mtime +"$((keep - 1))" -print -exec rm -f {} +
# The work folder of a backup that was killed (.gongkai-….zip.<id>), once a day old.
find "$dir" -maxdepth 1 -type d -name '.gongkai-*' -mtime +0 -exec rm -rf {} +
