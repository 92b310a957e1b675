#!/usr/bin/env bash
# CI: the README's main job. ./gear demo runs project_management on a local Flywheel server with
# the worked example (gears/project_management/data/test-project.yaml); the tree it prints must be
# the expected state: 4 new groups next to the seed's nacc, 18 projects, their tags and roles, the
# admin group's members with the same access, and the admin role on master-project.
set -euo pipefail
cd "$(dirname "$0")/../.."

out=$(mktemp)
trap 'rm -f "$out"' EXIT
./gear demo | tee "$out"

fail() {
  echo "40-demo: $*" >&2
  exit 1
}

grep -qE '^Flywheel at http://127\.0\.0\.1:[0-9]+/api: 5 groups, 18 projects$' "$out" ||
  fail "expected 5 groups and 18 projects"

# The tree without the access lists, and without the seed's own nacc group.
actual=$(grep -E '^(├|└|│| )' "$out" | sed -E 's/ access: .*$//' | grep -v -- '── nacc ')
expected=$(cat <<'TREE'
├── alpha "Alpha Center" [center-code-1006] roles: curate+upload
│   ├── accepted-tau
│   ├── accepted-zeta
│   ├── ingest-dicom-tau [center-code-1006]
│   ├── ingest-form-tau [center-code-1006]
│   ├── ingest-form-zeta [center-code-1006]
│   ├── metadata
│   ├── retrospective-dicom-tau [center-code-1006]
│   ├── retrospective-form-tau [center-code-1006]
│   └── retrospective-form-zeta [center-code-1006]
├── beta-inactive "Beta Center" [center-code-2006] roles: curate+upload
│   ├── accepted-tau
│   ├── metadata
│   ├── retrospective-dicom-tau [center-code-2006]
│   └── retrospective-form-tau [center-code-2006]
├── gamma-adrc "Gamma ADRC" [center-code-5006] roles: curate+upload
│   ├── accepted-zeta
│   ├── ingest-form-zeta [center-code-5006]
│   ├── metadata
│   └── retrospective-form-zeta [center-code-5006]
└── release-tau "Project Tau Release"
    └── master-project
TREE
)
if [[ $actual != "$expected" ]]; then
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  fail "the tree differs from the worked example (expected < > actual)"
fi

# Every member of nacc has the same access on the new groups, and the admin role on master-project.
nacc_access=$(grep -E '── nacc ' "$out" | sed -nE 's/.* access: (.*)$/\1/p')
[[ -n $nacc_access ]] || fail "the nacc group has no members"
for group in alpha beta-inactive gamma-adrc release-tau; do
  line=$(grep -E "── $group " "$out")
  [[ $line == *" access: $nacc_access" ]] || fail "$group does not give nacc's members their access"
done
master=$(grep -E '── master-project' "$out")
IFS=',' read -ra members <<<"$nacc_access"
for member in "${members[@]}"; do
  user=$(awk '{print $1}' <<<"$member")
  [[ $master == *"$user admin"* ]] || fail "master-project does not give $user the admin role"
done
echo "40-demo: the tree is the worked example's"
