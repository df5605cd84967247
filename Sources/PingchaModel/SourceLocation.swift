/// Where something was found: a file, and where known the line and column (both from 1).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The worksheet, for a place in a workbook: then the line is the row Excel shows.
    public var sheet: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// `file:line:col`, the form editors and terminals recognise; in a workbook
    /// `file 工作表“S” 第N行 第C列`, as Excel and WPS show a cell.
    public var description: String {
        if let sheet {
            var s = "\(file) 工作表“\(sheet)”"
            if let line { s += " 第\(line)行" }
            if let column { s += " 第\(Self.columnLetters(column))列" }
            return s
        }
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s
    }

    /// Spreadsheet column letters of 1-based column `n` (1 → A, 27 → AA).
    public static func columnLetters(_ n: Int) -> String {
        var n = n
        var letters: [UInt8] = []
        while n > 0 {
            letters.append(UInt8(65 + (n - 1) % 26))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}
