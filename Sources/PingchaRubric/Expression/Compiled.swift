import PingchaModel

/// A compiled expression evaluates a case with no parsing and no look-up of fields by name:
/// field positions are fixed at compile time and each node is a closure of its own static
/// type, so nothing is boxed on the way.
public typealias Evaluator<T> = @Sendable (CaseRecord) -> T

/// A type-checked, compiled expression.
enum Compiled {
    case bool(Evaluator<Truth>)
    case number(Evaluator<ExactNumber?>)
    case text(Evaluator<String?>)
    case date(Evaluator<CivilDate?>)
    /// A list of text (list fields, `coalesce` of them).
    case list(Evaluator<[String]?>)
    /// A `[...]` literal, usable with `in`, `not in`, `any_of` and list comparisons.
    case literalList([Typed], ValueType)

    var type: ValueType {
        switch self {
        case .bool: return .bool
        case .number: return .number
        case .text: return .text
        case .date: return .date
        case .list: return .list(.text)
        case .literalList(_, let element): return .list(element)
        }
    }
}

/// A compiled node with what type checking needs to know about where it came from.
struct Typed {
    var compiled: Compiled
    var offset: Int
    /// Set when the node is an enum field, so that string literals compared with it can be
    /// checked against (and mapped to) its values.
    var enumField: FieldDefinition?
    /// Set when the node is a string literal.
    var literal: String?
    /// Set when the node is a bare field: comparisons with literals then read the value in
    /// place, without taking a reference to it (the hot path of most rules).
    var fieldIndex: Int?

    var type: ValueType { compiled.type }
}

/// A compiled boolean expression (`check`, `when`, `applies_when`).
public struct Predicate: Sendable {
    public let source: String
    /// Catalogue indices of the fields the expression reads, in first-use order.
    public let fields: [Int]
    public let evaluate: Evaluator<Truth>
    /// The same expression, answering also which of `fields` it reads for a case.
    public let witness: Witness
}

/// A compiled number expression (`count`).
public struct NumberExpression: Sendable {
    public let source: String
    public let fields: [Int]
    public let evaluate: Evaluator<ExactNumber?>
}
