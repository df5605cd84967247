/// A reviewer (评查人员) from the `--reviewers` list: a name and the department they work in,
/// which is the department whose cases they must not review (回避).
public struct Reviewer: Sendable, Hashable, Codable {
    public var name: String
    public var department: String

    public init(name: String, department: String) {
        self.name = name
        self.department = department
    }

    /// The department as recusal compares it: surrounding spaces (ASCII or the full-width
    /// U+3000 that Chinese input methods produce) are ignored, so a stray space in a hand-typed
    /// reviewers list cannot let someone review their own department's cases.
    static func recusalKey(_ department: String) -> Substring {
        Substring(department).trimmingWhitespace
    }

    /// Whether recusal (回避) forbids this reviewer from reviewing a case of `department`.
    public func mustRecuse(from department: String) -> Bool {
        Self.recusalKey(self.department) == Self.recusalKey(department)
    }
}

extension Substring {
    var trimmingWhitespace: Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
