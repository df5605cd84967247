import Foundation
import PingchaGenerate
import PingchaIngest
import PingchaModel
import XCTest

enum TranscodingCheck {
    static func decodeGB18030(_ bytes: [UInt8]) -> [UInt8]? {
        guard let t = Transcoder(from: "GB18030", to: "UTF-8") else { return nil }
        var out: [UInt8] = []
        let ok: Bool = bytes.withUnsafeBytes { raw in
            do throws(Transcoder.Failure) {
                try t.convert(raw, final: true, into: &out)
                return true
            } catch { return false }
        }
        return ok ? out : nil
    }
}

final class EncodingTests: XCTestCase {
    /// Big enough (about 1.5 MB) that the GB18030 output is converted in more than one chunk.
    func testGB18030DecodesBackToTheSameText() throws {
        let options = GeneratorOptions(cases: 3_000, years: [2025], seed: 21, messy: true)
        let (utf8, s1) = try GeneratorFixture.generate(options)
        let (gb, s2) = try GeneratorFixture.generate(options, encoding: .gb18030)
        XCTAssertGreaterThan(utf8.count, 1 << 20)
        XCTAssertNotEqual(gb, utf8)
        XCTAssertLessThan(gb.count, utf8.count)  // Chinese takes 2 bytes in GB18030, 3 in UTF-8
        XCTAssertEqual(s2.bytes, gb.count)
        XCTAssertEqual(s1.bytes, utf8.count)
        XCTAssertEqual(try XCTUnwrap(TranscodingCheck.decodeGB18030(gb)), utf8)
        // The case-number bracket, the yen sign and minority-name dots all survive the trip.
        let text = String(decoding: utf8, as: UTF8.self)
        XCTAssertTrue(text.contains("·"))
    }

    func testByteOrderMarkOnlyWhenAsked() throws {
        let options = GeneratorOptions(cases: 50, years: [2025], seed: 4)
        let (plain, _) = try GeneratorFixture.generate(options)
        let (marked, summary) = try GeneratorFixture.generate(options, encoding: .utf8BOM)
        XCTAssertFalse(plain.starts(with: [0xEF, 0xBB, 0xBF]))
        XCTAssertEqual(marked, [0xEF, 0xBB, 0xBF] + plain)
        XCTAssertEqual(summary.bytes, marked.count)
        XCTAssertTrue(plain.starts(with: Array("case_id,department,district,".utf8)))
    }

    func testWriteFileReplacesOnlyWhenComplete() throws {
        let dir = GeneratorFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/导出.csv"
        let options = GeneratorOptions(cases: 80, years: [2025], seed: 6)
        let summary = try SyntheticExport(options: options).writeFile(atPath: path, encoding: .gb18030)
        let (utf8, _) = try GeneratorFixture.generate(options)
        XCTAssertEqual(TranscodingCheck.decodeGB18030(try GeneratorFixture.read(path)), utf8)
        XCTAssertEqual(summary.files.map(\.path), [path])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["导出.csv"])
        XCTAssertThrowsError(try SyntheticExport(options: options).writeFile(atPath: dir + "/缺少的文件夹/x.csv")) { error in
            XCTAssertTrue((error as? GeneratorError)?.message.contains("无法写入") == true)
        }
    }
}
