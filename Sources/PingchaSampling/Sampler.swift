import Foundation

/// Draws the sample: every must-review case, plus a random draw within each department among
/// the others. The procedure is docs/sampling.md, step for step; keep the two in agreement
/// (and rename ``SampleDraw/algorithmName`` on any change that can change a sample).
public enum Sampler {
    public static func draw(_ candidates: [SamplingCandidate], plan: SamplingPlan) throws(SamplingError) -> SampleDraw {
        try plan.validate()
        for c in candidates where !(c.risk.isFinite && c.risk >= 0) {
            throw .invalidRisk(department: c.department, caseId: c.caseId, risk: c.risk)
        }
        // Step 1: one stable order, whatever order the caller's cases came in.
        let sorted = candidates.sorted(by: StableOrder.less)
        var tallies: [DepartmentTally] = []
        var cases: [SampledCase] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && StableOrder.same(sorted[end].department, sorted[start].department) { end += 1 }
            let group = Array(sorted[start..<end])
            for i in 1..<max(group.count, 1) where StableOrder.same(group[i].caseId, group[i - 1].caseId) {
                throw .duplicateCase(department: group[i].department, caseId: group[i].caseId)
            }
            let (tally, chosen) = drawDepartment(group, plan: plan)
            tallies.append(tally)
            cases += chosen
            start = end
        }
        return SampleDraw(seed: plan.seed, plan: plan, method: methodText(plan),
                          departments: tallies, cases: cases)
    }

    /// Steps 2–5 for one department, whose cases are already in the stable order.
    static func drawDepartment(_ group: [SamplingCandidate], plan: SamplingPlan) -> (DepartmentTally, [SampledCase]) {
        let department = group[0].department
        // Every case takes one number from the department's stream, in order, must-review ones
        // too: a case's number then depends only on its place in the department, not on which
        // other cases the `--must` expression happened to select.
        var rng = SplitMix64(seed: plan.seed, department: department)
        let keys = group.map { c -> Double in
            let u = SplitMix64.unit(rng.next())
            return plan.riskWeighted ? weightedKey(u, risk: c.risk) : u
        }
        let eligible = group.indices.filter { !group[$0].mustReview }
        let quota = plan.quota(population: group.count)
        let take = min(quota, eligible.count)
        // Largest keys win; equal keys keep the stable order (the earlier case wins).
        let ranked = eligible.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }
        let drawn = Set(ranked.prefix(take))
        var chosen: [SampledCase] = []
        for (i, c) in group.enumerated() {
            if c.mustReview { chosen.append(SampledCase(c, reason: .mustReview)) }
            else if drawn.contains(i) { chosen.append(SampledCase(c, reason: .drawn)) }
        }
        let tally = DepartmentTally(department: department, population: group.count,
                                    mustReview: group.count - eligible.count, quota: quota, drawn: take)
        return (tally, chosen)
    }

    /// Efraimidis–Spirakis (2006): taking the k largest `u^(1/w)` is weighted sampling without
    /// replacement. `w = 1 + risk` keeps zero-risk cases drawable (weight 1, not 0). With
    /// `w = 1` the key is `u` itself, exactly, so an unweighted draw needs no `pow` at all.
    static func weightedKey(_ u: Double, risk: Double) -> Double {
        let w = 1 + risk
        return w == 1 ? u : pow(u, 1 / w)
    }

    /// The method as the draw record states it.
    static func methodText(_ plan: SamplingPlan) -> String {
        let quota: String
        if let n = plan.perDepartment {
            quota = "其余案卷按执法部门分层，各部门随机抽取 \(n) 件（可抽案卷不足 \(n) 件的全部抽取）"
        } else if let f = plan.fractionText {
            quota = "其余案卷按执法部门分层，各部门随机抽取本部门案卷总数的 \(f)（按四舍五入取整，比例大于 0 时至少 1 件；可抽案卷不足的全部抽取）"
        } else {
            return "仅纳入必查案卷，不随机抽取。算法 \(SampleDraw.algorithmName)，随机种子 \(plan.seed)。"
        }
        let how = plan.riskWeighted
            ? "按风险加权不放回抽样（Efraimidis–Spirakis 方法，权重 = 1 + 风险值，风险值为 0 的案卷也可能被抽中）"
            : "简单随机不放回抽样"
        return "必查案卷全部纳入，不占抽取名额；\(quota)；\(how)。"
            + "随机数用 SplitMix64，各部门的初始状态为随机种子 \(plan.seed) 与部门名称（UTF-8）FNV-1a 64 位散列的异或；"
            + "算法 \(SampleDraw.algorithmName)，步骤见 docs/sampling.md，任何人可据此复核重抽。"
    }
}
