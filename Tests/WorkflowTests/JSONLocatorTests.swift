import Testing
import TransitionSupport
import Workflow

@Suite struct JSONLocatorTests {
    static let text = """
        {
          "a": 1,
          "tasks": [
            {"id": "X", "relations": [{"task": "Y", "type": "FS"}]},
            {
              "id": "Z",
              "na\\"me": "quoted \\"key\\"",
              "deep": [[1, 2], [3, {"k": "ü", "v": true}]]
            }
          ]
        }
        """

    static let bytes = Array(text.utf8)

    @Test(
        "paths resolve to the line and column (in bytes) of their values",
        arguments: [
            ("", 1, 1),
            ("a", 2, 8),
            ("tasks", 3, 12),
            ("tasks[0]", 4, 5),
            ("tasks[0].id", 4, 12),
            ("tasks[0].relations[0].task", 4, 40),
            ("tasks[0].relations[0].type", 4, 53),
            ("tasks[1].id", 6, 13),
            ("tasks[1].deep[1][1].v", 8, 45),
        ])
    func values(path: String, line: Int, column: Int) throws {
        let parsed = try #require(JSONPath(parsing: path))
        #expect(JSONLocator.locate(parsed, in: JSONLocatorTests.bytes) == TextPosition(line: line, column: column))
    }

    @Test("keys can be located instead of values, including escaped keys")
    func keys() {
        let locator = JSONLocator(bytes: JSONLocatorTests.bytes)
        #expect(locator.location(of: JSONPath.root.member("a"), atKey: true) == TextPosition(line: 2, column: 3))
        let escaped = JSONPath.root.member("tasks").element(1).member("na\"me")
        #expect(locator.location(of: escaped, atKey: true) == TextPosition(line: 7, column: 7))
        #expect(locator.location(of: escaped) == TextPosition(line: 7, column: 17))
    }

    @Test("a path that does not exist resolves to its deepest existing ancestor")
    func missing() {
        let locator = JSONLocator(bytes: JSONLocatorTests.bytes)
        let absent = JSONPath.root.member("tasks").element(1).member("duration")
        #expect(locator.location(of: absent) == TextPosition(line: 5, column: 5))
        #expect(locator.location(of: JSONPath.root.member("tasks").element(9)) == TextPosition(line: 3, column: 12))
        #expect(locator.location(of: JSONPath.root.member("a").element(0)) == TextPosition(line: 2, column: 8))
    }

    @Test("paths print and parse in the diagnostic form")
    func pathText() {
        let path = JSONPath.root.member("tasks").element(12).member("relations").element(0).member("task")
        #expect(path.description == "tasks[12].relations[0].task")
        #expect(JSONPath(parsing: "tasks[12].relations[0].task") == path)
        #expect(JSONPath.root.member("odd key").description == #"["odd key"]"#)
        #expect(JSONPath(parsing: "a..b") == nil)
        #expect(JSONPath(parsing: "a[x]") == nil)
        #expect(JSONPath(parsing: "") == JSONPath.root)
    }

    @Test("garbage text never traps the locator")
    func garbage() {
        for text in [
            "", "{", "[", "\"", "{\"a\"", "{\"a\":", "[1,", "{\"a\\", "}}}", "[[[[", "{\"k\": [1, {\"x\": \"\\u00",
        ] {
            let path = JSONPath.root.member("k").element(1).member("x")
            _ = JSONLocator.locate(path, in: Array(text.utf8))
        }
        #expect(JSONLocator.locate(.root, in: []) == nil)
    }
}
