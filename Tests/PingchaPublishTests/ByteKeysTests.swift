import XCTest
@testable import PingchaPublish

/// The byte-keyed table the report pass names departments, rules and worded values by: equal
/// bytes get one number, first seen first, whatever their length against the hash's eight-byte
/// steps, and growing the table keeps every number.
final class ByteKeysTests: XCTestCase {
    func id(_ keys: inout ByteKeys, _ text: String) -> Int {
        Array(text.utf8).withUnsafeBufferPointer { keys.id($0) }
    }

    func testEqualBytesShareANumberFirstSeenFirst() {
        var keys = ByteKeys()
        XCTAssertEqual(id(&keys, "市场监督管理局"), 0)
        XCTAssertEqual(id(&keys, "农业农村局"), 1)
        XCTAssertEqual(id(&keys, "市场监督管理局"), 0)
        XCTAssertEqual(id(&keys, ""), 2)
        XCTAssertEqual(id(&keys, ""), 2)
        XCTAssertEqual(keys.names, ["市场监督管理局", "农业农村局", ""])
    }

    func testKeysThatDifferInOneByteAtEveryPositionAreApart() {
        // Lengths around the eight-byte steps: a byte of the tail and of a whole word each.
        for length in 1...25 {
            var keys = ByteKeys()
            let base = [UInt8](repeating: 0x61, count: length)
            XCTAssertEqual(base.withUnsafeBufferPointer { keys.id($0) }, 0)
            for position in 0..<length {
                var other = base
                other[position] = 0x62
                XCTAssertEqual(other.withUnsafeBufferPointer { keys.id($0) }, position + 1, "length \(length), byte \(position)")
            }
            // A key one byte longer (a trailing zero byte) is a key of its own.
            XCTAssertEqual((base + [0]).withUnsafeBufferPointer { keys.id($0) }, length + 1)
            XCTAssertEqual(base.withUnsafeBufferPointer { keys.id($0) }, 0)
        }
    }

    func testGrowingKeepsEveryNumber() {
        var keys = ByteKeys()
        for i in 0..<5000 { XCTAssertEqual(id(&keys, "PRO-\(i)"), i) }
        for i in stride(from: 4999, through: 0, by: -1) { XCTAssertEqual(id(&keys, "PRO-\(i)"), i) }
        XCTAssertEqual(keys.count, 5000)
    }
}
