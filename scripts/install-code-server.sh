#!/usr/bin/env bash
# Installs code-server (= VS Code 1.100.3 for the browser) into the git-ignored .vscode-test/code-server/,
# with its own tiny package.json, so it is not a dependency of the extension (npm ci stays fast, the vsix small).
# Idempotent: does nothing when the right version is already installed. Works offline except for the npm
# registry (no GitHub downloads): see shared/reference/real-vscode-offline.md.
#
#   bash scripts/install-code-server.sh           install if missing
#   bash scripts/install-code-server.sh --force   reinstall
#
# Needs (Debian): nodejs 20, libkrb5-dev (kerberos headers), ripgrep (rg), a C/C++ toolchain for node-gyp
# (build-essential, python3). .ci/run installs them.
set -euo pipefail

VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/.vscode-test/code-server"
MARKER="$DIR/.installed-$VERSION"
BIN="$DIR/node_modules/code-server/out/node/entry.js"
started=$(date +%s)

installed() {
  [[ -f "$MARKER" && -f "$BIN" ]] &&
    [[ "$(node -p "require('$DIR/node_modules/code-server/package.json').version" 2>/dev/null)" == "$VERSION" ]]
}
if [[ "${1:-}" != "--force" ]] && installed; then
  echo "[install-code-server] code-server $VERSION already installed in .vscode-test/code-server (skipped)"
  exit 0
fi

# One install at a time (two test runs starting together): wait for the other, then re-check.
mkdir -p "$ROOT/.vscode-test"
exec 9>"$ROOT/.vscode-test/.install-code-server.lock"
flock 9
if [[ "${1:-}" != "--force" ]] && installed; then
  echo "[install-code-server] code-server $VERSION installed meanwhile by another run (skipped)"
  exit 0
fi

# --- prerequisites: fail early with a clear message rather than deep inside node-gyp ---
missing=()
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == "20" ]] || missing+=("Node 20 (found $(node -v); code-server $VERSION requires engines.node 20)")
command -v rg >/dev/null || missing+=("ripgrep (apt-get install -y ripgrep)")
[[ -f /usr/include/gssapi/gssapi.h ]] || missing+=("libkrb5-dev (apt-get install -y libkrb5-dev)")
command -v make >/dev/null && command -v g++ >/dev/null || missing+=("a C++ toolchain (apt-get install -y build-essential)")
command -v python3 >/dev/null || missing+=("python3 (apt-get install -y python3)")
if ((${#missing[@]})); then
  echo "[install-code-server] missing prerequisites:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

rm -rf "$DIR"
mkdir -p "$DIR/tmp"

# npm 11 skips dependency install scripts unless approved in the allowScripts map of the package.json being
# installed (it refuses --allow-scripts / npm_config_allow_scripts in project installs). Our scripts to run:
# code-server's own postinstall, which runs `npm install` in lib/vscode and lib/vscode/extensions, and the native
# modules of those nested installs. Their package.json files have no allowScripts, and npm exports config to
# child scripts, so a global setting breaks the nested installs. Hence two phases: (1) install with scripts off,
# (2) add allowScripts maps to the nested package.json files, then `npm rebuild` to run the approved scripts.
TOP_ALLOW=(code-server argon2)
VSCODE_ALLOW=(kerberos node-pty @parcel/watcher @vscode/deviceid @vscode/ripgrep @vscode/spdlog native-watchdog)
EXTENSIONS_ALLOW=(@parcel/watcher esbuild)

# add_allow_scripts FILE [PKG...]: set FILE's allowScripts to approve the PKGs (creating FILE when missing).
add_allow_scripts() {
  node - "$@" <<'NODE'
const fs = require('node:fs');
const [file, ...allow] = process.argv.slice(2);
const pkg = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
pkg.allowScripts = { ...pkg.allowScripts, ...Object.fromEntries(allow.map((name) => [name, true])) };
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
NODE
}

cat >"$DIR/package.json" <<JSON
{
  "name": "activation-lens-code-server",
  "private": true,
  "description": "Test-only install of code-server for Activation Lens (see scripts/install-code-server.sh)",
  "dependencies": { "code-server": "$VERSION" }
}
JSON
add_allow_scripts "$DIR/package.json" "${TOP_ALLOW[@]}"

# @vscode/ripgrep's postinstall downloads rg from GitHub; it first looks for this cached tarball in $TMPDIR.
export TMPDIR="$DIR/tmp"
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

export npm_config_unsafe_perm=true # code-server's postinstall refuses root without it (npm 11 ignores --unsafe-perm)
export npm_config_nodedir=/usr     # node-gyp uses the local Node headers instead of downloading them
export npm_config_yes=true         # node-pty's postinstall runs `npx node-gyp`, which would prompt
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

echo "[install-code-server] installing code-server $VERSION into .vscode-test/code-server ..."
log="$DIR/install.log"
fail() {
  tail -n 60 "$log" >&2
  echo "[install-code-server] $1; full log: $log" >&2
  exit 1
}
(cd "$DIR" && npm install --no-package-lock --omit=dev --ignore-scripts >"$log" 2>&1) || fail "npm install failed"
echo "[install-code-server] fetched in $(($(date +%s) - started)) s; building native modules ..."
CS="$DIR/node_modules/code-server"
add_allow_scripts "$CS/lib/vscode/package.json" "${VSCODE_ALLOW[@]}"
add_allow_scripts "$CS/lib/vscode/extensions/package.json" "${EXTENSIONS_ALLOW[@]}"
(cd "$DIR" && npm rebuild --foreground-scripts >>"$log" 2>&1) || fail "npm rebuild (install scripts) failed"
if [[ ! -d "$DIR/node_modules/code-server/lib/vscode/node_modules/node-pty" ]]; then
  tail -n 60 "$log" >&2
  echo "[install-code-server] code-server's postinstall did not install VS Code's dependencies; log: $log" >&2
  exit 1
fi
rm -rf "$TMPDIR"
touch "$MARKER"
echo "[install-code-server] installed code-server $VERSION ($(du -sh "$DIR" | cut -f1)) in $(($(date +%s) - started)) s"
