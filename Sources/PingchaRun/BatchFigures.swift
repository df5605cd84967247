import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaStore

/// Every figure the run's reports print about a stored batch: the group summaries, the
/// category, rule and problem tables and the three-systems rates.
///
/// Two ways to the same values: ``ReportPass`` gathers them in one streaming pass over the
/// store (what `run` and `report` use: a million cases never sit in memory), and
/// ``init(stored:applicable:examplesPerProblem:)`` computes them with the analytics
/// functions from cases held in memory (the reference the tests compare the pass with).
struct BatchFigures: Equatable {
    /// The first case of each case id a reviewer decided rules of (for the agreement table).
    struct DecidedCase: Equatable {
        var reference: CaseReference
        var rubricId: String?
        /// The category of the case's first finding of each rule.
        var findingCategories: [String: String]
    }

    var all: GroupSummary
    /// Groups in order of first appearance in the batch.
    var departments: [GroupSummary]
    var enforcementTypes: [GroupSummary]
    var districts: [GroupSummary]
    var rubricGroups: [GroupSummary]
    var categories: [CategorySummary]
    var problems: [ProblemSummary]
    var rules: [RuleSummary]
    var threeSystems: [ThreeSystemRate]
    var decidedCases: [String: DecidedCase]

    /// How many example cases a main problem names in analysis.md.
    static let examplesPerProblem = 3
    /// How many example cases a rule names in the bulletin.
    static let examplesPerRule = 2

    /// The analytics functions over cases in memory.
    init(stored: StoredCases, applicable: [RuleKey: Int], decidedCaseIds: Set<String> = [],
         examplesPerProblem: Int = BatchFigures.examplesPerProblem) {
        let cases = stored.cases
        all = Analytics.summariseAll(cases)
        departments = Analytics.summarise(cases, by: \.department)
        enforcementTypes = Analytics.summarise(cases, by: \.enforcementType)
        districts = Analytics.summarise(cases, by: \.district)
        rubricGroups = Analytics.summarise(cases, by: \.rubricId)
        categories = Analytics.categorySummaries(cases, rubrics: stored.rubrics)
        problems = Analytics.mainProblems(cases, examplesPerProblem: examplesPerProblem)
        rules = Analytics.ruleSummaries(cases, rubrics: stored.rubrics, applicable: applicable, examplesPerRule: BatchFigures.examplesPerRule)
        threeSystems = Analytics.threeSystemsRates(cases)
        var decided: [String: DecidedCase] = [:]
        for c in cases where decidedCaseIds.contains(c.caseId) && decided[c.caseId] == nil {
            var categories: [String: String] = [:]
            for f in c.findings where categories[f.ruleId] == nil { categories[f.ruleId] = f.categoryId }
            decided[c.caseId] = DecidedCase(reference: c.reference, rubricId: c.rubricId, findingCategories: categories)
        }
        decidedCases = decided
    }

    init(all: GroupSummary, departments: [GroupSummary], enforcementTypes: [GroupSummary], districts: [GroupSummary],
         rubricGroups: [GroupSummary], categories: [CategorySummary], problems: [ProblemSummary], rules: [RuleSummary],
         threeSystems: [ThreeSystemRate], decidedCases: [String: DecidedCase]) {
        self.all = all
        self.departments = departments
        self.enforcementTypes = enforcementTypes
        self.districts = districts
        self.rubricGroups = rubricGroups
        self.categories = categories
        self.problems = problems
        self.rules = rules
        self.threeSystems = threeSystems
        self.decidedCases = decidedCases
    }
}

/// Maps the bytes of a stored text to a small number, first seen first, without making a
/// Swift string for every row (a batch repeats a few dozen departments a million times).
struct ByteKeys {
    private var slots = [Int32](repeating: -1, count: 64)
    private var arena: [UInt8] = []
    private var spans: [(start: Int, count: Int, hash: UInt64)] = []
    /// The texts, by number.
    private(set) var names: [String] = []

    var count: Int { names.count }

    mutating func id(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let s = Int(slots[i])
            if s < 0 { break }
            let span = spans[s]
            if span.hash == hash && span.count == key.count && arena.withUnsafeBufferPointer({
                key.isEmpty || memcmp($0.baseAddress! + span.start, key.baseAddress!, key.count) == 0
            }) {
                return s
            }
            i = (i + 1) & mask
        }
        let id = names.count
        spans.append((arena.count, key.count, hash))
        arena.append(contentsOf: key)
        names.append(String(decoding: key, as: UTF8.self))
        slots[i] = Int32(id)
        if names.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, span) in spans.enumerated() {
            var i = Int(truncatingIfNeeded: span.hash) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}

extension DecimalNumber {
    /// Parses the canonical text the store writes (``description``) straight from bytes;
    /// anything else goes through the general parser.
    init?(storedBytes b: UnsafeBufferPointer<UInt8>) {
        var i = 0, negative = false
        if i < b.count, b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var integer: Int64 = 0, fraction: Int64 = 0, digits = 0, fractionDigits = 0, point = false
        while i < b.count {
            let c = b[i]
            i += 1
            if c == UInt8(ascii: ".") && !point { point = true; continue }
            guard c >= 0x30, c <= 0x39, digits < 15, fractionDigits < DecimalNumber.fractionDigits else {
                self.init(String(decoding: b, as: UTF8.self))
                return
            }
            digits += 1
            if point { fraction = fraction * 10 + Int64(c - 0x30); fractionDigits += 1 } else { integer = integer * 10 + Int64(c - 0x30) }
        }
        guard digits > 0 else { self.init(String(decoding: b, as: UTF8.self)); return }
        while fractionDigits < DecimalNumber.fractionDigits { fraction *= 10; fractionDigits += 1 }
        let units = integer * DecimalNumber.scale + fraction
        self.init(units: negative ? -units : units)
    }
}
