#!/usr/bin/env bash
# The local Flywheel server as a real process under load with injected faults: concurrent clients
# create projects; each must be there exactly once (the script exits non-zero otherwise).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v curl >/dev/null || {
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q curl
}
FAULTS=1 bench/load-projects.sh 20 400
