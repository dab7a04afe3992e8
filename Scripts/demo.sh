#!/usr/bin/env bash
# Runs the demo: a chat completion, the same prompt streamed, embeddings and similarity, and a
# model's availability. Offline against real recorded responses by default; live when HF_TOKEN is set.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh
swift build --product HFDemo >&2
swift run --skip-build HFDemo
