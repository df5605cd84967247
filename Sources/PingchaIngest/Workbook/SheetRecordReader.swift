#if canImport(Glibc)
import Glibc
#endif
import PingchaModel

/// Streams one worksheet of an `.xlsx` as records, like ``CSVRecordReader`` does a CSV file:
/// each `<row>` becomes a record whose line is the row number Excel shows, and each cell the
/// text the user sees (shared, inline and rich strings; numbers; dates from date-formatted
/// numbers; booleans; the cached value of a formula). Cells a writer left out are empty
/// fields; an error cell (`#N/A`, `#DIV/0!`) is an empty field reported with its position.
///
/// Only the current row is held: memory does not depend on the sheet's size.
final class SheetRecordReader: RecordSource {
    let package: WorkbookPackage
    let sheet: WorkbookPackage.SheetEntry
    /// Set from the event handler to stop reading; shared with the cursor, which looks at it
    /// after handing over each row.
    var stopRequested: Bool {
        get { stopFlag.pointee }
        set { stopFlag.pointee = newValue }
    }
    /// A sheet is part of a file: the file's digest is taken by the ingester.
    var sha256: String? { nil }

    /// The longest cell text kept (Excel cells hold at most 32,767 characters); the rest of a
    /// longer one, which only a damaged or hostile file has, is dropped.
    static let cellLimit = 32_767 * 4

    private let stopFlag: UnsafeMutablePointer<Bool>
    /// The sheet's merged ranges, once asked for (``mergedSpans(inRow:)``, ``mergedDown(below:)``).
    fileprivate var merges: [SheetMerges.Range]?
    /// The parse state, behind a pointer: it is touched for every element of the sheet, and
    /// class properties would pay a dynamic exclusivity check on each access (seen in
    /// profiles as a fifth of the reading time).
    private let state: UnsafeMutablePointer<SheetCursor>

    init(package: WorkbookPackage, sheet: WorkbookPackage.SheetEntry) {
        self.package = package
        self.sheet = sheet
        stopFlag = .allocate(capacity: 1)
        stopFlag.initialize(to: false)
        state = .allocate(capacity: 1)
        state.initialize(to: SheetCursor(stop: stopFlag))
    }

    deinit {
        state.pointee.release()
        state.deinitialize(count: 1)
        state.deallocate()
        stopFlag.deallocate()
    }

    /// Reads the sheet with ``SheetScanner``; a part it does not read (a document type
    /// declaration, an encoding other than UTF-8) goes through libexpat instead, and a part it
    /// finds malformed is described by libexpat's message and position.
    func read(_ onEvent: @escaping (RecordEvent) -> Void) throws(PingchaError) {
        try package.loadSharedStrings()
        state.pointee.begin(handler: onEvent, package: package)
        defer { state.pointee.end() }
        var scanner = SheetScanner()
        defer { scanner.release() }
        var failure: SheetScanner.Failure?
        let cursor = state
        try package.inflate(sheet.part, ahead: true) { bytes, final in
            do throws(SheetScanner.Failure) {
                try scanner.feed(bytes, final: final, into: &cursor.pointee)
            } catch {
                failure = error
                return false
            }
            return !scanner.stopped
        }
        switch failure {
        case nil:
            return
        case .unsupported:
            state.pointee.begin(handler: onEvent, package: package)
            let adapter = ExpatSheetAdapter(cursor: state)
            let stream = XMLStream(handler: adapter)
            adapter.stream = stream
            try package.stream(sheet.part, to: adapter, stream: stream)
        case .malformed(let message, let offset):
            try package.diagnose(sheet.part, otherwise: "第 \(offset + 1) 字节：\(message)")
        }
    }
}

extension SheetRecordReader {
    /// The sheet's merged ranges, read once when first asked (they stand after the cells: see
    /// ``SheetMerges``). The header search asks first, for any sheet; the data rows after it,
    /// for a part of at most `maxPartSize`.
    private func merges(upTo maxPartSize: Int? = nil) -> [SheetMerges.Range] {
        if merges == nil { merges = SheetMerges.ranges(path: package.path, part: sheet.part, maxPartSize: maxPartSize) }
        return merges!
    }

    /// The sheet's ranges merged across `row`, when the header search first asks.
    func mergedSpans(inRow row: Int) -> [ClosedRange<Int>]? {
        let spans = SheetMerges.acrossRows(merges()).filter { $0.row == row }.map(\.columns)
        return spans.isEmpty ? nil : spans
    }

    /// The ranges merged down two or more rows that lie wholly below `headerLine` (the header's
    /// own merges are its business): a value typed once for several cases. Not looked for in a
    /// sheet part over 64 MB: finding them inflates the part a second time, and such sheets are
    /// machine exports, which merge nothing.
    func mergedDown(below headerLine: Int) -> [SheetMerges.Range] {
        merges(upTo: Self.mergesLookedForUpTo).filter { $0.rows.count > 1 && $0.rows.lowerBound > headerLine }
    }

    static let mergesLookedForUpTo = 64 << 20
}

/// Feeds libexpat's events to the cursor, for a sheet part ``SheetScanner`` does not read.
private final class ExpatSheetAdapter: XMLEventHandler {
    let cursor: UnsafeMutablePointer<SheetCursor>
    var stream: XMLStream?

    init(cursor: UnsafeMutablePointer<SheetCursor>) { self.cursor = cursor }

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        func value(_ key: StaticString) -> UnsafeBufferPointer<UInt8>? {
            attributes.value(key).map { UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0)) }
        }
        cursor.pointee.start(Self.element(name), SheetAttributes(r: value("r"), s: value("s"), t: value("t")))
    }

    func end(_ name: XMLName) {
        if !cursor.pointee.end(Self.element(name)) { stream?.stop() }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) { cursor.pointee.text(bytes) }

    private static func element(_ name: XMLName) -> SheetElement {
        if name.is("c") { return .c }
        if name.is("v") { return .v }
        if name.is("t") { return .t }
        if name.is("row") { return .row }
        if name.is("is") { return .is }
        if name.is("rPh") { return .rPh }
        if name.is("sheetData") { return .sheetData }
        return .other
    }
}

/// What reading a sheet keeps between events: the row being built and the cell being read.
/// Cells are written straight into the row: shared strings copied from the table, numbers as
/// written, dates as `YYYY-MM-DD`; nothing is allocated per cell.
struct SheetCursor: SheetEventSink {
    private var row = RowBuffer()
    private var rowNumber = 0
    private var nextColumn = 1
    private var cellColumn = 1
    private var cellKind = CellKind.number
    private var cellStyle = 0
    private var capturing = false
    private var inInlineString = false
    private var phoneticDepth = 0
    /// The text of the cell being read (its `<v>` or inline string), at most ``cellLimit`` bytes.
    private let value: UnsafeMutablePointer<UInt8>
    private var valueCount = 0
    private var handler: ((RecordEvent) -> Void)?
    private let stop: UnsafeMutablePointer<Bool>
    /// The workbook's styles, date system and shared strings, copied here once per sheet.
    private var styles = CellStyles()
    private var uses1904 = false
    private var strings: UnsafePointer<UInt8>?
    private var stringEnds = UnsafeBufferPointer<Int>(start: nil, count: 0)

    /// The `t` attribute of a cell (ECMA-376 Part 1, 18.18.11).
    private enum CellKind {
        case number, sharedString, formulaString, inlineString, boolean, error, isoDate
    }

    init(stop: UnsafeMutablePointer<Bool>) {
        self.stop = stop
        value = .allocate(capacity: SheetRecordReader.cellLimit)
    }

    mutating func begin(handler: @escaping (RecordEvent) -> Void, package: WorkbookPackage) {
        self.handler = handler
        styles = package.styles
        uses1904 = package.uses1904
        if let storage = package.sharedStrings.storage {
            strings = storage.strings
            stringEnds = storage.ends
        }
        row.clear()
        rowNumber = 0
        nextColumn = 1
        capturing = false
        inInlineString = false
        phoneticDepth = 0
    }

    mutating func end() { handler = nil }

    func release() {
        row.release()
        value.deallocate()
    }

    // MARK: events

    mutating func start(_ element: SheetElement, _ attributes: SheetAttributes) {
        switch element {
        case .c:
            cellColumn = attributes.r.flatMap(ColumnLetters.column(ofReference:)) ?? nextColumn
            cellKind = Self.kind(attributes.t)
            cellStyle = SheetAttributes.integer(attributes.s) ?? 0
            valueCount = 0
        case .v:
            capturing = !inInlineString
        case .row:
            rowNumber = SheetAttributes.integer(attributes.r) ?? rowNumber + 1
            nextColumn = 1
            row.clear()
        case .is:
            inInlineString = true
        case .t:
            capturing = inInlineString && phoneticDepth == 0
        case .rPh:
            phoneticDepth += 1
        case .sheetData, .other:
            break
        }
    }

    mutating func end(_ element: SheetElement) -> Bool {
        switch element {
        case .v, .t:
            capturing = false
        case .c:
            endCell()
        case .row:
            if row.endsCount > 0 { return emitRow() }
        case .is:
            inInlineString = false
        case .rPh:
            phoneticDepth -= 1
        case .sheetData:
            // What follows (merged ranges, print settings) holds no cell values.
            return false
        case .other:
            break
        }
        return true
    }

    @inline(__always)
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard capturing, let base = bytes.baseAddress else { return }
        let n = min(bytes.count, SheetRecordReader.cellLimit - valueCount)
        (value + valueCount).update(from: base, count: n)
        valueCount += n
    }

    // MARK: cells and rows

    private static func kind(_ attribute: UnsafeBufferPointer<UInt8>?) -> CellKind {
        guard let t = attribute, let first = t.first else { return .number }
        switch (first, t.count) {
        case (0x73, 1): return .sharedString           // s
        case (0x73, _): return .formulaString           // str
        case (0x69, _): return .inlineString            // inlineStr
        case (0x62, _): return .boolean                 // b
        case (0x65, _): return .error                   // e
        case (0x64, _): return .isoDate                 // d
        default: return .number                         // n
        }
    }

    private mutating func endCell() {
        let column = cellColumn
        nextColumn = column + 1
        // Cells come in column order; one out of order (a damaged file) is left out.
        guard column > row.endsCount, column <= 16_384 else { return }
        while row.endsCount < column - 1 { row.endField() }
        do {
            let stored = UnsafeBufferPointer(start: value, count: valueCount)
            switch cellKind {
            case .sharedString:
                if let index = SheetAttributes.integer(stored), index < stringEnds.count, let strings {
                    let start = index == 0 ? 0 : stringEnds[index - 1]
                    row.append(strings + start, stringEnds[index] - start)
                } else if !stored.isEmpty {
                    handler?(.cellError(line: rowNumber, column: column, text: "共享字符串 \(String(decoding: stored, as: UTF8.self)) 不存在"))
                }
            case .formulaString, .inlineString:
                row.append(value, valueCount)
            case .boolean:
                if !stored.isEmpty {
                    let word: StaticString = stored.first == UInt8(ascii: "1") ? "TRUE" : "FALSE"
                    row.append(word.utf8Start, word.utf8CodeUnitCount)
                }
            case .error:
                handler?(.cellError(line: rowNumber, column: column, text: String(decoding: stored, as: UTF8.self)))
            case .isoDate:
                // `2024-03-05T00:00:00`: the date part is what the cell shows.
                let dateOnly = stored.count > 10 && stored[10] == UInt8(ascii: "T")
                row.append(value, dateOnly ? 10 : valueCount)
            case .number:
                if stored.isEmpty { break }
                if styles.showsDate(style: cellStyle) {
                    CellText.appendDate(stored, uses1904: uses1904, to: &row)
                } else {
                    CellText.appendNumber(stored, to: &row)
                }
            }
        }
        row.endField()
    }

    private mutating func emitRow() -> Bool {
        guard !stop.pointee else { return false }
        handler?(.record(RecordView(startLine: rowNumber, endLine: rowNumber, bytes: UnsafePointer(row.bytes),
                                    ends: UnsafeBufferPointer(start: row.ends, count: row.endsCount))))
        return !stop.pointee
    }
}
