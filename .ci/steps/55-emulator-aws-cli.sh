#!/usr/bin/env bash
# CI: Debian's real AWS CLI against the local Flywheel's SSM endpoint, signed with the key pair the
# server prints: put (types, overwrite, versions), get with and without decryption, a version
# selector, get by path, describe, history, delete; an unsigned request and a wrong secret refused.
# Then S3 (s3proxy on its own port, same key pair): the seeded bucket, cp up and down byte for byte,
# ls, a missing key, and unsigned / wrongly signed requests refused.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ -x /usr/bin/aws ]] || {
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q awscli
}
aws=/usr/bin/aws # not a pyenv shim on PATH

data=$(mktemp -d)
log=$(mktemp)
./gear emulator --port 0 --data "$data" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$data" "$log"' EXIT
for _ in $(seq 1 600); do
  grep -q '^AWS secret access key: ' "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "the server did not start" >&2; exit 1; }
  sleep 0.1
done
grep -q '^AWS secret access key: ' "$log" || { cat "$log" >&2; echo "no AWS key pair printed" >&2; exit 1; }
base=$(sed -n 's/^Flywheel emulator listening on //p' "$log")
port=${base##*:}

# Only what the server printed: no profile, no config file of this machine.
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER=""
export AWS_ACCESS_KEY_ID=$(sed -n 's/^AWS access key id: //p' "$log")
export AWS_SECRET_ACCESS_KEY=$(sed -n 's/^AWS secret access key: //p' "$log")
export AWS_DEFAULT_REGION=us-east-1
# Debian's CLI (2.9) predates AWS_ENDPOINT_URL_SSM: the endpoint goes on the command line.
ssm() { "$aws" --endpoint-url "$base" ssm "$@"; }

fail() {
  echo "55-aws-cli: $*" >&2
  exit 1
}
expect() { # expect <what> <expected> <actual>
  [[ $3 == "$2" ]] || fail "$1: expected '$2', got '$3'"
}
refused() { # refused <error code> <command...>: the command fails naming the AWS error code
  local code=$1 out
  shift
  if out=$("$@" 2>&1); then fail "not refused ($code): $*"; fi
  [[ $out == *"$code"* ]] || fail "expected $code from: $*; got: $out"
}

expect "put" 1 "$(ssm put-parameter --name /ci/db/password --type SecureString --value first-secret --query Version --output text)"
refused ParameterAlreadyExists ssm put-parameter --name /ci/db/password --type SecureString --value other
expect "put --overwrite" 2 "$(ssm put-parameter --name /ci/db/password --type SecureString --value second-secret --overwrite --query Version --output text)"
ssm put-parameter --name /ci/db/user --type String --value alice >/dev/null
ssm put-parameter --name /ci/hosts --type StringList --value a.example,b.example >/dev/null

expect "get --with-decryption" second-secret "$(ssm get-parameter --name /ci/db/password --with-decryption --query Parameter.Value --output text)"
hidden=$(ssm get-parameter --name /ci/db/password --query Parameter.Value --output text)
[[ $hidden != *second-secret* && $(base64 -d <<<"$hidden" 2>/dev/null | tr -d '\0') != *second-secret* ]] ||
  fail "a SecureString read without decryption shows its plaintext"
expect "get name:1" first-secret "$(ssm get-parameter --name /ci/db/password:1 --with-decryption --query Parameter.Value --output text)"
expect "get a String" alice "$(ssm get-parameter --name /ci/db/user --query Parameter.Value --output text)"
refused ValidationException ssm get-parameter --name 'bad name'
refused ParameterNotFound ssm get-parameter --name /ci/nothing

expect "get-parameters-by-path" "/ci/db/password	/ci/db/user	/ci/hosts" \
  "$(ssm get-parameters-by-path --path /ci --recursive --with-decryption --page-size 1 --query 'Parameters[].Name' --output text | tr '\n' '\t' | sed 's/\t$//')"
expect "get-parameters-by-path, one level" "/ci/hosts" \
  "$(ssm get-parameters-by-path --path /ci --query 'Parameters[].Name' --output text)"
expect "get-parameters-by-path, Type filter" "/ci/db/password" \
  "$(ssm get-parameters-by-path --path /ci --recursive --parameter-filters Key=Type,Values=SecureString --query 'Parameters[].Name' --output text)"
expect "describe-parameters" "/ci/db/password	/ci/db/user" \
  "$(ssm describe-parameters --parameter-filters Key=Name,Option=BeginsWith,Values=/ci/db --query 'Parameters[].Name' --output text)"
expect "get-parameter-history" "1	2" \
  "$(ssm get-parameter-history --name /ci/db/password --query 'Parameters[].Version' --output text)"
expect "the gear-bot key" "127.0.0.1:$port:emulator-gearbot-key" \
  "$(ssm get-parameter --name /prod/flywheel/gearbot/apikey --with-decryption --query Parameter.Value --output text)"

ssm delete-parameter --name /ci/db/user
refused ParameterNotFound ssm get-parameter --name /ci/db/user
refused ParameterNotFound ssm delete-parameter --name /ci/db/user

refused MissingAuthenticationToken "$aws" --endpoint-url "$base" --no-sign-request ssm get-parameter --name /ci/db/password
refused InvalidSignatureException env AWS_SECRET_ACCESS_KEY=wrong "$aws" --endpoint-url "$base" ssm get-parameter --name /ci/db/password
refused UnrecognizedClientException env AWS_ACCESS_KEY_ID=AKIAUNKNOWN "$aws" --endpoint-url "$base" ssm get-parameter --name /ci/db/password
s3base=$(sed -n 's/^S3 endpoint: //p' "$log")
[[ $s3base == http://127.0.0.1:* && ${s3base##*:} != "$port" ]] || fail "no S3 endpoint of its own printed: '$s3base'"
s3() { "$aws" --endpoint-url "$s3base" "$@"; }
expect "s3 ls (the seeded bucket)" nacc-metadata "$(s3 s3api list-buckets --query 'Buckets[].Name' --output text | tr '\t' '\n' | grep -x nacc-metadata)"
table=$(mktemp)
printf '\xef\xbb\xbfADCID,NOTE\r\n12,"two\r\nlines, quoted"\r\n' >"$table"
s3 s3 cp --quiet "$table" s3://nacc-metadata/ci/table.csv
expect "s3 ls" "ci/table.csv" "$(s3 s3api list-objects-v2 --bucket nacc-metadata --prefix ci/ --query 'Contents[].Key' --output text)"
s3 s3 cp --quiet s3://nacc-metadata/ci/table.csv "$table.back"
cmp -s "$table" "$table.back" || fail "s3 cp down did not give the same bytes back"
rm -f "$table" "$table.back"
refused NoSuchKey s3 s3api get-object --bucket nacc-metadata --key ci/none.csv /dev/null
refused AccessDenied "$aws" --endpoint-url "$s3base" --no-sign-request s3api list-objects-v2 --bucket nacc-metadata
refused SignatureDoesNotMatch env AWS_SECRET_ACCESS_KEY=wrong "$aws" --endpoint-url "$s3base" s3api list-objects-v2 --bucket nacc-metadata
echo "55-aws-cli: the AWS CLI ($("$aws" --version 2>&1 | cut -d' ' -f1)) works against the local S3 endpoint ($s3base), and refuses unsigned and wrongly signed requests"
echo "55-aws-cli: the AWS CLI ($("$aws" --version 2>&1 | cut -d' ' -f1)) works against the local SSM endpoint, and refuses unsigned and wrongly signed requests"
