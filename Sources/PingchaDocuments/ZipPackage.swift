import CDeflate
import Foundation
import PingchaModel

/// A zip file written part by part: the container of DOCX and XLSX (Open Packaging
/// Conventions). Every part is deflated; a part may be assembled from texts, files, and
/// pieces already compressed elsewhere (``DeflatedFile``), so that a million-row worksheet is
/// compressed on the thread that writes its rows and only copied here.
///
/// Written here rather than through a zip library because no library on this machine adds a
/// part compressed beforehand; the format is the plain one every reader takes (no ZIP64: a
/// part or the file over 4 GiB is refused with a message). ``finish()`` writes the central
/// directory; the same parts give the same bytes.
public final class ZipPackage {
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var entries: [Entry] = []
    private var finished = false

    private struct Entry {
        var name: [UInt8]
        var crc: UInt32
        var compressedSize: UInt32
        var size: UInt32
        var offset: UInt32
    }

    /// A piece compressed elsewhere: raw deflate ending at a byte boundary, without the
    /// last-block mark (what ``DeflatedFile/finish()`` gives).
    public struct DeflatedPiece: Sendable {
        public var path: String
        public var crc: UInt32
        public var uncompressedSize: Int64
        public var compressedSize: Int64

        public init(path: String, crc: UInt32, uncompressedSize: Int64, compressedSize: Int64) {
            self.path = path
            self.crc = crc
            self.uncompressedSize = uncompressedSize
            self.compressedSize = compressedSize
        }
    }

    public enum Piece {
        case data(Data)
        /// An uncompressed file, compressed as it is copied in.
        case file(String)
        case deflated(DeflatedPiece)
    }

    /// Creates (or replaces) the zip file at `path`.
    public init(path: String) throws(PingchaError) {
        self.path = path
        try? FileManager.default.removeItem(atPath: path)
        guard let f = fopen(path, "w+b") else { throw .unwritable(path, detail: "无法创建文件：\(SystemErrorText.current)") }
        file = f
    }

    deinit {
        fclose(file)
    }

    /// Adds a part from text (UTF-8).
    public func add(_ partName: String, text: String) throws(PingchaError) {
        try add(partName, pieces: [.data(Data(text.utf8))])
    }

    public func add(_ partName: String, data: Data) throws(PingchaError) {
        try add(partName, pieces: [.data(data)])
    }

    /// Adds a part whose content is already in a file.
    public func add(_ partName: String, contentsOf file: String) throws(PingchaError) {
        try add(partName, pieces: [.file(file)])
    }

    /// Adds one part made of `pieces`, in order.
    public func add(_ partName: String, pieces: [Piece]) throws(PingchaError) {
        guard !finished else { throw .unwritable(path, detail: "压缩包已写完，不能再添加 \(partName)") }
        let start = Int64(ftello(file))
        let name = Array(partName.utf8)
        try put(localHeader(name: name, crc: 0, compressed: 0, size: 0))
        var crc: uLong = 0
        var size: Int64 = 0
        var compressed: Int64 = 0
        var open: DeflateStream?
        func closeOpen(final: Bool) throws(PingchaError) {
            guard let stream = open else { return }
            try stream.finish(final: final)
            crc = crc32_combine(crc, uLong(stream.crc), off_t(stream.uncompressedSize))
            size += stream.uncompressedSize
            compressed += stream.compressedSize
            open = nil
        }
        func stream() throws(PingchaError) -> DeflateStream {
            if let open { return open }
            let s = try DeflateStream(file: file, path: path, level: Z_DEFAULT_COMPRESSION)
            open = s
            return s
        }
        for piece in pieces {
            switch piece {
            case .data(let data):
                try stream().write(data)
            case .file(let source):
                guard let input = fopen(source, "rb") else { throw .unreadable(source, detail: "无法读取临时文件") }
                defer { fclose(input) }
                var buffer = [UInt8](repeating: 0, count: 256 * 1024)
                let s = try stream()
                while true {
                    let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, input) }
                    if n == 0 { break }
                    try s.write(n == buffer.count ? buffer : Array(buffer[0..<n]))
                }
                guard ferror(input) == 0 else { throw .unreadable(source, detail: "读取临时文件失败") }
            case .deflated(let piece):
                try closeOpen(final: false)
                try copy(piece.path, bytes: piece.compressedSize)
                crc = crc32_combine(crc, uLong(piece.crc), off_t(piece.uncompressedSize))
                size += piece.uncompressedSize
                compressed += piece.compressedSize
            }
        }
        // The last block must carry the end mark: an empty final block when the part ended
        // with a piece compressed elsewhere.
        _ = try stream()
        try closeOpen(final: true)
        guard size <= Int64(UInt32.max), compressed <= Int64(UInt32.max), start <= Int64(UInt32.max) else {
            throw .unwritable(path, detail: "\(partName) 超过 4 GB，超出本程序写出的压缩包格式的上限")
        }
        let end = Int64(ftello(file))
        let entry = Entry(name: name, crc: UInt32(truncatingIfNeeded: crc), compressedSize: UInt32(compressed), size: UInt32(size),
                          offset: UInt32(start))
        fseeko(file, off_t(start), SEEK_SET)
        try put(localHeader(name: name, crc: entry.crc, compressed: entry.compressedSize, size: entry.size))
        fseeko(file, off_t(end), SEEK_SET)
        entries.append(entry)
    }

    /// Writes the central directory and closes the file.
    public func finish() throws(PingchaError) {
        guard !finished else { return }
        finished = true
        let start = Int64(ftello(file))
        var directory: [UInt8] = []
        for e in entries {
            directory.append32(0x0201_4B50)
            directory.append16(20)  // made by: version 2.0
            directory.append16(20)  // needed to extract
            directory.append16(0)   // flags
            directory.append16(8)   // deflate
            directory.append16(Self.dosTime)
            directory.append16(Self.dosDate)
            directory.append32(e.crc)
            directory.append32(e.compressedSize)
            directory.append32(e.size)
            directory.append16(UInt16(e.name.count))
            directory.append16(0)   // extra
            directory.append16(0)   // comment
            directory.append16(0)   // disk
            directory.append16(0)   // internal attributes
            directory.append32(0)   // external attributes
            directory.append32(e.offset)
            directory.append(contentsOf: e.name)
        }
        guard entries.count <= Int(UInt16.max), start + Int64(directory.count) <= Int64(UInt32.max) else {
            throw .unwritable(path, detail: "文件超过 4 GB 或部件过多，超出本程序写出的压缩包格式的上限")
        }
        let directorySize = directory.count
        directory.append32(0x0605_4B50)
        directory.append16(0)   // this disk
        directory.append16(0)   // disk of the directory
        directory.append16(UInt16(entries.count))
        directory.append16(UInt16(entries.count))
        directory.append32(UInt32(directorySize))
        directory.append32(UInt32(start))
        directory.append16(0)
        try put(directory)
        guard fflush(file) == 0 else { throw .unwritable(path, detail: "写入中断（磁盘已满？），文件不完整") }
    }

    private func localHeader(name: [UInt8], crc: UInt32, compressed: UInt32, size: UInt32) -> [UInt8] {
        var h: [UInt8] = []
        h.append32(0x0403_4B50)
        h.append16(20)
        h.append16(0)
        h.append16(8)
        h.append16(Self.dosTime)
        h.append16(Self.dosDate)
        h.append32(crc)
        h.append32(compressed)
        h.append32(size)
        h.append16(UInt16(name.count))
        h.append16(0)
        h.append(contentsOf: name)
        return h
    }

    private func put(_ bytes: [UInt8]) throws(PingchaError) {
        let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard n == bytes.count else { throw .unwritable(path, detail: "写入中断（磁盘已满？），文件不完整") }
    }

    private func copy(_ source: String, bytes: Int64) throws(PingchaError) {
        guard let input = fopen(source, "rb") else { throw .unreadable(source, detail: "无法读取临时文件") }
        defer { fclose(input) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var left = bytes
        while left > 0 {
            let want = Int(min(Int64(buffer.count), left))
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, want, input) }
            guard n == want else { throw .unreadable(source, detail: "临时文件比预期短") }
            let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, n, file) }
            guard written == n else { throw .unwritable(path, detail: "写入中断（磁盘已满？），文件不完整") }
            left -= Int64(n)
        }
    }

    /// 2020-01-01 00:00, for every part: the same report gives the same bytes.
    static let dosDate: UInt16 = (40 << 9) | (1 << 5) | 1
    static let dosTime: UInt16 = 0
}

extension Array where Element == UInt8 {
    mutating func append16(_ v: UInt16) {
        append(UInt8(v & 0xFF))
        append(UInt8(v >> 8))
    }

    mutating func append32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(shift)) & 0xFF)) }
    }
}
