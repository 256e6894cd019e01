#!/usr/bin/env bash
# Customer module with 100,000 customers: latency of the first grid page and of searches (through the
# REST API, which calls the same service methods as the grid), and the XLSX export of all rows (time and
# peak heap) with Kontor running in a 256 MB heap.
#   bench/customer/run.sh [repetitions]     (default 20)
# Goals: first page and search <= 100 ms; export of 100k rows <= 10 s within a 256 MB heap.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
reps=${1:-20}
java=$(kontor_java)
jar=$(kontor_jar)
port=${PORT:-18081}
data="$here/.data"
password="Bench-Customer-Pw-1"
rm -rf "$data"

port_taken "$port" && { echo "port $port is in use; set PORT to a free one" >&2; exit 1; }

KONTOR_DATA_DIR="$data" KONTOR_ADMIN_PASSWORD="$password" PORT=$port \
  "$java" -Xmx256m -jar "$jar" > "$here/.last.log" 2>&1 &
pid=$!
# Kontor killed by this trap ends with 143: that is no failure of the bench, and the data must go anyway.
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/login"; do
  kill -0 "$pid" 2>/dev/null || { echo "Kontor exited; see $here/.last.log" >&2; exit 1; }
  sleep 0.2
done

echo "seeding 100,000 customers ..."
seed_start=$(now_ms)
"$data/db/base/bin/mariadb" --skip-ssl --protocol=TCP -h127.0.0.1 -P"$(cat "$data/db.port")" -ukontor \
  -p"$(cat "$data/db.password")" kontor < "$here/seed.sql" > /dev/null
echo "seeded in $(( $(now_ms) - seed_start )) ms"

token=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/auth/token" \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
api="http://127.0.0.1:$port/api/customers"

# Prints p50 / p95 / max of the request time in ms over $reps runs, after 3 warm-up runs.
measure() {
  local label=$1 url=$2
  for _ in 1 2 3; do curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url"; done
  for _ in $(seq 1 "$reps"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"
  done | awk '{print $1 * 1000}' | sort -n | awk -v label="$label" '
    { v[NR] = $1 }
    END { printf "%-38s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms\n", label, v[int(NR*0.5)+1], v[int(NR*0.95)], v[NR] }'
}

echo
echo "== grid queries (page of 50 + total count, as the grid loads them) =="
measure "first page, sorted by name"        "$api?size=50"
measure "page 1000 of 2000, sorted by city"  "$api?size=50&page=1000&sort=city,asc"
measure "search 'müller' (≈8,300 hits)"      "$api?size=50&q=m%C3%BCller"
measure "search 'muller robotik' (accents)"  "$api?size=50&q=muller%20robotik"
measure "search e-mail 'kontakt4711@'"       "$api?size=50&q=kontakt4711%40"
measure "search number 'K-054321'"           "$api?size=50&q=K-054321"
measure "search without hits 'zzzz'"         "$api?size=50&q=zzzz"
measure "tag filter 'Schule'"                "$api?size=50&tag=Schule"

echo
echo "== XLSX export of all 100,000 customers (Kontor runs with -Xmx256m) =="
peak_file=$(mktemp)
( max=0
  while kill -0 "$pid" 2>/dev/null; do
    used=$(curl -fs -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port/actuator/metrics/jvm.memory.used?tag=area:heap" \
      | sed -n 's/.*"value":\([0-9.E+]*\).*/\1/p' | awk '{printf "%d", $1 / 1048576}')
    [ -n "$used" ] && [ "$used" -gt "$max" ] && max=$used && echo "$max" > "$peak_file"
    sleep 0.1
  done ) &
sampler=$!
export_start=$(now_ms)
bytes=$(curl -fs -o "$here/.export.xlsx" -w '%{size_download}' -H "Authorization: Bearer $token" "$api/export?format=xlsx")
export_ms=$(( $(now_ms) - export_start ))
kill $sampler 2>/dev/null || true
rows=$(unzip -p "$here/.export.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l)
echo "export: ${export_ms} ms, $(( bytes / 1024 )) KiB, $(( rows - 1 )) data rows, peak heap used ≈ $(cat "$peak_file") MB (of 256)"
grep -q OutOfMemoryError "$here/.last.log" && echo "OutOfMemoryError in the log!" || echo "no OutOfMemoryError"
rm -f "$peak_file" "$here/.export.xlsx"
