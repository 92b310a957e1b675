#!/usr/bin/env bash
# Load benchmark of the local Flywheel server and the Java client: 50 concurrent clients create
# 2,000 projects in one group; then every project must be there exactly once. Prints throughput
# (target: at least 1,000 creates/s with 50 clients on an idle machine; every create is committed
# and fsynced before it is answered: SQLite WAL, synchronous=FULL, group commit) and the machine's
# load average before and after, since a busy machine gives a lower figure.
#
#   bench/load-projects.sh [clients] [projects]        (defaults: 50 2000)
#   FAULTS=1 bench/load-projects.sh                     also inject faults: 5% of creates answered
#                                                       503 after they were done, 5% refused with 429
set -euo pipefail

clients=${1:-50}
projects=${2:-2000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

echo "building..." >&2
build_log=$(mktemp)
if ! mvn -B -q -pl tools -am package -DskipTests >"$build_log" 2>&1; then
  cat "$build_log" >&2
  exit 1
fi
rm -f "$build_log"
touch tools/target/.gear-built

data=$(mktemp -d)
log=$(mktemp)
./gear emulator --port 0 --data "$data" >"$log" 2>&1 &
server=$!
# The server ends by SIGTERM, so its status (143) is expected and must not become the script's.
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$data" "$log"' EXIT

for _ in $(seq 1 300); do
  grep -q '^API key: ' "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "the server did not start" >&2; exit 1; }
  sleep 0.1
done
grep -q '^API key: ' "$log" || { cat "$log" >&2; echo "the server did not start in 30 s" >&2; exit 1; }
base=$(sed -n 's/^Flywheel emulator listening on //p' "$log")
FW_API_KEY=$(sed -n 's/^API key: //p' "$log")
export FW_API_KEY
echo "server: $base (data in $data)" >&2

if [[ ${FAULTS:-0} == 1 ]]; then
  curl -sf -X POST -H "Authorization: scitran-user $FW_API_KEY" "$base/__admin/faults" -d \
    '{"method":"POST","path":"/api/projects","status":503,"share":0.05,"after_write":true}' >/dev/null
  curl -sf -X POST -H "Authorization: scitran-user $FW_API_KEY" "$base/__admin/faults" -d \
    '{"method":"POST","path":"/api/projects","status":429,"share":0.05}' >/dev/null
  echo "faults: 5% of creates answered 503 after they were done, 5% refused with 429" >&2
fi

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average: //'; }
echo "machine: $(nproc) cores; load average (1, 5, 15 min) before: $(loadavg)"

java -Dlogback.configurationFile="$root/bench/logback.xml" -cp "tools/target/gear-tools.jar:tools/target/lib/*" \
  fwgear.emulator.bench.LoadProjects \
  - "$clients" "$projects" load-bench

echo "load average (1, 5, 15 min) after: $(loadavg)"
echo "durability: every create committed and fsynced before its answer (SQLite WAL, synchronous=FULL)"

posts=$(curl -sf -H "Authorization: scitran-user $FW_API_KEY" "$base/__admin/requests" | grep -o '"method":"POST","path":"/api/projects","status":[0-9]*' | cut -d: -f4 | sort | uniq -c | tr '\n' ' ')
echo "POST /api/projects answers by status: $posts"
