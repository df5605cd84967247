import PingchaModel

/// The value of a rubric parameter: one of the expression language's types.
public enum ParamValue: Sendable, Equatable {
    case number(ExactNumber)
    case text(String)
    case bool(Bool)
    case date(CivilDate)
    case list([String])

    public var type: ValueType {
        switch self {
        case .number: return .number
        case .text: return .text
        case .bool: return .bool
        case .date: return .date
        case .list: return .list(.text)
        }
    }

    /// How the value reads in a standards reference or a stored definition: `2000`,
    /// `是`, `2024-01-01`, `警告、罚款`.
    public var display: String {
        switch self {
        case .number(let n): return n.description
        case .text(let s): return s
        case .bool(let b): return b ? "是" : "否"
        case .date(let d): return d.description
        case .list(let items): return items.joined(separator: "、")
        }
    }

    /// The names a param declaration's `type` may take.
    static let typeNames: [String: ValueType] = ["number": .number, "text": .text, "bool": .bool, "date": .date,
                                                 "list": .list(.text)]

    /// Reads a value written as YAML text (or a list of texts) as `type`; nil if it is not one.
    static func parse(_ text: String?, items: [String]?, as type: ValueType) -> ParamValue? {
        switch type {
        case .list:
            if let items { return .list(items) }
            return text.map { .list($0.isEmpty ? [] : [$0]) }
        case .number:
            guard let t = text else { return nil }
            let negative = t.hasPrefix("-")
            guard let n = ExactNumber(literal: negative ? String(t.dropFirst()) : t) else { return nil }
            return .number(negative ? (-n ?? n) : n)
        case .text:
            return text.map { .text($0) }
        case .bool:
            switch text?.lowercased() {
            case "true"?: return .bool(true)
            case "false"?: return .bool(false)
            default: return nil
            }
        case .date:
            return text.flatMap(CivilDate.init(iso:)).map { .date($0) }
        }
    }
}

/// A named, typed value that a rubric's expressions read as `$name` (评查参数): a threshold
/// written once, which a profile may tailor for some departments without editing the rules
/// (the amount of a 较大数额罚款, a publication period).
public struct RubricParam: Sendable {
    public var name: String
    public var value: ParamValue
    /// 中文名, for the standards reference.
    public var title: String?
    /// Where the default value comes from, and whether it was checked against the text.
    public var basis: String?
    /// The file that declared it (the rubric or a fragment).
    public var file: String
    public var type: ValueType { value.type }
}
