#if canImport(Glibc)
import Glibc
#endif

/// A streaming character-set converter over glibc iconv (GB18030 ⇄ UTF-8).
///
/// Feed chunks of any size; a multi-byte character split across two chunks is carried over
/// to the next call (iconv reports it as EINVAL), so callers can read files in fixed blocks.
public final class Transcoder {
    public enum Failure: Error, Equatable {
        /// Bytes that are not valid in the source encoding, at this offset of the whole stream.
        case invalidSequence(offset: Int)
        /// The stream ended inside a multi-byte character.
        case truncated(offset: Int)
    }

    private var handle: iconv_t
    private var carry: [UInt8] = []
    private var consumed = 0
    public let from: String
    public let to: String
    /// When set, an invalid sequence becomes U+FFFD (one byte skipped) instead of an error,
    /// and its stream offset is recorded in ``invalidOffsets``.
    public var lenient = false
    /// Bytes skipped past an invalid sequence in lenient mode: 2 for UTF-16, whose code units
    /// must stay aligned, 1 for the byte encodings.
    public var invalidSkip = 1
    public private(set) var invalidOffsets: [Int] = []

    public init?(from: String, to: String) {
        let h = iconv_open(to, from)
        if h == iconv_t(bitPattern: -1) { return nil }
        handle = h!
        self.from = from
        self.to = to
    }

    deinit { iconv_close(handle) }

    /// Converts `input`, appending to `output`. With `final`, a trailing partial character is
    /// an error instead of being carried over.
    public func convert(_ input: UnsafeRawBufferPointer, final: Bool, into output: inout [UInt8]) throws(Failure) {
        if carry.isEmpty {
            try run(input, final: final, into: &output)
        } else {
            // Rare: only the few bytes of one split character are copied.
            var joined = carry
            carry.removeAll(keepingCapacity: true)
            joined.append(contentsOf: input)
            let result: Result<Void, Failure> = joined.withUnsafeBytes { buf in
                do { try run(buf, final: final, into: &output); return .success(()) }
                catch let f as Failure { return .failure(f) } catch { return .success(()) }
            }
            try result.get()
        }
    }

    private func run(_ input: UnsafeRawBufferPointer, final: Bool, into output: inout [UInt8]) throws(Failure) {
        guard let base = input.baseAddress, input.count > 0 else { return }
        var inPtr = UnsafeMutablePointer<CChar>(mutating: base.assumingMemoryBound(to: CChar.self))
        var inLeft = input.count
        let start = output.count
        // UTF-8 output is at most 2× GB18030 input (and 1.5× the other way) plus a little.
        output.reserveCapacity(start + input.count * 2 + 16)
        var chunk = [UInt8](repeating: 0, count: max(4096, input.count * 2 + 16))
        while inLeft > 0 {
            let (rc, err, produced): (Int, Int32, Int) = chunk.withUnsafeMutableBytes { out in
                var outPtr: UnsafeMutablePointer<CChar>? = out.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outLeft = out.count
                var inP: UnsafeMutablePointer<CChar>? = inPtr
                let rc = iconv(handle, &inP, &inLeft, &outPtr, &outLeft)
                let e = errno
                inPtr = inP!
                return (rc, e, out.count - outLeft)
            }
            output.append(contentsOf: chunk[0..<produced])
            if rc == -1 {
                let offsetInInput = input.count - inLeft
                switch err {
                case E2BIG: continue
                case EINVAL:
                    if final {
                        guard lenient else { throw .truncated(offset: consumed + offsetInInput) }
                        invalidOffsets.append(consumed + offsetInInput)
                        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        inLeft = 0
                        break
                    }
                    carry = Array(UnsafeRawBufferPointer(start: UnsafeRawPointer(inPtr), count: inLeft))
                    consumed += offsetInInput
                    return
                default:
                    guard lenient else { throw .invalidSequence(offset: consumed + offsetInInput) }
                    if invalidOffsets.count < 10_000 { invalidOffsets.append(consumed + offsetInInput) }
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    let skip = min(invalidSkip, inLeft)
                    inPtr += skip
                    inLeft -= skip
                }
            }
        }
        consumed += input.count
    }

    /// Converts a whole string (for tests and small texts).
    public static func encode(_ text: String, to encoding: String) -> [UInt8]? {
        guard let t = Transcoder(from: "UTF-8", to: encoding) else { return nil }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        let ok: Bool = bytes.withUnsafeBytes { buf in
            do { try t.convert(buf, final: true, into: &out); return true } catch { return false }
        }
        return ok ? out : nil
    }
}
