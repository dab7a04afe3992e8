#!/usr/bin/env bash
# Builds the documentation (the DocC catalog Sources/HFFull/HFFull.docc and every public symbol of
# the products) with the toolchain alone, no plug-in, and fails on any DocC warning (a symbol link
# that does not resolve, among others) or on a public declaration without a doc comment.
#
#   Scripts/docs.sh              writes .build/docs/HFFull.doccarchive
#   docc preview Sources/HFFull/HFFull.docc --additional-symbol-graph-dir .build/docs/symbol-graphs
#                                serves it locally after a run
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh

if [[ "$(uname)" == Darwin ]]; then
  run_tool() { xcrun "$@"; }
  sdk=(-sdk "$(xcrun --show-sdk-path)")
else
  run_tool() { "$@"; }
  sdk=()
fi

echo "== building the library" >&2
swift build --target HFFull >&2
bin="$(swift build --show-bin-path)"
triple="$(basename "$(dirname "$bin")")"

# HFFull re-exports every product (and, through HFCore, HFJSON and HFTransport), so its symbol
# graph, with those modules allowed as re-exports, is the whole public API in one module.
echo "== extracting the symbol graph" >&2
out=.build/docs
rm -rf "$out/symbol-graphs"
mkdir -p "$out/symbol-graphs"
run_tool swift-symbolgraph-extract "${sdk[@]}" \
  -module-name HFFull -target "$triple" \
  -I "$bin/Modules" -I "$bin" -I Sources/CCurl \
  -minimum-access-level public -skip-synthesized-members \
  -experimental-allowed-reexported-modules=HFCore,HFInference,HFStreaming,HFEmbeddings,HFSimilarity,HFModels,HFMultimodal,HFEnterprise,HFSync,HFJSON,HFTransport \
  -output-dir "$out/symbol-graphs"

echo "== public declarations without a doc comment" >&2
swift Scripts/docs/UndocumentedSymbols.swift "$out/symbol-graphs" Sources

echo "== docc convert (warnings are errors)" >&2
rm -rf "$out/HFFull.doccarchive"
run_tool docc convert Sources/HFFull/HFFull.docc \
  --additional-symbol-graph-dir "$out/symbol-graphs" \
  --fallback-display-name HFFull --fallback-bundle-identifier org.huggingface.HuggingFaceInference \
  --transform-for-static-hosting \
  --warnings-as-errors \
  --output-path "$out/HFFull.doccarchive"
echo "== documentation written to $out/HFFull.doccarchive" >&2
