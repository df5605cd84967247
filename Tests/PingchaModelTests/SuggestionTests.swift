import PingchaModel
import XCTest

/// Edit distances worked by hand, and the bounds that keep suggestions linear in the input.
final class SuggestionTests: XCTestCase {
    func testDistancesWorkedByHand() {
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)   // k→s, e→i, +g
        XCTAssertEqual(Suggestion.editDistance("veot", "veto"), 1)        // one swap
        XCTAssertEqual(Suggestion.editDistance("ca", "abc"), 3)           // OSA: no edit of a swapped pair
        XCTAssertEqual(Suggestion.editDistance("", "案件"), 2)
        XCTAssertEqual(Suggestion.editDistance("案件编号", ""), 4)
        XCTAssertEqual(Suggestion.editDistance("案件编号", "案件编码"), 1)
        XCTAssertEqual(Suggestion.editDistance("执法主体", "主体执法"), 4)
        XCTAssertEqual(Suggestion.editDistance("abcdef", "badcfe"), 3)    // three swaps
    }

    func testNearestWithinAThird() {
        let ids = ["case_id", "department", "decision_date", "veto"]
        XCTAssertEqual(Suggestion.nearest(to: "veot", among: ids), "veto")
        XCTAssertEqual(Suggestion.nearest(to: "decison_date", among: ids), "decision_date")
        XCTAssertEqual(Suggestion.nearest(to: "departmnet", among: ids), "department")
        XCTAssertNil(Suggestion.nearest(to: "score", among: ids))
        // Ties keep the first candidate.
        XCTAssertEqual(Suggestion.nearest(to: "ab", among: ["xb", "ax"]), "xb")
    }

    /// A name of a million characters is far longer than any candidate: passed over on its
    /// length (no suggestion), and ranking compares its prefix only.
    func testHugeNamesAreBounded() {
        let huge = String(repeating: "decision_dat", count: 83_334)
        XCTAssertNil(Suggestion.nearest(to: huge, among: ["decision_date", "case_id"]))
        XCTAssertNil(Suggestion.nearest(to: "veto", among: [huge]))
        let ranked = Suggestion.ranked("decision_date" + huge, among: ["case_id", "decision_date"], limit: 2)
        XCTAssertEqual(ranked.map(\.0), ["decision_date", "case_id"])
        XCTAssertEqual(ranked.map(\.1), [Suggestion.comparedPrefix - 13, Suggestion.comparedPrefix - 7])
    }

    func testShownNames() {
        XCTAssertEqual(Suggestion.shown("案件编号"), "案件编号")
        XCTAssertEqual(Suggestion.shown(String(repeating: "a", count: 40)), String(repeating: "a", count: 40))
        XCTAssertEqual(Suggestion.shown(String(repeating: "案", count: 41)), String(repeating: "案", count: 40) + "…（共 41 个字符）")
    }
}
