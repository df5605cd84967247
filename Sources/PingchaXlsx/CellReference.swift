import PingchaDocuments

/// A1-style references.
enum CellReference {
    /// `A`, `B`, … `Z`, `AA`, … for a zero-based column index (charts name cells the same way).
    static func columnLetters(_ index: Int) -> String { ChartSpaceXML.columnLetters(index) }

    /// `A1:F4` for a block starting at A1.
    static func range(columns: Int, rows: Int) -> String {
        "A1:\(columnLetters(max(columns, 1) - 1))\(max(rows, 1))"
    }

    /// `A2:F9` for a block from row `fromRow` (the last header row) down.
    static func range(columns: Int, fromRow: Int, rows: Int) -> String {
        "A\(fromRow):\(columnLetters(max(columns, 1) - 1))\(max(rows, fromRow))"
    }

    /// `$A$1:$F$4`, as defined names hold it.
    static func absoluteRange(columns: Int, rows: Int, fromRow: Int = 1) -> String {
        "$A$\(fromRow):$\(columnLetters(max(columns, 1) - 1))$\(max(rows, fromRow))"
    }
}
