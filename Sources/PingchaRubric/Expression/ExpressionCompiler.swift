import PingchaModel
import PingchaCalendar

/// Type-checks expressions against the field catalogue and compiles them, once, into
/// closures (see ``Compiled``). Errors carry the offset of the offending token.
public final class ExpressionCompiler {
    public let catalogue: FieldCatalogue
    public let calendar: WorkingDayCalendar
    /// Fields read by the expression being compiled.
    var fieldsRead: [Int] = []
    /// The values `$name` stands for while compiling one rubric (its declarations, or a
    /// profile's overrides of them): each param compiles to a constant.
    public var params: [String: ParamValue] = [:]
    /// The params any expression compiled so far has read, for "declared but never used".
    public var paramsUsed: Set<String> = []

    public init(catalogue: FieldCatalogue, calendar: WorkingDayCalendar) {
        self.catalogue = catalogue
        self.calendar = calendar
    }

    /// A boolean expression: `check`, `when`, `applies_when`.
    public func predicate(_ source: String) throws(ExpressionError) -> Predicate {
        let syntax = try Parser.parse(source)
        let (f, fields) = try condition(syntax)
        let witness = syntax.isConnective ? try self.witness(syntax) : .leaf(f, fields: fields)
        return Predicate(source: source, fields: fields, evaluate: f, witness: witness)
    }

    /// `syntax` compiled as a condition, with the fields it reads.
    private func condition(_ syntax: Syntax) throws(ExpressionError) -> (Evaluator<Truth>, [Int]) {
        fieldsRead = []
        let typed = try compile(syntax)
        guard case .bool(let f) = typed.compiled else {
            throw ExpressionError(offset: typed.offset, message: "这里需要布尔值（条件），表达式却是\(typed.type)")
        }
        return (f, fieldsRead)
    }

    /// The connectives of a type-checked boolean expression as a tree, every other operand
    /// compiled on its own (see ``Witness``).
    private func witness(_ syntax: Syntax) throws(ExpressionError) -> Witness {
        switch syntax {
        case .binary(let op, let lhs, let rhs, _) where op == "and" || op == "or":
            let (l, r) = (try witness(lhs), try witness(rhs))
            return op == "and" ? .all(l, r) : .any(l, r)
        case .unary("not", let operand, _):
            return .not(try witness(operand))
        default:
            let (f, fields) = try condition(syntax)
            return .leaf(f, fields: fields)
        }
    }

    /// A number expression: `count`.
    public func number(_ source: String) throws(ExpressionError) -> NumberExpression {
        fieldsRead = []
        let typed = try compile(try Parser.parse(source))
        guard case .number(let f) = typed.compiled else {
            throw ExpressionError(offset: typed.offset, message: "这里需要数字（缺陷个数），表达式却是\(typed.type)")
        }
        return NumberExpression(source: source, fields: fieldsRead, evaluate: f)
    }

    func compile(_ syntax: Syntax) throws(ExpressionError) -> Typed {
        switch syntax {
        case .number(let n, let offset):
            return Typed(compiled: .number { _ in n }, offset: offset)
        case .string(let s, let offset):
            return Typed(compiled: .text { _ in s }, offset: offset, literal: s)
        case .bool(let b, let offset):
            let t = Truth(b)
            return Typed(compiled: .bool { _ in t }, offset: offset)
        case .field(let name, let offset):
            return try field(name, offset: offset)
        case .param(let name, let offset):
            return try param(name, offset: offset)
        case .list(let items, let offset):
            let typed = try items.map { (item) throws(ExpressionError) -> Typed in try compile(item) }
            guard let first = typed.first else {
                return Typed(compiled: .literalList([], .text), offset: offset)
            }
            for t in typed.dropFirst() where t.type != first.type {
                throw ExpressionError(offset: t.offset, message: "列表的元素类型不一致：\(first.type)和\(t.type)")
            }
            if case .list = first.type { throw ExpressionError(offset: first.offset, message: "列表里不能再放列表") }
            return Typed(compiled: .literalList(typed, first.type), offset: offset)
        case .unary(let op, let operand, let offset):
            let x = try compile(operand)
            if op == "not" {
                guard case .bool(let f) = x.compiled else { throw mismatch(op: "not", x, expected: "布尔值") }
                return Typed(compiled: .bool { c in !f(c) }, offset: offset)
            }
            guard case .number(let f) = x.compiled else { throw mismatch(op: "-", x, expected: "数字") }
            return Typed(compiled: .number { c in f(c).flatMap { -$0 } }, offset: offset)
        case .binary(let op, let lhs, let rhs, let offset):
            return try binary(op, try compile(lhs), try compile(rhs), offset: offset)
        case .call(let name, let args, let offset):
            return try call(name, args, offset: offset)
        }
    }

    private func param(_ name: String, offset: Int) throws(ExpressionError) -> Typed {
        guard let value = params[name] else {
            let near = Suggestion.nearest(to: name, among: params.keys.sorted())
            throw ExpressionError(offset: offset, message: "未知参数 $\(name)" + (near.map { "，是否为 $\($0)？" } ?? (params.isEmpty ? "（本标准没有声明 params）" : "（已声明：\(params.keys.sorted().map { "$" + $0 }.joined(separator: "、"))）")))
        }
        paramsUsed.insert(name)
        switch value {
        case .number(let n): return Typed(compiled: .number { _ in n }, offset: offset)
        case .text(let s): return Typed(compiled: .text { _ in s }, offset: offset, literal: s)
        case .bool(let b):
            let t = Truth(b)
            return Typed(compiled: .bool { _ in t }, offset: offset)
        case .date(let d): return Typed(compiled: .date { _ in d }, offset: offset)
        case .list(let items):
            let elements = items.map { s in Typed(compiled: .text { _ in s }, offset: offset, literal: s) }
            return Typed(compiled: .literalList(elements, .text), offset: offset)
        }
    }

    private func field(_ name: String, offset: Int) throws(ExpressionError) -> Typed {
        guard let index = catalogue.index(of: name) else {
            let suggestion = Suggestion.nearest(to: name, among: catalogue.fields.map(\.id) + Functions.names)
            let isFunction = Functions.names.contains(suggestion ?? "")
            throw ExpressionError(offset: offset, message: "未知字段 \(Suggestion.shown(name))" + (suggestion.map { isFunction ? "，是否为函数 \($0)(…)？" : "，是否为 \($0)？" } ?? ""))
        }
        if !fieldsRead.contains(index) { fieldsRead.append(index) }
        let definition = catalogue[index]
        var typed = try fieldReader(definition, index: index, offset: offset)
        typed.fieldIndex = index
        return typed
    }

    /// Readers match the stored value in place: going through `FieldValue`'s accessors would
    /// copy the value (and retain its payload) for every read.
    private func fieldReader(_ definition: FieldDefinition, index: Int, offset: Int) throws(ExpressionError) -> Typed {
        switch definition.type {
        case .text, .enumeration:
            return Typed(compiled: .text { c in
                if case .text(let s)? = c.values[index] { return s }
                return nil
            }, offset: offset, enumField: definition.type == .enumeration ? definition : nil)
        case .number:
            return Typed(compiled: .number { c in
                if case .number(let n)? = c.values[index] { return ExactNumber(n) }
                return nil
            }, offset: offset)
        case .bool:
            return Typed(compiled: .bool { c in
                if case .bool(let b)? = c.values[index] { return b ? .yes : .no }
                return .unknown
            }, offset: offset)
        case .date:
            return Typed(compiled: .date { c in
                if case .date(let d)? = c.values[index] { return d }
                return nil
            }, offset: offset)
        case .list:
            return Typed(compiled: .list { c in
                if case .list(let l)? = c.values[index] { return l }
                return nil
            }, offset: offset)
        }
    }

    func mismatch(op: String, _ x: Typed, expected: String) -> ExpressionError {
        ExpressionError(offset: x.offset, message: "“\(op)”需要\(expected)，这里是\(x.type)")
    }

    /// A string literal compared with an enum field must be one of its values or synonyms;
    /// a synonym is replaced by its canonical value (`"一般程序"` → `"普通程序"`).
    func canonicalLiteral(_ literal: Typed, against field: FieldDefinition) throws(ExpressionError) -> Typed {
        guard let text = literal.literal else { return literal }
        if field.values.contains(where: { $0.value == text }) { return literal }
        if let v = field.values.first(where: { $0.synonyms.contains(text) }) {
            let canonical = v.value
            return Typed(compiled: .text { _ in canonical }, offset: literal.offset, literal: canonical)
        }
        let allowed = field.values.map(\.value)
        let near = Suggestion.nearest(to: text, among: allowed)
        throw ExpressionError(offset: literal.offset,
                              message: "字段 \(field.id) 没有取值“\(text)”" + (near.map { "，是否为“\($0)”？" } ?? "（可用取值：\(allowed.joined(separator: "、"))）"))
    }
}
