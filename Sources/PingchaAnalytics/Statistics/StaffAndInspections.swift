import PingchaModel

/// 执法人员 per body from the staff roster: how many are listed, how many hold a certificate
/// (持证率), and how many had the year's required training (Art. 18; the minimum comes from
/// `rubrics/statistics/training.yaml`).
public struct StaffFigures: Sendable, Equatable {
    public var listed = 0
    /// 持证 yes / no / blank.
    public var certified = 0, uncertified = 0, certificationUnknown = 0
    /// Training hours at least the minimum / below it / blank.
    public var trained = 0, undertrained = 0, trainingUnknown = 0
    /// Roster lines naming an officer already listed for the body (same 证件编号, or the same
    /// name where the roster gives no number): counted once.
    public var repeated = 0

    public init() {}

    /// 持证率 over the officers whose 持证 is filled in.
    public var certificationRate: StatisticsValue { .rate(met: certified, of: certified + uncertified) }
    /// 培训达标率 over the officers whose hours are filled in.
    public var trainingRate: StatisticsValue { .rate(met: trained, of: trained + undertrained) }

    /// Whether fewer than `percent` % of the officers whose hours are filled in had the year's
    /// training, compared exactly (3 of 5 is not below 60 %). A body with no hours filled in is
    /// not judged: its 培训达标率 is —, said under the table as 未填学时.
    public func trainingRate(below percent: DecimalNumber) -> Bool {
        let of = trained + undertrained
        guard of > 0, let bar = percent.multiplied(byInteger: Int64(of)) else { return false }
        return DecimalNumber(trained * 100) < bar
    }

    /// Per body and in total. An officer listed twice for the same body counts once (the first
    /// line); listed for two bodies, once for each.
    public static func tally(_ roster: [StaffMember], minimumHours: DecimalNumber) -> (byBody: [String: StaffFigures], total: StaffFigures) {
        var byBody: [String: StaffFigures] = [:]
        var total = StaffFigures()
        var seen = Set<String>()
        for m in roster {
            let identity = m.body + "\u{1F}" + (m.certificateNumber.map { "证" + $0 } ?? "名" + m.name)
            guard seen.insert(identity).inserted else {
                byBody[m.body, default: StaffFigures()].repeated += 1
                total.repeated += 1
                continue
            }
            for apply in [{ (f: inout StaffFigures) in f.add(m, minimumHours: minimumHours) }] {
                apply(&byBody[m.body, default: StaffFigures()])
                apply(&total)
            }
        }
        return (byBody, total)
    }

    mutating func add(_ m: StaffMember, minimumHours: DecimalNumber) {
        listed += 1
        switch m.certified {
        case true?: certified += 1
        case false?: uncertified += 1
        case nil: certificationUnknown += 1
        }
        switch m.trainingHours {
        case let h? where h >= minimumHours: trained += 1
        case .some: undertrained += 1
        case nil: trainingUnknown += 1
        }
    }
}

/// 检查次数 per body from the inspection register, counted the official way: one object
/// inspected on one day with a complete record (date, object and result) is one 次, however
/// many lines the register gives it; incomplete records and records outside the report's
/// period are counted apart, never as inspections.
public struct InspectionFigures: Sendable, Equatable {
    public var inspections = 0
    /// Lines of an inspection already counted (same object, same day).
    public var repeatedLines = 0
    /// Lines without a date, an object or a result.
    public var incomplete = 0
    /// Complete lines dated outside the period.
    public var outsidePeriod = 0

    public init() {}

    public static func tally(_ register: [InspectionRecord], period: StatsPeriod) -> (byBody: [String: InspectionFigures], total: InspectionFigures) {
        var byBody: [String: InspectionFigures] = [:]
        var total = InspectionFigures()
        var seen = Set<String>()
        func count(_ body: String, _ change: (inout InspectionFigures) -> Void) {
            change(&byBody[body, default: InspectionFigures()])
            change(&total)
        }
        for r in register {
            guard let date = r.date, let object = r.object, r.result != nil else {
                count(r.body) { $0.incomplete += 1 }
                continue
            }
            guard period.contains(date) else {
                count(r.body) { $0.outsidePeriod += 1 }
                continue
            }
            if seen.insert(r.body + "\u{1F}" + object + "\u{1F}" + date.description).inserted {
                count(r.body) { $0.inspections += 1 }
            } else {
                count(r.body) { $0.repeatedLines += 1 }
            }
        }
        return (byBody, total)
    }
}

extension BodyTable {
    /// 执法人员 of every body (`bodies`, then any body only the roster names).
    public static func staff(_ roster: [StaffMember], bodies: [String], minimumHours: DecimalNumber, basis: String) -> BodyTable {
        let (byBody, total) = StaffFigures.tally(roster, minimumHours: minimumHours)
        // Eight narrow columns, so that the body's name keeps room on an A4 page; the officers
        // whose 持证 is blank (rare) are said under the table.
        func values(_ f: StaffFigures) -> [StatisticsValue] {
            [.count(f.listed), .count(f.certified), .count(f.uncertified), f.certificationRate,
             .count(f.trained), .count(f.undertrained), .count(f.trainingUnknown), f.trainingRate]
        }
        let names = bodies + byBody.keys.filter { !bodies.contains($0) }.sorted()
        let hours = minimumHours.description
        var definitions: [String] = [
            "人数：执法人员名册所列人员，同一执法主体的同一人（证件编号相同，无编号时姓名相同）只计一次\(total.repeated > 0 ? "（重复列出 \(total.repeated) 行，未重复计算）" : "")。",
            "持证率 = 持证人数 ÷（持证人数 + 未持证人数）；名册未填写是否持证的不计入分母" + (total.certificationUnknown > 0
                ? "（共\(total.certificationUnknown)人：" + names.compactMap { n in byBody[n].flatMap { $0.certificationUnknown > 0 ? "\(n)\($0.certificationUnknown)人" : nil } }.joined(separator: "、") + "）。"
                : "。"),
            "培训达标：年度培训学时不少于\(hours)学时；达标率 = 培训达标人数 ÷ 填写了培训学时的人数（未填学时的不计入分母）。依据：\(basis)",
        ]
        if total.listed == 0 { definitions.append("名册中没有执法人员。") }
        return BodyTable(title: "执法人员", columns: ["人数", "持证", "未持证", "持证率", "培训达标", "培训不足", "未填学时", "达标率"],
                         rows: names.map { Row(body: $0, values: values(byBody[$0] ?? StaffFigures())) },
                         total: Row(body: "合计", values: values(total)), definitions: definitions)
    }

    /// 检查次数 of every body from the inspection register.
    public static func inspections(_ register: [InspectionRecord], bodies: [String], period: StatsPeriod) -> BodyTable {
        let (byBody, total) = InspectionFigures.tally(register, period: period)
        func values(_ f: InspectionFigures) -> [StatisticsValue] {
            [.count(f.inspections), .count(f.repeatedLines), .count(f.incomplete), .count(f.outsidePeriod)]
        }
        let names = bodies + byBody.keys.filter { !bodies.contains($0) }.sorted()
        return BodyTable(title: "行政检查（检查台账）", columns: ["检查次数", "同一次检查的重复记录", "记录不完整（未计入）", "不在统计期间（未计入）"],
                         rows: names.map { Row(body: $0, values: values(byBody[$0] ?? InspectionFigures())) },
                         total: Row(body: "合计", values: values(total)),
                         definitions: [
                            "检查次数：检查台账中对一个检查对象在一日内的一次检查计一次，同一次检查的多行记录只计一次；检查日期须在统计期间\(AnnualStatistics.text(period.start))至\(AnnualStatistics.text(period.cutoff, after: period.start))内。",
                            "记录不完整：缺少检查日期、检查对象或检查结果的记录，不计入检查次数，请补全后重新统计。",
                         ])
    }
}
