#!/usr/bin/env bash
# Installs what building this package needs on a fresh Debian/Ubuntu machine: the libcurl
# development files (the Linux transport links the system libcurl) and pkg-config. With `tests`,
# also what the TLS tests need: the openssl command (it makes a certificate authority at test
# time), python3 (Tests/Harness/servers.py: the TLS front, CONNECT proxy and HTTP/2 front) and its
# `h2` package. Safe to run again: it installs only what is missing.
#
#   Scripts/bootstrap.sh          # build
#   Scripts/bootstrap.sh tests    # build and test
set -euo pipefail

if [ "$(uname -s)" != "Linux" ]; then
  exit 0   # Apple platforms use URLSession; nothing to install.
fi

run_as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "bootstrap: need root to install $*; install it and run again" >&2; exit 1
  fi
}

for_tests=false
if [ "${1:-}" = "tests" ]; then for_tests=true; fi

packages=()
pkg-config --exists libcurl 2>/dev/null || packages+=(libcurl4-openssl-dev pkg-config)
if $for_tests; then
  command -v openssl >/dev/null || packages+=(openssl)
  command -v python3 >/dev/null || packages+=(python3 python3-h2)
fi
if [ "${#packages[@]}" -gt 0 ]; then
  echo "bootstrap: installing ${packages[*]}" >&2
  run_as_root apt-get update -qq
  run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

pkg-config --exists libcurl
if ! $for_tests; then exit 0; fi

if ! python3 -c "import h2" 2>/dev/null; then
  echo "bootstrap: installing the h2 Python package" >&2
  # A Debian python3 refuses pip outside a virtual environment; its own package then serves.
  python3 -m pip install --quiet h2 2>/dev/null \
    || run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-h2 >/dev/null
fi

python3 -c "import h2"
