#!/usr/bin/env bash
# Disk-full and permission test (needs root for mount; falls back as described below).
#
#   sudo bash scripts/reliability/disk-full.sh
#
# 1. Mounts a 2 MB tmpfs (else a loop-mounted 4 MB ext4 image; else says so and simulates a full disk
#    with `ulimit -f`), creates a log on it, appends 200 events, fills the filesystem to within a few
#    KB, then tries a 2,000-event batch (library, via transition-stress) and a 1,000-event batch
#    (`transition append`). Expects: both fail with the "disk ... is full" message, the log's files are
#    byte-for-byte unchanged, `transition verify` passes; after the filler is removed, the same batch
#    appends and verifies.
# 2. Remounts the filesystem read-only: appending fails with a clear message; verify still works.
# 3. A read-only log directory (chmod a-w, run as user nobody, since root ignores permissions) and a
#    missing log directory give clear errors.
# Queries write caches beside the log (the projection snapshot, the record of segments found sound):
# on the full disk, on the read-only filesystem and for the read-only user, `transition status` and
# `transition history` on a programme's log must still answer (the caches simply are not kept), and
# leave the log's segments unchanged.
# Prints PASS/FAIL per check and a summary; exits 1 if any check fails.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
echo "building transition and transition-stress (release)..." >&2
swift build -c release --product transition >&2 || exit 1
swift build -c release --product transition-stress >&2 || exit 1
bin=$(swift build -c release --show-bin-path)
transition="$bin/transition"
stress="$bin/transition-stress"
work=$(mktemp -d "${TMPDIR:-/tmp}/transition-diskfull.XXXXXX")
mnt="$work/mnt"
mkdir -p "$mnt"
mounted=""
cleanup() {
    if [[ -n "$mounted" ]]; then
        mount -o remount,rw "$mnt" 2>/dev/null
        umount "$mnt" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

passes=0
fails=0
check() { # check NAME CONDITION-EXIT-STATUS DETAIL
    if [[ $2 -eq 0 ]]; then
        echo "PASS  $1${3:+ — $3}"
        passes=$((passes + 1))
    else
        echo "FAIL  $1${3:+ — $3}"
        fails=$((fails + 1))
    fi
}
snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
events_json() { # events_json COUNT: a JSON array of COUNT task.progressed events
    python3 -c 'import json,sys; n=int(sys.argv[1]); print(json.dumps([{"type":"stress.appended","entity":"big-%d"%i,"data":{"n":i,"padding":"x"*200}} for i in range(n)]))' "$1"
}

# --- 1. a small filesystem ---------------------------------------------------------------------
if mount -t tmpfs -o size=2m tmpfs "$mnt" 2>"$work/mount.err"; then
    mounted=tmpfs
    echo "filesystem: 2 MB tmpfs at $mnt"
else
    echo "tmpfs mount refused: $(cat "$work/mount.err")"
    truncate -s 4M "$work/disk.img"
    if mkfs.ext4 -q -F "$work/disk.img" >/dev/null 2>&1 && mount -o loop "$work/disk.img" "$mnt" 2>"$work/mount.err"; then
        mounted=ext4
        echo "filesystem: 4 MB loop-mounted ext4 at $mnt"
    else
        echo "loop-mounted ext4 refused too: $(cat "$work/mount.err"); simulating a full disk with ulimit -f (not a real ENOSPC)"
    fi
fi
log="$mnt/log"
export TRANSITION_ACTOR="Reliability test" TRANSITION_ROLE="transition-pmo"
"$transition" init --log "$log" >/dev/null
"$stress" "$log" 200 --tag pre >/dev/null
check "200 events appended before filling" $? ""
programme="$mnt/programme"
"$transition" init --log "$programme" --workflow "$root/Workflows/bob-ccg-to-icb-2022.json" --role programme-director >/dev/null
"$transition" task progress T-GOV-01 --percent 40 --log "$programme" >/dev/null
check "a programme's log initialised beside it" $? ""
rm -rf "$programme/snapshots"
segments() { (cd "$1/segments" && sha256sum ./*); }
query_check() { # query_check WHERE [COMMAND PREFIX...]: status and history answer, segments unchanged
    local where=$1
    shift
    local before out rc
    before=$(segments "$programme")
    out=$("$@" "$transition" status --log "$programme" 2>&1)
    rc=$?
    [[ $rc -eq 0 && "$out" == *"status as of"* ]]
    check "status answers $where" $? "exit $rc: $(echo "$out" | head -1)"
    out=$("$@" "$transition" history T-GOV-01 --log "$programme" 2>&1)
    rc=$?
    [[ $rc -eq 0 && "$out" == *"history of T-GOV-01: 1 event"* ]]
    check "history answers $where" $? "exit $rc: $(echo "$out" | head -1)"
    [[ "$before" == "$(segments "$programme")" ]]
    check "the programme's segments unchanged by the queries $where" $? ""
}

if [[ -n "$mounted" ]]; then
    free=$(python3 -c 'import os,sys; s=os.statvfs(sys.argv[1]); print(s.f_bavail*s.f_frsize)' "$mnt")
    head -c $((free > 16384 ? free - 16384 : 0)) /dev/zero >"$mnt/filler" 2>/dev/null
    left=$(python3 -c 'import os,sys; s=os.statvfs(sys.argv[1]); print(s.f_bavail*s.f_frsize)' "$mnt")
    echo "filled: $left bytes left"
    before=$(snapshot "$log")
    out=$("$stress" "$log" 2000 --batch 2000 --tag big 2>&1)
    rc=$?
    [[ $rc -ne 0 && "$out" == *"is full"* ]]
    check "library batch of 2,000 on a full disk fails with a disk-full message" $? "exit $rc: $out"
    events_json 1000 >"$work/batch.json"
    out=$("$transition" append --log "$log" "$work/batch.json" 2>&1)
    rc=$?
    [[ $rc -ne 0 && "$out" == *"is full"* ]]
    check "\`transition append\` of 1,000 on a full disk fails with a disk-full message" $? "exit $rc: $out"
    after=$(snapshot "$log")
    [[ "$before" == "$after" ]]
    check "log files byte-for-byte unchanged after the failed appends" $? "$(diff <(echo "$before") <(echo "$after") | head -5)"
    out=$("$transition" verify --log "$log" 2>&1)
    check "verify passes on the full disk" $? "$(echo "$out" | head -1)"
    query_check "on the full disk"
    rm -f "$mnt/filler"
    out=$("$stress" "$log" 2000 --batch 2000 --tag big 2>&1)
    check "after freeing space the 2,000-event batch appends" $? "$(echo "$out" | tail -1)"
    out=$("$transition" append --log "$log" "$work/batch.json" 2>&1)
    check "after freeing space \`transition append\` of 1,000 appends" $? "$(echo "$out" | head -1 | cut -c1-60)..."
    out=$("$transition" verify --log "$log" 2>&1)
    check "verify passes afterwards" $? "$(echo "$out" | head -1)"
    count=$(cat "$log"/segments/* | wc -l)
    [[ $count -eq 3200 ]]
    check "log holds exactly 200 + 2,000 + 1,000 events" $? "$count lines"

    # --- 2. read-only filesystem -------------------------------------------------------------------
    if mount -o remount,ro "$mnt" 2>"$work/remount.err"; then
        before=$(snapshot "$log")
        out=$("$stress" "$log" 1 --tag ro 2>&1)
        rc=$?
        [[ $rc -ne 0 ]]
        check "append on a read-only filesystem fails" $? "exit $rc: $out"
        out=$(echo '{"type":"stress.appended","data":{"n":1}}' | "$transition" append --log "$log" 2>&1)
        rc=$?
        [[ $rc -ne 0 ]]
        check "\`transition append\` on a read-only filesystem fails" $? "exit $rc: $out"
        out=$("$transition" verify --log "$log" 2>&1)
        check "verify still works on the read-only filesystem" $? "$(echo "$out" | head -1)"
        query_check "on the read-only filesystem"
        [[ "$before" == "$(snapshot "$log")" ]]
        check "read-only log unchanged" $? ""
        mount -o remount,rw "$mnt"
    else
        echo "SKIP  read-only remount refused: $(cat "$work/remount.err")"
    fi
else
    # ulimit -f fallback: the append hits EFBIG/SIGXFSZ rather than ENOSPC.
    before=$(snapshot "$log")
    out=$(bash -c 'trap "" XFSZ; ulimit -f 64; exec "$0" "$1" 2000 --batch 2000 --tag big' "$stress" "$log" 2>&1)
    rc=$?
    [[ $rc -ne 0 ]]
    check "(ulimit -f simulation) oversized batch fails" $? "exit $rc: $out"
    [[ "$before" == "$(snapshot "$log")" ]]
    check "(ulimit -f simulation) log unchanged" $? ""
fi

# --- 3. permissions and a missing directory ------------------------------------------------------
plain="$work/plain-log"
"$transition" init --log "$plain" >/dev/null
"$stress" "$plain" 10 --tag pre >/dev/null
chmod 755 "$work"
chmod -R a+rX "$plain"
chmod -R a-w "$plain"
if command -v setpriv >/dev/null && [[ $(id -u) -eq 0 ]]; then
    as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    out=$("${as_nobody[@]}" "$stress" "$plain" 1 --tag nobody 2>&1)
    rc=$?
    [[ $rc -ne 0 && "$out" == *"read-only"* ]]
    check "append to a read-only directory (as nobody) fails with a read-only message" $? "exit $rc: $out"
    out=$(echo '{"type":"stress.appended","data":{"n":1}}' | "${as_nobody[@]}" "$transition" append --log "$plain" 2>&1)
    rc=$?
    [[ $rc -ne 0 && "$out" == *"read-only"* ]]
    check "\`transition append\` to a read-only directory (as nobody) fails clearly" $? "exit $rc: $out"
    out=$("${as_nobody[@]}" "$transition" verify --log "$plain" 2>&1)
    check "verify works for a read-only user" $? "$(echo "$out" | head -1)"
    programme="$work/programme-log"
    "$transition" init --log "$programme" --workflow "$root/Workflows/bob-ccg-to-icb-2022.json" --role programme-director >/dev/null
    "$transition" task progress T-GOV-01 --percent 40 --log "$programme" >/dev/null
    rm -rf "$programme/snapshots"
    chmod -R a+rX "$programme"
    chmod -R a-w "$programme"
    query_check "for a read-only user (as nobody)" "${as_nobody[@]}"
else
    echo "SKIP  read-only directory: needs root and setpriv to act as an unprivileged user"
fi
out=$(echo '{"type":"stress.appended","data":{"n":1}}' | "$transition" append --log "$work/does-not-exist" 2>&1)
rc=$?
[[ $rc -ne 0 && "$out" == *"does not exist"* ]]
check "\`transition append\` to a missing directory fails with 'does not exist'" $? "exit $rc: $out"
[[ ! -e "$work/does-not-exist" ]]
check "the missing directory was not created by the failed append" $? ""
out=$("$stress" "$work/does-not-exist" 1 2>&1)
rc=$?
[[ $rc -ne 0 && "$out" == *"does not exist"* ]]
check "library open of a missing directory fails with 'does not exist'" $? "exit $rc: $out"

echo "RESULT: $passes passed, $fails failed (filesystem: ${mounted:-ulimit-f simulation})"
[[ $fails -eq 0 ]]
