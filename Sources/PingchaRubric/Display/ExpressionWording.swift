import PingchaModel

/// An expression read aloud in plain Chinese, for the standards reference: a supervisor checks
/// a rule against the article without learning the rule language, and the words come from the
/// expression itself, so they cannot drift from what the scorer runs (a hand-written `explain`
/// can; the reference therefore always prints the expression beside it).
///
/// `decision_date <= add_days(filed_date, 90) or extension_approved` reads
/// "决定日期 不晚于 立案日期起90日（期限末日遇休息日顺延），或 延期批准为是".
///
/// The wording re-parses the expression text (the rubric keeps only the compiled closures);
/// a loaded rubric's expressions always parse, so the error is for callers that pass other text.
public struct ExpressionWording {
    public let catalogue: FieldCatalogue
    /// The rubric's params by name: `$name` reads as its 中文名 with its value.
    public let params: [String: RubricParam]

    public init(catalogue: FieldCatalogue, params: [RubricParam]) {
        self.catalogue = catalogue
        self.params = Dictionary(params.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A boolean expression (`check`, `when`, `applies_when`) as a condition.
    public func condition(_ source: String) throws(ExpressionError) -> String {
        condition(try Parser.parse(source)).text
    }

    /// A number expression (`count`) as a quantity.
    public func quantity(_ source: String) throws(ExpressionError) -> String {
        value(try Parser.parse(source)).text
    }

    /// The params an expression reads, in first-use order (for "which profile changes this rule").
    static func paramNames(_ source: String) -> [String] {
        guard let syntax = try? Parser.parse(source) else { return [] }
        var names: [String] = []
        func walk(_ s: Syntax) {
            switch s {
            case .param(let name, _): if !names.contains(name) { names.append(name) }
            case .call(_, let args, _), .list(let args, _): args.forEach(walk)
            case .unary(_, let x, _): walk(x)
            case .binary(_, let a, let b, _): walk(a); walk(b)
            case .number, .string, .bool, .field: break
            }
        }
        walk(syntax)
        return names
    }

    // MARK: - Binding strength

    /// How tightly a phrase binds, as the grammar does: a looser phrase inside a tighter one
    /// is bracketed.
    enum Level: Int, Comparable {
        case or, and, not, comparison, sum, product, unary, atom
        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    struct Phrase {
        var text: String
        var level: Level

        /// The phrase as a part of one at `level`: bracketed when it binds more loosely.
        func inside(_ level: Level) -> String { self.level < level ? "（\(text)）" : text }
    }

    // MARK: - Types, so that `<=` reads 不晚于 for dates and 不超过 for numbers

    enum Sort { case bool, number, text, date, list, unknown }

    func sort(_ s: Syntax) -> Sort {
        switch s {
        case .number: return .number
        case .string: return .text
        case .bool: return .bool
        case .list: return .list
        case .field(let id, _):
            switch catalogue[id]?.type {
            case .bool?: return .bool
            case .number?: return .number
            case .date?: return .date
            case .text?, .enumeration?: return .text
            case .list?: return .list
            case nil: return .unknown
            }
        case .param(let name, _):
            switch params[name]?.value {
            case .number?: return .number
            case .text?: return .text
            case .bool?: return .bool
            case .date?: return .date
            case .list?: return .list
            case nil: return .unknown
            }
        case .unary(let op, _, _): return op == "not" ? .bool : .number
        case .binary(let op, _, _, _): return ["+", "-", "*", "/"].contains(op) ? .number : .bool
        case .call(let name, let args, _):
            switch name {
            case "date", "add_days", "add_workdays", "add_months", "add_years": return .date
            case "days", "workdays", "year", "month", "len", "min", "max", "abs": return .number
            case "coalesce": return args.lazy.map(sort).first { $0 != .unknown } ?? .unknown
            default: return .bool
            }
        }
    }

    // MARK: - Conditions

    /// A boolean phrase as a statement: a bare bool value (a field, a param, a `coalesce`)
    /// gains "为是", so that `extension_approved` reads 延期批准为是.
    func condition(_ s: Syntax) -> Phrase {
        switch s {
        case .binary("or", let a, let b, _):
            // `and` inside `or` is bracketed too: the grammar does not need it, a reader does.
            let parts = [a, b].map { x in
                let p = condition(x)
                return p.level == .and ? "（\(p.text)）" : p.inside(.or)
            }
            return Phrase(text: joined(parts[0], "，或 ", parts[1]), level: .or)
        case .binary("and", let a, let b, _):
            return Phrase(text: joined(condition(a).inside(.and), "，且 ", condition(b).inside(.and)), level: .and)
        case .unary("not", let x, _):
            if isBareValue(x) { return Phrase(text: value(x).text + "为否", level: .comparison) }
            return Phrase(text: "并非" + condition(x).inside(.comparison), level: .not)
        case .binary, .call:
            return isBareValue(s) ? Phrase(text: value(s).text + "为是", level: .comparison) : value(s)
        default:
            return Phrase(text: value(s).text + "为是", level: .comparison)
        }
    }

    /// A bool that is a value rather than a statement: a field, a param, a literal, `coalesce`.
    private func isBareValue(_ s: Syntax) -> Bool {
        switch s {
        case .field, .param, .bool: return true
        case .call("coalesce", _, _): return true
        default: return false
        }
    }

    /// `a，或 b`; a bracketed part follows the comma without a space.
    private func joined(_ a: String, _ separator: String, _ b: String) -> String {
        let right = b.hasPrefix("（") ? String(separator.dropLast()) + b : separator + b
        return a + right
    }

    // MARK: - Values

    func value(_ s: Syntax) -> Phrase {
        switch s {
        case .number(let n, _): return Phrase(text: n.description, level: .atom)
        case .string(let text, _): return Phrase(text: "“\(text)”", level: .atom)
        case .bool(let b, _): return Phrase(text: b ? "是" : "否", level: .atom)
        case .field(let id, _): return Phrase(text: catalogue[id]?.name ?? id, level: .atom)
        case .param(let name, _):
            guard let p = params[name] else { return Phrase(text: "$" + name, level: .atom) }
            return Phrase(text: "\(p.title ?? name)（\(p.value.display)）", level: .atom)
        case .list(let items, _): return Phrase(text: items.map { value($0).text }.joined(separator: "、"), level: .atom)
        case .unary("not", _, _):
            return condition(s)
        case .unary(_, let x, _):
            return Phrase(text: "−" + value(x).inside(.unary), level: .unary)
        case .binary(let op, let a, let b, _):
            return binary(op, a, b)
        case .call(let name, let args, _):
            return call(name, args)
        }
    }

    private func binary(_ op: String, _ a: Syntax, _ b: Syntax) -> Phrase {
        switch op {
        case "or", "and":
            return condition(.binary(op, a, b, offset: 0))
        case "+", "-":
            return Phrase(text: value(a).inside(.sum) + (op == "+" ? " + " : " − ") + value(b).inside(.product), level: .sum)
        case "*", "/":
            return Phrase(text: value(a).inside(.product) + (op == "*" ? " × " : " ÷ ") + value(b).inside(.unary), level: .product)
        case "in", "not in":
            let items: String
            if case .list(let elements, _) = b { items = elements.map { value($0).text }.joined(separator: "、") }
            else { items = value(b).inside(.comparison) }
            return Phrase(text: value(a).inside(.sum) + (op == "in" ? "为" : "不为") + items + "之一", level: .comparison)
        default:
            let sorts = [sort(a), sort(b)]
            let dates = sorts.contains(.date), numbers = sorts.contains(.number)
            let word: String
            switch op {
            case "<=": word = dates ? " 不晚于 " : " 不超过 "
            case "<": word = dates ? " 早于 " : " 小于 "
            case ">=": word = dates ? " 不早于 " : " 不少于 "
            case ">": word = dates ? " 晚于 " : " 大于 "
            case "==": word = dates || numbers ? " 等于 " : "为"
            default: word = dates || numbers ? " 不等于 " : "不为"
            }
            return Phrase(text: value(a).inside(.sum) + word + value(b).inside(.sum), level: .comparison)
        }
    }

    private func call(_ name: String, _ args: [Syntax]) -> Phrase {
        let v = args.map { value($0).inside(.unary) }
        let text: String
        switch (name, v.count) {
        case ("present", 1): text = v[0] + "已填写"
        case ("missing", 1): text = v[0] + "未填写"
        case ("coalesce", 2...): text = v[0] + "（未填写时取" + v[1...].joined(separator: "，仍未填写时取") + "）"
        case ("date", 1):
            if case .string(let iso, _) = args[0] { text = iso } else { text = v[0] }
        case ("days", 2): text = "\(v[0])至\(v[1])的天数"
        case ("workdays", 2): text = "\(v[0])至\(v[1])之间的工作日数"
        case ("add_days", 2): text = "\(v[0])起\(v[1])日（期限末日遇休息日顺延）"
        case ("add_workdays", 2): text = "\(v[0])后第\(v[1])个工作日"
        case ("add_months", 2): text = "\(v[0])起\(v[1])个月（期限末日遇休息日顺延）"
        case ("add_years", 2): text = "\(v[0])起\(v[1])年（期限末日遇休息日顺延）"
        case ("year", 1): text = v[0] + "的年份"
        case ("month", 1): text = v[0] + "的月份"
        case ("len", 1): text = v[0] + (sort(args[0]) == .text ? "的字数" : "的项数")
        case ("contains", 2): text = v[0] + "包含" + v[1]
        case ("any_of", 2):
            if case .list(let items, _) = args[1], items.count == 1 { text = v[0] + "包含" + v[1] }
            else { text = v[0] + "包含" + v[1] + "中的任一项" }
        case ("matches", 2):
            if case .string(let pattern, _) = args[1] { text = v[0] + "符合格式“\(pattern)”" } else { text = v[0] + "符合格式" + v[1] }
        case ("min", 2): text = "\(v[0])与\(v[1])中较小者"
        case ("max", 2): text = "\(v[0])与\(v[1])中较大者"
        case ("abs", 1): text = v[0] + "的绝对值"
        default: text = name + "(" + v.joined(separator: "，") + ")"
        }
        return Phrase(text: text, level: .atom)
    }
}
