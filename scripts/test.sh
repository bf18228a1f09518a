#!/usr/bin/env bash
# Builds everything (the plugin binary the end-to-end tests run included) and runs every
# test. End-to-end tests need root and Debian's CNI plugins; without them they are skipped
# with a message naming what is missing, unless MULTINET_REQUIRE_E2E=1 turns that into a failure.
#
# Two runs: the unit tests first, then the end-to-end tests. Swift Testing runs tests in
# parallel on a cooperative pool as wide as the machine has cores; end-to-end tests block
# threads on processes, which would starve the unit tests that time deadlines and timers.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build --skip MultinetEndToEndTests "$@"
swift test --skip-build --filter MultinetEndToEndTests "$@"
