import Foundation
import PingchaModel

/// One line of a reply file (整改回复登记表): what happened to which items, when.
public struct FollowupReplyRow: Sendable, Equatable {
    public var department: String
    /// Nil: every item of the department.
    public var caseId: String?
    /// Nil: every item of the case (or of the department).
    public var rule: String?
    public var event: FollowupEvent
    /// The decision of a 复查决定.
    public var outcome: FollowupEvent.ReexamOutcome?
    /// The document a 送达 line serves (文书 column), when given.
    public var document: FollowupDocumentKind?
    public var date: CivilDate
    /// 文号.
    public var number: String?
    public var note: String?
    /// File, sheet and line of the row.
    public var location: SourceLocation
    /// The 1-based column of each column the file has (`department`, `case_id`, …), so that a
    /// later check can point at the cell it refuses.
    public var columns: [String: Int]

    /// The position of the row's cell in `column` (the row alone when the file lacks it).
    public func at(_ column: String) -> SourceLocation {
        var l = location
        l.column = columns[column]
        return l
    }
}

/// Reads reply files as CSV (any encoding the exports use) or workbooks (`.xlsx`, `.xls`: every
/// sheet with the columns), like the scoresheet reader: columns `department`, `case_id`,
/// `rule`, `event`, `document`, `date`, `number`, `note`, or their Chinese headers (执法主体,
/// 案件编号, 细则, 事项, 文书, 日期, 文号, 备注). Required: department, event, date. Every bad
/// cell is reported with file, sheet, line and column; the caller refuses a file with any.
public enum ReplyFileReader {
    static let columns: [String: [String]] = [
        "department": ["department", "执法主体", "执法部门", "部门", "单位"],
        "case_id": ["case_id", "案件编号", "案号", "案卷编号"],
        "rule": ["rule", "细则", "细则编号", "规则", "问题编号"],
        "event": ["event", "事项", "事件", "环节", "进展"],
        "document": ["document", "文书", "文书种类"],
        "date": ["date", "日期", "时间"],
        "number": ["number", "document_number", "文号", "文书编号", "发文字号"],
        "note": ["note", "备注", "说明", "理由"],
    ]
    static let required = ["department", "event", "date"]

    /// The rows read, the errors found, and the SHA-256 of the file's bytes.
    public static func read(path: String, encoding: EncodingChoice = .auto) throws(PingchaError)
        -> (rows: [FollowupReplyRow], errors: [PingchaError], sha256: String) {
        let file = try ChunkedFile(path: path)
        var rows: [FollowupReplyRow] = []
        var errors: [PingchaError] = []
        switch try InputFormat.detect(file) {
        case .text:
            let detection = try EncodingDetector.detect(file, choice: encoding)
            if let missing = try read(CSVRecordReader(file: file, detection: detection), path: path, sheet: nil, into: &rows, errors: &errors) {
                errors.append(missing)
            }
        case .xlsx:
            let workbook = try WorkbookPackage(path: path)
            try readSheets(workbook.sheets.map(\.name), path: path, into: &rows, errors: &errors) { name in
                SheetRecordReader(package: workbook, sheet: workbook.sheets.first { $0.name == name }!)
            }
        case .xls:
            let workbook = try XLSWorkbook(path: path)
            try readSheets(workbook.sheetNames, path: path, into: &rows, errors: &errors) { name in
                XLSSheetReader(workbook: workbook, index: workbook.sheetNames.firstIndex(of: name)!)
            }
        }
        return (rows, errors, try hash(path))
    }

    static func hash(_ path: String) throws(PingchaError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, detail: "无法读取文件") }
        let digest = SHA256Digest()
        data.withUnsafeBytes { digest.update($0) }
        return digest.finish()
    }

    private static func readSheets(_ names: [String], path: String, into rows: inout [FollowupReplyRow],
                                   errors: inout [PingchaError], reader: (String) -> RecordSource) throws(PingchaError) {
        var found = false
        for name in names {
            var sheetErrors: [PingchaError] = []
            if try read(reader(name), path: path, sheet: name, into: &rows, errors: &sheetErrors) != nil { continue }
            found = true
            errors += sheetErrors
        }
        if !found {
            errors.append(.located(SourceLocation(file: path), "工作簿中没有整改回复工作表（表头须包含执法主体、事项、日期）"))
        }
    }

    /// Reads one source; returns the error when its header lacks a required column.
    private static func read(_ reader: RecordSource, path: String, sheet: String?, into allRows: inout [FollowupReplyRow],
                             errors allErrors: inout [PingchaError]) throws(PingchaError) -> PingchaError? {
        var missingColumns: PingchaError?
        var rows: [FollowupReplyRow] = []
        var errors: [PingchaError] = []
        var index: [String: Int]?
        func error(_ line: Int, _ column: Int?, _ message: String) {
            errors.append(.located(SourceLocation(file: path, line: line, column: column, sheet: sheet), message))
        }
        try reader.read { event in
            switch event {
            case .record(let r):
                if missingColumns != nil { return }
                guard let columns = index else {
                    var map: [String: Int] = [:]
                    for i in 0..<r.fieldCount {
                        let key = HeaderKey(r.string(i)).key
                        for (name, spellings) in Self.columns where map[name] == nil && spellings.contains(where: { HeaderKey($0).key == key }) {
                            map[name] = i
                        }
                    }
                    let missing = required.filter { map[$0] == nil }
                    if !missing.isEmpty {
                        let names = missing.map { "\($0)（\(Self.columns[$0]![1])）" }
                        missingColumns = .located(SourceLocation(file: path, line: r.startLine, sheet: sheet),
                                                  "整改回复登记表缺少必需的列：\(names.joined(separator: "、"))")
                        reader.stopRequested = true
                    }
                    index = map
                    return
                }
                func cell(_ name: String) -> String? {
                    guard let i = columns[name], i < r.fieldCount else { return nil }
                    let v = r.string(i).trimmingSpaces
                    return v.isEmpty ? nil : String(v)
                }
                func col(_ name: String) -> Int? { columns[name].map { $0 + 1 } }
                if (0..<r.fieldCount).allSatisfy({ r.field($0).allSatisfy { $0 == 0x20 } }) { return }
                let before = errors.count
                let department = cell("department")
                if department == nil { error(r.startLine, col("department"), "缺少执法主体") }
                var parsedEvent: (FollowupEvent, FollowupEvent.ReexamOutcome?)?
                if let text = cell("event") {
                    parsedEvent = FollowupEvent.parse(text)
                    if parsedEvent == nil { error(r.startLine, col("event"), "事项“\(text)”无效，应为 \(FollowupEvent.spellings)") }
                } else {
                    error(r.startLine, col("event"), "缺少事项（\(FollowupEvent.spellings)）")
                }
                var date: CivilDate?
                if let text = cell("date") {
                    date = DateParser.parse(text)
                    if date == nil { error(r.startLine, col("date"), "日期“\(text)”无效，应为如 2025-03-20 的日期") }
                } else {
                    error(r.startLine, col("date"), "缺少日期")
                }
                var document: FollowupDocumentKind?
                if let text = cell("document") {
                    document = FollowupDocumentKind.parse(text)
                    if document == nil { error(r.startLine, col("document"), "文书“\(text)”无效，应为 通知书、意见书 或 决定书") }
                }
                if cell("rule") != nil && cell("case_id") == nil {
                    error(r.startLine, col("rule"), "写了细则但没有案件编号：细则须对应一件案卷")
                }
                guard errors.count == before, let department, let (e, outcome) = parsedEvent, let date else { return }
                rows.append(FollowupReplyRow(department: department, caseId: cell("case_id"), rule: cell("rule"), event: e, outcome: outcome,
                                             document: document, date: date, number: cell("number"), note: cell("note"),
                                             location: SourceLocation(file: path, line: r.startLine, sheet: sheet),
                                             columns: columns.mapValues { $0 + 1 }))
            case .unterminatedQuote(let start, _, _), .oversized(let start, _, _):
                error(start, nil, "引号未闭合")
            case .invalidBytes(let line, let column):
                error(line, column, "有无法解码的字节")
            case .cellError(let line, let column, let text):
                error(line, column, "单元格是错误值“\(text)”")
            }
        }
        allRows += rows
        allErrors += errors
        return missingColumns
    }
}
