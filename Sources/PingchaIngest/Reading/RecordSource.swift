import PingchaModel

/// Anything that yields an export's rows as records: a CSV file through libcsv, one sheet of a
/// workbook. ``FilePipeline`` reads every kind the same way, so mapping, normalising,
/// rejects and warnings do not depend on where the rows came from.
protocol RecordSource: AnyObject {
    /// Calls `onEvent` for every record and problem, in order; returns at the end or soon
    /// after ``stopRequested`` is set.
    func read(_ onEvent: @escaping (RecordEvent) -> Void) throws(PingchaError)
    /// Set from the event handler to stop reading (the source was refused at its header).
    var stopRequested: Bool { get set }
    /// The SHA-256 of the file's bytes, once read to the end (nil for a part of a file).
    var sha256: String? { get }
    /// The 1-based column ranges of the cells merged across row `row` (each range within
    /// that row alone), or nil when the source has none there or cannot tell (CSV, `.xls`):
    /// a group header's text then carries over the empty cells after it. Asked only while
    /// the header is sought.
    func mergedSpans(inRow row: Int) -> [ClosedRange<Int>]?
    /// The ranges merged down two or more rows below the header row `headerLine`: each of their
    /// rows shows the first row's value, which the reader fills in (``MergedFill``). Empty for
    /// a source without merges (CSV, `.xls`).
    func mergedDown(below headerLine: Int) -> [SheetMerges.Range]
}

extension RecordSource {
    func mergedSpans(inRow row: Int) -> [ClosedRange<Int>]? { nil }
    func mergedDown(below headerLine: Int) -> [SheetMerges.Range] { [] }
}

extension CSVRecordReader: RecordSource {}
