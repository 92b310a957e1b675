#!/usr/bin/env bash
# Benchmark of ./gear package and of gears in their images. Prints, for every gear in one run:
#   - the wall time of a no-op `./gear package ::` (target <= 0.6 s), best and median of 5;
#   - each image's size (target <= 150 MB) and the size of its `./gear package --output` archive;
#   - each gear's cold start inside its image, median of 5: from just before the gear's command
#     starts to its first log line, and to its exit, on a config problem (an empty config.json);
#     the same for a Java hello world started the same way in the same image (the same preamble,
#     JVM options and kind of start-up archive, made in the container); and the ratios (target
#     <= 2x). Then the gear's start without its start-up archive, for comparison.
# Uses the local base images (.ci/base-image.sh) unless BASE_IMAGE is set; buildah's settings from
# gear.toml (vfs, chroot). Run from anywhere, under the shared build lock on a shared machine:
#   flock /tmp/heavy.lock bash bench/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."

buildah=(buildah --storage-driver vfs)
if [[ -z ${BASE_IMAGE:-} ]]; then
  eval "$(bash .ci/base-image.sh)"
fi
echo "bases: BASE_IMAGE=$BASE_IMAGE JDK_IMAGE=${JDK_IMAGE:-(the Dockerfile default)}"

echo "machine: $(nproc) cores; uptime: $(uptime) (figures scale with load)"
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
echo "no-op ./gear package ::  best $(head -1 <<<"$sorted") ms, median $(sed -n 3p <<<"$sorted") ms (target <= 600 ms)"

# The images ./gear package built: the first name of every docker-info.json under dist/.
mapfile -t images < <(find dist -name '*.docker-info.json' -not -path 'dist/.gear/*' -print0 |
  xargs -0 -r -n1 sed -n 's/.*"names" : \[ "\([^"]*\)".*/\1/p' | sort)

work=$(mktemp -d /var/tmp/fwgear-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo
echo "== image sizes (target <= 150 MB) and ./gear package --output docker-archive"
./gear package :: --output docker-archive "$work" >/dev/null
for image in "${images[@]}"; do
  size=$("${buildah[@]}" images --format '{{.Size}}' "$image" | awk 'NR == 1')  # awk reads all: head would end buildah early (SIGPIPE, a failure under pipefail)
  printf '%-50s %s\n' "$image" "$size"
done
for archive in "$work"/*.tar; do
  printf '%-50s %s MB (gzip: %s MB)\n' "archive ${archive##*/}" \
    "$(($(stat -c %s "$archive") / 1000000))" "$(($(gzip -1 -c "$archive" | wc -c) / 1000000))"
  rm "$archive"
done

# The hello world: a class that prints one line, as a self-executing jar with the gear's own
# preamble (so found, started and given its start-up archive the same way as a gear).
mkdir -p "$work/hello/classes"
cat >"$work/hello/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
EOF
javac --release 17 -d "$work/hello/classes" "$work/hello/Hello.java"
jar --create --file "$work/hello/hello.jar" --main-class Hello -C "$work/hello/classes" .
sed s/@MAIN_CLASS@/Hello/ tools/src/resources/fwgear/tools/pkg/preamble.sh | cat - "$work/hello/hello.jar" >"$work/hello/run"
chmod 755 "$work/hello/run"

# Inside the container: the gear's command with a clean environment (as Flywheel runs it), timed
# from just before the process starts to its first line of output and to the end of its output
# (its exit), 5 times. /flywheel/v0 is the image's own (its manifest) plus an empty config.json:
# the gear loads and validates both and logs the problems, the start-up work of a real run.
timing='
echo "{\"config\": {}, \"inputs\": {}}" >/flywheel/v0/config.json
measure() {
  for i in 1 2 3 4 5; do
    start=$(date +%s%N)
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -c "$1" 2>&1 |
      { IFS= read -r first; line=$(date +%s%N); cat >/dev/null; end=$(date +%s%N)
        echo "$(((line - start) / 1000000)) $(((end - start) / 1000000))"; }
  done >/tmp/runs
  echo "$(cut -d" " -f1 /tmp/runs | sort -n | sed -n 3p) $(cut -d" " -f2 /tmp/runs | sort -n | sed -n 3p)"
}
command=$(sed -n "s/.*\"command\" *: *\"\([^\"]*\)\".*/\1/p" /flywheel/v0/manifest.json)
command=${command:-/flywheel/v0/run}
FWGEAR_CDS_DUMP=1 /opt/fwgear-bench/run >/dev/null 2>&1
gear=$(measure "$command")
hello=$(measure /opt/fwgear-bench/run)
jar=$(command -v "${command%% *}" || echo "${command%% *}")
for archive in "$jar.aot" "$jar.jsa"; do [ -f "$archive" ] && mv "$archive" "$archive.off"; done
without=$(measure "$command")
echo "$gear $hello $without"
'
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
echo
echo "== cold start inside the image, median of 5 (ms): gear vs hello world (target <= 2x)"
for image in "${images[@]}"; do
  container=$("${buildah[@]}" from --pull-never --quiet "$image")
  "${buildah[@]}" copy --quiet "$container" "$work/hello/run" /opt/fwgear-bench/run >/dev/null
  result=$("${buildah[@]}" run --isolation chroot --network host \
    --workingdir /flywheel/v0 "$container" -- bash -c "$timing" </dev/null)
  read -r gear_line gear_exit hello_line hello_exit without_line without_exit <<<"$result"
  "${buildah[@]}" rm "$container" >/dev/null
  echo "$image:"
  echo "  to first log line: gear ${gear_line} ms, hello world ${hello_line} ms: $(ratio "$gear_line" "$hello_line")"
  echo "  to exit:           gear ${gear_exit} ms, hello world ${hello_exit} ms: $(ratio "$gear_exit" "$hello_exit")"
  echo "  without the start-up archive: ${without_line} ms to first log line, ${without_exit} ms to exit"
done
echo "uptime: $(uptime)"
