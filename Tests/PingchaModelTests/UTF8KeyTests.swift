import PingchaModel
import XCTest

/// Keys by bytes: equal exactly when the UTF-8 bytes are, so a dictionary keyed by them never
/// folds two spellings into one entry (as `String` keys do, by canonical equivalence).
final class UTF8KeyTests: XCTestCase {
    func testEqualTextsAreOneKey() {
        var table: [UTF8Key: Int] = [:]
        table[UTF8Key("《中华人民共和国行政处罚法》第三十三条")] = 1
        table[UTF8Key("《中华人民共和国行政处罚法》" + "第三十三条")] = 2
        XCTAssertEqual(table.count, 1)
        XCTAssertEqual(table[UTF8Key("《中华人民共和国行政处罚法》第三十三条")], 2)
        XCTAssertEqual(UTF8Key("").hashValue, UTF8Key(String()).hashValue)
    }

    /// "é" composed (U+00E9) and decomposed (e + U+0301) are one `String` but two keys here.
    func testCanonicallyEquivalentSpellingsStayApart() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        XCTAssertEqual(composed, decomposed)
        XCTAssertNotEqual(UTF8Key(composed), UTF8Key(decomposed))
        let table: [UTF8Key: Int] = [UTF8Key(composed): 1, UTF8Key(decomposed): 2]
        XCTAssertEqual(table.count, 2)
    }

    /// A substring's text (not native contiguous storage until copied) hashes like the whole.
    func testBridgedAndSlicedTextsHashByTheirBytes() {
        let whole = "执法主体：市场监督管理局"
        let slice = String(whole.split(separator: "：")[1])
        XCTAssertEqual(UTF8Key(slice), UTF8Key("市场监督管理局"))
        XCTAssertEqual(UTF8Key(slice).hashValue, UTF8Key("市场监督管理局").hashValue)
    }
}
