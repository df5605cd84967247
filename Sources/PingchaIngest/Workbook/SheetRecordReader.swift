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
    /// The parse state, behind a pointer: it is touched for every element of the sheet, and
    /// class properties would pay a dynamic exclusivity check on each access (seen in
    /// profiles as a fifth of the reading time).
    private let state: UnsafeMutablePointer<Cursor>

    private struct Cursor {
        var row = RowBuffer()
        var rowNumber = 0
        var nextColumn = 1
        var cellColumn = 1
        var cellKind = CellKind.number
        var cellStyle = 0
        var capturing = false
        var inInlineString = false
        var phoneticDepth = 0
        var value: [UInt8] = []
        var cellText: [UInt8] = []
        /// The workbook's styles and date system, copied here once per sheet.
        var styles = CellStyles()
        var uses1904 = false
    }

    /// The `t` attribute of a cell (ECMA-376 Part 1, 18.18.11).
    private enum CellKind {
        case number, sharedString, formulaString, inlineString, boolean, error, isoDate
    }

    init(package: WorkbookPackage, sheet: WorkbookPackage.SheetEntry) {
        self.package = package
        self.sheet = sheet
        state = .allocate(capacity: 1)
        state.initialize(to: Cursor())
        state.pointee.value.reserveCapacity(256)
        state.pointee.cellText.reserveCapacity(256)
    }

    deinit {
        state.pointee.row.release()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    func read(_ onEvent: @escaping (RecordEvent) -> Void) throws(PingchaError) {
        handler = onEvent
        defer { handler = nil }
        try package.loadSharedStrings()
        state.pointee.styles = package.styles
        state.pointee.uses1904 = package.uses1904
        let stream = XMLStream(handler: self)
        self.stream = stream
        defer { self.stream = nil }
        try package.stream(sheet.part, to: self, stream: stream)
    }

    // MARK: XML events

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("c") {
            state.pointee.cellColumn = attributes.value("r").flatMap(ColumnLetters.column(ofReference:)) ?? state.pointee.nextColumn
            state.pointee.cellKind = Self.kind(attributes.value("t"))
            state.pointee.cellStyle = attributes.integer("s") ?? 0
            state.pointee.value.removeAll(keepingCapacity: true)
        } else if name.is("v") {
            state.pointee.capturing = !state.pointee.inInlineString
        } else if name.is("row") {
            state.pointee.rowNumber = attributes.integer("r") ?? state.pointee.rowNumber + 1
            state.pointee.nextColumn = 1
            state.pointee.row.clear()
        } else if name.is("is") {
            state.pointee.inInlineString = true
        } else if name.is("t") {
            state.pointee.capturing = state.pointee.inInlineString && state.pointee.phoneticDepth == 0
        } else if name.is("rPh") {
            state.pointee.phoneticDepth += 1
        }
    }

    func end(_ name: XMLName) {
        if name.is("v") || name.is("t") {
            state.pointee.capturing = false
        } else if name.is("c") {
            endCell()
        } else if name.is("row") {
            if state.pointee.row.endsCount > 0 { emitRow() }
        } else if name.is("is") {
            state.pointee.inInlineString = false
        } else if name.is("rPh") {
            state.pointee.phoneticDepth -= 1
        } else if name.is("sheetData") {
            // What follows (merged ranges, print settings) holds no cell values.
            stream?.stop()
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard state.pointee.capturing, state.pointee.value.count < Self.cellLimit else { return }
        state.pointee.value.append(contentsOf: bytes.prefix(Self.cellLimit - state.pointee.value.count))
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
        let column = state.pointee.cellColumn
        state.pointee.nextColumn = column + 1
        // Cells come in column order; one out of order (a damaged file) is left out.
        guard column > state.pointee.row.endsCount, column <= 16_384 else { return }
        state.pointee.cellText.removeAll(keepingCapacity: true)
        state.pointee.value.withUnsafeBufferPointer { stored in
            switch state.pointee.cellKind {
            case .sharedString:
                if let index = Self.integer(stored), let text = package.sharedStrings.bytes(at: index) {
                    state.pointee.cellText.append(contentsOf: text)
                } else if !stored.isEmpty {
                    handler?(.cellError(line: state.pointee.rowNumber, column: column, text: "共享字符串 \(String(decoding: stored, as: UTF8.self)) 不存在"))
                }
            case .formulaString, .inlineString:
                state.pointee.cellText.append(contentsOf: stored)
            case .boolean:
                if !stored.isEmpty { state.pointee.cellText.append(contentsOf: (stored.first == UInt8(ascii: "1") ? "TRUE" : "FALSE").utf8) }
            case .error:
                handler?(.cellError(line: state.pointee.rowNumber, column: column, text: String(decoding: stored, as: UTF8.self)))
            case .isoDate:
                // `2024-03-05T00:00:00`: the date part is what the cell shows.
                let dateOnly = stored.count > 10 && stored[10] == UInt8(ascii: "T")
                state.pointee.cellText.append(contentsOf: stored.prefix(dateOnly ? 10 : stored.count))
            case .number:
                if stored.isEmpty { break }
                if state.pointee.styles.showsDate(style: state.pointee.cellStyle) {
                    CellText.appendDate(stored, uses1904: state.pointee.uses1904, to: &state.pointee.cellText)
                } else {
                    CellText.appendNumber(stored, to: &state.pointee.cellText)
                }
            }
        }
        while state.pointee.row.endsCount < column - 1 { state.pointee.row.endField() }
        state.pointee.cellText.withUnsafeBytes { if let base = $0.baseAddress, !$0.isEmpty { state.pointee.row.append(base, $0.count) } }
        state.pointee.row.endField()
    }

    private func emitRow() {
        guard !stopRequested else { return }
        handler?(.record(RecordView(startLine: state.pointee.rowNumber, endLine: state.pointee.rowNumber, bytes: UnsafePointer(state.pointee.row.bytes),
                                    ends: UnsafeBufferPointer(start: state.pointee.row.ends, count: state.pointee.row.endsCount))))
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
