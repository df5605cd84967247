/// Three-valued (Kleene) truth: a rule that reads a missing field is neither met nor failed.
public enum Truth: UInt8, Sendable {
    case no = 0, yes = 1, unknown = 2

    public init(_ b: Bool) { self = b ? .yes : .no }

    /// false and unknown = false; true and unknown = unknown.
    @inline(__always)
    public static func && (a: Truth, b: @autoclosure () -> Truth) -> Truth {
        if a == .no { return .no }
        let r = b()
        if r == .no { return .no }
        return a == .yes && r == .yes ? .yes : .unknown
    }

    /// true or unknown = true; false or unknown = unknown.
    @inline(__always)
    public static func || (a: Truth, b: @autoclosure () -> Truth) -> Truth {
        if a == .yes { return .yes }
        let r = b()
        if r == .yes { return .yes }
        return a == .no && r == .no ? .no : .unknown
    }

    @inline(__always)
    public static prefix func ! (a: Truth) -> Truth {
        switch a {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return .unknown
        }
    }
}
