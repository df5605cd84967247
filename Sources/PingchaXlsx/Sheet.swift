import Foundation
import PingchaDocuments
import PingchaModel

/// One worksheet, written row by row. Rows go to a temporary file as they come, so a sheet
/// of a million rows costs no more memory than one of ten. A sheet that reaches Excel's row
/// limit continues on a new worksheet with the same header ("案卷得分(2)", …).
public final class Sheet {
    /// The name the first worksheet got (sanitised and made unique).
    public let name: String
    public let columns: [Column]
    public let options: SheetOptions
    /// Data rows appended so far, over all worksheets of this sheet.
    public private(set) var rowCount = 0
    /// Rows above the data on every worksheet of the sheet: the note, the group titles, the
    /// column titles. The header that is frozen, filtered and printed on every page.
    let headerRows: Int
    /// Merged header cells (`A1:F1`), the same on every worksheet of the sheet.
    let merges: [String]
    /// Charts drawn from the sheet's cells, placed under its rows (first worksheet only).
    private(set) var charts: [PlacedChart] = []

    private let state: WorkbookState
    private let plans: [ColumnPlan]
    private let noteStyle: Int
    private(set) var parts: [WorksheetPart] = []
    private var buffer: [UInt8] = []
    /// Lines of the shared texts of wrapping columns: column → shared index → lines.
    private var wrappedLineCache: [Int: [Int: Int]] = [:]
    private static let flushSize = 1 << 20
    /// Points per line of 11-point text, as Excel spaces the default font.
    private static let lineHeight = 15.0
    /// `sheetFormatPr/@defaultRowHeight`.
    static let defaultRowHeight = 14.25

    init(name: String, columns: [Column], options: SheetOptions = SheetOptions(), state: WorkbookState) throws(PingchaError) {
        self.name = name
        self.columns = columns
        self.options = options
        self.state = state
        plans = columns.enumerated().map { ColumnPlan(index: $0.offset, column: $0.element, styles: state.styles) }
        noteStyle = options.note == nil ? 0 : state.styles.style(.note)
        let layout = HeaderLayout(columns: columns, note: columns.isEmpty ? nil : options.note)
        headerRows = layout.rows
        merges = layout.merges
        buffer.reserveCapacity(Self.flushSize + 64 * 1024)
        try startPart(named: name)
    }

    // MARK: Charts

    /// Draws `chart` from this sheet's cells: the categories from `categoryColumn`, series
    /// `i` from `valueColumns[i]` (its name from that column's title), over the data rows
    /// `firstRow ..< firstRow + chart.categories.count` (0 is the first row under the
    /// header); a series' name is its column's title, or its group's when the series are one
    /// measure under several groups (give the same text as the series' name). The chart keeps the figures it is given as its cache, so give the ones
    /// written to those cells. Charts go under the rows, one below the other, in the order
    /// added; the workbook numbers their titles 图1, 图2 … across its sheets.
    ///
    /// `width` and `height` in centimetres; the height defaults to what the bars need.
    public func addChart(_ chart: ChartSpace, categoryColumn: Int, valueColumns: [Int], firstRow: Int = 0,
                         width: Double = 18, height: Double? = nil) throws(PingchaError) {
        let all = [categoryColumn] + valueColumns
        guard all.allSatisfy({ columns.indices.contains($0) }), valueColumns.count == chart.series.count, firstRow >= 0 else {
            throw .unwritable(state.path, detail: "工作表“\(name)”的图表“\(chart.title ?? "")”引用的列不存在或与系列数不符")
        }
        var c = chart
        let first = headerRows + 1 + firstRow
        let last = first + max(chart.categories.count, 1) - 1
        c.categoriesReference = reference(column: categoryColumn, rows: first...last)
        // Series of one measure under several groups (a batch over its measures) are told
        // apart by their groups' cells; otherwise each is named by its column's title.
        let byGroup = valueColumns.count > 1 && Set(valueColumns.map { columns[$0].title }).count == 1
        for (i, column) in valueColumns.enumerated() {
            if byGroup, let group = columns[column].group {
                var start = column
                while start > 0, columns[start - 1].group == group { start -= 1 }
                c.series[i].nameReference = reference(column: start, rows: (headerRows - 1)...(headerRows - 1))
            } else {
                c.series[i].nameReference = reference(column: column, rows: headerRows...headerRows)
            }
            c.series[i].valuesReference = reference(column: column, rows: first...last)
        }
        let rows = Double(max(chart.categories.count, 1))
        let defaultHeight: Double = switch chart.kind {
        // 0.75 cm a bar for one series; a group of bars per category for several.
        case .bars(horizontal: true): min(24, max(7, 2.8 + rows * (chart.series.count > 1 ? 0.2 + 0.4 * Double(chart.series.count) : 0.75)))
        case .bars(horizontal: false), .lines: 9
        }
        charts.append(PlacedChart(chart: c, width: width, height: height ?? defaultHeight))
    }

    /// `'部门汇总'!$G$2:$G$12`: cells of one column of the sheet's first worksheet.
    func reference(column: Int, rows: ClosedRange<Int>) -> String {
        let letters = CellReference.columnLetters(column)
        let cells = rows.count == 1 ? "$\(letters)$\(rows.lowerBound)" : "$\(letters)$\(rows.lowerBound):$\(letters)$\(rows.upperBound)"
        return PackageXML.quoted(name) + "!" + cells
    }


    /// Appends one row; cells beyond the row's end are empty, more cells than columns is an error.
    /// `validations`: what some of its cells accept, by column index (a drop-down, a range of
    /// numbers that may differ from row to row).
    public func append(_ row: [Cell], validations: [Int: CellValidation] = [:]) throws(PingchaError) {
        guard !state.isClosed else { throw .unwritable(state.path, detail: "工作簿已关闭，不能再写入工作表“\(name)”") }
        guard row.count <= columns.count, validations.keys.allSatisfy(columns.indices.contains) else {
            throw .unwritable(state.path, detail: "工作表“\(name)”的一行有 \(row.count) 个单元格，多于 \(columns.count) 列")
        }
        if parts[parts.count - 1].rows >= state.rowLimit {
            try startPart(named: state.claimName(name, startingAt: parts.count + 1))
        }
        let part = parts[parts.count - 1]
        let r = part.rows + 1
        var out: [UInt8] = []
        swap(&out, &buffer)
        out.append("<row r=\"")
        out.appendDecimal(r)
        out.append("\"")
        let rowAttributesEnd = out.count
        out.append(">")
        var lines = 1
        for plan in plans {
            let cell = plan.index < row.count ? row[plan.index] : .empty
            if let style = plan.inputStyle {
                lines = max(lines, encodeInput(cell, plan: plan, row: r, style: style, into: &out, widths: &part.widths))
            } else if plan.index < row.count {
                lines = max(lines, encode(cell, plan: plan, row: r, into: &out, widths: &part.widths))
            }
        }
        for (column, validation) in validations.sorted(by: { $0.key < $1.key }) {
            part.validations.add(validation, column: column, row: r)
        }
        out.append("</row>")
        if lines > 1 {
            // Neither Excel nor LibreOffice reliably grows a row for line breaks when opening
            // a file, so a row with multi-line text gets its height written out.
            let height = min(Double(lines) * Self.lineHeight, 409)
            out.insert(contentsOf: heightAttribute(height), at: rowAttributesEnd)
            part.height += height
        } else {
            part.height += Self.defaultRowHeight
        }
        swap(&out, &buffer)
        part.rows = r
        rowCount += 1
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// ` ht="30.0" customHeight="1"`, made once per height: a sheet of long texts has a
    /// handful of heights over a million rows.
    private var heightAttributes: [Double: [UInt8]] = [:]

    private func heightAttribute(_ height: Double) -> [UInt8] {
        if let known = heightAttributes[height] { return known }
        let bytes = Array(" ht=\"\(height)\" customHeight=\"1\"".utf8)
        heightAttributes[height] = bytes
        return bytes
    }

    /// Writes what is buffered and closes the row files; the sheet takes no more rows.
    func finish() throws(PingchaError) {
        try flush()
        for part in parts { try close(part) }
    }

    private func startPart(named partName: String) throws(PingchaError) {
        if !parts.isEmpty {
            try flush()
            try close(parts[parts.count - 1])
        }
        let file = state.newRowsFile()
        let part = WorksheetPart(name: partName, rowsFile: file, writer: try DeflatedFile(path: file), columns: columns.count)
        parts.append(part)
        if columns.isEmpty { return }
        var r = 0
        if let note = options.note {
            r += 1
            // The note's row is as tall as its lines need across the titles' width (a lower
            // bound of the columns' final widths, so the estimate errs on the tall side).
            let across = columns.reduce(0.0) { $0 + ($1.width ?? ColumnWidth.fitted(header: ColumnWidth.of($1.title), content: 0)) }
            let lines = ColumnWidth.lines(note, width: max(across, 20))
            let height = min(Double(lines) * Self.lineHeight + 3, 409)
            part.height += height
            buffer.append("<row r=\"\(r)\" ht=\"\(height)\" customHeight=\"1\">")
            for plan in plans {
                startCell(plan, row: r, style: noteStyle)
                if plan.index == 0 {
                    buffer.append(" t=\"inlineStr\"><is><t>")
                    buffer.append(Self.cellText(note))
                    buffer.append("</t></is></c>")
                } else {
                    buffer.append("/>")
                }
            }
            buffer.append("</row>")
        }
        if columns.contains(where: { $0.group != nil }) {
            r += 1
            // Group titles over their columns; a column without one has its title here,
            // merged down over the row of titles. A long group title wraps: the row is as
            // tall as the longest needs over its columns' (lower-bound) widths.
            var lines = 1
            var start = 0
            while start < columns.count {
                var end = start
                while end + 1 < columns.count, columns[start].group != nil, columns[end + 1].group == columns[start].group { end += 1 }
                if let group = columns[start].group {
                    let across = columns[start...end].reduce(0.0) { $0 + ($1.width ?? ColumnWidth.fitted(header: ColumnWidth.of($1.title), content: 0)) }
                    lines = max(lines, ColumnWidth.lines(group, width: across))
                }
                start = end + 1
            }
            if lines > 1 {
                let height = min(Double(lines) * Self.lineHeight + 2, 409)
                part.height += height - Self.defaultRowHeight
                buffer.append("<row r=\"\(r)\" ht=\"\(height)\" customHeight=\"1\">")
            } else {
                buffer.append("<row r=\"\(r)\">")
            }
            for plan in plans {
                let column = columns[plan.index]
                let opensGroup = column.group != nil && (plan.index == 0 || columns[plan.index - 1].group != column.group)
                let text = column.group == nil ? column.title : opensGroup ? column.group! : ""
                headerCell(plan, row: r, text: text)
            }
            buffer.append("</row>")
            r += 1
            buffer.append("<row r=\"\(r)\">")
            for plan in plans { headerCell(plan, row: r, text: columns[plan.index].group == nil ? "" : plan.title) }
            buffer.append("</row>")
        } else {
            r += 1
            buffer.append("<row r=\"\(r)\">")
            for plan in plans { headerCell(plan, row: r, text: plan.title) }
            buffer.append("</row>")
        }
        part.height += Double(r - (options.note == nil ? 0 : 1)) * Self.defaultRowHeight
        part.rows = r
    }

    private func startCell(_ plan: ColumnPlan, row: Int, style: Int) {
        buffer.append("<c r=\"")
        buffer.append(contentsOf: plan.letters)
        buffer.appendDecimal(row)
        buffer.append("\" s=\"")
        buffer.appendDecimal(style)
        buffer.append("\"")
    }

    /// A header cell: styled even when empty, so merged headers keep their fill and borders.
    private func headerCell(_ plan: ColumnPlan, row: Int, text: String) {
        startCell(plan, row: row, style: StyleTable.header)
        if text.isEmpty {
            buffer.append("/>")
        } else {
            buffer.append(" t=\"inlineStr\"><is><t>")
            buffer.append(Self.cellText(text))
            buffer.append("</t></is></c>")
        }
    }

    /// Compresses what is buffered into the part's rows file, on the thread filling the sheet.
    private func flush() throws(PingchaError) {
        guard !buffer.isEmpty, let part = parts.last, let writer = part.writer else { return }
        try writer.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func close(_ part: WorksheetPart) throws(PingchaError) {
        guard let writer = part.writer else { return }
        part.deflated = try writer.finish()
        part.writer = nil
    }

    // MARK: Cells

    /// Appends the cell's XML; returns the lines of text it shows.
    @discardableResult
    private func encode(_ cell: Cell, plan: ColumnPlan, row: Int, into out: inout [UInt8], widths: inout [Int]) -> Int {
        let c = plan.index
        switch cell {
        case .empty:
            return 1
        case .text(let text):
            return encodeText(text, plan: plan, row: row, into: &out, widths: &widths)
        case .bool(let value):
            return encodeText(value ? "是" : "否", plan: plan, row: row, into: &out, widths: &widths)
        case .integer(let value):
            startNumber(plan: plan, row: row, style: plan.numberStyle, into: &out)
            out.appendDecimal(value)
            out.append("</v></c>")
            widths[c] = max(widths[c], plan.numberWidth(integerDigits: ColumnWidth.digits(magnitude: value.magnitude), negative: value < 0, generalLength: ColumnWidth.digits(value)))
        case .number(let value):
            guard value.isFinite else { return 1 }
            let text = String(value)
            startNumber(plan: plan, row: row, style: plan.numberStyle, into: &out)
            out.append(text)
            out.append("</v></c>")
            widths[c] = max(widths[c], plan.numberWidth(integerDigits: Self.integerDigits(value), negative: value < 0, generalLength: min(text.utf8.count, 11)))
        case .decimal(let text):
            guard let number = CellText.plainDecimal(text) else {
                return encodeText(text, plan: plan, row: row, into: &out, widths: &widths)
            }
            startNumber(plan: plan, row: row, style: plan.numberStyle, into: &out)
            out.append(number.text)
            out.append("</v></c>")
            widths[c] = max(widths[c], plan.numberWidth(integerDigits: number.integerDigits, negative: number.negative, generalLength: min(number.text.utf8.count, 11)))
        case .percent(let value):
            guard value.isFinite else { return 1 }
            startNumber(plan: plan, row: row, style: plan.percentStyle, into: &out)
            out.append(String(value))
            out.append("</v></c>")
            let shown = Self.integerDigits(value * 100) + (value < 0 ? 1 : 0) + (plan.percentPlaces > 0 ? plan.percentPlaces + 1 : 0) + 1
            widths[c] = max(widths[c], shown)
        case .date(let date):
            guard let serial = ExcelDate.serial(date) else {
                return encodeText(date.description, plan: plan, row: row, into: &out, widths: &widths)
            }
            startNumber(plan: plan, row: row, style: StyleTable.date, into: &out)
            out.appendDecimal(serial)
            out.append("</v></c>")
            widths[c] = max(widths[c], 10)
        }
        return 1
    }

    /// A cell of an editable column, always written so that it carries the unlocked style:
    /// empty, a number, or text. Returns the lines of text it shows.
    private func encodeInput(_ cell: Cell, plan: ColumnPlan, row: Int, style: Int, into out: inout [UInt8],
                             widths: inout [Int]) -> Int {
        out.append("<c r=\"")
        out.append(contentsOf: plan.letters)
        out.appendDecimal(row)
        out.append("\" s=\"")
        out.appendDecimal(style)
        let text: String
        switch cell {
        case .empty:
            out.append("\"/>")
            return 1
        case .integer(let value):
            out.append("\"><v>")
            out.appendDecimal(value)
            out.append("</v></c>")
            return 1
        case .decimal(let value) where CellText.plainDecimal(value) != nil:
            out.append("\"><v>")
            out.append(CellText.plainDecimal(value)!.text)
            out.append("</v></c>")
            return 1
        case .text(let value): text = CellText.capped(value)
        case .decimal(let value): text = CellText.capped(value)
        case .bool(let value): text = value ? "是" : "否"
        case .number(let value): text = value.isFinite ? String(value) : ""
        case .percent(let value): text = value.isFinite ? String(value) : ""
        case .date(let value): text = value.description
        }
        out.append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
        out.append(Self.cellText(text))
        out.append("</t></is></c>")
        let c = plan.index
        if widths[c] < Int(ColumnWidth.maximum) { widths[c] = max(widths[c], ColumnWidth.of(text)) }
        return plan.wrapWidth.map { ColumnWidth.lines(text, width: $0) } ?? text.utf8.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    }

    private func startNumber(plan: ColumnPlan, row: Int, style: Int, into out: inout [UInt8]) {
        out.append("<c r=\"")
        out.append(contentsOf: plan.letters)
        out.appendDecimal(row)
        if style != 0 {
            out.append("\" s=\"")
            out.appendDecimal(style)
        }
        out.append("\"><v>")
    }

    private func encodeText(_ raw: String, plan: ColumnPlan, row: Int, into out: inout [UInt8], widths: inout [Int]) -> Int {
        var text = CellText.capped(raw)
        var lines = 1
        var hasUnderscore = false
        text.withUTF8 { bytes in
            for b in bytes {
                if b == 10 { lines += 1 } else if b == 95 { hasUnderscore = true }
            }
        }
        let hasNewline = lines > 1
        // Short text (three bytes a CJK character of two widths) cannot need a second line.
        func wrappedLines(_ wrap: Double) -> Int {
            hasNewline || text.utf8.count > Int(wrap) / 3 ? ColumnWidth.lines(text, width: wrap) : lines
        }
        if plan.repeats, !hasNewline, let shared = state.sharedStrings.index(of: text) {
            if let wrap = plan.wrapWidth {
                // A repeated text (a legal basis on a million findings) is measured once.
                if let known = wrappedLineCache[plan.index]?[shared.index] {
                    lines = known
                } else {
                    lines = wrappedLines(wrap)
                    wrappedLineCache[plan.index, default: [:]][shared.index] = lines
                }
            }
            out.append("<c r=\"")
            out.append(contentsOf: plan.letters)
            out.appendDecimal(row)
            out.append(plan.wrapWidth == nil ? "\" t=\"s\"><v>" : "\" s=\"3\" t=\"s\"><v>")
            out.appendDecimal(shared.index)
            out.append("</v></c>")
            let c = plan.index
            if shared.width > widths[c] { widths[c] = shared.width }
            return lines
        }
        if let wrap = plan.wrapWidth { lines = wrappedLines(wrap) }
        out.append("<c r=\"")
        out.append(contentsOf: plan.letters)
        out.appendDecimal(row)
        out.append(hasNewline || plan.wrapWidth != nil ? "\" s=\"3\" t=\"inlineStr\"><is><t" : "\" t=\"inlineStr\"><is><t")
        if let first = text.utf8.first, let last = text.utf8.last, Self.isXMLSpace(first) || Self.isXMLSpace(last) {
            out.append(" xml:space=\"preserve\"")
        }
        out.append(">")
        out.appendCellText(text, protectingEscapes: hasUnderscore)
        out.append("</t></is></c>")
        let c = plan.index
        if widths[c] < Int(ColumnWidth.maximum), text.utf8.count > widths[c] {
            widths[c] = max(widths[c], ColumnWidth.of(text))
        }
        return lines
    }

    static func cellText(_ text: String) -> String {
        CellText.protectingEscapes(XMLText.escape(text))
    }

    private static func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func integerDigits(_ value: Double) -> Int {
        let magnitude = value.magnitude
        return magnitude < 1e15 ? ColumnWidth.digits(magnitude: UInt(magnitude)) : 16
    }
}

/// What every cell of a column shares, worked out once per sheet rather than once per cell.
/// A class: the row loop visits every plan for every row, and a struct would be copied each
/// time (its title and letters retained and released).
final class ColumnPlan {
    let index: Int
    let title: String
    let letters: [UInt8]
    let kind: ColumnKind
    let numberStyle: Int
    let percentStyle: Int
    let percentPlaces: Int
    let repeats: Bool
    /// The width text wraps at, for a wrapping column.
    let wrapWidth: Double?
    /// The unlocked style of an editable column's cells.
    let inputStyle: Int?

    init(index: Int, column: Column, styles: StyleTable) {
        self.index = index
        repeats = column.repeats
        wrapWidth = column.wraps ? column.width ?? Column.wrapWidth : nil
        title = column.title
        inputStyle = column.editable ? styles.style(.input) : nil
        letters = Array(CellReference.columnLetters(index).utf8)
        kind = column.kind
        switch column.kind {
        case .integer: numberStyle = styles.style(.integer)
        case .decimal(let places): numberStyle = styles.style(.decimal(places: Self.clamped(places)))
        case .percent(let places): numberStyle = styles.style(.percent(places: Self.clamped(places)))
        case .text, .date: numberStyle = StyleTable.general
        }
        if case .percent(let places) = column.kind {
            percentPlaces = Self.clamped(places)
        } else {
            percentPlaces = 1
        }
        percentStyle = styles.style(.percent(places: percentPlaces))
    }

    private static func clamped(_ places: Int) -> Int { min(max(places, 0), 10) }

    /// Display width of a number as the column's format shows it.
    func numberWidth(integerDigits: Int, negative: Bool, generalLength: Int) -> Int {
        let sign = negative ? 1 : 0
        switch kind {
        case .integer: return integerDigits + sign
        case .decimal(let places):
            let p = Self.clamped(places)
            return integerDigits + sign + (p > 0 ? p + 1 : 0)
        case .percent(let places):
            let p = Self.clamped(places)
            return integerDigits + 2 + sign + (p > 0 ? p + 1 : 0)
        case .text, .date: return generalLength
        }
    }
}

/// One worksheet part of a sheet: its rows file and what its head needs.
final class WorksheetPart {
    let name: String
    let rowsFile: String
    /// Compresses the rows as they come; nil once the part is complete.
    var writer: DeflatedFile?
    /// The compressed rows, once complete.
    var deflated: ZipPackage.DeflatedPiece?
    /// Rows written, the header included.
    var rows = 0
    /// Their height in points, as written or by default.
    var height = 0.0
    /// Widest content per column, in digit widths.
    var widths: [Int]
    /// The cells under data validation.
    var validations = ValidationRanges()

    init(name: String, rowsFile: String, writer: DeflatedFile, columns: Int) {
        self.name = name
        self.rowsFile = rowsFile
        self.writer = writer
        widths = Array(repeating: 0, count: columns)
    }
}

/// A chart to be placed under a sheet's rows.
struct PlacedChart {
    var chart: ChartSpace
    /// Centimetres.
    var width: Double
    var height: Double
}

/// The header rows of a sheet and the cells they merge.
struct HeaderLayout {
    let rows: Int
    let merges: [String]

    init(columns: [Column], note: String?) {
        var merges: [String] = []
        var row = 0
        let last = CellReference.columnLetters(max(columns.count, 1) - 1)
        if note != nil {
            row += 1
            if columns.count > 1 { merges.append("A\(row):\(last)\(row)") }
        }
        if columns.contains(where: { $0.group != nil }) {
            row += 1
            var start = 0
            while start < columns.count {
                var end = start
                if let group = columns[start].group {
                    while end + 1 < columns.count, columns[end + 1].group == group { end += 1 }
                    if end > start {
                        merges.append("\(CellReference.columnLetters(start))\(row):\(CellReference.columnLetters(end))\(row)")
                    }
                } else {
                    let letters = CellReference.columnLetters(start)
                    merges.append("\(letters)\(row):\(letters)\(row + 1)")
                }
                start = end + 1
            }
            row += 1
        } else {
            row += 1
        }
        self.rows = row
        self.merges = merges
    }
}
