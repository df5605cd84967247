import PingchaModel

/// The words the standards reference uses for a rubric's settings. They say what the scorer
/// does (rubric-format.md, "Scoring"), in the terms a supervisor uses, so that the reference
/// can be checked against the regulation without the YAML keys.
enum ReferenceTerms {
    /// The statistic a `measures:` name feeds, as the annual statistics name it.
    static func name(_ m: Measure) -> String {
        switch m {
        case .publicity: return "公示率"
        case .recording: return "全过程记录"
        case .legalReview: return "法制审核"
        case .decisionOnTime: return "按期作出决定"
        case .serviceOnTime: return "按期送达"
        case .publicationOnTime: return "按期公示"
        }
    }

    /// What an undetermined result (the rule read a field that is not filled in) leads to.
    static func missing(_ rule: Rule) -> String {
        switch rule.missing {
        case .review: return "列入人工复核，不扣分"
        case .fail: return "按不符合处理，扣 \(rule.fullDeduction) 分"
        case .pass: return "按符合处理"
        case .skip: return "按不适用处理"
        }
    }

    /// `deduct` (and `max` for a count rule) in words.
    static func deduction(_ rule: Rule) -> String {
        guard case .count = rule.kind else { return "\(rule.deduct) 分" }
        return "每项扣 \(rule.deduct) 分" + (rule.max.map { "，最多扣 \($0) 分" } ?? "")
    }

    /// The grade bands, highest first: the first band whose minimum the score reaches.
    static func grades(_ bands: [GradeBand]) -> String {
        guard bands.count > 1 else { return bands.first.map { "\($0.name)（全部案卷）" } ?? "" }
        return bands.enumerated().map { i, band in
            if i == 0 { return "\(band.name)（\(band.min) 分及以上）" }
            let below = "不足 \(bands[i - 1].min) 分"
            return i == bands.count - 1 ? "\(band.name)（\(below)）" : "\(band.name)（\(band.min) 分及以上，\(below)）"
        }.joined(separator: "；")
    }

    /// The grade a vetoed case gets: the lower of `veto_grade` and its score's band.
    static func vetoGrade(_ r: Rubric) -> String {
        let name = r.grades.indices.contains(r.vetoGrade) ? r.grades[r.vetoGrade].name : ""
        if r.vetoGrade == r.lowestGrade { return "否决项不符合的案卷，等次为“\(name)”，不论分数高低" }
        return "否决项不符合的案卷，等次至多为“\(name)”（分数所在等次更低的，取更低者）"
    }

    /// What a vetoed case scores (`veto_score`).
    static func vetoScore(_ r: Rubric) -> String {
        switch r.vetoScore {
        case .zero: return "否决项不符合的案卷得 0 分（各项扣分照常列出，计入问题统计）"
        case .keep: return "否决项不符合的案卷照常按扣分计分"
        }
    }

    static let screen = "自动检查只作筛查：不符合时列入人工复核，不直接扣分"
    static let manual = "由评查员查阅案卷，在评分表中判定；判定前列入人工复核，不扣分"
}
