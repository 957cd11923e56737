import Schedule
import Testing
import TransitionSupport

/// X (4 days) -FS-> A (5 days, so ES 4, EF 9) -type/lag-> B (2 days); no statutory date, so the
/// open end B finishes late at the largest EF. Expectations worked by hand from the contract.
@Suite struct RelationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let relation: ScheduleRelation
        let bStart: Int, bFinish: Int, bLateFinish: Int, aLateFinish: Int
        var testDescription: String { "\(relation.type.rawValue) \(relation.lag)" }
    }

    @Test("each relation type with positive, zero and negative lag", arguments: [
        Case(relation: fs("A", 0), bStart: 9, bFinish: 11, bLateFinish: 11, aLateFinish: 9),
        Case(relation: fs("A", 2), bStart: 11, bFinish: 13, bLateFinish: 13, aLateFinish: 9),
        Case(relation: fs("A", -2), bStart: 7, bFinish: 9, bLateFinish: 9, aLateFinish: 9),
        Case(relation: ss("A", 0), bStart: 4, bFinish: 6, bLateFinish: 9, aLateFinish: 12),
        Case(relation: ss("A", 3), bStart: 7, bFinish: 9, bLateFinish: 9, aLateFinish: 9),
        Case(relation: ss("A", -1), bStart: 3, bFinish: 5, bLateFinish: 9, aLateFinish: 13),
        Case(relation: ff("A", 0), bStart: 7, bFinish: 9, bLateFinish: 9, aLateFinish: 9),
        Case(relation: ff("A", 2), bStart: 9, bFinish: 11, bLateFinish: 11, aLateFinish: 9),
        Case(relation: ff("A", -3), bStart: 4, bFinish: 6, bLateFinish: 9, aLateFinish: 12),
        Case(relation: sf("A", 0), bStart: 2, bFinish: 4, bLateFinish: 9, aLateFinish: 14),
        Case(relation: sf("A", 3), bStart: 5, bFinish: 7, bLateFinish: 9, aLateFinish: 11),
        Case(relation: sf("A", -1), bStart: 1, bFinish: 3, bLateFinish: 9, aLateFinish: 15),
    ])
    func relation(_ example: Case) throws {
        let input = ScheduleInput(
            tasks: [task("X", 4), task("A", 5, after: [fs("X")]), task("B", 2, after: [example.relation])],
            calendar: june2022)
        let result = try CriticalPathScheduler.schedule(input)
        let a = result["A"]
        let b = result["B"]
        #expect((a.es, a.ef) == (4, 9))
        #expect((b.es, b.ef) == (example.bStart, example.bFinish))
        #expect((b.ls, b.lf) == (example.bLateFinish - 2, example.bLateFinish))
        #expect((a.ls, a.lf) == (example.aLateFinish - 5, example.aLateFinish))
        #expect(a.totalFloat == example.aLateFinish - 9)
        #expect(b.totalFloat == example.bLateFinish - example.bFinish)
        // X is capped by A's late start through FS.
        #expect(result["X"].lf == example.aLateFinish - 5)
    }

    @Test("free float measures slack to the successor's early dates through each relation type", arguments: [
        (fs("A", 1), 1), (ss("A", 2), 3), (ff("A", 0), 4), (sf("A", 2), 5),
    ] as [(ScheduleRelation, Int)])
    func freeFloatByType(relation: ScheduleRelation, expected: Int) throws {
        // A (3) at 0-3; B (2) waits for C (5) by FS, so B is at 5-7 whatever the A relation.
        let input = ScheduleInput(
            tasks: [task("A", 3), task("C", 5), task("B", 2, after: [relation, fs("C")])],
            calendar: june2022)
        let result = try CriticalPathScheduler.schedule(input)
        #expect((result["B"].es, result["B"].ef) == (5, 7))
        #expect(result["A"].freeFloat == expected)
        #expect(result["C"].freeFloat == 0)
        #expect(result["B"].freeFloat == 0)  // open end: LF - EF with LF = largest EF = 7
    }
}
