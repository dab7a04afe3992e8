#!/usr/bin/env bash
# Builds the integrations package (Integrations/: the swift-log, swift-metrics and
# swift-distributed-tracing bridges, a package of its own so the library keeps no dependencies)
# and runs its tests, over the library's recorded traffic. Ends with one summary line.
#
#   Scripts/test-integrations.sh
#
# A first build also compiles the library and the three packages: 3 min 18 s from clean here, on
# 2 cores shared with other builds (1 minute of CPU).
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh

echo "== integrations: build" >&2
swift build --package-path Integrations --build-tests

echo "== integrations: test" >&2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
swift test --package-path Integrations --skip-build 2>&1 | tee "$log"
# swift-testing's own summary; XCTest's "Executed 0 tests" is not about these tests.
summary="$(grep -E '^. Test run with [0-9]+ tests? ' "$log" | tail -n 1 | sed -E 's/^. //' || true)"
echo "== integrations: ${summary:-no test summary found}" >&2
