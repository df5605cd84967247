import PingchaModel
@testable import PingchaCalendar
import XCTest

/// Every mistake in a calendar file is reported in Chinese at `file:line:col` of the key or
/// date at fault, so that a supervisor adding next year's notice can fix it in place.
final class CalendarFileErrorTests: XCTestCase {
    /// A small valid file: 2023 (元旦 from 2022-12-31, so 2022 is declared too) and 2024.
    static let valid = """
        version: "t.1"
        years:
          2022:
            notices:
              - title: 通知甲
            rest: []
          2023:
            notices:
              - title: 通知乙
                date: 2022-12-08
            rest:
              - 2022-12-31..2023-01-02   # 元旦
              - 2023-04-05               # 清明节
            work:
              - 2023-01-28               # 星期六
        """

    /// The message for `yaml` read as `cal.yaml`, or nil when it loads.
    func message(_ yaml: String) -> String? {
        do {
            _ = try WorkingDayCalendar.parse(yaml: yaml, path: "cal.yaml")
            return nil
        } catch {
            return error.message
        }
    }

    /// `valid` with one line (1-based) replaced, or with lines inserted after it.
    func edited(replacing line: Int, with text: String) -> String {
        var lines = Self.valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        return lines.joined(separator: "\n")
    }

    func edited(inserting text: String, after line: Int) -> String {
        var lines = Self.valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(text, at: line)
        return lines.joined(separator: "\n")
    }

    /// The base file itself loads: the errors below come from the one edit each makes.
    func testValidFileLoads() throws {
        let cal = try WorkingDayCalendar.parse(yaml: Self.valid, path: "cal.yaml")
        XCTAssertEqual(cal.coveredYears, 2022...2023)
        XCTAssertFalse(cal.isWorkingDay(d("2022-12-31")))
        XCTAssertTrue(cal.isWorkingDay(d("2023-01-28")))
        XCTAssertFalse(cal.isWorkingDay(d("2023-04-05")))
    }

    /// February has no 30th: the item is named where it stands (line 13, column 9).
    func testImpossibleDate() {
        XCTAssertEqual(message(edited(replacing: 13, with: "      - 2023-02-30")),
                       "cal.yaml:13:9: 日期“2023-02-30”无效：应为真实日期 YYYY-MM-DD，连续的日子写作 YYYY-MM-DD..YYYY-MM-DD")
    }

    /// Dates must be written in full: 2023-4-5 is rejected rather than guessed.
    func testShortDate() {
        XCTAssertEqual(message(edited(replacing: 13, with: "      - 2023-4-5")),
                       "cal.yaml:13:9: 日期“2023-4-5”无效：应为真实日期 YYYY-MM-DD，连续的日子写作 YYYY-MM-DD..YYYY-MM-DD")
    }

    /// A notice's date is checked too.
    func testBadNoticeDate() {
        XCTAssertEqual(message(edited(replacing: 10, with: "        date: 2022-13-08")),
                       "cal.yaml:10:15: 日期“2022-13-08”无效：应为真实日期 YYYY-MM-DD，连续的日子写作 YYYY-MM-DD..YYYY-MM-DD")
    }

    /// A range written end first.
    func testReversedRange() {
        XCTAssertEqual(message(edited(replacing: 12, with: "      - 2023-01-02..2022-12-31")),
                       "cal.yaml:12:9: 日期区间“2023-01-02..2022-12-31”的结束日期早于开始日期")
    }

    /// The same day twice in `rest`: 04-05 is already inside 04-03..04-05 on line 13.
    func testDuplicateRestDay() {
        let yaml = edited(replacing: 13, with: "      - 2023-04-03..2023-04-05").replacingOccurrences(
            of: "    work:", with: "      - 2023-04-05\n    work:")
        XCTAssertEqual(message(yaml),
                       "cal.yaml:14:9: 休息日 2023-04-05 重复：第13行已经列出（日期和区间不能重复或重叠）")
    }

    /// Overlapping ranges are reported at the first shared day.
    func testOverlappingRanges() {
        let yaml = edited(inserting: "      - 2023-01-02..2023-01-03", after: 12)
        XCTAssertEqual(message(yaml),
                       "cal.yaml:13:9: 休息日 2023-01-02 重复：第12行已经列出（日期和区间不能重复或重叠）")
    }

    /// A Sunday cannot be both a holiday and a 调休上班日: 2023-01-01 is in the 元旦 block.
    func testDayBothRestAndWork() {
        XCTAssertEqual(message(edited(replacing: 15, with: "      - 2023-01-01")),
                       "cal.yaml:15:9: 2023-01-01 在第12行已列为休息日，不能同时列为调休上班日")
    }

    /// A day listed under two years (2022's block pasted into 2023 as well).
    func testSameDayUnderTwoYears() {
        XCTAssertEqual(message(edited(replacing: 6, with: "    rest: [2022-12-31]")),
                       "cal.yaml:12:9: 休息日 2022-12-31 重复：第6行已经列出（日期和区间不能重复或重叠）")
    }

    /// 调休上班日 must be weekend days: Monday 2023-01-30 is a typo for something.
    func testWorkDayNotAWeekend() {
        XCTAssertEqual(message(edited(replacing: 15, with: "      - 2023-01-30")),
                       "cal.yaml:15:9: 调休上班日 2023-01-30 是星期一，不是周末：work 只列需要上班的星期六、星期日")
    }

    /// A range in `work` is checked day by day: Sat–Mon contains a Monday.
    func testWorkRangeContainingAWeekday() {
        XCTAssertEqual(message(edited(replacing: 15, with: "      - 2023-01-28..2023-01-30")),
                       "cal.yaml:15:9: 调休上班日 2023-01-30 是星期一，不是周末：work 只列需要上班的星期六、星期日")
    }

    /// A date of the next year under this year.
    func testRestDayOfAnotherYear() {
        XCTAssertEqual(message(edited(replacing: 13, with: "      - 2024-04-04")),
                       "cal.yaml:13:9: 休息日 2024-04-04 不属于 2023 年：每年只列本年的日期（跨年的元旦安排可以从上一年12月开始）")
    }

    /// The previous year is allowed only for its December (跨年元旦), not earlier.
    func testRestDayInPreviousNovember() {
        XCTAssertEqual(message(edited(replacing: 13, with: "      - 2022-11-30")),
                       "cal.yaml:13:9: 休息日 2022-11-30 不属于 2023 年：每年只列本年的日期（跨年的元旦安排可以从上一年12月开始）")
    }

    /// A block running past 31 December belongs to the next year's notice.
    func testRangeRunningIntoNextYear() {
        XCTAssertEqual(message(edited(replacing: 13, with: "      - 2023-12-30..2024-01-01")),
                       "cal.yaml:13:9: 休息日 2024-01-01 不属于 2023 年：每年只列本年的日期（跨年的元旦安排可以从上一年12月开始）")
    }

    /// 跨年元旦 into a year the file does not hold: the table would not cover 2022-12-31.
    func testPreviousYearNotInTheFile() {
        let yaml = Self.valid.replacingOccurrences(of: """
              2022:
                notices:
                  - title: 通知甲
                rest: []

            """, with: "")
        XCTAssertEqual(message(yaml),
                       "cal.yaml:8:9: 休息日 2022-12-31 属于 2022 年，但日历没有 2022 年：请先加入 2022 年的安排")
    }

    /// A misspelt key in a year, with the suggestion.
    func testUnknownKeyInYear() {
        XCTAssertEqual(message(edited(replacing: 14, with: "    works:")),
                       "cal.yaml:14:5: 未知的键 works，是否为 work？")
    }

    /// An unknown key at the top.
    func testUnknownTopKey() {
        XCTAssertEqual(message(edited(inserting: "holidays: []", after: 1)),
                       "cal.yaml:2:1: 未知的键 holidays（可用的键：version、note、years）")
    }

    /// An unknown key in a notice.
    func testUnknownNoticeKey() {
        XCTAssertEqual(message(edited(replacing: 10, with: "        dated: 2022-12-08")),
                       "cal.yaml:10:9: 未知的键 dated，是否为 date？")
    }

    /// A year without `rest`.
    func testMissingRest() {
        XCTAssertEqual(message(edited(replacing: 6, with: "    work: []")),
                       "cal.yaml:4:5: 2022 年缺少必填的键 rest")
    }

    /// A notice without its title.
    func testNoticeWithoutTitle() {
        XCTAssertEqual(message(edited(replacing: 5, with: "      - url: http://example.invalid/")),
                       "cal.yaml:5:9: 通知缺少必填的键 title")
    }

    /// The file must say which version it is.
    func testMissingVersion() {
        XCTAssertEqual(message(edited(replacing: 1, with: "# no version")),
                       "cal.yaml:2:1: 工作日历缺少必填的键 version")
    }

    /// An empty file.
    func testEmptyFile() {
        XCTAssertEqual(message(""), "cal.yaml:1:1: 工作日历缺少必填的键 version")
    }

    /// A year key that is not a four-digit year.
    func testBadYearKey() {
        XCTAssertEqual(message(edited(replacing: 3, with: "  22:")),
                       "cal.yaml:3:3: 年份“22”无效：years 下的键应为四位数的年份，如 2024")
    }

    /// The same year twice (pasted a second time while adding a notice): the second one is named.
    func testDuplicateYear() {
        let yaml = Self.valid + "\n  2022:\n    notices:\n      - title: 又一份\n    rest: []"
        XCTAssertEqual(message(yaml), "cal.yaml:16:3: 键 2022 重复出现（第一次在第3行）")
    }

    /// A repeated key inside a year.
    func testDuplicateKeyInYear() {
        XCTAssertEqual(message(edited(inserting: "    rest: []", after: 6)),
                       "cal.yaml:7:5: 键 rest 重复出现（第一次在第6行）")
    }

    /// Years must be consecutive, or the dates between would silently fall back.
    func testYearGap() {
        let yaml = Self.valid + "\n  2025:\n    notices:\n      - title: 又一份\n    rest: []"
        XCTAssertEqual(message(yaml), "cal.yaml:16:3: 年份不连续：缺少 2024 年（日历覆盖的年份必须连续）")
    }

    /// `years:` with nothing in it.
    func testNoYears() {
        XCTAssertEqual(message("version: x\nyears: {}\n"), "cal.yaml:2:8: 日历没有任何年份（years 为空）")
    }

    /// `years` as a list instead of a mapping keyed by year.
    func testYearsNotAMapping() {
        XCTAssertEqual(message("version: x\nyears:\n  - 2024\n"), "cal.yaml:3:3: years 应为以年份为键的映射")
    }

    /// Tab indentation is a YAML syntax error, reported by the shared reader with its position.
    func testYAMLSyntaxError() {
        XCTAssertEqual(message(edited(replacing: 6, with: "\trest: []")),
                       "cal.yaml:6:1: YAML 语法错误：缩进中有制表符（Tab），请改用空格")
    }
}
