import PingchaModel

/// One grade band: the first band whose `min` is at most the score wins.
public struct GradeBand: Sendable, Equatable {
    public var name: String
    public var min: DecimalNumber
}

/// A rubric category (评查项目) with its points and the range of its rules.
public struct RubricCategory: Sendable {
    public var id: String
    public var title: String
    public var points: DecimalNumber
    /// Indices into ``Rubric/rules``.
    public var rules: Range<Int>
    /// The file that defined it (the rubric or an included fragment).
    public var file: String
}

/// What a rule evaluates.
public enum RuleKind: Sendable {
    /// Boolean: true = the case meets the rule.
    case check(Predicate)
    /// Number of defects; deduction = deduct × count, capped by `max`.
    case count(NumberExpression)
    /// Decided only by reviewers' scoresheets.
    case manual
}

/// One rule (评查细则).
public struct Rule: Sendable {
    public var id: String
    public var title: String
    public var kind: RuleKind
    public var when: Predicate?
    public var deduct: DecimalNumber
    public var max: DecimalNumber?
    public var veto: Bool
    public var missing: MissingPolicy
    public var disposition: Disposition
    public var basis: String?
    /// Label under which failures are grouped as main problems (default: category title).
    public var problem: String
    public var category: Int
    /// Catalogue indices of every field the rule's expressions read, for findings.
    public var fields: [Int]

    public var isManual: Bool { if case .manual = kind { return true } else { return false } }

    /// The deduction of a failure that has no count of its own (`missing: fail`, a reviewer's
    /// `fail` without `deduct`): `max` for count rules, else `deduct`.
    public var fullDeduction: DecimalNumber {
        if case .count = kind, let max { return max }
        return deduct
    }
}

/// A loaded, checked and compiled rubric (评查标准).
public struct Rubric: Sendable {
    public var id: String
    public var version: String
    public var title: String
    public var priority: Int
    public var appliesWhen: Predicate?
    public var total: DecimalNumber
    public var grades: [GradeBand]
    /// Index into ``grades`` of the grade a vetoed case gets at best.
    public var vetoGrade: Int
    public var categories: [RubricCategory]
    public var rules: [Rule]
    public var description: String?
    public var path: String
    /// The rubric file and every fragment it includes, for hashing and display.
    public var files: [String]

    public func ruleIndex(_ id: String) -> Int? { rules.firstIndex { $0.id == id } }

    /// The lowest band: "pass" means any other grade.
    public var lowestGrade: Int { grades.count - 1 }

    /// The band of a score: the first whose `min` is at most it.
    public func grade(for score: DecimalNumber) -> Int {
        grades.firstIndex { $0.min <= score } ?? lowestGrade
    }
}
