import XCTest
@testable import PingchaIngest

/// The duplicate check's table: a key met again answers with where it was first met, keys that
/// differ anywhere (in either part, or only in where one part ends) are apart, and growing the
/// table keeps every location.
final class CaseKeyIndexTests: XCTestCase {
    func testARepeatAnswersWithTheFirstLocation() {
        var index = CaseKeyIndex(capacity: 16)
        let key = CaseKey(department: "市场监督管理局", caseId: "克市监罚〔2024〕12号")
        XCTAssertNil(index.insert(key, fileIndex: 0, line: 2))
        XCTAssertNil(index.insert(CaseKey(department: "农业农村局", caseId: "克市监罚〔2024〕12号"), fileIndex: 0, line: 3))
        XCTAssertEqual(index.insert(key, fileIndex: 1, line: 40).map { [$0.file, $0.line] }, [0, 2])
        // The third sighting still names the first.
        XCTAssertEqual(index.insert(key, fileIndex: 2, line: 9).map { [$0.file, $0.line] }, [0, 2])
    }

    func testWhereTheDepartmentEndsIsPartOfTheKey() {
        XCTAssertNotEqual(CaseKey(department: "ab", caseId: "c"), CaseKey(department: "a", caseId: "bc"))
        XCTAssertNotEqual(CaseKey(department: "", caseId: "abc"), CaseKey(department: "abc", caseId: ""))
        XCTAssertEqual(CaseKey(department: "a", caseId: "bc"), CaseKey(department: "a", caseId: "bc"))
    }

    /// One document number typed two ways is one case; another number, or another department, is not.
    func testOneDocumentNumberTypedTwoWaysIsOneCase() {
        for written in ["克环罚(2025)1号", "克环罚（２０２５）１号", "克环罚（2025）1 号", "克环罚[2025]1号", "克环罚【2025】1号", "克环罚\u{3000}〔2025〕1号"] {
            XCTAssertEqual(CaseKey(department: "生态环境局", caseId: written), CaseKey(department: "生态环境局", caseId: "克环罚〔2025〕1号"), written)
        }
        XCTAssertNotEqual(CaseKey(department: "生态环境局", caseId: "克环罚〔2025〕11号"), CaseKey(department: "生态环境局", caseId: "克环罚〔2025〕1号"))
        XCTAssertNotEqual(CaseKey(department: "生态环境局", caseId: "克环罚〔2025〕1号"), CaseKey(department: "水利局", caseId: "克环罚〔2025〕1号"))
        XCTAssertEqual(CaseKey.folded("ＡＢ－12"), "AB-12")
        // Numbers written as the standard writes them are taken as they are; the others are folded.
        XCTAssertFalse(CaseKey.needsFolding("克市监罚〔2024〕12号"))
        XCTAssertFalse(CaseKey.needsFolding("ABC-2024-0001"))
        for written in ["克环罚(2025)1号", "克环罚（2025）1号", "克环罚〔２０２５〕1号", "克环罚〔2025〕1 号", "克环罚[2025]1号",
                        "克环罚【2025】1号", "克环罚\u{3000}〔2025〕1号", "克环罚\u{A0}〔2025〕1号", "克环罚［2025］1号"] {
            XCTAssertTrue(CaseKey.needsFolding(written), written)
            XCTAssertEqual(CaseKey.needsFolding(CaseKey.folded(written)), false, written)
        }
    }

    func testManyDistinctKeysAndTheirRepeats() {
        var index = CaseKeyIndex(capacity: 16)
        let n = 200_000
        for i in 0..<n {
            XCTAssertNil(index.insert(CaseKey(department: "局\(i % 37)", caseId: "罚〔2024〕\(i)号"), fileIndex: 0, line: i + 2))
        }
        for i in stride(from: 0, to: n, by: 997) {
            let first = index.insert(CaseKey(department: "局\(i % 37)", caseId: "罚〔2024〕\(i)号"), fileIndex: 1, line: 5)
            XCTAssertEqual(first?.line, i + 2)
            XCTAssertEqual(first?.file, 0)
        }
    }
}
