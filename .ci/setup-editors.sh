#!/usr/bin/env bash
# Installs the editors of the headless LSP tests (test/editors/): Neovim and Emacs with eglot, Debian packages.
# Idempotent: does nothing when they are installed. Needs root, as on CI and the developer machines.
set -euo pipefail
packages=(neovim emacs-nox elpa-eglot)
if dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  echo "[setup-editors] already installed: ${packages[*]}"
  exit 0
fi
echo "[setup-editors] installing Debian packages: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
