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
            throw .unreadable(path, detail: "输出文件夹 \(folder) 不存在")
        }
        let work = folder + "/." + url.lastPathComponent + ".tmp-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: false)
        } catch {
            throw .unreadable(path, detail: "无法在输出文件夹中创建临时文件夹：\(error)")
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
    public func addSheet(_ name: String, columns: [Column]) throws(PingchaError) -> Sheet {
        guard !state.isClosed else { throw .unreadable(path, detail: "工作簿已关闭，不能再添加工作表") }
        guard columns.count <= Self.maxColumns else {
            throw .unreadable(path, detail: "工作表“\(name)”有 \(columns.count) 列，超过 Excel 的上限 \(Self.maxColumns) 列")
        }
        let sheet = try Sheet(name: state.claimName(SheetName.sanitise(name), startingAt: 1), columns: columns, state: state)
        sheets.append(sheet)
        return sheet
    }

    /// Writes the package and moves it onto `path`. The workbook takes nothing more afterwards.
    public func close() throws(PingchaError) {
        guard !state.isClosed else { throw .unreadable(path, detail: "工作簿已关闭") }
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
            throw .unreadable(path, detail: "无法写入文件：\(String(cString: strerror(errno)))")
        }
    }

    private func writePackage(parts: [(Sheet, WorksheetPart)], to staged: String) throws(PingchaError) {
        let entries = parts.map { PackageXML.SheetEntry(name: $0.1.name, columns: $0.0.columns.count, rows: $0.1.rows) }
        let zip = try ZipPackage(path: staged)
        let shared = state.sharedStrings.all
        try zip.add("[Content_Types].xml", text: PackageXML.contentTypes(sheetCount: parts.count, sharedStrings: !shared.isEmpty))
        try zip.add("_rels/.rels", text: PackageXML.rootRelationships)
        try zip.add("docProps/core.xml", text: PackageXML.core(title: title))
        try zip.add("docProps/app.xml", text: PackageXML.app)
        try zip.add("xl/workbook.xml", text: PackageXML.workbook(sheets: entries))
        try zip.add("xl/_rels/workbook.xml.rels", text: PackageXML.workbookRelationships(sheetCount: parts.count, sharedStrings: !shared.isEmpty))
        try zip.add("xl/styles.xml", text: state.styles.xml)
        if !shared.isEmpty { try zip.add("xl/sharedStrings.xml", text: SharedStrings.xml(shared)) }
        for (n, (sheet, part)) in parts.enumerated() {
            let widths = sheet.columns.enumerated().map { i, column in
                column.width.map { min(max($0, 0), 255) }
                    ?? ColumnWidth.fitted(header: ColumnWidth.of(column.title), content: part.widths[i])
            }
            let head = WorksheetXML.head(columns: sheet.columns.count, rows: part.rows, widths: widths, selected: n == 0)
            let tail = WorksheetXML.tail(columns: sheet.columns.count, rows: part.rows)
            guard let rows = part.deflated else { throw .unreadable(path, detail: "工作表“\(part.name)”未写完") }
            try zip.add("xl/worksheets/sheet\(n + 1).xml", pieces: [.data(Data(head.utf8)), .deflated(rows), .data(Data(tail.utf8))])
        }
        try zip.finish()
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
