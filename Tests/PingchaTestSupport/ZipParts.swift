import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A written DOCX or XLSX opened again: its parts as bytes, in zip order, and as parsed XML.
public struct ZipParts {
    public let parts: [String: Data]
    public let order: [String]

    public init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: Data] = [:]
        var order: [String] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
            order.append(entry.path)
        }
        self.parts = parts
        self.order = order
    }

    public func xml(_ part: String) throws -> XMLDocument {
        guard let data = parts[part] else { throw MissingPart(name: part) }
        return try XMLDocument(data: data)
    }

    public func text(_ part: String) -> String {
        parts[part].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Writes the parts, in their order, as a new zip (deflated) with some parts' bytes
    /// replaced: a workbook changed in one part, made from a fixture another program wrote.
    public func write(to path: String, replacing replaced: [String: Data]) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for name in order {
            let data = replaced[name] ?? parts[name]!
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }

    public struct MissingPart: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "no part \(name)" }
    }
}
