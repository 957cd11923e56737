#!/usr/bin/env python3
"""Sanity-check Transition workflow files and schedule them (stdlib only).

An independent cross-check for programme-office authors, not the engine. For each workflow it:

* checks ids are unique (task and due-diligence ids share one namespace) and every reference
  resolves (workstreams, roles, tasks, categories, organisations, go-live milestone, rule ids);
* checks event types in roles, rules and requiresSignature against the vocabulary;
* checks every date lies in the calendar range and the task network has no cycle;
* checks logic: only the first tasks lack predecessors, only the go-live milestone lacks successors;
* runs the critical path method with no progress (docs: shared cpm-semantics.md) and prints the
  go-live forecast, its total float against the statutory date, the critical path and a few
  DCMA-style counts.

Usage:
    scripts/workflow-sanity.py [--statutory-date YYYY-MM-DD] [--quiet | --table] FILE...

`--statutory-date` schedules against a hypothetical statutory date (e.g. 2022-04-01) instead of
the file's own; `--table` prints every task's early dates, total and free float. Exit status: 0 when every file passes, 1 when any check fails, 64 on bad usage.
"""

import argparse
import datetime as dt
import heapq
import json
import sys

EVENT_TYPES = """
programme.initialised workflow.revised programme.statutory-date.changed baseline.taken
task.started task.progressed task.finished task.reforecast
dd.item.assigned dd.evidence.attached dd.status.changed dd.item.signed-off
staff.post.mapped staff.consultation.opened staff.consultation.closed staff.consulted
staff.exception.raised staff.exception.resolved staff.transfer.confirmed staff.transferred
contract.registered contract.mechanism.chosen contract.due-diligence.done contract.consent.recorded contract.transferred
asset.registered asset.transferred
ros.drafted ros.section.assessed ros.signed ros.submitted ros.feedback.recorded ros.resubmitted
event.corrected event.retracted rule.overridden
""".split()
SIGN_OFF_TYPES = {"dd.item.signed-off", "ros.signed"}
DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


class Report:
    def __init__(self, name):
        self.name = name
        self.errors = []
        self.warnings = []

    def error(self, msg):
        self.errors.append(msg)

    def warn(self, msg):
        self.warnings.append(msg)


def parse_date(text, report, where):
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        report.error(f"{where}: '{text}' is not a YYYY-MM-DD date")
        return None


def pattern_matches(pattern, event_type):
    if pattern == "*":
        return True
    if pattern.endswith(".*"):
        return event_type.startswith(pattern[:-1])
    return pattern == event_type


class Calendar:
    """Working days of the workflow calendar, as points counted from the programme start."""

    def __init__(self, wf, report):
        cal = wf["calendar"]
        self.first = parse_date(cal["from"], report, "calendar.from")
        self.last = parse_date(cal["to"], report, "calendar.to")
        days = {DAY_NAMES.index(d) for d in cal["workingDays"]}
        holidays = set()
        for h in cal.get("holidays", []):
            d = parse_date(h["date"], report, f"holiday {h.get('name', '')}")
            if d is None:
                continue
            if d in holidays:
                report.error(f"holiday {d} listed twice")
            if d.weekday() not in days:
                report.warn(f"holiday {d} ({h.get('name', '')}) falls on a non-working weekday")
            holidays.add(d)
        self.working = []
        d = self.first
        while d <= self.last:
            if d.weekday() in days and d not in holidays:
                self.working.append(d)
            d += dt.timedelta(days=1)
        self.index = {d: i for i, d in enumerate(self.working)}
        start = dt.date.fromisoformat(wf["programme"]["start"])
        self.base = self._first_on_or_after(start)

    def _first_on_or_after(self, date):
        lo, hi = 0, len(self.working)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.working[mid] < date:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def start_point(self, date):
        """Start of the date's working day (next working day when it is not one)."""
        return self._first_on_or_after(date) - self.base

    def end_point(self, date):
        """End of the date's working day (previous working day's end when it is not one)."""
        return self._first_on_or_after(date + dt.timedelta(days=1)) - self.base

    def date(self, point):
        i = self.base + point
        if 0 <= i < len(self.working):
            return self.working[i]
        return None

    def contains(self, date):
        return self.first <= date <= self.last


def collect_ids(report, items, what):
    seen = {}
    for i, x in enumerate(items):
        xid = x.get("id")
        if xid in seen:
            report.error(f"duplicate {what} id '{xid}'")
        seen[xid] = x
    return seen


def walk_checks(check, visit):
    if not isinstance(check, dict):
        return
    visit(check)
    for key in ("when", "where"):
        if key in check:
            walk_checks(check[key], visit)


def check_references(wf, report):
    roles = collect_ids(report, wf["roles"], "role")
    workstreams = collect_ids(report, wf["workstreams"], "workstream")
    tasks = collect_ids(report, wf["tasks"], "task")
    orgs = collect_ids(report, wf["organisations"], "organisation")
    dd = wf.get("dueDiligence", {"categories": [], "items": []})
    cats = collect_ids(report, dd["categories"], "due-diligence category")
    items = collect_ids(report, dd["items"], "due-diligence item")
    collect_ids(report, wf.get("rules", []), "rule")
    collect_ids(report, wf.get("consultationGroups", []), "consultation group")
    collect_ids(report, wf.get("readiness", {}).get("sections", []), "readiness section")
    for clash in sorted(set(tasks) & set(items)):
        report.error(f"'{clash}' is both a task id and a due-diligence item id")

    kinds = [o["kind"] for o in wf["organisations"]]
    if kinds.count("target") != 1:
        report.error("exactly one organisation must have kind 'target'")
    if "source" not in kinds:
        report.error("at least one organisation must have kind 'source'")

    for r in wf["roles"]:
        for p in r.get("record", []):
            if not any(pattern_matches(p, e) for e in EVENT_TYPES):
                report.error(f"role '{r['id']}' record pattern '{p}' matches no event type")
        for p in r.get("signOff", []):
            if p not in SIGN_OFF_TYPES:
                report.error(f"role '{r['id']}' signOff '{p}' is not a sign-off event type")
        if r.get("readOnly") and (r.get("record") or r.get("signOff")):
            report.error(f"read-only role '{r['id']}' must have empty record and signOff")
    for w in wf["workstreams"]:
        if w["sro"]["role"] not in roles:
            report.error(f"workstream '{w['id']}' SRO role '{w['sro']['role']}' is not a role")
    for t in wf["tasks"]:
        if "workstream" in t and t["workstream"] not in workstreams:
            report.error(f"task '{t['id']}' workstream '{t['workstream']}' is not defined")
        dur = t.get("duration", 0)
        if not isinstance(dur, int) or isinstance(dur, bool) or dur < 0:
            report.error(f"task '{t['id']}' duration {dur!r} is not a whole number of working days >= 0")
        for r in t.get("relations", []):
            if r.get("type", "FS") not in ("FS", "SS", "FF", "SF"):
                report.error(f"task '{t['id']}' relation to '{r['task']}' has type {r.get('type')!r}; "
                             "use FS, SS, FF or SF")
            lag = r.get("lag", 0)
            if not isinstance(lag, int) or isinstance(lag, bool):
                report.error(f"task '{t['id']}' relation to '{r['task']}' has lag {lag!r}; use whole working days")
            if r["task"] not in tasks:
                report.error(f"task '{t['id']}' depends on '{r['task']}', which is not defined")
            if r["task"] == t["id"]:
                report.error(f"task '{t['id']}' depends on itself")
        if t.get("milestone") and t.get("duration", 0) != 0:
            report.error(f"milestone '{t['id']}' has a duration")
        if not t.get("milestone") and "duration" not in t:
            report.error(f"task '{t['id']}' has no duration")
        e = t.get("estimate")
        if e and not (0 <= e["optimistic"] <= e["mostLikely"] <= e["pessimistic"]):
            report.error(f"task '{t['id']}' estimate is not optimistic <= mostLikely <= pessimistic")
    go = wf["programme"]["goLiveMilestone"]
    if go not in tasks:
        report.error(f"goLiveMilestone '{go}' is not a task")
    elif not tasks[go].get("milestone"):
        report.error(f"goLiveMilestone '{go}' is not a milestone")
    for i in dd["items"]:
        if i["category"] not in cats:
            report.error(f"DD item '{i['id']}' category '{i['category']}' is not defined")
        if i.get("workstream") and i["workstream"] not in workstreams:
            report.error(f"DD item '{i['id']}' workstream '{i['workstream']}' is not defined")
        if i.get("ownerRole") and i["ownerRole"] not in roles:
            report.error(f"DD item '{i['id']}' ownerRole '{i['ownerRole']}' is not a role")
        if ("due" in i) == ("feeds" in i):
            report.error(f"DD item '{i['id']}' needs exactly one of 'due' or 'feeds'")
        if "feeds" in i and i["feeds"] not in tasks:
            report.error(f"DD item '{i['id']}' feeds unknown task '{i['feeds']}'")
    rd = wf.get("readiness", {})
    for s in rd.get("sections", []):
        if s["workstream"] not in workstreams:
            report.error(f"readiness section '{s['id']}' workstream '{s['workstream']}' is not defined")
    for r in rd.get("signatories", []):
        if r not in roles:
            report.error(f"readiness signatory '{r}' is not a role")
        elif "ros.signed" not in roles[r].get("signOff", []):
            report.error(f"readiness signatory '{r}' does not list ros.signed in signOff")
    for g in wf.get("consultationGroups", []):
        if g["organisation"] not in orgs:
            report.error(f"consultation group '{g['id']}' organisation '{g['organisation']}' is not defined")
    for s in wf.get("signers", []):
        if s["role"] not in roles:
            report.error(f"signer role '{s['role']}' is not a role")
    for e in wf.get("requiresSignature", []):
        if e not in EVENT_TYPES:
            report.error(f"requiresSignature '{e}' is not an event type")

    ids_by_kind = {"task": set(tasks), "dueDiligence": set(items)}
    for rule in wf.get("rules", []):
        for e in rule.get("on", []) + rule.get("events", []):
            if e not in EVENT_TYPES:
                report.error(f"rule '{rule['id']}' names unknown event type '{e}'")
        checks = list(rule.get("require", []))
        if "when" in rule:
            checks.append(rule["when"])

        def visit(c, rule=rule):
            kind = c.get("subject") or c.get("all")
            values = []
            for op in ("equals", "notEquals"):
                if op in c:
                    values.append(c[op])
            for op in ("in", "notIn"):
                values.extend(c.get(op, []))
            if c.get("field") == "data.task" or (c.get("field") == "id" and kind in ids_by_kind):
                known = ids_by_kind.get(kind, set(tasks))
                for v in values:
                    if isinstance(v, str) and not v.startswith("$") and v not in known:
                        report.error(f"rule '{rule['id']}' refers to unknown id '{v}'")

        for c in checks:
            walk_checks(c, visit)
    return tasks


def check_dates(wf, cal, report):
    def need(text, where):
        d = parse_date(text, report, where)
        if d is not None and not cal.contains(d):
            report.error(f"{where}: {d} lies outside the calendar {cal.first}..{cal.last}")

    p = wf["programme"]
    for key in ("start", "statutoryDate", "shadowFrom"):
        if key in p:
            need(p[key], f"programme.{key}")
    for t in wf["tasks"]:
        for key in ("startNoEarlierThan", "finishNoLaterThan"):
            if key in t:
                need(t[key], f"task {t['id']}.{key}")
    for i in wf.get("dueDiligence", {}).get("items", []):
        if "due" in i:
            need(i["due"], f"DD item {i['id']}.due")


def successors_of(tasks):
    succ = {tid: [] for tid in tasks}
    for t in tasks.values():
        for r in t.get("relations", []):
            if r["task"] in succ:
                succ[r["task"]].append((t["id"], r))
    return succ


def forward_order(wf, tasks, report):
    """Kahn's algorithm, always taking the ready task that comes first in the file."""
    position = {t["id"]: i for i, t in enumerate(wf["tasks"])}
    preds = {tid: {r["task"] for r in t.get("relations", []) if r["task"] in tasks} for tid, t in tasks.items()}
    succ = successors_of(tasks)
    waiting = {tid: len(p) for tid, p in preds.items()}
    ready = [position[tid] for tid, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        tid = wf["tasks"][heapq.heappop(ready)]["id"]
        order.append(tid)
        for s in {s for s, _ in succ[tid]}:
            waiting[s] -= 1
            if waiting[s] == 0:
                heapq.heappush(ready, position[s])
    if len(order) != len(tasks):
        placed = set(order)
        stuck = [t["id"] for t in wf["tasks"] if t["id"] not in placed]
        report.error("dependency cycle: " + " -> ".join(find_cycle(stuck, preds)))
        return None
    return order


def find_cycle(stuck, preds):
    """A cycle among tasks that could not be placed, as [a, ..., a] following predecessor links."""
    stuck_set = set(stuck)
    node, seen = stuck[0], []
    while node not in seen:
        seen.append(node)
        node = sorted(p for p in preds[node] if p in stuck_set)[0]
    cycle = seen[seen.index(node):] + [node]
    return list(reversed(cycle))


def check_logic(wf, tasks, report):
    succ = successors_of(tasks)
    go = wf["programme"]["goLiveMilestone"]
    no_pred = [t["id"] for t in wf["tasks"] if not t.get("relations")]
    no_succ = [tid for tid in tasks if not succ[tid] and tid != go]
    if len(no_pred) > 1:
        report.warn("tasks with no predecessor (only the programme start should have none): " + ", ".join(no_pred))
    for tid in no_succ:
        report.error(f"task '{tid}' has no successor (dangling logic); link it to a successor or to {go}")
    if go in succ and succ[go]:
        report.error(f"go-live milestone '{go}' has successors: " + ", ".join(s for s, _ in succ[go]))
    return no_pred, no_succ


def schedule(wf, tasks, order, cal, statutory):
    d = {tid: (0 if t.get("milestone") else t["duration"]) for tid, t in tasks.items()}
    es, ef = {}, {}
    for tid in order:
        t = tasks[tid]
        lo = 0
        if "startNoEarlierThan" in t:
            lo = max(lo, cal.start_point(dt.date.fromisoformat(t["startNoEarlierThan"])))
        for r in t.get("relations", []):
            a, lag, typ = r["task"], r.get("lag", 0), r.get("type", "FS")
            bound = {"FS": ef[a] + lag, "SS": es[a] + lag,
                     "FF": ef[a] + lag - d[tid], "SF": es[a] + lag - d[tid]}[typ]
            lo = max(lo, bound)
        es[tid], ef[tid] = lo, lo + d[tid]

    succ = successors_of(tasks)
    stat_point = cal.start_point(statutory) if statutory else max(ef.values())
    lf, ls = {}, {}
    for tid in reversed(order):
        t = tasks[tid]
        cap = stat_point if not succ[tid] else float("inf")
        if "finishNoLaterThan" in t:
            cap = min(cap, cal.end_point(dt.date.fromisoformat(t["finishNoLaterThan"])))
        for s, r in succ[tid]:
            lag, typ = r.get("lag", 0), r.get("type", "FS")
            cap = min(cap, {"FS": ls[s] - lag, "SS": ls[s] - lag + d[tid],
                            "FF": lf[s] - lag, "SF": lf[s] - lag + d[tid]}[typ])
        lf[tid], ls[tid] = cap, cap - d[tid]
    tf = {tid: ls[tid] - es[tid] for tid in tasks}
    ff = {}
    for tid in tasks:
        if not succ[tid]:
            ff[tid] = lf[tid] - ef[tid]
            continue
        slack = []
        for s, r in succ[tid]:
            lag, typ = r.get("lag", 0), r.get("type", "FS")
            slack.append({"FS": es[s] - lag - ef[tid], "SS": es[s] - lag - es[tid],
                          "FF": ef[s] - lag - ef[tid], "SF": ef[s] - lag - es[tid]}[typ])
        ff[tid] = min(slack)
    return {"d": d, "es": es, "ef": ef, "ls": ls, "lf": lf, "tf": tf, "ff": ff, "statutoryPoint": stat_point}


def show_dates(cal, s, tid):
    start = cal.date(s["es"][tid])
    if s["d"][tid] == 0:
        return f"{start}"
    return f"{start} .. {cal.date(s['ef'][tid] - 1)}"


def run(path, statutory_override, quiet, table=False):
    report = Report(path)
    try:
        with open(path, encoding="utf-8") as f:
            wf = json.load(f)
    except (OSError, json.JSONDecodeError) as exc:
        print(f"{path}: error: cannot read workflow: {exc}")
        return False
    try:
        cal = Calendar(wf, report)
        tasks = check_references(wf, report)
        check_dates(wf, cal, report)
        order = forward_order(wf, tasks, report)
        no_pred, no_succ = check_logic(wf, tasks, report)
    except (KeyError, TypeError, ValueError) as exc:
        print(f"{path}: error: malformed workflow ({exc!r}); validate it against Workflows/workflow.schema.json")
        return False

    p = wf["programme"]
    print(f"== {path}")
    rels = [r for t in wf["tasks"] for r in t.get("relations", [])]
    n_ms = sum(1 for t in wf["tasks"] if t.get("milestone"))
    types = {k: sum(1 for r in rels if r.get("type", "FS") == k) for k in ("FS", "SS", "FF", "SF")}
    items = wf.get("dueDiligence", {}).get("items", [])
    print(f"   tasks {len(wf['tasks']) - n_ms} + milestones {n_ms} = {len(wf['tasks'])}; relations {len(rels)} "
          f"(FS {types['FS']}, SS {types['SS']}, FF {types['FF']}, SF {types['SF']}); "
          f"leads {sum(1 for r in rels if r.get('lag', 0) < 0)}, lags {sum(1 for r in rels if r.get('lag', 0) > 0)}")
    print(f"   estimates {sum(1 for t in wf['tasks'] if 'estimate' in t)}; "
          f"start-no-earlier-than {sum(1 for t in wf['tasks'] if 'startNoEarlierThan' in t)}; "
          f"finish-no-later-than {sum(1 for t in wf['tasks'] if 'finishNoLaterThan' in t)}; "
          f"long tasks (>44 d) {sum(1 for t in wf['tasks'] if t.get('duration', 0) > 44)}")
    print(f"   DD items {len(items)} in {len(wf.get('dueDiligence', {}).get('categories', []))} categories "
          f"({sum(1 for i in items if 'due' in i)} with due, {sum(1 for i in items if 'feeds' in i)} feeding tasks); "
          f"rules {len(wf.get('rules', []))}; roles {len(wf['roles'])}; workstreams {len(wf['workstreams'])}")
    print(f"   no predecessor: {', '.join(no_pred) or '-'}; no successor (besides go-live): {', '.join(no_succ) or '-'}")

    if order is not None and not report.errors:
        statutory = dt.date.fromisoformat(statutory_override or p["statutoryDate"])
        s = schedule(wf, tasks, order, cal, statutory)
        go = p["goLiveMilestone"]
        slip = s["es"][go] - s["statutoryPoint"]
        label = "hypothetical" if statutory_override else "statutory"
        print(f"   {label} date {statutory} = point {s['statutoryPoint']}; go-live '{go}' forecast "
              f"{cal.date(s['es'][go])} (point {s['es'][go]}), total float {s['tf'][go]} working days, "
              f"slip {slip:+d}")
        threshold = p.get("criticalFloatDays", 0)
        near = p.get("nearCriticalDays", 10)
        critical = [tid for tid in order if s["tf"][tid] <= threshold]
        nearc = [tid for tid in order if threshold < s["tf"][tid] <= near]
        negative = [tid for tid in order if s["tf"][tid] < 0]
        print(f"   critical {len(critical)}, near-critical {len(nearc)}, negative float {len(negative)}")
        for tid in order:
            t = tasks[tid]
            if "finishNoLaterThan" in t:
                fin = cal.date(s["ef"][tid] - 1) if s["d"][tid] else cal.date(s["es"][tid])
                if fin and fin > dt.date.fromisoformat(t["finishNoLaterThan"]):
                    report.warn(f"'{tid}' forecast {fin} misses its finish-no-later-than {t['finishNoLaterThan']}")
        if not quiet:
            min_tf = min(s["tf"].values())
            path_ids = [tid for tid in order if s["tf"][tid] == min_tf]
            print(f"   driving path (total float {min_tf}):")
            for tid in path_ids:
                print(f"     {tid:<18} {show_dates(cal, s, tid):<24} d={s['d'][tid]:<3} {tasks[tid]['name']}")
        if table:
            print(f"   {'id':<18} {'early dates':<24} {'d':>3} {'TF':>4} {'FF':>4}  workstream")
            for tid in order:
                print(f"   {tid:<18} {show_dates(cal, s, tid):<24} {s['d'][tid]:>3} {s['tf'][tid]:>4} "
                      f"{s['ff'][tid]:>4}  {tasks[tid].get('workstream', '-')}")
    for w in report.warnings:
        print(f"   warning: {w}")
    for e in report.errors:
        print(f"{path}: error: {e}")
    return not report.errors


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--statutory-date", help="schedule against this hypothetical statutory date (YYYY-MM-DD)")
    ap.add_argument("--quiet", action="store_true", help="do not list the driving path")
    ap.add_argument("--table", action="store_true", help="print every task's dates and float")
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return 64 if exc.code else 0
    if args.statutory_date:
        try:
            dt.date.fromisoformat(args.statutory_date)
        except ValueError:
            print(f"error: --statutory-date '{args.statutory_date}' is not YYYY-MM-DD", file=sys.stderr)
            return 64
    ok = all([run(f, args.statutory_date, args.quiet, args.table) for f in args.files])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
