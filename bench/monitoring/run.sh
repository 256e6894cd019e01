#!/usr/bin/env bash
# Monitoring under load: simulated agents posting every 15 s to target/kontor.jar over loopback (ingest
# latency, Kontor's and MariaDB's CPU share, rollup job time, a node's 24 h chart query), then the real
# agent (target/kontor-agent.jar) with a small heap: its resident memory and CPU time per interval.
#   bench/monitoring/run.sh [agents] [seconds] [agent seconds]      (defaults 1000, 180 and 120)
# Goals: ingest p99 <= 50 ms with 1,000 agents; a 24 h chart query <= 100 ms.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/../lib.sh"
agents=${1:-1000}
seconds=${2:-180}
agent_seconds=${3:-120}
java=$(kontor_java)
jar=$(kontor_jar)
[ -f "$root/target/kontor-agent.jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
port=${PORT:-18090}
data="$here/.data"
password="Bench-Monitoring-Pw-1"
rm -rf "$data"

KONTOR_DATA_DIR="$data" KONTOR_ADMIN_PASSWORD="$password" PORT=$port \
  "$java" ${JAVA_OPTS:-} -jar "$jar" > "$here/.last.log" 2>&1 &
pid=$!
agent_pid=""
trap 'kill $pid $agent_pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/login"; do
  kill -0 "$pid" 2>/dev/null || { echo "Kontor exited; see $here/.last.log" >&2; exit 1; }
  sleep 0.2
done
mariadb_pid=$(pgrep -f "mariadbd.*$data" | head -n 1 || echo 0)
base="http://127.0.0.1:$port"

echo "== $agents simulated agents, every 15 s, for $seconds s =="
"$java" -DagentTokenFile="$data/agent.token" "$here/LoadGenerator.java" "$base" "$password" "$agents" "$seconds" \
  "$pid" "${mariadb_pid:-0}"

echo
echo "== the agent: -Xmx32m, interval 15 s, for $agent_seconds s =="
"$java" -Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$root/target/kontor-agent.jar" \
  --server "$base" --token "$(cat "$data/agent.token")" --interval 15s --docker-socket none \
  > "$here/.agent.log" 2>&1 &
agent_pid=$!
sleep 20
ticks_start=$(awk '{print $14+$15}' "/proc/$agent_pid/stat")
sleep "$agent_seconds"
ticks_end=$(awk '{print $14+$15}' "/proc/$agent_pid/stat")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$agent_pid/status")
intervals=$(( agent_seconds / 15 ))
echo "agent RSS: $(( rss / 1024 )) MB; CPU: $(( (ticks_end - ticks_start) * 10 )) ms in $agent_seconds s" \
  "= $(( (ticks_end - ticks_start) * 10 / intervals )) ms per 15 s interval (after a 20 s start)"
kill $agent_pid
