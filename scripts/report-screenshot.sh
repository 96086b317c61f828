#!/usr/bin/env bash
# Renders `claimcheck report fixtures` and screenshots it with headless Chromium
# at 1280 px wide into docs/report.png (the picture the README shows).
# Installs Debian's `chromium` when it is missing (needs root, or sudo).
# usage (from the project root): scripts/report-screenshot.sh [HEIGHT]
set -euo pipefail
[ -f Cargo.toml ] || { echo "run me from the project root" >&2; exit 2; }
height=${1:-2200}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
target/release/claimcheck report fixtures --output "$out/report.html"
# No network: the page needs none, and nothing may be fetched.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --no-first-run --disable-extensions --proxy-server=127.0.0.1:9 \
  --force-device-scale-factor=1 --window-size=1280,"$height" \
  --screenshot="$out/report.png" "file://$out/report.html" 2>/dev/null
mkdir -p docs
cp "$out/report.png" docs/report.png
echo "wrote docs/report.png (1280x$height)"
