/// The static types of the rule language. Enum fields are text whose values are fixed.
public indirect enum ValueType: Equatable, Sendable, CustomStringConvertible {
    case bool, number, text, date
    case list(ValueType)

    public var description: String {
        switch self {
        case .bool: return "布尔值"
        case .number: return "数字"
        case .text: return "文本"
        case .date: return "日期"
        case .list(let e): return "\(e)列表"
        }
    }
}
