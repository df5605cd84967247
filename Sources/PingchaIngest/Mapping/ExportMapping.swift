import PingchaModel
import Yams
import PingchaCatalogue

/// A `--mapping FILE`: extra header aliases and value synonyms for one department's export,
/// so that an odd export can be read without editing the shared catalogue.
///
/// ```yaml
/// aliases:
///   case_id: [文书号, 处罚文书号]
/// values:
///   procedure:
///     普通程序: [一般案件]
/// ```
public struct ExportMapping: Sendable, Equatable {
    /// Field id → extra header spellings.
    public var aliases: [String: [String]] = [:]
    /// Field id → (synonym → canonical value).
    public var synonyms: [String: [String: String]] = [:]
    public var source: String = ""

    public init(aliases: [String: [String]] = [:], synonyms: [String: [String: String]] = [:], source: String = "") {
        self.aliases = aliases
        self.synonyms = synonyms
        self.source = source
    }

    public static func load(path: String, catalogue: FieldCatalogue) throws(PingchaError) -> ExportMapping {
        try parse(yaml: try TextFile.read(path), path: path, catalogue: catalogue)
    }

    /// The keys a yes/no field's synonyms may be listed under.
    static let boolKeys: [String: Bool] = ["是": true, "否": false, "true": true, "false": false, "yes": true, "no": false]

    public static func parse(yaml: String, path: String, catalogue: FieldCatalogue) throws(PingchaError) -> ExportMapping {
        let reader = YAMLReader(path: path)
        var mapping = ExportMapping(source: path)
        guard let root = try reader.parse(yaml) else { return mapping }
        let ids = catalogue.fields.map(\.id)
        func field(_ node: Node) throws(PingchaError) -> FieldDefinition {
            let id = try reader.string(node, key: "字段")
            guard let f = catalogue[id] else {
                throw .unknownField(reader.location(node), field: id, suggestion: Suggestion.nearest(to: id, among: ids))
            }
            return f
        }
        for (key, _, value) in try reader.mapping(root, allowed: ["aliases", "values"], context: "映射文件") {
            // A section whose entries are all still comments (a suggested mapping) is empty.
            if value.null != nil { continue }
            guard let map = value.mapping else { throw .wrongNodeKind(reader.location(value), key: key, expected: "键值映射") }
            for (k, v) in map {
                let f = try field(k)
                if key == "aliases" {
                    mapping.aliases[f.id, default: []] += try reader.strings(v, key: "aliases").map(\.0)
                } else {
                    if v.null != nil { continue }
                    guard f.type == .enumeration || f.type == .list || f.type == .bool, let inner = v.mapping else {
                        throw .wrongNodeKind(reader.location(v), key: "values.\(f.id)", expected: "“取值: [同义词]”映射（只适用于枚举、列表和是否字段）")
                    }
                    for (canonicalNode, synonymsNode) in inner {
                        var canonical = try reader.string(canonicalNode, key: "values")
                        // A yes/no field's spellings name 是 or 否 (also written true/false).
                        if f.type == .bool {
                            guard let flag = Self.boolKeys[canonical.lowercased()] else {
                                throw .unknownEnumValue(reader.location(canonicalNode), field: f.id, value: canonical, allowed: ["是", "否"])
                            }
                            canonical = flag ? "是" : "否"
                        }
                        if f.type == .enumeration && !f.values.contains(where: { $0.value == canonical }) {
                            throw .unknownEnumValue(reader.location(canonicalNode), field: f.id, value: canonical,
                                                    allowed: f.values.map(\.value))
                        }
                        for (synonym, _) in try reader.strings(synonymsNode, key: "values") {
                            mapping.synonyms[f.id, default: [:]][synonym] = canonical
                        }
                    }
                }
            }
        }
        return mapping
    }
}
