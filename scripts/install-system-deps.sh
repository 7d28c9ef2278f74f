#!/usr/bin/env bash
# Installs the Debian packages the tests and the code-server demo need, only those missing (idempotent):
#   chromium     the browser the UI tests drive (playwright-core cannot download its own here)
#   libkrb5-dev  headers for code-server's native kerberos module
#   ripgrep      rg for code-server (its own download from GitHub is not reachable)
#   build-essential, python3  node-gyp builds of code-server's native modules
#   python3-torch, python3-numpy  real PyTorch 1.13 / NumPy 1.24 (for /usr/bin/python3) as test oracles
#   python3-debugpy  the Python debug adapter for the live-value tests
#   fonts-wqy-microhei  a CJK font, so zh-cn screenshots show real glyphs
#   pngquant, optipng  smaller README / walkthrough pictures (scripts/readme-images.mjs), so the vsix stays small
# Needs root (CI runs as root); otherwise it prints the apt-get command to run.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
wanted=(chromium libkrb5-dev ripgrep build-essential python3 python3-torch python3-numpy python3-debugpy fonts-wqy-microhei pngquant optipng)
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "apt packages already installed: ${wanted[*]}"
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "missing Debian packages: ${missing[*]}"
  echo "install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  exit 1
fi
echo "installing: ${missing[*]}"
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
