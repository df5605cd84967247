import XCTest
@testable import PingchaIngest
import PingchaModel
import PingchaCatalogue

final class HeaderMappingTests: XCTestCase {
    let catalogue = FieldCatalogue.builtIn()

    func field(_ header: String) -> String? {
        HeaderMapper(catalogue: catalogue).field(for: header).map { catalogue[$0].id }
    }

    func testHeaderSpellings() {
        XCTAssertEqual(field("案件编号"), "case_id")
        XCTAssertEqual(field(" 案号 "), "case_id")
        XCTAssertEqual(field("CASE_ID"), "case_id")
        XCTAssertEqual(field("Case Id"), "case_id")
        XCTAssertEqual(field("ｃａｓｅ＿ｉｄ"), "case_id")          // full-width
        XCTAssertEqual(field("罚款金额（元）"), "fine_amount")
        XCTAssertEqual(field("罚款金额(万元)"), "fine_amount")
        XCTAssertEqual(field("*执法主体"), "department")
        // The mark after the name, and a name bracketed as a whole, stopped whole files (缺少必需的列).
        XCTAssertEqual(field("案件编号*"), "case_id")
        XCTAssertEqual(field("【案件编号】"), "case_id")
        XCTAssertEqual(field("[执法主体]*"), "department")
        XCTAssertEqual(field("罚款金额（元）*"), "fine_amount")
        XCTAssertEqual(HeaderKey("（元）").key, "元")
        XCTAssertEqual(field("行政处罚决定书文号"), "case_id")
        XCTAssertNil(field("备注"))
    }

    func testUnitIsKeptFromTheHeader() {
        XCTAssertEqual(HeaderKey("罚款金额（万元）").unit, "万元")
        XCTAssertEqual(HeaderKey("罚款金额【元】").key, "罚款金额")
    }

    func testMissingRequiredColumnsNameTheFieldsAndNearestHeaders() {
        let mapper = HeaderMapper(catalogue: catalogue)
        XCTAssertThrowsError(try mapper.map(headers: ["案件编码", "执法部门名称", "案由", "备注"], file: "x.csv")) { error in
            guard case PingchaError.missingRequiredColumns(let file, let missing) = error else { return XCTFail() }
            XCTAssertEqual(file, "x.csv")
            XCTAssertEqual(missing.map(\.field), ["case_id", "department", "enforcement_type"])
            XCTAssertEqual(missing[0].nearest.first, "案件编码")
            XCTAssertEqual(missing[1].nearest.first, "执法部门名称")
            let message = (error as! PingchaError).message
            XCTAssertTrue(message.hasPrefix("x.csv: 缺少必需的列：case_id（案件编号）（最接近的表头：“案件编码”"), message)
        }
    }

    func testUnmappedAndDuplicateColumnsAreWarnedOnce() {
        let f = IngestFixture()
        f.write("u.csv", "案号,执法主体,执法类别,备注,决定书文号\nA1,城市管理综合行政执法局,行政处罚,无,B1\nA2,城市管理综合行政执法局,行政处罚,无,B2\n")
        let r = f.ingest(["u.csv"])[0]
        XCTAssertEqual(r.accepted, 2)
        XCTAssertEqual(f.warnings.map(\.kind), [.unmappedColumn, .duplicateColumn])
        XCTAssertEqual(f.warnings.map(\.header), ["备注", "决定书文号"])
        XCTAssertEqual(f.cases.map { f.text($0, "case_id") }, ["A1", "A2"])
    }

    func testMappingFileAddsAliasesAndSynonyms() throws {
        let mapping = try ExportMapping.parse(yaml: """
            aliases:
              case_id: [文书号]
              procedure: 办理程序
            values:
              procedure:
                普通程序: [一般案件]
            """, path: "m.yaml", catalogue: catalogue)
        let f = IngestFixture()
        f.write("m.csv", "文书号,执法主体,执法类别,办理程序\nW1,农业农村局,行政处罚,一般案件\n")
        f.ingest(["m.csv"], options: IngestOptions(mapping: mapping))
        XCTAssertEqual(f.cases.count, 1)
        XCTAssertEqual(f.text(f.cases[0], "case_id"), "W1")
        XCTAssertEqual(f.text(f.cases[0], "procedure"), "普通程序")
    }

    /// A yes/no field's own spellings, listed under 是 or 否 (also true/false); the usual forms
    /// still read, and a key that is neither is an error at its place.
    func testMappingFileGivesYesNoSpellings() throws {
        let mapping = try ExportMapping.parse(yaml: """
            values:
              publicized:
                是: [已公示, 已上网]
                false: [待公示]
            """, path: "m.yaml", catalogue: catalogue)
        let f = IngestFixture()
        f.write("b.csv", "案件编号,执法主体,执法类别,是否公示\nB1,水利局,行政处罚,已公示\nB2,水利局,行政处罚,待公示\nB3,水利局,行政处罚,否\nB4,水利局,行政处罚,已 上网\n")
        f.ingest(["b.csv"], options: IngestOptions(mapping: mapping))
        XCTAssertEqual(f.cases.map { f.value($0, "publicized") }, [.bool(true), .bool(false), .bool(false), .bool(true)])
        XCTAssertEqual(f.warnings, [])
        XCTAssertThrowsError(try ExportMapping.parse(yaml: "values:\n  publicized:\n    也许: [x]\n", path: "m.yaml", catalogue: catalogue)) {
            XCTAssertEqual(($0 as! PingchaError).message, "m.yaml:3:5: 字段 publicized 没有取值“也许”（可用取值：是、否）")
        }
    }

    func testMappingFileErrorsCarryTheirPosition() {
        XCTAssertThrowsError(try ExportMapping.parse(yaml: "aliases:\n  case_di: [文书号]\n", path: "m.yaml", catalogue: catalogue)) {
            XCTAssertEqual(($0 as! PingchaError).message, "m.yaml:2:3: 未知字段 case_di，是否为 case_id？")
        }
        XCTAssertThrowsError(try ExportMapping.parse(yaml: "values:\n  procedure:\n    特别程序: [x]\n", path: "m.yaml", catalogue: catalogue)) {
            XCTAssertEqual(($0 as! PingchaError).message, "m.yaml:3:5: 字段 procedure 没有取值“特别程序”（可用取值：简易程序、普通程序、快速办理）")
        }
    }
}
