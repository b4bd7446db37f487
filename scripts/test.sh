#!/usr/bin/env bash
# shellcheck disable=SC2317  # the stage functions run through `stage NAME FUNCTION`
# The one command that checks everything:
#   setup, cargo fetch, rustfmt, clippy, cargo deny, a throwaway PostgreSQL server (for
#   the collector's tests), native tests, browser tests (wasm in
#   headless Chromium), the storage tests in Firefox and WebKit too, the
#   release build, the bundle size budget and the
#   end-to-end tests (node --test + playwright-core against dist/).
#
# Usage: bash scripts/test.sh [--fail-fast]
#   Independent checks all run even when one fails (the summary lists each);
#   stages that need the release build are skipped when it fails.
#   --fail-fast   stop at the first failing stage instead.
# Logs of each stage: target/test-logs/.
set -euo pipefail
LOG_TAG="test"
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

# gzip bytes of wasm + JS + CSS (and sw.js) that the respondent's page may
# cost. Raise it only with a reason and a measurement:
# - 150,000: the walking skeleton (147,894 measured).
# - 160,000: nothing lost (issue 4): drafts on every change, one sender per
#   origin, the operator's status, alerts and "send now", the full-disk path
#   (+5,953 measured), and the endpoint's options.
# - 164,500: the widget's words in Arabic, right-to-left layout, untranslated
#   texts marked with their language and listed for the survey's author
#   (+4,420 measured: 159,655 -> 164,075).
# - 174,000 (with the above): more question kinds: yes/no (+1,333 measured), number
#   (+4,664), date (+1,106) and drop-down (+1,665).
# - 183,000: show-if logic: the expression parser, its load-time checks and
#   messages, visibility on every answer (+9,083 measured: 172,986 -> 182,069).
# - 185,000: the likert question kind: its settings' checks and messages, the
#   agree words in three languages (+1,975 measured: 182,069 -> 184,044).
# - 186,500: the smiley question kind: faces as large tiles, their words in
#   three languages (+1,307 measured: 184,044 -> 185,351).
# - 192,700: pages: "Next" and "Back", the progress in each page's heading
#   and a bar, focus moved on page change, hidden pages skipped, and the
#   review step with every answer in words (+6,241 measured: 186,197 ->
#   192,438; the review's list and answer words are 2.1 K of it).
# - 194,100: earlier answers piped into later texts, checked at load
#   (+1,410 measured: 192,438 -> 193,848).
# - 194,500 (alone): the matrix and ranking question kinds: their checks, answers,
#   CSV, show-if typing and words in three languages (+1,900 measured), a
#   matrix's rows on the likert radio list (+2,100), a ranking by keyboard
#   with move buttons, focus kept and announced moves (+3,500), and their CSS
#   (+520) (+8,075 measured: 186,197 -> 194,272).
# - 203,000: both of the above together, and the review's words for a
#   matrix and a ranking (202,774 measured).
# - 203,300: the widget's root marked with the language of its own words,
#   so in a language it does not speak its English words are marked English
#   (+155 measured: 202,947 -> 203,102).
# - 204,300: after a change on the review, "Next" also stops at a page the
#   change brought in (+935 measured: 203,102 -> 204,037; +802 raw).
# - 204,500: one draft write at a time, the newest waiting, so the last
#   keystrokes are not stuck behind a queue of writes (+241: 204,278).
# - 194,000: the respondent's page (index.html) only, now that the
#   organiser's section is its own entry point (organiser.html): 202,464 ->
#   193,685 measured. That counts the files that were inline in the page
#   before and are files now, for the strict CSP: Trunk's loader (210), the
#   service worker's registration (555) and the page's style (177).
# - 194,600 (alone): survey problems as types, worded for the author on
#   the organiser's page only: the respondent's page counts them without
#   the JSON scanner and links there (+632 measured: 193,685 -> 194,317;
#   the link's query built from the settings is 290 of it).
# - 200,800 (alone): several widgets on one page, each in its own shadow
#   root, by script tag (widget.js) and by the JavaScript API, with mount
#   and unmount (which stops the widget's sender and frees its reactive
#   graph: 1,661 of it, measured by leaving it out), its events
#   (suara:ready, page, submitted, sent, error), a draft per widget and
#   each outbox record sent only to its own widget's endpoint (+6,753
#   measured: 193,685 -> 200,438).
# - 201,500: both of the above together (201,243 measured).
# - 202,700: a page's questions built when it first shows, not all at the
#   start (+1,202 measured: 202,445; the 200-question survey's first
#   question went from 0.50x to 0.41x SurveyJS's time at 4x CPU in
#   bench-peers.sh, under load).
# - 200,000: the organiser's page's words apart (i18n::OrganiserMsg), so
#   none of them are in the respondent's download (-2,672 measured:
#   202,398 -> 199,726).
# - 200,500: theming a shadow-root widget from its mount element (+154,
#   CSS) and a broken embedded widget's link made whole against the
#   widget's own files (+376): 200,256 measured.
# - 205,400 (alone): hidden fields (read from the settings, the mount element and
#   the link, parsed and checked with a hand-written matcher, no regex,
#   recorded in the response and the CSV), the survey's own thank-you with
#   the status below it and its optional "start again" button, and the
#   CSV's survey_version and started_at columns (+3,965 measured: 201,243
#   -> 205,208; a sorted list for the values instead of a B-tree map saved
#   1,297, and wording a refused value on the organiser's page only, 311).
# - 204,400: all of the above together (204,154 measured).
# - 204,400 (kept): the settings' problems counted as types, their words
#   only on the organiser's page (-181 measured), a hidden value's problem
#   kept as a type (+309), and a CSS rule for the organiser's time zone box
#   (+8): 204,207 -> 204,343.
# - 200,300: the JavaScript and CSS minified (scripts/minify.mjs, esbuild):
#   the wasm-bindgen glue 10,314 -> 7,761, the stylesheets 3,503 -> 2,481,
#   the loader and the service worker's registration 764 -> 491 (-4,077
#   measured: 204,206 -> 200,129; sw.js stays as written).
# - 201,000: the survey file asked for while the wasm loads, not after
#   (embed/prefetch.js first in the start script and widget.js, and the
#   widget taking its reply: +653 measured: 200,129 -> 200,782).
# - 201,200: all of the above together (200,937 measured).
# - 204,900: kiosk mode, as little of it as the respondent's page needs:
#   reading and re-sending a response's `partial` field (a kiosk's partial
#   responses share the device's outbox) and forwarding ?mode=kiosk to
#   kiosk.html (+405 measured: 204,206 -> 204,611); the rest of kiosk mode
#   is kiosk.html's own download.
# - 201,700: all of the above together (201,400 measured).
# - 211,200: the inclusion question bank (issue 13): a page's inclusion
#   block read and expanded into questions (crates/domain/src/bank.rs, a
#   JSON-to-JSON step; the bank's words are files in dist/bank/, fetched
#   only by a survey with a block, 2,396 + 3,001 B gzip for the built-in
#   survey's two languages, none for a survey without one), the response's
#   bank, inclusion_consent and consent_version, the Washington Group
#   layout (form.rs and a CSS rule, +249) and the built-in survey's "about
#   you" block: +9,004 measured, 201,645 -> 210,649 (the wasm +8,370; the
#   same wasm for every survey, with the bank or without).
BUNDLE_BUDGET=211200
# gzip bytes of the organiser's page (organiser.html and what it loads):
# - 140,000: counts, "send now", CSV and JSON downloads, removing exported
#   responses and untranslated texts, with the survey's parser and the
#   outbox's sender (139,085 measured).
# - 140,500 (alone): its outbox records name their endpoint, and the
#   sender takes only its own (140,204 measured).
# - 155,800 (alone): every survey problem in full for its author: the JSON
#   syntax scanner, problems as types with the place a person counts, "did
#   you mean", the survey address's 404 or web page named, in Indonesian as
#   well as English (+16,375 measured: 139,085 -> 155,460).
# - 156,800: both of the above together (156,525 measured).
# - 152,000: its words apart from the respondent's (151,776 measured; its
#   page no longer carries the question kinds' words either).
# - 156,500: hidden fields, their problems worded, the thank-you and the
#   new CSV columns (+4,331 measured: 151,945 -> 156,276).
# - 163,800: the CSV's times in a time zone the organiser names (the
#   browser's zones through Intl.DateTimeFormat, the domain's calendar, the
#   box with its suggestions, 856 of it, and its words in three languages):
#   +7,253 measured, 156,298 -> 163,551 (the respondent's page +8, a CSS rule).
# - 164,700: the settings' problems and a hidden value's as types, worded
#   here in English and Indonesian (+925 measured: 163,551 -> 164,476).
# - 152,900: its JavaScript and CSS minified (-3,623 measured: 156,292 ->
#   152,669).
# - 153,500: its survey file asked for early too (+579 measured: 153,248).
# - 161,600: all of the above together (161,312 measured).
# - 158,700: kiosk mode's settings checked and named, and forgetting a
#   forgotten kiosk PIN (+2,134 measured: 156,276 -> 158,410).
# - 164,200: all of the above together, kiosk mode's settings' problems
#   worded here with the others, in English and Indonesian (163,896 measured).
# - 218,800: the dashboard: export files read and merged with the device's
#   responses, the domain's tables and their suppression, each table's SVG
#   chart and data table, the aggregate CSV, and its words in three
#   languages (+54,568 measured: 163,977 -> 218,545). The respondent's
#   wasm accepts `baseline` in a survey (+16 bytes raw, +7 gzip, alone) and
#   is no larger in all: 187,072 -> 187,032 bytes gzip -9 against the
#   branch's base; kiosk.html stays under its budget (272,022 measured).
# - 227,600: reach from a baseline file: the baseline read and checked, its
#   mistakes worded in English and Indonesian, the reach table and its
#   columns (+8,745 measured: 218,545 -> 227,290).
# - 234,100: any question broken down by a choice question, as a table of
#   groups and codes with each group's figures (+6,475 measured: 227,287 ->
#   233,762).
# - 184,000: the inclusion question bank as the respondent's page has it,
#   its problems worded in English and Indonesian, and the codebook
#   download beside the CSV (every column's words and codes in each of the
#   survey's languages, with the widget's words for stars, faces and
#   points): +19,422 measured, 163,977 -> 183,399.
# - 255,600: the dashboard and the inclusion bank together, the charts as
#   SVG elements rather than markup (255,376 measured).
ORGANISER_BUDGET=255600
# gzip bytes of kiosk mode's page (kiosk.html and what it loads):
# - 270,800: the respondent's widget, the start screen, the idle dialog,
#   the thank-you's countdown, the PIN (its hash is kiosk/kiosk.js's Web
#   Crypto call, no hashing code in the wasm) and the organiser's panel,
#   which is the organiser's page's own counts and downloads (270,432
#   measured). Its own page, so none of it is in index.html's download
#   (index.html +405 for the partial field and the ?mode=kiosk forward:
#   204,206 -> 204,611).
# - 272,200: with the time zone and the minified JavaScript and CSS of the
#   pages merged in (271,844 measured).
# - 287,700: the inclusion question bank as on the respondent's page, and
#   the codebook download in the organiser's panel: +15,048 measured,
#   272,057 -> 287,105.
KIOSK_BUDGET=287700
# Upper bound for each long stage, so a hung browser cannot eat CI's time.
BROWSER_TIMEOUT=${BROWSER_TIMEOUT:-1200}
E2E_TIMEOUT=${E2E_TIMEOUT:-900}

fail_fast=0
for arg in "$@"; do
  case "$arg" in
    --fail-fast) fail_fast=1 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument: $arg (try --help)" ;;
  esac
done

LOG_DIR="$ROOT/target/test-logs"
rm -rf "$LOG_DIR"
mkdir -p "$LOG_DIR"

names=() statuses=() times=() notes=()
failed=0
tests_passed=0
tests_failed=0
bundle_note=""
run_started=$(now)

# Sums "N passed; M failed" over every `test result:` line of a cargo log.
count_cargo_tests() {
  local logf="$1" p f
  p=$(grep -a 'test result:' "$logf" | sed -n 's/.* \([0-9]\+\) passed; \([0-9]\+\) failed.*/\1/p' | awk '{s+=$1} END {print s+0}')
  f=$(grep -a 'test result:' "$logf" | sed -n 's/.* \([0-9]\+\) passed; \([0-9]\+\) failed.*/\2/p' | awk '{s+=$1} END {print s+0}')
  echo "$p $f"
}

# stage NAME COMMAND...: runs COMMAND with its output shown and logged, and
# records the result. Returns the command's status.
stage() {
  local name="$1"
  shift
  local index=${#names[@]}
  local logf
  logf="$LOG_DIR/$(printf '%02d' "$index")-${name// /-}.log"
  printf '\n%s==> %s%s  (%s)\n' "$C_CYAN" "$name" "$C_OFF" "$*"
  local t0 rc
  t0=$(now)
  set +e
  "$@" 2>&1 | tee "$logf"
  rc=${PIPESTATUS[0]}
  set -e
  names+=("$name")
  times+=("$(elapsed "$t0" "$(now)")")
  notes+=("")
  if ((rc == 0)); then
    statuses+=(ok)
  else
    statuses+=(FAILED)
    failed=1
    printf '%s==> %s FAILED (exit %d); log: %s%s\n' "$C_RED" "$name" "$rc" "${logf#"$ROOT"/}" "$C_OFF"
  fi
  LAST_LOG="$logf"
  return "$rc"
}

note() { notes[${#notes[@]} - 1]="$1"; }

skip() {
  names+=("$1")
  statuses+=(skipped)
  times+=("-")
  notes+=("$2")
}

summary() {
  local total
  total=$(elapsed "$run_started" "$(now)")
  printf '\n%s==> summary%s\n' "$C_BOLD" "$C_OFF"
  local i
  for i in "${!names[@]}"; do
    printf '  %-8s %-16s %7ss  %s\n' "${statuses[$i]}" "${names[$i]}" "${times[$i]}" "${notes[$i]}"
  done
  [[ -n "$bundle_note" ]] && printf '  bundle: %s\n' "$bundle_note"
  printf '  total time: %ss; logs in target/test-logs/\n' "$total"
  if ((failed)); then
    printf '%sFAILED%s\n' "$C_RED" "$C_OFF"
  else
    printf '%sALL OK%s\n' "$C_GREEN" "$C_OFF"
  fi
  # The closing line counts every test run (native, browser, end-to-end).
  printf 'tests: %d passed, %d failed\n' "$tests_passed" "$tests_failed"
}

# After a failed stage: stop now when asked to, or when nothing after it can run.
stop_if() {
  if ((fail_fast)) || [[ "${1:-}" == always ]]; then
    summary
    exit 1
  fi
}

# --- stages ----------------------------------------------------------------

browser_tests() {
  if [[ ! -f tests/browser.rs ]]; then
    echo "tests/browser.rs is missing: the browser tests (cargo test --target wasm32-unknown-unknown --test browser) have not been written"
    return 1
  fi
  local out="$LOG_DIR/browser-raw.log" rc
  set +e
  CHROMEDRIVER="$CHROMEDRIVER_BIN" timeout --kill-after=30 "$BROWSER_TIMEOUT" \
    cargo test --target wasm32-unknown-unknown --test browser --test json --test storage 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  set -e
  if ((rc == 124)); then
    echo "browser tests timed out after ${BROWSER_TIMEOUT}s"
  fi
  ((rc == 0)) || return "$rc"
  if ! grep -aq 'Running headless tests in Chrome' "$out"; then
    echo "the browser tests did not run in Chromium: tests/browser.rs needs"
    echo "  wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);"
    return 1
  fi
  local counts
  counts=$(count_cargo_tests "$out")
  if [[ "${counts%% *}" == 0 ]]; then
    echo "the browser test run executed zero tests (tests/browser.rs has no #[wasm_bindgen_test] that ran)"
    return 1
  fi
}

# The storage tests (tests/storage.rs) again in Firefox and in WebKit: the
# device store is where engines differ and where offline tools lost data.
engine_tests() {
  local out="$LOG_DIR/engines-raw.log" rc engine
  : >"$out"
  set +e
  for engine in Firefox Safari; do
    if [[ $engine == Firefox ]]; then
      env -u CHROMEDRIVER -u SAFARIDRIVER GECKODRIVER="$(command -v geckodriver)" \
        timeout --kill-after=30 "$BROWSER_TIMEOUT" \
        cargo test --target wasm32-unknown-unknown --test storage 2>&1 | tee -a "$out"
    else
      # WebKitGTK's browser has no headless mode: a virtual display.
      env -u CHROMEDRIVER -u GECKODRIVER SAFARIDRIVER=/usr/bin/WebKitWebDriver \
        timeout --kill-after=30 "$BROWSER_TIMEOUT" xvfb-run -a \
        cargo test --target wasm32-unknown-unknown --test storage 2>&1 | tee -a "$out"
    fi
    rc=${PIPESTATUS[0]}
    ((rc == 0)) || break
    if ! grep -aq "Running headless tests in $engine" "$out"; then
      echo "the storage tests did not run in $engine"
      rc=1
      break
    fi
  done
  set -e
  return "$rc"
}

e2e_tests() {
  local rc
  # The collector end to end (tests/e2e/collector.test.mjs) runs the
  # organiser's `suara` binary; `cargo test` built it already, this makes sure.
  # tests/e2e/release.test.mjs packs this same dist/ with
  # `scripts/release.sh --no-build`, so the release needs no build of its own.
  cargo build -p suara-cli || return 1
  set +e
  timeout --kill-after=30 "$E2E_TIMEOUT" node --test --test-reporter=spec tests/e2e/
  rc=$?
  set -e
  if ((rc == 124)); then
    echo "end-to-end tests timed out after ${E2E_TIMEOUT}s"
  fi
  return "$rc"
}

# Adds a stage's test counts (from its log) to the totals and its note.
count_stage_tests() {
  local kind="$1" logf="$2" p f
  if [[ "$kind" == cargo ]]; then
    read -r p f <<<"$(count_cargo_tests "$logf")"
  else
    # node's spec reporter ends with "ℹ pass N" / "ℹ fail N" (tap: "# pass N").
    p=$(grep -a -E '^(ℹ|#) pass [0-9]+' "$logf" | tail -n1 | grep -o '[0-9]\+$' || echo 0)
    f=$(grep -a -E '^(ℹ|#) fail [0-9]+' "$logf" | tail -n1 | grep -o '[0-9]\+$' || echo 0)
  fi
  tests_passed=$((tests_passed + p))
  tests_failed=$((tests_failed + f))
  note "$p passed, $f failed"
  if [[ "$p" == 0 && "$f" == 0 ]]; then
    return 1
  fi
}

stage setup bash scripts/setup.sh || stop_if always
stage fetch cargo fetch --locked || stop_if always

stage fmt cargo fmt --all --check || stop_if
stage clippy cargo clippy --workspace --all-targets -- -D warnings || stop_if
# Licences, bans and sources of every dependency (deny.toml); advisories
# need a database this machine cannot fetch (README, "Dependencies").
stage deny cargo deny --offline check licenses bans sources || stop_if

# The collector's tests run on PostgreSQL as well as SQLite: a throwaway
# server (Debian's packages, a scratch data directory, a loopback port),
# stopped when this script ends however it ends. Without it they fail under
# CI rather than skip.
trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
if stage postgres bash scripts/postgres.sh start; then
  SUARA_TEST_POSTGRES=$(bash scripts/postgres.sh url)
  export SUARA_TEST_POSTGRES
else
  stop_if
fi

if stage native-tests cargo test --workspace; then
  count_stage_tests cargo "$LAST_LOG" || { note "ran zero tests"; statuses[${#statuses[@]} - 1]=FAILED; failed=1; }
else
  count_stage_tests cargo "$LAST_LOG" || true
  stop_if
fi

if stage browser-tests browser_tests; then
  count_stage_tests cargo "$LAST_LOG" || true
else
  count_stage_tests cargo "$LAST_LOG" || true
  stop_if
fi

if stage other-engines engine_tests; then
  count_stage_tests cargo "$LAST_LOG" || true
else
  count_stage_tests cargo "$LAST_LOG" || true
  stop_if
fi

if stage build bash scripts/build.sh; then
  if stage bundle-size bash scripts/bundle-size.sh --no-build --budget "$BUNDLE_BUDGET" --organiser-budget "$ORGANISER_BUDGET" --kiosk-budget "$KIOSK_BUDGET"; then :; else stop_if; fi
  bundle_note=$(sed -n 's/^bundle gzip total: \([0-9]*\) bytes$/\1/p' "$LAST_LOG")
  organiser_note=$(sed -n 's/^organiser gzip total: \([0-9]*\) bytes$/\1/p' "$LAST_LOG")
  kiosk_note=$(sed -n 's/^kiosk gzip total: \([0-9]*\) bytes$/\1/p' "$LAST_LOG")
  [[ -n "$bundle_note" ]] && bundle_note="respondent $bundle_note bytes gzip (wasm+JS+CSS+sw.js), budget $BUNDLE_BUDGET; organiser ${organiser_note:-?}, budget $ORGANISER_BUDGET; kiosk ${kiosk_note:-?}, budget $KIOSK_BUDGET"
  if stage e2e e2e_tests; then
    count_stage_tests node "$LAST_LOG" || { note "ran zero tests"; statuses[${#statuses[@]} - 1]=FAILED; failed=1; }
  else
    count_stage_tests node "$LAST_LOG" || true
  fi
else
  stop_if
  skip bundle-size "needs the release build"
  skip e2e "needs the release build"
fi

summary
exit "$failed"
