import Foundation
import PingchaModel
#if canImport(Glibc)
import Glibc
#endif

/// Reports are written to a temporary folder beside the destination and moved into place
/// only when every file is complete: a failure leaves the previous reports untouched.
struct OutputFolder {
    let destination: String
    let staging: String

    init(destination: String) throws(PingchaError) {
        // `reports/B/` names the folder `reports/B`: with the slash, the previous reports were
        // moved into themselves when replaced.
        self.destination = PathText.trimmingTrailingSlashes(destination)
        if let problem = PathText.folderProblem(destination, replacing: true) { throw PathText.error(destination, problem) }
        let parent = PathText.parent(self.destination)
        let name = PathText.name(self.destination)
        staging = PathText.joined(parent.isEmpty ? "." : parent, ".\(name).partial-\(getpid())")
        do {
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw .unreadable(destination, detail: "无法创建输出文件夹：\(error.localizedDescription)")
        }
    }

    func path(_ file: String) -> String { staging + "/" + file }

    func write(_ file: String, _ text: String) throws(PingchaError) {
        let p = path(file)
        let dir = PathText.parent(p)
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        } catch {
            throw .unreadable(p, detail: "无法写入：\(error.localizedDescription)")
        }
    }

    /// Replaces the destination with the staged folder.
    func commit() throws(PingchaError) {
        let fm = FileManager.default
        let old = destination + ".old-\(getpid())"
        do {
            if fm.fileExists(atPath: destination) { try fm.moveItem(atPath: destination, toPath: old) }
            try fm.moveItem(atPath: staging, toPath: destination)
            try? fm.removeItem(atPath: old)
        } catch {
            if fm.fileExists(atPath: old) && !fm.fileExists(atPath: destination) { try? fm.moveItem(atPath: old, toPath: destination) }
            discard()
            throw .unreadable(destination, detail: "无法替换输出文件夹：\(error.localizedDescription)")
        }
    }

    func discard() { try? FileManager.default.removeItem(atPath: staging) }
}

/// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF,
/// and cells that would start a formula neutralised. Written through a buffer straight to
/// its file, so a million findings never sit in memory; full buffers are written on a
/// queue of their own, so that the disk writes overlap building the next rows.
final class CSVDocument {
    private var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    private let file: Output
    private let path: String
    private let queue = DispatchQueue(label: "pingcha.csv")
    /// Set on `queue` when a write fails; read there too.
    private let failed = Flag()

    /// The C file, used only on `queue` once rows are written.
    private struct Output: @unchecked Sendable { let file: UnsafeMutablePointer<FILE>? }
    private final class Flag: @unchecked Sendable { var value = false }

    init(path: String, header: [String]) throws(PingchaError) {
        self.path = path
        file = Output(file: fopen(path, "wb"))
        if file.file == nil { throw .unreadable(path, detail: "无法写入") }
        row(header)
    }

    deinit {
        let file = file
        queue.sync { if let f = file.file { fclose(f) } }
    }

    func row(_ cells: [String]) {
        CSVText.appendRow(cells.map(CSVText.neutralised), to: &bytes)
        if bytes.count >= 1 << 20 { flush() }
    }

    /// Writes out rows built with ``CSVRows`` (same rules as ``row(_:)``) and empties it.
    func write(_ rows: inout CSVRows) {
        bytes.append(contentsOf: rows.bytes)
        rows.bytes.removeAll(keepingCapacity: true)
        if bytes.count >= 1 << 20 { flush() }
    }

    private func flush() {
        let chunk = bytes
        let file = file, failed = failed
        queue.async {
            let written = chunk.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file.file) }
            if written != chunk.count { failed.value = true }
        }
        bytes = []
        bytes.reserveCapacity(chunk.count + 4096)
    }

    func close() throws(PingchaError) {
        flush()
        let file = file, failed = failed
        let ok = queue.sync { fflush(file.file) == 0 && !failed.value }
        if !ok { throw .unreadable(path, detail: "写入失败") }
    }
}

/// Rows of a ``CSVDocument`` built cell by cell from UTF-8 bytes, for writers that copy
/// values straight from the store: a plain value (no quoting, no formula neutralising, the
/// usual case) is one copy. Kept in a local variable by its writer (a class's buffer would
/// pay an exclusivity check on every append), and handed to ``CSVDocument/write(_:)`` when
/// ``isFull``.
struct CSVRows {
    var bytes: [UInt8] = []
    private var rowStarted = false

    init() { bytes.reserveCapacity(1 << 20 + 65536) }

    var isFull: Bool { bytes.count >= 1 << 20 }

    mutating func cell(_ value: UnsafeBufferPointer<UInt8>) {
        if rowStarted { bytes.append(0x2C) }
        rowStarted = true
        guard let first = value.first else { return }
        var plain = first != 0x20 && value[value.count - 1] != 0x20
        if plain {
            for b in value where b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A {
                plain = false
                break
            }
        }
        // `=`, `+`, `@`, tab, CR and `-` may start a formula (see CSVText.neutralised).
        if plain && first != 0x3D && first != 0x2B && first != 0x40 && first != 0x09 && first != 0x0D && first != 0x2D {
            bytes.append(contentsOf: value)
            return
        }
        let start = bytes.count
        if CSVText.needsNeutralising(value) { bytes.append(UInt8(ascii: "'")) }
        bytes.append(contentsOf: value)
        CSVText.quoteField(in: &bytes, from: start)
    }

    mutating func cell(_ value: String) {
        var v = value
        v.withUTF8 { cell($0) }
    }

    mutating func cell(_ value: StaticString) {
        value.withUTF8Buffer { cell($0) }
    }

    mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        rowStarted = false
    }
}
