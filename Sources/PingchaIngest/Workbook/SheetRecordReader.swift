import PingchaModel

/// Streams one worksheet of an `.xlsx` as records, like ``CSVRecordReader`` does a CSV file:
/// each `<row>` becomes a record whose line is the row number Excel shows, and each cell the
/// text the user sees (shared, inline and rich strings; numbers; dates from date-formatted
/// numbers; booleans; the cached value of a formula). Cells a writer left out are empty
/// fields; an error cell (`#N/A`, `#DIV/0!`) is an empty field reported with its position.
///
/// Only the current row is held: memory does not depend on the sheet's size.
final class SheetRecordReader: RecordSource, XMLEventHandler {
    let package: WorkbookPackage
    let sheet: WorkbookPackage.SheetEntry
    var stopRequested = false
    /// A sheet is part of a file: the file's digest is taken by the ingester.
    var sha256: String? { nil }

    /// The longest cell text kept (Excel cells hold at most 32,767 characters); the rest of a
    /// longer one, which only a damaged or hostile file has, is dropped.
    static let cellLimit = 32_767 * 4

    private var handler: ((RecordEvent) -> Void)?
    private var stream: XMLStream?
    private var row = RowBuffer()

    private var rowNumber = 0
    private var nextColumn = 1
    private var cellColumn = 1
    private var cellKind = CellKind.number
    private var cellStyle = 0
    private var capturing = false
    private var inInlineString = false
    private var phoneticDepth = 0
    private var value: [UInt8] = []
    private var cellText: [UInt8] = []

    /// The `t` attribute of a cell (ECMA-376 Part 1, 18.18.11).
    private enum CellKind {
        case number, sharedString, formulaString, inlineString, boolean, error, isoDate
    }

    init(package: WorkbookPackage, sheet: WorkbookPackage.SheetEntry) {
        self.package = package
        self.sheet = sheet
        value.reserveCapacity(256)
        cellText.reserveCapacity(256)
    }

    deinit { row.release() }

    func read(_ onEvent: @escaping (RecordEvent) -> Void) throws(PingchaError) {
        handler = onEvent
        defer { handler = nil }
        try package.loadSharedStrings()
        let stream = XMLStream(handler: self)
        self.stream = stream
        defer { self.stream = nil }
        try package.stream(sheet.part, to: self, stream: stream)
    }

    // MARK: XML events

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("c") {
            cellColumn = attributes.value("r").flatMap(ColumnLetters.column(ofReference:)) ?? nextColumn
            cellKind = Self.kind(attributes.value("t"))
            cellStyle = attributes.integer("s") ?? 0
            value.removeAll(keepingCapacity: true)
        } else if name.is("v") {
            capturing = !inInlineString
        } else if name.is("row") {
            rowNumber = attributes.integer("r") ?? rowNumber + 1
            nextColumn = 1
            row.clear()
        } else if name.is("is") {
            inInlineString = true
        } else if name.is("t") {
            capturing = inInlineString && phoneticDepth == 0
        } else if name.is("rPh") {
            phoneticDepth += 1
        }
    }

    func end(_ name: XMLName) {
        if name.is("v") || name.is("t") {
            capturing = false
        } else if name.is("c") {
            endCell()
        } else if name.is("row") {
            if row.endsCount > 0 { emitRow() }
        } else if name.is("is") {
            inInlineString = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("sheetData") {
            // What follows (merged ranges, print settings) holds no cell values.
            stream?.stop()
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard capturing, value.count < Self.cellLimit else { return }
        value.append(contentsOf: bytes.prefix(Self.cellLimit - value.count))
    }

    // MARK: cells and rows

    private static func kind(_ attribute: UnsafePointer<CChar>?) -> CellKind {
        guard let t = attribute else { return .number }
        switch (t[0], t[0] == 0 ? 0 : t[1]) {
        case (0x73, 0): return .sharedString          // s
        case (0x73, _): return .formulaString          // str
        case (0x69, _): return .inlineString           // inlineStr
        case (0x62, _): return .boolean                // b
        case (0x65, _): return .error                  // e
        case (0x64, _): return .isoDate                // d
        default: return .number                        // n
        }
    }

    private func endCell() {
        let column = cellColumn
        nextColumn = column + 1
        // Cells come in column order; one out of order (a damaged file) is left out.
        guard column > row.endsCount, column <= 16_384 else { return }
        cellText.removeAll(keepingCapacity: true)
        value.withUnsafeBufferPointer { stored in
            switch cellKind {
            case .sharedString:
                if let index = Self.integer(stored), let text = package.sharedStrings.bytes(at: index) {
                    cellText.append(contentsOf: text)
                } else if !stored.isEmpty {
                    handler?(.cellError(line: rowNumber, column: column, text: "共享字符串 \(String(decoding: stored, as: UTF8.self)) 不存在"))
                }
            case .formulaString, .inlineString:
                cellText.append(contentsOf: stored)
            case .boolean:
                if !stored.isEmpty { cellText.append(contentsOf: (stored.first == UInt8(ascii: "1") ? "TRUE" : "FALSE").utf8) }
            case .error:
                handler?(.cellError(line: rowNumber, column: column, text: String(decoding: stored, as: UTF8.self)))
            case .isoDate:
                // `2024-03-05T00:00:00`: the date part is what the cell shows.
                let dateOnly = stored.count > 10 && stored[10] == UInt8(ascii: "T")
                cellText.append(contentsOf: stored.prefix(dateOnly ? 10 : stored.count))
            case .number:
                if stored.isEmpty { break }
                if package.styles.showsDate(style: cellStyle) {
                    CellText.appendDate(stored, uses1904: package.uses1904, to: &cellText)
                } else {
                    CellText.appendNumber(stored, to: &cellText)
                }
            }
        }
        while row.endsCount < column - 1 { row.endField() }
        cellText.withUnsafeBytes { if let base = $0.baseAddress, !$0.isEmpty { row.append(base, $0.count) } }
        row.endField()
    }

    private func emitRow() {
        guard !stopRequested else { return }
        handler?(.record(RecordView(startLine: rowNumber, endLine: rowNumber, bytes: UnsafePointer(row.bytes),
                                    ends: UnsafeBufferPointer(start: row.ends, count: row.endsCount))))
        if stopRequested { stream?.stop() }
    }

    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 12 else { return nil }
        var n = 0
        for b in bytes {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }
}
