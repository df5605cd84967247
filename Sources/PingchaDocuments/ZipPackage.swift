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
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw PingchaError.unreadable(file, detail: "无法读取")
            }
            defer { try? handle.close() }
            try archive.addEntry(with: partName, type: .file, uncompressedSize: size,
                                 modificationDate: Self.fixedDate, compressionMethod: .deflate) { _, chunk in
                (try handle.read(upToCount: chunk)) ?? Data()
            }
        } catch let error as PingchaError {
            throw error
        } catch {
            throw .unreadable(path, detail: "写入 \(partName) 失败：\(error)")
        }
    }

    /// Fixed timestamps make the same report produce the same bytes.
    private static let fixedDate = Date(timeIntervalSince1970: 1_577_836_800)
}
