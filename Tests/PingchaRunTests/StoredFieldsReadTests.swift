import PingchaModel
import PingchaStore
import XCTest
import PingchaCatalogue

/// The values a finding read come back from the store typed by the catalogue, exactly, in the
/// order the rule read them — and are worded for people in findings.csv and scores.xlsx.
final class StoredFieldsReadTests: XCTestCase {
    let catalogue = FieldCatalogue.builtIn()

    func testEveryKindOfValueReadsBack() throws {
        let json = #"{"decision_date":"2025-03-01","served_date":null,"fine_amount":1200.5,"av_required":true,"evidence_types":["书证","物证"],"cause":"无证\"经营\"\n第2行\u0001"}"#
        let read = try XCTUnwrap(StoredFieldsRead.decode(json, catalogue: catalogue))
        XCTAssertEqual(read.map(\.field), ["decision_date", "served_date", "fine_amount", "av_required", "evidence_types", "cause"])
        XCTAssertEqual(read[0].value, .date(CivilDate(iso: "2025-03-01")!))
        XCTAssertNil(read[1].value)
        XCTAssertEqual(read[2].value, .number(DecimalNumber("1200.5")!))
        XCTAssertEqual(read[3].value, .bool(true))
        XCTAssertEqual(read[4].value, .list(["书证", "物证"]))
        XCTAssertEqual(read[5].value, .text("无证\"经营\"\n第2行\u{1}"))
    }

    func testWhatTheStoreWritesReadsBack() throws {
        // The escapes JSONText writes, round trip.
        let text = "引号\"、反斜杠\\、换行\n、制表\t"
        let json = "{\"cause\":" + JSONText.quoted(text) + ",\"fine_amount\":" + DecimalNumber("0.0001")!.description + "}"
        let read = try XCTUnwrap(StoredFieldsRead.decode(json, catalogue: catalogue))
        XCTAssertEqual(read[0].value, .text(text))
        XCTAssertEqual(read[1].value, .number(DecimalNumber(units: 1)))
        XCTAssertEqual(StoredFieldsRead.decode("{}", catalogue: catalogue)?.count, 0)
    }

    func testDamagedTextIsNotGuessedAt() {
        for bad in ["", "{", "{\"a\":}", "{\"a\":1", "{\"a\" 1}", "[1]", "{\"a\":\"x}", "{\"a\":1}x"] {
            XCTAssertNil(StoredFieldsRead.decode(bad, catalogue: catalogue), bad)
        }
    }
}
