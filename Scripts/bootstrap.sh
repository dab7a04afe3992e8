#!/usr/bin/env bash
# Installs what building and testing this package needs on a fresh Debian/Ubuntu machine:
# the libcurl development files (the Linux transport links the system libcurl) and pkg-config.
# Safe to run again: it installs only what is missing.
set -euo pipefail

if [ "$(uname -s)" != "Linux" ]; then
  exit 0   # Apple platforms use URLSession; nothing to install.
fi

if pkg-config --exists libcurl 2>/dev/null; then
  exit 0
fi

echo "bootstrap: installing libcurl4-openssl-dev and pkg-config" >&2
run_as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "bootstrap: need root to install libcurl4-openssl-dev; install it and run again" >&2; exit 1
  fi
}
run_as_root apt-get update -qq
run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcurl4-openssl-dev pkg-config >/dev/null
pkg-config --exists libcurl
