#!/usr/bin/env bash
# Validate every Workflows/*.json against Workflows/workflow.schema.json (JSON Schema 2020-12),
# prove the schema still rejects deliberately broken documents, then run the stdlib sanity check
# (references, cycles, dangling logic, CPM forecast) on each workflow.
#
# Usage: scripts/check-workflow-schema.sh
# Env:   WORKFLOW_SCHEMA_VENV  venv directory (default: .build-venv/workflow-schema, git-ignored)
#        PYTHON                interpreter used to create the venv (default: python3)
# Exit:  0 all good; 1 a workflow is invalid, a broken document was accepted, or sanity failed;
#        2 no usable jsonschema.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
venv="${WORKFLOW_SCHEMA_VENV:-$root/.build-venv/workflow-schema}"
schema="Workflows/workflow.schema.json"

# 1. A Python with jsonschema: a venv with it from PyPI, else an interpreter that already has it.
py=""
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import jsonschema' 2>/dev/null; then
    py="$venv/bin/python"
elif "$python" -m venv "$venv" >/dev/null 2>&1 \
    && "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'jsonschema>=4.18' >/dev/null 2>&1; then
    py="$venv/bin/python"
elif "$python" -c 'import jsonschema' 2>/dev/null; then
    echo "note: could not install jsonschema into $venv; using the one already installed for $python" >&2
    py="$python"
else
    echo "error: no jsonschema: pip install into $venv failed and $python has none;" \
         "run '$python -m pip install jsonschema' or set PYTHON to an interpreter that has it" >&2
    exit 2
fi

shopt -s nullglob
workflows=()
for f in Workflows/*.json; do
    [ "$f" = "$schema" ] || workflows+=("$f")
done
if [ "${#workflows[@]}" -eq 0 ]; then
    echo "error: no workflow files in Workflows/" >&2
    exit 1
fi

# 2. Schema validation, positive and negative.
schema_status=0
"$py" - "$schema" "${workflows[@]}" <<'PY' || schema_status=$?
import copy
import json
import sys

import jsonschema

schema_path, files = sys.argv[1], sys.argv[2:]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(
    schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

failed = 0
passed = 0
docs = {}
for path in files:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    docs[path] = doc
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if errors:
        failed += 1
        print(f"FAIL {path}: {len(errors)} schema error(s)")
        for e in errors[:20]:
            where = "/".join(str(p) for p in e.absolute_path) or "(root)"
            print(f"     at {where}: {e.message[:300]}")
    else:
        passed += 1
        print(f"ok   {path}")


def first(items, pred):
    return next(x for x in items if pred(x))


def gate(doc):
    return first(doc["rules"], lambda r: r["kind"] == "gate")


def milestone(doc):
    return first(doc["tasks"], lambda t: t.get("milestone"))


def work_task(doc):
    return first(doc["tasks"], lambda t: not t.get("milestone") and t.get("relations"))


def item_with_feeds(doc):
    return first(doc["dueDiligence"]["items"], lambda i: "feeds" in i)


# Each mutation breaks one thing the format forbids; the schema must reject every one.
BROKEN = {
    "unknown top-level field": lambda d: d.update(owner="someone"),
    "wrong format string": lambda d: d.update(format="transition.workflow/2"),
    "missing programme.statutoryDate": lambda d: d["programme"].pop("statutoryDate"),
    "impossible date": lambda d: d["programme"].update(start="2022-02-30"),
    "badly formed date": lambda d: d["programme"].update(start="1/10/2021"),
    "id with a space": lambda d: d["tasks"][0].update(id="T 01"),
    "two target organisations": lambda d: d["organisations"].append(
        {"id": "X", "name": "Another target", "kind": "target"}),
    "working day 'Monday'": lambda d: d["calendar"]["workingDays"].__setitem__(0, "Monday"),
    "relation type XX": lambda d: work_task(d)["relations"][0].update(type="XX"),
    "fractional lag": lambda d: work_task(d)["relations"][0].update(lag=1.5),
    "unknown field on a relation": lambda d: work_task(d)["relations"][0].update(kind="FS"),
    "task without duration": lambda d: work_task(d).pop("duration"),
    "negative duration": lambda d: work_task(d).update(duration=-1),
    "milestone with a duration": lambda d: milestone(d).update(duration=5),
    "estimate missing pessimistic": lambda d: work_task(d).update(estimate={"optimistic": 1, "mostLikely": 2}),
    "DD item with due and feeds": lambda d: item_with_feeds(d).update(due="2022-05-31"),
    "DD item with neither due nor feeds": lambda d: item_with_feeds(d).pop("feeds"),
    "read-only role that records": lambda d: first(d["roles"], lambda r: r.get("readOnly"))["record"].append(
        "task.started"),
    "signOff of a non sign-off type": lambda d: d["roles"][0]["signOff"].append("task.finished"),
    "unknown event type in record": lambda d: d["roles"][0]["record"].append("task.deleted"),
    "unknown event type in gate": lambda d: gate(d)["on"].append("ros.approved"),
    "unknown rule kind": lambda d: d["rules"].append({"id": "X", "kind": "workflow", "description": "x"}),
    "rule without description": lambda d: d["rules"][0].pop("description"),
    "gate without remedy": lambda d: gate(d).pop("remedy"),
    "severity 'warning'": lambda d: gate(d).update(severity="warning"),
    "check with two scopes": lambda d: gate(d)["require"].__setitem__(
        0, {"subject": "staff", "all": "staff", "field": "id", "exists": True}),
    "check with two operators": lambda d: gate(d)["require"].__setitem__(
        0, {"subject": "staff", "field": "openExceptions", "equals": 0, "atMost": 0}),
    "check with no operator": lambda d: gate(d)["require"].__setitem__(0, {"subject": "staff", "field": "id"}),
    "field outside the kind's vocabulary": lambda d: gate(d)["require"].__setitem__(
        0, {"subject": "staff", "field": "mechanism", "exists": True}),
    "unknown entity kind": lambda d: gate(d)["require"].__setitem__(
        0, {"all": "invoice", "field": "id", "exists": True}),
    "unknown reference": lambda d: gate(d)["require"].__setitem__(
        0, {"event": True, "field": "effective", "onOrAfter": "$goLiveDate"}),
    "event field outside effective/role/data.*": lambda d: gate(d)["require"].__setitem__(
        0, {"event": True, "field": "recordedAt", "exists": True}),
    "'where' on a subject check": lambda d: gate(d)["require"].__setitem__(
        0, {"subject": "staff", "field": "id", "exists": True,
            "where": {"subject": "staff", "field": "id", "exists": True}}),
    "deadline scope 'contract'": lambda d: first(d["rules"], lambda r: r["kind"] == "deadline").update(
        scope=["contract"]),
}

base = docs[files[0]]
for name, mutate in BROKEN.items():
    doc = copy.deepcopy(base)
    mutate(doc)
    if validator.is_valid(doc):
        failed += 1
        print(f"FAIL broken document accepted: {name}")
    else:
        passed += 1
        print(f"ok   rejected: {name}")

# The guide's complete example must validate, and its rules table must list every BOB rule id.
import os
import re

readme_path = "Workflows/README.md"
if os.path.exists(readme_path):
    with open(readme_path, encoding="utf-8") as f:
        readme = f.read()
    for n, block in enumerate(re.findall(r"```json\n(.*?)```", readme, re.S), 1):
        if '"transition.workflow/1"' not in block:
            continue
        errors = list(validator.iter_errors(json.loads(block)))
        if errors:
            failed += 1
            print(f"FAIL {readme_path} example {n}: {errors[0].message[:200]}")
        else:
            passed += 1
            print(f"ok   {readme_path} example {n} validates")
    for path, doc in docs.items():
        if os.path.basename(path) != "bob-ccg-to-icb-2022.json":
            continue
        missing = [r["id"] for r in doc.get("rules", []) if f"| `{r['id']}` |" not in readme]
        if missing:
            failed += 1
            print(f"FAIL {readme_path} rules table lacks: {', '.join(missing)}")
        else:
            passed += 1
            print(f"ok   {readme_path} lists all {len(doc.get('rules', []))} BOB rules")

print(f"schema: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY

# 3. Cross-reference and scheduling sanity (stdlib only).
sanity_status=0
"$py" scripts/workflow-sanity.py --quiet "${workflows[@]}" || sanity_status=1

if [ "$schema_status" -ne 0 ] || [ "$sanity_status" -ne 0 ]; then
    echo "workflow checks FAILED" >&2
    exit 1
fi
echo "workflow checks passed"
