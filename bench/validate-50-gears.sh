#!/usr/bin/env bash
# Benchmark: ./gear validate :: on a generated repository of 50 Java gears (seed layout), JVM start
# included. Prints each run's wall time and the median; the target is at most 0.5 s (issue 11).
# Timed twice: without validate's cache of the sources' scans (a fresh clone, or every gear
# changed), then with it (every run after the first, for the gears that did not change).
# Usage: bench/validate-50-gears.sh [gears=50] [runs=7]
set -euo pipefail
home=$(cd "$(dirname "$0")/.." && pwd)
gears=${1:-50}
runs=${2:-7}
fixture=$home/tools/test/resources/repos/java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The repository: the Java fixture's gear, copied and renamed $gears times.
cp "$fixture/gear.toml" "$fixture/BUILD" "$work/"
for i in $(seq -w 1 "$gears"); do
  folder=gears/gear_$i
  mkdir -p "$work/$folder"
  cp -r "$fixture/gears/project_management/." "$work/$folder/"
  mv "$work/$folder/src/java/project_app" "$work/$folder/src/java/app_$i"
  mv "$work/$folder/test/java/project_app" "$work/$folder/test/java/app_$i"
  find "$work/$folder" -type f -exec sed -i \
    -e "s/project_management/gear_$i/g" -e "s/project-management/gear-$i/g" \
    -e "s/project_app/app_$i/g" {} +  # A real gear has more code than Run and Main: nine more classes in sub-packages.
  for part in model plan site; do
    mkdir -p "$work/$folder/src/java/app_$i/$part"
    for n in 1 2 3; do
      cat >"$work/$folder/src/java/app_$i/$part/Part$n.java" <<JAVA
package app_$i.$part;

import java.util.ArrayList;
import java.util.List;

/** Filler code of realistic size for the benchmark. */
public final class Part$n {
  private final List<String> names = new ArrayList<>();

  public Part$n add(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a name is required");
    }
    names.add(name.strip());
    return this;
  }

  public List<String> names() {
    return List.copyOf(names);
  }

  @Override
  public String toString() {
    return "Part$n" + names;
  }
}
JAVA
    done
  done
done

# Build the tool (if its sources changed) and write its class data archive from a validate run
# (./gear writes it on the first run after a build; another command's archive lacks validate's
# classes): not part of the timing.
(cd "$work" && "$home/gear" --version >/dev/null)
rm -f "$home/tools/target/gear.jsa"
(cd "$work" && "$home/gear" validate :: >/dev/null)
(cd "$work" && "$home/gear" validate :: >/dev/null)
summary=$(cd "$work" && "$home/gear" validate ::)
echo "repository: $gears gears in $work; $summary"

# Wall and CPU (user + sys) time of each run; CPU shows the work when the machine is shared.
TIMEFORMAT='%R %U %S'
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
# timed <label> <fresh>: $runs runs, each printed, then the medians; fresh=1 removes validate's
# cache of the sources' scans (dist/.gear/source-scans.json) before each run: every gear's Run.java
# parsed with JavaParser, as after a change to every gear, or in a fresh clone.
timed() {
  local label=$1 fresh=$2 walls=() cpus=() run timing real user sys wall cpu
  for ((run = 1; run <= runs; run++)); do
    ((fresh)) && rm -f "$work/dist/.gear/source-scans.json"
    timing=$({ time (cd "$work" && "$home/gear" validate :: >/dev/null 2>&1); } 2>&1)
    read -r real user sys <<<"$timing"
    wall=$(awk -v r="$real" 'BEGIN { printf "%d", r * 1000 }')
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')
    walls+=("$wall")
    cpus+=("$cpu")
    echo "$label run $run: ${wall} ms wall, ${cpu} ms cpu"
  done
  echo "validate :: on $gears gears, $label: median $(median "${walls[@]}") ms wall," \
    "$(median "${cpus[@]}") ms cpu (target <= 500 ms wall)"
}
timed "no scan cache" 1
timed "scans cached" 0
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
