#!/usr/bin/env bash
# Builds the widget in release mode and serves it to try in a browser, with
# rebuilds on change.
#
# Usage: bash scripts/serve.sh [--port N] [--address A] [more trunk serve options]
#   PORT and ADDRESS may also come from the environment (default 127.0.0.1:8080).
# Then open e.g. http://127.0.0.1:8080/?lang=en
#   or         http://127.0.0.1:8080/?lang=en&endpoint=http://127.0.0.1:9000/responses
set -euo pipefail
LOG_TAG=serve
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

port="${PORT:-8080}"
address="${ADDRESS:-127.0.0.1}"
extra=()
while (($#)); do
  case "$1" in
    --port) port="${2:?--port needs a number}"; shift ;;
    --port=*) port="${1#--port=}" ;;
    --address) address="${2:?--address needs an address}"; shift ;;
    --address=*) address="${1#--address=}" ;;
    -h | --help) usage; exit 0 ;;
    *) extra+=("$1") ;;
  esac
  shift
done
[[ "$port" =~ ^[0-9]+$ ]] || die "port must be a number, got '$port'"

bash "$ROOT/scripts/setup.sh"
log "serving on http://$address:$port/ (Ctrl-C to stop)"
# Its own dist folder: `trunk serve` adds a live-reload script to the page,
# which must not end up in dist/ (measured by bundle-size.sh, tested by e2e).
exec trunk serve --release --offline --dist target/serve-dist --address "$address" --port "$port" "${extra[@]}"
