#!/usr/bin/env bash
# Runs the end-to-end journeys: starts the built `boucle` (scripts/build.sh) on a free
# loopback port with a fresh SQLite database, waits until it answers, runs the
# journeys in headless Chromium, and stops the server whatever happens.
source "$(dirname "$0")/../scripts/env.sh"
cd "$ROOT/end2end"
{ [ -d node_modules/playwright-core ] && [ -d node_modules/oidc-provider ]; } || npm ci --no-audit --no-fund --loglevel=error
data_dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
mkdir -p screenshots
log_file="$data_dir/server.log"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A real OpenID Connect provider (npm oidc-provider) on loopback, as a hospital's would be.
oidc_port="$(free_port)"
oidc_secret="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OIDC_PORT="$oidc_port" OIDC_CLIENT_ID=boucle OIDC_CLIENT_SECRET="$oidc_secret" \
  OIDC_REDIRECT_URI="http://127.0.0.1:$port/connexion/oidc/e2e/retour" \
  node oidc/provider.mjs >"$data_dir/oidc.log" 2>&1 &
oidc_pid=$!
server_pid=""
cleanup() {
  kill $server_pid "$oidc_pid" 2>/dev/null || true
  wait $server_pid "$oidc_pid" 2>/dev/null || true
  rm -rf "$data_dir"
}
trap cleanup EXIT
cat >"$data_dir/oidc-providers.json" <<JSON
[{"id":"e2e","label":"Compte de l'hôpital (test)","issuer":"http://127.0.0.1:$oidc_port","client_id":"boucle","client_secret":"$oidc_secret","institution":"demo"}]
JSON
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$oidc_port/.well-known/openid-configuration" >/dev/null 2>&1 && break
  kill -0 "$oidc_pid" 2>/dev/null || { cat "$data_dir/oidc.log"; echo "the OpenID provider exited before answering" >&2; exit 1; }
  sleep 0.2
done

# Staff accounts the journeys sign in with: two by password (their invitation links are
# followed by the journeys: a professional and an admin), one known to the provider by
# its email.
export BOUCLE_ADDR="127.0.0.1:$port" BOUCLE_DATA_DIR="$data_dir" BOUCLE_SITE_ROOT="$SITE_ROOT"
export BOUCLE_OIDC_PROVIDERS="$data_dir/oidc-providers.json"
STAFF_INVITATION="$("$CARGO_TARGET_DIR/debug/boucle" admin create-user --email soignante@demo.test \
  --name "Claire Soignante" --role professional 2>>"$log_file")"
"$CARGO_TARGET_DIR/debug/boucle" admin create-user --email medecin@demo.test --name "Paul Médecin" \
  --role quality_team >/dev/null 2>>"$log_file"
ADMIN_INVITATION="$("$CARGO_TARGET_DIR/debug/boucle" admin create-user --email admin@demo.test \
  --name "Alice Admin" --role admin 2>>"$log_file")"
# The results journey: its own campaign (so other journeys' answers do not change its
# figures) and a quality-team member who reads them.
RESULTS_INVITATION="$("$CARGO_TARGET_DIR/debug/boucle" admin create-user --email analyste@demo.test \
  --name "Nadia Analyste" --role quality_team 2>>"$log_file")"
RESULTS_CAMPAIGN="$("$CARGO_TARGET_DIR/debug/boucle" campaign create --questionnaire phq-9 \
  --title "Résultats de bout en bout" --audience "Journeys" --results-on 2030-01-31 2>>"$log_file")"
# A professional who starts an improvement project.
PROJECT_INVITATION="$("$CARGO_TARGET_DIR/debug/boucle" admin create-user --email chef@demo.test \
  --name "Marc Chef de projet" --role professional 2>>"$log_file")"
# Closing the loop: a professional, a patient-partner (emailed links) and their campaign.
LOOP_INVITATION="$("$CARGO_TARGET_DIR/debug/boucle" admin create-user --email cadre@demo.test \
  --name "Inès Cadre" --role professional 2>>"$log_file")"
"$CARGO_TARGET_DIR/debug/boucle" admin create-user --email yves@demo.test --name "Yves Partenaire" \
  --role patient_partner >/dev/null 2>>"$log_file"
LOOP_CAMPAIGN="$("$CARGO_TARGET_DIR/debug/boucle" campaign create --questionnaire phq-9 \
  --title "La boucle de bout en bout" --audience "Journeys" --results-on 2030-01-31 2>>"$log_file")"
# A patient-partner without a password: signs in with links sent by email.
"$CARGO_TARGET_DIR/debug/boucle" admin create-user --email partenaire@demo.test --name "Léa Partenaire" \
  --role patient_partner >/dev/null 2>>"$log_file"
"$CARGO_TARGET_DIR/debug/boucle" >>"$log_file" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log_file"; echo "boucle exited before answering" >&2; exit 1; }
  sleep 0.2
done
status=0
BOUCLE_URL="http://127.0.0.1:$port" OIDC_URL="http://127.0.0.1:$oidc_port" STAFF_INVITATION="$STAFF_INVITATION" \
  ADMIN_INVITATION="$ADMIN_INVITATION" RESULTS_INVITATION="$RESULTS_INVITATION" RESULTS_CAMPAIGN="$RESULTS_CAMPAIGN" \
  MAIL_DIR="$data_dir/mail" PROJECT_INVITATION="$PROJECT_INVITATION" \
  LOOP_INVITATION="$LOOP_INVITATION" LOOP_CAMPAIGN="$LOOP_CAMPAIGN" \
  node --test --test-concurrency=1 ${E2E_TESTS:-tests/} || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log ---"; tail -50 "$log_file"
  echo "--- OpenID provider log ---"; tail -30 "$data_dir/oidc.log"
fi
exit "$status"
