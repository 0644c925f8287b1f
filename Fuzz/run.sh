#!/usr/bin/env bash
# Builds the libFuzzer targets (with AddressSanitizer) and runs each for a set
# time: ./run.sh [SECONDS] [TARGET...]. Seeds come from ../shared/data and the
# tests' fixtures; each target's corpus grows in corpus/TARGET (not committed);
# crashes, hangs (> 5 s) and leaks land in findings/TARGET; the inputs behind
# past findings (fixed, each with a test) stay in Regressions/TARGET. Prints one line per
# target: executions, coverage, findings. Exits 1 if any target found something.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-tmx fuzz-tbx fuzz-tables fuzz-srx fuzz-documents fuzz-xliff)
shared=../../shared/data
[ -d "$shared" ] || shared=../shared/data

swift build -c release --build-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld >&2
bin=$(swift build -c release --build-path .build-fuzz --show-bin-path)

seed() {   # seed TARGET: copy the files that fit the target into its corpus once
    local target=$1 dir=corpus/$1
    [ -d "$dir" ] && return
    mkdir -p "$dir"
    case $target in
    fuzz-tmx) find "$shared/tmx-corpus" ../Tests ../TMX -name '*.tmx' -size -200k 2>/dev/null ;;
    fuzz-tbx) find "$shared/formats" ../Glossaries ../Tests -name '*.tbx' -size -200k 2>/dev/null ;;
    fuzz-tables) find ../Glossaries ../Tests "$shared/tmx-corpus" \( -name '*.csv' -o -name '*.tsv' \) -size -200k 2>/dev/null ;;
    fuzz-srx) find ../Sources "$shared" -name '*.srx' -size -200k 2>/dev/null ;;
    fuzz-xliff) find "$shared/formats/xliff-examples" ../Tests -name '*.xlf' -size -200k 2>/dev/null ;;
    fuzz-documents) find "$shared/releases" "$shared/formats" ../Tests \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -size -200k 2>/dev/null ;;
    esac | head -300 | while read -r file; do cp "$file" "$dir/$(basename "$file")"; done
}

status=0
for target in "${targets[@]}"; do
    seed "$target"
    mkdir -p "findings/$target"
    dict=Dictionaries/${target#fuzz-}.dict
    log=findings/$target/last-run.log
    # Leaks are reported by AddressSanitizer's LeakSanitizer at the end of each run.
    # Inputs behind past findings are replayed first, every run.
    regressions=()
    [ -d "Regressions/$target" ] && regressions=("Regressions/$target")
    "$bin/$target" "corpus/$target" "${regressions[@]}" -dict="$dict" -max_total_time="$seconds" -timeout=5 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="findings/$target/" \
        > "$log" 2>&1 || true
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
    found=$(find "findings/$target" -maxdepth 1 \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'oom-*' \) | wc -l)
    echo "$target: ${runs:-0} executions, coverage ${cov:-0} edges, ${found} findings (log: Fuzz/$log)"
    [ "$found" -eq 0 ] || status=1
done
exit $status
