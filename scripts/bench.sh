#!/usr/bin/env bash
# Whole-process throughput of `claimcheck check` on generated corpora, against
# ripgrep searching the fact base's names in the same files, in the same run.
# Usage: scripts/bench.sh [MB ...]   (default: 2 20). Needs ripgrep (apt-get install ripgrep).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-2 20}")
[ $# -eq 0 ] && sizes=(2 20)
cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
bin=target/release/claimcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every name and alias of the shipped fact base, as one alternation.
names=$(grep -E '^\s+(name|aliases):' rules/entities.yaml \
  | sed -E 's/^\s+(name|aliases):\s*//; s/[][]//g' | tr ',' '\n' | sed -E 's/^\s+|\s+$//g' \
  | grep -v '^$' | sed -E 's/[.()+*?|^$\\]/\\&/g' | paste -sd'|')
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
printf "%6s %10s %10s %9s %9s %9s %8s %10s\n" MB articles bytes "cc s" "cc MiB/s" "rg s" "ratio" "peak MiB"
for mb in "${sizes[@]}"; do
  corpus="$work/corpus-$mb"
  target/release/examples/gen_corpus --mb "$mb" --out "$corpus" > /dev/null
  bytes=$(awk -F': ' '/"bytes"/ {gsub(/,/, "", $2); print $2}' "$corpus/manifest.json")
  articles=$(awk -F': ' '/"articles"/ {gsub(/,/, "", $2); print $2}' "$corpus/manifest.json")
  cc_times=(); rg_times=(); peak=0
  for run in 1 2 3 4 5; do
    # Wall time from bash's microsecond clock; peak memory from time(1).
    start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$work/time" "$bin" check "$corpus" --format short > "$work/out" || true
    cc_times+=("$(echo "$EPOCHREALTIME - $start" | bc -l)")
    kb=$(tail -1 "$work/time"); [ "$kb" -gt "$peak" ] && peak=$kb
    start=$EPOCHREALTIME
    rg -c -e "$names" "$corpus" > /dev/null || true
    rg_times+=("$(echo "$EPOCHREALTIME - $start" | bc -l)")
  done
  cc=$(printf "%s\n" "${cc_times[@]}" | median)
  rgs=$(printf "%s\n" "${rg_times[@]}" | median)
  printf "%6s %10s %10s %9.3f %9.1f %9.3f %8.1f %10.1f\n" "$mb" "$articles" "$bytes" "$cc" \
    "$(echo "$bytes / 1048576 / $cc" | bc -l)" "$rgs" "$(echo "$cc / $rgs" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
  # Nothing lost: every planted finding is reported.
  for code in $(grep -oE '"[A-Z][0-9]{3}": [0-9]+' "$corpus/manifest.json" | tr -d '" ' ); do
    name=${code%%:*}; want=${code##*:}
    got=$(grep -c "\[$name\]" "$work/out" || true)
    [ "$got" -ge "$want" ] || { echo "LOST: $name planted $want, found $got"; exit 1; }
  done
done
echo "every planted finding was found"
