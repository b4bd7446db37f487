# Shared helpers for the scripts in this folder. Source it, don't run it:
# shellcheck shell=bash disable=SC2034
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# It sets ROOT (the repository root), puts the project's own tools first on
# PATH (node_modules/.bin for wasm-opt from the npm package `binaryen`, then
# ~/.cargo/bin) and defines a few small functions.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# node_modules/.bin first: trunk finds wasm-opt with `which wasm-opt`, and it
# must be the npm one (binaryen 132), never a system build.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# trunk reads NO_COLOR as its --no-color flag and accepts only true/false:
# NO_COLOR=1 (the usual spelling) makes every trunk command fail. Keep the
# meaning (any non-empty value asks for no colour) in a form trunk accepts.
if [[ -n "${NO_COLOR+x}" && "${NO_COLOR}" != true && "${NO_COLOR}" != false ]]; then
  if [[ -n "$NO_COLOR" ]]; then export NO_COLOR=true; else unset NO_COLOR; fi
fi

CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
CHROMEDRIVER_BIN="${CHROMEDRIVER:-/usr/bin/chromedriver}"
TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
CARGO_DENY_VERSION="0.20.2"
WASM_OPT_VERSION="132"   # must match Trunk.toml `wasm_opt = "version_132"` and package.json

# Colour only on a terminal, and not when NO_COLOR asks for none.
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  C_BOLD=$'\033[1m' C_RED=$'\033[1;31m' C_GREEN=$'\033[1;32m' C_YELLOW=$'\033[1;33m' C_CYAN=$'\033[1;36m' C_OFF=$'\033[0m'
else
  C_BOLD="" C_RED="" C_GREEN="" C_YELLOW="" C_CYAN="" C_OFF=""
fi

log() { printf '%s[%s]%s %s\n' "$C_BOLD" "${LOG_TAG:-suara}" "$C_OFF" "$*"; }
warn() { printf '%s[%s] warning:%s %s\n' "$C_YELLOW" "${LOG_TAG:-suara}" "$C_OFF" "$*" >&2; }
die() { printf '%s[%s] error:%s %s\n' "$C_RED" "${LOG_TAG:-suara}" "$C_OFF" "$*" >&2; exit 1; }

# The version of a package in Cargo.lock (the first entry with that name).
lock_version() {
  local name="$1"
  awk -v want="name = \"$name\"" '
    $0 == want { found = 1; next }
    found && /^version = / { gsub(/^version = "|"$/, ""); print; exit }
    /^\[\[package\]\]/ { found = 0 }
  ' "$ROOT/Cargo.lock"
}

# Seconds since the epoch, with sub-second precision where available.
now() { date +%s.%N; }

# Elapsed seconds between two `now` stamps, one decimal.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# Prints the comment block at the top of the running script (its usage).
usage() {
  awk 'NR > 1 && /^#/ { if ($0 ~ /shellcheck/) next; sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}
