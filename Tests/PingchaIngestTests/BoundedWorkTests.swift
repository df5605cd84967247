import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// Broken input costs time in proportion to its size: a corrupted export whose header holds
/// a 2 MB cell is refused or read as fast as any other (generated here, not committed).
final class BoundedWorkTests: XCTestCase {
    func testHugeHeaderCellIsComparedByAPrefixOnly() {
        let f = IngestFixture()
        let huge = String(repeating: "案件编号损坏", count: 110_000)   // about 2 MB of UTF-8
        f.write("a.csv", "\(huge),执法主体,执法类别,\(huge)x\n1,交通运输局,行政处罚,\n")
        let started = Date()
        let r = f.ingest(["a.csv"])[0]
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "a huge header cell must not be compared whole")
        guard case .missingRequiredColumns(_, let missing)? = r.refusal else { return XCTFail("\(String(describing: r.refusal))") }
        XCTAssertEqual(missing.map(\.field), ["case_id"])
        // The message quotes the nearest headers by their start and length, not 2 MB of them.
        let message = r.refusal!.message
        XCTAssertTrue(message.contains("（最接近的表头：“\(String(repeating: "案件编号损坏", count: 6))案件编号…（共 660000 个字符）”"), String(message.prefix(300)))
        XCTAssertLessThan(message.utf8.count, 1000)
    }

    func testHugeUnmappedHeaderCellWarnsQuickly() {
        let f = IngestFixture()
        let huge = String(repeating: "备注说明", count: 170_000)
        f.write("a.csv", "案件编号,执法主体,执法类别,\(huge)\n1,交通运输局,行政处罚,x\n")
        let started = Date()
        let r = f.ingest(["a.csv"])[0]
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(r.accepted, 1)
        XCTAssertEqual(f.warnings.map(\.kind), [.unmappedColumn])
    }
}
