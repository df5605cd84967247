/// A run of consecutive records of one file, copied out of the parser so that other threads
/// can normalise them while the parser reads on. Entries keep file order.
final class RawBatch<Prepared: Sendable>: @unchecked Sendable {
    enum Entry {
        case record(byteOffset: Int, firstField: Int, fieldCount: Int, startLine: Int, endLine: Int)
        case reject(Reject)
        case invalidBytes(line: Int, column: Int)
        case cellError(line: Int, column: Int, text: String)
        case textAfterQuote(line: Int, column: Int, value: String)
    }

    private(set) var sequence: Int
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    private(set) var entries: [Entry] = []
    private(set) var recordCount = 0
    /// Set by a worker: the outcome of each `.record` entry, in order.
    var results: [RowResult<Prepared>] = []

    init(sequence: Int) {
        self.sequence = sequence
        bytes.reserveCapacity(1 << 18)
        entries.reserveCapacity(512)
    }

    /// Makes a consumed batch ready for reuse, keeping its buffers: allocating a fresh
    /// megabyte per batch costs the kernel page clearing that showed in profiles. The old
    /// results are left for the worker to replace, so that freeing them happens there.
    func reuse(sequence: Int) {
        self.sequence = sequence
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        recordCount = 0
    }

    var isFull: Bool { recordCount >= 1024 || bytes.count >= 1 << 19 }
    var isEmpty: Bool { entries.isEmpty }

    func append(_ record: RecordView) {
        let byteCount = record.fieldCount == 0 ? 0 : record.ends[record.fieldCount - 1]
        entries.append(.record(byteOffset: bytes.count, firstField: ends.count, fieldCount: record.fieldCount,
                               startLine: record.startLine, endLine: record.endLine))
        bytes.append(contentsOf: UnsafeBufferPointer(start: record.bytes, count: byteCount))
        ends.append(contentsOf: record.ends)
        recordCount += 1
    }

    /// The record with some of its fields replaced (``MergedFill``): `fills` name 0-based
    /// fields, which may lie past the record's last field.
    func append(_ record: RecordView, filling fills: [(field: Int, bytes: [UInt8])]) {
        guard !fills.isEmpty else { return append(record) }
        let count = max(record.fieldCount, (fills.map(\.field).max() ?? -1) + 1)
        let offset = bytes.count
        entries.append(.record(byteOffset: offset, firstField: ends.count, fieldCount: count,
                               startLine: record.startLine, endLine: record.endLine))
        for i in 0..<count {
            if let fill = fills.first(where: { $0.field == i }) {
                bytes.append(contentsOf: fill.bytes)
            } else {
                bytes.append(contentsOf: record.fieldOrEmpty(i))
            }
            ends.append(bytes.count - offset)
        }
        recordCount += 1
    }

    func append(_ entry: Entry) { entries.append(entry) }

    /// Calls `body` with a view of every record entry, in order.
    func forEachRecord(_ body: (RecordView) -> Void) {
        bytes.withUnsafeBufferPointer { b in
            ends.withUnsafeBufferPointer { e in
                let base = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
                for entry in entries {
                    guard case .record(let offset, let first, let count, let start, let end) = entry else { continue }
                    body(RecordView(startLine: start, endLine: end, bytes: base + offset,
                                    ends: UnsafeBufferPointer(rebasing: e[first..<(first + count)])))
                }
            }
        }
    }

    /// The raw text of the record entry at `index` (for rejects found after normalising).
    func rawText(ofRecordAt index: Int) -> String {
        var text = ""
        var seen = 0
        forEachRecord { view in
            if seen == index { text = view.rawText() }
            seen += 1
        }
        return text
    }
}
