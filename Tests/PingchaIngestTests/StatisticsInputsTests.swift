import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// The staff roster and the inspection register `pingcha stats` reads: their columns by any
/// of their spellings, a title row above the header, workbooks made by Excel's kin, and every
/// refusal with its position.
final class StatisticsInputsTests: XCTestCase {
    func testRosterFromAnOpenpyxlWorkbookWithATitleRow() throws {
        let f = IngestFixture.copying(["roster-openpyxl.xlsx"])
        let roster = try StatisticsInputs.readRoster(path: f.dir + "/roster-openpyxl.xlsx")
        XCTAssertEqual(roster.map(\.name), ["王建国", "李海燕", "张志强"])
        XCTAssertEqual(roster.map(\.certified), [true, false, true])
        XCTAssertEqual(roster.map { $0.trainingHours?.description }, ["64", "59.5", nil])
        XCTAssertEqual(roster[1].location, SourceLocation(file: f.dir + "/roster-openpyxl.xlsx", line: 4, sheet: "名册"))
    }

    func testRosterRefusalsWithTheirCells() throws {
        let f = IngestFixture()
        let path = f.write("名册.csv", """
            单位,执法人员,证号,持证,学时
            水利局,王建国,1,有证,60
            水利局,李海燕,2,是,六十
            ,张志强,3,是,60
            水利局,赵某,4,是,-1

            """)
        XCTAssertThrowsError(try StatisticsInputs.readRoster(path: path)) { error in
            guard case .several(let errors, let summary) = error as? PingchaError else { return XCTFail("\(error)") }
            XCTAssertEqual(summary, "执法人员名册 \(path) 有 4 处错误，未读取")
            XCTAssertEqual(errors.map { $0.message.replacingOccurrences(of: f.dir + "/", with: "") }, [
                "名册.csv:2:4: 持证“有证”应为 是 或 否",
                "名册.csv:3:5: 培训学时“六十”应为不小于 0 的数字",
                "名册.csv:4:1: 缺少执法主体",
                "名册.csv:5:5: 培训学时“-1”应为不小于 0 的数字",
            ])
        }
        let missing = f.write("缺列.csv", "执法主体,姓名,是否持证\n水利局,王建国,是\n")
        XCTAssertThrowsError(try StatisticsInputs.readRoster(path: missing)) { error in
            XCTAssertEqual((error as? PingchaError)?.message.replacingOccurrences(of: f.dir + "/", with: ""),
                           "缺列.csv:1: 执法人员名册缺少必需的列：hours（培训学时）")
        }
    }

    func testRegisterLinesAndRefusals() throws {
        let f = IngestFixture()
        let good = f.write("台账.csv", "检查单位,检查日期,检查对象,检查结果\n水利局,2025/3/5,某砂石厂,未发现问题\n水利局,,某砂石厂,\n")
        let register = try StatisticsInputs.readRegister(path: good)
        XCTAssertEqual(register.map { $0.date?.description }, ["2025-03-05", nil])
        XCTAssertEqual(register.map(\.result), ["未发现问题", nil])
        let bad = f.write("错.csv", "执法主体,日期,检查对象,检查结果\n水利局,2025-13-01,某砂石厂,未发现问题\n")
        XCTAssertThrowsError(try StatisticsInputs.readRegister(path: bad)) { error in
            XCTAssertEqual((error as? PingchaError)?.message.replacingOccurrences(of: f.dir + "/", with: ""),
                           "错.csv:2:2: 检查日期“2025-13-01”不是日期（如 2025-03-05、2025/3/5、2025年3月5日）")
        }
    }
}
