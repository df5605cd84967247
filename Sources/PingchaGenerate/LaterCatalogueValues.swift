/// Values the field catalogue gained for the annual statistics (issue 16) after the sample
/// existed: the enforcement types 行政征用, 行政给付, 行政裁决, 行政奖励, and the closed 复议 and
/// 诉讼 that decide nothing on the act (复议 终止, 调解; 诉讼 撤诉, 驳回起诉, 调解).
///
/// Given from the annual-facts stream after every annual fact, so that the cases the review
/// standards score stay what they were:
/// - only 其他 cases are retyped, and no rubric applies to 其他 or to the four new types
///   (each rubric's `applies_when` names its type);
/// - only outcomes in the body's favour (复议 维持 or 驳回, 诉讼 驳回诉讼请求 or its old wording
///   维持) are replaced. The review's 复议诉讼纠错 rules (REM-01…04) then no longer apply
///   instead of passing: no deduction appears or disappears, and every 撤销, 变更 or 确认违法
///   stays, as does every 复议纠错率 and 败诉率 numerator.
enum LaterCatalogueValues {
    /// Share of a body's 其他 cases recorded as one of its 征用, 给付, 裁决 or 奖励 (the rest stay
    /// 其他, as many platforms export them).
    static let retypedShare = 0.6

    static func record(_ c: inout SyntheticCase, body: EnforcementBody, _ rng: inout CaseRandom) {
        if c.kind == .other, let kinds = body.retypedKinds, rng.chance(retypedShare) {
            let kind = EnforcementKind.retyped[kinds.pick(&rng)]
            c.kind = kind
            c.matter = rng.below(body.mattersUTF8[kind.rawValue].count)
        }
        if let r = c.reconsiderationResult {
            c.reconsiderationResult = reconsideration(after: r, &rng)
            // A withdrawn application ends sooner than a decided one; a later suit counts from
            // the old date, so that date stays when there is one.
            if c.reconsiderationResult == .terminated, c.litigated != true, let filed = c.annual.reconsiderationFiledDate {
                c.annual.reconsiderationClosedDate = filed.adding(days: rng.int(10...45))
            }
        }
        if let r = c.litigationResult {
            c.litigationResult = litigation(after: r, &rng)
            // 准许撤诉 and 驳回起诉 are rulings (裁定), usually well before a judgment would be.
            if c.litigationResult == .withdrawn || c.litigationResult == .suitDismissed,
               let filed = c.annual.litigationFiledDate {
                c.annual.litigationClosedDate = filed.adding(days: rng.int(20...90))
            }
        }
    }

    /// 复议: a closed case in the body's favour is 终止 in 8 % and 调解 in 1.5 % of draws, about
    /// 6 % and 1 % of all closed cases (74 % of the drawn outcomes favour the body): applicants
    /// who withdraw (行政复议法 第四十一条、第七十四条) and the rare mediation (第七十三条).
    static func reconsideration(after r: ReconsiderationResult, _ rng: inout CaseRandom) -> ReconsiderationResult {
        guard r == .upheld || r == .dismissed else { return r }
        switch rng.below(1000) {
        case 0..<80: return .terminated
        case 80..<95: return .mediated
        default: return r
        }
    }

    /// 诉讼: a closed case in the body's favour is 撤诉 in 24 %, 驳回起诉 in 5 % and 调解 in 1.5 %
    /// of draws — about 15 %, 3 % and 1 % of all closed cases (63 % of the drawn outcomes favour
    /// the body), near the shares published 行政应诉 statistics give (撤诉 10–20 %, 裁定驳回起诉 a
    /// few %; 调解 only where 行政诉讼法 第六十条 allows it).
    static func litigation(after r: LitigationResult, _ rng: inout CaseRandom) -> LitigationResult {
        guard r == .upheld || r == .claimDismissed else { return r }
        switch rng.below(1000) {
        case 0..<240: return .withdrawn
        case 240..<290: return .suitDismissed
        case 290..<305: return .mediated
        default: return r
        }
    }
}
