#!/usr/bin/env bash
# End-to-end tests against a real server running here: llama.cpp's OpenAI-compatible server (PyPI's
# llama-cpp-python) with a tiny random-weight model written at run time. It builds the server into
# a cached virtual environment (about 6 minutes the first time), starts it on a free loopback port,
# runs the HFEndToEndTests target against it, stops it, and reports the figures: time to the first
# streamed piece and pieces per second through this client, beside the same stream read by a
# bare Python client in the same run.
#
#   Scripts/e2e.sh
#
# When the server cannot be built here (no C compiler, no PyPI), it says so and exits 0 without
# running the tests: SKIPPED, never a pass. Set HF_E2E_REQUIRED=1 to make that a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh
status=0
Scripts/e2e/llama-server.sh install || status=$?
if [ "$status" = 3 ] && [ "${HF_E2E_REQUIRED:-0}" != 1 ]; then
  echo "== e2e: SKIPPED: the llama.cpp server could not be built on this machine (see above); no end-to-end test ran" >&2
  exit 0
elif [ "$status" != 0 ]; then
  exit "$status"
fi

work="$(mktemp -d)"
trap 'Scripts/e2e/llama-server.sh stop "$work"; rm -rf "$work"' EXIT
port="$(Scripts/e2e/llama-server.sh start "$work")"
echo "e2e: llama.cpp server on 127.0.0.1:$port (log: $work/server.log)" >&2

log="$work/tests.log"
set +e
HF_E2E_BASE_URL="http://127.0.0.1:$port/v1" HF_E2E_SERVER_LOG="$work/server.log" \
  swift test --filter HFEndToEndTests 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

summary="$(grep -E '(✔|✘) Test run with [0-9]+ tests' "$log" | tail -n 1 || true)"
skipped="$(grep -cE '^➜ .* skipped' "$log" || true)"
if [ "$status" != 0 ] || [ -z "$summary" ] || [ "$skipped" != 0 ] || [[ "$summary" != ✔* ]]; then
  echo "== e2e: FAILED (exit $status; ${skipped} skipped; ${summary:-no test run reported}); server log: $work/server.log" >&2
  tail -n 40 "$work/server.log" >&2
  exit 1
fi

echo "== e2e: passed: ${summary#✔ }" >&2
echo "== e2e figures (this client, through the public API):" >&2
grep -E '^e2e figure: ' "$log" | sed 's/^e2e figure: /   /' >&2
echo "== e2e baseline, the same stream read without this client:" >&2
echo "   $(Scripts/e2e/llama-server.sh python Scripts/e2e/stream_baseline.py "$port")" >&2
