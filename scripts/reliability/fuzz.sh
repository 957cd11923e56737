#!/usr/bin/env bash
# libFuzzer runs (Linux, swiftc -sanitize=fuzzer,address) on the event-line decoder and the CSV reader.
#
#   bash scripts/reliability/fuzz.sh                 # 60 s each
#   FUZZ_SECONDS=600 bash scripts/reliability/fuzz.sh
#
# The product's TransitionSupport and EventLog sources are compiled with the fuzzer and address
# sanitizer into a scratch directory (nothing is written under .build). Seeds live in
# Tests/Fixtures/fuzz/{event-line,csv}; new interesting inputs go to a scratch corpus (copy any you
# want to keep into the fixtures). A crash leaves its input as crash-* in the scratch directory and
# is copied next to this script's output; the script exits 1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${FUZZ_SECONDS:-60}
out=$(mktemp -d "${TMPDIR:-/tmp}/transition-fuzz.XXXXXX")
flags=(-parse-as-library -O -sanitize=fuzzer,address -enable-upcoming-feature ExistentialAny -wmo)
echo "compiling with -sanitize=fuzzer,address into $out..." >&2
swiftc "${flags[@]}" -module-name TransitionSupport -emit-module -emit-module-path "$out/TransitionSupport.swiftmodule" \
    -c "$root"/Sources/TransitionSupport/*.swift -o "$out/TransitionSupport.o" 2>/dev/null
swiftc "${flags[@]}" -module-name EventLog -I "$out" -emit-module -emit-module-path "$out/EventLog.swiftmodule" \
    -c "$root"/Sources/EventLog/*.swift -o "$out/EventLog.o" 2>/dev/null
status=0
for target in event-line csv; do
    swiftc -parse-as-library -O -sanitize=fuzzer,address -I "$out" "$here/fuzz/$target.swift" \
        "$out/TransitionSupport.o" "$out/EventLog.o" -o "$out/fuzz-$target" 2>/dev/null
    mkdir -p "$out/corpus-$target"
    echo "fuzzing $target for $seconds s..." >&2
    if (cd "$out" && "./fuzz-$target" -max_total_time="$seconds" -max_len=16384 -print_final_stats=1 \
        "corpus-$target" "$root/Tests/Fixtures/fuzz/$target" >"$out/$target.log" 2>&1); then
        runs=$(awk '/stat::number_of_executed_units/ {print $NF}' "$out/$target.log")
        echo "RESULT $target: no crash in $seconds s, ${runs:-?} inputs, corpus $(ls "$out/corpus-$target" | wc -l) new files"
    else
        echo "RESULT $target: CRASH — see $out/$target.log and $out/crash-*"
        tail -30 "$out/$target.log"
        status=1
    fi
done
if [[ $status -eq 0 ]]; then rm -rf "$out"; fi
exit $status
