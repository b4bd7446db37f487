#!/usr/bin/env bash
# Builds every entry point in release mode into one dist/:
#   index.html      the respondent's widget (suara-widget)
#   organiser.html  the organiser's page (suara-organiser)
#   kiosk.html      kiosk mode, one tablet for many people (suara-kiosk)
#   widget.js       the script-tag embed and JavaScript API (suara-widget)
#   embed.html      the widget's page for an iframe, and frame.js for its host
# Trunk 0.21 builds one HTML file per run and empties its --dist first, so
# the organiser's and the kiosk's pages are built on the side and copied in. Then Trunk's
# inline loader scripts move into files (scripts/loaders.mjs), so every
# page runs under a strict Content-Security-Policy, and the embeds are
# written from the widget's build (scripts/embed.mjs). Last, every page's
# JavaScript and CSS is minified (scripts/minify.mjs).
#
# Usage: bash scripts/build.sh [--dist DIR]   (default dist/)
# Run scripts/setup.sh first (npm run build does both).
set -euo pipefail
LOG_TAG=build
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

dist=dist
while (($#)); do
  case "$1" in
    --dist) dist="${2:?--dist needs a folder}"; shift ;;
    --dist=*) dist="${1#--dist=}" ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
  shift
done

side="target/entry-points"
log "index.html -> $dist/"
trunk build --release --offline=true --dist "$dist" index.html
log "organiser.html -> $dist/"
rm -rf "$side"
trunk build --release --offline=true --dist "$side/organiser" organiser.html
# Trunk names every page it writes index.html.
mv "$side/organiser/index.html" "$dist/organiser.html"
cp -R "$side/organiser/." "$dist/"
log "kiosk.html -> $dist/"
trunk build --release --offline=true --dist "$side/kiosk" kiosk.html
mv "$side/kiosk/index.html" "$dist/kiosk.html"
cp -R "$side/kiosk/." "$dist/"
node scripts/loaders.mjs "$dist"
node scripts/embed.mjs "$dist"
node scripts/minify.mjs "$dist"
