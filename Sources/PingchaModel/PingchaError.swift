/// Every error the tool reports to a user. Each carries its location; ``message`` renders it
/// in Chinese in this one place, so wording stays consistent across commands.
public enum PingchaError: Error, Equatable, Sendable, CustomStringConvertible {
    // Configuration files (field catalogue, mapping files).
    case yamlSyntax(SourceLocation, detail: String)
    case unknownKey(SourceLocation, key: String, allowed: [String])
    case missingKey(SourceLocation, key: String, context: String)
    case wrongNodeKind(SourceLocation, key: String, expected: String)
    case unknownFieldType(SourceLocation, type: String, allowed: [String])
    case duplicateFieldId(SourceLocation, id: String, firstLine: Int)
    case duplicateAlias(SourceLocation, alias: String, field: String, otherField: String, otherLine: Int)
    case invalidFieldId(SourceLocation, id: String)
    case enumWithoutValues(SourceLocation, field: String)
    case unknownField(SourceLocation, field: String, suggestion: String?)
    case unknownEnumValue(SourceLocation, field: String, value: String, allowed: [String])
    /// A catalogue (`--fields`) without fields the store keeps every case by (`CaseKeyFields`
    /// in PingchaStore), each as `id（中文名）`.
    case catalogueLacksKeyFields(SourceLocation, missing: [String])

    // Input files.
    case fileNotFound(String)
    case unreadable(String, detail: String)
    /// An output that could not be written whole (a full disk, a missing folder): the file is
    /// named and the cause given, so that "无法读取" never stands for a failed write.
    case unwritable(String, detail: String)
    case noCSVFiles(String)
    case emptyFile(String)
    case undecodable(SourceLocation, encoding: String)
    case unsupportedEncoding(String, detail: String)
    case missingRequiredColumns(String, missing: [MissingColumn])
    /// A workbook none of whose sheets (or not the one `--sheet` named) holds cases.
    case noCaseSheet(String, skipped: [SkippedSheet])
    /// `--sheet NAME` names no sheet of the workbook.
    case sheetNotFound(String, sheet: String, available: [String])
    /// A file that is no export the tool reads (a Word document, a PDF, a WPS or Numbers file).
    case unsupportedFormat(String, detail: String)

    /// A located problem whose message is already in Chinese (rubrics, fixtures, scoresheets).
    case located(SourceLocation, String)
    /// Several problems found together (every error of a rubric or scoresheet), one a line.
    indirect case several([PingchaError], summary: String)

    // Usage.
    case invalidOption(String)

    // Working-day calendar (`data/calendar/calendar.yaml`, `--calendar FILE`). `kind` names the
    // list a date came from as the message shows it: 休息日 (`rest`) or 调休上班日 (`work`).
    case calendarBadDate(SourceLocation, text: String)
    case calendarReversedRange(SourceLocation, text: String)
    case calendarBadYear(SourceLocation, text: String)
    case calendarNoYears(SourceLocation)
    case calendarYearGap(SourceLocation, missing: [Int])
    case calendarDuplicateKey(SourceLocation, key: String, firstLine: Int)
    case calendarDuplicateDate(SourceLocation, date: String, kind: String, firstKind: String, firstLine: Int)
    case calendarWorkDayNotWeekend(SourceLocation, date: String, weekday: Int)
    case calendarDateOutsideYear(SourceLocation, date: String, kind: String, year: Int)
    case calendarPreviousYearMissing(SourceLocation, date: String, kind: String, year: Int)

    /// A worksheet that was looked at and not read, and why (its own refusal).
    public struct SkippedSheet: Equatable, Sendable {
        public var name: String
        public var reason: String
        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// A required field with no column, and the headers present that come closest to it.
    public struct MissingColumn: Equatable, Sendable {
        public var field: String
        public var chineseName: String
        public var nearest: [String]
        public init(field: String, chineseName: String, nearest: [String]) {
            self.field = field
            self.chineseName = chineseName
            self.nearest = nearest
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .yamlSyntax(let l, _), .unknownKey(let l, _, _), .missingKey(let l, _, _),
             .wrongNodeKind(let l, _, _), .unknownFieldType(let l, _, _),
             .duplicateFieldId(let l, _, _), .duplicateAlias(let l, _, _, _, _),
             .invalidFieldId(let l, _), .enumWithoutValues(let l, _), .unknownField(let l, _, _),
             .unknownEnumValue(let l, _, _, _), .catalogueLacksKeyFields(let l, _), .undecodable(let l, _), .located(let l, _):
            return l
        case .calendarBadDate(let l, _), .calendarReversedRange(let l, _), .calendarBadYear(let l, _),
             .calendarNoYears(let l), .calendarYearGap(let l, _), .calendarDuplicateKey(let l, _, _),
             .calendarDuplicateDate(let l, _, _, _, _), .calendarWorkDayNotWeekend(let l, _, _),
             .calendarDateOutsideYear(let l, _, _, _), .calendarPreviousYearMissing(let l, _, _, _):
            return l
        case .fileNotFound(let f), .unreadable(let f, _), .unwritable(let f, _), .noCSVFiles(let f), .emptyFile(let f),
             .unsupportedEncoding(let f, _), .missingRequiredColumns(let f, _), .noCaseSheet(let f, _),
             .sheetNotFound(let f, _, _), .unsupportedFormat(let f, _):
            return SourceLocation(file: f)
        case .invalidOption, .several:
            return nil
        }
    }

    /// The Chinese message, prefixed with `file:line:col: ` where there is a location.
    public var message: String {
        let text: String
        switch self {
        case .yamlSyntax(_, let detail):
            text = "YAML 语法错误：\(detail)"
        case .unknownKey(_, let key, let allowed):
            let hint = Suggestion.nearest(to: key, among: allowed).map { "，是否为 \($0)？" } ?? "（可用的键：\(allowed.joined(separator: "、"))）"
            text = "未知的键 \(key)\(hint)"
        case .missingKey(_, let key, let context):
            text = "\(context)缺少必填的键 \(key)"
        case .wrongNodeKind(_, let key, let expected):
            // “应为 true 或 false”: a space before a Latin word, as everywhere else.
            text = "\(key) 应为\(expected.first?.isASCII == true ? " " : "")\(expected)"
        case .unknownFieldType(_, let type, let allowed):
            let hint = Suggestion.nearest(to: type, among: allowed).map { "，是否为 \($0)？" } ?? ""
            text = "未知的字段类型 \(type)\(hint)（可用类型：\(allowed.joined(separator: "、"))）"
        case .duplicateFieldId(_, let id, let firstLine):
            text = "字段 \(id) 重复定义（第一次定义在第\(firstLine)行）"
        case .duplicateAlias(_, let alias, let field, let other, let otherLine):
            text = "表头别名“\(alias)”同时属于字段 \(field) 和字段 \(other)（第\(otherLine)行），一个表头只能对应一个字段"
        case .invalidFieldId(_, let id):
            text = "字段标识 \(id) 不合规：只能使用小写字母、数字和下划线，并以字母开头"
        case .enumWithoutValues(_, let field):
            text = "枚举字段 \(field) 没有列出取值（values）"
        case .unknownField(_, let field, let suggestion):
            text = "未知字段 \(Suggestion.shown(field))" + (suggestion.map { "，是否为 \($0)？" } ?? "")
        case .unknownEnumValue(_, let field, let value, let allowed):
            text = "字段 \(field) 没有取值“\(value)”（可用取值：\(allowed.joined(separator: "、"))）"
        case .catalogueLacksKeyFields(_, let missing):
            text = "字段目录缺少保存案件必需的字段 \(missing.joined(separator: "、"))：数据库按案件编号、执法主体和执法类别保存每个案件，"
                + "请在字段目录中加入（定义可从 rubrics/fields.yaml 复制）；本次运行未保存任何结果"
        case .fileNotFound:
            text = "找不到文件或文件夹"
        case .unreadable(_, let detail):
            text = "无法读取：\(detail)"
        case .unwritable(_, let detail):
            text = "无法写入：\(detail)"
        case .noCSVFiles:
            text = "文件夹中没有可读取的导出文件（.csv、.txt、.xlsx、.xls）"
        case .emptyFile:
            text = "文件是空的，没有表头行"
        case .undecodable(_, let encoding):
            text = "无法按 \(encoding) 解码此处的字节；请确认文件编码（可用 --encoding utf8 或 --encoding gb18030 指定）"
        case .unsupportedEncoding(_, let detail):
            text = detail
        case .missingRequiredColumns(_, let missing):
            let parts = missing.map { m -> String in
                let near = m.nearest.isEmpty ? "" : "（最接近的表头：\(m.nearest.map { "“\(Suggestion.shown($0))”" }.joined(separator: "、"))）"
                return "\(m.field)（\(m.chineseName)）\(near)"
            }
            text = "缺少必需的列：\(parts.joined(separator: "；"))。本文件未导入；可用 --mapping 指定表头对应关系"
        case .noCaseSheet(_, let skipped):
            let sheets = skipped.map { "工作表“\($0.name)”：\($0.reason)" }.joined(separator: "；")
            text = "工作簿中没有可导入的案件工作表（表头须包含案件编号、执法主体、执法类别）。\(sheets)"
        case .sheetNotFound(_, let sheet, let available):
            text = "工作簿中没有名为“\(sheet)”的工作表（现有：\(available.map { "“\($0)”" }.joined(separator: "、"))）；请检查 --sheet"
        case .unsupportedFormat(_, let detail):
            text = detail
        case .invalidOption(let detail):
            text = detail
        case .located(_, let detail):
            text = detail
        case .several(let errors, let summary):
            text = (errors.map(\.message) + [summary]).joined(separator: "\n")
        case .calendarBadDate(_, let t):
            text = "日期“\(t)”无效：应为真实日期 YYYY-MM-DD，连续的日子写作 YYYY-MM-DD..YYYY-MM-DD"
        case .calendarReversedRange(_, let t):
            text = "日期区间“\(t)”的结束日期早于开始日期"
        case .calendarBadYear(_, let t):
            text = "年份“\(t)”无效：years 下的键应为四位数的年份，如 2024"
        case .calendarNoYears:
            text = "日历没有任何年份（years 为空）"
        case .calendarYearGap(_, let missing):
            text = "年份不连续：缺少 \(missing.map(String.init).joined(separator: "、")) 年（日历覆盖的年份必须连续）"
        case .calendarDuplicateKey(_, let key, let firstLine):
            text = "键 \(key) 重复出现（第一次在第\(firstLine)行）"
        case .calendarDuplicateDate(_, let date, let kind, let firstKind, let firstLine):
            text = kind == firstKind
                ? "\(kind) \(date) 重复：第\(firstLine)行已经列出（日期和区间不能重复或重叠）"
                : "\(date) 在第\(firstLine)行已列为\(firstKind)，不能同时列为\(kind)"
        case .calendarWorkDayNotWeekend(_, let date, let weekday):
            let names = ["一", "二", "三", "四", "五", "六", "日"]
            text = "调休上班日 \(date) 是星期\(names[min(max(weekday, 1), 7) - 1])，不是周末：work 只列需要上班的星期六、星期日"
        case .calendarDateOutsideYear(_, let date, let kind, let year):
            text = "\(kind) \(date) 不属于 \(year) 年：每年只列本年的日期（跨年的元旦安排可以从上一年12月开始）"
        case .calendarPreviousYearMissing(_, let date, let kind, let year):
            text = "\(kind) \(date) 属于 \(year - 1) 年，但日历没有 \(year - 1) 年：请先加入 \(year - 1) 年的安排"
        }
        if let location { return "\(location): \(text)" }
        return text
    }

    public var description: String { message }
}
