#!/usr/bin/env bash
# CI: a gear made by `./gear new --yes` works as it is. In a temporary copy of the checkout (under
# git, for `./gear changed`): create "Zebra Sync", then validate it, tailor-check its BUILD files,
# build and test it with Maven, package its image, run it locally and inside its image; finally
# bump it (the round trip: only the version values change, validate stays clean, the CHANGELOG has
# the new version with today's date).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
gear=$repo/gear

need=()
command -v buildah >/dev/null || need+=(buildah)
command -v debootstrap >/dev/null || need+=(debootstrap)
if ((${#need[@]})); then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

fail() {
  echo "30-new-gear: $*" >&2
  exit 1
}
step() { echo "-- $*"; }

work=$(mktemp -d /var/tmp/fwgear-new-gear.XXXXXX)
images=(naccdata/zebra-sync:0.0.1 naccdata/zebra-sync:latest)
cleanup() {
  buildah --storage-driver vfs rmi "${images[@]}" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# The checkout's files (tracked and untracked, not ignored ones: no target/, dist/, tmp/).
git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C "$work"
cd "$work"
git init -q
git add -A
git -c user.name=ci -c user.email=ci@localhost commit -qm "the checkout"

step "./gear new --yes --gear-name \"Zebra Sync\""
"$gear" new --yes --gear-name "Zebra Sync"
[[ -f gears/zebra_sync/src/java/zebra_sync_app/Run.java ]] || fail "no Run.java"

step "./gear validate gears/zebra_sync::"
"$gear" validate gears/zebra_sync::

step "./gear tailor --check gears/zebra_sync"
"$gear" tailor --check gears/zebra_sync

step "./gear changed --since HEAD"
changed=$("$gear" changed --since HEAD --dependents)
[[ $changed == "gears/zebra_sync::" ]] || fail "changed listed '$changed', not the new gear only"

step "mvn verify of the new gear (its test)"
mvn -B -q verify -pl gears/zebra_sync -am -Dtest='MainTest' -Dsurefire.failIfNoSpecifiedTests=false

step './gear package $(./gear changed --since HEAD --dependents)'
eval "$(bash "$repo/.ci/base-image.sh")"
# The way CI packages what a branch changed: the specs changed prints.
"$gear" package $changed

step "the new gear's image is within the size target (150 MB)"
size=$(buildah --storage-driver vfs images --format '{{.Size}}' naccdata/zebra-sync:0.0.1 | head -1)
echo "naccdata/zebra-sync:0.0.1: $size"
# buildah prints decimal units ("134 MB").
awk -v s="$size" 'BEGIN { split(s, p, " "); exit !((p[2] == "MB" && p[1] <= 150) || p[2] == "kB") }' ||
  fail "the image is $size, over the 150 MB target"

step "./gear config and ./gear run, locally and in the image"
"$gear" config zebra-sync --new -c dry_run=true
FW_API_KEY=127.0.0.1:1:ci-placeholder-key "$gear" config zebra-sync -i api-key
expected="Zebra Sync: dry run on 127.0.0.1, nothing changed"
local_run=$("$gear" run zebra-sync 2>&1) || fail "./gear run failed: $local_run"
grep -qF "$expected" <<<"$local_run" || fail "./gear run did not log '$expected': $local_run"
image_run=$("$gear" run zebra-sync --image 2>&1) || fail "./gear run --image failed: $image_run"
grep -qF "$expected" <<<"$image_run" || fail "./gear run --image did not log '$expected': $image_run"

step "./gear bump zebra-sync minor (round trip)"
sed -i 's/^## Unreleased$/## Unreleased\n\n* Counted the stripes./' docs/zebra_sync/CHANGELOG.md
git add -A
git -c user.name=ci -c user.email=ci@localhost commit -qm "Zebra Sync"
"$gear" bump zebra-sync minor
"$gear" validate gears/zebra_sync::
released=$(sed -n '/^## 0.1.0 - /,/^## 0.0.1/p' docs/zebra_sync/CHANGELOG.md)
[[ $released == "## 0.1.0 - $(date +%F)"* ]] || fail "the CHANGELOG has no '## 0.1.0 - $(date +%F)' section"
grep -qF "* Counted the stripes." <<<"$released" || fail "the Unreleased entry did not move under 0.1.0"
files=$(git diff --name-only | sort | tr '\n' ' ')
[[ $files == "docs/zebra_sync/CHANGELOG.md gears/zebra_sync/src/docker/BUILD gears/zebra_sync/src/docker/manifest.json " ]] ||
  fail "bump changed other files: $files"
removed=$(git diff -U0 | grep -c '^-[^-]' || true)
[[ $removed == 3 ]] || fail "bump changed $removed lines, expected 3 (version, image, image_tags)"
git diff
if "$gear" bump zebra-sync 0.0.9 2>/dev/null; then fail "bump accepted a lower version"; fi

echo "30-new-gear: a new gear validates, builds, packages, runs and bumps"
