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
    var requiredCount = 0

    init(fixedRow: Int? = nil, requiredCount: Int = 0, score: (@Sendable (RecordView, GroupRow?) -> Candidate)? = nil) {
        self.fixedRow = fixedRow
        self.requiredCount = requiredCount
        self.score = score
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
    /// True when the sheet's merged ranges say which columns each group spans (their text is
    /// then in every column of `cells` they span, and nothing carries past them). False for a
    /// CSV, or a sheet with no merge across this row: a group's text, which stands in its
    /// first column, carries right over the empty cells after it.
    var spansMerged = false

    init(cells: [String], spansMerged: Bool = false) {
        self.cells = cells
        self.spansMerged = spansMerged
    }

    /// Whether merged ranges could change how the row reads over `below`: a sub-header under
    /// an empty cell that follows a group's text (inside its merge, or past it?).
    func dependsOnMerges(below: RecordView) -> Bool {
        guard !spansMerged, let first = cells.firstIndex(where: { !$0.trimmingSpaces.isEmpty }) else { return false }
        for i in (first + 1)..<max(first + 1, below.fieldCount) {
            if (i >= cells.count || cells[i].trimmingSpaces.isEmpty) && !below.field(i).isEmpty { return true }
        }
        return false
    }

    /// The row with each merged range's text in every column it spans (ranges one row tall,
    /// by 1-based columns, as ``RecordSource/mergedSpans(inRow:)`` gives them).
    func filled(with spans: [ClosedRange<Int>]) -> GroupRow {
        var out = cells
        for span in spans where span.lowerBound >= 1 && span.lowerBound <= cells.count {
            let text = cells[span.lowerBound - 1]
            let last = min(span.upperBound, 16_384)
            while out.count < last { out.append("") }
            for column in span.lowerBound...last where out[column - 1].trimmingSpaces.isEmpty { out[column - 1] = text }
        }
        return GroupRow(cells: out, spansMerged: true)
    }
}
