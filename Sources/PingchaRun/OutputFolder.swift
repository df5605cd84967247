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
        self.destination = destination
        let parent = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        staging = (parent.isEmpty ? "." : parent) + "/.\(name).partial-\(getpid())"
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
        let dir = (p as NSString).deletingLastPathComponent
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
    private var rowStarted = false

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

    /// One cell of the current row from UTF-8 bytes (the same rules as ``row(_:)``).
    func cell(_ value: UnsafeBufferPointer<UInt8>) {
        if rowStarted { bytes.append(0x2C) }
        rowStarted = true
        let start = bytes.count
        if CSVText.needsNeutralising(value) { bytes.append(UInt8(ascii: "'")) }
        bytes.append(contentsOf: value)
        CSVText.quoteField(in: &bytes, from: start)
    }

    func cell(_ value: String) {
        var v = value
        v.withUTF8 { cell($0) }
    }

    /// Ends the row started by ``cell(_:)``.
    func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        rowStarted = false
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
