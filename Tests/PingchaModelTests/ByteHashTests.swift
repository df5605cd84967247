import XCTest
import PingchaModel

/// The byte hash of the program's own tables: equal bytes hash alike, one changed byte at any
/// place of a word or of the tail changes the hash, so does the length (a trailing zero byte)
/// and the seed, and the low bits a table takes for its slot spread.
final class ByteHashTests: XCTestCase {
    func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 { bytes.withUnsafeBufferPointer { ByteHash.hash($0, seed: seed) } }

    func testEveryByteAndTheLengthCount() {
        for length in 0...33 {
            let base = [UInt8](repeating: 0x61, count: length)
            var seen: Set<UInt64> = [hash(base)]
            for position in 0..<length {
                for bit in 0..<8 {
                    var other = base
                    other[position] ^= 1 << bit
                    XCTAssertTrue(seen.insert(hash(other)).inserted, "length \(length), byte \(position), bit \(bit)")
                }
            }
            XCTAssertNotEqual(hash(base + [0]), hash(base), "length \(length)")
            XCTAssertNotEqual(hash(base, seed: 1), hash(base), "length \(length)")
            XCTAssertEqual(hash(base), hash(Array(base)))
        }
        XCTAssertEqual(ByteHash.hash("执法部门"), hash(Array("执法部门".utf8)))
    }

    func testTheLowBitsSpreadOverSlots() {
        // Ids that differ only in their last digits, as case ids do: 4,096 of them into 4,096 slots.
        var used = Set<UInt64>()
        for i in 0..<4096 { used.insert(ByteHash.hash("克市监罚〔2024〕\(i)号") & 4095) }
        // Random placement fills 1 − 1/e ≈ 63 % of the slots; a poor mix of the low bits far fewer.
        XCTAssertGreaterThan(used.count, 2400)
    }
}
