#!/usr/bin/env bash
# License server under load: verify and heartbeat throughput and latency with 10,000 licenses, each
# activated on its own machine, measured with wrk over loopback against target/kontor.jar.
#   bench/license/run.sh [seconds per run] [connections]      (defaults 30 and 16)
# Goals: verify >= 3,000 req/s with p99 <= 25 ms; heartbeat >= 2,000 req/s; on 2 cores.
# Needs wrk (Debian: apt-get install wrk) and python3. The client API's rate limit is raised for the run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
seconds=${1:-30}
connections=${2:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
java=$(kontor_java)
jar=$(kontor_jar)
port=${PORT:-18082}
data="$here/.data"
password="Bench-License-Pw-1"
# REUSE=1 starts on the data folder of a previous KEEP=1 run instead of seeding again.
[ -n "${REUSE:-}" ] && [ -f "$data/requests.txt" ] || { REUSE=""; rm -rf "$data"; }

KONTOR_DATA_DIR="$data" KONTOR_ADMIN_PASSWORD="$password" PORT=$port \
  KONTOR_LICENSE_RATE_LIMIT_ADDRESS=1000000000 KONTOR_LICENSE_RATE_LIMIT_KEY=1000000000 \
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

if [ -z "${REUSE:-}" ]; then
  echo "seeding 10,000 licenses and activating each on its own machine ..."
  seed_start=$(now_ms)
  python3 "$here/seed.py" "$base" "$token" 10000 > "$data/requests.txt.new"
  mv "$data/requests.txt.new" "$data/requests.txt"
  echo "seeded in $(( $(now_ms) - seed_start )) ms"
fi

cd "$here"
for mode in ${MODES:-verify heartbeat}; do
  echo
  # The first minute on a fresh JVM is JIT compilation and first-time lease signing; measure after it.
  warmup=15; [ "$mode" = verify ] && warmup=${WARMUP:-60}
  echo "== $mode: warm-up ${warmup} s, then ${seconds} s with $connections connections =="
  MODE=$mode DATA="$data/requests.txt" wrk -t2 -c"$connections" -d"${warmup}s" -s requests.lua "$base" > /dev/null
  MODE=$mode DATA="$data/requests.txt" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s requests.lua "$base" \
    | tail -n 1
done
echo
echo "heartbeat rows stored: $("$data/db/base/bin/mariadb" --skip-ssl --protocol=TCP -h127.0.0.1 \
  -P"$(cat "$data/db.port")" -ukontor -p"$(cat "$data/db.password")" -N kontor \
  -e 'select count(*) from license_heartbeat')"
