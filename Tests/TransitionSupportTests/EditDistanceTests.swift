import Testing

@testable import TransitionSupport

@Suite("editDistance")
struct EditDistanceTests {
    @Test(
        "matches known distances",
        arguments: [
            ("", "", 0),
            ("", "abc", 3),
            ("abc", "", 3),
            ("same", "same", 0),
            ("kitten", "sitting", 3),
            ("flaw", "lawn", 2),
            ("Saturday", "Sunday", 3),
            ("book", "back", 2),
            ("A", "a", 1),
            ("café", "cafe", 1),
            ("--jsn", "--json", 1),
        ])
    func classic(a: String, b: String, distance: Int) {
        #expect(editDistance(a, b) == distance)
        #expect(editDistance(b, a) == distance)
    }

    @Test(
        "counts an adjacent transposition as one edit",
        arguments: [
            ("ab", "ba", 1),
            ("abc", "acb", 1),
            ("--jsno", "--json", 1),
            ("DD-FNI-02", "DD-FIN-02", 1),
            // Optimal string alignment edits each substring once, so this is 3, not 2.
            ("ca", "abc", 3),
        ])
    func transposition(a: String, b: String, distance: Int) {
        #expect(editDistance(a, b) == distance)
    }
}

@Suite("Suggestion")
struct SuggestionTests {
    @Test("suggests the closest candidate")
    func examples() {
        #expect(Suggestion.closest(to: "DD-FIN-2", in: ["DD-FIN-02", "DD-HR-01"]) == "DD-FIN-02")
        #expect(Suggestion.closest(to: "--jsn", in: ["--json", "--log"]) == "--json")
        #expect(Suggestion.closest(to: "compelte", in: ["complete", "list"]) == "complete")
    }

    @Test("ignores case")
    func caseInsensitive() {
        #expect(Suggestion.closest(to: "dd-fin-02", in: ["DD-HR-01", "DD-FIN-02"]) == "DD-FIN-02")
        #expect(Suggestion.closest(to: "LIST", in: ["list"]) == "list")
    }

    @Test("breaks ties by candidate order")
    func ties() {
        #expect(Suggestion.closest(to: "cat", in: ["bat", "hat", "rat"]) == "bat")
        #expect(Suggestion.closest(to: "cat", in: ["rat", "bat"]) == "rat")
    }

    @Test("prefers a nearer candidate over an earlier one")
    func nearest() {
        #expect(Suggestion.closest(to: "lisst", in: ["last", "list"]) == "list")
    }

    @Test("returns nil when nothing is close")
    func nothingClose() {
        #expect(Suggestion.closest(to: "frobnicate", in: ["list", "complete"]) == nil)
        #expect(Suggestion.closest(to: "x", in: [String]()) == nil)
    }

    @Test(
        "defaults maxDistance to max(2, count / 3)",
        arguments: [
            ("abc", "xyc", true),  // 2 edits, limit 2
            ("abc", "xyz", false),  // 3 edits, limit 2
            ("abcdefghi", "xyzdefghi", true),  // 3 edits, limit 3
            ("abcdefghi", "wxyzefghi", false),  // 4 edits, limit 3
        ])
    func defaultLimit(word: String, candidate: String, suggested: Bool) {
        #expect((Suggestion.closest(to: word, in: [candidate]) != nil) == suggested)
    }

    @Test("honours an explicit maxDistance")
    func explicitLimit() {
        #expect(Suggestion.closest(to: "DD-FIN-2", in: ["DD-FIN-02"], maxDistance: 0) == nil)
        #expect(Suggestion.closest(to: "abc", in: ["xyz"], maxDistance: 3) == "xyz")
    }
}
