#!/usr/bin/env bash
# Runs the demo: a chat completion, the same prompt streamed (then its finish reason, token usage
# and latency: the recorded stream stops at max_tokens, 20, mid-sentence, and says so), embeddings
# and similarity, a model's availability, and the vision, audio and image examples. Offline against
# real recorded responses by default; live when HF_TOKEN is set.
#
#   Scripts/demo.sh            offline (recorded responses), or live with HF_TOKEN
#   Scripts/demo.sh --local    live against a llama.cpp server started here, no token: chat,
#                              streaming, a tool call, JSON output and embeddings from a tiny
#                              random-weight model (builds the server the first time, ~6 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh
if [ "${1:-}" = "--local" ]; then
  Scripts/e2e/llama-server.sh install
  work="$(mktemp -d)"
  trap 'Scripts/e2e/llama-server.sh stop "$work"; rm -rf "$work"' EXIT
  port="$(Scripts/e2e/llama-server.sh start "$work")"
  export HF_DEMO_LOCAL_URL="http://127.0.0.1:$port/v1"
elif [ -n "${1:-}" ]; then
  echo "usage: $0 [--local]" >&2
  exit 2
fi
swift build --product HFDemo >&2
swift run --skip-build HFDemo
