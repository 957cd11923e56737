import EventLog
import Testing
import TransitionSupport
@testable import TransitionKit

/// `transition history` keeps only the events that may concern the entity while it reads the log;
/// what it shows must be exactly what the whole log gives.
@Suite("Entity history")
struct EntityHistoryTests {
    @Test("the events kept while reading give the same history, text and JSON as the whole log, for every entity")
    func keptEventsSuffice() throws {
        let mini = try ProgrammeViewTests().busyProgramme()
        let all = try mini.programme.log.readAll()
        let entities = Set(all.compactMap(\.entity)).union(["DD-FIN-02", "T-1", "NOBODY"]).sorted()
        for entity in entities {
            let kept = all.filter { EntityHistory.mayConcern($0, entity: entity) }
            #expect(kept.count < all.count, "\(entity): something is left out")
            let touching = EntityHistory.events(touching: entity, in: all)
            #expect(EntityHistory.events(touching: entity, in: kept) == touching, "\(entity)")
            #expect(EntityHistory.text(touching, all: kept) == EntityHistory.text(touching, all: all), "\(entity)")
            #expect(EntityHistory.json(touching, all: kept) == EntityHistory.json(touching, all: all), "\(entity)")
        }
        // The corrected DD-FIN-01 event shows its correction; the retracted progress shows its retraction.
        let finance = EntityHistory.text(EntityHistory.events(touching: "DD-FIN-01", in: all), all: all)
        #expect(finance.contains { $0.contains("CORRECTED by #") })
        let task = EntityHistory.text(EntityHistory.events(touching: "T-1", in: all), all: all)
        #expect(task.contains { $0.contains("RETRACTED by #") })
    }
}
