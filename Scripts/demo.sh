#!/usr/bin/env bash
# Runs the demo: a chat completion, the same prompt streamed (then its finish reason, token usage
# and latency: the recorded stream stops at max_tokens, 20, mid-sentence, and says so), embeddings
# and similarity, a model's availability, and the vision, audio and image examples. Offline against
# real recorded responses by default; live when HF_TOKEN is set.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh
swift build --product HFDemo >&2
swift run --skip-build HFDemo
