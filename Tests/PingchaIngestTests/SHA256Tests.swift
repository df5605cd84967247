import XCTest
import PingchaModel
import PingchaIngest
import PingchaCatalogue

final class SHA256Tests: XCTestCase {
    /// FIPS 180-2 test vectors.
    func testKnownDigests() {
        XCTAssertEqual(SHA256Digest.hex(of: ""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256Digest.hex(of: "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let d = SHA256Digest()
        d.update("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        XCTAssertEqual(d.finish(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

final class InputDigestTests: XCTestCase {
    func testEachInputGetsTheDigestOfItsBytes() {
        let f = IngestFixture()
        let text = "case_id,department,enforcement_type\nA,交通运输局,行政处罚\n"
        f.write("u.csv", text)
        f.write("g.csv", text, encoding: "GB18030")
        let r = f.ingest(["u.csv", "g.csv"])
        XCTAssertEqual(r[0].sha256, SHA256Digest.hex(of: text))
        let gb = Transcoder.encode(text, to: "GB18030")!
        let d = SHA256Digest()
        gb.withUnsafeBytes { d.update($0) }
        XCTAssertEqual(r[1].sha256, d.finish())
    }
}

final class CaseJSONRoundTripTests: XCTestCase {
    /// What the store keeps of a case reads back to the same values.
    func testStoredCaseReadsBackExactly() {
        let c = FieldCatalogue.builtIn()
        var values = [FieldValue?](repeating: nil, count: c.count)
        values[c.index(of: "case_id")!] = .text("克市监罚〔2024〕1号 \"引号\"\n第二行")
        values[c.index(of: "fine_amount")!] = .number(DecimalNumber("12345.6789")!)
        values[c.index(of: "decision_date")!] = .date(CivilDate(year: 2024, month: 2, day: 29)!)
        values[c.index(of: "publicized")!] = .bool(false)
        values[c.index(of: "penalty_kinds")!] = .list(["罚款", "没收违法所得"])
        let json = JSONText.caseObject(CaseRecord(values: values, fileIndex: 0, line: 2), catalogue: c)
        XCTAssertEqual(CaseJSONDecoder.decode(json, catalogue: c), values)
    }
}
