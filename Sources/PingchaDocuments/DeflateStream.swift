import CDeflate
import Foundation
import PingchaModel

/// Raw deflate (the zip method 8 stream, no zlib header) written to a file, with the CRC-32
/// and the length of what went in.
///
/// A stream ends either for good (``finish(final:)`` with `final: true`) or at a byte
/// boundary without the last-block mark (`final: false`), so that the part can be followed by
/// another stream compressed elsewhere — a worksheet's rows are compressed on the thread that
/// writes them, and its head and tail, known only at the end, are compressed around them.
final class DeflateStream {
    private var stream = z_stream()
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var output = [UInt8](repeating: 0, count: 256 * 1024)
    private(set) var crc: UInt32 = 0
    private(set) var uncompressedSize: Int64 = 0
    private(set) var compressedSize: Int64 = 0
    private var ended = false

    /// `level`: 1 (fastest) … 9 (smallest).
    init(file: UnsafeMutablePointer<FILE>, path: String, level: Int32) throws(PingchaError) {
        self.file = file
        self.path = path
        let status = deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                                   Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw .unwritable(path, detail: "无法初始化压缩（zlib \(status)）") }
    }

    deinit {
        if !ended { deflateEnd(&stream) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(PingchaError) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else { return }
        var offset = 0
        // zlib takes at most 4 GiB at a time (uInt).
        while offset < bytes.count {
            let count = min(bytes.count - offset, 1 << 30)
            crc = UInt32(truncatingIfNeeded: crc32(uLong(crc), base + offset, uInt(count)))
            stream.next_in = UnsafeMutablePointer(mutating: base + offset)
            stream.avail_in = uInt(count)
            try run(Z_NO_FLUSH)
            offset += count
        }
        uncompressedSize += Int64(bytes.count)
    }

    func write(_ data: Data) throws(PingchaError) {
        var failure: PingchaError?
        data.withUnsafeBytes { raw in
            do throws(PingchaError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    func write(_ bytes: [UInt8]) throws(PingchaError) {
        var failure: PingchaError?
        bytes.withUnsafeBytes { raw in
            do throws(PingchaError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Ends the stream: with the last-block mark when `final`, else at a byte boundary so
    /// that another stream may follow.
    func finish(final: Bool) throws(PingchaError) {
        stream.next_in = nil
        stream.avail_in = 0
        try run(final ? Z_FINISH : Z_SYNC_FLUSH)
        deflateEnd(&stream)
        ended = true
    }

    private func run(_ flush: Int32) throws(PingchaError) {
        var status: Int32 = Z_OK
        let capacity = output.count
        var written = 0
        repeat {
            status = output.withUnsafeMutableBufferPointer { out -> Int32 in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(capacity)
                return deflate(&stream, flush)
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw .unwritable(path, detail: "压缩失败（zlib \(status)）")
            }
            let produced = capacity - Int(stream.avail_out)
            if produced > 0 {
                written = output.withUnsafeBytes { fwrite($0.baseAddress, 1, produced, file) }
                guard written == produced else { throw .unwritable(path, detail: "写入中断（磁盘已满？），文件不完整") }
                compressedSize += Int64(produced)
            }
            // More output pending while the buffer came back full; for Z_FINISH until the end.
        } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
    }
}

/// A file being written as one compressed piece of a zip part (a worksheet's rows).
public final class DeflatedFile {
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let stream: DeflateStream
    private var closed = false

    /// Compressed at zlib's level 1: the rows of a large worksheet are most of a report's
    /// bytes, and level 1 compresses them about three times faster for 20–30 % more size.
    public init(path: String, level: Int32 = 1) throws(PingchaError) {
        self.path = path
        guard let f = fopen(path, "wb") else { throw .unwritable(path, detail: "无法创建临时文件：\(SystemErrorText.current)") }
        file = f
        do {
            stream = try DeflateStream(file: f, path: path, level: level)
        } catch {
            fclose(f)
            throw error
        }
    }

    deinit {
        if !closed { fclose(file) }
    }

    public func write(_ bytes: [UInt8]) throws(PingchaError) {
        try stream.write(bytes)
    }

    /// Ends the piece (without the last-block mark) and closes the file.
    public func finish() throws(PingchaError) -> ZipPackage.DeflatedPiece {
        try stream.finish(final: false)
        closed = true
        guard fclose(file) == 0 else { throw .unwritable(path, detail: "临时文件写入中断（磁盘已满？）") }
        return ZipPackage.DeflatedPiece(path: path, crc: stream.crc, uncompressedSize: stream.uncompressedSize,
                                        compressedSize: stream.compressedSize)
    }
}
