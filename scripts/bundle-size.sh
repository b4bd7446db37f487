#!/usr/bin/env bash
# Prints the download of each entry point in the release build in dist/:
# every file a page loads with its type, raw, gzip -9 and brotli bytes, and
# each page's total of wasm + JS + CSS (scripts/sizes.mjs). The respondent's
# page (index.html, and the service worker it installs), the organiser's
# (organiser.html) and kiosk mode's (kiosk.html) have budgets of their own.
#
# Usage: bash scripts/bundle-size.sh [--no-build] [--budget BYTES] [--organiser-budget BYTES] [--kiosk-budget BYTES] [--json FILE]
#   --no-build                measure dist/ as it is (default: scripts/build.sh first)
#   --budget BYTES            exit 1 if the respondent's gzip total exceeds BYTES
#   --organiser-budget BYTES  exit 1 if the organiser's page's gzip total exceeds BYTES
#   --kiosk-budget BYTES      exit 1 if the kiosk's page's gzip total exceeds BYTES
#   --json FILE               also write every figure as JSON
set -euo pipefail
LOG_TAG=size
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

build=1
budget=""
organiser_budget=""
kiosk_budget=""
json=()
number() { [[ "$2" =~ ^[0-9]+$ ]] || die "$1 needs a number of bytes"; }
while (($#)); do
  case "$1" in
    --no-build) build=0 ;;
    --budget) number "$1" "${2:-}"; budget="$2"; shift ;;
    --organiser-budget) number "$1" "${2:-}"; organiser_budget="$2"; shift ;;
    --kiosk-budget) number "$1" "${2:-}"; kiosk_budget="$2"; shift ;;
    --json) [[ -n "${2:-}" ]] || die "--json needs a file"; json=(--json "$2"); shift ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
  shift
done

if ((build)); then
  bash "$ROOT/scripts/setup.sh"
  bash "$ROOT/scripts/build.sh"
fi

[[ -f dist/index.html ]] || die "no dist/index.html: build first (bash scripts/build.sh) or drop --no-build"

out=$(node scripts/sizes.mjs dist "${json[@]}")
printf '%s\n' "$out"
total_of() { sed -n "s/^size: $1 gzip \([0-9]*\) .*/\1/p" <<<"$out"; }
respondent=$(total_of index.html)
organiser=$(total_of organiser.html)
kiosk=$(total_of kiosk.html)
[[ -n "$respondent" ]] || die "no figure for index.html"

# For scripts that want the figures (scripts/test.sh reads these lines).
echo "bundle gzip total: $respondent bytes"
[[ -n "$organiser" ]] && echo "organiser gzip total: $organiser bytes"
[[ -n "$kiosk" ]] && echo "kiosk gzip total: $kiosk bytes"

over=0
check() {
  local what="$1" total="$2" limit="$3"
  [[ -n "$limit" ]] || return 0
  if ((total > limit)); then
    printf '%sover budget:%s %s gzip total %d bytes > budget %d bytes (by %d)\n' \
      "$C_RED" "$C_OFF" "$what" "$total" "$limit" $((total - limit)) >&2
    over=1
  else
    printf 'within budget: %s %d of %d bytes gzip (%d%%)\n' "$what" "$total" "$limit" $((total * 100 / limit))
  fi
}
check "the respondent's page" "$respondent" "$budget"
if [[ -n "$organiser_budget" ]]; then
  [[ -n "$organiser" ]] || die "no figure for organiser.html"
  check "the organiser's page" "$organiser" "$organiser_budget"
fi
if [[ -n "$kiosk_budget" ]]; then
  [[ -n "$kiosk" ]] || die "no figure for kiosk.html"
  check "the kiosk's page" "$kiosk" "$kiosk_budget"
fi
exit "$over"
