#!/usr/bin/env bash
# Builds everything (the plugin binary the end-to-end tests run included) and runs every
# test. End-to-end tests need root and Debian's CNI plugins; without them they are skipped
# with a message naming what is missing, unless MULTINET_REQUIRE_E2E=1 turns that into a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build "$@"
