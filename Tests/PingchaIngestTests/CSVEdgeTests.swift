import XCTest
@testable import PingchaIngest
import PingchaModel

/// The CSV edges an export can have, each with the exact rows, values and line numbers.
final class CSVEdgeTests: XCTestCase {
    let header = "case_id,department,enforcement_type,cause\n"

    func testQuotedCommasDoubledQuotesAndEmbeddedNewlines() {
        let f = IngestFixture()
        f.write("a.csv", header
            + "A1,市场监督管理局,行政处罚,\"销售过期食品,数量较大\"\n"
            + "A2,市场监督管理局,行政处罚,\"当事人称\"\"不知情\"\"\"\n"
            + "A3,市场监督管理局,行政处罚,\"第一行\n第二行\n第三行\"\n"
            + "A4,市场监督管理局,行政处罚,无证经营\n")
        let r = f.ingest(["a.csv"])[0]
        XCTAssertEqual(r.rows, 4)
        XCTAssertEqual(r.accepted, 4)
        XCTAssertEqual(f.cases.map { f.text($0, "cause") }, ["销售过期食品,数量较大", "当事人称\"不知情\"", "第一行\n第二行\n第三行", "无证经营"])
        // A4 starts on physical line 7: header 1, A1 2, A2 3, A3 4–6.
        XCTAssertEqual(f.cases.map(\.line), [2, 3, 4, 7])
    }

    func testCRLFAndLFGiveTheSameCases() {
        let body = header + "A1,交通运输局,行政许可,\"多\r\n行\"\nA2,交通运输局,行政检查,x\n"
        let lf = IngestFixture()
        lf.write("lf.csv", body)
        lf.ingest(["lf.csv"])
        let crlf = IngestFixture()
        crlf.write("crlf.csv", body.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "\r\r\n", with: "\r\n"))
        crlf.ingest(["crlf.csv"])
        XCTAssertEqual(lf.cases.count, 2)
        XCTAssertEqual(crlf.cases.count, 2)
        XCTAssertEqual(lf.cases.map(\.line), [2, 4])
        XCTAssertEqual(crlf.cases.map(\.line), [2, 4])
        XCTAssertEqual(crlf.cases.map { crlf.text($0, "enforcement_type") }, ["行政许可", "行政检查"])
    }

    func testBlankLinesAreSkippedAndLinesStayPhysical() {
        let f = IngestFixture()
        f.write("b.csv", header + "\nA1,应急管理局,行政处罚,x\n\n   \n,,,\nA2,应急管理局,行政处罚,y\n\n")
        let r = f.ingest(["b.csv"])[0]
        XCTAssertEqual(r.rows, 2)
        XCTAssertEqual(r.accepted, 2)
        XCTAssertEqual(r.blankRows, 1)   // the ",,," row; empty lines are no rows at all
        XCTAssertEqual(f.cases.map(\.line), [3, 7])
    }

    func testRowsWithTooManyOrTooFewFieldsAreRejectedWithTheirLines() {
        let f = IngestFixture()
        f.write("c.csv", header + "A1,生态环境局,行政处罚,x\nA2,生态环境局,行政处罚,x,多余\nA3,生态环境局\nA4,生态环境局,行政处罚,y\n")
        let r = f.ingest(["c.csv"])[0]
        XCTAssertEqual(r.rows, 4)
        XCTAssertEqual(r.accepted, 2)
        XCTAssertEqual(r.rejected, 2)
        XCTAssertEqual(f.rejects.map(\.line), [3, 4])
        XCTAssertEqual(f.rejects.map(\.reasons), [[.fieldCount(expected: 4, actual: 5)], [.fieldCount(expected: 4, actual: 2)]])
        XCTAssertEqual(f.rejects[0].raw, "A2,生态环境局,行政处罚,x,多余")
        XCTAssertEqual(f.rejects[1].message, "字段数为2，表头有4列")
    }

    /// A trailing comma (on the header, on the rows, or on both) adds an empty field that names
    /// nothing and holds nothing: the rows are read; a row whose extra field holds text is not.
    func testATrailingCommaIsNoExtraField() {
        let f = IngestFixture()
        // The header ends in a comma: rows with or without the unnamed field are read, whatever it holds.
        f.write("e.csv", "case_id,department,enforcement_type,cause,\nA1,生态环境局,行政处罚,x,\nA2,生态环境局,行政处罚,y\nA6,生态环境局,行政处罚,y,备注\n")
        f.write("g.csv", header + "A3,生态环境局,行政处罚,x,\nA4,生态环境局,行政处罚,y, \nA5,生态环境局,行政处罚,z,多余\n")
        let r = f.ingest(["e.csv", "g.csv"])
        XCTAssertEqual(r.map(\.accepted), [3, 2])
        XCTAssertEqual(r.map(\.rejected), [0, 1])
        XCTAssertEqual(f.rejects.map(\.reasons), [[.fieldCount(expected: 4, actual: 5)]])
        XCTAssertEqual(f.rejects.map(\.line), [4])
        XCTAssertTrue(r.allSatisfy(\.isBalanced))
        XCTAssertEqual(f.warnings.filter { $0.kind == .unmappedColumn }, [])
    }

    /// Text after a closing quote (`"违法行为"补充`) is read as Excel reads it, one value, and
    /// said; the rows after it stay rows (libcsv alone went on inside the quote, swallowing
    /// every row up to the next quote into one reject).
    func testTextAfterAClosingQuoteIsOneValueAndTheRowsAfterItStayRows() {
        let f = IngestFixture()
        f.write("q.csv", header
            + "A1,水利局,行政处罚,\"违法行为\"补充说明\n"
            + "A2,水利局,行政处罚,\"多行\n开头\"后续 \"引\" 文字,\n"      // a field that began on the line before
            + "A3,水利局,行政处罚,\"正常\"\n"
            + "A4,水利局,行政处罚,\"当事人称\"\"不知情\"\"\"\n")
        let r = f.ingest(["q.csv"])[0]
        XCTAssertEqual(r.rows, 4)
        XCTAssertEqual(r.accepted, 4)
        XCTAssertEqual(r.rejected, 0)
        XCTAssertEqual(f.cases.map { f.text($0, "cause") }, ["违法行为补充说明", "多行\n开头后续 \"引\" 文字", "正常", "当事人称\"不知情\""])
        XCTAssertEqual(f.cases.map(\.line), [2, 3, 5, 6])
        let said = f.warnings.filter { $0.kind == .textAfterQuote }
        XCTAssertEqual(said.map(\.line), [2, 4])
        XCTAssertEqual(said.map(\.column), [4, 4])
        XCTAssertEqual(said.map(\.raw), ["违法行为补充说明", "开头后续 \"引\" 文字"])
        XCTAssertEqual(said[0].message.replacingOccurrences(of: f.dir + "/", with: ""), "q.csv:2:4: 列“cause”的引号后还有文字，已按 Excel 的读法把引号内外的文字连成一个值“违法行为补充说明”；请核对")
    }

    func testUnterminatedQuoteRejectsOneRowToTheEndOfTheFile() {
        let f = IngestFixture()
        f.write("d.csv", header + "A1,水利局,行政处罚,x\nA2,水利局,行政处罚,\"未闭合\nA3,水利局,行政处罚,y\nA4,水利局,行政处罚,z\n")
        let r = f.ingest(["d.csv"])[0]
        XCTAssertEqual(r.rows, 2)
        XCTAssertEqual(r.accepted, 1)
        XCTAssertEqual(r.rejected, 1)
        XCTAssertEqual(f.rejects[0].line, 3)
        XCTAssertEqual(f.rejects[0].endLine, 5)
        XCTAssertEqual(f.rejects[0].reasons, [.unterminatedQuote])
        XCTAssertTrue(r.isBalanced)
    }

    func testAStrayQuoteThatSwallowsRowsIsRejectedNotMerged() {
        let f = IngestFixture()
        // The quote opened in A2 closes in A3's cause: lines 3–4 form one record of 7 fields.
        f.write("e.csv", header + "A1,水利局,行政处罚,x\nA2,水利局,行政处罚,\"开\nA3,水利局,行政处罚,合\",尾\nA4,水利局,行政处罚,z\n")
        let r = f.ingest(["e.csv"])[0]
        XCTAssertEqual(r.rows, 3)
        XCTAssertEqual(r.accepted, 2)
        XCTAssertEqual(f.rejects.count, 1)
        XCTAssertEqual(f.rejects[0].line, 3)
        XCTAssertEqual(f.rejects[0].endLine, 4)
        XCTAssertEqual(f.rejects[0].reasons, [.fieldCount(expected: 4, actual: 5)])
        XCTAssertEqual(f.cases.map(\.line), [2, 5])
    }

    func testARunawayQuoteBeyondTheRecordLimitIsSkippedInBoundedMemory() {
        let f = IngestFixture()
        var text = header + "A1,水利局,行政处罚,x\nA2,水利局,行政处罚,\"开始\n"
        for i in 0..<200 { text += "填充\(i),水利局,行政处罚,很长很长的一行文字\n" }
        text += "结束\",尾\nA9,水利局,行政处罚,z\n"
        f.write("g.csv", text)
        var options = IngestOptions()
        options.recordLimit = 1000
        let r = f.ingest(["g.csv"], options: options)[0]
        XCTAssertEqual(f.cases.map { f.text($0, "case_id") }, ["A1", "A9"])
        XCTAssertEqual(f.rejects.count, 1)
        XCTAssertEqual(f.rejects[0].line, 3)
        XCTAssertEqual(f.rejects[0].reasons, [.oversized])
        XCTAssertEqual(f.cases.last?.line, 205)
        XCTAssertTrue(r.isBalanced)
    }

    func testLastLineWithoutNewline() {
        let f = IngestFixture()
        f.write("h.csv", header + "A1,水利局,行政处罚,x\nA2,水利局,行政处罚,y")
        XCTAssertEqual(f.ingest(["h.csv"])[0].accepted, 2)
        XCTAssertEqual(f.cases.map(\.line), [2, 3])
    }

    func testHeaderOnlyAndEmptyFiles() {
        let f = IngestFixture()
        f.write("header.csv", header)
        f.write("empty.csv", "")
        let r = f.ingest(["header.csv", "empty.csv"])
        XCTAssertEqual(r[0].rows, 0)
        XCTAssertNil(r[0].refusal)
        XCTAssertEqual(r[1].refusal, .emptyFile(f.dir + "/empty.csv"))
    }
}
