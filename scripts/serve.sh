#!/usr/bin/env bash
# Builds both entry points in release mode (scripts/build.sh) and serves
# them to try in a browser: the widget at / and the organiser's page at
# /organiser.html. Run it again after a change.
#
# Usage: bash scripts/serve.sh [--port N] [--address A]
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
while (($#)); do
  case "$1" in
    --port) port="${2:?--port needs a number}"; shift ;;
    --port=*) port="${1#--port=}" ;;
    --address) address="${2:?--address needs an address}"; shift ;;
    --address=*) address="${1#--address=}" ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
  shift
done
[[ "$port" =~ ^[0-9]+$ ]] || die "port must be a number, got '$port'"

bash "$ROOT/scripts/setup.sh"
# Its own folder, so that trying it never changes dist/ (measured by
# bundle-size.sh, tested by e2e).
bash "$ROOT/scripts/build.sh" --dist target/serve-dist
log "serving on http://$address:$port/ (Ctrl-C to stop)"
exec node scripts/serve-dist.mjs target/serve-dist "$address" "$port"
