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
    /// `on_fail: review`: the check is a screen (a pattern over free text), its failure
    /// leaves the rule undecided and marks the finding suspect.
    public var onFail: FailPolicy = .deduct
    /// The statistics this rule's outcome feeds.
    public var measures: [Measure] = []
    /// The words of the article the rule rests on (one sentence), for the standards reference.
    public var quote: String?
    /// The test in plain Chinese, for the standards reference.
    public var explain: String?
    /// Label under which failures are grouped as main problems (default: category title).
    public var problem: String
    public var category: Int
    /// Catalogue indices of every field the rule's expressions can read (the standards
    /// reference lists them); a finding shows those read for its case (``findingFields``).
    public var fields: [Int]

    /// What a finding of this rule shows, laid out for a scorer to keep.
    public var findingFields: FindingFields {
        switch kind {
        case .check(let check):
            return FindingFields(fields: fields, when: when?.witness, check: check.witness, checkFields: check.fields, count: [])
        case .count(let count): return FindingFields(fields: fields, when: when?.witness, check: nil, checkFields: [], count: count.fields)
        case .manual: return FindingFields(fields: fields, when: when?.witness, check: nil, checkFields: [], count: [])
        }
    }

    public var isScreen: Bool { onFail == .review }

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
    /// What a vetoed case scores: its points (`keep`) or 0 (`zero`).
    public var vetoScore: VetoScore = .keep
    /// The params its expressions read (its own and its fragments'), with default values.
    public var params: [RubricParam] = []
    /// Its rules as each profile that changes them tailors them.
    public var tailorings: [Tailoring] = []
    public var categories: [RubricCategory]
    public var rules: [Rule]
    public var description: String?
    public var path: String
    /// The rubric file and every fragment it includes, for hashing and display.
    public var files: [String]

    public func ruleIndex(_ id: String) -> Int? { rules.firstIndex { $0.id == id } }

    /// The tailoring of a profile, if that profile changes this rubric.
    public func tailoring(profile: Int) -> Tailoring? { tailorings.first { $0.profile == profile } }

    /// The lowest band: "pass" means any other grade.
    public var lowestGrade: Int { grades.count - 1 }

    /// The band of a score: the first whose `min` is at most it.
    public func grade(for score: DecimalNumber) -> Int {
        grades.firstIndex { $0.min <= score } ?? lowestGrade
    }
}

/// What a vetoed case scores (`veto_score`).
public enum VetoScore: String, CaseIterable, Sendable {
    /// Its points after deductions, as before.
    case keep
    /// 0, as published standards score a file with a fatal defect ("案卷得分为0").
    case zero
}

/// What a failed check means (`on_fail`).
public enum FailPolicy: String, CaseIterable, Sendable {
    /// A verdict: the rule's deduction.
    case deduct
    /// A screen: undecided, suspect, for a reviewer.
    case review
}

/// A rubric's rules as one profile tailors them: compiled again with the profile's param
/// values, in the same order with the same ids, some switched off.
public struct Tailoring: Sendable {
    /// Index into the loaded profiles.
    public var profile: Int
    public var appliesWhen: Predicate?
    public var rules: [Rule]
    /// Rule index → the profile's reason for switching it off (the rule is not applicable).
    public var disabled: [Int: String]
}
