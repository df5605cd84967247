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

    /// A held row's score and whether it reads better under the row above it as a group row
    /// (a two-row header: 当事人 merged over 名称, 类型, 证件号码).
    struct Candidate {
        var score: Score
        var underGroup: Bool
    }

    /// `--header-row N` (the row or line number the header is on).
    var fixedRow: Int?
    /// Scores a row's cells as headers, alone and under the row above (nil for the first
    /// row); nil means "the first row is the header" (no search).
    var score: (@Sendable (RecordView, GroupRow?) -> Candidate)?
    /// Whether a row's reading under a group row depends on the sheet's merged ranges
    /// (``HeaderMapper/carryJoinsNames(group:below:)``); nil: never.
    var needsMerges: (@Sendable (GroupRow, RecordView) -> Bool)?
    var requiredCount = 0

    init(fixedRow: Int? = nil, requiredCount: Int = 0, score: (@Sendable (RecordView, GroupRow?) -> Candidate)? = nil,
         needsMerges: (@Sendable (GroupRow, RecordView) -> Bool)? = nil) {
        self.fixedRow = fixedRow
        self.requiredCount = requiredCount
        self.score = score
        self.needsMerges = needsMerges
    }

    func consider(_ record: RecordView, above: GroupRow?) -> (Decision, underGroup: Bool, score: Score) {
        if let fixedRow {
            guard record.startLine >= fixedRow else { return (.title, false, .complete) }
            return (.header, score?(record, above).underGroup ?? false, .complete)
        }
        guard let score else { return (.header, false, .complete) }
        let c = score(record, above)
        if c.score.required >= requiredCount { return (.header, c.underGroup, c.score) }
        return (.candidate(c.score), c.underGroup, c.score)
    }

    /// Whether `next`, read under the complete header row `header` as its group row, maps more
    /// fields than the header row does alone: then the two rows are the header (the required
    /// fields merged down over both rows, sub-headers under a group).
    func subHeaderBeats(_ header: Score, next: RecordView, headerCells: GroupRow) -> Bool {
        guard fixedRow == nil, let score else { return false }
        let c = score(next, headerCells)
        return c.underGroup && c.score.required >= header.required && c.score.mapped > header.mapped
    }

    /// The best-scoring held row (the earliest of equals); the first row when none maps
    /// anything, so that a file with a foreign header is refused naming its first row.
    static func best(_ scores: [Score]) -> Int {
        guard let top = scores.max(), top.mapped > 0 else { return 0 }
        return scores.firstIndex(of: top) ?? 0
    }

    /// A row's cells as header candidates: strings cut to a bounded prefix, so that a huge
    /// cell costs no more than a short one.
    static func cells(_ record: RecordView) -> [String] {
        (0..<record.fieldCount).map { i in
            let cell = record.field(i)
            return String(decoding: cell.prefix(HeaderMapper.scoredPrefix * 4), as: UTF8.self)
        }
    }
}

/// The row above a candidate header row, read as its group row (当事人 over 名称, 类型 …).
struct GroupRow: Sendable, Equatable {
    var cells: [String]
    /// The 1-based columns of each range the sheet merges across this row, when its merged
    /// ranges were read: a group then spans exactly its merge. Nil for a CSV, an `.xls`, or a
    /// sheet whose ranges were not needed or has none in this row: a group's text, which
    /// stands in its first column, carries right over the empty cells after it.
    var spans: [ClosedRange<Int>]?

    init(cells: [String], spans: [ClosedRange<Int>]? = nil) {
        self.cells = cells
        self.spans = spans
    }

    /// The group text over 0-based column `index` when it is empty in this row: that of the
    /// merge covering it, or nil when ``spans`` is nil (not known).
    func mergedText(over index: Int) -> String?? {
        guard let spans else { return nil }
        guard let span = spans.first(where: { $0.contains(index + 1) }), span.lowerBound - 1 < cells.count else { return .some(nil) }
        return .some(cells[span.lowerBound - 1])
    }
}
