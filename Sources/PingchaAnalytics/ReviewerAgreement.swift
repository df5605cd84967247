/// A reviewer's outcome for one rule of one case on a scoresheet (符合/不符合/不适用).
public enum ReviewerVerdict: String, CaseIterable, Sendable, Hashable {
    case pass, fail, na
}

/// Two reviewers' outcomes for the same rule of the same case (双人评查).
public struct ReviewerPairItem: Sendable, Hashable {
    public var caseReference: CaseReference
    public var ruleId: String
    /// The rule's category: agreement is reported per category.
    public var categoryId: String
    public var first: ReviewerVerdict
    public var second: ReviewerVerdict

    public init(caseReference: CaseReference, ruleId: String, categoryId: String,
                first: ReviewerVerdict, second: ReviewerVerdict) {
        self.caseReference = caseReference
        self.ruleId = ruleId
        self.categoryId = categoryId
        self.first = first
        self.second = second
    }
}

/// Agreement between two reviewers over a set of items (评查一致性).
///
/// Percentage agreement alone flatters: if nearly every rule passes, two reviewers who
/// tick "pass" blindly agree 95 % of the time. Cohen's kappa corrects for the agreement
/// their own marginal frequencies would give by chance:
/// κ = (pₒ − pₑ)/(1 − pₑ), pₒ = agreed/n, pₑ = Σₖ (first's share of k)(second's share of k).
/// It is computed from integer counts, (n·agreed − Σ rₖcₖ)/(n² − Σ rₖcₖ), so equal tables
/// give bit-identical kappas.
public struct AgreementFigures: Sendable, Hashable {
    /// Nil for the figures over all categories.
    public var categoryId: String?
    /// counts[first][second], every verdict present.
    public var table: [ReviewerVerdict: [ReviewerVerdict: Int]]

    public init(categoryId: String?, table: [ReviewerVerdict: [ReviewerVerdict: Int]]) {
        self.categoryId = categoryId
        self.table = table
    }

    public func count(first: ReviewerVerdict, second: ReviewerVerdict) -> Int { table[first]?[second] ?? 0 }

    public var items: Int { ReviewerVerdict.allCases.reduce(0) { n, f in n + firstTotal(f) } }
    public var agreed: Int { ReviewerVerdict.allCases.reduce(0) { $0 + count(first: $1, second: $1) } }

    func firstTotal(_ v: ReviewerVerdict) -> Int { ReviewerVerdict.allCases.reduce(0) { $0 + count(first: v, second: $1) } }
    func secondTotal(_ v: ReviewerVerdict) -> Int { ReviewerVerdict.allCases.reduce(0) { $0 + count(first: $1, second: v) } }

    /// Σₖ rₖcₖ: n² times the chance agreement.
    var chanceProducts: Int { ReviewerVerdict.allCases.reduce(0) { $0 + firstTotal($1) * secondTotal($1) } }

    /// pₒ = agreed / items; nil without items.
    public var percentAgreement: Double? { items > 0 ? Double(agreed) / Double(items) : nil }

    /// pₑ, the agreement expected by chance; nil without items.
    public var expectedAgreement: Double? {
        items > 0 ? Double(chanceProducts) / Double(items * items) : nil
    }

    /// Cohen's κ; nil without items or when pₑ = 1 (both reviewers gave one and the same
    /// verdict to everything: agreement is certain by chance and κ is 0/0).
    public var kappa: Double? {
        let n = items, s = chanceProducts
        guard n > 0, n * n != s else { return nil }
        return Double(n * agreed - s) / Double(n * n - s)
    }
}

/// Agreement over all items and per rule category, with the items the reviewers
/// disagreed on.
public struct ReviewerAgreement: Sendable, Hashable {
    public var overall: AgreementFigures
    /// In order of first appearance of the category among the items.
    public var byCategory: [AgreementFigures]
    /// Items with different verdicts, in the order given.
    public var disagreements: [ReviewerPairItem]

    public init(overall: AgreementFigures, byCategory: [AgreementFigures], disagreements: [ReviewerPairItem]) {
        self.overall = overall
        self.byCategory = byCategory
        self.disagreements = disagreements
    }
}

extension Analytics {
    /// Percentage agreement and Cohen's kappa between two reviewers who scored the same
    /// (case, rule) items, overall and per rule category.
    public static func agreement(_ items: [ReviewerPairItem]) -> ReviewerAgreement {
        let empty = Dictionary(uniqueKeysWithValues: ReviewerVerdict.allCases.map { first in
            (first, Dictionary(uniqueKeysWithValues: ReviewerVerdict.allCases.map { ($0, 0) }))
        })
        var overall = AgreementFigures(categoryId: nil, table: empty)
        var categories: [AgreementFigures] = []
        var index: [String: Int] = [:]
        for item in items {
            overall.table[item.first, default: [:]][item.second, default: 0] += 1
            if index[item.categoryId] == nil {
                index[item.categoryId] = categories.count
                categories.append(AgreementFigures(categoryId: item.categoryId, table: empty))
            }
            categories[index[item.categoryId]!].table[item.first, default: [:]][item.second, default: 0] += 1
        }
        return ReviewerAgreement(overall: overall, byCategory: categories,
                                 disagreements: items.filter { $0.first != $0.second })
    }
}
