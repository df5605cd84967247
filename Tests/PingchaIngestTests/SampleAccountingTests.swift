import XCTest
@testable import PingchaIngest
import PingchaModel
import PingchaCatalogue

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

    /// The sample's cases by 执法类别 and its 复议/诉讼 outcomes, as data/sample/README.md states
    /// them: the 其他 cases the generator records as 征用, 给付, 裁决 or 奖励, and the outcomes
    /// 终止, 调解, 撤诉, 驳回起诉 given in place of some outcomes in the body's favour (issue 16).
    func testTypesAndRemedyOutcomesOfTheSample() throws {
        let root = InspectEndToEndTests.packageRoot + "/data/sample"
        let catalogue = FieldCatalogue.builtIn()
        let type = catalogue.index(of: "enforcement_type")!
        let reconsideration = catalogue.index(of: "reconsideration_result")!
        let litigation = catalogue.index(of: "litigation_result")!
        var found: [Int: [String: Int]] = [:]
        for (year, path) in SampleFolders.years(root: root) {
            var counts: [String: Int] = [:]
            _ = Ingester(catalogue: catalogue).ingest(files: try InputFiles.expand([path]), handlers: IngestHandlers(onCase: { c in
                counts[c[type]!.displayText, default: 0] += 1
                if let r = c[reconsideration] { counts["复议" + r.displayText, default: 0] += 1 }
                if let r = c[litigation] { counts["诉讼" + r.displayText, default: 0] += 1 }
            }))
            found[year] = counts
        }
        XCTAssertEqual(found[2023], [
            "行政许可": 374, "行政处罚": 754, "行政强制": 80, "行政检查": 234, "行政征收": 18, "行政确认": 17,
            "行政征用": 2, "行政给付": 2, "行政裁决": 3, "行政奖励": 7, "其他": 9,
        ].merging(Self.remedies2023) { a, _ in a })
        XCTAssertEqual(found[2025], [
            "行政许可": 378, "行政处罚": 742, "行政强制": 72, "行政检查": 244, "行政征收": 22, "行政确认": 16,
            "行政征用": 5, "行政给付": 1, "行政裁决": 1, "行政奖励": 9, "其他": 10,
        ].merging(Self.remedies2025) { a, _ in a })
    }

    /// 诉讼 维持 in the files is read as 驳回诉讼请求 (its synonym).
    static let remedies2023 = [
        "复议维持": 10, "复议驳回": 3, "复议撤销": 4, "复议变更": 1, "复议确认无效": 1, "复议责令履行": 1, "复议终止": 2,
        "复议调解": 1, "诉讼驳回诉讼请求": 5, "诉讼撤销": 1, "诉讼变更": 1, "诉讼确认违法": 3, "诉讼撤诉": 2,
    ]
    static let remedies2025 = [
        "复议维持": 6, "复议驳回": 5, "复议撤销": 3, "复议变更": 1, "复议终止": 1,
        "诉讼驳回诉讼请求": 3, "诉讼撤销": 2, "诉讼变更": 1, "诉讼撤诉": 2,
    ]
}
