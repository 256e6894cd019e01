#!/usr/bin/env bash
# Alert rule evaluation: target/kontor.jar with N nodes that each reported once (kept ONLINE for the whole run)
# and R rules (the eight shipped ones plus bench rules), evaluated by the clustered job every 10 s; prints the
# time per cycle from the job's own timer.
#   bench/monitoring/alerts.sh [nodes] [rules] [cycles]      (defaults 1000, 10 and 12)
# Goal: <= 1 s per cycle for 1,000 nodes x 10 rules.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
nodes=${1:-1000}
rules=${2:-10}
cycles=${3:-12}
java=$(kontor_java)
jar=$(kontor_jar)
port=${PORT:-18091}
if port_taken "$port"; then echo "port $port is in use; set PORT" >&2; exit 1; fi
data="$here/.alerts-data"
password="Bench-Alerts-Pw-1"
scrape="bench-alerts-scrape-token"
rm -rf "$data"

KONTOR_DATA_DIR="$data" KONTOR_ADMIN_PASSWORD="$password" PORT=$port \
  KONTOR_MONITORING_SCRAPE_TOKEN="$scrape" KONTOR_MONITORING_ALERTS_INTERVAL=10s \
  KONTOR_MONITORING_UNREACHABLE_AFTER=2h KONTOR_MONITORING_SELF_INTERVAL=0s \
  "$java" ${JAVA_OPTS:-} -jar "$jar" > "$here/.alerts.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/login"; do
  kill -0 "$pid" 2>/dev/null || { echo "Kontor exited; see $here/.alerts.log" >&2; exit 1; }
  sleep 0.2
done
"$java" "$here/AlertBench.java" "http://127.0.0.1:$port" "$password" "$scrape" "$nodes" "$rules" "$cycles"
