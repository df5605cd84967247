#!/usr/bin/env bash
# Line coverage of the test suite, the `pingcha` subprocesses the tests start included.
#
#   bash scripts/coverage.sh                 # builds into .build-cov (instrumented), runs XCTest
#   bash scripts/coverage.sh --report-only   # reads the profiles of the last run again
#
# Every process of the instrumented build — the test bundle and each `pingcha` it runs —
# writes its counters to LLVM_PROFILE_FILE; `%p` gives each process a file of its own. The
# profiles are merged and read against both binaries; only Sources/ is counted (not the
# tests, not the dependencies). Prints llvm-cov's per-file table and the total.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
# The toolchain's own llvm tools: Debian's older llvm-profdata cannot read Swift's profiles.
TOOLS=$(dirname "$(readlink -f "$(command -v swift)")")
BUILD=.build-cov
PROFILES="$PWD/$BUILD/profiles"
if [ "${1:-}" != "--report-only" ]; then
rm -rf "$PROFILES"; mkdir -p "$PROFILES"
swift build --build-tests --build-path "$BUILD" -Xswiftc -profile-generate -Xswiftc -profile-coverage-mapping
LLVM_PROFILE_FILE="$PROFILES/%p.profraw" swift test --skip-build --build-path "$BUILD" --disable-swift-testing \
  > "$BUILD/coverage-test.log" 2>&1 || echo "（有测试未通过，见 $BUILD/coverage-test.log；覆盖率仍按已运行的部分计算）"
fi
"$TOOLS/llvm-profdata" merge -sparse "$PROFILES"/*.profraw -o "$BUILD/merged.profdata"
BIN="$BUILD/debug/PingchaPackageTests.xctest"
"$TOOLS/llvm-cov" report "$BIN" -object "$BUILD/debug/pingcha" -instr-profile "$BUILD/merged.profdata" \
  -ignore-filename-regex '(\.build|Tests|checkouts)/' | tee "$BUILD/coverage.txt" | tail -3
echo "进程数（每个进程一个计数文件）：$(ls "$PROFILES" | wc -l)"
