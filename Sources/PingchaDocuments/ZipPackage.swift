import Foundation
import PingchaModel
import ZIPFoundation

/// A zip file written part by part: the container of DOCX and XLSX (Open Packaging Conventions).
/// Parts are deflated; a part too big to hold in memory is streamed from a file.
public final class ZipPackage {
    private let archive: Archive
    public let path: String

    /// Creates (or replaces) the zip file at `path`.
    public init(path: String) throws(PingchaError) {
        self.path = path
        try? FileManager.default.removeItem(atPath: path)
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        } catch {
            throw .unreadable(path, detail: "无法创建文件：\(error)")
        }
    }

    /// Adds a part from text (UTF-8).
    public func add(_ partName: String, text: String) throws(PingchaError) {
        try add(partName, data: Data(text.utf8))
    }

    public func add(_ partName: String, data: Data) throws(PingchaError) {
        do {
            try archive.addEntry(with: partName, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Self.fixedDate, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch {
            throw .unreadable(path, detail: "写入 \(partName) 失败：\(error)")
        }
    }

    /// Adds a part whose content is already in a file (e.g. a large worksheet written row by row).
    public func add(_ partName: String, contentsOf file: String) throws(PingchaError) {
        try add(partName, pieces: [.file(file)])
    }

    /// One stretch of a part's bytes: held in memory, or the whole content of a file.
    public enum Piece {
        case data(Data)
        case file(String)
    }

    /// Adds a part made of several pieces joined end to end, streamed without first copying
    /// them into one file: a worksheet is a small head (known only at the end), its rows
    /// (spooled to disk while they were written) and a small tail.
    public func add(_ partName: String, pieces: [Piece]) throws(PingchaError) {
        var total: Int64 = 0
        for piece in pieces {
            switch piece {
            case .data(let data):
                total += Int64(data.count)
            case .file(let file):
                guard let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value else {
                    throw .unreadable(file, detail: "无法读取临时文件")
                }
                total += size
            }
        }
        let reader = PieceReader(pieces)
        defer { reader.close() }
        do {
            // ZIPFoundation decides when the stream ends from the sizes it asked for, so every
            // chunk must be exactly the length requested.
            try archive.addEntry(with: partName, type: .file, uncompressedSize: total,
                                 modificationDate: Self.fixedDate, compressionMethod: .deflate,
                                 bufferSize: Self.chunkSize) { _, size in
                try reader.read(size)
            }
        } catch let error as PingchaError {
            throw error
        } catch {
            throw .unreadable(path, detail: "写入 \(partName) 失败：\(error)")
        }
    }

    /// Larger than ZIPFoundation's 16 KiB default: fewer calls for parts of hundreds of megabytes.
    private static let chunkSize = 256 * 1024

    /// Fixed timestamps make the same report produce the same bytes.
    private static let fixedDate = Date(timeIntervalSince1970: 1_577_836_800)
}

/// Reads a sequence of pieces as one stream, opening each file only while it is being read.
private final class PieceReader {
    private var pending: ArraySlice<ZipPackage.Piece>
    private var current: Data?
    private var currentOffset = 0
    private var handle: FileHandle?
    private var handlePath = ""

    init(_ pieces: [ZipPackage.Piece]) { pending = pieces[...] }

    func read(_ count: Int) throws -> Data {
        var out = Data()
        out.reserveCapacity(count)
        while out.count < count {
            if let data = current {
                let take = min(count - out.count, data.count - currentOffset)
                out.append(data[data.startIndex + currentOffset ..< data.startIndex + currentOffset + take])
                currentOffset += take
                if currentOffset == data.count { current = nil }
            } else if let handle {
                let chunk = try handle.read(upToCount: count - out.count) ?? Data()
                if chunk.isEmpty {
                    try? handle.close()
                    self.handle = nil
                } else {
                    out.append(chunk)
                }
            } else if let next = pending.popFirst() {
                switch next {
                case .data(let data):
                    current = data
                    currentOffset = 0
                    if data.isEmpty { current = nil }
                case .file(let file):
                    guard let opened = FileHandle(forReadingAtPath: file) else {
                        throw PingchaError.unreadable(file, detail: "无法读取临时文件")
                    }
                    handle = opened
                    handlePath = file
                }
            } else {
                throw PingchaError.unreadable(handlePath, detail: "临时文件在写入压缩包时变短了")
            }
        }
        return out
    }

    func close() {
        try? handle?.close()
        handle = nil
    }
}
