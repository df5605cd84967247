import PingchaModel

/// A reviewer (评查人员) from the `--reviewers` list: a name and the department they work in,
/// which is the department whose cases they must not review (回避).
public struct Reviewer: Sendable, Hashable, Codable {
    public var name: String
    public var department: String

    public init(name: String, department: String) {
        self.name = name
        self.department = department
    }

    /// The department as recusal compares it: spaces anywhere (ASCII or the full-width U+3000
    /// that Chinese input methods produce) and full-width letters folded, so a stray space in a
    /// hand-typed reviewers list cannot let someone review their own department's cases.
    static func recusalKey(_ department: String) -> String { HeaderKey.folded(department) }

    /// Whether recusal (回避) forbids this reviewer from reviewing a case of `department`: the
    /// same name, or one that ends the other — "克拉玛依市公安局" and "公安局" are one body, as
    /// the profiles match them (a reviewer listed with the city's prefix was given their own
    /// department's cases).
    public func mustRecuse(from department: String) -> Bool {
        let mine = Self.recusalKey(self.department), theirs = Self.recusalKey(department)
        guard !mine.isEmpty, !theirs.isEmpty else { return mine == theirs }
        return mine.hasSuffix(theirs) || theirs.hasSuffix(mine)
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
