import PingchaModel

/// How a set of cases fared in one category (评查类别: 主体, 证据, 程序, 三项制度 …).
///
/// Categories are keyed by id across rubrics (`procedure` of the penalty rubric and of the
/// licensing rubric are one row), since that is how the bulletin groups problems.
///
/// ``lossShare`` — points lost / points possible — is the figure that stays comparable
/// when a rubric's version changes: a new version can move points between rules and
/// change the total, but "procedure cost the department 12 % of its procedure points"
/// keeps its meaning.
public struct CategorySummary: Sendable, Hashable {
    public var categoryId: String
    /// The category's title in the rubrics that have it, in the order given; titles that
    /// differ are all given, joined with ／.
    public var title: String
    /// Scored cases whose rubric has the category.
    public var cases: Int
    /// Σ the category's points over those cases, exact.
    public var pointsPossible: DecimalNumber
    /// Σ (points − points kept) over those cases, exact.
    public var pointsLost: DecimalNumber
    /// Failed findings in the category.
    public var failedFindings: Int

    public init(categoryId: String, title: String, cases: Int, pointsPossible: DecimalNumber,
                pointsLost: DecimalNumber, failedFindings: Int) {
        self.categoryId = categoryId
        self.title = title
        self.cases = cases
        self.pointsPossible = pointsPossible
        self.pointsLost = pointsLost
        self.failedFindings = failedFindings
    }

    /// pointsLost / pointsPossible (失分率); nil when nothing was possible.
    public var lossShare: Double? {
        pointsPossible.units > 0 ? Double(pointsLost.units) / Double(pointsPossible.units) : nil
    }

    /// Mean points kept per case.
    public var meanKept: Double? {
        cases > 0 ? Double(pointsPossible.units - pointsLost.units) / Double(cases) / Double(DecimalNumber.scale) : nil
    }
}

extension Analytics {
    /// One ``CategorySummary`` per category id, in order of first appearance in `rubrics`.
    ///
    /// A case counts in a category when it is scored, its rubric is among `rubrics`, has
    /// the category, and the case carries a score for it. A missing category score means
    /// the store did not record one, so the case is left out of that category rather than
    /// guessed at; cases of rubrics not given are left out (their points possible are
    /// unknown). Failed findings are counted for every scored case of a given rubric.
    public static func categorySummaries(_ cases: [ScoredCase], rubrics: [RubricInfo]) -> [CategorySummary] {
        BatchFold.figures(of: cases, rubrics: rubrics).categories
    }
}
