import CDeflate
import Foundation
import PingchaModel
import ZIPFoundation

/// An `.xlsx` file opened for reading: its sheets in workbook order, the date system, which
/// cell styles show dates, and the shared strings. Only these small parts are read up front;
/// a worksheet is streamed out of the zip when it is read (``stream(_:to:)``), never held whole.
final class WorkbookPackage {
    struct SheetEntry: Equatable {
        var name: String
        /// The part inside the zip, e.g. `xl/worksheets/sheet1.xml`.
        var part: String
        /// Hidden from the tabs (`state="hidden"` or `"veryHidden"`): its cases are read, and said.
        var hidden = false
    }

    let path: String
    private let archive: Archive
    private(set) var sheets: [SheetEntry] = []
    /// True when the workbook counts days from 1904-01-01 (Excel for Mac before 2011).
    private(set) var uses1904 = false
    private(set) var styles = CellStyles()
    private(set) var sharedStrings = SharedStringTable()
    private var sharedStringsPart: String?
    private var sharedStringsLoaded = false

    /// Bytes handed to the XML parser at a time.
    static let chunkSize = 1 << 18

    init(path: String) throws(PingchaError) {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .unreadable(path, detail: "不是有效的 .xlsx 工作簿（zip 结构损坏）；请在 Excel 或 WPS 中打开后重新另存为 .xlsx")
        }
        let workbookPart = try officeDocumentPart()
        let folder = Self.folder(of: workbookPart)
        let workbook = WorkbookPartReader()
        try parseWhole(workbookPart, with: workbook)
        uses1904 = workbook.uses1904
        let relations = RelationshipsReader()
        try parseWhole(Self.relationshipsPart(of: workbookPart), with: relations)
        for sheet in workbook.sheets {
            guard let target = relations.targets[sheet.relationship],
                  relations.types[sheet.relationship]?.hasSuffix("/worksheet") == true else { continue }
            sheets.append(SheetEntry(name: sheet.name, part: Self.resolve(target, in: folder), hidden: sheet.hidden))
        }
        for (id, type) in relations.types {
            if type.hasSuffix("/styles"), let target = relations.targets[id] {
                let reader = StylesPartReader()
                try parseWhole(Self.resolve(target, in: folder), with: reader)
                styles = reader.styles
            } else if type.hasSuffix("/sharedStrings"), let target = relations.targets[id] {
                sharedStringsPart = Self.resolve(target, in: folder)
            }
        }
        if sheets.isEmpty { throw .unreadable(path, detail: "工作簿中没有工作表") }
    }

    /// Reads the shared strings once, when the first sheet needs them.
    func loadSharedStrings(limit: Int = SharedStringTable.memoryLimit) throws(PingchaError) {
        guard !sharedStringsLoaded else { return }
        sharedStringsLoaded = true
        guard let part = sharedStringsPart else { return }
        let reader = SharedStringsPartReader(table: SharedStringTable(memoryLimit: limit))
        try stream(part, to: reader)
        reader.table.finish()
        sharedStrings = reader.table
    }

    /// Streams one part through an XML handler (libexpat); `stop()` on the stream ends it early.
    func stream(_ part: String, to handler: XMLEventHandler, stream: XMLStream? = nil) throws(PingchaError) {
        let xml = stream ?? XMLStream(handler: handler)
        var failure: XMLStream.Failure?
        try inflate(part) { bytes, final in
            do throws(XMLStream.Failure) { try xml.feed(bytes, final: final) } catch {
                failure = error
                return false
            }
            return !xml.stopped
        }
        if let failure, case .malformed(let message, let line, let column) = failure {
            throw .unreadable(path, detail: "工作簿部件 \(part) 的 XML 有误（第\(line)行第\(column)列：\(message)）")
        }
    }

    /// Inflates one part and hands its bytes to `body` in pieces, then once more with no bytes
    /// and `final` set; `body` returns false to stop early (the part's checksum is then not
    /// compared, as nothing past that point was read).
    ///
    /// With `ahead`, the part is inflated on a thread of its own, at most ``piecesAhead``
    /// pieces ahead of `body`: reading a large sheet, inflating and its checksum are a tenth of
    /// the work, done while the sheet's XML is read.
    func inflate(_ part: String, ahead: Bool = false, _ body: (UnsafeRawBufferPointer, _ final: Bool) -> Bool) throws(PingchaError) {
        guard let entry = archive[part] else { throw .unreadable(path, detail: "工作簿缺少部件 \(part)") }
        guard ahead else {
            if try extract(entry, part, { data in data.withUnsafeBytes { body($0, false) } }) {
                _ = body(UnsafeRawBufferPointer(start: nil, count: 0), true)
            }
            return
        }
        let pieces = BlockingQueue<Data>(capacity: Self.piecesAhead)
        let inflater = Inflater(package: self, entry: entry, part: part)
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            do throws(PingchaError) {
                inflater.complete = try inflater.package.extract(inflater.entry, inflater.part) { data in
                    pieces.put(data)
                    return !inflater.isCancelled
                }
            } catch {
                inflater.failure = error
            }
            pieces.close()
            finished.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
        var stopped = false
        while let data = pieces.take() {
            if !data.withUnsafeBytes({ body($0, false) }) {
                stopped = true
                inflater.cancel()
                pieces.close()
                break
            }
        }
        finished.wait()
        if stopped { return }
        if let failure = inflater.failure { throw failure }
        if inflater.complete { _ = body(UnsafeRawBufferPointer(start: nil, count: 0), true) }
    }

    /// Inflated pieces (``chunkSize`` each) waiting for the reader.
    static let piecesAhead = 4

    /// What the inflating thread and the reader share; the queue's lock orders the accesses
    /// of `failure` and `complete` (written before the queue is closed).
    private final class Inflater: @unchecked Sendable {
        let package: WorkbookPackage
        let entry: Entry
        let part: String
        var failure: PingchaError?
        var complete = false
        private let lock = NSLock()
        private var cancelled = false

        init(package: WorkbookPackage, entry: Entry, part: String) {
            self.package = package
            self.entry = entry
            self.part = part
        }

        var isCancelled: Bool { lock.withLock { cancelled } }
        func cancel() { lock.withLock { cancelled = true } }
    }

    /// Inflates an entry piece by piece, with its CRC-32 by zlib's table-driven crc32 rather
    /// than ZIPFoundation's Swift loop (7 % of reading a large sheet, BENCHMARKS.md), still
    /// checked to the byte when the part is read to its end; `body` returns false to stop.
    /// Returns whether the part was read to its end.
    private func extract(_ entry: Entry, _ part: String, _ body: (Data) -> Bool) throws(PingchaError) -> Bool {
        struct Stopped: Error {}
        do {
            var checksum: UInt = 0
            _ = try archive.extract(entry, bufferSize: Self.chunkSize, skipCRC32: true) { data in
                data.withUnsafeBytes { bytes in
                    if let base = bytes.bindMemory(to: Bytef.self).baseAddress {
                        checksum = crc32(checksum, base, uInt(bytes.count))
                    }
                }
                if !body(data) { throw Stopped() }
            }
            if UInt32(truncatingIfNeeded: checksum) != entry.checksum {
                throw PingchaError.unreadable(path, detail: "工作簿部件 \(part) 校验失败（文件已损坏）")
            }
            return true
        } catch is Stopped {
            return false
        } catch let error as PingchaError {
            throw error
        } catch {
            throw .unreadable(path, detail: "无法解压工作簿部件 \(part)（文件已损坏）")
        }
    }

    /// Refuses a part another reader found malformed, with libexpat's message and line and
    /// column when it finds the fault too, else with `otherwise`.
    func diagnose(_ part: String, otherwise: String) throws(PingchaError) -> Never {
        try stream(part, to: IgnoringHandler())
        throw .unreadable(path, detail: "工作簿部件 \(part) 的 XML 有误（\(otherwise)）")
    }

    private func parseWhole(_ part: String, with handler: XMLEventHandler) throws(PingchaError) {
        try stream(part, to: handler)
    }

    /// The workbook part named by the package relationships (`xl/workbook.xml` in practice).
    private func officeDocumentPart() throws(PingchaError) -> String {
        let root = RelationshipsReader()
        if archive["_rels/.rels"] != nil { try parseWhole("_rels/.rels", with: root) }
        for (id, type) in root.types where type.hasSuffix("/officeDocument") {
            if let target = root.targets[id] { return Self.resolve(target, in: "") }
        }
        if archive["xl/workbook.xml"] != nil { return "xl/workbook.xml" }
        throw .unreadable(path, detail: "zip 文件中没有 Excel 工作簿（是否为 .docx、.ods 或其他压缩包？）；请在 Excel 或 WPS 中另存为 .xlsx")
    }

    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    static func relationshipsPart(of part: String) -> String {
        let folder = folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? part
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }

    /// A relationship target as a part name: absolute (`/xl/…`) or relative to `folder`, with
    /// `..` segments applied.
    static func resolve(_ target: String, in folder: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in target.split(separator: "/") {
            if segment == ".." { _ = segments.popLast() } else if segment != "." { segments.append(segment) }
        }
        return segments.joined(separator: "/")
    }
}

/// `xl/workbook.xml`: the sheets in tab order and the date system.
private final class WorkbookPartReader: XMLEventHandler {
    var sheets: [(name: String, relationship: String, hidden: Bool)] = []
    var uses1904 = false

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("sheet"), let sheetName = attributes.string("name"), let id = attributes.string("id") {
            sheets.append((sheetName, id, ["hidden", "veryHidden"].contains(attributes.string("state") ?? "")))
        } else if name.is("workbookPr"), let flag = attributes.string("date1904") {
            uses1904 = flag == "1" || flag.lowercased() == "true"
        }
    }
    func end(_ name: XMLName) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// Reads a part for its well-formedness alone.
private final class IgnoringHandler: XMLEventHandler {
    func start(_ name: XMLName, _ attributes: XMLAttributes) {}
    func end(_ name: XMLName) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// A `.rels` part: relationship id → target and type.
private final class RelationshipsReader: XMLEventHandler {
    var targets: [String: String] = [:]
    var types: [String: String] = [:]

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        guard name.is("Relationship"), let id = attributes.string("Id"), let target = attributes.string("Target") else { return }
        if attributes.string("TargetMode") == "External" { return }
        targets[id] = target
        types[id] = attributes.string("Type") ?? ""
    }
    func end(_ name: XMLName) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// `xl/styles.xml`: the number format of each cell style, to tell date cells from numbers.
private final class StylesPartReader: XMLEventHandler {
    var styles = CellStyles()
    private var customFormats: [Int: String] = [:]
    private var formatIds: [Int] = []
    private var inCellXfs = false

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("numFmt"), let id = attributes.integer("numFmtId"), let code = attributes.string("formatCode") {
            customFormats[id] = code
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs && name.is("xf") {
            formatIds.append(attributes.integer("numFmtId") ?? 0)
        }
    }

    func end(_ name: XMLName) {
        if name.is("cellXfs") {
            inCellXfs = false
        } else if name.is("styleSheet") {
            styles = CellStyles(dateStyles: formatIds.map { NumberFormat.showsDate(id: $0, code: customFormats[$0]) })
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}
