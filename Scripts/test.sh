#!/usr/bin/env bash
# Runs every test target, checks that a consumer can depend on each product alone, runs the
# integrations package's tests (Scripts/test-integrations.sh), and ends
# with one summary line: tests passed, failed and skipped (Swift Testing and, when a test uses it,
# XCTest) and the consumer check's result. On a fresh machine it first installs what it needs
# (Scripts/bootstrap.sh).
#
#   Scripts/test.sh            all tests (live tests report as skipped)
#   HF_LIVE=1 Scripts/test.sh  also the live tests against the real router (needs a token)
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh tests

results=.build/test-results
rm -rf "$results"
mkdir -p "$results"

# XCTest runs only when a test imports it; with none it would just print "Executed 0 tests".
xctest=--disable-xctest
if grep -rqs --include='*.swift' '^import XCTest' Tests; then xctest=--enable-xctest; fi

echo "== swift test" >&2
tests_status=0
swift test "$xctest" --xunit-output "$results/xunit.xml" || tests_status=$?

echo "== consumer smoke check: one small package per product, depending on this one by path" >&2
# Quiet unless it fails. A file renamed in the package can leave the consumer's incremental build
# asking for the old name; one clean rebuild settles it (a fresh clone never needs it).
smoke_log="$results/consumer-smoke.log"
smoke_status=0
swift build --package-path Tests/ConsumerSmoke >"$smoke_log" 2>&1 || {
  swift package --package-path Tests/ConsumerSmoke clean >>"$smoke_log" 2>&1
  swift build --package-path Tests/ConsumerSmoke >>"$smoke_log" 2>&1
} || smoke_status=$?
if [ "$smoke_status" -ne 0 ]; then
  cat "$smoke_log" >&2
fi

echo "== integrations package (Integrations/: swift-log, swift-metrics and tracing bridges, the hf tool)" >&2
integrations_status=0
Scripts/test-integrations.sh || integrations_status=$?

# Test cases by outcome, "passed failed skipped", in every XUnit file `swift test` wrote (one per
# framework that ran: xunit.xml, and xunit-swift-testing.xml when XCTest ran too).
count() {
  awk '
    /<testcase[ >]/ { open = 1; failed = 0; skipped = 0; if ($0 ~ /\/>[[:space:]]*$/) { passes++; open = 0 } ; next }
    open && /<failure/ { failed = 1 }
    open && /<skipped/ { skipped = 1 }
    open && /<\/testcase>/ { if (failed) failures++; else if (skipped) skips++; else passes++; open = 0 }
    END { printf "%d %d %d\n", passes, failures, skips }
  ' /dev/null "$@"
}
shopt -s nullglob   # no file at all (swift test stopped before running any) counts as nothing
read -r passed failed skipped <<<"$(count "$results"/xunit*.xml)"
frameworks=$([ "$xctest" = --enable-xctest ] && echo "Swift Testing and XCTest" || echo "Swift Testing; no test imports XCTest")
products=$(grep -c 'executableTarget(' Tests/ConsumerSmoke/Package.swift)
smoke=$([ "$smoke_status" -eq 0 ] && echo "built" || echo "FAILED (log above)")
integrations=$([ "$integrations_status" -eq 0 ] && echo "passed" || echo "FAILED (log above)")
# No failure recorded but swift test failed: it stopped before running tests (a build error).
note=$([ "$tests_status" -ne 0 ] && [ "$failed" -eq 0 ] && echo " (swift test exited with $tests_status before running them; see above)" || true)

status="passed"
{ [ "$tests_status" -ne 0 ] || [ "$smoke_status" -ne 0 ] || [ "$integrations_status" -ne 0 ]; } && status="FAILED"
echo "== ${status}: ${passed} tests passed, ${failed} failed, ${skipped} skipped${note} (${frameworks}); consumer smoke check (${products} products): ${smoke}; integrations: ${integrations}" >&2
[ "$status" = "passed" ]
