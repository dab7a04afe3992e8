#!/usr/bin/env bash
# The soak: thousands of streamed chats through the loopback replay server, each with a random
# fault on top of a real recorded stream (reset, truncation, 429, 503, slow bytes, a stall that
# trips the idle timeout, or none). Reports the outcomes by fault and by error category, and the
# process's open descriptors and RSS at the start and the end. Not part of `swift test`.
#
#   Scripts/soak.sh                  10,000 streams, 8 at a time, seed 1
#   Scripts/soak.sh 2000 4 7         2,000 streams, 4 at a time, seed 7
#
# Exits 1 when any stream ended in a way its fault does not allow (see Tests/HFSoak/SoakFault.swift).
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh
SCRATCH="${SOAK_SCRATCH_PATH:-.build-soak-release}"
echo "== building HFSoak (release)" >&2
swift build -c release --product HFSoak --scratch-path "$SCRATCH"
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/HFSoak"
echo "== soak at $(git rev-parse --short HEAD 2>/dev/null || echo 'unknown commit')" >&2
"$BIN" "${1:-10000}" "${2:-8}" "${3:-1}"
