import Foundation
@testable import PingchaRubric
import XCTest

/// `matches(text, "pattern")`: glibc's matcher behind a table of remembered answers per
/// copy of the compiled pattern. The answers must be the matcher's, whatever the table holds.
final class RulePatternTests: XCTestCase {
    static let article = "第[一二三四五六七八九十百千零〇两0-9]+条"

    func testRepeatedTextsGetTheSameAnswer() throws {
        let pattern = try RulePattern(Self.article)
        for _ in 0..<3 {
            XCTAssertTrue(pattern.matches("《中华人民共和国行政处罚法》第三十三条"))
            XCTAssertFalse(pattern.matches("《中华人民共和国行政处罚法》"))
            XCTAssertTrue(pattern.matches("第12条"))
            XCTAssertFalse(pattern.matches(""))
        }
    }

    /// More distinct texts than a table holds: it starts over, and every answer is still right.
    func testAnswersStayRightPastTheTablesSize() throws {
        let pattern = try RulePattern("^[0-9]+$")
        for round in 0..<2 {
            for i in 0..<10_000 {
                let text = i % 3 == 0 ? "第\(i)条" : String(i)
                XCTAssertEqual(pattern.matches(text), i % 3 != 0, "round \(round), text \(text)")
            }
        }
    }

    /// Threads sharing one pattern (the ingest workers do) get the matcher's answers.
    func testThreadsSharingAPatternAgree() throws {
        let pattern = try RulePattern(Self.article)
        let texts = (0..<2_000).map { $0 % 2 == 0 ? "依据第\($0)条" : "依据\($0)" }
        let lock = NSLock()
        nonisolated(unsafe) var wrong = 0
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for (i, text) in texts.enumerated() where (i + worker) % 3 != 0 {
                if pattern.matches(text) != (i % 2 == 0) { lock.withLock { wrong += 1 } }
            }
        }
        XCTAssertEqual(wrong, 0)
    }
}
