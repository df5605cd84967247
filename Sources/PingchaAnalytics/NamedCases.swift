import PingchaModel

/// The cases a bulletin may name as excellent (优秀案卷) or unqualified (不合格案卷): how many
/// there are, how many of them are decided, and the decided ones to list — the best (or
/// worst) scores first, at most a limit. Among equal scores the departments take turns (each
/// one's first case, then each one's second …, departments by name), so that a capped list does
/// not name one department only. A pending case is never listed.
public struct NamedCases: Sendable, Equatable {
    public var total = 0
    public var decided = 0
    /// The listed cases' numbers, in list order.
    public var caseNos: [Int] = []

    public init(total: Int = 0, decided: Int = 0, caseNos: [Int] = []) {
        self.total = total
        self.decided = decided
        self.caseNos = caseNos
    }

    /// The bulletin's default length of a list (settings.yaml `list_limit`).
    public static let defaultLimit = 30
}

/// ``NamedCases`` gathered case by case, in case order. Only a department's first `limit`
/// cases of each score can be listed (the turns are taken in case order), so that is all it
/// keeps.
struct NamedCasesTally: Sendable {
    let limit: Int
    /// Excellent cases are listed best first, unqualified ones worst first.
    let bestFirst: Bool
    private var total = 0, decided = 0
    private struct Group: Hashable {
        var department: UTF8Key
        /// The score in units; nil sorts below every score.
        var score: Int64?
    }
    private var groups: [Group: [Int]] = [:]

    init(limit: Int, bestFirst: Bool) {
        self.limit = Swift.max(0, limit)
        self.bestFirst = bestFirst
    }

    mutating func add(_ c: ScoredCase) {
        total += 1
        guard c.isDecided else { return }
        decided += 1
        guard limit > 0 else { return }
        let key = Group(department: UTF8Key(c.department), score: c.score?.units)
        if groups[key, default: []].count < limit { groups[key, default: []].append(c.caseNo) }
    }

    var named: NamedCases {
        struct Entry { var score: Int64?, turn: Int, department: String, caseNo: Int }
        var entries: [Entry] = []
        for (group, caseNos) in groups {
            for (turn, caseNo) in caseNos.enumerated() {
                entries.append(Entry(score: group.score, turn: turn, department: group.department.text, caseNo: caseNo))
            }
        }
        let bestFirst = self.bestFirst
        entries.sort { a, b in
            if a.score != b.score {
                // A missing score is the lowest (as SQL sorts NULL).
                let x = a.score ?? .min, y = b.score ?? .min
                return bestFirst ? x > y : x < y
            }
            if a.turn != b.turn { return a.turn < b.turn }
            if a.department != b.department {
                // Departments by their bytes, as the store compares texts.
                return a.department.utf8.lexicographicallyPrecedes(b.department.utf8)
            }
            return a.caseNo < b.caseNo
        }
        return NamedCases(total: total, decided: decided, caseNos: entries.prefix(limit).map(\.caseNo))
    }
}
