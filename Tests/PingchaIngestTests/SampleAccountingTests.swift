import XCTest
@testable import PingchaIngest
import PingchaModel

/// The bundled sample: every file balances, and the totals are the ones documented in
/// data/sample/README.md.
final class SampleAccountingTests: XCTestCase {
    func testEveryFileBalancesAndTotalsAreExact() throws {
        let root = InspectEndToEndTests.packageRoot + "/data/sample"
        let years = SampleFolders.years(root: root)
        XCTAssertEqual(years.map(\.year), [2023, 2025])
        let expected: [Int: (rows: Int, accepted: Int, rejected: Int, warnings: Int)] = [
            2023: (1502, 1500, 2, 14), 2025: (1507, 1500, 7, 15),
        ]
        for (year, path) in years {
            var rejects = 0
            let reports = Ingester(catalogue: .builtIn()).ingest(
                files: try InputFiles.expand([path]), handlers: IngestHandlers(onReject: { _ in rejects += 1 }))
            XCTAssertEqual(reports.count, 12)
            XCTAssertTrue(reports.allSatisfy { $0.refusal == nil && $0.isBalanced }, "\(year)")
            XCTAssertEqual(reports.filter { $0.encoding == .gb18030 }.count, 4)
            let e = expected[year]!
            XCTAssertEqual(reports.reduce(0) { $0 + $1.rows }, e.rows, "\(year)")
            XCTAssertEqual(reports.reduce(0) { $0 + $1.accepted }, e.accepted, "\(year)")
            XCTAssertEqual(reports.reduce(0) { $0 + $1.rejected }, e.rejected, "\(year)")
            XCTAssertEqual(reports.reduce(0) { $0 + $1.warnings }, e.warnings, "\(year)")
            XCTAssertEqual(rejects, e.rejected)
        }
    }
}
