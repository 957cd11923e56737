import Schedule
import TransitionSupport

/// Renders the DCMA-style schedule-quality checks: count, threshold and pass/fail per check.
public enum ScheduleCheckReport {
    public static func text(_ checks: [QualityCheck]) -> [String] {
        var table = TextTable(headers: ["check", "count", "of", "threshold", "result"], numericColumns: [1, 2])
        for check in checks {
            table.append([check.title, String(check.count), String(check.total), check.threshold, check.passed ? "pass" : "FAIL"])
        }
        var lines = table.render()
        let failed = checks.filter { !$0.passed }
        lines.append("")
        lines.append("\(checks.count - failed.count) of \(checks.count) checks pass")
        for check in failed where !check.tasks.isEmpty {
            let shown = check.tasks.prefix(12).joined(separator: ", ")
            lines.append("  \(check.id): \(shown)\(check.tasks.count > 12 ? ", … (\(check.tasks.count) in all)" : "")")
        }
        return lines
    }

    public static func json(_ checks: [QualityCheck]) -> JSONValue {
        .object([
            "passed": .bool(checks.allSatisfy(\.passed)),
            "checks": .array(checks.map { check in
                .object([
                    "id": .string(check.id), "title": .string(check.title), "count": .int(check.count), "total": .int(check.total),
                    "threshold": .string(check.threshold), "passed": .bool(check.passed), "tasks": .array(check.tasks.map { .string($0) }),
                ])
            }),
        ])
    }
}

/// Renders a Monte Carlo risk analysis.
public enum RiskReport {
    public static func text(_ risk: RiskAnalysis, statutoryDate: CivilDate?, top: Int = 15) -> [String] {
        var lines = [
            "Monte Carlo: \(risk.iterations) iterations, seed \(risk.seed), \(risk.distribution.rawValue) durations",
            "P50 go-live \(risk.p50)   P80 \(risk.p80)   P95 \(risk.p95)",
        ]
        if let statutoryDate {
            lines.append("probability of go-live on or before \(statutoryDate): \(percent(risk.probabilityOnTime))")
        }
        lines.append("mean slip \(String(format1(risk.meanSlipDays))) working days")
        lines.append("")
        lines.append("criticality index (share of runs in which the task was critical):")
        var table = TextTable(headers: ["task", "criticality"], numericColumns: [1])
        let ranked = risk.criticalityIndex.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        for (task, index) in ranked.prefix(top) where index > 0 {
            table.append([task, percent(index)])
        }
        lines += table.render(indent: "  ")
        return lines
    }

    public static func json(_ risk: RiskAnalysis, statutoryDate: CivilDate?) -> JSONValue {
        .object([
            "iterations": .int(risk.iterations), "seed": .string(String(risk.seed)), "distribution": .string(risk.distribution.rawValue),
            "p50": .string(risk.p50.description), "p80": .string(risk.p80.description), "p95": .string(risk.p95.description),
            "statutoryDate": statutoryDate.map { .string($0.description) } ?? .null,
            "probabilityOnTime": .double(rounded(risk.probabilityOnTime)), "meanSlipDays": .double(rounded(risk.meanSlipDays)),
            "criticalityIndex": .object(JSONObject()),
        ]).settingCriticality(risk.criticalityIndex)
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}

extension JSONValue {
    fileprivate func settingCriticality(_ index: [String: Double]) -> JSONValue {
        guard case .object(var object) = self else { return self }
        var criticality = JSONObject()
        for (task, value) in index.sorted(by: { $0.key < $1.key }) { criticality[task] = .double(RiskReport.rounded(value)) }
        object["criticalityIndex"] = .object(criticality)
        return .object(object)
    }
}
