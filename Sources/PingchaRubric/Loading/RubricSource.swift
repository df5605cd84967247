import PingchaModel
import Yams
import PingchaCatalogue

/// One YAML file being loaded: its path, text (to place errors inside block scalars) and
/// parsed root.
struct RubricSource {
    var path: String
    var text: String
    var root: Node?

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line, column: node.mark?.column)
    }

    /// Where the character at `offset` of an expression written in `node` is in the file.
    /// Plain and quoted scalars sit on one line after their mark; block scalars (`|`, `>`)
    /// start on the next line at the block's indentation.
    func location(of offset: Int, in node: Node) -> SourceLocation {
        guard let mark = node.mark, let scalar = node.scalar else { return location(node) }
        switch scalar.style {
        case .literal, .folded:
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let before = scalar.string.unicodeScalars.prefix(offset)
            let lineInBlock = before.filter { $0 == "\n" }.count
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0)
            let lineNumber = mark.line + 1 + lineInBlock
            var indent = 0
            if lineNumber - 1 < lines.count {
                indent = lines[lineNumber - 1].unicodeScalars.prefix { $0 == " " }.count
            }
            return SourceLocation(file: path, line: lineNumber, column: indent + column + 1)
        case .singleQuoted, .doubleQuoted:
            return SourceLocation(file: path, line: mark.line, column: mark.column + 1 + offset)
        default:
            return SourceLocation(file: path, line: mark.line, column: mark.column + offset)
        }
    }
}

extension RubricLoader {
    func report(_ source: RubricSource, _ node: Node, _ message: String) {
        report(source.location(node), message)
    }

    func report(_ location: SourceLocation, _ message: String) {
        appendError(.located(location, message))
    }

    func read(_ path: String, includedFrom: (RubricSource, Node)? = nil) -> RubricSource? {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            if let (source, node) = includedFrom, case .fileNotFound = error {
                report(source, node, "找不到包含的片段文件 \(path)")
            } else {
                appendError(error)
            }
            return nil
        }
        do {
            guard let root = try YAMLReader(path: path).parse(text) else {
                report(SourceLocation(file: path, line: 1, column: 1), "文件是空的")
                return nil
            }
            return RubricSource(path: path, text: text, root: root)
        } catch {
            appendError(error)
            return nil
        }
    }

    /// The entries of a mapping node; unknown keys are reported (with a suggestion) and skipped.
    func mapping(_ node: Node, _ source: RubricSource, context: String, allowed: [String]) -> [String: (key: Node, value: Node)]? {
        guard let map = node.mapping else {
            report(source, node, "\(context)应为“键: 值”映射")
            return nil
        }
        var out: [String: (key: Node, value: Node)] = [:]
        for (k, v) in map {
            let key = k.string ?? ""
            guard allowed.contains(key) else {
                let near = Suggestion.nearest(to: key, among: allowed)
                report(source, k, "未知的键 \(key)" + (near.map { "，是否为 \($0)？" } ?? "（可用的键：\(allowed.joined(separator: "、"))）"))
                continue
            }
            if out[key] != nil { report(source, k, "键 \(key) 重复") }
            out[key] = (k, v)
        }
        return out
    }

    func scalar(_ node: Node, _ source: RubricSource, _ key: String) -> String? {
        guard let s = node.scalar?.string else {
            report(source, node, "\(key) 应为单个值")
            return nil
        }
        return s
    }

    func number(_ node: Node, _ source: RubricSource, _ key: String) -> DecimalNumber? {
        guard let text = scalar(node, source, key) else { return nil }
        guard let n = DecimalNumber(text) else {
            report(source, node, "\(key) 应为数字（最多四位小数），这里是“\(text)”")
            return nil
        }
        return n
    }

    /// A positive number of points.
    func points(_ node: Node, _ source: RubricSource, _ key: String) -> DecimalNumber? {
        guard let n = number(node, source, key) else { return nil }
        if n <= .zero {
            report(source, node, "\(key) 应大于 0")
            return nil
        }
        return n
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ source: RubricSource, _ key: String, _: T.Type) -> T?
        where T.RawValue == String {
        guard let text = scalar(node, source, key) else { return nil }
        if let v = T(rawValue: text) { return v }
        let allowed = T.allCases.map(\.rawValue)
        let near = Suggestion.nearest(to: text, among: allowed)
        report(source, node, "\(key) 不能是“\(text)”" + (near.map { "，是否为 \($0)？" } ?? "（可用：\(allowed.joined(separator: "、"))）"))
        return nil
    }

    func stringList(_ node: Node, _ source: RubricSource, _ key: String) -> [(String, Node)] {
        if let s = node.scalar { return [(s.string, node)] }
        guard let seq = node.sequence else {
            report(source, node, "\(key) 应为列表")
            return []
        }
        return seq.compactMap { item in scalar(item, source, key).map { ($0, item) } }
    }

    /// Compiles an expression written in `node`, reporting errors at their exact position.
    func expression<T>(_ node: Node, _ source: RubricSource, key: String, _ compile: (String) throws(ExpressionError) -> T) -> T? {
        guard let text = scalar(node, source, key) else { return nil }
        do {
            return try compile(text)
        } catch {
            report(source.location(of: error.offset, in: node), error.message)
            return nil
        }
    }
}
