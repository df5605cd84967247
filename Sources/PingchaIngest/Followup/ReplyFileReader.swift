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
    static let table = ColumnTable(name: "整改回复登记表", sheetName: "整改回复", columns: [
        .init("department", ["department", "执法主体", "执法部门", "部门", "单位"], required: true),
        .init("case_id", ["case_id", "案件编号", "案号", "案卷编号"]),
        .init("rule", ["rule", "细则", "细则编号", "规则", "问题编号"]),
        .init("event", ["event", "事项", "事件", "环节", "进展"], required: true),
        .init("document", ["document", "文书", "文书种类"]),
        .init("date", ["date", "日期", "时间"], required: true),
        .init("number", ["number", "document_number", "文号", "文书编号", "发文字号"]),
        .init("note", ["note", "备注", "说明", "理由"]),
    ])

    /// The rows read, the errors found, and the SHA-256 of the file's bytes.
    public static func read(path: String, encoding: EncodingChoice = .auto) throws(PingchaError)
        -> (rows: [FollowupReplyRow], errors: [PingchaError], sha256: String) {
        let (lines, readErrors) = try table.read(path: path, encoding: encoding)
        var errors = readErrors
        var rows: [FollowupReplyRow] = []
        for line in lines {
            let before = errors.count
            func error(_ column: String, _ message: String) { errors.append(.located(line.at(column), message)) }
            let department = line["department"]
            if department == nil { error("department", "缺少执法主体") }
            var parsedEvent: (FollowupEvent, FollowupEvent.ReexamOutcome?)?
            if let text = line["event"] {
                parsedEvent = FollowupEvent.parse(text)
                if parsedEvent == nil { error("event", "事项“\(text)”无效，应为 \(FollowupEvent.spellings)") }
            } else {
                error("event", "缺少事项（\(FollowupEvent.spellings)）")
            }
            var date: CivilDate?
            if let text = line["date"] {
                date = DateParser.parse(text)
                if date == nil { error("date", "日期“\(text)”无效，应为如 2025-03-20 的日期") }
            } else {
                error("date", "缺少日期")
            }
            var document: FollowupDocumentKind?
            if let text = line["document"] {
                document = FollowupDocumentKind.parse(text)
                if document == nil { error("document", "文书“\(text)”无效，应为 通知书、意见书 或 决定书") }
            }
            if line["rule"] != nil && line["case_id"] == nil {
                error("rule", "写了细则但没有案件编号：细则须对应一件案卷")
            }
            guard errors.count == before, let department, let (e, outcome) = parsedEvent, let date else { continue }
            rows.append(FollowupReplyRow(department: department, caseId: line["case_id"], rule: line["rule"], event: e, outcome: outcome,
                                         document: document, date: date, number: line["number"], note: line["note"],
                                         location: line.location, columns: line.columns))
        }
        return (rows, errors, SHA256Digest.hex(of: try ChunkedFile(path: path)))
    }

}
