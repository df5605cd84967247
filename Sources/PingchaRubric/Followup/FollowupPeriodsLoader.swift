import Foundation
import PingchaModel
import Yams
import PingchaCatalogue

extension FollowupPeriods {
    /// Where the periods live unless `--periods` names another file.
    public static let defaultPath = "rubrics/followup/periods.yaml"

    /// The file at `path`; for the default path in a folder without it (a `report` or `followup`
    /// run away from the project), the copy built into the program.
    public static func load(path: String = defaultPath) throws(PingchaError) -> FollowupPeriods {
        if path == defaultPath && !FileManager.default.fileExists(atPath: path) {
            return try parse(yaml: String(decoding: PackageResources.followup_periods_yaml, as: UTF8.self), path: path + "（内置）")
        }
        return try parse(yaml: try TextFile.read(path), path: path)
    }

    static let topKeys = ["id", "version", "title", "periods", "warn_within"]
    static let periodKeys = ["title", "length", "unit", "from", "basis"]
    static let warnKeys = ["length", "unit", "basis"]

    /// Parses and checks the file: every key known, every period present with a positive whole
    /// length, a unit of 工作日 or 日 and its basis; each complaint with `file:line:col`, all of
    /// them together.
    public static func parse(yaml: String, path: String) throws(PingchaError) -> FollowupPeriods {
        let reader = YAMLReader(path: path)
        guard let root = try reader.parse(yaml) else { throw .located(SourceLocation(file: path), "整改期限文件是空的") }
        var errors: [PingchaError] = []
        func fail(_ node: Node, _ text: String) { errors.append(.located(reader.location(node), text)) }

        let top = try reader.mapping(root, allowed: topKeys, required: topKeys, context: "整改期限文件")
        func value(_ key: String) -> Node { top.first { $0.key == key }!.value }
        let id = try reader.string(value("id"), key: "id")
        let version = try reader.string(value("version"), key: "version")
        let title = try reader.string(value("title"), key: "title")

        func period(_ node: Node, keys: [String], context: String) throws(PingchaError) -> Period? {
            let entries = try reader.mapping(node, allowed: keys, required: keys, context: context)
            var texts: [String: String] = [:]
            var length: Int?
            var unit: Unit?
            for e in entries {
                let text = try reader.string(e.value, key: e.key)
                switch e.key {
                case "length":
                    if let n = Int(text), n > 0, n <= 3650 { length = n } else { fail(e.value, "\(context)的 length 应为正整数（天数），不是“\(text)”") }
                case "unit":
                    if let u = Unit(rawValue: text) { unit = u } else { fail(e.value, "\(context)的 unit 应为“工作日”或“日”，不是“\(text)”") }
                default:
                    if text.allSatisfy(\.isWhitespace) { fail(e.value, "\(context)的 \(e.key) 不能为空") }
                    texts[e.key] = text
                }
            }
            guard let length, let unit else { return nil }
            return Period(title: texts["title"] ?? context, length: length, unit: unit, from: texts["from"] ?? "", basis: texts["basis"] ?? "")
        }

        var periods: [Kind: Period] = [:]
        let periodsNode = value("periods")
        let entries = try reader.mapping(periodsNode, allowed: Kind.allCases.map(\.rawValue),
                                         required: Kind.allCases.map(\.rawValue), context: "periods ")
        for e in entries {
            guard let kind = Kind(rawValue: e.key) else { continue }
            if let p = try period(e.value, keys: periodKeys, context: "期限 \(e.key) ") { periods[kind] = p }
        }
        let warn = try period(value("warn_within"), keys: warnKeys, context: "warn_within ")
        guard errors.isEmpty, let warn else {
            throw errors.count == 1 ? errors[0] : .several(errors, summary: "整改期限文件有 \(errors.count) 处错误")
        }
        return FollowupPeriods(id: id, version: version, title: title, path: path, source: yaml,
                               periods: periods, warnWithin: warn)
    }
}
