import XCTest
@testable import PingchaIngest
import PingchaModel

final class EncodingTests: XCTestCase {
    let chinese = "案件编号,执法主体,执法类别,案由\n市监罚1号,市场监督管理局,行政处罚,销售过期食品\n"

    func testUTF8WithAndWithoutBOM() {
        let f = IngestFixture()
        f.write("plain.csv", chinese)
        f.write("bom.csv", chinese.replacingOccurrences(of: "1号", with: "2号"), bom: true)
        let r = f.ingest(["plain.csv", "bom.csv"])
        XCTAssertEqual(r.map(\.encoding), [.utf8, .utf8BOM])
        XCTAssertEqual(f.cases.map { f.text($0, "case_id") }, ["市监罚1号", "市监罚2号"])
        XCTAssertEqual(r[1].mapping?.columns.first?.field, f.catalogue.index(of: "case_id"))
    }

    func testGB18030IsDetectedAndDecoded() {
        let f = IngestFixture()
        f.write("gbk.csv", chinese, encoding: "GB18030")
        let r = f.ingest(["gbk.csv"])[0]
        XCTAssertEqual(r.encoding, .gb18030)
        XCTAssertEqual(f.cases.count, 1)
        XCTAssertEqual(f.text(f.cases[0], "cause"), "销售过期食品")
    }

    /// The whole file decides, not a sample: 80,000 ASCII lines, then GBK text.
    func testGBKTextAfterEightyThousandASCIILinesIsStillRead() {
        let f = IngestFixture()
        var text = "case_id,department,enforcement_type,cause\n"
        for i in 0..<80_000 { text += "C\(i),Dept,行政处罚,x\n" }
        text += "C80000,生态环境局,行政处罚,超标排放污染物\n"
        // Headers and ASCII rows are identical in GB18030; only the end carries Chinese.
        f.write("late.csv", text, encoding: "GB18030")
        let r = f.ingest(["late.csv"])[0]
        XCTAssertEqual(r.encoding, .gb18030)
        XCTAssertEqual(r.accepted, 80_001)
        XCTAssertEqual(f.text(f.cases.last!, "department"), "生态环境局")
        XCTAssertEqual(f.text(f.cases.last!, "cause"), "超标排放污染物")
        XCTAssertEqual(f.cases.last!.line, 80_002)
    }

    func testEncodingOverride() {
        let f = IngestFixture()
        f.write("gbk.csv", chinese, encoding: "GB18030")
        let r = f.ingest(["gbk.csv"], options: IngestOptions(encoding: .gb18030))[0]
        XCTAssertEqual(r.encoding, .gb18030)
        XCTAssertEqual(f.text(f.cases[0], "department"), "市场监督管理局")
    }

    func testDamagedUTF8KeepsUTF8AndWarnsWithTheLine() {
        let f = IngestFixture()
        var bytes = Array((chinese + "市监罚3号,市场监督管理局,行政处罚,无照经营\n").utf8)
        // Break one byte inside line 3's cause.
        let line3 = bytes.indices.filter { bytes[$0] == 0x0A }[1] + 1
        let causeStart = line3 + Array("市监罚3号,市场监督管理局,行政处罚,".utf8).count
        bytes[causeStart] = 0xFF
        f.write("damaged.csv", bytes: bytes)
        let r = f.ingest(["damaged.csv"])[0]
        XCTAssertEqual(r.encoding, .utf8)
        XCTAssertEqual(r.accepted, 2)
        let w = f.warnings.filter { $0.kind == .invalidBytes }
        XCTAssertEqual(w.count, 1)
        XCTAssertEqual(w.first?.line, 3)
        XCTAssertTrue(f.text(f.cases[1], "cause")!.contains("\u{FFFD}"))
    }

    /// UTF-16 (Excel's "Unicode 文本") is decoded, not refused (issue 11): this one-cell
    /// file is refused only for its header, which it reads as "a".
    func testUTF16IsDecodedByItsByteOrderMark() {
        let f = IngestFixture()
        f.write("u16.csv", bytes: [0xFF, 0xFE, 0x61, 0x00])
        let r = f.ingest(["u16.csv"])[0]
        XCTAssertEqual(r.encoding, .utf16le)
        guard case .missingRequiredColumns(_, let missing)? = r.refusal else { return XCTFail("\(String(describing: r.refusal))") }
        XCTAssertEqual(missing.first?.nearest, ["a"])
    }

    func testTranscoderCarriesASplitCharacterAcrossBlocks() throws {
        let gb = Transcoder.encode("行政处罚", to: "GB18030")!
        let t = Transcoder(from: "GB18030", to: "UTF-8")!
        var out: [UInt8] = []
        try gb[0..<3].withUnsafeBytes { try t.convert($0, final: false, into: &out) }
        try gb[3...].withUnsafeBytes { try t.convert($0, final: true, into: &out) }
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "行政处罚")
    }
}
