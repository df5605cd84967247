import Foundation
import PingchaModel

/// The character encoding of an export, as detected or as the user forced it.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "utf8"
    case utf8BOM = "utf8-bom"
    case gb18030 = "gb18030"
    /// Not text but a workbook, whose cells are Unicode already: recorded in the encoding's
    /// place so that `summary.json` and the store say what kind of file an input was.
    /// UTF-16 with a byte-order mark: Excel's "Unicode 文本" export (tab-separated).
    case utf16le = "utf16le"
    case utf16be = "utf16be"
    case xlsx = "xlsx"
    case xls = "xls"

    /// The name shown to users and stored with each input.
    public var label: String { rawValue }

    /// The name iconv knows the encoding by, for a text encoding that is decoded to UTF-8.
    var iconvName: String {
        switch self {
        case .gb18030: return "GB18030"
        case .utf16le: return "UTF-16LE"
        case .utf16be: return "UTF-16BE"
        default: return "UTF-8"
        }
    }

    var isUTF16: Bool { self == .utf16le || self == .utf16be }
}

/// `--encoding auto|utf8|gb18030|utf16`.
public enum EncodingChoice: String, Sendable, CaseIterable {
    case auto, utf8, gb18030, utf16
}

/// Decides a file's encoding by reading all of it, not a sample: an export whose first
/// 80,000 lines are plain ASCII and whose Chinese text starts later is still recognised.
///
/// Valid UTF-8 throughout → UTF-8. Otherwise, if the file is overwhelmingly valid UTF-8 with a
/// few broken bytes (a damaged UTF-8 export), it is still UTF-8 and the broken bytes are
/// reported per line; a file with Chinese text that does not decode as UTF-8 is GB18030
/// (which also covers GBK and GB2312, what Excel on Chinese Windows writes).
struct EncodingDetector {
    struct Result: Equatable {
        var encoding: TextEncoding
        /// Bytes of byte-order mark to skip.
        var bomLength: Int
        /// True when the file is UTF-8 with some invalid bytes (they become U+FFFD).
        var damaged: Bool
    }

    /// Running UTF-8 validation over a byte stream split into blocks.
    struct UTF8Scan {
        var pending = 0          // continuation bytes still expected
        var validMultiByte = 0   // complete multi-byte characters seen
        var invalid = 0          // places where the bytes stop being UTF-8
        /// After an invalid byte, the stray continuation bytes that follow belong to the same
        /// damage and are not counted again.
        var skippingStrays = false

        mutating func scan(_ bytes: UnsafeRawBufferPointer) {
            let count = bytes.count
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            var i = 0
            while i < count {
                if pending == 0 {
                    // ASCII runs are most of a CSV: test eight bytes at a time.
                    while i + 8 <= count {
                        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 != 0 { break }
                        i += 8
                    }
                    if i >= count { break }
                }
                let b = base[i]
                if skippingStrays {
                    if b & 0xC0 == 0x80 { i += 1; continue }
                    skippingStrays = false
                }
                if pending > 0 {
                    if b & 0xC0 == 0x80 {
                        pending -= 1
                        if pending == 0 { validMultiByte += 1 }
                        i += 1
                        continue
                    }
                    invalid += 1
                    pending = 0
                    skippingStrays = true
                    continue
                }
                let length: Int
                switch b {
                case 0x00...0x7F: i += 1; continue
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default:
                    invalid += 1
                    skippingStrays = true
                    i += 1
                    continue
                }
                // Chinese text is mostly three-byte characters: check a whole one at once
                // when it lies inside this block, else fall back to counting pending bytes.
                if i + length <= count {
                    var ok = true
                    for k in 1..<length where base[i + k] & 0xC0 != 0x80 { ok = false; break }
                    if ok {
                        validMultiByte += 1
                        i += length
                        continue
                    }
                }
                pending = length - 1
                i += 1
            }
        }

        mutating func finish() {
            if pending > 0 { invalid += 1; pending = 0 }
        }
    }

    /// Scans the whole file, the two halves on two threads (the scan is serial work that
    /// would otherwise hold up parsing). The second half starts after any continuation bytes
    /// at its front, which the first half reads to finish its last character.
    static func scan(_ file: ChunkedFile) -> UTF8Scan {
        let size = file.size
        guard size >= 4 << 20 else {
            var scan = UTF8Scan()
            file.forEachBlock(in: 0..<size) { scan.scan($0) }
            scan.finish()
            return scan
        }
        var split = size / 2
        file.forEachBlock(in: split..<min(size, split + 3)) { front in
            for b in front { if b & 0xC0 == 0x80 { split += 1 } else { break } }
        }
        final class Half: @unchecked Sendable { var scan = UTF8Scan() }
        let second = Half()
        let finished = DispatchSemaphore(value: 0)
        Thread { [split] in
            file.forEachBlock(in: split..<size) { second.scan.scan($0) }
            finished.signal()
        }.start()
        var first = UTF8Scan()
        file.forEachBlock(in: 0..<split) { first.scan($0) }
        first.finish()
        finished.wait()
        second.scan.finish()
        first.validMultiByte += second.scan.validMultiByte
        first.invalid += second.scan.invalid
        return first
    }

    static func detect(_ file: ChunkedFile, choice: EncodingChoice) throws(PingchaError) -> Result {
        var head: [UInt8] = []
        file.forEachBlock(in: 0..<min(4, file.size)) { head.append(contentsOf: $0) }
        if head.isEmpty { throw .emptyFile(file.path) }
        // UTF-16 (Excel's "Unicode 文本") is known by its byte-order mark; without one, only
        // when the user says so (little-endian, as Windows writes it).
        if head.starts(with: [0xFF, 0xFE]) { return Result(encoding: .utf16le, bomLength: 2, damaged: false) }
        if head.starts(with: [0xFE, 0xFF]) { return Result(encoding: .utf16be, bomLength: 2, damaged: false) }
        if choice == .utf16 { return Result(encoding: .utf16le, bomLength: 0, damaged: false) }
        let scan = choice != .gb18030 ? EncodingDetector.scan(file) : UTF8Scan()
        let utf8BOM = head.starts(with: [0xEF, 0xBB, 0xBF])
        let gbBOM = head.starts(with: [0x84, 0x31, 0x95, 0x33])
        switch choice {
        case .utf8:
            return Result(encoding: utf8BOM ? .utf8BOM : .utf8, bomLength: utf8BOM ? 3 : 0, damaged: scan.invalid > 0)
        case .gb18030:
            return Result(encoding: .gb18030, bomLength: gbBOM ? 4 : 0, damaged: false)
        case .auto, .utf16:
            if gbBOM { return Result(encoding: .gb18030, bomLength: 4, damaged: false) }
            if scan.invalid == 0 {
                return Result(encoding: utf8BOM ? .utf8BOM : .utf8, bomLength: utf8BOM ? 3 : 0, damaged: false)
            }
            // In GBK text only a few byte pairs happen to form UTF-8 characters; in a damaged
            // UTF-8 file nearly all of them do.
            if utf8BOM || scan.validMultiByte > 20 * scan.invalid {
                return Result(encoding: utf8BOM ? .utf8BOM : .utf8, bomLength: utf8BOM ? 3 : 0, damaged: true)
            }
            return Result(encoding: .gb18030, bomLength: 0, damaged: false)
        }
    }
}
