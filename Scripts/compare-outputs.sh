#!/usr/bin/env bash
# Runs the binary of an earlier commit (built into .build-base) and the working tree's
# (built into .build) on the shared TMX corpus, the segmentation gold sets and the
# glossary fixtures, and diffs what they print. JSON is compared with keys sorted and
# the renames listed in the README applied to the old output, so the only differences
# left are real ones.
#
#   Scripts/compare-outputs.sh [BASE_REV]      (default: the commit before HEAD)
#
# Exit status 0 when the outputs agree, 1 when they differ (the diff is printed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/../shared/data" && pwd)
base_rev=${1:-HEAD~1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The base binary: a checkout of BASE_REV built in its own scratch folder.
git -C "$root" worktree add --detach -f "$work/base" "$base_rev" >/dev/null
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
(cd "$work/base" && swift build --scratch-path "$root/.build-base" >/dev/null)
(cd "$root" && swift build >/dev/null)
old="$root/.build-base/debug/concord"
new="$root/.build/debug/concord"

# Old JSON in today's names: keys sorted, renamed keys renamed.
normalise() {
    python3 -c '
import json, sys
renames = {"tus": "units", "srclang": "sourceLanguage", "creationtool": "creationTool",
           "creationtoolversion": "creationToolVersion", "segtype": "segmentType", "o-tmf": "originalFormat",
           "adminlang": "adminLanguage", "datatype": "dataType", "lang": "language", "props": "properties"}
def walk(value):
    if isinstance(value, dict): return {renames.get(k, k): walk(v) for k, v in value.items()}
    if isinstance(value, list): return [walk(v) for v in value]
    return value
for line in sys.stdin:
    line = line.strip()
    if not line: continue
    try: print(json.dumps(walk(json.loads(line)), sort_keys=True, ensure_ascii=False))
    except ValueError: print(line)
'
}

run_both() {    # NAME ARGS... : runs both binaries, keeps stdout (normalised) and the exit status
    local name=$1; shift
    for side in old new; do
        local binary=$old; [ "$side" = new ] && binary=$new
        local status=0
        (cd "$work" && "$binary" "$@" 2>/dev/null) >"$work/raw" || status=$?
        { normalise <"$work/raw"; echo "exit $status"; } >>"$work/$side.txt"
    done
}

for file in "$shared"/tmx-corpus/*.tmx; do
    name=$(basename "$file")
    echo "== tmx stats $name" | tee -a "$work/old.txt" >>"$work/new.txt"
    run_both "$name" tmx stats "$file" --json
    echo "== tmx validate $name" | tee -a "$work/old.txt" >>"$work/new.txt"
    run_both "$name" tmx validate "$file" --json
    for extension in tmx jsonl; do
        echo "== tmx convert $name → .$extension" | tee -a "$work/old.txt" >>"$work/new.txt"
        for side in old new; do
            binary=$old; [ "$side" = new ] && binary=$new
            rm -f "$work/out.$extension"
            status=0; "$binary" tmx convert "$file" -o "$work/out.$extension" --recover >/dev/null 2>&1 || status=$?
            # The tool version in the header is the one thing that may differ between commits.
            { [ -f "$work/out.$extension" ] && sed 's/creationtoolversion="[^"]*"//' "$work/out.$extension" | normalise; echo "exit $status"; } >>"$work/$side.txt"
        done
    done
done

for file in "$shared"/segmentation/golden_rules.*.jsonl "$shared"/segmentation/press_probe.*.jsonl; do
    lang=$(basename "$file" .jsonl); lang=${lang##*.}
    python3 -c 'import json,sys; [print(json.loads(l)["text"].replace("\n"," ")) for l in open(sys.argv[1]) if l.strip()]' "$file" >"$work/text.txt"
    echo "== segment $(basename "$file")" | tee -a "$work/old.txt" >>"$work/new.txt"
    run_both seg segment "$work/text.txt" --lang "$lang" --json
done

fixtures="$root/Tests/ConcordTerminologyTests/Fixtures"
for file in "$fixtures"/annotated.*.tsv; do
    lang=$(basename "$file" .tsv); lang=${lang##*.}
    cut -f1 "$file" >"$work/sentences.txt"
    echo "== terms $(basename "$file")" | tee -a "$work/old.txt" >>"$work/new.txt"
    run_both terms terms "$work/sentences.txt" --presegmented --glossary "$root/Glossaries/sco.tbx" --from "$lang" --json
done
for glossary in "$root"/Glossaries/sco.tbx "$root"/Glossaries/sco.csv; do
    for command in stats validate; do
        echo "== glossary $command $(basename "$glossary")" | tee -a "$work/old.txt" >>"$work/new.txt"
        run_both g glossary "$command" "$glossary" --json
    done
done

if diff -u "$work/old.txt" "$work/new.txt" >"$work/diff.txt"; then
    echo "outputs agree: $(grep -c '^==' "$work/new.txt") runs compared ($base_rev vs working tree)"
else
    cat "$work/diff.txt"
    echo "outputs differ ($base_rev vs working tree)" >&2
    exit 1
fi
