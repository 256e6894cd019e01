#!/usr/bin/env bash
# Tally terminal API under load: NFC bookings over HTTP on loopback, spread over 1,000 accounts with one
# token each, measured with wrk against target/kontor.jar on its embedded database.
#   bench/tally/run.sh [seconds] [connections]      (defaults 30 and 16)
# Goal: >= 1,500 bookings/s with p99 <= 30 ms on 2 cores.
# Needs wrk (Debian: apt-get install wrk) and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
seconds=${1:-30}
connections=${2:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
java=$(kontor_java)
jar=$(kontor_jar)
port=${PORT:-18083}
data="$here/.data"
password="Bench-Tally-Pw-1"
rm -rf "$data"

KONTOR_DATA_DIR="$data" KONTOR_ADMIN_PASSWORD="$password" PORT=$port \
  "$java" ${JAVA_OPTS:-} -jar "$jar" > "$here/.last.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/login"; do
  kill -0 "$pid" 2>/dev/null || { echo "Kontor exited; see $here/.last.log" >&2; exit 1; }
  sleep 0.2
done
base="http://127.0.0.1:$port"
token=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/auth/token" \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

echo "seeding 1,000 persons with a token each ..."
seed_start=$(now_ms)
python3 "$here/seed.py" "$base" "$token" 1000 > "$data/tokens.txt"
echo "seeded in $(( $(now_ms) - seed_start )) ms"

cd "$here"
warmup=${WARMUP:-30}
echo "== warm-up ${warmup} s, then ${seconds} s with $connections connections =="
DATA="$data/tokens.txt" wrk -t2 -c"$connections" -d"${warmup}s" -s requests.lua "$base" > /dev/null
DATA="$data/tokens.txt" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s requests.lua "$base" | tail -n 1

db() {
  "$data/db/base/bin/mariadb" --skip-ssl --protocol=TCP -h127.0.0.1 -P"$(cat "$data/db.port")" -ukontor \
    -p"$(cat "$data/db.password")" -N kontor -e "$1"
}
echo
echo "ledger entries: $(db 'select count(*) from tally_entry')"
echo "balances consistent with the ledger: $(db 'select count(*) = 0 from tally_person p where p.balance <>
  (select coalesce(sum(amount), 0) from tally_entry e where e.person_id = p.id and e.reset_id is null)')"
