import PingchaModel

/// Finds the header row of an export. Departments put a title (`克拉玛依市2024年度行政执法案件
/// 信息台账`), a unit line or blank rows above the table; the header is the row among the
/// first ``window`` that maps the most catalogue fields, required ones first. A row that maps
/// every required field is taken at once (no later row can beat it for the rows that follow
/// it). `--header-row N` fixes the row instead.
struct HeaderSearch: Sendable {
    static let window = 20

    /// How well a row reads as the header: required fields mapped, then fields mapped.
    struct Score: Comparable, Sendable {
        var required: Int
        var mapped: Int
        static let complete = Score(required: .max, mapped: .max)
        static func < (a: Score, b: Score) -> Bool { (a.required, a.mapped) < (b.required, b.mapped) }
    }

    enum Decision {
        /// Above a fixed header row: a title, not read.
        case title
        /// This row is the header.
        case header
        /// Might be the header; held until the window is full.
        case candidate(Score)
    }

    /// `--header-row N` (the row or line number the header is on).
    var fixedRow: Int?
    /// Scores a row's cells as headers; nil means "the first row is the header" (no search).
    var score: (@Sendable (RecordView) -> Score)?
    var requiredCount = 0

    init(fixedRow: Int? = nil, requiredCount: Int = 0, score: (@Sendable (RecordView) -> Score)? = nil) {
        self.fixedRow = fixedRow
        self.requiredCount = requiredCount
        self.score = score
    }

    func consider(_ record: RecordView, heldSoFar: Int) -> Decision {
        if let fixedRow { return record.startLine < fixedRow ? .title : .header }
        guard let score else { return .header }
        let s = score(record)
        if s.required >= requiredCount { return .header }
        return .candidate(s)
    }

    /// The best-scoring held row (the earliest of equals); the first row when none maps
    /// anything, so that a file with a foreign header is refused naming its first row.
    static func best(_ scores: [Score]) -> Int {
        guard let top = scores.max(), top.mapped > 0 else { return 0 }
        return scores.firstIndex(of: top) ?? 0
    }
}
