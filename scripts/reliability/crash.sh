#!/usr/bin/env bash
# Crash test: SIGKILL a writer at random moments during single and batched appends, then check
# that the log reopens for writing, verifies, and still holds every acknowledged event.
#
#   bash scripts/reliability/crash.sh            # 1000 kills
#   KILLS=200 bash scripts/reliability/crash.sh
#
# Env: KILLS (default 1000), BATCHES (batch sizes the batched half picks from at random, default
# 10,100,1000,4000 — big batches are one multi-megabyte write(), which SIGKILL can cut between
# pages, leaving a torn tail), MAX_DELAY_MS (kill within 0..MAX_DELAY_MS after start, default 120),
# ROTATE (start a fresh log every ROTATE kills so each check stays cheap, default 10), SEED
# (default: random; printed).
#
# What it checks after every kill:
#   1. `transition-stress LOG 1` (open for writing, repair any torn tail, append one event) succeeds;
#   2. `transition verify --log LOG` exits 0;
#   3. every "ack SEQ ID" the killed writer printed is in the log with that sequence and id.
# Then TORN (default 200) injected torn tails: a random prefix of a real batch's bytes appended after
# the committed tail; the next writer must cut exactly that off (repairs.jsonl) and lose nothing.
# Limits: SIGKILL stops the process, not the machine — the page cache survives, so this tests the
# append protocol and torn-tail recovery, not fsync against power loss.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
echo "building transition and transition-stress (release)..." >&2
swift build -c release --product transition >&2
swift build -c release --product transition-stress >&2
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d "${TMPDIR:-/tmp}/transition-crash.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 - "$bin" "$work" <<'PY'
import glob, json, os, random, signal, subprocess, sys, time

bin_dir, work = sys.argv[1], sys.argv[2]
transition, stress = os.path.join(bin_dir, "transition"), os.path.join(bin_dir, "transition-stress")
kills = int(os.environ.get("KILLS", "1000"))
batches = [int(b) for b in os.environ.get("BATCHES", "10,100,1000,4000").split(",")]
max_delay = int(os.environ.get("MAX_DELAY_MS", "120")) / 1000
rotate = int(os.environ.get("ROTATE", "10"))
seed = int(os.environ.get("SEED", str(random.SystemRandom().randrange(1 << 31))))
rng = random.Random(seed)
print(f"crash test: {kills} kills, batches {batches}, kill within 0-{max_delay * 1000:.0f} ms, fresh log every {rotate} kills, seed {seed}",
      flush=True)


def log_ids(log):
    """sequence -> id for every complete line in the log's segments (the writer is dead, nothing is moving)."""
    found = {}
    for path in sorted(glob.glob(os.path.join(log, "segments", "*"))):
        with open(path, "rb") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                found[record["seq"]] = record["id"]
    return found


def repairs(log):
    path = os.path.join(log, "repairs.jsonl")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


failures = []
stats = {"single": 0, "batch": 0, "acked": 0, "killed_mid_run": 0, "exited_before_kill": 0, "repairs": 0,
         "torn-line": 0, "unfinished-batch": 0}
log = None
started = time.monotonic()
for kill in range(kills):
    if kill % rotate == 0:
        if log:
            stats["repairs"] += len(repairs(log))
            for r in repairs(log):
                stats[r.get("kind", "?")] = stats.get(r.get("kind", "?"), 0) + 1
        log = os.path.join(work, f"log-{kill // rotate}")
        subprocess.run([transition, "init", "--log", log], check=True, capture_output=True)
    mode = "batch" if kill % 2 else "single"
    stats[mode] += 1
    batch = rng.choice(batches)
    command = [stress, log, "1000000", "--tag", f"k{kill}"] + (["--batch", str(batch)] if mode == "batch" else [])
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(rng.uniform(0, max_delay))
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
        stats["killed_mid_run"] += 1
    else:
        stats["exited_before_kill"] += 1
    out, err = process.communicate()
    acked = []
    for line in out.decode().splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "ack":
            acked.append((int(parts[1]), parts[2]))
    stats["acked"] += len(acked)
    problems = []
    if process.returncode not in (-signal.SIGKILL,):
        problems.append(f"writer exited {process.returncode} before the kill: {err.decode().strip()}")
    reopen = subprocess.run([stress, log, "1", "--tag", f"reopen{kill}"], capture_output=True, text=True)
    if reopen.returncode != 0 or not reopen.stdout.startswith("ack "):
        problems.append(f"reopen-and-append failed ({reopen.returncode}): {reopen.stderr.strip()}")
    verify = subprocess.run([transition, "verify", "--log", log], capture_output=True, text=True)
    if verify.returncode != 0:
        problems.append(f"verify failed ({verify.returncode}): {(verify.stdout + verify.stderr).strip()[:500]}")
    present = log_ids(log)
    for sequence, event_id in acked:
        if present.get(sequence) != event_id:
            problems.append(f"acknowledged #{sequence} {event_id} missing (log has {present.get(sequence)})")
            break
    if problems:
        failures.append((kill, mode, problems))
        print(f"kill {kill} ({mode}): " + "; ".join(problems), flush=True)
    if (kill + 1) % 100 == 0:
        print(f"  {kill + 1} kills, {stats['acked']} acknowledged events checked, {len(failures)} failures, "
              f"{time.monotonic() - started:.0f} s", flush=True)
stats["repairs"] += len(repairs(log))
for r in repairs(log):
    stats[r.get("kind", "?")] = stats.get(r.get("kind", "?"), 0) + 1
elapsed = time.monotonic() - started

# Torn writes. SIGKILL rarely cuts a write() in half, so also inject what a power cut mid-append
# leaves behind: a random-length prefix of a real batch's bytes (complete lines of an unfinished
# batch and/or a partial line) after the committed tail. The next writer must cut exactly that off.
import shutil
torn = int(os.environ.get("TORN", "200"))
torn_started = time.monotonic()
torn_kinds = {}
torn_failures = 0
log = os.path.join(work, "torn")
subprocess.run([transition, "init", "--log", log], check=True, capture_output=True)
subprocess.run([stress, log, "100", "--tag", "base"], check=True, capture_output=True)
for attempt in range(torn):
    segment = sorted(glob.glob(os.path.join(log, "segments", "*")))[-1]
    before = open(segment, "rb").read()
    committed = log_ids(log)
    scratch = os.path.join(work, "torn-scratch")
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(log, scratch)
    size = rng.choice([1, 2, 5, 50])
    subprocess.run([stress, scratch, str(size), "--batch", str(size), "--tag", f"t{attempt}"], check=True, capture_output=True)
    added = open(os.path.join(scratch, "segments", os.path.basename(segment)), "rb").read()[len(before):]
    cut = rng.randrange(1, len(added))  # never the whole batch: that would be a committed append
    with open(segment, "ab") as f:
        f.write(added[:cut])
    reopen = subprocess.run([stress, log, "1", "--tag", f"after{attempt}"], capture_output=True, text=True)
    verify = subprocess.run([transition, "verify", "--log", log], capture_output=True, text=True)
    present = log_ids(log)
    lost = [seq for seq, event_id in committed.items() if present.get(seq) != event_id]
    problems = []
    if reopen.returncode != 0:
        problems.append(f"reopen failed: {reopen.stderr.strip()}")
    if verify.returncode != 0:
        problems.append(f"verify failed: {(verify.stdout + verify.stderr).strip()[:300]}")
    if lost:
        problems.append(f"committed events lost: {lost[:5]}")
    if len(present) != len(committed) + 1:
        problems.append(f"expected {len(committed) + 1} events after repair + append, found {len(present)}")
    if problems:
        torn_failures += 1
        print(f"torn {attempt} (batch {size}, cut at {cut}/{len(added)} bytes): " + "; ".join(problems), flush=True)
for r in repairs(log):
    torn_kinds[r.get("kind", "?")] = torn_kinds.get(r.get("kind", "?"), 0) + 1
print(f"RESULT torn tails: {torn} injected (prefixes of real batches of 1, 2, 5 or 50), repairs recorded: "
      f"{sum(torn_kinds.values())} {torn_kinds}; failures: {torn_failures}; {time.monotonic() - torn_started:.0f} s", flush=True)
if torn_failures:
    failures.append(("torn", torn_failures))
print(f"RESULT: {kills} kills ({stats['single']} single-append runs, {stats['batch']} batched runs, batch sizes {batches}); "
      f"{stats['killed_mid_run']} killed while writing, {stats['exited_before_kill']} had already exited; "
      f"{stats['acked']} acknowledged events, all checked; torn tails repaired: {stats['repairs']} "
      f"({stats['torn-line']} torn lines, {stats['unfinished-batch']} unfinished batches); "
      f"failures: {len(failures)}; {elapsed:.0f} s (seed {seed})", flush=True)
sys.exit(1 if failures else 0)
PY
