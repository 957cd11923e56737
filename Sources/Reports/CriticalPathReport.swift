import Schedule
import TransitionSupport
import Workflow

/// The critical path to the statutory date, as a table for SROs and as documented JSON.
///
/// JSON shape (`transition critical-path --json`): `statutoryDate`, `dataDate`, `forecastGoLive`,
/// `slipDays`, `criticalPath` (ids in forward-pass order) and `tasks`, each with `id, name,
/// workstream, duration, milestone, es, ef, ls, lf, totalFloat, freeFloat, critical, nearCritical,
/// status, startDate, finishDate, lateStartDate, lateFinishDate` (floats are `null` for finished tasks).
public enum CriticalPathReport {
    public static func json(_ result: ScheduleResult, workstream: String? = nil) -> JSONValue {
        let tasks = result.tasks.filter { workstream == nil || $0.workstream == workstream }
        return .object([
            "statutoryDate": result.statutoryDate.map { .string($0.description) } ?? .null,
            "dataDate": result.dataDate.map { .string($0.description) } ?? .null,
            "forecastGoLive": result.forecastGoLive.map { .string($0.description) } ?? .null,
            "slipDays": result.slipDays.map { .int($0) } ?? .null,
            "criticalPath": .array(result.criticalPath.map { .string($0) }),
            "tasks": .array(tasks.map(taskJSON)),
        ])
    }

    static func taskJSON(_ task: ScheduledTask) -> JSONValue {
        .object([
            "id": .string(task.id), "name": .string(task.name), "workstream": task.workstream.map { .string($0) } ?? .null,
            "duration": .int(task.duration), "milestone": .bool(task.isMilestone),
            "es": .int(task.earlyStart), "ef": .int(task.earlyFinish), "ls": .int(task.lateStart), "lf": .int(task.lateFinish),
            "totalFloat": task.totalFloat.map { .int($0) } ?? .null, "freeFloat": task.freeFloat.map { .int($0) } ?? .null,
            "critical": .bool(task.isCritical), "nearCritical": .bool(task.isNearCritical), "status": .string(status(task)),
            "startDate": .string(task.startDate.description), "finishDate": .string(task.finishDate.description),
            "lateStartDate": .string(task.lateStartDate.description), "lateFinishDate": .string(task.lateFinishDate.description),
        ])
    }

    static func status(_ task: ScheduledTask) -> String {
        task.isFinished ? "finished" : task.isStarted ? "started" : "not-started"
    }

    /// Forecast and slip in one sentence.
    public static func headline(_ result: ScheduleResult) -> String {
        guard let forecast = result.forecastGoLive, let statutory = result.statutoryDate, let slip = result.slipDays else {
            return "no go-live forecast (the workflow names no go-live milestone or statutory date)"
        }
        let verdict: String
        if slip > 0 {
            verdict = "LATE by \(slip) working day\(slip == 1 ? "" : "s")"
        } else if slip == 0 {
            verdict = "on the date, with no float"
        } else {
            verdict = "\(-slip) working day\(slip == -1 ? "" : "s") of float"
        }
        return "statutory date \(statutory); forecast go-live \(forecast): \(verdict)"
    }

    /// The readable table: critical and near-critical tasks by default, every task with `all`.
    public static func text(_ result: ScheduleResult, all: Bool, workstream: String? = nil) -> [String] {
        var lines = [headline(result)]
        if let dataDate = result.dataDate { lines.append("data date \(dataDate)") }
        lines.append("")
        var table = TextTable(
            headers: ["", "task", "workstream", "dur", "start", "finish", "late finish", "total float", "free float", "status"],
            numericColumns: [3, 7, 8])
        let chosen = result.tasks.filter { task in
            (workstream == nil || task.workstream == workstream) && (all || task.isCritical || task.isNearCritical)
        }
        let order = Dictionary(uniqueKeysWithValues: result.criticalPath.enumerated().map { ($1, $0) })
        let sorted = chosen.sorted { lhs, rhs in
            switch (order[lhs.id], order[rhs.id]) {
            case let (left?, right?): return left < right
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return (lhs.earlyStart, lhs.earlyFinish) < (rhs.earlyStart, rhs.earlyFinish)
            }
        }
        for task in sorted {
            let marker = task.isCritical ? "*" : task.isNearCritical ? "~" : ""
            let finish = task.isMilestone ? "" : task.finishDate.description
            table.append([
                marker, "\(task.id) \(task.name)", task.workstream ?? "", String(task.duration), task.startDate.description, finish,
                task.lateFinishDate.description, task.totalFloat.map(String.init) ?? "-", task.freeFloat.map(String.init) ?? "-",
                status(task),
            ])
        }
        lines += table.render()
        lines.append("")
        lines.append("* critical (total float <= threshold)   ~ near-critical   floats in working days")
        if !all { lines.append("showing \(chosen.count) critical and near-critical of \(result.tasks.count) tasks; --all shows every task") }
        return lines
    }
}
