import XCTest
@testable import PingchaModel

final class CatalogueTests: XCTestCase {
    func testBuiltInCatalogueLoads() throws {
        let c = FieldCatalogue.builtIn()
        XCTAssertEqual(c.count, 65)
        XCTAssertEqual(c.requiredIndices.map { c[$0].id }, ["case_id", "department", "enforcement_type"])
    }
}
