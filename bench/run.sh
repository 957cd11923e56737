#!/usr/bin/env bash
# Runs Transition's benchmarks (release builds only) and writes docs/benchmarks.md.
#
#   bash bench/run.sh            # all benchmarks
#   EVENTS=100000 bash bench/run.sh
#
# Benchmarks are programs, not tests: nothing here runs in CI.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
work=$(mktemp -d /tmp/transition-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
events=${EVENTS:-100000}

echo "building benchmarks (release)..." >&2
swift build -c release --product log-bench >&2
bin=$(swift build -c release --show-bin-path)

echo "log: single durable appends, batched appends, sequential read, verify on $events events" >&2
"$bin/log-bench" "$work/log" --events "$events" --single 1000 --batch-size 1000 | tee "$work/log.jsonl" >&2

python3 - "$work/log.jsonl" "$root/docs/benchmarks.md" "$events" <<'PY'
import json, sys, datetime, os, subprocess
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
mem = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.split("\n")[1].split()[1]
out = [
    "# Benchmarks",
    "",
    f"Written by `bench/run.sh` on {datetime.date.today()} — machine: {os.cpu_count()} cores (`nproc`), {mem} memory. Release build.",
    "",
    f"## Event log ({sys.argv[3]} events)",
    "",
    "| measurement | events | seconds | events/s | MB/s |",
    "|---|---:|---:|---:|---:|",
]
for r in rows:
    out.append(f"| {r['name']} | {r['events']} | {r['seconds']:.3f} | {r['eventsPerSecond']:,} | {r.get('megabytesPerSecond', '')} |")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
print("\n".join(out))
PY
