import XCTest
@testable import PingchaModel

final class CatalogueTests: XCTestCase {
    func testBuiltInCatalogueLoads() throws {
        let c = FieldCatalogue.builtIn()
        XCTAssertEqual(c.count, 75)
        for id in ["coercive_action", "enforcement_method", "court_enforcement_applied", "licence_result", "transferred_to_judiciary",
                   "reconsideration_filed_date", "reconsideration_closed_date", "litigation_filed_date", "litigation_closed_date", "head_appeared"] {
            XCTAssertNotNil(c.index(of: id), id)
        }
        XCTAssertEqual(c.requiredIndices.map { c[$0].id }, ["case_id", "department", "enforcement_type"])
    }
}
