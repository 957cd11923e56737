import Testing
@testable import EventLog

@Suite("Random UUIDs")
struct UUIDsTests {
    @Test("version-4 UUIDs in lower-case 8-4-4-4-12 form, all different")
    func format() {
        let ids = UUIDs.random(count: 2000) + [UUIDs.random()]
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let bytes = Array(id.utf8)
            #expect(bytes.count == 36)
            for (index, byte) in bytes.enumerated() {
                if [8, 13, 18, 23].contains(index) {
                    #expect(byte == UInt8(ascii: "-"))
                } else {
                    #expect((0x30...0x39).contains(byte) || (0x61...0x66).contains(byte))
                }
            }
            #expect(bytes[14] == UInt8(ascii: "4"))
            #expect([UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(bytes[19]))
        }
        #expect(UUIDs.random(count: 0).isEmpty)
    }
}
