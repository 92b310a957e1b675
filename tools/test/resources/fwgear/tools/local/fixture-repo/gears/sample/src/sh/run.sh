#!/bin/bash
# The sample gear: reports its working directory, arguments and environment, then exits with the
# code config.json asks for. With a key of a local Flywheel server it creates the group
# "sample-made" there (plain HTTP through bash's /dev/tcp), so a test can read it back.
echo "cwd=$(pwd)"
echo "args=$*"
env | sort | sed 's/^/env: /'
echo "a line on stderr" >&2
echo "done" > "$FLYWHEEL/output/result.txt"
config=$(tr -d ' \n' < "$FLYWHEEL/config.json")
key=$(grep -o '"key":"[^"]*"' <<<"$config" | sed 's/"key":"\(.*\)"/\1/')
if [[ $key =~ ^127\.0\.0\.1:([0-9]+):(.+)$ ]]; then
  port=${BASH_REMATCH[1]}
  echo "key host=127.0.0.1:$port"
  body='{"_id":"sample-made","label":"Made by the sample gear"}'
  if exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
    printf 'POST /api/groups HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nAuthorization: scitran-user %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
      "$port" "$key" "${#body}" "$body" >&3
    status=$(head -n 1 <&3 | tr -d '\r')
    exec 3<&-
    echo "created group: $status"
  fi
fi
code=$(grep -o '"exit_code":[0-9]*' <<<"$config" | grep -o '[0-9]*$')
exit "${code:-0}"
