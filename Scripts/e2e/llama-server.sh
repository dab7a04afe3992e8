#!/usr/bin/env bash
# A real llama.cpp server on loopback, for the end-to-end tests and the demo's --local mode.
#
#   Scripts/e2e/llama-server.sh install      # build llama-cpp-python into a cached virtual environment
#   Scripts/e2e/llama-server.sh start DIR    # write the tiny model into DIR, start the server, print its port
#   Scripts/e2e/llama-server.sh stop DIR     # stop the server started in DIR
#   Scripts/e2e/llama-server.sh python ARGS  # the environment's python, e.g. for stream_baseline.py
#
# `install` exits 3 when the server cannot be built here (no compiler, no PyPI); callers say so and
# skip. The virtual environment lives in $HF_E2E_CACHE (default ~/.cache/hf-swift-e2e) and is
# reused while its versions match: the source build of llama-cpp-python takes about 6 minutes on
# 2 cores. The server serves two aliases of one tiny random-weight model (see tiny_gguf.py):
# `tiny-chat` (chat format chatml-function-calling, for tool calls) and `tiny-embed` (embeddings,
# no pooling). Its log, DIR/server.log, is where the tests read that it noticed a disconnect.
# `interrupt_requests` is off: left on (the default), a stream is cut short with `[DONE]` and no
# finish reason as soon as another request waits for the model, and concurrent streams would end
# empty; a deployment serving several users turns it off too.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${HF_E2E_CACHE:-$HOME/.cache/hf-swift-e2e}"
venv="$cache/venv"
python="$venv/bin/python"
requirements=("llama-cpp-python[server]==0.3.36" "gguf==0.19.0")

install() {
  local stamp="$venv/.hf-swift-e2e-requirements"
  if [ -x "$python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "${requirements[*]}" ]; then
    return 0
  fi
  mkdir -p "$cache"
  echo "e2e: building llama-cpp-python into $venv (about 6 minutes on 2 cores; log: $cache/install.log)" >&2
  rm -rf "$venv"
  if ! { python3 -m venv "$venv" && CMAKE_ARGS="-DGGML_NATIVE=OFF" "$python" -m pip install "${requirements[@]}"; } >"$cache/install.log" 2>&1; then
    echo "e2e: could not build the llama.cpp server here; the last lines of $cache/install.log:" >&2
    tail -n 15 "$cache/install.log" >&2
    rm -rf "$venv"
    exit 3
  fi
  echo "${requirements[*]}" >"$stamp"
}

start() {
  local dir="$1"
  mkdir -p "$dir"
  "$python" "$here/tiny_gguf.py" "$dir/tiny.gguf"
  local port
  port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  cat >"$dir/config.json" <<EOF
{"host": "127.0.0.1", "port": $port, "interrupt_requests": false, "models": [
  {"model": "$dir/tiny.gguf", "model_alias": "tiny-chat", "chat_format": "chatml-function-calling",
   "n_ctx": 512, "seed": 1, "n_threads": 1, "verbose": false},
  {"model": "$dir/tiny.gguf", "model_alias": "tiny-embed", "embedding": true, "n_ctx": 512, "n_threads": 1, "verbose": false}]}
EOF
  # Unbuffered, so the log shows each disconnect as the server notices it.
  PYTHONUNBUFFERED=1 "$python" -m llama_cpp.server --config_file "$dir/config.json" >"$dir/server.log" 2>&1 &
  echo $! >"$dir/server.pid"
  for _ in $(seq 1 120); do
    if "$python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/v1/models', timeout=1)" 2>/dev/null; then
      echo "$port"
      return 0
    fi
    if ! kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "e2e: the llama.cpp server did not start; its log:" >&2
  tail -n 30 "$dir/server.log" >&2
  stop "$dir"
  exit 1
}

stop() {
  local pidfile="$1/server.pid"
  [ -f "$pidfile" ] || return 0
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
}

case "${1:-}" in
  install) install ;;
  start) install; start "${2:?start needs a directory}" ;;
  stop) stop "${2:?stop needs a directory}" ;;
  python) shift; exec "$python" "$@" ;;
  *) echo "usage: $0 install | start DIR | stop DIR | python ARGS..." >&2; exit 2 ;;
esac
