import PingchaAnalytics
import XCTest

/// z = 1.959964, z² = 3.841459; center = (p̂ + z²/2n)/(1 + z²/n),
/// half = z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n).
final class WilsonIntervalTests: XCTestCase {
    func testNineOfTen() throws {
        // p̂ = 0.9, z²/n = 0.384146, 1 + z²/n = 1.384146
        // center = (0.9 + 0.192073)/1.384146 = 0.788987
        // half = 1.959964·√(0.009 + 0.0096036)/1.384146 = 1.959964·0.136395/1.384146 = 0.193137
        // → [0.595850, 0.982124], i.e. [0.5958, 0.9821] to four places.
        let w = try XCTUnwrap(WilsonInterval(successes: 9, trials: 10))
        XCTAssertEqual(w.lower, 0.59585, accuracy: 0.00001)
        XCTAssertEqual(w.upper, 0.98212, accuracy: 0.00001)
    }

    func testNoneOfFive() throws {
        // p̂ = 0: center = (z²/10)/(1 + z²/5) = 0.384146/1.768292 = 0.217241, half the same
        // (√(z²/100) = z/10) → [0, 0.4345]; the lower bound is exactly 0.
        let w = try XCTUnwrap(WilsonInterval(successes: 0, trials: 5))
        XCTAssertEqual(w.lower, 0)
        XCTAssertEqual(w.upper, 0.4345, accuracy: 0.00005)
    }

    func testAllOfFive() throws {
        // p̂ = 1: center = (1 + 0.384146)/1.768292 = 0.782759, half = 0.217241 → [0.5655, 1].
        // The naive interval would be [1, 1]; Wilson does not claim certainty from 5 cases.
        let w = try XCTUnwrap(WilsonInterval(successes: 5, trials: 5))
        XCTAssertEqual(w.lower, 0.5655, accuracy: 0.00005)
        XCTAssertEqual(w.upper, 1)
    }

    func testNoTrialsNoInterval() {
        XCTAssertNil(WilsonInterval(successes: 0, trials: 0))
        XCTAssertNil(WilsonInterval(successes: 3, trials: 2))
        XCTAssertNil(Proportion(successes: 0, trials: 0).rate)
        XCTAssertNil(Proportion(successes: 0, trials: 0).interval)
    }

    func testOverlap() {
        let a = WilsonInterval(lower: 0, upper: 0.5615), b = WilsonInterval(lower: 0.5101, upper: 1)
        XCTAssertTrue(a.overlaps(b))
        XCTAssertTrue(b.overlaps(a))
        XCTAssertFalse(WilsonInterval(lower: 0.0567, upper: 0.5098).overlaps(WilsonInterval(lower: 0.7225, upper: 1)))
    }
}
