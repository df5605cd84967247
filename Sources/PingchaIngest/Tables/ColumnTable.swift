import PingchaModel

/// A small table a user fills in by hand — a staff roster, an inspection register — read from
/// CSV (any encoding the exports use) or a workbook (`.xlsx`, `.xls`: every sheet whose header
/// has the required columns), with every cell's position kept for messages.
///
/// Unlike case exports, such a table has few fixed columns, each with a handful of spellings
/// (`持证` or `是否持证`), and no catalogue: the columns are described by ``ColumnTable``.
public struct ColumnTable: Sendable {
    /// One column: its key, the header spellings it goes by (compared as ``HeaderKey`` does:
    /// case, spaces and full-width forms ignored), and whether the table needs it.
    public struct Column: Sendable {
        public var key: String
        public var spellings: [String]
        public var required: Bool

        public init(_ key: String, _ spellings: [String], required: Bool = false) {
            self.key = key
            self.spellings = spellings
            self.required = required
        }
    }

    /// What the table is, in the messages (执法人员名册).
    public var name: String
    /// What a worksheet holding it is called (“工作簿中没有…工作表”); the name by default.
    public var sheetName: String
    public var columns: [Column]

    public init(name: String, sheetName: String? = nil, columns: [Column]) {
        self.name = name
        self.sheetName = sheetName ?? name
        self.columns = columns
    }

    /// `department（执法主体）`: the key with its first Chinese spelling.
    static func label(_ c: Column) -> String {
        c.spellings.first(where: { !$0.allSatisfy(\.isASCII) }).map { "\(c.key)（\($0)）" } ?? c.key
    }

    /// One row with something in it.
    public struct Row: Sendable {
        /// Trimmed, non-empty cell texts by column key.
        public var cells: [String: String]
        public var location: SourceLocation
        /// 1-based column of each key the header has.
        public var columns: [String: Int]

        public subscript(_ key: String) -> String? { cells[key] }

        /// The position of the row's cell in column `key` (the row alone when the table lacks it).
        public func at(_ key: String) -> SourceLocation {
            var l = location
            l.column = columns[key]
            return l
        }
    }

    /// Reads `path`: its rows in order, and what cannot be read (an unclosed quote, undecodable
    /// bytes, an error cell, a missing required column) as errors with their positions. (Such
    /// tables are a few thousand rows: they are held in memory.)
    public func read(path: String, encoding: EncodingChoice = .auto) throws(PingchaError) -> (rows: [Row], errors: [PingchaError]) {
        let file = try ChunkedFile(path: path)
        var rows: [Row] = []
        var errors: [PingchaError] = []
        func onRow(_ row: Row) { rows.append(row) }
        switch try InputFormat.detect(file) {
        case .text:
            let detection = try EncodingDetector.detect(file, choice: encoding)
            if let missing = try read(CSVRecordReader(file: file, detection: detection), path: path, sheet: nil,
                                      errors: &errors, onRow: onRow) {
                errors.append(missing)
            }
        case .xlsx:
            let workbook = try WorkbookPackage(path: path)
            try readSheets(workbook.sheets.map(\.name), path: path, errors: &errors, onRow: onRow) { name in
                SheetRecordReader(package: workbook, sheet: workbook.sheets.first { $0.name == name }!)
            }
        case .xls:
            let workbook = try XLSWorkbook(path: path)
            try readSheets(workbook.sheetNames, path: path, errors: &errors, onRow: onRow) { name in
                XLSSheetReader(workbook: workbook, index: workbook.sheetNames.firstIndex(of: name)!)
            }
        }
        return (rows, errors)
    }

    /// Every sheet with the required columns is read; a workbook with none is refused.
    private func readSheets(_ names: [String], path: String, errors: inout [PingchaError], onRow: (Row) -> Void,
                            reader: (String) -> RecordSource) throws(PingchaError) {
        var found = false
        for name in names {
            var sheetErrors: [PingchaError] = []
            if try read(reader(name), path: path, sheet: name, errors: &sheetErrors, onRow: onRow) != nil { continue }
            found = true
            errors += sheetErrors
        }
        if !found {
            let required = columns.filter(\.required).map { $0.spellings.first(where: { !$0.allSatisfy(\.isASCII) }) ?? $0.key }
            errors.append(.located(SourceLocation(file: path),
                                   "工作簿中没有\(sheetName)工作表（表头须包含\(required.joined(separator: "、"))）"))
        }
    }

    /// Reads one source of rows; returns the error when its header lacks required columns
    /// (then nothing else of it is read).
    private func read(_ reader: RecordSource, path: String, sheet: String?, errors allErrors: inout [PingchaError],
                      onRow: (Row) -> Void) throws(PingchaError) -> PingchaError? {
        var nearest: (line: Int, missing: [Column])?
        var rowsBeforeHeader = 0
        var rows: [Row] = []
        var errors: [PingchaError] = []
        defer {
            rows.forEach(onRow)
            allErrors += errors
        }
        var index: [String: Int]?
        let keys = columns.map { c in (c.key, Set(c.spellings.map { HeaderKey($0).key })) }
        try reader.read { event in
            switch event {
            case .record(let r):
                guard let map = index else {
                    // The header is the first of the first 20 rows with every required column
                    // (a title row or a blank one may stand above it); the complaint names the
                    // row that came nearest.
                    rowsBeforeHeader += 1
                    var found: [String: Int] = [:]
                    for i in 0..<r.fieldCount {
                        let key = HeaderKey(r.string(i)).key
                        for (name, spellings) in keys where found[name] == nil && spellings.contains(key) { found[name] = i }
                    }
                    let missing = columns.filter { $0.required && found[$0.key] == nil }
                    if missing.isEmpty {
                        index = found
                        return
                    }
                    if nearest == nil || missing.count < nearest!.missing.count { nearest = (r.startLine, missing) }
                    if rowsBeforeHeader >= 20 { reader.stopRequested = true }
                    return
                }
                // Only a wholly blank row is passed over: one with anything in it, even outside
                // the known columns, reaches the caller, who says what it lacks.
                if (0..<r.fieldCount).allSatisfy({ r.field($0).allSatisfy { $0 == 0x20 || $0 == 0x09 } }) { return }
                var cells: [String: String] = [:]
                for (key, i) in map where i < r.fieldCount {
                    var v = r.string(i).trimmingSpaces
                    // Our own workbooks neutralise formula-like cells with a leading `'`.
                    if v.hasPrefix("'"), let next = v.dropFirst().first, "=+-@".contains(next) { v = String(v.dropFirst()) }
                    if !v.isEmpty { cells[key] = String(v) }
                }
                rows.append(Row(cells: cells, location: SourceLocation(file: path, line: r.startLine, sheet: sheet),
                          columns: map.mapValues { $0 + 1 }))
            case .unterminatedQuote(let start, _, _), .oversized(let start, _, _):
                errors.append(.located(SourceLocation(file: path, line: start, sheet: sheet), "引号未闭合"))
            case .invalidBytes(let line, let column):
                errors.append(.located(SourceLocation(file: path, line: line, column: column, sheet: sheet), "有无法解码的字节"))
            case .cellError(let line, let column, let text):
                errors.append(.located(SourceLocation(file: path, line: line, column: column, sheet: sheet), "单元格是错误值“\(text)”"))
            case .textAfterQuote:
                break   // read as Excel shows it: one value
            }
        }
        guard index == nil else { return nil }
        guard let nearest else { return .located(SourceLocation(file: path, sheet: sheet), "\(name)是空的，没有表头行") }
        let names = nearest.missing.map(Self.label)
        return .located(SourceLocation(file: path, line: nearest.line, sheet: sheet), "\(name)缺少必需的列：\(names.joined(separator: "、"))")
    }
}
