#!/usr/bin/env bash
# Fuzzes the readers of untrusted bytes with libFuzzer and AddressSanitizer (Linux).
#
#   Scripts/fuzz.sh                      every target, 60 s each
#   Scripts/fuzz.sh 300                  every target, 300 s each
#   Scripts/fuzz.sh 60 sse json          some targets
#
# Targets: sse (the SSE parser), json (the JSON reader), embeddings (the embeddings decoder),
# error-body (the error-body reader and the error mapping), link-header (the Link-header parser).
# Each is Tests/Fuzz/Targets/<Name>Fuzz.swift, which also checks invariants (chunked SSE equals
# whole SSE, parse agrees with skip, floats equal JSONDecoder's, ...): a broken invariant stops the
# run like a crash.
#
# The library modules a target needs are compiled with swiftc straight from Sources/, with
# coverage (-sanitize=fuzzer) and AddressSanitizer, and with -enable-testing so a target can reach
# internal readers (`@testable import`); SwiftPM cannot link a libFuzzer binary. The corpus starts
# from the recorded traffic (Tests/HFReplay/Recorded), extracted into a temporary directory.
# A crash leaves its input in .build-fuzz/artifacts/<target>-crash-*; reproduce it with
# `.build-fuzz/bin/fuzz-<target> <that file>`. Exits 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)" != "Linux" ]; then
  echo "fuzz: libFuzzer with the Swift toolchain runs on Linux only" >&2
  exit 2
fi

ALL_TARGETS=(sse json embeddings error-body link-header)
SECONDS_PER_TARGET="${1:-60}"
[ $# -gt 0 ] && shift
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")
case "$SECONDS_PER_TARGET" in
  ''|*[!0-9]*) echo "fuzz: seconds-per-target must be a whole number, not '$SECONDS_PER_TARGET'" >&2; exit 2 ;;
esac

# What each target is built from: its file, the library modules it imports (in build order),
# extra source files, and libFuzzer's input size cap (above the largest useful seed).
target_file()    { case "$1" in sse) echo SSEParserFuzz ;; json) echo JSONReaderFuzz ;; embeddings) echo EmbeddingsDecoderFuzz ;; error-body) echo ErrorBodyFuzz ;; link-header) echo LinkHeaderFuzz ;; *) return 1 ;; esac; }
target_modules() { case "$1" in sse) echo HFTransport ;; json) echo HFJSON ;; embeddings) echo HFJSON HFTransport HFCore HFEmbeddings ;; error-body) echo HFJSON HFTransport HFCore ;; link-header) echo HFJSON HFTransport HFCore HFModels ;; esac; }
# The library modules each module imports, directly or not (from Package.swift).
module_imports() { case "$1" in HFCore) echo HFJSON HFTransport ;; HFEmbeddings|HFModels) echo HFJSON HFTransport HFCore ;; esac; }
target_extras()  { case "$1" in sse) echo Tests/HFTestSupport/SplitMix64.swift ;; esac; }
target_max_len() { case "$1" in sse) echo 16384 ;; json) echo 32768 ;; embeddings) echo 131072 ;; error-body) echo 8192 ;; link-header) echo 4096 ;; esac; }

for target in "${TARGETS[@]}"; do
  target_file "$target" >/dev/null || { echo "fuzz: unknown target '$target' (known: ${ALL_TARGETS[*]})" >&2; exit 2; }
done

Scripts/bootstrap.sh

BUILD=.build-fuzz
mkdir -p "$BUILD/modules" "$BUILD/objects" "$BUILD/bin" "$BUILD/artifacts"
SWIFTC=(swiftc -swift-version 6 -package-name huggingfaceinference -O -g -sanitize=fuzzer,address -I "$BUILD/modules")
# CCurl's module map, and libcurl's headers where pkg-config says they are.
SWIFTC+=(-I Sources/CCurl $(pkg-config --cflags-only-I libcurl | sed 's/-I/-Xcc -I/g'))

# A module is compiled again when its object is missing or older than one of its sources or than
# a module it imports (those come before it in the target's list, so they are already up to date).
build_module() {
  local module="$1" object="$BUILD/objects/$1.o" imported=()
  for dependency in $(module_imports "$module"); do imported+=("$BUILD/objects/$dependency.o"); done
  if [ -f "$object" ] && [ -z "$(find "Sources/$module" "${imported[@]}" -newer "$object" | head -n 1)" ]; then
    return
  fi
  echo "== compiling $module" >&2
  # shellcheck disable=SC2046
  "${SWIFTC[@]}" -parse-as-library -enable-testing -wmo -module-name "$module" \
    -emit-module -emit-module-path "$BUILD/modules/$module.swiftmodule" \
    -c $(find "Sources/$module" -name '*.swift' | sort) -o "$object" 2> >(grep -v 'warning: Cannot export' >&2)
}

CORPUS="$(mktemp -d)"
trap 'rm -rf "$CORPUS"' EXIT
echo "== extracting seeds from Tests/HFReplay/Recorded" >&2
swiftc -swift-version 6 -O Tests/Fuzz/SeedCorpus.swift -o "$BUILD/bin/seed-corpus"
"$BUILD/bin/seed-corpus" Tests/HFReplay/Recorded "$CORPUS/seeds" >&2

crashed=()
for target in "${TARGETS[@]}"; do
  objects=()
  for module in $(target_modules "$target"); do
    build_module "$module"
    objects+=("$BUILD/objects/$module.o")
  done
  binary="$BUILD/bin/fuzz-$target"
  echo "== linking fuzz-$target" >&2
  # shellcheck disable=SC2046
  "${SWIFTC[@]}" -parse-as-library -module-name "Fuzz$(target_file "$target")" \
    Tests/Fuzz/Support/FuzzEntry.swift "Tests/Fuzz/Targets/$(target_file "$target").swift" $(target_extras "$target") \
    "${objects[@]}" -lcurl -o "$binary" 2> >(grep -v 'warning: Cannot export' >&2)

  echo "== fuzzing $target for ${SECONDS_PER_TARGET}s" >&2
  mkdir -p "$CORPUS/found/$target"
  # New inputs go to the first directory; the seeds are read from the second.
  if "$binary" -max_total_time="$SECONDS_PER_TARGET" -max_len="$(target_max_len "$target")" -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/$target-" \
      "$CORPUS/found/$target" "$CORPUS/seeds/$target" 2>"$BUILD/fuzz-$target.log"; then
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$BUILD/fuzz-$target.log" | sed "s/^/$target: /" >&2
  else
    crashed+=("$target")
    tail -n 40 "$BUILD/fuzz-$target.log" >&2
    echo "fuzz: $target CRASHED; input saved as $BUILD/artifacts/$target-*" >&2
  fi
done

if [ ${#crashed[@]} -gt 0 ]; then
  echo "fuzz: crashes in: ${crashed[*]}" >&2
  exit 1
fi
echo "fuzz: no crash in ${TARGETS[*]} (${SECONDS_PER_TARGET}s each)" >&2
