#!/usr/bin/env bash
# Benchmark of the pull_metadata gear against the local Flywheel server and its S3 endpoint: a
# generated table of 1,000,000 rows (about 200 MB, quoted fields with commas, quotes and embedded
# newlines) for 40 centers is put in the bucket; the gear (its self-executing jar, a fresh JVM as a
# Flywheel job would be, heap capped at 256 MB) streams it from S3, splits it and uploads the 40
# center files. A second run finds every file in place and uploads nothing. Prints rows/s, wall
# time, peak RSS of the gear's JVM and the machine's load average (a busy machine gives lower
# figures).
#
#   bash bench/pull-metadata.sh [rows] [centers]        (defaults: 1000000 40)
#   HEAP=256m bash bench/pull-metadata.sh               the gear's -Xmx
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rows=${1:-1000000}
centers=${2:-40}
heap=${HEAP:-256m}
work=$(mktemp -d /var/tmp/fwgear-pull-metadata.XXXXXX)
emulator_pid=""
cleanup() {
  if [[ -n $emulator_pid ]]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "Packaging the gear (./gear package: the self-executing jar its image runs as /bin/run)..."
"$root/gear" package gears/pull_metadata/src/java/metadata_app:bin >/dev/null
gear_jar="$root/dist/gears.pull_metadata.src.java.metadata_app/bin.jar"

echo "Generating the table ($rows rows, $centers centers)..."
# About 200 bytes a row; one row in ten has a quoted field with a comma, a doubled quote and an
# embedded CRLF, so the splitter's quoting path is measured too.
awk -v rows="$rows" -v centers="$centers" 'BEGIN {
  printf "ADCID,PTID,VISITNUM,VISITDATE,FORMVER,PACKET,NOTES\r\n"
  pad = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation"
  for (i = 0; i < rows; i++) {
    note = (i % 10 == 0) ? "\"a note, with a \"\"quote\"\"\r\nand a second line\"" : pad
    printf "%d,PT%08d,%d,2024-%02d-%02d,3.2,I,%s\r\n", (i % centers) + 1, i, i % 12, (i % 12) + 1, (i % 28) + 1, note
  }
}' >"$work/visits.csv"
size=$(stat -c %s "$work/visits.csv")

# The seed: the default users, 40 center groups (tag adcid-<n>) each with a "metadata" project,
# the gear bot's key and the S3 credentials in SSM, and the table in the bucket.
python3 - "$centers" >"$work/seed.yaml" <<'PY'
import sys
centers = int(sys.argv[1])
print("users:")
print("  - {id: admin@nacc.example, api_key: emulator-admin-key, site_admin: true}")
print("  - {id: gearbot@nacc.example, api_key: emulator-gearbot-key, site_admin: true}")
print("groups:")
for c in range(1, centers + 1):
    print(f"  - {{id: center-{c:03d}, label: Center {c:03d}, tags: [adcid-{c}]}}")
print("projects:")
for c in range(1, centers + 1):
    print(f"  - {{group: center-{c:03d}, label: metadata}}")
print("ssm:")
print("  - {name: /prod/flywheel/gearbot/apikey, type: SecureString, value: '${host}:emulator-gearbot-key'}")
print("  - {name: /bench/s3/accesskey, type: SecureString, value: '${aws_access_key_id}'}")
print("  - {name: /bench/s3/secretkey, type: SecureString, value: '${aws_secret_access_key}'}")
print("  - {name: /bench/s3/region, type: String, value: us-east-1}")
print("s3:")
print("  - bucket: nacc-metadata")
print("    objects: [{key: visits.csv, file: visits.csv}]")
print("aws: {access_key_id: AKIAFWBENCH000000001, secret_access_key: bench-aws-secret}")
PY

echo "Starting the local Flywheel server (and its S3 endpoint) with the table seeded..."
"$root/gear" emulator --port 0 --data "$work/data" --seed "$work/seed.yaml" >"$work/emulator.out" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 1200); do
  grep -q "^S3 endpoint: " "$work/emulator.out" 2>/dev/null && break
  if ! kill -0 "$emulator_pid" 2>/dev/null; then cat "$work/emulator.out" >&2; exit 1; fi
  sleep 0.1
done
grep -q "^S3 endpoint: " "$work/emulator.out" || { cat "$work/emulator.out" >&2; echo "no S3 endpoint" >&2; exit 1; }
url=$(sed -n 's/^Flywheel emulator listening on //p' "$work/emulator.out")
s3=$(sed -n 's/^S3 endpoint: //p' "$work/emulator.out")
key=$(sed -n 's/^API key: //p' "$work/emulator.out")

base="$work/flywheel/v0"
mkdir -p "$base/work" "$base/output"
cp "$root/gears/pull_metadata/src/docker/manifest.json" "$base/manifest.json"
cat >"$base/config.json" <<JSON
{"config": {"dry_run": false, "s3_param_path": "/bench/s3", "bucket_name": "nacc-metadata",
            "destination_label": "metadata", "table_list": ["visits.csv"]},
 "inputs": {}}
JSON

run_gear() {
  local label=$1 status=0
  curl -sf -X DELETE -H "Authorization: scitran-user $key" "$url/__admin/requests" >/dev/null
  rm -rf "$base/work" && mkdir -p "$base/work"
  local start end
  start=$(date +%s.%N)
  # Only the AWS settings Flywheel gives a gear-bot job; the JVM's heap capped.
  env -i PATH=/usr/bin:/bin HOME="$work" JDK_JAVA_OPTIONS="-Xmx$heap" \
    AWS_ACCESS_KEY_ID=AKIAFWBENCH000000001 AWS_SECRET_ACCESS_KEY=bench-aws-secret \
    AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL_SSM="$url" AWS_ENDPOINT_URL_S3="$s3" \
    /usr/bin/time -f "%M %e" -o "$work/$label.time" \
    "$gear_jar" --gear-path "$base" >"$work/$label.log" 2>&1 || status=$?
  end=$(date +%s.%N)
  if [[ $status -ne 0 ]]; then
    echo "the $label run failed (exit $status):" >&2
    grep -v "Picked up JDK_JAVA_OPTIONS" "$work/$label.log" | tail -20 >&2
    exit 1
  fi
  local uploads
  uploads=$(curl -sf -H "Authorization: scitran-user $key" "$url/__admin/requests" | python3 -c '
import json, sys
print(sum(1 for e in json.load(sys.stdin) if e["method"] == "POST" and e["path"].endswith("/files")))')
  read -r rss_kb _ <"$work/$label.time"
  python3 - "$label" "$rows" "$start" "$end" "$rss_kb" "$uploads" <<'PY'
import sys
label, rows, start, end, rss_kb, uploads = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
wall = end - start
print(f"{label + ' run:':12s} {wall:7.2f} s wall, {rows / wall:10,.0f} rows/s, peak RSS {rss_kb / 1024:6.1f} MB, {uploads} uploads")
PY
  grep -o 'Created .*' "$work/$label.log" | tail -1 | sed 's/^/             /'
}

echo
echo "pull_metadata: $rows rows ($(python3 -c "print(f'{$size / 1e6:.0f}')") MB) for $centers centers, heap -Xmx$heap, against $url and $s3"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
run_gear first
# Every byte accounted for: the 40 files hold the table's rows, each with the header once.
python3 - "$url" "$key" "$size" "$centers" <<'PY'
import json, sys, urllib.request
url, key, size, centers = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
request = urllib.request.Request(url + "/api/projects", headers={"Authorization": "scitran-user " + key})
projects = json.load(urllib.request.urlopen(request))
files = [f for p in projects for f in p.get("files", []) if f["name"] == "visits.csv"]
header = len("ADCID,PTID,VISITNUM,VISITDATE,FORMVER,PACKET,NOTES\r\n")
total = sum(f["size"] for f in files)
ok = len(files) == centers and total - centers * header == size - header and all(f["version"] == 1 for f in files)
print(f"split files: {len(files)}, {total:,} bytes = table {size:,} + {centers - 1} more headers: {'ok' if ok else 'MISMATCH'}")
sys.exit(0 if ok else 1)
PY
run_gear second
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
