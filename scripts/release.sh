#!/usr/bin/env bash
# Packs the built widget as a release an organiser can host without Rust:
#   suara-<version>.tar.gz, one folder suara-<version>/ holding dist/ as
#   built (index.html, organiser.html, widget.js, embed.html, frame.js,
#   sw.js and the hashed files they load), surveys/first-survey.json (the
#   README's first survey) and VERSION (the version and its commit).
# The archive is the same for the same build: files in name order, owned
# by 0, dated by SOURCE_DATE_EPOCH (else the commit's time).
#
# Usage: bash scripts/release.sh [--no-build] [--dist DIR] [--out DIR]
#   --no-build   pack DIR as it is (default: scripts/build.sh into it first)
#   --dist DIR   the built widget (default dist/)
#   --out DIR    where the archive goes (default target/release-archive/)
# Prints the archive's path on its last line.
set -euo pipefail
LOG_TAG=release
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

build=1
dist=dist
out=target/release-archive
while (($#)); do
  case "$1" in
    --no-build) build=0 ;;
    --dist) dist="${2:?--dist needs a folder}"; shift ;;
    --out) out="${2:?--out needs a folder}"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
  shift
done

if ((build)); then
  bash scripts/setup.sh
  bash scripts/build.sh --dist "$dist"
fi

# The names an organiser's pages and partners' snippets use: they must be
# there, whatever the build.
for file in index.html organiser.html widget.js embed.html frame.js sw.js; do
  [[ -f "$dist/$file" ]] || die "$dist/$file is missing: build first (bash scripts/build.sh), or leave out --no-build"
done

# The widget's version: the root package's in Cargo.toml.
version=$(awk -F'"' '/^\[package\]/ { p = 1; next } /^\[/ { p = 0 } p && /^version = / { print $2; exit }' Cargo.toml)
[[ "$version" =~ ^[0-9A-Za-z.+-]+$ ]] || die "no version found in Cargo.toml"
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [[ "$commit" != unknown ]] && ! git diff --quiet HEAD -- 2>/dev/null; then
  commit="$commit (with changes not committed)"
fi
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"

name="suara-$version"
mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d "${TMPDIR:-/tmp}/suara-release.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/surveys"
cp -R "$dist/." "$stage/$name/"
cp examples/first-survey.json "$stage/$name/surveys/first-survey.json"
printf '%s\ncommit %s\n' "$version" "$commit" >"$stage/$name/VERSION"

archive="$out/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
  --mode='u+rwX,go+rX,go-w' -C "$stage" -cf - "$name" | gzip -9n >"$archive.tmp"
mv "$archive.tmp" "$archive"
log "$(find "$stage/$name" -type f | wc -l) files, $(du -k "$archive" | cut -f1) KB: unpack it and upload what is in $name/ to the root of a site (README: Host it without Rust)"
echo "$archive"
