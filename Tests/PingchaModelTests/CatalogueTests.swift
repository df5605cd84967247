import XCTest
@testable import PingchaModel
import PingchaCatalogue

final class CatalogueTests: XCTestCase {
    func testBuiltInCatalogueLoads() throws {
        let c = FieldCatalogue.builtIn()
        XCTAssertEqual(c.count, 76)
        for id in ["coercive_action", "enforcement_method", "court_enforcement_applied", "licence_result", "transferred_to_judiciary",
                   "reconsideration_filed_date", "reconsideration_closed_date", "litigation_filed_date", "litigation_closed_date", "head_appeared", "penalty_execution"] {
            XCTAssertNotNil(c.index(of: id), id)
        }
        // Issue 16: the four types the 年报 counts under 其他, and 维持 (pre-2014) as 驳回诉讼请求.
        let types = c[c.index(of: "enforcement_type")!].values.map(\.value)
        XCTAssertEqual(types, ["行政许可", "行政处罚", "行政强制", "行政检查", "行政征收", "行政确认",
                               "行政征用", "行政给付", "行政裁决", "行政奖励", "其他"])
        let litigation = c[c.index(of: "litigation_result")!].values
        XCTAssertFalse(litigation.contains { $0.value == "维持" })
        XCTAssertEqual(litigation.first { $0.value == "驳回诉讼请求" }?.synonyms, ["驳回", "维持", "维持判决"])
        XCTAssertEqual(c[c.index(of: "penalty_execution")!].values.map(\.value), ["自觉履行", "强制执行", "未执行完毕"])
        XCTAssertEqual(c.requiredIndices.map { c[$0].id }, ["case_id", "department", "enforcement_type"])
    }
}
