@testable import PingchaGenerate
import PingchaModel
import XCTest
import PingchaCatalogue

/// The generator's spellings of single values, exactly.
final class ValueSpellingTests: XCTestCase {
    func testChineseCapitalAmounts() {
        XCTAssertEqual(ChineseAmount.spell(yuan: 0), "人民币零元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 200), "人民币贰佰元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 5_000), "人民币伍仟元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 1_005), "人民币壹仟零伍元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 1_010), "人民币壹仟零壹拾元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 10_500), "人民币壹万零伍佰元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 12_345), "人民币壹万贰仟叁佰肆拾伍元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 100_000), "人民币壹拾万元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 100_010), "人民币壹拾万零壹拾元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 1_000_000), "人民币壹佰万元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 100_000_001), "人民币壹亿零壹元整")
        XCTAssertEqual(ChineseAmount.spell(yuan: 120_000_000), "人民币壹亿贰仟万元整")
    }

    private func date(_ text: String, _ form: DateForm) -> String {
        var rng = CaseRandom(seed: 1, stream: .rowFormat, index: 0)
        var out: [UInt8] = []
        RowWriter.appendDate(CivilDate(iso: text)!, form: form, &rng, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testDateForms() {
        XCTAssertEqual(date("2024-03-05", .iso), "2024-03-05")
        XCTAssertEqual(date("2024-03-05", .slash), "2024/3/5")
        XCTAssertEqual(date("2024-03-05", .dot), "2024.3.5")
        XCTAssertEqual(date("2024-03-05", .chinese), "2024年3月5日")
        XCTAssertEqual(date("2024-03-05", .compact), "20240305")
        XCTAssertEqual(date("2024-03-05", .excelSerial), "45356")
        XCTAssertEqual(date("1900-03-01", .excelSerial), "61")
        XCTAssertTrue(date("2024-12-25", .isoDateTime).hasPrefix("2024-12-25 "))
        XCTAssertEqual(date("2024-12-25", .isoDateTime).count, 19)
        XCTAssertTrue(date("2024-12-25", .slashDateTime).hasPrefix("2024/12/25 "))
    }

    func testGroupedDigits() {
        func grouped(_ v: Int) -> String {
            var out: [UInt8] = []
            RowWriter.appendGrouped(v, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        XCTAssertEqual(grouped(999), "999")
        XCTAssertEqual(grouped(5_000), "5,000")
        XCTAssertEqual(grouped(1_000_050), "1,000,050")
    }

    func testDigitsPadding() {
        var out: [UInt8] = []
        Digits.append(7, width: 3, to: &out)
        Digits.append(0, to: &out)
        Digits.append(650_203, width: 6, to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "0070650203")
    }

    /// The synonyms messy files use are the catalogue's, for the right value.
    func testMessySynonymsAreCatalogueSynonyms() {
        let catalogue = FieldCatalogue.builtIn()
        func check(_ field: String, _ names: [[UInt8]], _ synonyms: [[UInt8]]) {
            let values = catalogue[field]!.values
            for (name, synonym) in zip(names, synonyms) where !synonym.isEmpty {
                let value = String(decoding: name, as: UTF8.self)
                let entry = values.first { $0.value == value }
                XCTAssertNotNil(entry, "\(field): \(value)")
                XCTAssertTrue(entry?.synonyms.contains(String(decoding: synonym, as: UTF8.self)) == true,
                              "\(field): \(String(decoding: synonym, as: UTF8.self))")
            }
        }
        check("enforcement_type", EnforcementKind.utf8, RowWriter.kindSynonyms)
        check("procedure", ProcedureKind.utf8, RowWriter.procedureSynonyms)
        check("party_type", PartyKind.utf8, RowWriter.partySynonyms)
        check("service_method", ServiceMethod.utf8, RowWriter.serviceSynonyms)
    }

    func testEveryGeneratedColumnIsACatalogueField() {
        let catalogue = FieldCatalogue.builtIn()
        for column in CaseColumn.allCases { XCTAssertNotNil(catalogue[column.rawValue], column.rawValue) }
        XCTAssertEqual(CaseColumn.allCases.map(\.rawValue), catalogue.fields.map(\.id).filter { CaseColumn(rawValue: $0) != nil })
    }

    func testDepartmentsAreADozenWithDistinctNumberPrefixes() {
        let bodies = CityEnforcementBodies.all
        XCTAssertEqual(bodies.count, 12)
        XCTAssertEqual(Set(bodies.map(\.name)).count, 12)
        XCTAssertEqual(Set(bodies.map(\.abbreviation)).count, 12)
        for body in bodies {
            XCTAssertEqual(Set(body.numberCodes).count, body.numberCodes.count, body.name)
            XCTAssertFalse(body.penaltyMatters.isEmpty)
            XCTAssertFalse(body.licensingMatters.isEmpty)
        }
    }
}
