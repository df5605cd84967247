import PingchaModel

/// Why a row was rejected (退回原因). Rendered in Chinese by ``message``.
public enum RejectReason: Sendable, Equatable {
    case fieldCount(expected: Int, actual: Int)
    case missingRequired(field: String, name: String)
    case invalidRequired(field: String, name: String, raw: String, expected: String)
    case duplicate(department: String, caseId: String, firstFile: String, firstLine: Int)
    case unterminatedQuote
    case oversized

    public var message: String {
        switch self {
        case .fieldCount(let expected, let actual):
            return "字段数为\(actual)，表头有\(expected)列" + (actual > expected ? "（可能有未加引号的逗号或未配对的引号）" : "")
        case .missingRequired(let field, let name):
            return "缺少必填字段 \(field)（\(name)）"
        case .invalidRequired(let field, let name, let raw, let expected):
            return "必填字段 \(field)（\(name)）的值“\(raw)”无效，应为\(expected)"
        case .duplicate(let department, let caseId, let firstFile, let firstLine):
            return "与 \(firstFile) 第\(firstLine)行重复：执法主体“\(department)”的案件编号“\(caseId)”已出现过"
        case .unterminatedQuote:
            return "引号未闭合：从此行起到文件末尾都在一个带引号的字段里"
        case .oversized:
            return "一条记录超过 8 MB（很可能是未配对的引号），已跳过到引号闭合处"
        }
    }

    /// A short machine-readable kind, for CSV outputs and grouping.
    public var kind: String {
        switch self {
        case .fieldCount: return "field_count"
        case .missingRequired: return "missing_required"
        case .invalidRequired: return "invalid_required"
        case .duplicate: return "duplicate"
        case .unterminatedQuote: return "unterminated_quote"
        case .oversized: return "oversized"
        }
    }
}

/// A rejected row (退回的行): where it was, why, and its raw text.
public struct Reject: Sendable, Equatable {
    public var file: String
    public var line: Int
    /// Last physical line of the record (differs from `line` for multi-line records).
    public var endLine: Int
    /// Every reason the row fails (a row may miss two required fields).
    public var reasons: [RejectReason]
    public var raw: String
    /// The worksheet, for a row of a workbook.
    public var sheet: String? = nil

    /// The reasons, after the worksheet when there is one: stored and written to rejects.csv,
    /// whose file and line columns do not name a sheet.
    public var message: String { (sheet.map { "工作表“\($0)”：" } ?? "") + reasonText }
    /// The reasons alone.
    public var reasonText: String { reasons.map(\.message).joined(separator: "；") }
    /// Where the row is, in words: `第5行`, `第5–7行`, or `工作表“案件” 第5行`.
    public var position: String {
        let lines = endLine > line ? "第\(line)–\(endLine)行" : "第\(line)行"
        return (sheet.map { "工作表“\($0)” " } ?? "") + lines
    }
}

/// A data-quality warning (数据质量警告): a value that could not be used and was set missing,
/// or something else about the file worth knowing.
public struct ValueWarning: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// An optional value that did not parse; the field is missing for this case.
        case invalidValue = "invalid_value"
        /// A value that was used, with a remark (unknown list items kept).
        case note = "note"
        /// A column that maps to no field (reported once per file).
        case unmappedColumn = "unmapped_column"
        /// A second column for a field that already has one (ignored).
        case duplicateColumn = "duplicate_column"
        /// Bytes not valid in the file's encoding (read as U+FFFD).
        case invalidBytes = "invalid_bytes"
        /// A workbook cell holding an error value (`#N/A`); the field is missing for this case.
        case cellError = "cell_error"
        /// A totals or notes row below the cases (合计, 填报说明, 制表人); `raw` holds its label.
        case skippedRow = "skipped_row"
        /// A hidden worksheet whose cases were read; `raw` holds how many.
        case hiddenSheet = "hidden_sheet"
        /// A quoted CSV field with text after its closing quote, read as one value as Excel
        /// reads it (the rest of the row and the rows after it were kept apart).
        case textAfterQuote = "text_after_quote"
    }

    public var kind: Kind
    public var file: String
    public var line: Int?
    /// 1-based column number.
    public var column: Int?
    public var header: String?
    public var field: String?
    public var raw: String?
    /// What was expected, or the remark.
    public var detail: String
    /// The worksheet, for a cell of a workbook.
    public var sheet: String? = nil

    /// Where the value is: `file:line:col` for a text export (what editors recognise), and
    /// `file 工作表“S” 第N行 第C列（表头）` for a workbook, as Excel and WPS show a cell.
    public var position: String {
        guard let sheet else {
            var where_ = file
            if let line { where_ += ":\(line)" }
            if let column { where_ += ":\(column)" }
            return where_
        }
        var where_ = "\(file) 工作表“\(sheet)”"
        if let line { where_ += " 第\(line)行" }
        if let column { where_ += " 第\(ColumnLetters.name(column))列" + (header.map { "（\($0)）" } ?? "") }
        return where_
    }

    /// The cell's place within its file, as `inspect` lists it under the file's name.
    public var cellPosition: String {
        let cell = "第\(line ?? 0)行" + (column.map { sheet == nil ? "第\($0)列" : "第\(ColumnLetters.name($0))列" } ?? "")
        return (sheet.map { "工作表“\($0)” " } ?? "") + cell
    }

    public var message: String {
        let where_ = position
        let what: String
        switch kind {
        case .invalidValue:
            what = "列“\(header ?? "")”（\(field ?? "")）的值“\(raw ?? "")”无效，应为\(detail)；按缺失处理"
        case .note:
            what = "列“\(header ?? "")”（\(field ?? "")）：\(detail)"
        case .unmappedColumn:
            what = "列“\(header ?? "")”不对应任何字段，已忽略" + (detail.isEmpty ? "" : "（\(detail)）")
        case .duplicateColumn:
            what = "列“\(header ?? "")”与前面的列同为字段 \(field ?? "")，已忽略"
        case .invalidBytes:
            what = "有不属于\(detail)编码的字节，已替换为“\u{FFFD}”"
        case .skippedRow:
            what = "“\(raw ?? "")”行是合计、说明、重复的表头或分组标题行，不是案件，已跳过（计入读取行数，不计入案件）"
        case .cellError:
            what = "单元格是错误值“\(raw ?? "")”（公式出错或引用失效），按缺失处理" + (detail.isEmpty ? "" : "（\(detail)）")
        case .textAfterQuote:
            what = "列“\(header ?? "")”的引号后还有文字，已按 Excel 的读法把引号内外的文字连成一个值“\(raw ?? "")”；请核对"
        case .hiddenSheet:
            what = "是隐藏的工作表，其中 \(raw ?? "") 件案件已读入；不应计入的，请删除该工作表或用 --sheet 指定要读的工作表"
        }
        return "\(where_): \(what)"
    }
}
