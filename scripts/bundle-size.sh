#!/usr/bin/env bash
# Prints the size of the release bundle in dist/: every file with its type,
# raw bytes and gzip -9 bytes, and the total of what a browser downloads to
# run the widget (wasm + JS + CSS).
#
# Usage: bash scripts/bundle-size.sh [--no-build] [--budget BYTES]
#   --no-build      measure dist/ as it is (default: `trunk build --release --offline` first)
#   --budget BYTES  exit 1 if the gzip total of wasm + JS + CSS exceeds BYTES
set -euo pipefail
LOG_TAG=size
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

build=1
budget=""
while (($#)); do
  case "$1" in
    --no-build) build=0 ;;
    --budget)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || die "--budget needs a number of bytes"
      budget="$2"
      shift
      ;;
    --budget=*)
      budget="${1#--budget=}"
      [[ "$budget" =~ ^[0-9]+$ ]] || die "--budget needs a number of bytes"
      ;;
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
  log "trunk build --release --offline"
  trunk build --release --offline
fi

[[ -d dist ]] || die "no dist/ folder: build first (trunk build --release --offline) or drop --no-build"

declare -A raw_by=() gz_by=() count_by=()
rows=()
while IFS= read -r -d '' file; do
  rel="${file#dist/}"
  case "$file" in
    *.wasm) type=wasm ;;
    *.js | *.mjs) type=JS ;;
    *.css) type=CSS ;;
    *.html) type=HTML ;;
    *) type=other ;;
  esac
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -n -c "$file" | wc -c)
  rows+=("$(printf '%-6s %10d %10d  %s' "$type" "$raw" "$gz" "$rel")")
  raw_by[$type]=$((${raw_by[$type]:-0} + raw))
  gz_by[$type]=$((${gz_by[$type]:-0} + gz))
  count_by[$type]=$((${count_by[$type]:-0} + 1))
done < <(find dist -type f -print0 | sort -z)

((${#rows[@]})) || die "dist/ is empty"

line() { printf -- '------ ---------- ----------  ----------------------------------------\n'; }
printf '%-6s %10s %10s  %s\n' type raw gzip-9 file
line
printf '%s\n' "${rows[@]}"
line
total_raw=0
total_gz=0
for type in wasm JS CSS HTML other; do
  [[ -n "${count_by[$type]:-}" ]] || continue
  printf '%-6s %10d %10d  %d file(s)\n' "$type" "${raw_by[$type]}" "${gz_by[$type]}" "${count_by[$type]}"
  case "$type" in
    wasm | JS | CSS)
      total_raw=$((total_raw + ${raw_by[$type]}))
      total_gz=$((total_gz + ${gz_by[$type]}))
      ;;
  esac
done
line
printf '%-6s %10d %10d  wasm + JS + CSS (%.1f KiB gzip)\n' total "$total_raw" "$total_gz" \
  "$(awk -v b="$total_gz" 'BEGIN { print b / 1024 }')"

# For scripts that want the figure (scripts/test.sh reads this line).
echo "bundle gzip total: $total_gz bytes"

if [[ -n "$budget" ]]; then
  if ((total_gz > budget)); then
    printf '%sover budget:%s gzip total %d bytes > budget %d bytes (by %d)\n' \
      "$C_RED" "$C_OFF" "$total_gz" "$budget" $((total_gz - budget)) >&2
    exit 1
  fi
  printf 'within budget: %d of %d bytes gzip (%d%%)\n' "$total_gz" "$budget" $((total_gz * 100 / budget))
fi
