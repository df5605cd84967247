/// A normalised value of one case field. Enum values are stored as their canonical text.
public enum FieldValue: Hashable, Sendable {
    case text(String)
    case number(DecimalNumber)
    case bool(Bool)
    case date(CivilDate)
    case list([String])

    public var text: String? { if case .text(let v) = self { return v } else { return nil } }
    public var number: DecimalNumber? { if case .number(let v) = self { return v } else { return nil } }
    public var bool: Bool? { if case .bool(let v) = self { return v } else { return nil } }
    public var date: CivilDate? { if case .date(let v) = self { return v } else { return nil } }
    public var list: [String]? { if case .list(let v) = self { return v } else { return nil } }

    /// The value as it is printed in CSV outputs and messages.
    public var displayText: String {
        switch self {
        case .text(let v): return v
        case .number(let v): return v.description
        case .bool(let v): return v ? "是" : "否"
        case .date(let v): return v.description
        case .list(let v): return v.joined(separator: "；")
        }
    }
}
