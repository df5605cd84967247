/// A1-style references.
enum CellReference {
    /// `A`, `B`, … `Z`, `AA`, … for a zero-based column index.
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

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
