import PingchaModel
@testable import PingchaStore
import XCTest
import PingchaCatalogue

/// The binary record of a case's values (`case.fields`, docs/schema.md): exact bytes, every
/// field type, missing values, the extremes of each kind, and reading through another catalogue.
final class StoredValuesTests: XCTestCase {
    func decode(_ bytes: [UInt8], ids: [String]?, catalogue: FieldCatalogue) -> [FieldValue?] {
        bytes.withUnsafeBufferPointer { StoredValues.decode($0, layout: StoredValues.Layout(fieldIds: ids, catalogue: catalogue)) }
    }

    func roundTrip(_ values: [FieldValue?], _ catalogue: FieldCatalogue) -> [FieldValue?] {
        decode(StoredValues.encode(values), ids: catalogue.fields.map(\.id), catalogue: catalogue)
    }

    func testTheBytesOfASmallRecord() {
        let values: [FieldValue?] = [.text("甲"), nil, .number(DecimalNumber("-1.5")!), .bool(true), .bool(false),
                                     .date(CivilDate(dayNumber: 1)), .list(["a", ""])]
        let expected: [UInt8] = [
            0x01,                          // format
            0x00, 3, 0xE7, 0x94, 0xB2,     // position 0 << 3 | tag 0, text: 3 UTF-8 bytes of 甲
            0x11, 0xAF, 0xEA, 0x01,        // position 2 << 3 | tag 1, number: zigzag(-15000) = 29999, a varint of 3 bytes
            0x1B,                          // position 3 << 3 | tag 3, true
            0x22,                          // position 4 << 3 | tag 2, false
            0x2C, 2,                       // position 5 << 3 | tag 4, date: zigzag(1) = 2
            0x35, 2, 1, 0x61, 0,           // position 6 << 3 | tag 5, list of 2: "a", ""
        ]
        XCTAssertEqual(StoredValues.encode(values), expected)
    }

    func testNoValuesIsTheFormatByteAlone() {
        let catalogue = TestCatalogues.everyType
        let none = [FieldValue?](repeating: nil, count: catalogue.count)
        XCTAssertEqual(StoredValues.encode(none), [1])
        XCTAssertEqual(roundTrip(none, catalogue), none)
        // An empty column (never written by pingcha) reads as no values, not as a crash.
        XCTAssertEqual(decode([], ids: [], catalogue: catalogue), none)
    }

    /// Every field of the built-in catalogue with a value of its type, and every type present.
    func testEveryFieldOfTheBuiltInCatalogueRoundTrips() {
        let catalogue = FieldCatalogue.builtIn()
        XCTAssertEqual(Set(catalogue.fields.map(\.type)), Set(FieldType.allCases))
        var values: [FieldValue?] = []
        for (i, field) in catalogue.fields.enumerated() {
            switch field.type {
            case .text: values.append(.text("\(field.name)：克拉玛依区〔2025〕\(i)号"))
            case .enumeration: values.append(.text(field.values.last!.value))
            case .number: values.append(.number(DecimalNumber(units: Int64(i) * 12_345 - 300_000)))
            case .bool: values.append(.bool(i % 2 == 0))
            case .date: values.append(.date(CivilDate(year: 2024, month: 2, day: 29)!.adding(days: i)))
            case .list: values.append(.list(field.values.isEmpty ? ["其他", "第\(i)项"] : field.values.map(\.value)))
            }
        }
        XCTAssertEqual(roundTrip(values, catalogue), values)
        // Every other value missing.
        let sparse = values.enumerated().map { $0.offset % 2 == 0 ? nil : $0.element }
        XCTAssertEqual(roundTrip(sparse, catalogue), sparse)
    }

    func testTheExtremesOfEachKind() {
        let catalogue = TestCatalogues.everyType
        let long = String(repeating: "行政执法案卷评查，", count: 20_000)  // 540,000 UTF-8 bytes: a three-byte length
        let cases: [(Int, FieldValue)] = [
            (0, .text("")), (0, .text(long)), (0, .text("引号\"、反斜杠\\、换行\n、制表\t、NUL\u{0}、😀")),
            (5, .number(DecimalNumber(units: Int64.max))), (5, .number(DecimalNumber(units: Int64.min))),
            (5, .number(.zero)), (5, .number(DecimalNumber("0.0001")!)), (5, .number(DecimalNumber("-922337203685477")!)),
            (4, .date(CivilDate(year: 1, month: 1, day: 1)!)), (4, .date(CivilDate(year: 9999, month: 12, day: 31)!)),
            (4, .date(CivilDate(iso: "1969-12-31")!)), (4, .date(CivilDate(iso: "1970-01-01")!)),
            (7, .list([])), (7, .list([""])), (7, .list(["书证", "物证", "视听资料", "书证"])),
            (7, .list((0..<1000).map { "第\($0)项" })), (6, .bool(false)), (6, .bool(true)),
        ]
        for (position, value) in cases {
            var values = [FieldValue?](repeating: nil, count: catalogue.count)
            values[position] = value
            XCTAssertEqual(roundTrip(values, catalogue), values, "\(value)".prefix(80).description)
        }
        var values = [FieldValue?](repeating: nil, count: catalogue.count)
        values[8] = .text(long)
        XCTAssertEqual(StoredValues.encode(values).count, 1 + 1 + 3 + 540_000)
    }

    /// Positions past 15 no longer fit the key's first byte.
    func testPositionsBeyondTheFirstKeyByte() {
        let fields = (0..<300).map { FieldDefinition(id: "f\($0)", type: .text, name: "字段\($0)") }
        let catalogue = FieldCatalogue(fields: fields)
        var values = [FieldValue?](repeating: nil, count: 300)
        values[15] = .text("a")
        values[16] = .text("b")
        values[299] = .number(DecimalNumber(7))
        let bytes = StoredValues.encode(values)
        XCTAssertEqual(Array(bytes[0...3]), [1, 120, 1, 0x61], "15 << 3 = 120 fits one byte")
        XCTAssertEqual(Array(bytes[4...5]), [0x80, 0x01], "16 << 3 = 128 takes two bytes")
        XCTAssertEqual(roundTrip(values, catalogue), values)
    }

    /// A record names positions in the batch's field list, so a reader's catalogue may differ:
    /// fields moved are found, fields it lacks are skipped, fields it adds are missing.
    func testReadingThroughAnotherCatalogue() {
        let stored = TestCatalogues.everyType
        var values = [FieldValue?](repeating: nil, count: stored.count)
        values[stored.index(of: "case_id")!] = .text("X-1")
        values[stored.index(of: "district")!] = .text("白碱滩区")
        values[stored.index(of: "fine_amount")!] = .number(DecimalNumber("1200.5")!)
        values[stored.index(of: "evidence_types")!] = .list(["书证"])
        let reader = FieldCatalogue(fields: [
            FieldDefinition(id: "evidence_types", type: .list, name: "证据种类"),
            FieldDefinition(id: "new_field", type: .text, name: "新字段"),
            FieldDefinition(id: "case_id", type: .text, name: "案件编号"),
            FieldDefinition(id: "fine_amount", type: .number, name: "罚款金额"),
        ])
        XCTAssertEqual(decode(StoredValues.encode(values), ids: stored.fields.map(\.id), catalogue: reader),
                       [.list(["书证"]), nil, .text("X-1"), .number(DecimalNumber("1200.5")!)])
    }

    func testTheFieldListRoundTrips() {
        let catalogue = TestCatalogues.everyType
        let list = StoredValues.fieldList(catalogue)
        XCTAssertEqual(list, #"["case_id","department","district","enforcement_type","decision_date","fine_amount","av_required","evidence_types","facts"]"#)
        XCTAssertEqual(StoredValues.fieldIds(json: list), catalogue.fields.map(\.id))
        XCTAssertNil(StoredValues.fieldIds(json: nil))
    }

    /// Batches stored before schema 3 keep a JSON object; it is read by field id.
    func testJSONValuesFromBeforeSchema3() {
        let catalogue = TestCatalogues.everyType
        let json = #"{"case_id":"X-1","fine_amount":1200.5,"evidence_types":["书证","物证"],"av_required":true,"decision_date":"2024-03-01","unknown":1}"#
        var expected = [FieldValue?](repeating: nil, count: catalogue.count)
        expected[0] = .text("X-1")
        expected[5] = .number(DecimalNumber("1200.5")!)
        expected[7] = .list(["书证", "物证"])
        expected[6] = .bool(true)
        expected[4] = .date(CivilDate(iso: "2024-03-01")!)
        XCTAssertEqual(decode(Array(json.utf8), ids: nil, catalogue: catalogue), expected)
    }

    func testARecordRenderedAsTheOldJSON() {
        let catalogue = TestCatalogues.everyType
        var values = [FieldValue?](repeating: nil, count: catalogue.count)
        values[0] = .text("克\"1\"")
        values[4] = .date(CivilDate(iso: "2024-03-01")!)
        values[5] = .number(DecimalNumber("-0.25")!)
        values[6] = .bool(false)
        values[7] = .list(["书证"])
        let bytes = StoredValues.encode(values)
        let json = bytes.withUnsafeBufferPointer { StoredValues.json($0, fieldIds: catalogue.fields.map(\.id)) }
        XCTAssertEqual(json, #"{"case_id":"克\"1\"","decision_date":"2024-03-01","fine_amount":-0.25,"av_required":false,"evidence_types":["书证"]}"#)
    }

    /// A damaged record yields the values before the damage and nothing after it.
    func testATruncatedRecordStopsAtTheLastWholeValue() {
        let catalogue = TestCatalogues.everyType
        var values = [FieldValue?](repeating: nil, count: catalogue.count)
        values[0] = .text("X-1")
        values[8] = .text("违法事实")
        let bytes = StoredValues.encode(values)
        var expected = [FieldValue?](repeating: nil, count: catalogue.count)
        expected[0] = .text("X-1")
        XCTAssertEqual(decode(Array(bytes.dropLast()), ids: catalogue.fields.map(\.id), catalogue: catalogue), expected)
        // An unknown tag (7) ends the record too.
        XCTAssertEqual(decode(Array(bytes.prefix(6)) + [0x07, 1], ids: catalogue.fields.map(\.id), catalogue: catalogue), expected)
    }

    /// Reading some fields only steps over every kind of value before, between and after
    /// them (a notice needs a case's party): the same values as a full read, the rest nil.
    func testReadingSomeFieldsOnlyStepsOverEveryOtherKind() {
        let catalogue = TestCatalogues.everyType
        let values: [FieldValue?] = [.text("X-1"), .text("市场监督管理局"), nil, .text("行政处罚"), .date(CivilDate(iso: "2024-03-01")!),
                                     .number(DecimalNumber("-1200.5")!), .bool(true), .list(["书证", "", "物证"]), .text("违法事实")]
        XCTAssertEqual(values.count, catalogue.count)
        let ids = catalogue.fields.map(\.id)
        let bytes = StoredValues.encode(values)
        let layout = StoredValues.Layout(fieldIds: ids, catalogue: catalogue)
        func only(_ wanted: [Int]) -> [FieldValue?] {
            bytes.withUnsafeBufferPointer { StoredValues.decode($0, layout: layout, only: wanted) }
        }
        for wanted in [[0], [1], [8], [4, 6], [7, 8], [5], [2], [], Array(0..<9)] {
            let expected = values.indices.map { wanted.contains($0) ? values[$0] : nil }
            XCTAssertEqual(only(wanted), expected, "fields \(wanted)")
        }
        // Through another catalogue: positions are the reader's.
        let reader = FieldCatalogue(fields: [FieldDefinition(id: "facts", type: .text, name: "违法事实"),
                                             FieldDefinition(id: "case_id", type: .text, name: "案件编号")])
        XCTAssertEqual(bytes.withUnsafeBufferPointer { StoredValues.decode($0, layout: StoredValues.Layout(fieldIds: ids, catalogue: reader), only: [0]) },
                       [.text("违法事实"), nil])
        // A record from before schema 3 (JSON) gives the same.
        let json = #"{"case_id":"X-1","fine_amount":-1200.5,"facts":"违法事实"}"#
        XCTAssertEqual(Array(json.utf8).withUnsafeBufferPointer { StoredValues.decode($0, layout: StoredValues.Layout(fieldIds: nil, catalogue: catalogue), only: [5, 8]) },
                       [nil, nil, nil, nil, nil, .number(DecimalNumber("-1200.5")!), nil, nil, .text("违法事实")])
        // A damaged record: the wanted values before the damage.
        XCTAssertEqual(Array(bytes.dropLast()).withUnsafeBufferPointer { StoredValues.decode($0, layout: layout, only: [0, 8]) },
                       [.text("X-1"), nil, nil, nil, nil, nil, nil, nil, nil])
        // A day number outside the dates' range ends the record for a full read; stepping over it
        // does the same, so the value after it is not read either way.
        let badDate: [UInt8] = [0x01, 0x2C, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x40, 3, 0xE7, 0x94, 0xB2]
        XCTAssertEqual(decode(badDate, ids: ids, catalogue: catalogue), [FieldValue?](repeating: nil, count: 9))
        XCTAssertEqual(badDate.withUnsafeBufferPointer { StoredValues.decode($0, layout: layout, only: [8]) },
                       [FieldValue?](repeating: nil, count: 9))
        let goodDate: [UInt8] = [0x01, 0x2C, 0x02, 0x40, 3, 0xE7, 0x94, 0xB2]
        XCTAssertEqual(goodDate.withUnsafeBufferPointer { StoredValues.decode($0, layout: layout, only: [8]) },
                       [nil, nil, nil, nil, nil, nil, nil, nil, .text("甲")])
    }
}
