import PingchaModel

extension ReportSettings {
    static let keys = ["organisation", "document_number", "recipients", "date", "list_limit", "notice_case_limit", "name_masking", "mask_all"]
        + BulletinContent.keys

    /// Reads `settings.yaml`; keys left out keep their defaults.
    public static func parse(yaml: String, path: String) throws(PingchaError) -> ReportSettings {
        var settings = ReportSettings()
        let reader = YAMLReader(path: path)
        guard let root = try reader.parse(yaml) else { return settings }
        for (key, _, value) in try reader.mapping(root, allowed: keys, context: "settings.yaml") {
            let text = value.scalar?.string.trimmingSpaces ?? ""
            switch key {
            case "organisation":
                guard !text.isEmpty else { throw .located(reader.location(value), "organisation（发文机关）不能为空") }
                settings.organisation = text
            case "document_number": settings.documentNumber = text.isEmpty ? nil : text
            case "recipients": settings.recipients = text
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
}
