import Foundation
import PingchaAnalytics
import PingchaModel

extension BatchFigures {
    /// The figures of cases held in memory (``StoredCases``): the same fold the report's pass
    /// feeds from the store.
    init(stored: StoredCases, applicable: [RuleKey: Int], decidedCaseIds: Set<String> = [],
         examplesPerProblem: Int = BatchFigures.examplesPerProblem) {
        self = BatchFold.figures(of: stored.cases, rubrics: stored.rubrics, applicable: applicable, decidedCaseIds: decidedCaseIds,
                                 examplesPerProblem: examplesPerProblem)
    }
}

/// Maps the bytes of a stored text to a small number, first seen first, without making a
/// Swift string for every row (a batch repeats a few dozen departments a million times).
struct ByteKeys {
    private var slots = [Int32](repeating: -1, count: 64)
    private var arena: [UInt8] = []
    private var spans: [(start: Int, count: Int, hash: UInt64)] = []
    /// The texts, by number.
    private(set) var names: [String] = []

    var count: Int { names.count }

    mutating func id(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = ByteHash.hash(key)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let s = Int(slots[i])
            if s < 0 { break }
            let span = spans[s]
            if span.hash == hash && span.count == key.count && arena.withUnsafeBufferPointer({
                key.isEmpty || memcmp($0.baseAddress! + span.start, key.baseAddress!, key.count) == 0
            }) {
                return s
            }
            i = (i + 1) & mask
        }
        let id = names.count
        spans.append((arena.count, key.count, hash))
        arena.append(contentsOf: key)
        names.append(String(decoding: key, as: UTF8.self))
        slots[i] = Int32(id)
        if names.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, span) in spans.enumerated() {
            var i = Int(truncatingIfNeeded: span.hash) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}
