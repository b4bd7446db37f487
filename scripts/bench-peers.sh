#!/usr/bin/env bash
# Peer benchmark (figures to read, not a test to pass): each entry point's
# size (raw, gzip, brotli) and the time to the first question for Suara,
# SurveyJS and Formbricks in headless Chromium, at 4x CPU and on a slow
# network, for the built-in survey and a 200-question one. Prints a table
# and writes target/bench/peers.json (see benches/peers.mjs).
#
# Builds the release first when dist/ is missing or older than the sources,
# and installs the peers (benches/peers/package.json, kept out of the test
# command's install) when they are missing.
#
# Usage: bash scripts/bench-peers.sh [--runs N] [other benches/peers.mjs options]
set -euo pipefail
LOG_TAG=bench-peers
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

case "${1:-}" in
  -h | --help)
    usage
    exit 0
    ;;
esac

stale() {
  [[ -f dist/index.html ]] || return 0
  [[ -n "$(find src style crates/domain/src crates/domain/surveys index.html sw.js Cargo.toml Cargo.lock Trunk.toml \
    crates/domain/Cargo.toml -newer dist/index.html -print -quit 2>/dev/null)" ]]
}

if stale; then
  log "dist/ is missing or older than the sources: release build"
  bash scripts/bundle-size.sh
elif [[ ! -d node_modules/playwright-core ]]; then
  bash scripts/setup.sh
fi

peers=benches/peers
if [[ ! -d "$peers/node_modules" || "$peers/package-lock.json" -nt "$peers/node_modules/.package-lock.json" ]]; then
  log "installing the peers (npm ci --prefix $peers)"
  npm ci --prefix "$peers" --no-audit --no-fund
fi

log "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
node benches/peers.mjs "$@"
