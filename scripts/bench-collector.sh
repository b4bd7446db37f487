#!/usr/bin/env bash
# The organiser's figures: responses per second `suara collect` stores (8
# clients at once over loopback, on SQLite and on PostgreSQL), and seconds
# for `suara merge` of 10 export files and `suara csv` of 100,000 responses.
# Release build; starts a throwaway PostgreSQL (scripts/postgres.sh) and
# stops it at the end. Prints the figures and writes them, with the date and
# the machine, to target/bench-collector.json.
#
# Usage: bash scripts/bench-collector.sh
set -euo pipefail
LOG_TAG=bench-collector
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
bash scripts/postgres.sh start >/dev/null
SUARA_BENCH_POSTGRES=$(bash scripts/postgres.sh url)
export SUARA_BENCH_POSTGRES

out="$ROOT/target/bench-collector.json"
SUARA_BENCH_OUT="$out.figures" cargo bench -p suara-cli --bench collector

# The figures, with when and on what they were measured.
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)
node -e '
  const [figures, cpu, cores] = process.argv.slice(1);
  const doc = { date: new Date().toISOString().slice(0, 10), machine: `${cpu}, ${cores} cores`,
                ...JSON.parse(require("fs").readFileSync(figures, "utf8")) };
  console.log(JSON.stringify(doc, null, 2));
' "$out.figures" "$cpu" "$(nproc)" | tee "$out"
rm -f "$out.figures"
log "written to target/bench-collector.json"
