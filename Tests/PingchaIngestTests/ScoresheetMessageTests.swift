import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// Every message of reading a reviewer's CSV scoresheet (`run --scoresheet`), each with its
/// exact `file:line:col`. The checks against the rubrics and the batch (unknown case or rule,
/// deduction above the maximum) are in PingchaScoringTests' ReviewBookMessageTests.
final class ScoresheetMessageTests: XCTestCase {
    static let header = "case_id,department,rule,outcome,deduct,reviewer,note\n"

    /// (what is wrong, the file, the exact messages with `F` for its path, how many rows were read).
    static let table: [(String, String, [String], Int)] = [
        ("a good row", header + "H-1,测试局,EVD-02,fail,2,王五,缺照片\n", [], 1),
        ("missing columns", "案件编号,备注\nH-1,x\n", ["F:1: 评查表缺少必需的列：rule（细则）、outcome（结论）"], 0),
        ("missing columns after a title line", "评查表\n", ["F:1: 评查表缺少必需的列：case_id（案件编号）、rule（细则）、outcome（结论）"], 0),
        ("no case id", header + " ,测试局,EVD-02,fail,2,,\n", ["F:2:1: 缺少案件编号"], 0),
        ("no rule", header + "H-1,测试局,,fail,2,,\n", ["F:2:3: 缺少细则编号"], 0),
        ("bad outcome", header + "H-1,测试局,EVD-02,可能,,,\n", ["F:2:4: 结论“可能”无效，应为 pass/fail/na 或 符合/不符合/不适用"], 0),
        ("not yet decided", header + "H-1,测试局,EVD-02,,,,\n", [], 0),
        ("blank row", header + ",,,,,,\n", [], 0),
        ("deduct not a number", header + "H-1,测试局,EVD-02,fail,两分,,\n", ["F:2:5: 扣分“两分”应为大于 0 的数字"], 0),
        ("deduct zero", header + "H-1,测试局,EVD-02,fail,0,,\n", ["F:2:5: 扣分“0”应为大于 0 的数字"], 0),
        ("deduct on a pass", header + "H-1,测试局,EVD-02,符合,1,,\n", ["F:2:5: 只有结论为 fail（不符合）时才能填写扣分"], 0),
        ("a row after a quoted line break", header + "H-1,测试局,EVD-02,fail,1,王五,\"两行\n备注\"\nH-2,测试局,EVD-02,待定,,,\n",
         ["F:4:4: 结论“待定”无效，应为 pass/fail/na 或 符合/不符合/不适用"], 1),
        ("unterminated quote", header + "H-1,测试局,EVD-02,fail,1,王五,\"没有结尾\n", ["F:2: 引号未闭合"], 0),
        ("columns in another order, Chinese headers", "结论,细则,案件编号\n否,,H-1\n", ["F:2:2: 缺少细则编号"], 0),
        ("every bad row is told", header + "H-1,测试局,EVD-02,x,,,\nH-2,测试局,EVD-02,fail,-1,,\n",
         ["F:2:4: 结论“x”无效，应为 pass/fail/na 或 符合/不符合/不适用", "F:3:5: 扣分“-1”应为大于 0 的数字"], 0),
        ("a deduction without a verdict; a row left blank, or with a note only, decides nothing",
         header + "H-1,测试局,EVD-02,,2,王五,\nH-2,测试局,EVD-02,,,王五,\nH-3,测试局,EVD-02,,,王五,再查\n",
         ["F:2:4: 填写了扣分“2”却没有填写结论：不符合的请在结论中填写“不符合”（或 fail）"], 0),
    ]

    func testEveryReaderMessageWithItsPosition() throws {
        let f = IngestFixture()
        for (i, (what, text, expected, rows)) in Self.table.enumerated() {
            let path = f.write("s\(i).csv", text)
            let (read, errors) = try ScoresheetReader.read(path: path)
            XCTAssertEqual(errors.map { $0.message.replacingOccurrences(of: path, with: "F") }, expected, what)
            XCTAssertEqual(read.count, rows, what)
        }
    }

    /// Bytes the chosen encoding cannot decode: told at their line and at the column an editor
    /// shows (characters before them, not bytes: 22 characters are 28 bytes of UTF-8).
    func testUndecodableBytes() throws {
        let f = IngestFixture()
        let path = f.write("s.csv", bytes: Array(Self.header.utf8) + Array("H-1,测试局,EVD-02,fail,1,".utf8) + [0xFF, 0xFE] + Array(",\n".utf8))
        let (_, errors) = try ScoresheetReader.read(path: path, encoding: .utf8)
        XCTAssertEqual(errors.map { $0.message.replacingOccurrences(of: path, with: "F") }, ["F:2:23: 有无法解码的字节"])
        // GB18030: 测试局 is two bytes a character, U+0080 four (81 30 81 30).
        let gb = f.write("gb.csv", bytes: Array(Self.header.utf8) + Array("H-1,".utf8) + [0xB2, 0xE2, 0xCA, 0xD4, 0xBE, 0xD6] + Array(",".utf8)
            + [0xFF] + Array(",\nH-2,".utf8) + [0x81, 0x30, 0x81, 0x30] + Array(",".utf8) + [0xFF] + Array(",\n".utf8))
        let (_, gbErrors) = try ScoresheetReader.read(path: gb, encoding: .gb18030)
        XCTAssertEqual(gbErrors.map { $0.message.replacingOccurrences(of: gb, with: "F") }, ["F:2:9: 有无法解码的字节", "F:3:7: 有无法解码的字节"])
    }

    /// Where a row's cells are, kept for the checks made later against the rubrics and the batch.
    func testARowKnowsItsColumns() throws {
        let f = IngestFixture()
        let path = f.write("s.csv", "备注,结论,细则,扣分,案件编号\n,fail,EVD-02,1,H-1\n")
        let (rows, errors) = try ScoresheetReader.read(path: path)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(rows.map(\.columns), [["note": 1, "outcome": 2, "rule": 3, "deduct": 4, "case_id": 5]])
        XCTAssertEqual(rows.map(\.sheet), [nil])
    }
}
