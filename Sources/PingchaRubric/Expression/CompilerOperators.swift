import PingchaModel

extension ExpressionCompiler {
    func binary(_ op: String, _ lhs: Typed, _ rhs: Typed, offset: Int) throws(ExpressionError) -> Typed {
        switch op {
        case "and", "or":
            guard case .bool(let a) = lhs.compiled else { throw mismatch(op: op, lhs, expected: "布尔值") }
            guard case .bool(let b) = rhs.compiled else { throw mismatch(op: op, rhs, expected: "布尔值") }
            if op == "and" { return Typed(compiled: .bool { c in a(c) && b(c) }, offset: lhs.offset) }
            return Typed(compiled: .bool { c in a(c) || b(c) }, offset: lhs.offset)
        case "+", "-", "*", "/":
            guard case .number(let a) = lhs.compiled else {
                if lhs.type == .date { throw ExpressionError(offset: offset, message: "日期不能直接加减，请用 add_days、add_workdays、days 或 workdays") }
                throw mismatch(op: op, lhs, expected: "数字")
            }
            guard case .number(let b) = rhs.compiled else { throw mismatch(op: op, rhs, expected: "数字") }
            let f: Evaluator<ExactNumber?>
            switch op {
            case "+": f = { c in guard let x = a(c), let y = b(c) else { return nil }; return x + y }
            case "-": f = { c in guard let x = a(c), let y = b(c) else { return nil }; return x - y }
            case "*": f = { c in guard let x = a(c), let y = b(c) else { return nil }; return x * y }
            default: f = { c in guard let x = a(c), let y = b(c) else { return nil }; return x / y }
            }
            return Typed(compiled: .number(f), offset: lhs.offset)
        case "<", "<=", ">", ">=":
            let test: @Sendable (Int) -> Bool
            switch op {
            case "<": test = { (x: Int) -> Bool in x < 0 }
            case "<=": test = { (x: Int) -> Bool in x <= 0 }
            case ">": test = { (x: Int) -> Bool in x > 0 }
            default: test = { (x: Int) -> Bool in x >= 0 }
            }
            switch (lhs.compiled, rhs.compiled) {
            case (.number(let a), .number(let b)):
                return Typed(compiled: .bool(Self.ordering(a, b, test)), offset: lhs.offset)
            case (.date(let a), .date(let b)):
                return Typed(compiled: .bool(Self.ordering(a, b, test)), offset: lhs.offset)
            default:
                throw ExpressionError(offset: offset, message: "“\(op)”只能比较两个数字或两个日期，这里是\(lhs.type)和\(rhs.type)")
            }
        case "==", "!=":
            var (l, r) = (lhs, rhs)
            if let field = l.enumField { r = try canonicalLiteral(r, against: field) }
            if let field = r.enumField { l = try canonicalLiteral(l, against: field) }
            guard l.type == r.type else {
                throw ExpressionError(offset: offset, message: "“\(op)”两边的类型不同：\(l.type)和\(r.type)")
            }
            let eq = try equality(l, r, offset: offset)
            if op == "==" { return Typed(compiled: .bool(eq), offset: lhs.offset) }
            return Typed(compiled: .bool { c in !eq(c) }, offset: lhs.offset)
        case "in", "not in":
            let member = try membership(lhs, rhs, op: op, offset: offset)
            if op == "in" { return Typed(compiled: .bool(member), offset: lhs.offset) }
            return Typed(compiled: .bool { c in !member(c) }, offset: lhs.offset)
        default:
            throw ExpressionError(offset: offset, message: "不认识的运算符“\(op)”")
        }
    }

    static func ordering<T: Comparable & Sendable>(_ a: @escaping Evaluator<T?>, _ b: @escaping Evaluator<T?>,
                                                    _ test: @escaping @Sendable (Int) -> Bool) -> Evaluator<Truth> {
        { c in
            guard let x = a(c), let y = b(c) else { return .unknown }
            return Truth(test(x < y ? -1 : (x == y ? 0 : 1)))
        }
    }

    static func equal<T: Equatable & Sendable>(_ a: @escaping Evaluator<T?>, _ b: @escaping Evaluator<T?>) -> Evaluator<Truth> {
        { c in
            guard let x = a(c), let y = b(c) else { return .unknown }
            return Truth(x == y)
        }
    }

    func equality(_ l: Typed, _ r: Typed, offset: Int) throws(ExpressionError) -> Evaluator<Truth> {
        // `field == "literal"`: compare the stored text in place.
        if let index = l.fieldIndex ?? r.fieldIndex, let literal = r.literal ?? l.literal, l.type == .text {
            return { c in
                guard case .text(let s)? = c.values[index] else { return .unknown }
                return Truth(UTF8Key.sameBytes(s, literal))
            }
        }
        switch (l.compiled, r.compiled) {
        case (.bool(let a), .bool(let b)):
            return { c in
                let x = a(c), y = b(c)
                if x == .unknown || y == .unknown { return .unknown }
                return Truth(x == y)
            }
        case (.number(let a), .number(let b)): return Self.equal(a, b)
        case (.text(let a), .text(let b)): return Self.equal(a, b)
        case (.date(let a), .date(let b)): return Self.equal(a, b)
        case (.list(let a), .list(let b)): return Self.equal(a, b)
        case (.list(let a), .literalList(let items, .text)), (.literalList(let items, .text), .list(let a)):
            let b = try textList(items)
            return Self.equal(a, b)
        default:
            throw ExpressionError(offset: offset, message: "不能比较\(l.type)和\(r.type)")
        }
    }

    /// A literal list of texts as one evaluator (unknown if any element is unknown).
    func textList(_ items: [Typed]) throws(ExpressionError) -> Evaluator<[String]?> {
        let literals = items.compactMap(\.literal)
        if literals.count == items.count { return { _ in literals } }
        let parts = try items.map { (t) throws(ExpressionError) -> Evaluator<String?> in
            guard case .text(let f) = t.compiled else { throw mismatch(op: "[…]", t, expected: "文本") }
            return f
        }
        return { c in
            var out: [String] = []
            out.reserveCapacity(parts.count)
            for p in parts {
                guard let v = p(c) else { return nil }
                out.append(v)
            }
            return out
        }
    }

    /// `x in L`: L a list literal of x's type, or a text list with x text. Unknown when x is
    /// unknown, or when x matches nothing and some element of L is unknown.
    func membership(_ x: Typed, _ list: Typed, op: String, offset: Int) throws(ExpressionError) -> Evaluator<Truth> {
        switch list.compiled {
        case .list(let items):
            guard case .text(let value) = x.compiled else {
                throw ExpressionError(offset: x.offset, message: "“\(op)”左边应为文本（列表字段的元素），这里是\(x.type)")
            }
            return { c in
                guard let v = value(c), let l = items(c) else { return .unknown }
                return Truth(l.contains(v))
            }
        case .literalList(var items, let element):
            guard items.isEmpty || element == x.type else {
                throw ExpressionError(offset: list.offset, message: "“\(op)”两边的类型不同：\(x.type)和\(element)列表")
            }
            if let field = x.enumField {
                items = try items.map { (t) throws(ExpressionError) -> Typed in try canonicalLiteral(t, against: field) }
            }
            // `field in ["a", "b"]`: compare the stored text in place.
            let literals = items.compactMap(\.literal)
            if let index = x.fieldIndex, x.type == .text, literals.count == items.count {
                return { c in
                    guard case .text(let s)? = c.values[index] else { return .unknown }
                    return Truth(literals.contains { UTF8Key.sameBytes(s, $0) })
                }
            }
            let tests = try items.map { (item) throws(ExpressionError) -> Evaluator<Truth> in try equality(x, item, offset: offset) }
            return { c in
                var result = Truth.no
                for t in tests {
                    result = result || t(c)
                    if result == .yes { return .yes }
                }
                return result
            }
        default:
            throw ExpressionError(offset: list.offset, message: "“\(op)”右边应为列表，这里是\(list.type)")
        }
    }
}
