#!/usr/bin/env bash
# Renders `transition report --html` for a realistic log and screenshots it with headless Chromium.
# Uses `transition demo` when it yields a programme; otherwise seeds the BOB 2022 workflow with a
# backdated history (scripts/report-seed/progress.json) so the data date falls inside the plan.
# Usage: scripts/screenshot-report.sh [OUTPUT.png]   (default docs/report.png)
# REPORT_AS_OF picks the demo's data date (default 2022-03-01, when go-live was forecast 2 days
# late, so the critical path shows); the seeded history always ends on 2022-05-16.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/report.png}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

swift build -c release --product transition >/dev/null
bin="$PWD/.build/release/transition"
html="$tmp/report.html"

seed() {
    local log="$1" workflow="Workflows/bob-ccg-to-icb-2022.json"
    "$bin" init --log "$log" >/dev/null
    # programme.initialised, backdated to the programme's start, carrying the workflow and its SHA-256.
    python3 - "$workflow" >"$tmp/init.json" <<'PY'
import hashlib, json, sys
path = sys.argv[1]
raw = open(path, "rb").read()
doc = json.loads(raw)
print(json.dumps([
    {"type": "programme.initialised", "recordedAt": "2021-10-01T08:00:00Z", "entity": doc["programme"]["id"],
     "reason": "Transition programme mobilised", "role": "programme-director",
     "data": {"programme": doc["programme"]["id"], "workflow": doc, "workflowSha256": hashlib.sha256(raw).hexdigest(), "workflowFile": path}},
    {"type": "task.finished", "recordedAt": "2021-10-04T08:00:00Z", "entity": "M-START", "role": "transition-pmo",
     "data": {"task": "M-START", "on": "2021-10-01"}},
]))
PY
    "$bin" append "$tmp/init.json" --log "$log" --as "Programme office" >/dev/null
    # Baseline 1: the plan as scheduled on the programme's first data date.
    "$bin" critical-path --all --json --log "$log" >"$tmp/plan.json"
    python3 - "$tmp/plan.json" >"$tmp/baseline.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
tasks = [{"task": t["id"], "start": t["startDate"], "finish": t["finishDate"]} for t in plan["tasks"]]
print(json.dumps({"type": "baseline.taken", "recordedAt": "2021-10-04T08:30:00Z", "entity": "bob-ccg-to-icb-2022",
                  "role": "programme-director", "reason": "Original plan",
                  "data": {"programme": "bob-ccg-to-icb-2022", "number": 1, "statutoryDate": plan["statutoryDate"],
                           "label": "original plan", "tasks": tasks}}))
PY
    "$bin" append "$tmp/baseline.json" --log "$log" --as "Programme director" >/dev/null
    "$bin" append scripts/report-seed/progress.json --log "$log" --as "Programme office" --role transition-pmo >/dev/null
}

log="$tmp/demo"
as_of=(--as-of "${REPORT_AS_OF:-2022-03-01}")
if "$bin" demo --log "$log" >/dev/null 2>&1 && "$bin" report --html "$html" --log "$log" "${as_of[@]}" >/dev/null 2>&1; then
    echo "using the demo history as of ${REPORT_AS_OF:-2022-03-01}" >&2
else
    echo "no demo programme; seeding the BOB workflow with a backdated history" >&2
    rm -rf "$log"
    seed "$log"
    as_of=()
fi
"$bin" report --html "$html" --log "$log" ${as_of[@]+"${as_of[@]}"} >&2

if ! command -v chromium >/dev/null 2>&1; then
    apt-get update >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null
fi
mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$PWD/$out" --window-size=2200,1500 "file://$html" >/dev/null 2>&1
echo "$PWD/$out"
