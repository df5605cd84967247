/// The figures of stage 5 (分析): what the bulletin (通报), the department table, the
/// annual statistics (统计) and the cross-year comparison print.
///
/// Everything here is a pure function on plain values: the store reads a batch out of
/// SQLite into ``ScoredCase`` values and ``RubricInfo`` descriptions, and these functions
/// turn them into ``GroupSummary``, ``RankedGroup``, ``ProblemSummary`` and friends. No
/// I/O, no SQL, no global state, so every published figure can be recomputed (and
/// tested) from the values alone.
///
/// The functions live in this caseless namespace rather than at module level so that a
/// file importing several Pingcha modules can call `Analytics.rank(…)` or
/// `Analytics.compare(…)` without clashing with local names such as `rank`.
public enum Analytics {
    /// The normal quantile for a two-sided 95 % interval (Φ⁻¹(0.975)), used for every
    /// Wilson interval here.
    public static let z95 = 1.959964

    /// A suggested default for the `--min-cases` flag of rankings: below five scored cases
    /// a single case moves a department's mean by a fifth of its spread and its pass-rate
    /// interval is wider than half the scale, so a rank would say more than the data.
    /// The command decides; this is only the value it may start from.
    public static let defaultMinimumCases = 5
}
