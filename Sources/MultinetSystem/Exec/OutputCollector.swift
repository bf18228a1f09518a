/// Keeps the first `limit` bytes of a stream and notes whether more arrived.
struct OutputCollector {
    /// The most bytes kept.
    let limit: Int
    /// The bytes kept so far.
    private(set) var bytes: [UInt8] = []
    /// Whether bytes beyond `limit` arrived and were discarded.
    private(set) var truncated = false

    /// A collector keeping at most `limit` bytes.
    init(limit: Int) {
        self.limit = limit
    }

    /// Keeps as much of `chunk` as fits under the limit and discards the rest.
    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        let room = limit - bytes.count
        if chunk.count > room { truncated = true }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk.prefix(room)))
    }
}
