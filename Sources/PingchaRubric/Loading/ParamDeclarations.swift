import PingchaModel
import Yams

/// The params a rubric and its fragments declare, in order, with where each was declared.
struct ParamDeclarations {
    var list: [RubricParam] = []
    var nodes: [String: (RubricSource, Node)] = [:]
}

extension RubricLoader {
    static let paramKeys = ["type", "value", "title", "basis"]

    /// Reads `params: { name: { type, value, title, basis } }`. A fragment included by several
    /// rubrics declares its params once for each; the same name declared again with another
    /// type or value is an error.
    func declareParams(_ node: Node, _ source: RubricSource, into declared: inout ParamDeclarations) {
        guard let map = node.mapping else {
            report(source, node, "params 应为“参数名: { type: …, value: … }”映射")
            return
        }
        for (k, v) in map {
            let name = k.string ?? ""
            guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first),
                  name.unicodeScalars.allSatisfy({ $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
                report(source, k, "参数名“\(name)”只能使用小写字母、数字和“_”，并以字母开头")
                continue
            }
            guard let m = mapping(v, source, context: "参数 \(name) ", allowed: Self.paramKeys) else { continue }
            guard let typeNode = m["type"]?.value, let valueNode = m["value"]?.value else {
                report(source, v, "参数 \(name) 需要 type 和 value")
                continue
            }
            guard let typeName = scalar(typeNode, source, "type") else { continue }
            guard let type = ParamValue.typeNames[typeName] else {
                let names = ParamValue.typeNames.keys.sorted()
                let near = Suggestion.nearest(to: typeName, among: names)
                report(source, typeNode, "参数类型不能是“\(typeName)”" + (near.map { "，是否为 \($0)？" } ?? "（可用：\(names.joined(separator: "、"))）"))
                continue
            }
            guard let value = paramValue(valueNode, source, name: name, type: type) else { continue }
            let param = RubricParam(name: name, value: value, title: m["title"].flatMap { scalar($0.value, source, "title") },
                                    basis: m["basis"].flatMap { scalar($0.value, source, "basis") }, file: source.path)
            if let existing = declared.list.first(where: { $0.name == name }) {
                if existing.value != value {
                    let (otherSource, otherNode) = declared.nodes[name]!
                    report(source, k, "参数 $\(name) 重复声明，与 \(otherSource.location(otherNode)) 的值不同（\(existing.value.display) 和 \(value.display)）")
                }
                continue
            }
            declared.list.append(param)
            declared.nodes[name] = (source, k)
        }
    }

    /// A param value written in YAML (a scalar, or a list for `list`), read as `type`.
    func paramValue(_ node: Node, _ source: RubricSource, name: String, type: ValueType) -> ParamValue? {
        let items = node.sequence.map { seq in seq.compactMap { $0.scalar?.string } }
        if node.sequence != nil, type != .list(.text) {
            report(source, node, "参数 $\(name) 的类型是\(type)，值不能是列表")
            return nil
        }
        if let value = ParamValue.parse(node.scalar?.string, items: items, as: type) { return value }
        let example: String
        switch type {
        case .number: example = "数字，如 2000"
        case .bool: example = "布尔值 true 或 false"
        case .date: example = "YYYY-MM-DD 形式的日期"
        default: example = "\(type)"
        }
        report(source, node, "参数 $\(name) 的值“\(node.scalar?.string ?? "")”不是\(type)（应为\(example)）")
        return nil
    }
}
