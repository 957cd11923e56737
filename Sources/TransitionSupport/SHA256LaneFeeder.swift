/// Hands each lane its message's blocks in turn: whole blocks straight from the message's memory,
/// then the last one or two (the rest of the message, its trailing byte, and the padding) from a
/// small scratch area. An idle lane is fed a block of zeros and its result ignored.
struct LaneFeeder {
    /// Where one lane is in its message.
    struct Feed {
        var next: UnsafeRawPointer
        var memoryBlocks = 0
        var blocksLeft = 0
        var message = -1
    }

    static let laneCount = LaneState.Words.scalarCount

    let messages: UnsafeBufferPointer<SHA256.LaneMessage>
    let output: UnsafeMutableBufferPointer<SHA256Digest>
    var state = LaneState()
    var nextMessage = 0
    var active = 0

    init(messages: UnsafeBufferPointer<SHA256.LaneMessage>, output: UnsafeMutableBufferPointer<SHA256Digest>) {
        self.messages = messages
        self.output = output
    }

    /// Hashes every message, writing each digest to its place in `output`.
    mutating func run() {
        let lanes = LaneFeeder.laneCount
        // One 128-byte tail per lane, then a block of zeros for idle lanes.
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: lanes * 128 + 64, alignment: 64)
        defer { scratch.deallocate() }
        let zeros = UnsafeRawPointer(scratch + lanes * 128)
        (scratch + lanes * 128).initializeMemory(as: UInt8.self, repeating: 0, count: 64)
        let feeds = UnsafeMutablePointer<Feed>.allocate(capacity: lanes)
        defer { feeds.deallocate() }
        feeds.initialize(repeating: Feed(next: zeros), count: lanes)
        let blocks = UnsafeMutablePointer<UnsafeRawPointer>.allocate(capacity: lanes)
        defer { blocks.deallocate() }
        blocks.initialize(repeating: zeros, count: lanes)
        for lane in 0..<lanes { assign(lane, feeds: feeds, tail: scratch + lane * 128, zeros: zeros) }
        var restart = LaneState.Words()
        while active > 0 {
            for lane in 0..<lanes {
                let feed = feeds[lane]
                guard feed.message >= 0 else {
                    blocks[lane] = zeros
                    continue
                }
                blocks[lane] = feed.next
                feeds[lane].next = feed.memoryBlocks == 1 ? UnsafeRawPointer(scratch + lane * 128) : feed.next + 64
                feeds[lane].memoryBlocks = feed.memoryBlocks - 1
                feeds[lane].blocksLeft = feed.blocksLeft - 1
            }
            LaneState.compress(&state, blocks)
            var finished = false
            for lane in 0..<lanes {
                restart[lane] = 0
                guard feeds[lane].message >= 0, feeds[lane].blocksLeft == 0 else { continue }
                output.initializeElement(at: feeds[lane].message, to: state.digest(lane: lane))
                active -= 1
                assign(lane, feeds: feeds, tail: scratch + lane * 128, zeros: zeros)
                restart[lane] = .max
                finished = true
            }
            if finished { state.reset(where: restart) }
        }
    }

    /// Gives `lane` the next message (and writes that message's tail blocks), or leaves it idle.
    private mutating func assign(_ lane: Int, feeds: UnsafeMutablePointer<Feed>, tail: UnsafeMutableRawPointer, zeros: UnsafeRawPointer) {
        guard nextMessage < messages.count else {
            feeds[lane] = Feed(next: zeros)
            return
        }
        let message = messages[nextMessage]
        let memoryBlocks = message.count / 64
        let rest = message.count - memoryBlocks * 64
        tail.initializeMemory(as: UInt8.self, repeating: 0, count: 128)
        if rest > 0 { tail.copyMemory(from: message.start + memoryBlocks * 64, byteCount: rest) }
        var used = rest
        if let byte = message.trailingByte {
            tail.storeBytes(of: byte, toByteOffset: used, as: UInt8.self)
            used += 1
        }
        tail.storeBytes(of: 0x80, toByteOffset: used, as: UInt8.self)
        let tailBlocks = used + 9 <= 64 ? 1 : 2
        let bitLength = UInt64(message.count + (message.trailingByte == nil ? 0 : 1)) &* 8
        tail.storeBytes(of: bitLength.bigEndian, toByteOffset: tailBlocks * 64 - 8, as: UInt64.self)
        feeds[lane] = Feed(
            next: memoryBlocks > 0 ? message.start : UnsafeRawPointer(tail), memoryBlocks: memoryBlocks,
            blocksLeft: memoryBlocks + tailBlocks, message: nextMessage)
        nextMessage += 1
        active += 1
    }
}
