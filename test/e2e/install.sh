#!/usr/bin/env bash
# Installs what the offline in-editor tests need, idempotently:
#   - Debian packages: chromium (the headless browser that shows the workbench), ripgrep (stands in
#     for the rg binary that @vscode/ripgrep would download), libkrb5-dev (the kerberos addon), and
#     node-gyp's toolchain (python3, make, g++) for the native addons;
#   - code-server (VS Code's server and web workbench) and playwright-core, from the npm registry,
#     into $IMR_VSCODE_E2E_CACHE/code-server-VERSION (default ~/.cache/imr-vscode-e2e).
# Only the npm registry and Debian's archive are contacted. A complete cache makes this a no-op
# (well under a second); IMR_VSCODE_E2E_FORCE=1 rebuilds it.
set -euo pipefail

readonly CODE_SERVER_VERSION=4.100.3 # VS Code 1.100.3
readonly PLAYWRIGHT_CORE_VERSION=1.65.1
readonly CACHE="${IMR_VSCODE_E2E_CACHE:-$HOME/.cache/imr-vscode-e2e}"
readonly DEST="$CACHE/code-server-$CODE_SERVER_VERSION"
readonly STAMP="$DEST/.complete"
readonly ENTRY="$DEST/node_modules/code-server/out/node/entry.js"

say() { printf '[e2e install] %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------- Debian packages
install_debian_packages() {
  local missing=() pkg tool
  for pkg in chromium ripgrep libkrb5-dev; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  for tool in python3 make g++; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  ((${#missing[@]})) || return 0
  local sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  say "apt-get install ${missing[*]}"
  timeout 300 $sudo apt-get update -qq
  timeout 600 $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# Prints code-server's version line ("4.100.3 <commit> with Code 1.100.3"). Its config and logs go
# to a throwaway folder, not to ~/.config/code-server.
code_server_version() {
  local entry=$1 scratch output status=0
  scratch=$(mktemp -d)
  output=$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" node "$entry" --version 2>/dev/null) || status=1
  rm -rf "$scratch"
  grep -m1 '^[0-9]' <<<"$output" || status=1
  return "$status"
}

cache_is_complete() {
  [ -f "$STAMP" ] && code_server_version "$ENTRY" >/dev/null
}

# ---------------------------------------------------------------------------- code-server
build_code_server() {
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$node_major" != 20 ]; then
    say "code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version)"
    exit 1
  fi
  # Native addons build against the local Node headers (node-gyp would download them otherwise);
  # npm must never stop at a prompt.
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_api.h ]; then
    export npm_config_nodedir=/usr
  fi
  export npm_config_yes=true npm_config_audit=false npm_config_fund=false
  export npm_config_update_notifier=false npm_config_loglevel=error

  mkdir -p "$CACHE"
  STAGE=$(mktemp -d "$CACHE/.stage-XXXXXX")
  LOG="$STAGE.log"
  trap 'rm -rf "$STAGE"' EXIT
  say "building code-server $CODE_SERVER_VERSION in $STAGE (log: $LOG)"

  cd "$STAGE"
  printf '{\n  "private": true,\n  "dependencies": {\n    "code-server": "%s",\n    "playwright-core": "%s"\n  }\n}\n' \
    "$CODE_SERVER_VERSION" "$PLAYWRIGHT_CORE_VERSION" >package.json
  # code-server's postinstall installs lib/vscode with scripts on, and @vscode/ripgrep's postinstall
  # downloads rg from GitHub: both are done by hand below instead.
  step 600 npm install --ignore-scripts
  # argon2 is loaded at start-up even with --auth none; node-pre-gyp would fetch a GitHub prebuilt.
  npm_config_build_from_source=true step 300 npm rebuild argon2

  cd "$STAGE/node_modules/code-server/lib/vscode"
  step 600 npm install --omit=dev --ignore-scripts
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # Builds node-pty, spdlog, kerberos, native-watchdog, ...; @vscode/ripgrep's postinstall finds
  # bin/rg and stops there.
  step 900 npm rebuild
  # The rest of what code-server's postinstall.sh does.
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  cd extensions
  step 600 npm install --omit=dev

  cd "$CACHE"
  local version
  version=$(code_server_version "$STAGE/node_modules/code-server/out/node/entry.js")
  rm -rf "$DEST"
  mv "$STAGE" "$DEST"
  mv "$LOG" "$DEST/install.log"
  trap - EXIT
  code_server_version "$ENTRY" >/dev/null
  date -u +%FT%TZ >"$STAMP"
  say "installed $version into $DEST"
}

# Runs one build step with a time limit, its output in $LOG; shows the log's tail when it fails.
step() {
  local seconds=$1
  shift
  say "$*"
  if ! timeout --kill-after=10 "$seconds" "$@" >>"$LOG" 2>&1; then
    say "failed (or over ${seconds}s): $* -- last lines of $LOG:"
    tail -n 30 "$LOG" >&2
    exit 1
  fi
}

install_debian_packages
if [ "${IMR_VSCODE_E2E_FORCE:-0}" != 1 ] && cache_is_complete; then
  say "cached: $DEST (code-server $(code_server_version "$ENTRY"))"
  exit 0
fi
command -v node >/dev/null || { say 'node is required'; exit 1; }
build_code_server
