import PingchaModel

/// The functions of the rule language (rubric-format.md, function table).
enum Functions {
    static let arity: [String: ClosedRange<Int>] = [
        "present": 1...1, "missing": 1...1, "coalesce": 1...32, "date": 1...1,
        "days": 2...2, "add_days": 2...2, "add_months": 2...2, "add_years": 2...2, "workdays": 2...2, "add_workdays": 2...2,
        "year": 1...1, "month": 1...1, "len": 1...1, "contains": 2...2, "any_of": 2...2,
        "matches": 2...2, "min": 2...2, "max": 2...2, "abs": 1...1,
    ]
    static let names = arity.keys.sorted()
}

extension ExpressionCompiler {
    func call(_ name: String, _ syntaxArgs: [Syntax], offset: Int) throws(ExpressionError) -> Typed {
        guard let arity = Functions.arity[name] else {
            let near = Suggestion.nearest(to: name, among: Functions.names)
            throw ExpressionError(offset: offset, message: "未知函数 \(name)" + (near.map { "，是否为 \($0)？" } ?? ""))
        }
        guard arity.contains(syntaxArgs.count) else {
            let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "至少\(arity.lowerBound)"
            throw ExpressionError(offset: offset, message: "函数 \(name) 需要\(expected)个参数，这里有\(syntaxArgs.count)个")
        }
        // `date("…")` and the pattern of `matches` must be literals, checked here.
        if name == "date" {
            guard case .string(let text, let o) = syntaxArgs[0] else {
                throw ExpressionError(offset: syntaxArgs[0].offset, message: "date 的参数应为“YYYY-MM-DD”形式的字符串")
            }
            guard let d = CivilDate(iso: text) else {
                throw ExpressionError(offset: o, message: "“\(text)”不是有效日期（应为 YYYY-MM-DD）")
            }
            return Typed(compiled: .date { _ in d }, offset: offset)
        }
        let args = try syntaxArgs.map { (s) throws(ExpressionError) -> Typed in try compile(s) }
        func number(_ i: Int) throws(ExpressionError) -> Evaluator<ExactNumber?> {
            guard case .number(let f) = args[i].compiled else { throw argument(name, i, args[i], "数字") }
            return f
        }
        func date(_ i: Int) throws(ExpressionError) -> Evaluator<CivilDate?> {
            guard case .date(let f) = args[i].compiled else { throw argument(name, i, args[i], "日期") }
            return f
        }
        func text(_ i: Int) throws(ExpressionError) -> Evaluator<String?> {
            guard case .text(let f) = args[i].compiled else { throw argument(name, i, args[i], "文本") }
            return f
        }
        let calendar = self.calendar
        switch name {
        case "present", "missing":
            let p = presence(args[0])
            if name == "present" { return Typed(compiled: .bool { c in Truth(p(c)) }, offset: offset) }
            return Typed(compiled: .bool { c in Truth(!p(c)) }, offset: offset)
        case "coalesce":
            return try coalesce(args, offset: offset)
        case "days", "workdays":
            let (a, b) = (try date(0), try date(1))
            if name == "days" {
                return Typed(compiled: .number { c in
                    guard let x = a(c), let y = b(c) else { return nil }
                    return ExactNumber(calendar.days(x, y))
                }, offset: offset)
            }
            return Typed(compiled: .number { c in
                guard let x = a(c), let y = b(c) else { return nil }
                return ExactNumber(calendar.workdays(x, y))
            }, offset: offset)
        case "add_days", "add_workdays":
            let (d, n) = (try date(0), try number(1))
            let working = name == "add_workdays"
            return Typed(compiled: .date { c in
                guard let x = d(c), let k = n(c), let days = k.wholeDays else { return nil }
                return working ? calendar.addWorkdays(x, days) : calendar.addDays(x, days)
            }, offset: offset)
        case "add_months", "add_years":
            let (d, n) = (try date(0), try number(1))
            let monthsPerUnit = name == "add_years" ? 12 : 1
            return Typed(compiled: .date { c in
                guard let x = d(c), let k = n(c), let units = k.wholeDays else { return nil }
                return calendar.addMonths(x, units * monthsPerUnit)
            }, offset: offset)
        case "year", "month":
            let d = try date(0)
            if name == "year" { return Typed(compiled: .number { c in d(c).map { ExactNumber($0.components.year) } }, offset: offset) }
            return Typed(compiled: .number { c in d(c).map { ExactNumber($0.components.month) } }, offset: offset)
        case "len":
            switch args[0].compiled {
            case .list(let l):
                if let index = args[0].fieldIndex {
                    return Typed(compiled: .number { c in
                        guard case .list(let items)? = c.values[index] else { return nil }
                        return ExactNumber(items.count)
                    }, offset: offset)
                }
                return Typed(compiled: .number { c in l(c).map { ExactNumber($0.count) } }, offset: offset)
            case .text(let t): return Typed(compiled: .number { c in t(c).map { ExactNumber($0.unicodeScalars.count) } }, offset: offset)
            case .literalList(let items, _):
                let n = ExactNumber(items.count)
                return Typed(compiled: .number { _ in n }, offset: offset)
            default: throw argument(name, 0, args[0], "列表或文本")
            }
        case "contains":
            let v = try text(1)
            if let index = args[0].fieldIndex, let literal = args[1].literal {
                return Typed(compiled: .bool { c in
                    switch c.values[index] {
                    case .list(let items)?: return Truth(items.contains(literal))
                    case .text(let s)?: return Truth(literal.isEmpty || s.contains(literal))
                    default: return .unknown
                    }
                }, offset: offset)
            }
            switch args[0].compiled {
            case .list(let l):
                return Typed(compiled: .bool { c in
                    guard let items = l(c), let x = v(c) else { return .unknown }
                    return Truth(items.contains(x))
                }, offset: offset)
            case .text(let t):
                return Typed(compiled: .bool { c in
                    guard let s = t(c), let x = v(c) else { return .unknown }
                    return Truth(x.isEmpty || s.contains(x))
                }, offset: offset)
            default: throw argument(name, 0, args[0], "列表或文本")
            }
        case "any_of":
            guard case .list(let l) = args[0].compiled else { throw argument(name, 0, args[0], "列表") }
            let others: Evaluator<[String]?>
            switch args[1].compiled {
            case .list(let f): others = f
            case .literalList(let items, .text): others = try textList(items)
            case .literalList(let items, _) where items.isEmpty: others = { _ in [] }
            default: throw argument(name, 1, args[1], "文本列表")
            }
            if let index = args[0].fieldIndex, case .literalList(let items, _) = args[1].compiled,
               case let literals = items.compactMap(\.literal), literals.count == items.count {
                return Typed(compiled: .bool { c in
                    guard case .list(let a)? = c.values[index] else { return .unknown }
                    return Truth(a.contains { literals.contains($0) })
                }, offset: offset)
            }
            return Typed(compiled: .bool { c in
                guard let a = l(c), let b = others(c) else { return .unknown }
                return Truth(a.contains { b.contains($0) })
            }, offset: offset)
        case "matches":
            let t = try text(0)
            guard case .string(let pattern, let o) = syntaxArgs[1] else {
                throw ExpressionError(offset: syntaxArgs[1].offset, message: "matches 的第二个参数应为写在引号里的正则表达式")
            }
            let regex: RulePattern
            do { regex = try RulePattern(pattern) } catch {
                throw ExpressionError(offset: o, message: "正则表达式“\(pattern)”无效：\(error.detail)")
            }
            return Typed(compiled: .bool { c in
                guard let s = t(c) else { return .unknown }
                return Truth(regex.matches(s))
            }, offset: offset)
        case "min", "max":
            let (a, b) = (try number(0), try number(1))
            let smaller = name == "min"
            return Typed(compiled: .number { c in
                guard let x = a(c), let y = b(c) else { return nil }
                return smaller ? Swift.min(x, y) : Swift.max(x, y)
            }, offset: offset)
        case "abs":
            let a = try number(0)
            return Typed(compiled: .number { c in a(c)?.abs }, offset: offset)
        default:
            throw ExpressionError(offset: offset, message: "未知函数 \(name)")
        }
    }

    func argument(_ name: String, _ i: Int, _ arg: Typed, _ expected: String) -> ExpressionError {
        ExpressionError(offset: arg.offset, message: "函数 \(name) 的第\(i + 1)个参数应为\(expected)，这里是\(arg.type)")
    }

    /// Whether a value is there (never unknown itself).
    func presence(_ x: Typed) -> Evaluator<Bool> {
        if let index = x.fieldIndex {
            return { c in
                if case .none = c.values[index] { return false }
                return true
            }
        }
        switch x.compiled {
        case .bool(let f): return { c in f(c) != .unknown }
        case .number(let f): return { c in f(c) != nil }
        case .text(let f): return { c in f(c) != nil }
        case .date(let f): return { c in f(c) != nil }
        case .list(let f): return { c in f(c) != nil }
        case .literalList: return { _ in true }
        }
    }

    func coalesce(_ args: [Typed], offset: Int) throws(ExpressionError) -> Typed {
        let type = args[0].type
        for a in args.dropFirst() where a.type != type {
            throw ExpressionError(offset: a.offset, message: "coalesce 的参数类型应相同：\(type)和\(a.type)")
        }
        func first<T>(_ fs: [Evaluator<T?>]) -> Evaluator<T?> {
            { c in
                for f in fs { if let v = f(c) { return v } }
                return nil
            }
        }
        switch args[0].compiled {
        case .bool:
            let fs = args.compactMap { if case .bool(let f) = $0.compiled { f } else { nil } }
            return Typed(compiled: .bool { c in
                for f in fs { let v = f(c); if v != .unknown { return v } }
                return .unknown
            }, offset: offset)
        case .number: return Typed(compiled: .number(first(args.compactMap { if case .number(let f) = $0.compiled { f } else { nil } })), offset: offset)
        case .text: return Typed(compiled: .text(first(args.compactMap { if case .text(let f) = $0.compiled { f } else { nil } })), offset: offset,
                                 enumField: args[0].enumField)
        case .date: return Typed(compiled: .date(first(args.compactMap { if case .date(let f) = $0.compiled { f } else { nil } })), offset: offset)
        case .list: return Typed(compiled: .list(first(args.compactMap { if case .list(let f) = $0.compiled { f } else { nil } })), offset: offset)
        case .literalList:
            throw ExpressionError(offset: args[0].offset, message: "coalesce 的参数不能是列表字面量")
        }
    }
}

extension ExactNumber {
    /// The value as a whole number of days, or nil if it has a fraction.
    var wholeDays: Int? {
        guard units % Self.scale == 0 else { return nil }
        let d = units / Self.scale
        guard d >= -1_000_000, d <= 1_000_000 else { return nil }
        return Int(d)
    }
}
