import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// A part read whole (the styles) whose CRC-32 does not match what it inflates to is refused as damaged: the
/// checksum is computed (by zlib) over every byte the reader takes.
final class WorkbookChecksumTests: XCTestCase {
    func testPartWithAWrongChecksumIsRefused() throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: IngestFixture.workbookFixtures + "/grouped-header.xlsx")))
        // Central directory records (PK\1\2): name length at 28, name at 46, CRC-32 at 16.
        var changed = 0
        var i = 0
        while i + 46 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 1, bytes[i + 3] == 2 {
                let length = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                let name = String(decoding: bytes[(i + 46)..<(i + 46 + length)], as: UTF8.self)
                if name == "xl/styles.xml" {
                    bytes[i + 16] ^= 0xFF
                    changed += 1
                }
            }
            i += 1
        }
        XCTAssertEqual(changed, 1)
        let f = IngestFixture()
        let path = f.write("damaged.xlsx", bytes: bytes)
        let report = f.ingest(["damaged.xlsx"])[0]
        XCTAssertEqual(report.accepted, 0)
        let message = report.refusal?.message ?? report.sheets.compactMap(\.skipReason).joined()
        XCTAssertEqual(message, "\(path): 无法读取：工作簿部件 xl/styles.xml 校验失败（文件已损坏）")
        // The intact file reads.
        XCTAssertEqual(IngestFixture.copying(["grouped-header.xlsx"]).ingest(["grouped-header.xlsx"])[0].accepted, 2)
    }
}
