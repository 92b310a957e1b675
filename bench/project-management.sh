#!/usr/bin/env bash
# Benchmark of the project_management gear against the local Flywheel server: a generated project
# file with 100 centers and 5 studies, run twice, each run a fresh JVM as a Flywheel job would be.
# Prints the API requests (writes and reads) and the wall time of each run. The second run finds
# everything in place: it should send no write and only a few reads per group.
#
#   bash bench/project-management.sh [centers] [studies]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
centers=${1:-100}
studies=${2:-5}
work=$(mktemp -d)
emulator_pid=""
cleanup() {
  if [[ -n $emulator_pid ]]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "Packaging the gear (./gear package: the self-executing jar its image runs as /bin/run)..."
"$root/gear" package gears/project_management/src/java/project_app:bin >/dev/null
gear_jar="$root/dist/gears.project_management.src.java.project_app/bin.jar"

# The project file: every study lists every center; 4 in 5 centers are active; the first study
# is primary; studies 1 and 2 are published.
python3 - "$centers" "$studies" >"$work/projects.yaml" <<'PY'
import sys
centers, studies = int(sys.argv[1]), int(sys.argv[2])
datatypes = [["form", "dicom", "apoe"], ["form"], ["form", "dicom"], ["form", "biomarker"], ["dicom"]]
for s in range(studies):
    print("---")
    print(f"project: Study {s + 1}")
    print(f"project-id: study{s + 1}")
    print(f"primary: {'true' if s == 0 else 'false'}")
    print(f"published: {'true' if s < 2 else 'false'}")
    print("datatypes: [" + ", ".join(datatypes[s % len(datatypes)]) + "]")
    print("centers:")
    for c in range(centers):
        print(f"  - name: Center {c + 1:03d}")
        print(f"    center-id: center-{c + 1:03d}")
        print(f"    is-active: {'false' if c % 5 == 4 else 'true'}")
        print(f"    tags: [adcid-{c + 1}]")
PY

echo "Starting the local Flywheel server..."
"$root/gear" emulator --port 0 --in-memory >"$work/emulator.out" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 300); do
  grep -q "^API key: " "$work/emulator.out" 2>/dev/null && break
  if ! kill -0 "$emulator_pid" 2>/dev/null; then cat "$work/emulator.out" >&2; exit 1; fi
  sleep 0.1
done
url=$(sed -n 's/^Flywheel emulator listening on //p' "$work/emulator.out")
key=$(sed -n 's/^API key: //p' "$work/emulator.out")

# A gear folder as Flywheel prepares it: manifest.json, config.json, input/project_file/<file>.
base="$work/flywheel/v0"
mkdir -p "$base/input/project_file"
cp "$root/gears/project_management/src/docker/manifest.json" "$base/manifest.json"
cp "$work/projects.yaml" "$base/input/project_file/projects.yaml"
python3 - "$base" "$key" >"$base/config.json" <<'PY'
import json, sys
base, key = sys.argv[1], sys.argv[2]
print(json.dumps({
    "config": {"dry_run": False, "admin_group": "nacc", "new_only": False},
    "inputs": {
        "api-key": {"base": "api-key", "key": key},
        "project_file": {"base": "file", "location": {
            "path": f"{base}/input/project_file/projects.yaml", "name": "projects.yaml"}},
    },
}, indent=2))
PY

# Counts the Flywheel API requests logged since the last call, then clears the log.
count_requests() {
  curl -sf -H "Authorization: scitran-user $key" "$url/__admin/requests" | python3 -c '
import json, sys
entries = [e for e in json.load(sys.stdin) if e["path"].startswith("/api/")]
writes = sum(1 for e in entries if e["method"] not in ("GET", "HEAD"))
missing = sum(1 for e in entries if e["status"] == 404)
print(len(entries), writes, len(entries) - writes, missing)'
  curl -sf -X DELETE -H "Authorization: scitran-user $key" "$url/__admin/requests" >/dev/null
}

run_gear() {
  local label=$1
  curl -sf -X DELETE -H "Authorization: scitran-user $key" "$url/__admin/requests" >/dev/null
  local start end status=0
  start=$(date +%s.%N)
  "$gear_jar" --gear-path "$base" >"$work/$label.log" 2>&1 || status=$?
  end=$(date +%s.%N)
  if [[ $status -ne 0 ]]; then
    echo "the $label run failed (exit $status):" >&2
    tail -20 "$work/$label.log" >&2
    exit 1
  fi
  read -r total writes reads missing < <(count_requests)
  local wall
  wall=$(python3 -c "print(f'{$end - $start:.2f}')")
  local summary
  summary=$(grep -o 'Created .*' "$work/$label.log" | tail -1)
  printf '%-11s %6d API requests (%5d writes, %5d reads of which %d not found), %6s s wall\n' \
    "$label run:" "$total" "$writes" "$reads" "$missing" "$wall"
  printf '            %s\n' "$summary"
  eval "${label}_reads=$reads"
}

groups=$(( centers + (studies >= 2 ? 2 : studies) ))
echo
echo "project_management: $centers centers, $studies studies ($groups groups) against $url"
run_gear first
run_gear second
python3 -c "print(f'second run: {$second_reads / $groups:.1f} reads per group')"
