#!/usr/bin/env bash
# Runs the benchmarks and writes Docs/benchmarks.md (about 6–8 minutes on 2 cores).
#
#   Scripts/bench.sh                  every row
#   BENCH_ROWS=B1,B4 Scripts/bench.sh  some rows (the report then lists only those)
#   BENCH_QUICK=yes Scripts/bench.sh   fewer runs and smaller inputs, to check the script
#
# Builds the benchmark package (Tests/Benchmarks, its own package so neither consumers nor
# `swift test` build it) in release mode, installs the pinned Python peers into .venv-bench, and
# runs `HFBench run`, which starts the loopback server and every client in processes of their own.
set -euo pipefail
cd "$(dirname "$0")/.."

# The Python peers, pinned so runs compare.
HUGGINGFACE_HUB_VERSION=2.4.0
ORJSON_VERSION=3.13.0
NUMPY_VERSION=2.4.6

SCRATCH="${BENCH_SCRATCH_PATH:-.build-bench-release}"
VENV="${BENCH_VENV:-.venv-bench}"

Scripts/bootstrap.sh

run_as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "bench: need root to install $*; install it and run again" >&2; exit 1
  fi
}
if ! command -v curl >/dev/null || ! command -v python3 >/dev/null || ! python3 -m venv --help >/dev/null 2>&1; then
  echo "bench: installing curl, python3 and python3-venv" >&2
  run_as_root apt-get update -qq
  run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl python3 python3-venv >/dev/null
fi

echo "== building the benchmarks (release)" >&2
swift build -c release --package-path Tests/Benchmarks --scratch-path "$SCRATCH"
BIN="$(swift build -c release --package-path Tests/Benchmarks --scratch-path "$SCRATCH" --show-bin-path)/HFBench"

echo "== installing the Python peers into $VENV" >&2
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  "huggingface_hub==$HUGGINGFACE_HUB_VERSION" "orjson==$ORJSON_VERSION" "numpy==$NUMPY_VERSION"

echo "== running" >&2
"$BIN" run \
  --fixtures Tests/HFReplay/Recorded \
  --python "$VENV/bin/python" \
  --peers Tests/Benchmarks/peers.py \
  --swift-version "$(swift --version 2>/dev/null | head -n 1)" \
  --rows "${BENCH_ROWS:-B1,B2,B3,B4,B5,B6}" \
  --quick "${BENCH_QUICK:-no}" \
  --out Docs/benchmarks.md
echo "== wrote Docs/benchmarks.md" >&2
