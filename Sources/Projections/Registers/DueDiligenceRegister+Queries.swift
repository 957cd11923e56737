import Domain
import TransitionSupport

extension DueDiligenceRegister {
    /// Items per status over the whole register. O(items).
    public var countsByStatus: [DueDiligenceStatus: Int] {
        var counts: [DueDiligenceStatus: Int] = [:]
        for item in items.values { counts[item.status, default: 0] += 1 }
        return counts
    }

    /// Items per status within each checklist category (items without a definition are left out). O(items).
    public var countsByCategory: [String: [DueDiligenceStatus: Int]] {
        grouped { $0.category }
    }

    /// Items per status within each workstream (items without a definition are left out). O(items).
    public var countsByWorkstream: [String: [DueDiligenceStatus: Int]] {
        grouped { $0.workstream }
    }

    private func grouped(by key: (Item) -> String?) -> [String: [DueDiligenceStatus: Int]] {
        var counts: [String: [DueDiligenceStatus: Int]] = [:]
        for item in items.values {
            guard let group = key(item) else { continue }
            counts[group, default: [:]][item.status, default: 0] += 1
        }
        return counts
    }

    /// The date an item is due: its own `due`, or for an item that feeds a task, the start of that task
    /// in `taskStarts` (the current baseline); `nil` when neither is known.
    public func dueDate(of item: Item, taskStarts: [String: CivilDate]) -> CivilDate? {
        if let due = item.definition?.due { return due }
        if let task = item.definition?.feeds { return taskStarts[task] }
        return nil
    }

    /// Items due before `date` that are still open (not complete, not applicable, not deferred).
    ///
    /// Items that feed a task are due when that task starts in the current baseline (`taskStarts`);
    /// with no baseline date they are left out. Workflow order. O(items).
    public func overdue(asOf date: CivilDate, taskStarts: [String: CivilDate] = [:]) -> [Item] {
        ordered.filter { item in
            guard !item.status.isClosed, let due = dueDate(of: item, taskStarts: taskStarts) else { return false }
            return due < date
        }
    }

    /// Complete items that require evidence and have none. Workflow order. O(items).
    public var missingEvidence: [Item] {
        ordered.filter(\.isMissingEvidence)
    }

    /// Deferred items: the residue carried past go-live. Workflow order. O(items).
    public var deferred: [Item] {
        ordered.filter { $0.status == .deferred }
    }
}
