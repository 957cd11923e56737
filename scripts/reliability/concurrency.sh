#!/usr/bin/env bash
# Concurrency test: WRITERS processes (default 4) each append PER_WRITER events (default 5,000) one
# at a time to the same log with expected-sequence checks, retrying on a sequence mismatch.
#
#   bash scripts/reliability/concurrency.sh
#   WRITERS=4 PER_WRITER=5000 bash scripts/reliability/concurrency.sh
#
# Checks: every writer exits 0; the log holds exactly WRITERS x PER_WRITER events, sequence 1..N
# with no gap or duplicate; `transition verify` passes; every acknowledged (sequence, id) is in the
# log; and each writer's events n = 0..PER_WRITER-1 are there exactly once (a retry never doubles
# an event, a lost race never drops one).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
echo "building transition and transition-stress (release)..." >&2
swift build -c release --product transition >&2
swift build -c release --product transition-stress >&2
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d "${TMPDIR:-/tmp}/transition-concurrency.XXXXXX")
trap 'rm -rf "$work"' EXIT
writers=${WRITERS:-4}
per=${PER_WRITER:-5000}
log="$work/log"
"$bin/transition" init --log "$log" >/dev/null

echo "concurrency test: $writers writers x $per appends (--expect-retry)" >&2
start=$(date +%s.%N)
pids=()
for w in $(seq 1 "$writers"); do
    "$bin/transition-stress" "$log" "$per" --expect-retry --tag "w$w" >"$work/acks-w$w" 2>"$work/err-w$w" &
    pids+=($!)
done
status=0
for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then
        echo "writer w$((i + 1)) failed: $(cat "$work/err-w$((i + 1))")" >&2
        status=1
    fi
done
end=$(date +%s.%N)

verify_output=$("$bin/transition" verify --log "$log" 2>&1) && verify_rc=0 || verify_rc=$?

python3 - "$log" "$work" "$writers" "$per" "$verify_rc" "$status" "$start" "$end" <<'PY'
import glob, json, os, sys
log, work, writers, per, verify_rc, writers_status = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
elapsed = float(sys.argv[8]) - float(sys.argv[7])
records = []
for path in sorted(glob.glob(os.path.join(log, "segments", "*"))):
    with open(path, "rb") as f:
        records += [json.loads(line) for line in f if line.strip()]
problems = []
expected = writers * per
sequences = [r["seq"] for r in records]
if len(records) != expected:
    problems.append(f"log holds {len(records)} events, expected exactly {expected}")
if sequences != list(range(1, len(records) + 1)):
    problems.append("sequence numbers are not 1..N without gaps or duplicates")
if verify_rc != 0:
    problems.append(f"transition verify exited {verify_rc}")
if writers_status != 0:
    problems.append("a writer failed")
by_seq = {r["seq"]: r for r in records}
acked = 0
for w in range(1, writers + 1):
    lines = open(os.path.join(work, f"acks-w{w}")).read().split()
    pairs = [(int(lines[i + 1]), lines[i + 2]) for i in range(0, len(lines), 3) if lines[i] == "ack"]
    acked += len(pairs)
    if len(pairs) != per:
        problems.append(f"writer w{w} acknowledged {len(pairs)} events, expected {per}")
    for seq, event_id in pairs:
        if by_seq.get(seq, {}).get("id") != event_id:
            problems.append(f"w{w}: acknowledged #{seq} {event_id} not in the log")
            break
    ns = sorted(r["data"]["n"] for r in records if r["data"].get("tag") == f"w{w}")
    if ns != list(range(per)):
        problems.append(f"w{w}: its events n=0..{per - 1} are not each present exactly once ({len(ns)} found)")
interleaving = sum(1 for a, b in zip(records, records[1:]) if a["actor"] != b["actor"])
print(f"RESULT: {writers} writers x {per} appends: {len(records)} events in the log, sequences 1..{len(records)} gapless: "
      f"{sequences == list(range(1, len(records) + 1))}, verify exit {verify_rc}, {acked} acknowledgements all present, "
      f"writer switches in the log: {interleaving}; {elapsed:.1f} s ({len(records) / elapsed:.0f} appends/s); "
      f"problems: {len(problems)}", flush=True)
for p in problems:
    print("  PROBLEM: " + p)
sys.exit(1 if problems else 0)
PY
echo "$verify_output" | tail -3
