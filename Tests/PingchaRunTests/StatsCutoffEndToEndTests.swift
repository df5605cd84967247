import Foundation
import PingchaTestSupport
import XCTest

/// The cut-off of the annual statistics through the store (Art. 12 wants the report by 20
/// December): a 2025 batch stored on 10 December leaves a decision of 15 December out of its
/// report and says it goes to the next one; the 2026 report, whose export carries that decision,
/// starts on 11 December 2025 and counts it as 补报. Nothing is lost, nothing counted twice.
final class StatsCutoffEndToEndTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.file("rubrics"), withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        for year in ["2025", "2026"] { try FileManager.default.createDirectory(atPath: folder.file(year), withIntermediateDirectories: true) }
        let header = "案件编号,执法主体,执法类别,决定日期\n"
        try (header + "检1,水利局,行政检查,2025-06-02\n检2,水利局,行政检查,2025-12-05\n检3,水利局,行政检查,2025-12-15\n")
            .write(toFile: folder.file("2025/水利局.csv"), atomically: true, encoding: .utf8)
        try (header + "检3,水利局,行政检查,2025-12-15\n检4,水利局,行政检查,2026-03-02\n")
            .write(toFile: folder.file("2026/水利局.csv"), atomically: true, encoding: .utf8)
        for (year, ranAt) in [("2025", "2025-12-10T02:00:00Z"), ("2026", "2027-01-05T02:00:00Z")] {
            let r = try CommandRunner.run(["run", "--quiet", "--input", year, "--year", year, "--out", "o" + year], in: folder.path,
                                          environment: ["PINGCHA_TEST_RAN_AT": ranAt])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    override func tearDown() { folder.remove() }

    func notes(_ year: String) throws -> [String] {
        let r = try CommandRunner.run(["stats", "--year", year, "--out", "s" + year, "--date", "\(year)-12-18"], in: folder.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOfFile: folder.file("s\(year)/stats.md"), encoding: .utf8)
        return md.split(separator: "\n").filter { $0.hasPrefix("统计期间") || $0.hasPrefix("统计范围") }.map(String.init)
    }

    func testTheCutoffAndTheNextReportsCarryOver() throws {
        XCTAssertEqual(try notes("2025"), [
            "统计期间：2025年1月1日至2025年12月10日；数据截止日期2025年12月10日（批次“2025年度行政执法案卷评查”导入数据之日）；数据截止日期之后至12月31日作出的决定计入下一年度报告（补报）。",
            "统计范围：决定日期在2025年1月1日至12月10日之间的案件，共2件；决定日期在其他年度的0件不计入；决定日期在数据截止日期之后的1件不计入本报告，计入下一年度报告（补报）；无决定日期的0件单列，不计入本年度各项数字。",
        ])
        XCTAssertEqual(try notes("2026"), [
            "统计期间：2025年12月11日至2026年12月31日；数据截止日期2026年12月31日（批次“2026年度行政执法案卷评查”导入数据之日为2027年1月5日，晚于年末，按12月31日）。",
            "统计范围：决定日期在2025年12月11日至2026年12月31日之间的案件，共2件；其中2025年报告数据截止日期之后作出、在本报告补报的1件；决定日期在其他年度的0件不计入；无决定日期的0件单列，不计入本年度各项数字。",
        ])
    }
}
