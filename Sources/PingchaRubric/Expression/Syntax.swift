/// The parsed form of an expression, before type checking. Every node keeps the offset of
/// the token that names it, so that a type error points at the right character.
indirect enum Syntax {
    case number(ExactNumber, offset: Int)
    case string(String, offset: Int)
    case bool(Bool, offset: Int)
    case field(String, offset: Int)
    /// `$name`, a rubric parameter.
    case param(String, offset: Int)
    case call(String, [Syntax], offset: Int)
    case list([Syntax], offset: Int)
    /// `-x` or `not x`.
    case unary(String, Syntax, offset: Int)
    /// Arithmetic, comparison, `in`, `not in`, `and`, `or`; `offset` is the operator's.
    case binary(String, Syntax, Syntax, offset: Int)

    /// `and`, `or` or `not`: a node whose operands can settle it alone.
    var isConnective: Bool {
        switch self {
        case .binary(let op, _, _, _): return op == "and" || op == "or"
        case .unary(let op, _, _): return op == "not"
        default: return false
        }
    }

    var offset: Int {
        switch self {
        case .number(_, let o), .string(_, let o), .bool(_, let o), .field(_, let o), .param(_, let o), .call(_, _, let o),
             .list(_, let o), .unary(_, _, let o):
            return o
        case .binary(_, let lhs, _, _):
            return lhs.offset
        }
    }
}
