import PingchaModel
import Yams

/// Loads and validates `rubrics/fields.yaml`.
///
/// Format:
/// ```yaml
/// version: 1
/// fields:
///   - id: procedure
///     type: enum
///     name: 程序类型
///     aliases: [适用程序]
///     values:
///       普通程序: [一般程序]
///       简易程序: [简易, 当场处罚]
/// ```
public enum FieldCatalogueLoader {
    static let fieldKeys = ["id", "type", "name", "aliases", "required", "values", "personal", "note", "unit", "implied_by"]

    /// `--fields FILE`, or the built-in catalogue when no file is given.
    public static func load(optionalPath path: String?) throws(PingchaError) -> FieldCatalogue {
        guard let path else { return .builtIn() }
        return try load(path: path)
    }

    public static func load(path: String) throws(PingchaError) -> FieldCatalogue {
        try load(yaml: try TextFile.read(path), path: path)
    }

    public static func load(yaml: String, path: String) throws(PingchaError) -> FieldCatalogue {
        let reader = YAMLReader(path: path)
        guard let root = try reader.parse(yaml) else {
            throw .missingKey(SourceLocation(file: path, line: 1, column: 1), key: "fields", context: "字段目录")
        }
        var fieldsNode: Node?
        for entry in try reader.mapping(root, allowed: ["version", "fields"], required: ["fields"], context: "字段目录")
            where entry.key == "fields" { fieldsNode = entry.value }
        guard let list = fieldsNode?.sequence else {
            throw .wrongNodeKind(reader.location(fieldsNode ?? root), key: "fields", expected: "字段列表")
        }

        var fields: [FieldDefinition] = []
        var idLines: [String: Int] = [:]
        // Normalised header spelling → (field id, line), to find aliases claimed twice.
        var spellings: [String: (String, Int)] = [:]
        for item in list {
            let field = try parseField(item, reader: reader)
            if let first = idLines[field.id] {
                throw .duplicateFieldId(reader.location(item), id: field.id, firstLine: first)
            }
            idLines[field.id] = field.line
            for spelling in Set(field.headerSpellings.map { HeaderKey($0).key }) {
                if let (other, otherLine) = spellings[spelling], other != field.id {
                    let original = field.headerSpellings.first { HeaderKey($0).key == spelling } ?? spelling
                    throw .duplicateAlias(reader.location(item), alias: original, field: field.id,
                                          otherField: other, otherLine: otherLine)
                }
                spellings[spelling] = (field.id, field.line)
            }
            fields.append(field)
        }
        return FieldCatalogue(fields: fields, source: path)
    }

    static func parseField(_ node: Node, reader: YAMLReader) throws(PingchaError) -> FieldDefinition {
        let entries = try reader.mapping(node, allowed: fieldKeys, required: ["id", "type", "name"], context: "字段定义")
        var field = FieldDefinition(id: "", type: .text, name: "", line: node.mark?.line ?? 0)
        var valuesNode: Node?
        var impliedNode: Node?
        for (key, _, value) in entries {
            switch key {
            case "id":
                field.id = try reader.string(value, key: key)
                if !isValidId(field.id) { throw .invalidFieldId(reader.location(value), id: field.id) }
            case "type":
                let t = try reader.string(value, key: key)
                guard let type = FieldType(rawValue: t) else {
                    throw .unknownFieldType(reader.location(value), type: t, allowed: FieldType.allCases.map(\.rawValue))
                }
                field.type = type
            case "name": field.name = try reader.string(value, key: key)
            case "aliases": field.aliases = try reader.strings(value, key: key).map(\.0)
            case "required": field.required = try reader.bool(value, key: key)
            case "personal": field.personal = try reader.bool(value, key: key)
            case "note": field.note = try reader.string(value, key: key)
            case "unit": field.unit = try reader.string(value, key: key)
            case "values": valuesNode = value
            case "implied_by": impliedNode = value
            default: break
            }
        }
        if let valuesNode { field.values = try parseValues(valuesNode, field: field.id, reader: reader) }
        if let impliedNode {
            guard let map = impliedNode.mapping else { throw .wrongNodeKind(reader.location(impliedNode), key: "implied_by", expected: "映射（表头: 取值）") }
            for (k, v) in map {
                let header = try reader.string(k, key: "implied_by")
                let value = try reader.string(v, key: "implied_by")
                // The implied value must be one the field can hold: a canonical enum value.
                if field.type == .enumeration, !field.values.contains(where: { $0.value == value }) {
                    throw .unknownEnumValue(reader.location(v), field: field.id, value: value, allowed: field.values.map(\.value))
                }
                field.impliedBy.append((header, value))
            }
        }
        if field.type == .enumeration && field.values.isEmpty {
            throw .enumWithoutValues(reader.location(node), field: field.id)
        }
        return field
    }

    /// `values` is either a list of values or a mapping value → synonyms.
    static func parseValues(_ node: Node, field: String, reader: YAMLReader) throws(PingchaError) -> [AllowedValue] {
        if let map = node.mapping {
            var out: [AllowedValue] = []
            for (k, v) in map {
                let value = try reader.string(k, key: "values")
                let synonyms: [String]
                if v.scalar?.string == "" || v.scalar?.string == "~" || v.scalar?.string == "null" { synonyms = [] }
                else { synonyms = try reader.strings(v, key: "values").map(\.0) }
                out.append(AllowedValue(value: value, synonyms: synonyms))
            }
            return out
        }
        return try reader.strings(node, key: "values").map { AllowedValue(value: $0.0) }
    }

    static func isValidId(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
