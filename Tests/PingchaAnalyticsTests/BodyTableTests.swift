import PingchaAnalytics
import PingchaModel
import XCTest

/// The tables of every body, worked by hand.
///
///  case  body  type  facts (decided 2025 unless said)
///  P1    交通  处罚  立案 2024-12-20, 结案 2025-02-01; 减轻; 移送 是; 自觉履行; 罚款 1,000
///  P2    交通  处罚  立案 2025-03-01 (decided 2025-04-01), 结案 2026-01-05; 不予处罚; 移送 否; 未执行完毕
///  P3    公安  处罚  decided 2024-11-01, 立案 2024-10-01, 结案 2025-01-10 (only 结案 counts in 2025)
///  K1    交通  强制  强制类别 强制措施, 查封
///  K2    交通  强制  no 强制类别, 扣押, no method  → 措施 (扣押)
///  K3    公安  强制  强制类别 强制执行, 代履行
///  K4    公安  强制  nothing → 未注明类别
///  P4    公安  处罚  强制执行方式 加处罚款或者滞纳金, 申请法院强制执行 是 → 执行 (加处罚款), court 1
///  L1    交通  许可  受理 2025-01-02, 准予
///  L2    交通  许可  no 受理日期, 不予
///  L3    公安  许可  受理 2025-02-02, no result
///  G1    交通  行政给付
///  M1    公安  检查  重大执法决定 是, 法制审核 否
///  水利局: a body with no case in 2025 (it had one in 2024), listed with zeros.
final class BodyTableTests: XCTestCase {
    static let T = "交通运输局", G = "公安局", W = "水利局"

    static func make(_ body: String, _ type: String, _ values: [String: FieldValue] = [:]) -> StatsCase {
        var v = values
        v["department"] = .text(body)
        v["enforcement_type"] = .text(type)
        if v["decision_date"] == nil { v["decision_date"] = d("2025-06-01") }
        return StatsCase(values: v, measures: [:])
    }

    static func d(_ s: String) -> FieldValue { .date(CivilDate(iso: s)!) }
    static func t(_ s: String) -> FieldValue { .text(s) }

    static let cases: [StatsCase] = [
        make(T, "行政处罚", ["filed_date": d("2024-12-20"), "closed_date": d("2025-02-01"), "discretion_level": t("减轻"),
                         "transferred_to_judiciary": .bool(true), "penalty_execution": t("自觉履行"),
                         "penalty_kinds": .list(["罚款"]), "fine_amount": .number(DecimalNumber("1000")!)]),
        make(T, "行政处罚", ["filed_date": d("2025-03-01"), "decision_date": d("2025-04-01"), "closed_date": d("2026-01-05"),
                         "discretion_level": t("不予处罚"), "transferred_to_judiciary": .bool(false),
                         "penalty_execution": t("未执行完毕")]),
        make(G, "行政处罚", ["decision_date": d("2024-11-01"), "filed_date": d("2024-10-01"), "closed_date": d("2025-01-10")]),
        make(T, "行政强制", ["coercive_action": t("强制措施"), "coercive_measure": t("查封")]),
        make(T, "行政强制", ["coercive_measure": t("扣押")]),
        make(G, "行政强制", ["coercive_action": t("强制执行"), "enforcement_method": t("代履行")]),
        make(G, "行政强制"),
        make(G, "行政处罚", ["enforcement_method": t("加处罚款或者滞纳金"), "court_enforcement_applied": .bool(true)]),
        make(T, "行政许可", ["accepted_date": d("2025-01-02"), "licence_result": t("准予")]),
        make(T, "行政许可", ["licence_result": t("不予")]),
        make(G, "行政许可", ["accepted_date": d("2025-02-02")]),
        make(T, "行政给付"),
        make(G, "行政检查", ["major_decision": .bool(true), "legal_review_done": .bool(false)]),
        make(W, "行政检查", ["decision_date": d("2024-05-05")]),
    ]

    static let stats = AnnualStatistics.compute(cases: cases, year: 2025, calendarVersion: "test")
    static let tables = stats.bodyTables(bodies: [G, T, W])

    static func table(_ title: String) -> BodyTable { tables.first { $0.title == title }! }

    /// The texts of one body's row (or 合计) by column.
    static func row(_ title: String, _ body: String) -> [String: String] {
        let t = table(title)
        let r = body == "合计" ? t.total : t.rows.first { $0.body == body }!
        return Dictionary(uniqueKeysWithValues: zip(t.columns, r.values.map(\.text)))
    }

    func testEveryBodyInEveryTableAndTotalsAddUp() {
        XCTAssertEqual(Self.tables.map(\.title), ["行政许可", "行政处罚", "行政处罚执行情况", "行政强制措施", "行政强制执行",
                                                  "行政检查、征收、确认及其他行政执法行为", "行政复议和行政诉讼", "重大执法决定法制审核和三项制度"])
        for table in Self.tables {
            XCTAssertEqual(table.rows.map(\.body), [Self.G, Self.T, Self.W], table.title)
            XCTAssertFalse(table.definitions.isEmpty, table.title)
            for (i, column) in table.columns.enumerated() {
                guard case .count(let total) = table.total.values[i] else { continue }
                let sum = table.rows.reduce(0) { s, r in
                    if case .count(let n) = r.values[i] { return s + n }
                    return s
                }
                XCTAssertEqual(sum, total, "\(table.title) \(column)")
            }
        }
        // 水利局 decided nothing in 2025: zeros, and rates of nothing.
        XCTAssertEqual(Self.row("行政许可", Self.W)["申请"], "0")
        XCTAssertEqual(Self.row("行政复议和行政诉讼", Self.W)["复议纠错率"], "0/0 = —")
    }

    func testLicences() {
        XCTAssertEqual(Self.row("行政许可", Self.T), ["申请": "2", "受理": "1", "准予": "1", "不予": "1", "变更": "0", "延续": "0",
                                                   "撤销": "0", "注销": "0", "未注明结果": "0"])
        XCTAssertEqual(Self.row("行政许可", "合计")["未注明结果"], "1")
        XCTAssertEqual(Self.row("行政许可", "合计")["受理"], "2")
    }

    func testPenaltiesFiledAndClosedByTheirOwnDates() {
        let t = Self.row("行政处罚", Self.T)
        XCTAssertEqual(t["立案"], "1")  // P2; P1 was filed in 2024
        XCTAssertEqual(t["结案"], "1")  // P1; P2 closes in 2026
        XCTAssertEqual(t["决定（宗）"], "2")
        XCTAssertEqual(t["不予处罚"], "1")
        XCTAssertEqual(t["减轻处罚"], "1")
        XCTAssertEqual(t["移送司法机关"], "1")
        XCTAssertEqual(t["是否移送未注明"], "0")
        XCTAssertEqual(t["罚没金额（万元）"], "0.10")
        let g = Self.row("行政处罚", Self.G)
        XCTAssertEqual(g["结案"], "1")  // P3, decided in 2024
        XCTAssertEqual(g["决定（宗）"], "1")  // P4 only
        XCTAssertEqual(g["是否移送未注明"], "1")
        XCTAssertEqual(Self.row("行政处罚执行情况", Self.T), ["决定（宗）": "2", "自觉履行": "1", "强制执行": "0", "未执行完毕": "1", "未注明": "0"])
        XCTAssertEqual(Self.row("行政处罚执行情况", Self.G)["未注明"], "1")
    }

    func testCoercionMeasuresAndExecutions() {
        let m = Self.row("行政强制措施", Self.T)
        XCTAssertEqual(m["强制措施"], "2")
        XCTAssertEqual(m["查封"], "1")
        XCTAssertEqual(m["扣押"], "1")
        XCTAssertEqual(Self.row("行政强制措施", Self.G)["未注明类别的行政强制"], "1")
        let e = Self.row("行政强制执行", Self.G)
        XCTAssertEqual(e["强制执行"], "2")  // K3 and P4's 加处罚款
        XCTAssertEqual(e["代履行"], "1")
        XCTAssertEqual(e["加处罚款或者滞纳金"], "1")
        XCTAssertEqual(e["申请法院强制执行"], "1")
        XCTAssertEqual(Self.row("行政强制执行", "合计")["强制执行"], "2")
    }

    func testOtherActsAndMajorDecisions() {
        let o = Self.row("行政检查、征收、确认及其他行政执法行为", Self.T)
        XCTAssertEqual(o["行政给付"], "1")
        XCTAssertEqual(Self.row("行政检查、征收、确认及其他行政执法行为", Self.G)["行政检查"], "1")
        XCTAssertEqual(Self.row("行政检查、征收、确认及其他行政执法行为", Self.W)["行政检查"], "0")
        let g = Self.row("重大执法决定法制审核和三项制度", Self.G)
        XCTAssertEqual(g["重大执法决定"], "1")
        XCTAssertEqual(g["其中经法制审核"], "0")
    }
}
