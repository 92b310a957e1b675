#!/usr/bin/env bash
# Benchmark of ./gear package and of gears in their images. Prints:
#   - the wall time of a no-op `./gear package ::` (target < 2 s), best and median of 5;
#   - each image's size;
#   - each gear's cold start inside its image, from process start to its first log line (target
#     < 0.5 s), with the class data sharing archive the image was built with, and without it.
# Uses the local base image (.ci/base-image.sh) unless BASE_IMAGE is set; buildah's settings from
# gear.toml (vfs, chroot). Run from anywhere: bash bench/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."

buildah=(buildah --storage-driver vfs)
if [[ -z ${BASE_IMAGE:-} ]]; then
  BASE_IMAGE=$(bash .ci/base-image.sh)
  export BASE_IMAGE
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (figures scale with load)"
echo "== ./gear package :: (first: builds what changed)"
./gear package ::

echo
echo "== no-op ./gear package :: (5 runs)"
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  ./gear package :: >/dev/null
  times+=($((($(date +%s%N) - start) / 1000000)))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "runs (ms): ${times[*]}"
echo "no-op ./gear package ::  best $(head -1 <<<"$sorted") ms, median $(sed -n 3p <<<"$sorted") ms (target < 2000 ms)"

# The images ./gear package built: the first name of every docker-info.json under dist/.
mapfile -t images < <(find dist -name '*.docker-info.json' -not -path 'dist/.gear/*' -print0 |
  xargs -0 -r -n1 sed -n 's/.*"names" : \[ "\([^"]*\)".*/\1/p' | sort)

echo
echo "== image sizes"
for image in "${images[@]}"; do
  printf '%-50s %s\n' "$image" "$("${buildah[@]}" images --format '{{.Size}}' "$image" | head -1)"
done

# Inside the container: the gear's command with a clean environment, timed from just before the
# process starts to its first line of output, 5 times; then the same without the CDS archive.
# /flywheel/v0 is the image's own (its manifest) plus an empty config.json, written in the
# throwaway container: the gear loads and validates both and logs the first problem, the same
# start-up work as a real run up to its first log line.
timing='
echo "{\"config\": {}, \"inputs\": {}}" >/flywheel/v0/config.json
measure() {
  for i in 1 2 3 4 5; do
    start=$(date +%s%N)
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -c "$1" 2>&1 |
      { IFS= read -r first; end=$(date +%s%N); echo $(((end - start) / 1000000)); cat >/dev/null; }
  done | sort -n | sed -n 3p
}
command=$(sed -n "s/.*\"command\" *: *\"\([^\"]*\)\".*/\1/p" /flywheel/v0/manifest.json)
command=${command:-/flywheel/v0/run}
with=$(measure "$command")
jar=$(command -v "${command%% *}" || echo "${command%% *}")
if [ -f "$jar.jsa" ]; then mv "$jar.jsa" "$jar.jsa.off"; without=$(measure "$command"); else without="(no archive)"; fi
echo "$with $without"
'
echo
echo "== cold start inside the image: process start to first log line (median of 5)"
for image in "${images[@]}"; do
  container=$("${buildah[@]}" from --pull-never --quiet "$image")
  result=$("${buildah[@]}" run --isolation chroot --network host \
    --workingdir /flywheel/v0 "$container" -- bash -c "$timing" </dev/null)
  read -r with without <<<"$result"
  "${buildah[@]}" rm "$container" >/dev/null
  echo "$image: ${with} ms with CDS, ${without} ms without (target < 500 ms)"
done
