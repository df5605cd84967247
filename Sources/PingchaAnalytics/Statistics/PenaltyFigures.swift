/// The 行政处罚 table of the 年报 for one department or the total: decisions (宗) by their
/// heaviest kind and the amounts fined and confiscated (罚没金额).
///
/// Only 行政处罚 cases are counted here; decisions later revoked in 复议 or 诉讼 stay in,
/// as the templates count them (§4.2: "penalty counts include decisions later revoked").
public struct PenaltyFigures: Sendable, Hashable {
    /// 行政处罚决定 (宗): every penalty case decided in the year. Equals the sum of
    /// ``byHeaviestKind``, ``notPenalised`` and ``withoutKind``.
    public var decisions: Int
    /// Decisions per heaviest kind (``PenaltyKind/heaviest(of:)``); kinds with no decision
    /// are absent (read with `[kind, default: 0]`).
    public var byHeaviestKind: [PenaltyKind: Int]
    /// Decisions whose 处罚种类 is not recorded (未注明种类), a 不予处罚 decision apart.
    public var withoutKind: Int
    /// 不予处罚 decisions (裁量档次) that name no kind: they impose none, which is no gap in
    /// the record (they were counted as 未注明处罚种类).
    public var notPenalised: Int
    /// Of ``decisions``, those under the summary procedure (简易程序).
    public var summaryProcedure: Int
    /// 罚款: cases with a 罚款金额 above zero and their sum.
    public var fines: AmountTotal
    /// Decisions that list 罚款 among their kinds but record no 罚款金额: the fine total is
    /// short by their amounts, so the table says how many.
    public var fineAmountMissing: Int
    /// 没收: cases with a quantified 没收金额 and their sum (a confiscation enters 罚没金额
    /// only when quantified, §4.2).
    public var confiscations: AmountTotal

    public init() {
        decisions = 0
        byHeaviestKind = [:]
        withoutKind = 0
        notPenalised = 0
        summaryProcedure = 0
        fines = AmountTotal()
        fineAmountMissing = 0
        confiscations = AmountTotal()
    }

    /// 罚没金额: fines and confiscations together.
    public var forfeitures: AmountTotal { fines.combined(with: confiscations) }

    /// Counts one case; non-penalty cases are ignored.
    mutating func add(_ c: StatsCase) {
        guard c.isPenalty else { return }
        decisions += 1
        if let kind = PenaltyKind.heaviest(of: c.penaltyKinds) {
            byHeaviestKind[kind, default: 0] += 1
        } else if c.discretionLevel == "不予处罚" {
            notPenalised += 1
        } else {
            withoutKind += 1
        }
        if c.isSummaryPenalty { summaryProcedure += 1 }
        fines.add(c.fineAmount)
        if c.fineAmount == nil && c.penaltyKinds.contains("罚款") { fineAmountMissing += 1 }
        confiscations.add(c.confiscatedAmount)
    }
}
