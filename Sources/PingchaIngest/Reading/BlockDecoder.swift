import Foundation
import PingchaModel

/// Converts a GB18030 or UTF-16 file (or a damaged UTF-8 one) to UTF-8 on its own thread, a
/// few blocks ahead of the parser, so that decoding and parsing use two cores.
///
/// Bytes that are not valid in the file's encoding become U+FFFD; each run of them is
/// reported once with its line and column in the original file (a line feed is the same
/// byte in both encodings, so lines are counted on the raw bytes).
final class BlockDecoder: @unchecked Sendable {
    final class Block: @unchecked Sendable {
        var bytes: [UInt8] = []
        var invalid: [(line: Int, column: Int)] = []
    }

    private let file: ChunkedFile
    private let detection: EncodingDetector.Result
    private let ready = BlockingQueue<Block>(capacity: 3)
    private let free = BlockingQueue<Block>()
    private(set) var failure: PingchaError?
    /// The SHA-256 of the raw file, set when the last block has been handed over.
    private(set) var sha256: String?

    init(file: ChunkedFile, detection: EncodingDetector.Result) {
        self.file = file
        self.detection = detection
        for _ in 0..<4 { free.put(Block()) }
    }

    func start() {
        Thread { [self] in
            decodeAll()
            ready.close()
        }.start()
    }

    /// The next decoded block, or nil at the end of the file.
    func next() -> Block? { ready.take() }

    func recycle(_ block: Block) { free.put(block) }

    private func decodeAll() {
        let transcoder = Transcoder(from: detection.encoding.iconvName, to: "UTF-8")!
        transcoder.lenient = true
        // Lines of a UTF-16 file are not runs of bytes between 0x0A bytes (a character such
        // as 上, U+4E0A, holds one): invalid bytes are placed by counting code units instead.
        let unit = detection.encoding.isUTF16 ? 2 : 1
        transcoder.invalidSkip = unit
        var skipBOM = detection.bomLength
        var rawOffset = 0
        var linesBefore = 1
        var reported = 0
        var lastInvalid = -2
        let digest = SHA256Digest()
        func take() -> Block {
            let b = free.take()!
            b.bytes.removeAll(keepingCapacity: true)
            b.invalid.removeAll(keepingCapacity: true)
            return b
        }
        do {
            try file.forEachBlock { raw throws(PingchaError) in
                digest.update(raw)
                var raw = raw
                if skipBOM > 0 {
                    let n = min(skipBOM, raw.count)
                    raw = UnsafeRawBufferPointer(rebasing: raw[n...])
                    skipBOM -= n
                    rawOffset += n
                }
                let block = take()
                do { try transcoder.convert(raw, final: false, into: &block.bytes) } catch {}
                // Locate the new invalid bytes; a run of them (one broken character) is one problem.
                while reported < transcoder.invalidOffsets.count {
                    let absolute = transcoder.invalidOffsets[reported]
                    reported += 1
                    defer { lastInvalid = absolute }
                    let offset = absolute - rawOffset
                    if absolute == lastInvalid + 1 || offset < 0 || offset > raw.count { continue }
                    let prefix = UnsafeRawBufferPointer(rebasing: raw[0..<offset])
                    let (lines, lineStart) = Self.lineFeeds(prefix, unit: unit, bigEndian: detection.encoding == .utf16be)
                    // The column an editor shows: characters before the bad bytes, not bytes.
                    let before = UnsafeRawBufferPointer(rebasing: raw[lineStart..<offset])
                    block.invalid.append((linesBefore + lines, Self.characters(before, encoding: detection.encoding) + 1))
                }
                linesBefore += Self.lineFeeds(raw, unit: unit, bigEndian: detection.encoding == .utf16be).count
                rawOffset += raw.count
                ready.put(block)
            }
        } catch {
            failure = error
        }
        let last = take()
        do { try transcoder.convert(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &last.bytes) } catch {}
        if transcoder.invalidOffsets.count > reported { last.invalid.append((linesBefore, 1)) }
        sha256 = digest.finish()
        ready.put(last)
    }

    /// How many characters `bytes` hold in `encoding` (a broken sequence counts as one each byte
    /// of UTF-8's, as its lead for GB18030's). UTF-16: code units, less the second of each pair.
    static func characters(_ bytes: UnsafeRawBufferPointer, encoding: TextEncoding) -> Int {
        switch encoding {
        case .gb18030:
            // One byte below 0x80; a lead 0x81–0xFE with a digit after it starts four bytes, else two.
            var count = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 || b == 0xFF { i += 1 } else if i + 1 < bytes.count, (0x30...0x39).contains(bytes[i + 1]) { i += 4 } else { i += 2 }
                count += 1
            }
            return count
        case .utf16le, .utf16be:
            var count = 0, i = 0
            while i + 1 < bytes.count {
                let hi = encoding == .utf16be ? bytes[i] : bytes[i + 1]
                if !(0xDC...0xDF).contains(hi) { count += 1 }
                i += 2
            }
            return count
        default:
            // Every byte but UTF-8's continuation bytes (10xxxxxx) starts a character.
            return bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
    }

    /// Line feeds in `bytes` and the offset just after the last one. For UTF-16 a line feed is
    /// the code unit 0x000A (the block starts on a code unit: blocks and the BOM are even).
    static func lineFeeds(_ bytes: UnsafeRawBufferPointer, unit: Int, bigEndian: Bool) -> (count: Int, lastStart: Int) {
        guard unit == 2 else {
            return (bytes.count(of: 0x0A), bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
        }
        var count = 0
        var last = 0
        var i = 0
        while i + 1 < bytes.count {
            let (hi, lo) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            if hi == 0 && lo == 0x0A { count += 1; last = i + 2 }
            i += 2
        }
        return (count, last)
    }
}
