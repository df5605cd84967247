/// A table with one header row. Cells are text as it should be printed (figures already
/// formatted); `alignments` tells which columns hold figures.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case leading, center, trailing }

    /// Printed above the table, e.g. "表1 各部门评查结果".
    public var caption: String?
    public var header: [String]
    public var rows: [[String]]
    /// One per column; missing entries mean `.leading`.
    public var alignments: [Alignment]

    public init(caption: String? = nil, header: [String], rows: [[String]], alignments: [Alignment] = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.alignments = alignments
    }

    public func alignment(ofColumn column: Int) -> Alignment {
        column < alignments.count ? alignments[column] : .leading
    }
}
