#!/usr/bin/env bash
# Benchmark of the push_template gear against the local Flywheel server: a generated site with
# 100 center groups (tagged adcid-<n>) of 4 pipeline projects each (ingest-form, ingest-dicom,
# retrospective-form, accepted) and an admin group with 4 templates of 2 gear rules each (the form
# templates' rules fed a settings file), run twice, each run a fresh JVM as a Flywheel job would
# be. Prints the API requests (writes and reads) and the wall time of each run. The second run
# finds everything in place: it must send no write.
#
#   bash bench/push-template.sh [centers]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
centers=${1:-100}
work=$(mktemp -d)
emulator_pid=""
cleanup() {
  if [[ -n $emulator_pid ]]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "Packaging the gear (./gear package: the self-executing jar its image runs as /bin/run)..."
"$root/gear" package gears/push_template/src/java/template_app:bin >/dev/null
gear_jar="$root/dist/gears.push_template.src.java.template_app/bin.jar"

# The seed (JSON is YAML): the built-in seed's users and roles, the admin group with the four
# templates, the gears, and the centers with their projects.
python3 - "$centers" >"$work/seed.yaml" <<'PY'
import json, sys
centers = int(sys.argv[1])
users = [
    {"id": "admin@nacc.example", "api_key": "bench-admin-key", "site_admin": True},
    {"id": "curator@nacc.example"}, {"id": "uploader@nacc.example"}, {"id": "reader@nacc.example"},
]
roles = [{"label": label} for label in ("admin", "curate", "upload", "read-only")]
gears = [
    {"category": "qa", "gear": {"name": "form-qc", "version": "2.1.0",
        "inputs": {"input_file": {"base": "file"}, "settings": {"base": "file", "optional": True}},
        "config": {"strict": {"type": "boolean", "default": True}}}},
    {"category": "converter", "gear": {"name": "form-importer", "version": "1.4.0",
        "inputs": {"input_file": {"base": "file"}}, "config": {}}},
    {"category": "classifier", "gear": {"name": "dicom-classifier", "version": "3.0.2",
        "inputs": {"dicom": {"base": "file"}}, "config": {}}},
]
settings = {"name": "form-qc-settings.json", "content": '{"strict": true}'}
def rule(name, gear, ftype, fixed=None):
    r = {"name": name, "gear": gear, "all": [{"type": "file.type", "value": ftype}]}
    if fixed:
        r["fixed_inputs"] = [{"input": "settings", "file": fixed}]
    return r
templates = [
    {"group": "nacc", "label": "form-ingest-template", "description": "Form ingest for $adrc ($project_id) at $site",
     "permissions": [{"id": "curator@nacc.example", "roles": ["curate"]}, {"id": "uploader@nacc.example", "roles": ["upload"]}],
     "files": [settings], "apps": [{"name": "form-viewer", "type": "viewer"}],
     "rules": [rule("form-qc", "form-qc", "tabular data", "form-qc-settings.json"), rule("form-import", "form-importer", "tabular data")]},
    {"group": "nacc", "label": "dicom-ingest-template", "description": "Imaging ingest for $adrc",
     "permissions": [{"id": "uploader@nacc.example", "roles": ["upload"]}],
     "rules": [rule("dicom-classifier", "dicom-classifier", "dicom"), rule("dicom-qc", "form-qc", "dicom")]},
    {"group": "nacc", "label": "form-retrospective-template", "description": "Retrospective forms of $adrc",
     "permissions": [{"id": "curator@nacc.example", "roles": ["curate"]}], "files": [settings],
     "rules": [rule("form-qc", "form-qc", "tabular data", "form-qc-settings.json"), rule("form-import", "form-importer", "tabular data")]},
    {"group": "nacc", "label": "accepted-template", "description": "Accepted data of $adrc",
     "permissions": [{"id": "reader@nacc.example", "roles": ["read-only"]}],
     "apps": [{"name": "form-viewer", "type": "viewer"}, {"name": "ohif", "type": "viewer"}],
     "rules": [rule("accepted-export", "form-importer", "tabular data"), rule("accepted-summary", "form-importer", "text")]},
]
groups = [{"id": "nacc", "label": "NACC", "roles": ["admin", "curate", "upload", "read-only"],
           "permissions": [{"id": "admin@nacc.example", "access": "admin"}]}]
projects = list(templates)
for c in range(centers):
    gid = f"center-{c + 1:03d}"
    groups.append({"id": gid, "label": f"Center {c + 1:03d}", "tags": [f"adcid-{c + 1}"],
                   "roles": ["curate", "upload"]})
    for label in ("ingest-form", "ingest-dicom", "retrospective-form", "accepted"):
        projects.append({"group": gid, "label": label})
print(json.dumps({"users": users, "roles": roles, "groups": groups, "projects": projects, "gears": gears}, indent=1))
PY

echo "Starting the local Flywheel server..."
"$root/gear" emulator --port 0 --in-memory --seed "$work/seed.yaml" >"$work/emulator.out" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 300); do
  grep -q "^API key: " "$work/emulator.out" 2>/dev/null && break
  if ! kill -0 "$emulator_pid" 2>/dev/null; then cat "$work/emulator.out" >&2; exit 1; fi
  sleep 0.1
done
url=$(sed -n 's/^Flywheel emulator listening on //p' "$work/emulator.out")
key=$(sed -n 's/^API key: //p' "$work/emulator.out")

# A gear folder as Flywheel prepares it: manifest.json and config.json (the api-key input).
base="$work/flywheel/v0"
mkdir -p "$base/input"
cp "$root/gears/push_template/src/docker/manifest.json" "$base/manifest.json"
python3 - "$key" >"$base/config.json" <<'PY'
import json, sys
print(json.dumps({
    "config": {"dry_run": False, "admin_group": "nacc", "new_only": False},
    "inputs": {"api-key": {"base": "api-key", "key": sys.argv[1]}},
}, indent=2))
PY

# Counts the Flywheel API requests logged since the last call.
count_requests() {
  curl -sf -H "Authorization: scitran-user $key" "$url/__admin/requests" | python3 -c '
import json, sys
entries = [e for e in json.load(sys.stdin) if e["path"].startswith("/api/")]
writes = sum(1 for e in entries if e["method"] not in ("GET", "HEAD"))
print(len(entries), writes, len(entries) - writes)'
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
  read -r total writes reads < <(count_requests)
  local wall
  wall=$(python3 -c "print(f'{$end - $start:.2f}')")
  printf '%-11s %6d API requests (%5d writes, %5d reads), %6s s wall\n' \
    "$label run:" "$total" "$writes" "$reads" "$wall"
  printf '            %s\n' "$(grep -oE '(Created|Dry run).*' "$work/$label.log" | tail -1)"
  eval "${label}_writes=$writes"
}

projects=$((centers * 4))
echo
echo "push_template: $centers centers x 4 pipeline projects ($projects projects), 4 templates x 2 rules, against $url"
run_gear first
run_gear second
if [[ $second_writes -ne 0 ]]; then
  echo "push-template bench: the second run sent $second_writes writes" >&2
  exit 1
fi
echo "second run: 0 writes"
