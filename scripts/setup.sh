#!/usr/bin/env bash
# Installs what chainatlas needs to build, test and render on Debian 12, if it is missing.
# Safe to run again: it does nothing when every package is already installed.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config python3 python3-networkx
  libboost-graph-dev libgraphviz-dev graphviz libcli11-dev nlohmann-json3-dev
  libxxhash-dev libigraph-dev libgtest-dev libbenchmark-dev
  fonts-noto-cjk chromium
  clang libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "setup: need root to install packages: ${missing[*]}" >&2
    exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
