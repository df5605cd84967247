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
/// its file, so a million findings never sit in memory.
final class CSVDocument {
    private var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    private let file: UnsafeMutablePointer<FILE>?
    private let path: String

    init(path: String, header: [String]) throws(PingchaError) {
        self.path = path
        file = fopen(path, "wb")
        if file == nil { throw .unreadable(path, detail: "无法写入") }
        row(header)
    }

    deinit { if let file { fclose(file) } }

    func row(_ cells: [String]) {
        CSVText.appendRow(cells.map(CSVText.neutralised), to: &bytes)
        if bytes.count >= 1 << 20 { flush() }
    }

    private func flush() {
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        bytes.removeAll(keepingCapacity: true)
    }

    func close() throws(PingchaError) {
        flush()
        if fflush(file) != 0 { throw .unreadable(path, detail: "写入失败") }
    }
}
