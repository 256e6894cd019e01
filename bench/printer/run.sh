#!/usr/bin/env bash
# Plug polling and switching: 200 emulated P110 plugs polled like Kontor's poll job (device info and
# energy, 32 at a time), wall and CPU time per full poll; switching latency including a fresh handshake.
#   bench/printer/run.sh [plugs] [rounds]      (defaults 200 and 10)
# Goals: a full poll of 200 plugs <= 5 s; a switch <= 50 ms on loopback.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/../lib.sh"
java=$(kontor_java)
cd "$root"
if [ ! -f target/classes/de/kontor/printer/plug/PlugClient.class ]; then
  ./mvnw -B -q compile
fi
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
"$java" -cp "target/classes:$cp" "$here/PlugBench.java" "${1:-200}" "${2:-10}"
