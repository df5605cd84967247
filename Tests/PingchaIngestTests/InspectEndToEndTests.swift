import Foundation
import XCTest
import PingchaModel
import PingchaTestSupport

/// Runs the real `pingcha` binary, as a supervisor would.
final class InspectEndToEndTests: XCTestCase {
    static var packageRoot: String { CommandRunner.packageRoot }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRunner.run(args)
    }

    /// A GB18030 export with Chinese headers, messy values and three bad rows.
    func testGB18030ExportWithChineseHeaders() throws {
        let f = IngestFixture()
        let text = """
            案件编号,执法主体,执法类别,程序类型,立案日期,决定日期,罚款金额（元）,是否公示,处罚种类,执法人员人数,备注
            克市监罚〔2024〕1号,市场监督管理局,行政处罚,一般程序,2024年3月5日,2024/4/1,"5,000.00元",是,罚款、没收违法所得,2人,无
            克市监罚〔2024〕2号,市场监督管理局,处罚,简易程序,20240306,45358,人民币伍佰元整,√,警告,2,
            克市监罚〔2024〕3号,市场监督管理局,行政处罚,普通程序,2024-13-01,2024-04-02,￥1.2万,否,罚款,3,
            ,市场监督管理局,行政处罚,普通程序,2024-03-01,2024-04-02,100,是,罚款,2,
            克市监罚〔2024〕1号,市场监督管理局,行政处罚,普通程序,2024-03-01,2024-04-02,100,是,罚款,2,
            克市监罚〔2024〕5号,市场监督管理局,行政处罚,普通程序,2024-03-01,2024-04-02,100,是,罚款,2

            """
        let path = f.write("市场监督管理局.csv", text, encoding: "GB18030")
        let result = try run(["inspect", "--input", path, "--cases", "jsonl"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            #"{"case_id":"克市监罚〔2024〕1号","department":"市场监督管理局","enforcement_type":"行政处罚","procedure":"普通程序","officers_count":2,"filed_date":"2024-03-05","decision_date":"2024-04-01","publicized":true,"penalty_kinds":["罚款","没收违法所得"],"fine_amount":5000}"#,
            #"{"case_id":"克市监罚〔2024〕2号","department":"市场监督管理局","enforcement_type":"行政处罚","procedure":"简易程序","officers_count":2,"filed_date":"2024-03-06","decision_date":"2024-03-07","publicized":true,"penalty_kinds":["警告"],"fine_amount":500}"#,
            #"{"case_id":"克市监罚〔2024〕3号","department":"市场监督管理局","enforcement_type":"行政处罚","procedure":"普通程序","officers_count":3,"decision_date":"2024-04-02","publicized":false,"penalty_kinds":["罚款"],"fine_amount":12000}"#,
        ])
        let report = result.stderr
        XCTAssertTrue(report.contains("编码：gb18030"), report)
        XCTAssertTrue(report.contains("第7列“罚款金额（元）”→fine_amount（单位：元）"), report)
        XCTAssertTrue(report.contains("未对应字段的列：“备注”（第11列）"), report)
        XCTAssertTrue(report.contains("记录：6 行 = 接受 3 + 退回 3"), report)
        XCTAssertTrue(report.contains("第5行：缺少必填字段 case_id（案件编号）"), report)
        XCTAssertTrue(report.contains("第6行：与 \(path) 第2行重复：执法主体“市场监督管理局”的案件编号“克市监罚〔2024〕1号”已出现过"), report)
        XCTAssertTrue(report.contains("第7行：字段数为10，表头有11列"), report)
        XCTAssertTrue(report.contains("filed_date（立案日期）：1 条"), report)
        XCTAssertTrue(report.contains("第4行第5列 “2024-13-01”"), report)
    }

    /// A field's warnings beyond the examples shown are counted, not silently left out (it said
    /// "4 条" and listed 3).
    func testWarningsBeyondTheExamplesAreCounted() throws {
        let f = IngestFixture()
        let rows = (1...5).map { "A\($0),水利局,行政处罚,2024-02-3\($0)" }
        let path = f.write("w.csv", (["案件编号,执法主体,执法类别,立案日期"] + rows).joined(separator: "\n") + "\n")
        let result = try run(["inspect", "--input", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("filed_date（立案日期）：5 条"), result.stdout)
        XCTAssertTrue(result.stdout.contains("      ……另有 2 条未列出（pingcha run 把每一条写入 warnings.csv）"), result.stdout)
    }

    /// `--header-row` past the end says so (it said the file was empty).
    func testAHeaderRowPastTheEndIsNamed() throws {
        let f = IngestFixture()
        let path = f.write("h.csv", "案件编号,执法主体,执法类别\nA1,水利局,行政处罚\n")
        let result = try run(["inspect", "--input", path, "--header-row", "99"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("未导入：--header-row 99：\(path) 只有 2 行，没有第 99 行"), result.stdout)
    }

    func testMissingRequiredColumnRefusesTheFileWithExitCode1() throws {
        let f = IngestFixture()
        let path = f.write("x.csv", "编号,执法主体,执法类别\n1,交通运输局,行政处罚\n")
        let result = try run(["inspect", "--input", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("未导入：\(path): 缺少必需的列：case_id（案件编号）（最接近的表头：“编号”）"), result.stdout)
    }

    func testUsageErrorExitsWith2() throws {
        XCTAssertEqual(try run(["inspect", "--encoding", "latin1"]).status, 2)
    }
}
