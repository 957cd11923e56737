#!/usr/bin/env bash
# libFuzzer runs (Linux, swiftc -sanitize=fuzzer,address) on the event-line decoder, the CSV reader
# and the workflow loader, one target after another, each in a single process (no -jobs/-workers).
#
#   bash scripts/reliability/fuzz.sh                          # all targets, 60 s each
#   bash scripts/reliability/fuzz.sh all 600                  # the issue #10 campaign (10 min each)
#   bash scripts/reliability/fuzz.sh workflow 600             # one target
#   FUZZ_TARGETS="csv workflow" FUZZ_SECONDS=30 bash scripts/reliability/fuzz.sh
#
# Needs only the Swift toolchain (swiftc with the libFuzzer runtime, e.g. /opt/swift/usr/bin) and
# coreutils/findutils/awk. The product's TransitionSupport, EventLog and Workflow sources are
# compiled with the fuzzer and address sanitizer into a mktemp directory (nothing is written under
# .build); the entry points are scripts/reliability/fuzz/<target>.swift and each target has a
# libFuzzer dictionary <target>.dict (JSON / CSV tokens) there. The corpus is
# Tests/Fixtures/fuzz/<target>/ (read recursively, so kept crash reproducers in crashes/ are replayed
# first); new interesting inputs go to a scratch corpus.
#
# After a run the kept corpus is re-minimised (unless FUZZ_KEEP_CORPUS=0): the hand-made seeds (any
# file whose name is not a 40-hex SHA-1) are kept as they are, and libFuzzer's merge
# (`-set_cover_merge=1 -use_counters=0`, the set-cover variant of `-merge=1`) picks from
# {previously kept inputs, new inputs} a small set that reaches every edge the seeds do not. The
# SHA-1-named files in Tests/Fixtures/fuzz/<target>/ are then replaced by that set, so the kept
# corpus stays small (< 500 files, < 2 MB per target). FUZZ_MERGE=merge uses the classic greedy
# `-merge=1` instead (for the workflow target after 600 s: 568 files / 1.8 MB instead of 291 / 1.5 MB).
#
# Arguments (both optional): TARGET ("event-line", "csv", "workflow" or "all") and SECONDS.
# Environment:
#   FUZZ_SECONDS        seconds per target when not given as an argument (default 60)
#   FUZZ_TARGETS        targets when not given as an argument (default "event-line csv workflow")
#   FUZZ_KEEP_CORPUS    0 = do not touch Tests/Fixtures/fuzz/<target>/ (default 1: merge, as above)
#   FUZZ_MERGE          set_cover_merge (default) or merge: which libFuzzer merge re-minimises the corpus
#   FUZZ_NICE           nice level for compiling and fuzzing (default 19)
#   FUZZ_TIMEOUT        seconds after which one input counts as a hang (default 20)
#   FUZZ_BUILD_WRAPPER  command prefixed to each swiftc call, e.g. a flock wrapper (default none)
#   FUZZ_KEEP_SCRATCH   1 = keep the scratch directory (binaries, logs, full corpora) even on success
#
# A crash, hang or sanitizer report stops that target; its input is copied to
# Tests/Fixtures/fuzz/<target>/crashes/, the scratch directory is kept for the log, the other targets
# still run, and the script exits 1. Every file under Tests/Fixtures/fuzz/ is replayed by
# `swift test --filter FuzzCorpus`.
#
# Prints one line per target:
#   RESULT <target>: <no crash|CRASH> in <s> s, <n> inputs (<n> exec/s), cov: <edges> ft: <features>
#   corp: <files>/<bytes>, <n> new corpus files; kept corpus <files>, <KiB>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${2:-${FUZZ_SECONDS:-60}}
targets=${1:-${FUZZ_TARGETS:-all}}
[[ $targets == all ]] && targets="event-line csv workflow"
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [event-line|csv|workflow|all] [SECONDS]" >&2; exit 2; }
keep=${FUZZ_KEEP_CORPUS:-1}
merge=${FUZZ_MERGE:-set_cover_merge}
[[ $merge == set_cover_merge || $merge == merge ]] || { echo "FUZZ_MERGE must be set_cover_merge or merge" >&2; exit 2; }
niceness=${FUZZ_NICE:-19}
timeout=${FUZZ_TIMEOUT:-20}
read -r -a wrapper <<<"${FUZZ_BUILD_WRAPPER:-}"
command -v swiftc >/dev/null || { echo "swiftc not found: put the Swift toolchain's usr/bin on PATH" >&2; exit 2; }
fixtures="$root/Tests/Fixtures/fuzz"
out=$(mktemp -d "${TMPDIR:-/tmp}/transition-fuzz.XXXXXX")

# One package name for all modules (as SwiftPM passes), so `package` declarations are visible across
# them; -enable-testing lets a target `@testable import` a module to compare internal code paths
# (the event-line target checks the canonical fast path against the full decoder).
flags=(-parse-as-library -O -sanitize=fuzzer,address -enable-upcoming-feature ExistentialAny -wmo -package-name transition
    -enable-testing)
module() {  # module NAME SOURCE-DIR: compile every .swift under Sources/NAME into $out/NAME.o
    local name=$1
    local sources
    mapfile -t sources < <(find "$root/Sources/$name" -name '*.swift' | sort)
    "${wrapper[@]}" nice -n "$niceness" swiftc "${flags[@]}" -module-name "$name" -I "$out" -emit-module \
        -emit-module-path "$out/$name.swiftmodule" -c "${sources[@]}" -o "$out/$name.o" 2>"$out/build-$name.log" || {
        echo "cannot compile $name with -sanitize=fuzzer,address:" >&2
        cat "$out/build-$name.log" >&2
        exit 2
    }
}
echo "compiling with -sanitize=fuzzer,address into $out..." >&2
module TransitionSupport
module EventLog
module Workflow

max_len() {
    case $1 in
        workflow) echo 65536 ;;  # the shipped ICB merger workflow (36 KB) fits; BOB (92 KB) does not
        *) echo 16384 ;;
    esac
}
objects() {
    case $1 in
        event-line) echo "$out/TransitionSupport.o $out/EventLog.o" ;;
        csv) echo "$out/TransitionSupport.o" ;;
        workflow) echo "$out/TransitionSupport.o $out/Workflow.o" ;;
        *) echo "unknown fuzz target '$1' (known: event-line csv workflow)" >&2; exit 2 ;;
    esac
}
stat_of() { awk -v key="stat::$2:" '$1 == key {print $2}' "$out/$1.log" | tail -1; }
coverage_of() {  # the last status line's "cov: N ft: M corp: A/B"
    grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$out/$1.log" | tail -1
}
kept_summary() { # files and bytes of the kept corpus, crashes included
    local files bytes
    files=$(find "$fixtures/$1" -type f | wc -l)
    bytes=$(find "$fixtures/$1" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    echo "$files files, $((bytes / 1024)) KiB"
}

status=0
for target in $targets; do
    read -r -a objs <<<"$(objects "$target")"
    "${wrapper[@]}" nice -n "$niceness" swiftc -parse-as-library -O -sanitize=fuzzer,address -I "$out" "$here/fuzz/$target.swift" \
        "${objs[@]}" -o "$out/fuzz-$target" 2>"$out/build-fuzz-$target.log" || {
        echo "cannot compile the $target fuzz target:" >&2
        cat "$out/build-fuzz-$target.log" >&2
        exit 2
    }
    mkdir -p "$out/corpus-$target" "$fixtures/$target"
    len=$(max_len "$target")
    echo "fuzzing $target for $seconds s (max_len $len, dictionary $target.dict)..." >&2
    started=$(date +%s)
    if (cd "$out" && nice -n "$niceness" "./fuzz-$target" -max_total_time="$seconds" -max_len="$len" \
        -timeout="$timeout" -dict="$here/fuzz/$target.dict" -artifact_prefix="$out/$target-" \
        -print_final_stats=1 "corpus-$target" "$fixtures/$target" >"$out/$target.log" 2>&1); then
        crashed=0
    else
        crashed=1
    fi
    elapsed=$(($(date +%s) - started))
    runs=$(stat_of "$target" number_of_executed_units)
    rate=$(stat_of "$target" average_exec_per_sec)
    coverage=$(coverage_of "$target")
    new=$(find "$out/corpus-$target" -type f | wc -l)
    if [[ $crashed -eq 1 ]]; then
        mkdir -p "$fixtures/$target/crashes"
        found=0
        for artifact in "$out/$target-"*; do
            [[ -f $artifact ]] || continue
            cp "$artifact" "$fixtures/$target/crashes/"
            echo "kept reproducer Tests/Fixtures/fuzz/$target/crashes/$(basename "$artifact")" >&2
            found=1
        done
        [[ $found -eq 1 ]] || rmdir "$fixtures/$target/crashes" 2>/dev/null || true
        echo "$target: CRASH after ${elapsed} s — see $out/$target.log" >&2
        grep -E '^(==[0-9]+==ERROR|Fatal error|.*error:|SUMMARY|artifact_prefix|Test unit written)' "$out/$target.log" | head -20 >&2 || true
        tail -30 "$out/$target.log" >&2
        findings="CRASH (reproducer in Tests/Fixtures/fuzz/$target/crashes/)"
        status=1
    else
        findings="no crash"
    fi
    if [[ $keep == 1 ]]; then
        # Re-minimise: seeds (non-SHA-1 names) + a merge pass over the old SHA-1-named inputs
        # and the new ones, into a fresh directory; crashes/ is left alone.
        rm -rf "$out/min-$target" "$out/old-$target"
        mkdir -p "$out/min-$target" "$out/old-$target"
        while IFS= read -r -d '' file; do
            if [[ $(basename "$file") =~ ^[0-9a-f]{40}$ ]]; then cp "$file" "$out/old-$target/"; else cp "$file" "$out/min-$target/"; fi
        done < <(find "$fixtures/$target" -maxdepth 1 -type f -print0)
        before=$(find "$fixtures/$target" -maxdepth 1 -type f | wc -l)
        if (cd "$out" && nice -n "$niceness" "./fuzz-$target" -"$merge"=1 -use_counters=0 -max_len="$len" \
            -timeout="$timeout" -merge_control_file="$out/merge-$target.txt" \
            "min-$target" "old-$target" "corpus-$target" >"$out/merge-$target.log" 2>&1); then
            find "$fixtures/$target" -maxdepth 1 -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' -delete
            find "$out/min-$target" -maxdepth 1 -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' \
                -exec cp {} "$fixtures/$target/" \;
            kept="; kept corpus minimised $before -> $(kept_summary "$target")"
        else
            echo "merge into Tests/Fixtures/fuzz/$target failed (kept corpus unchanged); see $out/merge-$target.log" >&2
            kept="; kept corpus $(kept_summary "$target") (merge failed)"
            status=1
        fi
    else
        kept="; kept corpus $(kept_summary "$target") (unchanged)"
    fi
    echo "RESULT $target: $findings in ${elapsed} s, ${runs:-?} inputs (${rate:-?} exec/s), ${coverage:-cov ?}, $new new corpus files$kept"
done
if [[ $status -eq 0 && ${FUZZ_KEEP_SCRATCH:-0} != 1 ]]; then rm -rf "$out"; else echo "scratch directory kept: $out" >&2; fi
exit $status
