#!/usr/bin/env bash
# Installs what building and testing Suara needs, and only what is missing:
#   - the Rust target wasm32-unknown-unknown, rustfmt and clippy
#   - trunk (pinned below) and wasm-bindgen-cli at the version in Cargo.lock
#   - the npm dev dependencies (wasm-opt from `binaryen`, `playwright-core`)
#   - Chromium and its WebDriver from Debian (for the browser tests)
#   - Firefox ESR with geckodriver, and WebKitGTK's WebDriver under Xvfb (the
#     storage tests run in all three engines)
#   - PostgreSQL from Debian (the collector's tests run on it as well as SQLite)
#   - LibreOffice Calc from Debian (the judge of the CSV: hostile answers stay text)
#   - cargo-deny from crates.io (licences, bans and sources of the dependencies)
# Safe to run again and again: when everything is there it takes seconds.
#
# Usage: bash scripts/setup.sh
set -euo pipefail
LOG_TAG=setup
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

started=$(now)
installed=()

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

# --- Rust ------------------------------------------------------------------
if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
  die "cargo and rustup are needed (install Rust with rustup first)"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
  installed+=("wasm32 target")
fi

missing_components=()
cargo fmt --version >/dev/null 2>&1 || missing_components+=(rustfmt)
cargo clippy --version >/dev/null 2>&1 || missing_components+=(clippy)
if ((${#missing_components[@]})); then
  log "adding Rust components: ${missing_components[*]}"
  rustup component add "${missing_components[@]}"
  installed+=("${missing_components[@]}")
fi

# --- trunk -----------------------------------------------------------------
have_trunk=$(trunk --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$have_trunk" != "$TRUNK_VERSION" ]]; then
  if [[ -n "$have_trunk" ]]; then
    log "trunk $have_trunk found, need $TRUNK_VERSION: reinstalling (takes ~6 minutes)"
  else
    log "installing trunk $TRUNK_VERSION (takes ~6 minutes on 2 cores)"
  fi
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
  installed+=("trunk $TRUNK_VERSION")
fi

# --- wasm-bindgen-cli, at the version the project links --------------------
wb_version=$(lock_version wasm-bindgen)
[[ -n "$wb_version" ]] || die "no wasm-bindgen entry in Cargo.lock"
have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
have_wbtr=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$have_wb" != "$wb_version" || "$have_wbtr" != "$wb_version" ]]; then
  log "installing wasm-bindgen-cli $wb_version (found: ${have_wb:-none}; Cargo.lock wants $wb_version)"
  cargo install wasm-bindgen-cli --version "=$wb_version" --force
  installed+=("wasm-bindgen-cli $wb_version")
fi
# Trunk.toml may pin wasm-bindgen too; trunk then uses that pin instead of
# Cargo.lock, so the two must agree.
trunk_wb=$(sed -n 's/^[[:space:]]*wasm_bindgen[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' Trunk.toml | head -n1)
if [[ -n "$trunk_wb" && "$trunk_wb" != "$wb_version" ]]; then
  die "Trunk.toml pins wasm_bindgen = \"$trunk_wb\" but Cargo.lock has wasm-bindgen $wb_version; make them agree (or drop the Trunk.toml line: trunk then reads Cargo.lock)"
fi

# --- node packages: wasm-opt (binaryen) and playwright-core ----------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "installing Node.js and npm from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
  installed+=("nodejs npm")
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 18)) || die "Node.js 18 or newer is needed for 'node --test' (found $(node --version))"

lock_stamp="node_modules/.suara-lock.sha256"
want_stamp=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
if [[ ! -d node_modules || ! -f "$lock_stamp" || "$(cat "$lock_stamp")" != "$want_stamp" \
      || ! -x node_modules/.bin/wasm-opt || ! -d node_modules/playwright-core ]]; then
  if [[ -d node_modules ]]; then
    log "node_modules is out of date with package-lock.json: npm ci"
  else
    log "installing npm packages: npm ci"
  fi
  npm ci --no-audit --no-fund
  echo "$want_stamp" >"$lock_stamp"
  installed+=("npm packages")
fi

wasm_opt_path=$(command -v wasm-opt || true)
[[ "$wasm_opt_path" == "$ROOT/node_modules/.bin/wasm-opt" ]] \
  || die "wasm-opt on PATH is '$wasm_opt_path', expected $ROOT/node_modules/.bin/wasm-opt"
wasm_opt_said=$(wasm-opt --version)
# trunk takes the third word of `wasm-opt --version` and prefixes `version_`.
[[ "$(awk '{print $3}' <<<"$wasm_opt_said")" == "$WASM_OPT_VERSION" ]] \
  || die "wasm-opt from npm says '$wasm_opt_said', expected version $WASM_OPT_VERSION (see package.json)"
grep -q "^wasm_opt = \"version_$WASM_OPT_VERSION\"" Trunk.toml \
  || die "Trunk.toml must pin wasm_opt = \"version_$WASM_OPT_VERSION\" to match package.json"
if dpkg -s binaryen >/dev/null 2>&1; then
  warn "Debian's binaryen is installed; the scripts put node_modules/.bin first so it is not used"
fi

# --- Chromium and its WebDriver --------------------------------------------
if [[ ! -x "$CHROMIUM_BIN" || ! -x "$CHROMEDRIVER_BIN" ]]; then
  log "installing chromium and chromium-driver from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  installed+=("chromium chromium-driver")
fi
[[ -x "$CHROMIUM_BIN" ]] || die "no Chromium at $CHROMIUM_BIN"
[[ -x "$CHROMEDRIVER_BIN" ]] || die "no chromedriver at $CHROMEDRIVER_BIN"
# Debian's launcher prints a harmless shell warning on stderr; keep stdout only.
chromium_major=$("$CHROMIUM_BIN" --version 2>/dev/null | grep -o '[0-9]\+\.[0-9.]\+' | head -n1 | cut -d. -f1)
driver_major=$("$CHROMEDRIVER_BIN" --version 2>/dev/null | grep -o '[0-9]\+\.[0-9.]\+' | head -n1 | cut -d. -f1)
[[ -n "$chromium_major" && "$chromium_major" == "$driver_major" ]] \
  || die "Chromium ($chromium_major) and chromedriver ($driver_major) major versions differ; run: apt-get install -y chromium chromium-driver"

# --- Firefox and WebKit, for the storage tests in every engine --------------
missing_pkgs=()
[[ -x /usr/bin/firefox-esr ]] || missing_pkgs+=(firefox-esr)
[[ -x /usr/bin/WebKitWebDriver ]] || missing_pkgs+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing_pkgs+=(xvfb)
if ((${#missing_pkgs[@]})); then
  log "installing ${missing_pkgs[*]} from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing_pkgs[@]}"
  installed+=("${missing_pkgs[@]}")
fi
if ! command -v geckodriver >/dev/null; then
  log "installing geckodriver from crates.io (takes ~2 minutes)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
  installed+=("geckodriver $GECKODRIVER_VERSION")
fi

# --- PostgreSQL, the collector's second engine (scripts/postgres.sh) --------
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  log "installing postgresql from Debian (the collector's tests run on it too)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  installed+=(postgresql)
fi

# --- LibreOffice Calc, the judge of the CSV (tests/e2e/calc.mjs) -----------
if ! command -v soffice >/dev/null; then
  log "installing libreoffice-calc from Debian (the CSV is checked in Calc)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-calc
  installed+=(libreoffice-calc)
fi

# --- cargo-deny: the dependencies' licences, bans and sources (deny.toml) ---
if ! cargo deny --version 2>/dev/null | grep -q "^cargo-deny $CARGO_DENY_VERSION\$"; then
  log "installing cargo-deny $CARGO_DENY_VERSION from crates.io (takes a few minutes)"
  cargo install --locked cargo-deny --version "$CARGO_DENY_VERSION"
  installed+=("cargo-deny $CARGO_DENY_VERSION")
fi

command -v gzip >/dev/null || die "gzip is needed for the bundle size check"

took=$(elapsed "$started" "$(now)")
if ((${#installed[@]})); then
  log "installed: ${installed[*]} (${took}s)"
else
  log "all present (${took}s)"
fi
log "trunk $TRUNK_VERSION, wasm-bindgen $wb_version, wasm-opt $WASM_OPT_VERSION (npm), Chromium $chromium_major, node $(node --version)"
