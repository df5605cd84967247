import PingchaModel
import PingchaDocuments
import Yams
import PingchaCatalogue

extension ReportSettings {
    static let keys = ["organisation", "document_number", "document_number_seq", "notice_number", "recipients", "copy_to",
                       "printed_by", "printed_on", "date", "list_limit", "notice_case_limit", "xlsx_detail_limit", "name_masking", "mask_all"]
        + BulletinContent.keys
    /// The keys that take a list (of paragraphs, recipients or cases).
    static let listKeys: Set = ["copy_to", "review_steps", "good_practices", "next_steps", "typical_cases"]

    /// Reads `settings.yaml`; keys left out keep their defaults.
    public static func parse(yaml: String, path: String) throws(PingchaError) -> ReportSettings {
        var settings = ReportSettings()
        let reader = YAMLReader(path: path)
        guard let root = try reader.parse(yaml) else { return settings }
        for (key, _, value) in try reader.mapping(root, allowed: keys, context: "报告设置（settings.yaml）") {
            // A list or mapping where one line of text belongs would otherwise be read as empty.
            guard value.scalar != nil || listKeys.contains(key) else {
                throw .wrongNodeKind(reader.location(value), key: key, expected: "一行文字（单个值）")
            }
            let text = value.scalar?.string.trimmingSpaces ?? ""
            switch key {
            case "organisation":
                guard !text.isEmpty else { throw .located(reader.location(value), "organisation（发文机关）不能为空") }
                settings.organisation = text
            case "document_number": settings.documentNumberPattern = try numberPattern(text, value, reader, key: key)
            case "document_number_seq":
                if text.isEmpty { continue }
                guard let n = Int(text), n > 0 else {
                    throw .located(reader.location(value), "document_number_seq 应为正整数（发文字号中的顺序号，不编虚位、不加“第”），而不是「\(text)」")
                }
                settings.documentNumberSeq = n
            case "notice_number": settings.noticeNumberPattern = try numberPattern(text, value, reader, key: key)
            case "recipients": settings.recipients = text
            case "copy_to":
                if value.sequence != nil {
                    settings.copyTo = try reader.strings(value, key: key).map { $0.0.trimmingSpaces }.filter { !$0.isEmpty }
                } else {
                    settings.copyTo = text.isEmpty ? [] : [text]
                }
            case "printed_by": settings.printedBy = text.isEmpty ? nil : text
            case "printed_on":
                if text.isEmpty { continue }
                guard let date = CivilDate(iso: text) else {
                    throw .located(reader.location(value), "printed_on 应为 YYYY-MM-DD 格式的日期，而不是「\(text)」")
                }
                settings.printedOn = date
            case "date":
                if text.isEmpty { continue }
                guard let date = CivilDate(iso: text) else {
                    throw .located(reader.location(value), "date 应为 YYYY-MM-DD 格式的日期，而不是「\(text)」")
                }
                settings.date = date
            case "list_limit":
                guard let n = Int(text), n >= 0 else { throw .located(reader.location(value), "list_limit 应为不小于 0 的整数") }
                settings.listLimit = n
            case "notice_case_limit":
                guard let n = Int(text), n >= 0 else { throw .located(reader.location(value), "notice_case_limit 应为不小于 0 的整数（0 表示全部列出）") }
                settings.noticeCaseLimit = n
            case "xlsx_detail_limit":
                guard let n = Int(text), n >= 0 else {
                    throw .located(reader.location(value), "xlsx_detail_limit 应为不小于 0 的整数（0 表示不限行数）")
                }
                settings.xlsxDetailLimit = n
            case "name_masking":
                guard let mode = NameMasking(rawValue: text) else {
                    throw .located(reader.location(value), "name_masking 应为 surname（姓+某）或 none（保留全名），而不是「\(text)」")
                }
                settings.nameMasking = mode
            case "mask_all": settings.maskAll = try reader.bool(value, key: key)
            default: try settings.content.read(key, value, reader: reader)
            }
        }
        return settings
    }

    /// A 发文字号 pattern: empty means the default; one with a `{` other than the two
    /// placeholders is a typing mistake worth stopping for (it would be printed as is).
    private static func numberPattern(_ text: String, _ value: Node, _ reader: YAMLReader, key: String) throws(PingchaError) -> String {
        if text.isEmpty { return DocumentNumber.defaultPattern }
        let rest = text.replacing(DocumentNumber.yearPlaceholder, with: "").replacing(DocumentNumber.numberPlaceholder, with: "")
        guard !rest.contains("{"), !rest.contains("}") else {
            throw .located(reader.location(value), "\(key) 中只能用 {year}（成文日期的年份）和 {number}（顺序号）两个占位符：\(text)")
        }
        return text
    }
}
