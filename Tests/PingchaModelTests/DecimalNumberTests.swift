import PingchaModel
import XCTest

/// Exact decimals at four fractional digits: parsing, canonical text, rounding and overflow.
final class DecimalNumberTests: XCTestCase {
    func testPlainTextParsesToExactUnits() {
        XCTAssertEqual(DecimalNumber("12")?.units, 120_000)
        XCTAssertEqual(DecimalNumber("5000.5")?.units, 50_005_000)
        XCTAssertEqual(DecimalNumber("0.0001")?.units, 1)
        XCTAssertEqual(DecimalNumber("-3.25")?.units, -32_500)
        XCTAssertEqual(DecimalNumber("+7")?.units, 70_000)
        XCTAssertEqual(DecimalNumber(".5")?.units, 5_000)
        XCTAssertEqual(DecimalNumber("5.")?.units, 50_000)
        XCTAssertEqual(DecimalNumber("007.50")?.units, 75_000)
        // Zeros beyond the fourth fractional digit change nothing and are accepted.
        XCTAssertEqual(DecimalNumber("1.250000")?.units, 12_500)
        XCTAssertEqual(DecimalNumber("-0")?.units, 0)
    }

    func testAnythingElseIsRefused() {
        for text in ["", "-", "+", ".", "1.2.3", "1e3", "1,000", " 1", "1 ", "１２", "0x10", "1.00001", "--1", "一"] {
            XCTAssertNil(DecimalNumber(text), text)
        }
    }

    func testTheLimitsOfSixtyFourBits() {
        // Int64.max units = 922337203685477.5807.
        XCTAssertEqual(DecimalNumber("922337203685477.5807")?.units, Int64.max)
        XCTAssertNil(DecimalNumber("922337203685477.5808"))
        XCTAssertNil(DecimalNumber("922337203685478"))
        XCTAssertNil(DecimalNumber("99999999999999999999"))
        XCTAssertEqual(DecimalNumber("-922337203685477.5807")?.units, -Int64.max)
        XCTAssertEqual(DecimalNumber(units: Int64.max).description, "922337203685477.5807")
        XCTAssertEqual(DecimalNumber(units: Int64.min + 1).description, "-922337203685477.5807")
    }

    func testCanonicalTextHasNoTrailingZerosAndKeepsLeadingOnes() {
        XCTAssertEqual(DecimalNumber(units: 120_000).description, "12")
        XCTAssertEqual(DecimalNumber(units: 5_000).description, "0.5")
        XCTAssertEqual(DecimalNumber(units: 1).description, "0.0001")
        XCTAssertEqual(DecimalNumber(units: 10).description, "0.001")
        XCTAssertEqual(DecimalNumber(units: -32_500).description, "-3.25")
        XCTAssertEqual(DecimalNumber(units: -1).description, "-0.0001")
        XCTAssertEqual(DecimalNumber(units: 0).description, "0")
        XCTAssertEqual(DecimalNumber(units: 123_456_789).description, "12345.6789")
        XCTAssertEqual(DecimalNumber(-40).description, "-40")
    }

    func testFloorRoundsTowardNegativeInfinity() {
        XCTAssertEqual(DecimalNumber("2.9999")!.floor, 2)
        XCTAssertEqual(DecimalNumber("3")!.floor, 3)
        XCTAssertEqual(DecimalNumber("-0.0001")!.floor, -1)
        XCTAssertEqual(DecimalNumber("-3")!.floor, -3)
        XCTAssertEqual(DecimalNumber("-3.5")!.floor, -4)
        XCTAssertTrue(DecimalNumber("4.0000")!.isInteger)
        XCTAssertFalse(DecimalNumber("4.0001")!.isInteger)
    }

    func testArithmeticIsExactOrNil() {
        let tenth = DecimalNumber("0.1")!, fifth = DecimalNumber("0.2")!
        XCTAssertEqual(tenth.adding(fifth), DecimalNumber("0.3"))
        XCTAssertEqual(tenth.subtracting(fifth), DecimalNumber("-0.1"))
        XCTAssertEqual(DecimalNumber("1.5")!.multiplied(by: DecimalNumber("2.5")!), DecimalNumber("3.75"))
        XCTAssertEqual(DecimalNumber("-1.5")!.multiplied(by: DecimalNumber("4")!), DecimalNumber("-6"))
        // 0.01 × 0.01 = 0.0001 is exact; 0.001 × 0.01 needs five fractional digits.
        XCTAssertEqual(DecimalNumber("0.01")!.multiplied(by: DecimalNumber("0.01")!), DecimalNumber(units: 1))
        XCTAssertNil(DecimalNumber("0.001")!.multiplied(by: DecimalNumber("0.01")!))
        XCTAssertNil(DecimalNumber(units: Int64.max).adding(DecimalNumber(units: 1)))
        XCTAssertNil(DecimalNumber(units: Int64.min).subtracting(DecimalNumber(units: 1)))
        XCTAssertNil(DecimalNumber("922337203685477")!.multiplied(by: DecimalNumber("2")!))
        XCTAssertEqual(DecimalNumber("1.5")!.multiplied(byInteger: 10_000), DecimalNumber("15000"))
        XCTAssertNil(DecimalNumber(units: Int64.max / 2 + 1).multiplied(byInteger: 2))
    }

    func testOrderAndDouble() {
        XCTAssertLessThan(DecimalNumber("-0.0001")!, DecimalNumber.zero)
        XCTAssertLessThan(DecimalNumber("99.9999")!, DecimalNumber(100))
        XCTAssertEqual(DecimalNumber("1200.5")!.doubleValue, 1200.5)
    }

    /// The bytes result lines print are the description's: trailing zeros dropped, leading
    /// zeros of the fraction kept, signs, the extremes.
    func testAppendedTextIsTheDescription() {
        var values = stride(from: Int64(-30_000), through: 30_000, by: 7).map(DecimalNumber.init(units:))
        values += [0, 1, -1, 10, 100, 1000, 10_000, 100_000, 120_000_000, 5_000, 10_001, 99_999, Int64.max, Int64.min + 1, Int64.min]
            .map(DecimalNumber.init(units:))
        for value in values {
            var bytes: [UInt8] = []
            value.appendText(to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), value.description, "\(value.units) units")
        }
        var bytes: [UInt8] = []
        DecimalNumber("-0.0305")!.appendText(to: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "-0.0305")
    }
}
