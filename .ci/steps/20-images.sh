#!/usr/bin/env bash
# CI step: builds every gear's image with buildah from its own Dockerfile, on local base images
# (Docker Hub is out of reach), checks that a second `./gear package ::` rebuilds nothing, then runs
# the image tests (@Tag("image")): every gear's image within the size target and starting from its
# start-up archive, project_management's worked example inside its image against the local Flywheel,
# pull_metadata inside its image against the local Flywheel and its S3 endpoint (AWS settings passed),
# directory_pull inside its image against the local Flywheel's SSM and REDCap API (upload, rerun 0 writes),
# user_management inside its image on its worked example, and ./gear demo user-management --image
# (directory_pull then user_management, each in its image with the local server's AWS settings).
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v buildah >/dev/null || need+=(buildah)
command -v debootstrap >/dev/null || need+=(debootstrap)
if ((${#need[@]})); then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

# The runtime base and the JDK build stage (BASE_IMAGE, JDK_IMAGE), built once and reused.
eval "$(bash .ci/base-image.sh)"
echo "base images: BASE_IMAGE=$BASE_IMAGE JDK_IMAGE=$JDK_IMAGE"

./gear package ::

# Nothing changed: every gear must be reported unchanged, and quickly.
start=$(date +%s%N)
second=$(./gear package ::)
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
echo "$second"
echo "no-op ./gear package :: took ${elapsed_ms} ms"
if grep -q ' built ' <<<"$second"; then
  echo "20-images: a second ./gear package with nothing changed rebuilt an image" >&2
  exit 1
fi

# The image tests (excluded from the plain `mvn -B verify`).
mvn -B -q verify -pl tools -am -Dgroups=image -Dsurefire.excludedGroups=none \
  -Dsurefire.failIfNoSpecifiedTests=false
