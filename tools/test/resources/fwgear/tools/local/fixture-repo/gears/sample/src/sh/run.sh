#!/bin/bash
# The sample gear: reports its working directory, arguments and environment, then exits with the
# code config.json asks for.
echo "cwd=$(pwd)"
echo "args=$*"
env | sort | sed 's/^/env: /'
echo "a line on stderr" >&2
code=$(tr -d ' \n' < "$FLYWHEEL/config.json" | grep -o '"exit_code":[0-9]*' | grep -o '[0-9]*$')
exit "${code:-0}"
