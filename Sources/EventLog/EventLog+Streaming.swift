import TransitionSupport

extension EventLog {
    /// Streams the header of every committed event in order, with the whole record of the events
    /// whose type is in `fullRecordTypes`. `body` returns `false` to stop early.
    ///
    /// This is the first pass of a replay that must see some events (corrections, workflow
    /// revisions) before folding the rest: a canonical line's payload is checked but not decoded.
    /// A line that does not decode is reported as by ``forEach(_:)``; a payload that is wrong is not.
    public func forEachHeader(fullRecordTypes: Set<String> = [], _ body: (EventHeader, LogPosition) throws -> Bool) throws {
        try stream(
            segments: segments(), from: nil, reading: ParallelLineDecoder.reading { EventHeader.read(line: $0, fullRecordTypes: fullRecordTypes) },
            body)
    }

    /// Streams the type mark of every complete line in order (see ``EventTypeMark``), a block of
    /// the log at a time, as the runs they were read in on all cores; `body` returns `false` to stop.
    ///
    /// This is the cheapest first pass: only each canonical line's first fields are read (the whole
    /// record for the types `classifier` keeps). No batch is held back and no position is given, so
    /// a caller that decodes the same lines later must take both from there, and check that the
    /// types agree and that nothing it kept lies past where it stopped, as ``LogReplay`` does. A line
    /// that is not in the writer's form is read as a header, and reported as by ``forEach(_:)`` when
    /// it does not decode.
    public func forEachTypeMarkBlock(_ classifier: EventTypeClassifier, _ body: (inout [[EventTypeMark?]]) throws -> Bool) throws {
        try streamTypeMarks(
            segments: segments(), reading: ParallelLineDecoder.reading { EventTypeMark.read(line: $0, classifier: classifier) },
            blockBytes: Self.readBlockSize, body)
    }

    /// How much of a segment ``forEachBlock(_:)`` reads at a time: less than the header
    /// reader's blocks, so that a block's decoded records (some hundreds of bytes each, besides
    /// the line) stay in the cores' caches between the stages of a replay. With lines of about 450
    /// bytes, a block's runs (eight on two cores) then hold arrays of records and events under
    /// 64 KiB each; freeing a larger chunk makes glibc's allocator merge its small free chunks.
    /// Halved from 1 MiB, a replay of 1M events took 4–17% less CPU in four alternating runs.
    static let recordBlockBytes = 512 << 10

    /// Streams every committed event in order, a block of the log at a time (the events of one
    /// read, up to some thousands; never none), as consecutive runs: the events in order are the
    /// runs' events in order. `body` returns `false` to stop early.
    ///
    /// This is ``forEach(_:)`` for a caller that works on many events at once, such as a replay
    /// decoding each block's payloads on all cores: it gets the events as they were read, in the
    /// runs they were decoded in on all cores, with no per-event call and no record moved. The
    /// runs are lent as optionals so that `body` can move records out of them
    /// (`runs[r][i].take()`) rather than copy them; every element is a record when `body` gets it.
    public func forEachBlock(_ body: (inout [[EventRecord?]]) throws -> Bool) throws {
        try streamRuns(segments: segments(), reading: ParallelLineDecoder.records, blockBytes: Self.recordBlockBytes) { runs, _ in
            try body(&runs)
        }
    }
}
