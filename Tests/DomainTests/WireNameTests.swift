import Domain
import Testing

/// `DomainEventType(wireName:)` looks names up in a `StringIndex` (its own hash of the bytes); it
/// must find exactly what `init(rawValue:)` finds, for every name and for every near miss.
@Suite("Looking an event type up by its wire name")
struct WireNameTests {
    /// Every wire name, and many strings that are almost one: each prefix and suffix, each byte
    /// changed, dropped or doubled, other cases, padding, and strings that share a name's length
    /// and its first and last eight bytes.
    static func candidates() -> [String] {
        var strings = ["", ".", "a", "event", "task.progressed.", " task.progressed", "TASK.PROGRESSED", "é", "dd.item.signed‐off"]
        for type in DomainEventType.allCases {
            let name = Array(type.rawValue.utf8)
            strings.append(type.rawValue)
            strings.append(type.rawValue.uppercased())
            for cut in 0..<name.count {
                strings.append(String(decoding: name[..<cut], as: UTF8.self))
                strings.append(String(decoding: name[cut...], as: UTF8.self))
                var changed = name
                changed[cut] ^= 0x01
                strings.append(String(decoding: changed, as: UTF8.self))
                var dropped = name
                dropped.remove(at: cut)
                strings.append(String(decoding: dropped, as: UTF8.self))
                var doubled = name
                doubled.insert(name[cut], at: cut)
                strings.append(String(decoding: doubled, as: UTF8.self))
            }
            if name.count > 16 {
                // Same length, same first and last eight bytes, a different middle.
                var middle = name
                middle[name.count / 2] = UInt8(ascii: "#")
                strings.append(String(decoding: middle, as: UTF8.self))
            }
        }
        return strings
    }

    @Test("every wire name finds its type, and nothing else finds one")
    func agreesWithRawValues() {
        let strings = Self.candidates()
        #expect(strings.count > 2000)
        var found = 0
        for string in strings {
            let expected = DomainEventType(rawValue: string)
            #expect(DomainEventType(wireName: string) == expected, "\(string)")
            if expected != nil { found += 1 }
        }
        #expect(found >= DomainEventType.allCases.count)
        for type in DomainEventType.allCases {
            #expect(DomainEventType(wireName: type.wireName) == type)
        }
    }

    @Test("a name held in a substring or bridged from bytes is found the same way")
    func otherStringForms() {
        for type in DomainEventType.allCases {
            let padded = "<" + type.rawValue + ">"
            let inner = String(padded.dropFirst().dropLast())
            #expect(DomainEventType(wireName: inner) == type)
            let decoded = String(decoding: Array(type.rawValue.utf8), as: UTF8.self)
            #expect(DomainEventType(wireName: decoded) == type)
        }
    }
}
