import Foundation
import PingchaDocuments
import PingchaModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An XLSX workbook written sheet by sheet, row by row, with bounded memory.
///
/// Rows are spooled to a hidden working folder beside `path`; ``close()`` assembles the
/// package there and renames it onto `path`, so until then nothing (or the previous file)
/// is at `path`, never a half-written workbook. A workbook that is never closed leaves
/// nothing behind.
///
///     let book = try Workbook(path: "scores.xlsx")
///     let sheet = try book.addSheet("案卷得分", columns: [Column("案卷编号"), Column("得分", .decimal(places: 1))])
///     try sheet.append([.text("A-001"), .decimal("87.5")])
///     try book.close()
public final class Workbook {
    public let path: String
    private let title: String?
    private let state: WorkbookState
    private var sheets: [Sheet] = []

    /// Excel's rows per worksheet.
    public static let maxRows = 1_048_576
    /// Excel's columns per worksheet (A … XFD).
    public static let maxColumns = 16_384

    public convenience init(path: String, title: String? = nil) throws(PingchaError) {
        try self.init(path: path, title: title, rowLimit: Self.maxRows)
    }

    /// `rowLimit` (header included) is lowered by tests to exercise the roll-over.
    init(path: String, title: String? = nil, rowLimit: Int) throws(PingchaError) {
        self.path = path
        self.title = title
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unwritable(path, detail: "输出文件夹 \(folder) 不存在")
        }
        let work = folder + "/." + url.lastPathComponent + ".tmp-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: false)
        } catch {
            throw .unwritable(path, detail: "无法在输出文件夹中创建临时文件夹：\(SystemErrorText.text(of: error))")
        }
        state = WorkbookState(path: path, workDirectory: work, rowLimit: max(rowLimit, 2))
    }

    deinit {
        state.isClosed = true
        sheets.removeAll()
        try? FileManager.default.removeItem(atPath: state.workDirectory)
    }

    /// Adds a worksheet. The name is made acceptable to Excel (at most 31 characters, none of
    /// `[]:*?/\`, unique ignoring case); ``Sheet/name`` tells what it became.
    public func addSheet(_ name: String, columns: [Column], options: SheetOptions = SheetOptions()) throws(PingchaError) -> Sheet {
        guard !state.isClosed else { throw .unwritable(path, detail: "工作簿已关闭，不能再添加工作表") }
        guard columns.count <= Self.maxColumns else {
            throw .unwritable(path, detail: "工作表“\(name)”有 \(columns.count) 列，超过 Excel 的上限 \(Self.maxColumns) 列")
        }
        let sheet = try Sheet(name: state.claimName(SheetName.sanitise(name), startingAt: 1), columns: columns, options: options, state: state)
        sheets.append(sheet)
        return sheet
    }

    /// Writes the package and moves it onto `path`. The workbook takes nothing more afterwards.
    public func close() throws(PingchaError) {
        guard !state.isClosed else { throw .unwritable(path, detail: "工作簿已关闭") }
        defer {
            state.isClosed = true
            try? FileManager.default.removeItem(atPath: state.workDirectory)
        }
        if sheets.isEmpty {
            // Excel refuses a workbook without a worksheet.
            _ = try addSheet("工作表", columns: [])
        }
        for sheet in sheets { try sheet.finish() }
        let parts = sheets.flatMap { sheet in sheet.parts.map { (sheet, $0) } }
        let staged = state.workDirectory + "/workbook.xlsx"
        try writePackage(parts: parts, to: staged)
        guard rename(staged, path) == 0 else {
            throw .unwritable(path, detail: SystemErrorText.current)
        }
    }

    private func writePackage(parts: [(Sheet, WorksheetPart)], to staged: String) throws(PingchaError) {
        // Everything the bookkeeping parts list is worked out first: [Content_Types].xml
        // leads the package.
        var plans: [PartPlan] = []
        var drawings = 0
        var charts: [ChartSpace] = []
        for (sheet, part) in parts {
            let widths = sheet.columns.enumerated().map { i, column -> Double in
                let fitted = ColumnWidth.fitted(header: ColumnWidth.of(column.title), content: part.widths[i])
                if column.wraps { return min(fitted, column.width ?? Column.wrapWidth) }
                return column.width.map { min(max($0, 0), 255) } ?? fitted
            }
            var plan = PartPlan(widths: widths, page: PageLayout(widths: widths, alwaysFits: sheet.options.fitsPageWidth))
            if part === sheet.parts.first, !sheet.charts.isEmpty {
                drawings += 1
                plan.drawing = drawings
                (plan.anchors, plan.breaks) = anchors(for: sheet.charts, below: part, widths: widths, page: plan.page,
                                                      firstNumber: charts.count + 1)
                for placed in sheet.charts {
                    var chart = placed.chart
                    chart.title = FigureNumbers.caption(chart.title ?? "", number: charts.count + 1)
                    charts.append(chart)
                    plan.charts.append(charts.count)
                }
            }
            plans.append(plan)
        }
        let entries = zip(parts, plans).map { item, plan in
            PackageXML.SheetEntry(name: item.1.name, columns: item.0.columns.count, rows: item.1.rows, headerRows: item.0.headerRows,
                                  printColumns: plan.page.fitsWidth ? 0 : item.0.options.keyColumns)
        }
        let package = try ZipPackage(path: staged)
        let shared = state.sharedStrings.all
        try package.add("[Content_Types].xml", text: PackageXML.contentTypes(sheetCount: parts.count, sharedStrings: !shared.isEmpty,
                                                                        drawings: drawings, charts: charts.count))
        try package.add("_rels/.rels", text: PackageXML.rootRelationships)
        try package.add("docProps/core.xml", text: PackageXML.core(title: title))
        try package.add("docProps/app.xml", text: PackageXML.app)
        try package.add("xl/workbook.xml", text: PackageXML.workbook(sheets: entries))
        try package.add("xl/_rels/workbook.xml.rels", text: PackageXML.workbookRelationships(sheetCount: parts.count, sharedStrings: !shared.isEmpty))
        try package.add("xl/styles.xml", text: state.styles.xml)
        if !shared.isEmpty { try package.add("xl/sharedStrings.xml", text: SharedStrings.xml(shared)) }
        for (n, ((sheet, part), plan)) in zip(parts, plans).enumerated() {
            let head = WorksheetXML.head(columns: sheet.columns.count, rows: part.rows, widths: plan.widths, selected: n == 0,
                                         headerRows: sheet.headerRows, page: plan.page)
            let tail = WorksheetXML.tail(columns: sheet.columns.count, rows: part.rows, headerRows: sheet.headerRows,
                                         merges: sheet.merges, page: plan.page, breaks: plan.breaks, drawing: plan.drawing != nil,
                                         protected: sheet.options.protected, validations: part.validations.xml)
            guard let rows = part.deflated else { throw .unwritable(path, detail: "工作表“\(part.name)”未写完") }
            try package.add("xl/worksheets/sheet\(n + 1).xml", pieces: [.data(Data(head.utf8)), .deflated(rows), .data(Data(tail.utf8))])
            if let d = plan.drawing {
                try package.add("xl/worksheets/_rels/sheet\(n + 1).xml.rels", text: DrawingXML.sheetRelationships(drawing: d))
                try package.add("xl/drawings/drawing\(d).xml", text: DrawingXML.drawing(plan.anchors))
                try package.add("xl/drawings/_rels/drawing\(d).xml.rels", text: DrawingXML.drawingRelationships(charts: plan.charts))
            }
        }
        for (i, chart) in charts.enumerated() {
            try package.add("xl/charts/chart\(i + 1).xml", text: ChartSpaceXML.make(chart))
        }
        try package.finish()
    }

    /// What one worksheet part needs besides its rows.
    private struct PartPlan {
        var widths: [Double]
        var page: PageLayout
        /// The drawing's number, for the part that has charts.
        var drawing: Int?
        var anchors: [(from: DrawingXML.Marker, to: DrawingXML.Marker, name: String, description: String)] = []
        /// The workbook's numbers of the charts on the drawing.
        var charts: [Int] = []
        /// Rows (0-based) a printed page starts at: before a chart that would not fit.
        var breaks: [Int] = []

        init(widths: [Double], page: PageLayout) {
            self.widths = widths
            self.page = page
        }
    }

    /// The charts one under the other, from the second row under the sheet's rows, a row
    /// apart; a chart that would not fit on the printed page with what comes before it
    /// starts a new page.
    private func anchors(for charts: [PlacedChart], below part: WorksheetPart, widths: [Double], page: PageLayout,
                         firstNumber: Int) -> (anchors: [(from: DrawingXML.Marker, to: DrawingXML.Marker, name: String, description: String)],
                                               breaks: [Int]) {
        let rowHeight = Sheet.defaultRowHeight
        var row = part.rows + 1
        // Points used on the current printed page (the sheet's rows fill pages first).
        var used = part.height.truncatingRemainder(dividingBy: page.sheetPointsPerPage) + rowHeight
        var out: [(from: DrawingXML.Marker, to: DrawingXML.Marker, name: String, description: String)] = []
        var breaks: [Int] = []
        for (i, placed) in charts.enumerated() {
            // No taller than a printed page, which would cut it in two whatever the breaks.
            let height = min(placed.height * Double(DrawingXML.emuPerCentimetre) / Double(DrawingXML.emuPerPoint),
                             page.sheetPointsPerPage - 2 * rowHeight)
            if used + height > page.sheetPointsPerPage {
                breaks.append(row)
                used = rowHeight
            }
            let from = DrawingXML.Marker(column: 0, columnOffset: 0, row: row, rowOffset: 0)
            let to = DrawingXML.end(fromRow: row, width: Int(placed.width * Double(DrawingXML.emuPerCentimetre)),
                                    height: Int(height * Double(DrawingXML.emuPerPoint)),
                                    columnWidths: widths, rowHeight: rowHeight)
            let title = FigureNumbers.caption(placed.chart.title ?? "", number: firstNumber + i)
            out.append((from, to, "图表 \(firstNumber + i)", title))
            used += Double(to.row + 2 - row) * rowHeight
            row = to.row + 2
        }
        return (out, breaks)
    }
}

/// What a workbook shares with its sheets. Sheets hold this rather than the workbook, so
/// neither keeps the other alive.
final class WorkbookState {
    let path: String
    let workDirectory: String
    /// Rows per worksheet, the header included.
    let rowLimit: Int
    let styles = StyleTable()
    let sharedStrings = SharedStrings()
    var isClosed = false
    private var takenNames: Set<String> = []
    private var filesCreated = 0

    init(path: String, workDirectory: String, rowLimit: Int) {
        self.path = path
        self.workDirectory = workDirectory
        self.rowLimit = rowLimit
    }

    /// Guards the names and files a sheet takes when it rolls over, so that different sheets
    /// may be filled from different threads (one sheet stays one thread's).
    private let lock = NSLock()

    func newRowsFile() -> String {
        lock.lock()
        defer { lock.unlock() }
        filesCreated += 1
        return workDirectory + "/rows\(filesCreated).xml"
    }

    /// `base`, or `base(n)` from `first` on, whichever no worksheet has yet.
    func claimName(_ base: String, startingAt first: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        let name = SheetName.unique(base, startingAt: first, taken: takenNames)
        takenNames.insert(name.lowercased())
        return name
    }
}
