import Foundation
import XCTest
@testable import PingchaRubric
import PingchaModel
import PingchaCalendar
import PingchaCatalogue

/// Params (`$name`), profiles, screens, measures and the invalid-means-veto rule: what loads,
/// what each value does, and every mistake with its exact `file:line:col: message`.
final class ParamsAndProfilesTests: XCTestCase {
    var dir = ""
    let catalogue = FieldCatalogue.builtIn()

    override func setUp() {
        dir = NSTemporaryDirectory() + "pingcha-params-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir + "/profiles", withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(atPath: dir + "/common", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    static let rubric = """
        id: demo
        version: "1"
        title: 示例
        total: 10
        veto_score: zero
        params:
          large_fine_person: { type: number, value: 10000, title: 较大数额罚款（自然人）, basis: 示例 }
          heavy_kinds: { type: list, value: [吊销许可证件, 责令关闭] }
        grades:
          - { name: 合格, min: 6 }
          - { name: 不合格, min: 0 }
        categories:
          - id: procedure
            title: 程序
            points: 10
            rules:
              - id: PRO-04
                title: 告知听证权利
                when: fine_amount >= $large_fine_person or any_of(penalty_kinds, $heavy_kinds)
                check: hearing_notified
                deduct: 5
                measures: [legal_review]
              - id: LEG-02
                title: 执法人员不少于两人
                check: officers_count >= 2
                deduct: 5
        """

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func load() throws -> (RubricLoader, [Rubric]) {
        let loader = RubricLoader(catalogue: catalogue, calendar: .builtIn())
        let rubrics = try loader.load(paths: [dir])
        return (loader, rubrics)
    }

    func errors() throws -> [String] {
        let (loader, _) = try load()
        return loader.errors.map { $0.message.replacingOccurrences(of: dir, with: "D") }
    }

    func record(_ values: [String: FieldValue]) -> CaseRecord {
        var r = CaseRecord(values: [FieldValue?](repeating: nil, count: catalogue.count), fileIndex: 0, line: 2)
        for (k, v) in values { r[catalogue.index(of: k)!] = v }
        return r
    }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.rubric.contains(old))
        return Self.rubric.replacingOccurrences(of: old, with: new)
    }

    // MARK: - Params

    func testParamsCompileToTheirValues() throws {
        write("r.yaml", Self.rubric)
        let (loader, rubrics) = try load()
        XCTAssertEqual(loader.errors, [])
        let r = rubrics[0]
        XCTAssertEqual(r.vetoScore, .zero)
        XCTAssertEqual(r.params.map(\.name), ["large_fine_person", "heavy_kinds"])
        XCTAssertEqual(r.params[0].value, .number(ExactNumber(10000)))
        XCTAssertEqual(r.params[0].title, "较大数额罚款（自然人）")
        XCTAssertEqual(r.rules[0].measures, [.legalReview])
        let when = try XCTUnwrap(r.rules[0].when)
        XCTAssertEqual(when.evaluate(record(["fine_amount": .number(DecimalNumber(10000)), "penalty_kinds": .list(["罚款"])])), .yes)
        XCTAssertEqual(when.evaluate(record(["fine_amount": .number(DecimalNumber(9999)), "penalty_kinds": .list(["罚款"])])), .no)
        XCTAssertEqual(when.evaluate(record(["fine_amount": .number(DecimalNumber(0)), "penalty_kinds": .list(["责令关闭"])])), .yes)
    }

    func testParamMistakes() throws {
        write("r.yaml", replacing("fine_amount >= $large_fine_person", "fine_amount >= $large_fine"))
        XCTAssertEqual(try errors(), ["D/r.yaml:19:30: 未知参数 $large_fine（已声明：$heavy_kinds、$large_fine_person）"])
        write("r.yaml", replacing("check: hearing_notified", "check: hearing_notified or $large_fine_persn > 0"))
        XCTAssertEqual(try errors(), ["D/r.yaml:20:36: 未知参数 $large_fine_persn，是否为 $large_fine_person？"])
        write("r.yaml", replacing("fine_amount >= $large_fine_person or ", ""))
        XCTAssertEqual(try errors(), [
            "D/r.yaml:7:3: 参数 $large_fine_person 已声明，但没有任何表达式使用它（删去它，或在规则中以 $large_fine_person 引用）",
        ])
        write("r.yaml", replacing("value: 10000", "value: 一万"))
        XCTAssertEqual(try errors().first, "D/r.yaml:7:45: 参数 $large_fine_person 的值“一万”不是数字（应为数字，如 2000）")
        write("r.yaml", replacing("type: number", "type: numbr"))
        XCTAssertEqual(try errors().first, "D/r.yaml:7:30: 参数类型不能是“numbr”，是否为 number？")
        write("r.yaml", replacing("fine_amount >= $large_fine_person", "penalty_basis == $large_fine_person"))
        XCTAssertEqual(try errors(), ["D/r.yaml:19:29: “==”两边的类型不同：文本和数字"])
    }

    func testAFragmentDeclaresTheParamsItsRulesRead() throws {
        write("common/f.yaml", """
            params:
              publish_days: { type: number, value: 7 }
            categories:
              - id: tsy
                title: 公示
                points: 5
                rules:
                  - id: TSY-02
                    title: 按期公示
                    check: publicized_date <= add_workdays(decision_date, $publish_days)
                    deduct: 2
                    measures: [publication_on_time]
            """)
        write("r.yaml", replacing("total: 10", "total: 15") + "\ninclude: [common/f.yaml]\n")
        let (loader, rubrics) = try load()
        XCTAssertEqual(loader.errors, [])
        XCTAssertEqual(rubrics[0].params.map(\.name), ["large_fine_person", "heavy_kinds", "publish_days"])
        let check = try XCTUnwrap({ if case .check(let p) = rubrics[0].rules[2].kind { p } else { nil } }())
        // Decided Friday 2024-09-27; seven working days: 09-29 (a make-up Sunday), 09-30, 10-08,
        // 10-09, 10-10, 10-11 and 10-12 (a make-up Saturday).
        XCTAssertEqual(check.evaluate(record(["decision_date": .date(CivilDate(iso: "2024-09-27")!),
                                              "publicized_date": .date(CivilDate(iso: "2024-10-12")!)])), .yes)
        XCTAssertEqual(check.evaluate(record(["decision_date": .date(CivilDate(iso: "2024-09-27")!),
                                              "publicized_date": .date(CivilDate(iso: "2024-10-14")!)])), .no)
    }

    // MARK: - Rule keys

    func testInvalidWithoutVetoOnFailOnManualAndUnknownMeasures() throws {
        write("r.yaml", replacing("    deduct: 5\n        measures: [legal_review]",
                                  "    deduct: 5\n        disposition: invalid\n        measures: [legal_reveiw]")
            .replacingOccurrences(of: "    check: officers_count >= 2", with: "    manual: true\n        on_fail: review"))
        XCTAssertEqual(try errors(), [
            "D/r.yaml:22:22: 细则 PRO-04 的 disposition 为 invalid（确认无效），必须同时是否决项（veto: true）：无效的执法行为不能让案卷合格",
            "D/r.yaml:23:20: 未知的统计项 legal_reveiw，是否为 legal_review？",
            "D/r.yaml:27:9: 细则 LEG-02 是人工判定（manual），没有自动检查，不能用 on_fail",
        ])
    }

    func testVetoScoreIsKeepOrZero() throws {
        write("r.yaml", replacing("veto_score: zero", "veto_score: 0"))
        XCTAssertEqual(try errors(), ["D/r.yaml:5:13: veto_score 不能是“0”（可用：keep、zero）"])
    }

    // MARK: - Profiles

    static let police = """
        title: 公安机关
        departments: [公安局, 交通警察支队]
        params:
          large_fine_person: { value: 2000, basis: 《公安机关办理行政案件程序规定》第一百二十三条 }
        disable:
          - { rule: demo/LEG-02, reason: 《公安机关办理行政案件程序规定》第三十九条 }
        """

    func testAProfileTailorsTheRubricForItsDepartments() throws {
        write("r.yaml", Self.rubric)
        write("profiles/gongan.yaml", Self.police)
        let (loader, rubrics) = try load()
        XCTAssertEqual(loader.errors, [])
        XCTAssertEqual(loader.profiles.map(\.id), ["gongan"])
        let p = loader.profiles[0]
        XCTAssertEqual(p.params.map(\.name), ["large_fine_person"])
        XCTAssertEqual(p.params[0].value, .number(ExactNumber(2000)))
        XCTAssertEqual(p.params[0].basis, "《公安机关办理行政案件程序规定》第一百二十三条")
        let tailoring = try XCTUnwrap(rubrics[0].tailoring(profile: 0))
        XCTAssertEqual(tailoring.disabled, [1: "《公安机关办理行政案件程序规定》第三十九条"])
        let when = try XCTUnwrap(tailoring.rules[0].when)
        let fine3000 = record(["fine_amount": .number(DecimalNumber(3000)), "penalty_kinds": .list(["罚款"])])
        XCTAssertEqual(when.evaluate(fine3000), .yes)                      // 3,000 ≥ the police's 2,000
        XCTAssertEqual(rubrics[0].rules[0].when?.evaluate(fine3000), .no)  // below the default 10,000

        let matcher = ProfileMatcher(profiles: loader.profiles, departmentField: catalogue.index(of: "department")!)
        XCTAssertEqual(matcher.profile(forDepartment: "克拉玛依市公安局"), 0)
        XCTAssertEqual(matcher.profile(forDepartment: "克拉玛依市 公安局"), 0)          // spaces folded
        XCTAssertEqual(matcher.profile(forDepartment: "克拉玛依市公安局交通警察支队"), 0)
        XCTAssertEqual(matcher.profile(forDepartment: "公安局办公室"), nil)             // a name must end with the entry
        XCTAssertEqual(matcher.profile(forDepartment: "市场监督管理局"), nil)
    }

    func testProfileMistakes() throws {
        write("r.yaml", Self.rubric)
        write("profiles/gongan.yaml", """
            title: 公安机关
            departments: [公安局]
            params:
              large_fine_persn: 2000
              heavy_kinds: 吊销许可证件
            disable:
              - { rule: demo/LEG-20, reason: 测试 }
              - { rule: penalty/LEG-02, reason: 测试 }
              - { rule: demo/PRO-04 }
            """)
        write("profiles/traffic.yaml", """
            title: 交警
            departments: [市公安局]
            params:
              large_fine_person: 两千
            """)
        XCTAssertEqual(try errors(), [
            "D/profiles/gongan.yaml:4:3: 没有评查标准声明参数 $large_fine_persn，是否为 $large_fine_person？",
            "D/profiles/gongan.yaml:7:13: 评查标准 demo 没有细则 LEG-20，是否为 LEG-02？",
            "D/profiles/gongan.yaml:8:13: 没有 id 为 penalty 的评查标准",
            "D/profiles/gongan.yaml:9:5: 停用细则 demo/PRO-04 需要写明 reason（所依据的条文）",
            "D/profiles/traffic.yaml:4:22: 参数 $large_fine_person 的值“两千”不是数字（应为数字，如 2000）",
        ])
    }

    func testOneDepartmentCannotBelongToTwoProfiles() throws {
        write("r.yaml", Self.rubric)
        write("profiles/a.yaml", "title: 公安\ndepartments: [公安局]\n")
        write("profiles/b.yaml", "title: 市公安\ndepartments: [市公安局]\n")
        XCTAssertEqual(try errors(), [
            "D/profiles/b.yaml:2:15: 执法部门“市公安局”与适用配置 a 的“公安局”重叠（D/profiles/a.yaml:2:15）：一个部门只能属于一个适用配置",
        ])
    }

    // MARK: - Periods in months and years

    func testMonthsAndYearsFollowTheCivilCode() throws {
        func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }
        XCTAssertEqual(CivilDate(iso: "2024-01-31")!.adding(months: 1), CivilDate(iso: "2024-02-29")!)   // 民法典第二百零二条: the month's last day
        XCTAssertEqual(CivilDate(iso: "2024-02-29")!.adding(months: 12), CivilDate(iso: "2025-02-28")!)
        XCTAssertEqual(CivilDate(iso: "2024-03-31")!.adding(months: -1), CivilDate(iso: "2024-02-29")!)
        XCTAssertEqual(CivilDate(iso: "2024-01-15")!.adding(months: -13), CivilDate(iso: "2022-12-15")!)
        let calendar = WorkingDayCalendar.builtIn()
        XCTAssertEqual(calendar.addMonths(CivilDate(iso: "2024-09-01")!, 1), CivilDate(iso: "2024-10-08")!)   // 10-01 is National Day: moved on (第二百零三条)
        XCTAssertEqual(calendar.addMonths(CivilDate(iso: "2022-03-15")!, 24), CivilDate(iso: "2024-03-15")!)  // a Friday: stays
        let compiler = ExpressionCompiler(catalogue: catalogue, calendar: calendar)
        let limitation = try compiler.predicate("discovered_date <= add_years(violation_date, 2)")
        XCTAssertEqual(limitation.evaluate(record(["violation_date": .date(CivilDate(iso: "2022-02-28")!), "discovered_date": .date(CivilDate(iso: "2024-02-28")!)])), .yes)
        XCTAssertEqual(limitation.evaluate(record(["violation_date": .date(CivilDate(iso: "2022-02-28")!), "discovered_date": .date(CivilDate(iso: "2024-02-29")!)])), .no)
        // 2022-10-12 + 2 years = 2024-10-12, a Saturday but a make-up working day: not moved.
        XCTAssertEqual(calendar.addMonths(CivilDate(iso: "2022-10-12")!, 24), CivilDate(iso: "2024-10-12")!)
    }
}
