#if canImport(Glibc)
import Glibc
#endif
import CFreeXL
import PingchaModel

/// An Excel 97–2003 workbook (`.xls`, BIFF8) opened with libfreexl, the maintained reader of
/// the format. FreeXL decodes the whole file when it opens it; the format itself caps a sheet
/// at 65,536 rows × 256 columns, which bounds the memory that takes.
final class XLSWorkbook {
    let path: String
    fileprivate let handle: UnsafeRawPointer
    private(set) var sheetNames: [String] = []

    init(path: String) throws(PingchaError) {
        self.path = path
        var opened: UnsafeRawPointer?
        let status = freexl_open(path, &opened)
        guard status == FREEXL_OK, let opened else {
            if let opened { freexl_close(opened) }
            throw .unreadable(path, detail: "无法读取 .xls 工作簿（文件损坏、加密或不是 Excel 97–2003 格式，FreeXL 错误 \(status)）；请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
        }
        handle = opened
        var protected: UInt32 = 0
        if freexl_get_info(handle, UInt16(FREEXL_BIFF_PASSWORD), &protected) == FREEXL_OK, protected == UInt32(FREEXL_BIFF_OBFUSCATED) {
            throw .unreadable(path, detail: "工作簿设有密码保护；请取消密码后另存为 .xlsx 再导入")
        }
        var count: UInt32 = 0
        guard freexl_get_info(handle, UInt16(FREEXL_BIFF_SHEET_COUNT), &count) == FREEXL_OK else {
            throw .unreadable(path, detail: "无法读取 .xls 工作簿的工作表列表")
        }
        for i in 0..<min(count, UInt32(UInt16.max)) {
            var name: UnsafePointer<CChar>?
            let ok = freexl_get_worksheet_name(handle, UInt16(i), &name) == FREEXL_OK
            sheetNames.append(ok ? name.map { String(cString: $0) } ?? "Sheet\(i + 1)" : "Sheet\(i + 1)")
        }
        if sheetNames.isEmpty { throw .unreadable(path, detail: "工作簿中没有工作表") }
    }

    deinit { freexl_close(handle) }
}

/// One sheet of an `.xls` as records, with the same cell rules as ``SheetRecordReader``:
/// the row number Excel shows, text as written, numbers as Excel shows them, dates (FreeXL
/// gives date-formatted cells as `YYYY-MM-DD`) as dates, trailing empty cells left out.
final class XLSSheetReader: RecordSource {
    let workbook: XLSWorkbook
    let index: Int
    var stopRequested = false
    var sha256: String? { nil }
    private var row = RowBuffer()
    private var text: [UInt8] = []

    init(workbook: XLSWorkbook, index: Int) {
        self.workbook = workbook
        self.index = index
    }

    deinit { row.release() }

    func read(_ onEvent: @escaping (RecordEvent) -> Void) throws(PingchaError) {
        let handle = workbook.handle
        guard freexl_select_active_worksheet(handle, UInt16(index)) == FREEXL_OK else {
            throw .unreadable(workbook.path, detail: "无法读取工作表“\(workbook.sheetNames[index])”")
        }
        var rows: UInt32 = 0
        var columns: UInt16 = 0
        guard freexl_worksheet_dimensions(handle, &rows, &columns) == FREEXL_OK else {
            throw .unreadable(workbook.path, detail: "无法读取工作表“\(workbook.sheetNames[index])”的大小")
        }
        var cell = FreeXL_CellValue()
        for r in 0..<rows {
            if stopRequested { return }
            row.clear()
            var filled = 0
            for c in 0..<columns {
                text.removeAll(keepingCapacity: true)
                if freexl_get_cell_value(handle, r, c, &cell) == FREEXL_OK { append(cell) }
                text.withUnsafeBytes { if let base = $0.baseAddress, !$0.isEmpty { row.append(base, $0.count) } }
                row.endField()
                if !text.isEmpty { filled = Int(c) + 1 }
            }
            guard filled > 0 else { continue }
            onEvent(.record(RecordView(startLine: Int(r) + 1, endLine: Int(r) + 1, bytes: UnsafePointer(row.bytes),
                                       ends: UnsafeBufferPointer(start: row.ends, count: filled))))
        }
    }

    private func append(_ cell: FreeXL_CellValue) {
        switch Int32(cell.type) {
        case FREEXL_CELL_INT:
            text.append(contentsOf: String(cell.value.int_value).utf8)
        case FREEXL_CELL_DOUBLE:
            text.append(contentsOf: CellText.format(cell.value.double_value).utf8)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
            if let value = cell.value.text_value {
                let length = strlen(value)
                value.withMemoryRebound(to: UInt8.self, capacity: length) {
                    text.append(contentsOf: UnsafeBufferPointer(start: $0, count: min(length, SheetRecordReader.cellLimit)))
                }
            }
        default:
            break
        }
    }
}
