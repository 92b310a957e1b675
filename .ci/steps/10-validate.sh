#!/usr/bin/env bash
# CI: every gear of the repository passes ./gear validate (BUILD, manifest, Dockerfile and code agree).
set -euo pipefail
cd "$(dirname "$0")/../.."
./gear validate ::
# Every source folder has its BUILD targets (tailor would add nothing).
./gear tailor --check
