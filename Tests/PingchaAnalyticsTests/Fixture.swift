import PingchaAnalytics
import PingchaModel
import PingchaRubric

/// A small hand-made batch whose every figure is worked out by hand in the tests.
///
/// Rubric `penalty` 2025.1, total 100: subject 20 (LEG-01, veto, problem 主体),
/// procedure 40 (PRO-01 problem 程序超期; PRO-02 no label → category title 程序),
/// documents 40 (DOC-01, DOC-02, both problem 文书). Grades 优秀 ≥ 90, 合格 ≥ 60, 不合格.
///
///  no  case  dept  score  grade  failed (deduct)                       kept s/p/d
///   1  A-1   A     95     优秀   DOC-01 5                              20/40/35
///   2  A-2   A     88.5   合格   PRO-01 10, PRO-02 1.5                 20/28.5/40
///   3  A-3   A     72     合格   PRO-01 10, DOC-01 18                  20/30/22
///   4  A-4   A     60     合格   PRO-01 10, PRO-02 10, DOC-01 20;
///                                LEG-01 unknown                        20/20/20
///   5  B-1   B     90     优秀   DOC-01 10                             20/40/30
///   6  B-2   B     85     合格   PRO-01 10, DOC-01 5                   20/30/35
///   7  B-3   B     55     不合格 LEG-01 20 (veto), PRO-01 10, DOC-01 15  0/30/25
///   8  C-1   C     80     合格   PRO-01 10, DOC-01 10                  20/30/30
///   9  C-2   C     77.75  合格   PRO-02 2.25, DOC-01 10, DOC-02 10     20/37.75/20
///  10  D-1   D     100    优秀   —                                     20/40/40
///  11  E-1   E     —      —      uncovered
///  12  F-1   F     92     优秀   DOC-01 8                              20/40/32
///  13  F-2   F     88     合格   PRO-01 10, PRO-02 2                   20/28/40
enum Fixture {
    static let A = "市场监督管理局", B = "生态环境局", C = "交通运输局"
    static let D = "城市管理局", E = "应急管理局", F = "自然资源局"

    static func d(_ text: String) -> DecimalNumber { DecimalNumber(text)! }

    static let rubric = RubricInfo(
        id: "penalty", version: "2025.1", title: "行政处罚案卷评查标准",
        categories: [
            .init(id: "subject", title: "执法主体", points: d("20")),
            .init(id: "procedure", title: "程序", points: d("40")),
            .init(id: "documents", title: "文书", points: d("40")),
        ],
        rules: [
            .init(id: "LEG-01", title: "执法主体具有行政执法主体资格", categoryId: "subject", problem: "主体"),
            .init(id: "PRO-01", title: "九十日内作出处罚决定", categoryId: "procedure", problem: "程序超期"),
            .init(id: "PRO-02", title: "告知陈述申辩权利", categoryId: "procedure"),
            .init(id: "DOC-01", title: "文书制作规范", categoryId: "documents", problem: "文书"),
            .init(id: "DOC-02", title: "立卷归档规范", categoryId: "documents", problem: "文书"),
        ],
        grades: ["优秀", "合格", "不合格"])

    /// A finding of the fixture rubric, its problem label resolved as the store would.
    static func fail(_ ruleId: String, _ deduct: String, outcome: FailedRule.Outcome = .fail,
                     rubric: RubricInfo = rubric) -> FailedRule {
        let rule = rubric.rule(ruleId)!
        return FailedRule(rubricId: rubric.id, ruleId: ruleId, categoryId: rule.categoryId,
                          problem: rubric.problem(of: rule), outcome: outcome, deduct: d(deduct))
    }

    /// A covered case; grade, pass and excellence follow from the score through the rubric.
    static func scored(
        _ no: Int, _ id: String, _ department: String, _ score: String, kept: [String] = ["20", "40", "40"],
        findings: [FailedRule] = [], veto: Bool = false, disposition: Disposition = .none,
        district: String? = nil, type: String = "行政处罚", rubric: RubricInfo = rubric,
        threeSystems: ThreeSystemsFacts = ThreeSystemsFacts()
    ) -> ScoredCase {
        let value = d(score)
        let grade = veto ? rubric.lowestGrade! : (value >= d("90") ? "优秀" : value >= d("60") ? "合格" : "不合格")
        var categoryScores: [String: DecimalNumber] = [:]
        for (category, points) in zip(rubric.categories, kept) { categoryScores[category.id] = d(points) }
        return ScoredCase(
            caseNo: no, caseId: id, department: department, district: district, enforcementType: type,
            rubricId: rubric.id, score: value, grade: grade, isPass: rubric.isPass(grade: grade),
            isExcellent: rubric.isExcellent(grade: grade), veto: veto, disposition: disposition,
            needsReview: findings.contains { $0.outcome == .unknown }, categoryScores: categoryScores,
            findings: findings, threeSystems: threeSystems)
    }

    static func uncovered(_ no: Int, _ id: String, _ department: String, type: String = "其他") -> ScoredCase {
        ScoredCase(caseNo: no, caseId: id, department: department, enforcementType: type, rubricId: nil,
                   score: nil, grade: nil, isPass: nil, isExcellent: nil)
    }

    static let batch: [ScoredCase] = [
        scored(1, "A-1", A, "95", kept: ["20", "40", "35"], findings: [fail("DOC-01", "5")],
               disposition: .improve, district: "白碱滩区"),
        scored(2, "A-2", A, "88.5", kept: ["20", "28.5", "40"], findings: [fail("PRO-01", "10"), fail("PRO-02", "1.5")],
               disposition: .correct, district: "白碱滩区"),
        scored(3, "A-3", A, "72", kept: ["20", "30", "22"], findings: [fail("PRO-01", "10"), fail("DOC-01", "18")],
               disposition: .correct, district: "克拉玛依区", type: "行政许可"),
        scored(4, "A-4", A, "60", kept: ["20", "20", "20"],
               findings: [fail("LEG-01", "0", outcome: .unknown), fail("PRO-01", "10"), fail("PRO-02", "10"),
                          fail("DOC-01", "20")],
               disposition: .correct),
        scored(5, "B-1", B, "90", kept: ["20", "40", "30"], findings: [fail("DOC-01", "10")], disposition: .improve,
               district: "克拉玛依区"),
        scored(6, "B-2", B, "85", kept: ["20", "30", "35"], findings: [fail("PRO-01", "10"), fail("DOC-01", "5")],
               disposition: .correct, district: "克拉玛依区"),
        scored(7, "B-3", B, "55", kept: ["0", "30", "25"],
               findings: [fail("LEG-01", "20"), fail("PRO-01", "10"), fail("DOC-01", "15")],
               veto: true, disposition: .invalid, district: "克拉玛依区"),
        scored(8, "C-1", C, "80", kept: ["20", "30", "30"], findings: [fail("PRO-01", "10"), fail("DOC-01", "10")],
               disposition: .correct),
        scored(9, "C-2", C, "77.75", kept: ["20", "37.75", "20"],
               findings: [fail("PRO-02", "2.25"), fail("DOC-01", "10"), fail("DOC-02", "10")], disposition: .improve),
        scored(10, "D-1", D, "100"),
        uncovered(11, "E-1", E),
        scored(12, "F-1", F, "92", kept: ["20", "40", "32"], findings: [fail("DOC-01", "8")], disposition: .improve),
        scored(13, "F-2", F, "88", kept: ["20", "28", "40"], findings: [fail("PRO-01", "10"), fail("PRO-02", "2")],
               disposition: .correct),
    ]

    static func cases(of department: String) -> [ScoredCase] { batch.filter { $0.department == department } }
}
