#!/usr/bin/env bash
# Runs every test target, then checks that a consumer can depend on each product alone.
# On a fresh machine it first installs what it needs (Scripts/bootstrap.sh).
#
#   Scripts/test.sh            all tests (live tests report as skipped)
#   HF_LIVE=1 Scripts/test.sh  also the live tests against the real router (needs a token)
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh tests

echo "== swift test" >&2
swift test

echo "== consumer smoke check: one small package per product, depending on this one by path" >&2
# A file renamed in the package can leave the consumer's incremental build asking for the old
# name; one clean rebuild settles it (a fresh clone never needs it).
swift build --package-path Tests/ConsumerSmoke || {
  swift package --package-path Tests/ConsumerSmoke clean
  swift build --package-path Tests/ConsumerSmoke
}
echo "== all tests passed" >&2
