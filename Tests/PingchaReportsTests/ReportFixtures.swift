import PingchaModel
import PingchaReports

/// A small hand-made batch: three departments, eight cases, figures worked out by hand. Two
/// cases are pending (one of the two excellent ones among them), so the bulletin is a 初评.
enum ReportFixtures {
    static let ranOn = CivilDate(year: 2025, month: 9, day: 26)!
    /// The periods of rubrics/followup/periods.yaml (10 and 5 working days; the run reads the
    /// file, these tests of the documents alone take its values).
    static let periods = RectificationPeriods(correction: .init(length: 10, workingDays: true),
                                              objection: .init(length: 5, workingDays: true),
                                              answer: .init(length: 10, workingDays: true))

    static let bulletin = BulletinFacts(
        batchName: "2025年度行政执法案卷评查", ranOn: ranOn, inputFiles: 2, rowsRead: 9, rowsRejected: 1,
        casesTotal: 8, casesScored: 7, casesUncovered: 1, needsReview: 2, reviewedByHand: 3,
        rubrics: [.init(id: "penalty-general", title: "行政处罚（普通程序）案卷评查标准", version: "2025.1")],
        byType: [.init("行政处罚", 6), .init("行政许可", 2)],
        grades: [.init("优秀", 2), .init("良好", 2), .init("合格", 1), .init("不合格", 2)],
        mean: 80.5, median: 86,
        departments: [
            .init(rank: 1, name: "市场监督管理局", cases: 4, scored: 4, mean: 88.75, meanInterval: 80.1...97.4,
                  passRate: 1, passInterval: 0.5101...1, excellentRate: 0.5, vetoCases: 0),
            .init(rank: 2, name: "生态环境局", cases: 3, scored: 2, mean: 72.5, meanInterval: 55...90,
                  passRate: 0.5, passInterval: 0.0945...0.9055, excellentRate: 0, vetoCases: 1),
            .init(rank: nil, name: "交通运输局", cases: 1, scored: 1, mean: 60, passRate: 0, passInterval: 0...0.7935,
                  excellentRate: 0, vetoCases: 0),
        ],
        minimumCasesForRank: 2,
        excellentTotal: 2, excellentDecided: 1,
        excellentCases: [
            ListedCase(department: "市场监督管理局", caseId: "市监罚〔2025〕3号", cause: "销售过期食品", partyName: "某某超市有限公司",
                       partyType: "法人", score: DecimalNumber("98"), grade: "优秀"),
        ],
        unqualifiedTotal: 2,
        unqualifiedCases: [
            ListedCase(department: "交通运输局", caseId: "交罚〔2025〕7号", cause: "张三无证经营道路运输，联系电话13912345678",
                       partyName: "张三", partyType: "自然人", score: DecimalNumber("60"), grade: "不合格", veto: false,
                       disposition: "责令改正", reasons: ["未告知陈述申辩权利", "送达超过法定期限"]),
            ListedCase(department: "生态环境局", caseId: "环罚〔2025〕1号", cause: "欧阳娜娜超标排放", partyName: "欧阳娜娜",
                       partyType: nil, score: DecimalNumber("55"), grade: "不合格", veto: true, disposition: "确认违法",
                       reasons: ["重大执法决定未经法制审核"]),
        ],
        categories: [
            .init(title: "程序", pointsLost: DecimalNumber("27.5")!, share: 0.6875),
            .init(title: "法制审核", pointsLost: DecimalNumber("12.5")!, share: 0.3125),
        ],
        problems: [
            .init(problem: "程序", findings: 3, cases: 2, shareOfCases: 2.0 / 7, rules: [
                .init(requirement: "告知陈述申辩权利", failed: 2, applicable: 6,
                      examples: [.init(department: "交通运输局", caseId: "交罚〔2025〕7号"), .init(department: "生态环境局", caseId: "环罚〔2025〕2号")]),
                .init(requirement: "决定书在法定期限内送达", failed: 1, applicable: 6,
                      examples: [.init(department: "交通运输局", caseId: "交罚〔2025〕7号")]),
            ]),
            .init(problem: "三项制度", findings: 1, cases: 1, shareOfCases: 1.0 / 7, rules: [
                .init(requirement: "重大执法决定经法制审核", failed: 1, applicable: 3, undecided: 1,
                      examples: [.init(department: "生态环境局", caseId: "环罚〔2025〕1号")]),
            ]),
        ],
        threeSystems: [
            .init(name: "公示率", title: "行政执法公示", applicable: 6, met: 5, unknown: 1, rate: 1),
            .init(name: "全过程记录率", title: "执法全过程记录", applicable: 4, met: 3, unknown: 0, rate: 0.75),
            .init(name: "法制审核率", title: "重大执法决定法制审核", applicable: 2, met: 1, unknown: 0, rate: 0.5),
        ],
        dispositions: [.init("确认违法", 1), .init("责令改正", 1)])
}
