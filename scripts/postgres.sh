#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with a role that may create
# test databases, and prints the admin URL the tests use (one fresh database per test).
# Starts Debian's cluster if none answers. The role's password is random, made once and
# kept in the cache folder, so concurrent runs on one machine agree on it.
source "$(dirname "$0")/env.sh"
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
    log "creating a PostgreSQL $version cluster"
    pg_createcluster "$version" main >/dev/null
  fi
  cluster="$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')"
  log "starting PostgreSQL cluster $cluster"
  # shellcheck disable=SC2086
  pg_ctlcluster $cluster start >&2
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
fi
password_file="$BOUCLE_CACHE/postgres-test-password"
if [ ! -s "$password_file" ]; then
  mkdir -p "$BOUCLE_CACHE"
  (umask 077; head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$password_file")
fi
password="$(cat "$password_file")"
su postgres -c "psql -q -v ON_ERROR_STOP=1" >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'boucle_test') THEN
    CREATE ROLE boucle_test LOGIN CREATEDB;
  END IF;
END \$\$;
ALTER ROLE boucle_test PASSWORD '$password';
SQL
echo "postgres://boucle_test:$password@127.0.0.1:5432/postgres"
