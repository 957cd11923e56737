"""The peers bench/run.sh measures Transition against, on the same data files.

    python peers.py es-load EVENTS.jsonl DB          eventsourcing (SQLite) application: store the events
    python peers.py es-replay DB                     read every stored event back, decode it, fold projections
    python peers.py sqlite-append EVENTS.jsonl DB SINGLES BATCHSIZE BATCHED
                                                     raw sqlite3, WAL + synchronous=FULL
    python peers.py cpm NET.json                     pure-Python forward/backward pass (from the task list, and
                                                     on prebuilt lists), and networkx longest path
    python peers.py montecarlo NET.json ITERATIONS   pure-Python PERT Monte Carlo, forward and backward pass
                                                     and criticality per run (single thread)

Each measurement is printed as one JSON object per line on stdout.
"""
import json
import os
import random
import sqlite3
import sys
import time
import uuid
from datetime import datetime, timezone


def report(**fields):
    print(json.dumps(fields), flush=True)


def read_events(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


# ---------------------------------------------------------------- eventsourcing (library peer)

def es_application(db):
    from eventsourcing.application import Application

    return Application(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": db})


try:
    from eventsourcing.domain import Aggregate, event
except ImportError:  # only the eventsourcing measurements need the library
    Aggregate = None

if Aggregate is not None:

    class Entity(Aggregate):
        """One transition entity (a person, contract, DD item, task); its first fact creates it."""

        @staticmethod
        def create_id(name, **_):
            return uuid.uuid5(uuid.NAMESPACE_URL, "transition:" + name)

        @event("Registered")
        def __init__(self, name, type, actor, role, reason, evidence, data):
            self.name = name
            self.facts = 1

        @event("Recorded")
        def record(self, type, actor, role, reason, evidence, data):
            self.facts += 1


def es_load(events_path, db):
    if os.path.exists(db):
        os.remove(db)
    events = read_events(events_path)
    app = es_application(db)
    start = time.perf_counter()
    entities = {}
    pending = {}
    for index, e in enumerate(events):
        name = e.get("entity") or "programme"
        fields = dict(type=e["type"], actor=e["actor"], role=e.get("role"), reason=e.get("reason"),
                      evidence=e.get("evidence", []), data=e["data"])
        aggregate = entities.get(name)
        if aggregate is None:
            aggregate = Entity(name=name, **fields)
            entities[name] = aggregate
        else:
            aggregate.record(**fields)
        pending[name] = aggregate
        if len(pending) and (index + 1) % 1000 == 0:
            app.save(*pending.values())
            pending = {}
    if pending:
        app.save(*pending.values())
    report(name="es-load", events=len(events), seconds=time.perf_counter() - start)


def es_replay(db):
    app = es_application(db)
    start = time.perf_counter()
    # A fold comparable in spirit to Transition's projections: registers keyed by entity.
    staff, contracts, dd, tasks, counts = {}, {}, {}, {}, {}
    read = 0
    position = 1
    while True:
        page = app.recorder.select_notifications(start=position, limit=1000)
        if not page:
            break
        for notification in page:
            domain_event = app.mapper.to_domain_event(notification)
            read += 1
            kind, data = domain_event.type, domain_event.data
            counts[kind] = counts.get(kind, 0) + 1
            if kind == "staff.post.mapped":
                staff[data["person"]] = {"post": data["post"], "group": data["group"], "consulted": False}
            elif kind == "staff.consulted":
                staff.setdefault(data["person"], {})["consulted"] = True
            elif kind == "contract.registered":
                contracts[data["contract"]] = {"value": data["annualValue"], "mechanism": "transfer-scheme"}
            elif kind == "contract.mechanism.chosen":
                contracts.setdefault(data["contract"], {})["mechanism"] = data["mechanism"]
            elif kind == "contract.due-diligence.done":
                contracts.setdefault(data["contract"], {})["dd"] = True
            elif kind == "dd.evidence.attached":
                dd.setdefault(data["item"], []).append(domain_event.evidence)
            elif kind == "task.progressed":
                tasks[data["task"]] = data["percent"]
        position = page[-1].id + 1
    elapsed = time.perf_counter() - start
    report(name="es-replay", events=read, seconds=elapsed, entities=len(staff) + len(contracts) + len(dd) + len(tasks))


# ---------------------------------------------------------------- raw SQLite (durable append peer)

def sqlite_append(events_path, db, singles, batch_size, batched):
    events = read_events(events_path)

    def rows(slice_):
        now = datetime.now(timezone.utc).isoformat()
        return [(str(uuid.uuid4()), e["type"], e.get("entity"), now, json.dumps(e, separators=(",", ":"), sort_keys=True))
                for e in slice_]

    def open_db(path):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, type TEXT NOT NULL,"
                           " entity TEXT, recorded_at TEXT NOT NULL, body TEXT NOT NULL)")
        return connection

    insert = "INSERT INTO events (id, type, entity, recorded_at, body) VALUES (?, ?, ?, ?, ?)"
    connection = open_db(db + "-single")
    start = time.perf_counter()
    for e in events[:singles]:
        connection.execute("BEGIN")
        connection.executemany(insert, rows([e]))
        connection.execute("COMMIT")
    report(name="sqlite-single", events=singles, seconds=time.perf_counter() - start)
    connection.close()

    connection = open_db(db + "-batch")
    start = time.perf_counter()
    for first in range(0, batched, batch_size):
        connection.execute("BEGIN")
        connection.executemany(insert, rows(events[first:min(first + batch_size, batched)]))
        connection.execute("COMMIT")
    report(name="sqlite-batch", events=batched, batch=batch_size, seconds=time.perf_counter() - start)
    connection.close()


# ---------------------------------------------------------------- scheduling peers

def read_network(path):
    with open(path) as f:
        network = json.load(f)
    tasks = network["tasks"]
    index = {t["id"]: i for i, t in enumerate(tasks)}
    return tasks, index, network.get("links", 0)


def forward_backward(durations, predecessors, successors):
    """Classic CPM on a network whose list order is already topological (finish-to-start, lag 0)."""
    n = len(durations)
    early_start = [0] * n
    early_finish = [0] * n
    for i in range(n):
        es = 0
        for p in predecessors[i]:
            if early_finish[p] > es:
                es = early_finish[p]
        early_start[i] = es
        early_finish[i] = es + durations[i]
    finish = max(early_finish)
    late_finish = [finish] * n
    late_start = [0] * n
    for i in range(n - 1, -1, -1):
        lf = finish
        for s in successors[i]:
            if late_start[s] < lf:
                lf = late_start[s]
        late_finish[i] = lf
        late_start[i] = lf - durations[i]
    critical = sum(1 for i in range(n) if late_finish[i] - early_finish[i] == 0)
    return finish, critical


def adjacency(tasks):
    """Index, durations, predecessor and successor lists from the task list."""
    index = {t["id"]: i for i, t in enumerate(tasks)}
    durations = [t["duration"] for t in tasks]
    predecessors = [[index[p] for p in t["predecessors"]] for t in tasks]
    successors = [[] for _ in tasks]
    for i, ps in enumerate(predecessors):
        for p in ps:
            successors[p].append(i)
    return durations, predecessors, successors


def best_of(runs, body):
    best, value = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        value = body()
        best = min(best, time.perf_counter() - start)
    return best, value


def cpm(net_path):
    tasks, _, links = read_network(net_path)

    # End to end, timed from the task list as Transition's build + passes figure is timed from its
    # ScheduleInput: build the index and adjacency, then the forward and backward passes.
    seconds, (finish, critical) = best_of(20, lambda: forward_backward(*adjacency(tasks)))
    report(name="python-cpm", tasks=len(tasks), links=links, seconds=seconds, runs=20, projectFinish=finish,
           criticalTasks=critical)

    # The passes alone, on prebuilt lists (as Transition's runPasses on a compiled network).
    durations, predecessors, successors = adjacency(tasks)
    seconds, (finish, critical) = best_of(20, lambda: forward_backward(durations, predecessors, successors))
    report(name="python-cpm-passes", tasks=len(tasks), links=links, seconds=seconds, runs=20, projectFinish=finish,
           criticalTasks=critical)

    import networkx as nx

    def longest_path():
        graph = nx.DiGraph()
        graph.add_nodes_from(range(len(tasks)))
        sink = len(tasks)
        for i, ps in enumerate(predecessors):
            for p in ps:
                graph.add_edge(p, i, weight=durations[p])
            if not successors[i]:
                graph.add_edge(i, sink, weight=durations[i])
        return nx.dag_longest_path_length(graph, weight="weight")

    seconds, length = best_of(5, longest_path)
    report(name="networkx-longest-path", tasks=len(tasks), links=links, seconds=seconds, runs=5, projectFinish=length)


def working_days(start, end):
    """Working days (Monday to Friday) from `start` up to, not including, `end`."""
    days = (end - start).days
    return sum(1 for k in range(days) if (start.toordinal() + k) % 7 not in (6, 0))


def montecarlo(net_path, iterations):
    """The same work as Transition's MonteCarlo.analyse on this network: per run, draw every task's
    PERT duration and round it, forward pass, backward pass (open ends closed by the statutory date
    through the go-live milestone), count each task critical when its total float is <= 0; then
    P50/P80/P95 by nearest rank, the share of runs on time, and the criticality index."""
    from datetime import date

    tasks, _, links = read_network(net_path)
    statutory = working_days(date(2022, 1, 4), date(2030, 7, 1))
    start = time.perf_counter()
    _, predecessors, successors = adjacency(tasks)
    pert = []
    for t in tasks:
        a, m, b = t["optimistic"], t["duration"], t["pessimistic"]
        if b <= a:
            pert.append((a, None, None, 0))
        else:
            pert.append((a, 1 + 4 * (m - a) / (b - a), 1 + 4 * (b - m) / (b - a), b - a))
    n = len(tasks)
    rng = random.Random(42)
    betavariate = rng.betavariate
    built = time.perf_counter()
    go_live = []
    critical = [0] * n
    critical_go_live = 0
    duration = [0] * n
    early_finish = [0] * n
    late_start = [0] * n
    for _ in range(iterations):
        for i in range(n):
            a, alpha, beta, span = pert[i]
            d = a if alpha is None else round(a + span * betavariate(alpha, beta))
            duration[i] = d
            es = 0
            for p in predecessors[i]:
                if early_finish[p] > es:
                    es = early_finish[p]
            early_finish[i] = es + d
        finish = max(early_finish)  # the go-live milestone's early start (it follows every open end)
        go_live.append(finish)
        if statutory - finish <= 0:
            critical_go_live += 1
        for i in range(n - 1, -1, -1):
            lf = statutory  # an open end hangs on the go-live milestone, whose late finish is the statutory date
            for s in successors[i]:
                if late_start[s] < lf:
                    lf = late_start[s]
            late_start[i] = lf - duration[i]
            if lf - early_finish[i] <= 0:
                critical[i] += 1
    go_live.sort()
    passes = time.perf_counter() - built

    def percentile(percent):
        return go_live[min(max(1, (percent * iterations + 99) // 100), iterations) - 1]

    on_time = sum(1 for g in go_live if g <= statutory) / iterations
    criticality = [c / iterations for c in critical] + [critical_go_live / iterations]
    elapsed = time.perf_counter() - start
    common = dict(tasks=n, links=links, iterations=iterations, p50=percentile(50), p80=percentile(80), p95=percentile(95),
                  probabilityOnTime=on_time, meanCriticalTasks=sum(criticality))
    report(name="python-montecarlo", seconds=elapsed, **common)
    report(name="python-montecarlo-passes", seconds=passes, **common)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "es-load":
        es_load(*args)
    elif command == "es-replay":
        es_replay(*args)
    elif command == "sqlite-append":
        sqlite_append(args[0], args[1], int(args[2]), int(args[3]), int(args[4]))
    elif command == "cpm":
        cpm(*args)
    elif command == "montecarlo":
        montecarlo(args[0], int(args[1]))
    else:
        sys.exit(f"unknown command {command}")
