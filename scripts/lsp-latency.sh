#!/usr/bin/env bash
# Edit→diagnostics latency of `claimcheck lsp` in a workspace of 2,000
# generated articles (about 8 KB each), while the workspace is read in the
# background and after. A benchmark: prints numbers, asserts nothing.
#   scripts/lsp-latency.sh [ARTICLES] [EDITS]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-2000}
edits=${2:-60}
cargo build --release --quiet --bin claimcheck --example gen_corpus --example lsp_latency
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# gen_corpus writes about 8 KB per article; ask for a little more, keep $articles.
mb=$(awk -v n="$articles" 'BEGIN { printf "%.2f", n * 8.6 / 1024 }')
target/release/examples/gen_corpus --mb "$mb" --out "$dir/corpus" > /dev/null
mkdir "$dir/workspace"
find "$dir/corpus" -name '*.md' | sort | head -n "$articles" | xargs -I{} mv {} "$dir/workspace/"
echo "articles: $(find "$dir/workspace" -name '*.md' | wc -l), $(du -sh "$dir/workspace" | cut -f1)"
target/release/examples/lsp_latency --server target/release/claimcheck --workspace "$dir/workspace" --edits "$edits"
