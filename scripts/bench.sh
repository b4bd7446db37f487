#!/usr/bin/env bash
# Benchmarks (figures to read, not tests to pass): the release bundle's size,
# the domain's native timings, and start-up in headless Chromium with and
# without 4x CPU throttling.
#
# Usage: bash scripts/bench.sh [start-up runs, default 15]
set -euo pipefail
LOG_TAG=bench
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

bash scripts/bundle-size.sh
log "domain timings (cargo bench -p suara-domain)"
cargo bench --quiet -p suara-domain
log "start-up in Chromium"
node benches/startup.mjs "${1:-15}"
