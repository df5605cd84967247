import PingchaModel
import Yams

/// Reads YAML configuration (field catalogue, mapping files, later rubrics) while keeping the
/// position of every node, so that each complaint can say `file:line:col`.
public struct YAMLReader {
    public let path: String

    public init(path: String) { self.path = path }

    /// Parses one document; an empty file gives nil.
    public func parse(_ text: String) throws(PingchaError) -> Node? {
        do {
            // Every scalar is read as text and converted by the reader itself, so no tag is
            // resolved: the default resolver tried regular expressions on every key and value
            // (half of a command's start).
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                throw .yamlSyntax(SourceLocation(file: path, line: mark.line, column: mark.column),
                                  detail: YAMLReader.translate(problem))
            case .duplicatedKeysInMapping(let duplicates, let context):
                // Yams points at the first of the repeated keys (its own text is English and
                // quotes the whole document).
                throw .yamlSyntax(SourceLocation(file: path, line: context.mark.line, column: context.mark.column),
                                  detail: "键 \(duplicates.joined(separator: "、")) 重复（同一层只能写一次，此处是第一次出现）")
            default:
                throw .yamlSyntax(SourceLocation(file: path), detail: "\(error)")
            }
        } catch {
            throw .yamlSyntax(SourceLocation(file: path), detail: "\(error)")
        }
    }

    public func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line, column: node.mark?.column)
    }

    /// The entries of a mapping node, checking keys against `allowed` and `required`.
    public func mapping(_ node: Node, allowed: [String], required: [String] = [], context: String)
        throws(PingchaError) -> [(key: String, keyNode: Node, value: Node)] {
        guard let map = node.mapping else { throw .wrongNodeKind(location(node), key: context, expected: "键值映射") }
        var entries: [(String, Node, Node)] = []
        for (k, v) in map {
            let key = k.string ?? ""
            if !allowed.contains(key) { throw .unknownKey(location(k), key: key, allowed: allowed) }
            entries.append((key, k, v))
        }
        for r in required where !entries.contains(where: { $0.0 == r }) {
            throw .missingKey(location(node), key: r, context: context)
        }
        return entries
    }

    public func string(_ node: Node, key: String) throws(PingchaError) -> String {
        guard let s = node.scalar?.string else { throw .wrongNodeKind(location(node), key: key, expected: "文本") }
        return s
    }

    public func bool(_ node: Node, key: String) throws(PingchaError) -> Bool {
        guard let s = node.scalar?.string else { throw .wrongNodeKind(location(node), key: key, expected: "true 或 false") }
        switch s.lowercased() {
        case "true", "yes", "是": return true
        case "false", "no", "否": return false
        default: throw .wrongNodeKind(location(node), key: key, expected: "true 或 false")
        }
    }

    /// A sequence of scalars; a single scalar counts as a one-item list.
    public func strings(_ node: Node, key: String) throws(PingchaError) -> [(String, Node)] {
        if let s = node.scalar { return [(s.string, node)] }
        guard let seq = node.sequence else { throw .wrongNodeKind(location(node), key: key, expected: "列表") }
        var out: [(String, Node)] = []
        for item in seq {
            guard let s = item.scalar?.string else { throw .wrongNodeKind(location(item), key: key, expected: "文本列表") }
            out.append((s, item))
        }
        return out
    }

    static func translate(_ problem: String) -> String {
        switch problem {
        case "mapping values are not allowed in this context": return "此处不能出现“键: 值”（常见原因：冒号后缺少空格或缩进错误）"
        case "did not find expected key": return "找不到预期的键（常见原因：缩进不一致）"
        case "found character that cannot start any token": return "出现了不能开始任何内容的字符（常见原因：使用了制表符缩进）"
        case "did not find expected '-' indicator": return "缺少列表项的“-”（常见原因：缩进不一致）"
        case "found unexpected end of stream": return "文件意外结束（常见原因：引号未闭合）"
        case "found a tab character that violates indentation": return "缩进中有制表符（Tab），请改用空格"
        case "did not find expected ',' or ']'": return "缺少“,”或“]”（常见原因：方括号未闭合）"
        case "did not find expected ',' or '}'": return "缺少“,”或“}”（常见原因：花括号未闭合）"
        case "could not find expected ':'": return "缺少“:”（常见原因：键后面漏写冒号，或引号未闭合）"
        case "found unknown escape character": return "双引号中有不认识的转义字符“\\”（反斜杠请写成“\\\\”，或改用单引号）"
        case "did not find expected node content": return "此处缺少内容（常见原因：多余的“-”“,”或缩进错误）"
        case "block sequence entries are not allowed in this context": return "此处不能出现列表项“-”（常见原因：缩进错误）"
        case "did not find expected comment or line break": return "此处应换行（常见原因：引号后还有多余的文字）"
        default: return problem
        }
    }
}
