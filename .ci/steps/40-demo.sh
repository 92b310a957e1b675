#!/usr/bin/env bash
# CI: the README's main job. ./gear demo runs project_management on a local Flywheel server seeded
# with push_template's template set (gears/push_template/data/templates-seed.yaml), with the demo
# project file (gears/push_template/data/demo-project.yaml: project_management's worked example,
# centers tagged adcid-<n>), then push_template, then push_template again. The tree it prints must
# be the expected state: 4 new groups next to nacc, 18 projects besides nacc's 5 templates, their
# tags and roles, the admin group's members with the same access, the admin role on master-project,
# and on each pipeline project with a template its rules, role assignments, description and apps
# (docs/push_template/index.md; the seed's admin, who made the projects, has the admin role on
# each, as on Flywheel); the second push_template run sends 0 writes.
set -euo pipefail
cd "$(dirname "$0")/../.."

out=$(mktemp)
trap 'rm -f "$out"' EXIT
./gear demo | tee "$out"

fail() {
  echo "40-demo: $*" >&2
  exit 1
}

grep -qE '^Flywheel at http://127\.0\.0\.1:[0-9]+/api: 5 groups, 23 projects$' "$out" ||
  fail "expected 5 groups and 23 projects"
grep -qE '^Second run of push-template: 0 writes, [0-9]+ reads' "$out" ||
  fail "the second push_template run wrote something"

# The tree without the groups' access lists; project ids in descriptions as <id>, the server's
# address as <site>.
actual=$(sed -n '/^Flywheel at/,$p' "$out" | grep -E '^(├|└|│| )' |
  sed -E '/^(├|└)── /s/ access: .*$//' |
  sed -E 's/[0-9a-f]{24}/<id>/g; s#http://127\.0\.0\.1:[0-9]+#<site>#g')
expected=$(cat <<'TREE'
├── alpha "Alpha Center" [adcid-1006, center-code-1006] roles: curate+upload
│   ├── accepted-tau access: admin@nacc.example admin, reader@nacc.example read-only
│   │     rules: accepted-export (echo), accepted-summary (form-importer)
│   │     description: Accepted data of Alpha Center, read-only for the center. $ figures in USD.
│   │     apps: form-viewer, ohif
│   ├── accepted-zeta access: admin@nacc.example admin, reader@nacc.example read-only
│   │     rules: accepted-export (echo), accepted-summary (form-importer)
│   │     description: Accepted data of Alpha Center, read-only for the center. $ figures in USD.
│   │     apps: form-viewer, ohif
│   ├── ingest-dicom-tau [adcid-1006, center-code-1006] access: admin@nacc.example admin, uploader@nacc.example upload
│   │     rules: dicom-classifier (dicom-classifier), dicom-qc (form-qc)
│   │     description: Imaging ingest for Alpha Center.
│   ├── ingest-form-tau [adcid-1006, center-code-1006] access: admin@nacc.example admin, curator@nacc.example curate, uploader@nacc.example upload
│   │     rules: form-import (form-importer), form-qc (form-qc settings=form-qc-settings.json)
│   │     description: Form ingest for Alpha Center (project <id>). Upload forms at <site>.
│   │     apps: form-viewer
│   ├── ingest-form-zeta [adcid-1006, center-code-1006] access: admin@nacc.example admin, curator@nacc.example curate, uploader@nacc.example upload
│   │     rules: form-import (form-importer), form-qc (form-qc settings=form-qc-settings.json)
│   │     description: Form ingest for Alpha Center (project <id>). Upload forms at <site>.
│   │     apps: form-viewer
│   ├── metadata access: admin@nacc.example admin
│   ├── retrospective-dicom-tau [adcid-1006, center-code-1006] access: admin@nacc.example admin
│   ├── retrospective-form-tau [adcid-1006, center-code-1006] access: admin@nacc.example admin, curator@nacc.example curate
│   │     rules: form-import (form-importer), form-qc (form-qc settings=form-qc-settings.json)
│   │     description: Retrospective forms of Alpha Center.
│   └── retrospective-form-zeta [adcid-1006, center-code-1006] access: admin@nacc.example admin, curator@nacc.example curate
│         rules: form-import (form-importer), form-qc (form-qc settings=form-qc-settings.json)
│         description: Retrospective forms of Alpha Center.
├── beta-inactive "Beta Center" [adcid-2006, center-code-2006] roles: curate+upload
│   ├── accepted-tau access: admin@nacc.example admin, reader@nacc.example read-only
│   │     rules: accepted-export (echo), accepted-summary (form-importer)
│   │     description: Accepted data of Beta Center, read-only for the center. $ figures in USD.
│   │     apps: form-viewer, ohif
│   ├── metadata access: admin@nacc.example admin
│   ├── retrospective-dicom-tau [adcid-2006, center-code-2006] access: admin@nacc.example admin
│   └── retrospective-form-tau [adcid-2006, center-code-2006] access: admin@nacc.example admin, curator@nacc.example curate
│         rules: form-import (form-importer), form-qc (form-qc settings=form-qc-settings.json)
│         description: Retrospective forms of Beta Center.
├── gamma-adrc "Gamma ADRC" [adcid-5006, center-code-5006, new-center] roles: curate+upload
│   ├── accepted-zeta access: admin@nacc.example admin, reader@nacc.example read-only
│   │     rules: accepted-export (echo), accepted-summary (form-importer)
│   │     description: Accepted data of Gamma ADRC, read-only for the center. $ figures in USD.
│   │     apps: form-viewer, ohif
│   ├── ingest-form-zeta [adcid-5006, center-code-5006, new-center] access: admin@nacc.example admin, curator@nacc.example curate, uploader@nacc.example upload
│   │     rules: form-import (form-importer), form-qc (form-qc settings=form-qc-settings.json)
│   │     description: Form ingest for Gamma ADRC (project <id>). Upload forms at <site>.
│   │     apps: form-viewer
│   ├── metadata access: admin@nacc.example admin
│   └── retrospective-form-zeta [adcid-5006, center-code-5006, new-center] access: admin@nacc.example admin, curator@nacc.example curate
│         rules: form-import (form-importer), form-qc (form-qc settings=form-qc-settings.json)
│         description: Retrospective forms of Gamma ADRC.
├── nacc "NACC" [admin] roles: admin+curate+read-only+upload
│   ├── accepted-template access: reader@nacc.example read-only
│   │     rules: accepted-export (echo), accepted-summary (form-importer)
│   │     description: Accepted data of $adrc, read-only for the center. $$ figures in USD.
│   │     apps: form-viewer, ohif
│   ├── dicom-ingest-template access: uploader@nacc.example upload
│   │     rules: dicom-classifier (dicom-classifier), dicom-qc (form-qc)
│   │     description: Imaging ingest for $adrc.
│   ├── form-ingest-template access: curator@nacc.example curate, uploader@nacc.example upload
│   │     rules: form-import (form-importer), form-qc (form-qc settings=form-qc-settings.json)
│   │     description: Form ingest for $adrc (project ${project_id}). Upload forms at $site.
│   │     apps: form-viewer
│   ├── form-qc-template
│   │     description: Not used.
│   └── form-retrospective-template access: curator@nacc.example curate
│         rules: form-import (form-importer), form-qc (form-qc settings=form-qc-settings.json)
│         description: Retrospective forms of $adrc.
└── release-tau "Project Tau Release"
    └── master-project access: admin@nacc.example admin, curator@nacc.example admin, reader@nacc.example admin, uploader@nacc.example admin
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

# ./gear demo pull-metadata: the two sample tables split into the three centers' metadata projects
# (one file version each), the ADCID without a center and the unreadable SITE reported, and the
# second run uploads nothing.
./gear demo pull-metadata | tee "$out"
grep -qx "Second run of pull-metadata: 0 writes, [0-9]* reads (the local Flywheel's request log)" "$out" ||
  fail "the second pull-metadata run wrote"
files=$(sed -n '/^Files of the metadata projects:/,$p' "$out")
for group in alpha beta-inactive gamma-adrc; do
  for table in visits.csv forms.csv; do
    sed -n "/^  $group\/metadata\$/,/^  [a-z]/p" <<<"$files" | grep -q "^    $table ([0-9]* bytes, version 1)$" ||
      fail "$group/metadata has no $table at version 1"
  done
done
echo "40-demo: pull-metadata split both tables into the three centers, once"

# ./gear demo user-management: directory_pull turns the seed's REDCap directory
# (gears/user_management/data/user-seed.yaml) into the user file on nacc/project-admin, which is the
# worked example's data/users.yaml byte for byte; user_management runs on that file (18 writes:
# docs/user_management/index.md), then again with 0 writes; the tree has the users' access.
./gear demo user-management | tee "$out"
grep -qE '^Second run of user-management: 0 writes, [0-9]+ reads' "$out" ||
  fail "the second user-management run wrote"
grep -q 'Created 2 users and 0 groups and 0 projects; updated 1 user and 1 group and 6 projects; unchanged 0 users and 1 group and 0 projects (18 writes)' "$out" ||
  fail "user-management's first run is not the worked example's 18 writes"
cmp -s tmp/gear/demo/inputs/nacc-directory-users.yaml gears/user_management/data/users.yaml ||
  fail "directory_pull's user file is not gears/user_management/data/users.yaml"
actual=$(sed -n '/^Flywheel at/,/^$/p' "$out" | grep -E '^(├|└|│| )' | grep -E 'alpha|beta|access' )
expected=$(cat <<'TREE'
├── alpha "Alpha ADRC" [adcid-12] roles: admin+curate+read-only+upload access: 0000-0001-0000-0001 ro, admin@nacc.example admin, carl@alpha.example ro
│   ├── accepted access: 0000-0001-0000-0001 read-only, carl@alpha.example read-only
│   ├── ingest-dicom access: 0000-0001-0000-0001 upload, carl@alpha.example curate+read-only
│   ├── ingest-form access: 0000-0001-0000-0001 upload, carl@alpha.example curate+read-only
│   └── retrospective-form access: 0000-0001-0000-0001 upload, carl@alpha.example curate+read-only
├── beta "Beta ADRC" [adcid-1] roles: admin+read-only+upload access: 0000-0003-0000-0003 ro, admin@nacc.example admin
│   ├── accepted access: 0000-0003-0000-0003 read-only
│   └── ingest-form access: 0000-0003-0000-0003 read-only+upload
└── nacc "NACC" [admin] roles: admin access: admin@nacc.example admin, nora@nacc.example admin
TREE
)
if [[ $actual != "$expected" ]]; then
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  fail "user-management's tree differs from the worked example (expected < > actual)"
fi
for user in "0000-0001-0000-0001 alex@alpha.example (Alex Alpha)" \
  "0000-0003-0000-0003 bea@beta.example (Bea Beta)" "carl@alpha.example carl@alpha.example (Carl Curator)"; do
  grep -qxF "  $user" "$out" || fail "no user $user"
done
if grep -qE '^  (0000-0007-0000-0007|0000-0099-0000-0099|12345) ' "$out"; then
  fail "a left-out entry's user was created"
fi
echo "40-demo: user-management made the worked example's users and access, once"
