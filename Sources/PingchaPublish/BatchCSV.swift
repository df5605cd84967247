import Foundation
import PingchaModel
import PingchaStore
#if canImport(Glibc)
import Glibc
#endif

/// The batch's CSV files (cases.csv, findings.csv, rejects.csv, warnings.csv): their headers
/// and the rows of the last two; cases and findings are written by ``ReportPass``.
public enum BatchCSV {
    public static func cases(path: String) throws(PingchaError) -> CSVDocument {
        try CSVDocument(path: path, header: ["case_no", "case_id", "department", "district", "enforcement_type", "decision_date",
                                             "rubric", "score", "grade", "pass", "veto", "disposition", "needs_review", "file", "line"])
    }

    public static func findings(path: String) throws(PingchaError) -> CSVDocument {
        try CSVDocument(path: path, header: ["case_no", "case_id", "department", "rubric", "rule", "title", "category", "problem",
                                             "outcome", "deduct", "values", "basis", "disposition", "automated", "review", "suspect"])
    }

    /// rejects.csv, each row as exported; `sheet` last, so the columns earlier files had keep
    /// their places (empty for a CSV).
    public static func writeRejects(_ rejects: [StoredBatch.RejectRow], files: [String], path: String) throws(PingchaError) {
        let csv = try CSVDocument(path: path, header: ["file", "line", "end_line", "kinds", "reason", "raw", "sheet"])
        for r in rejects {
            csv.row([files[safe: r.inputOrd] ?? "", String(r.line), String(r.endLine), r.kinds, r.reason, r.raw, r.sheet ?? ""])
        }
        try csv.close()
    }

    /// warnings.csv: every data-quality warning with its position.
    public static func writeWarnings(_ batch: StoredBatch, _ db: StoreSession, files: [String], path: String) throws {
        let csv = try CSVDocument(path: path, header: ["file", "line", "column", "kind", "header", "field", "raw", "detail", "sheet"])
        try batch.forEachWarning(db) { w in
            csv.row([files[safe: w.inputOrd] ?? "", w.line.map(String.init) ?? "", w.column.map(String.init) ?? "",
                     w.kind, w.header ?? "", w.field ?? "", w.raw ?? "", w.detail, w.sheet ?? ""])
        }
        try csv.close()
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

/// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF,
/// and cells that would start a formula neutralised. Written through a buffer straight to
/// its file, so a million findings never sit in memory; full buffers are written on a
/// queue of their own, so that the disk writes overlap building the next rows.
public final class CSVDocument {
    private var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    private let file: Output
    private let path: String
    private let queue = DispatchQueue(label: "pingcha.csv")
    /// Set on `queue` when a write fails; read there too.
    private let failed = Flag()

    /// The C file, used only on `queue` once rows are written.
    private struct Output: @unchecked Sendable { let file: UnsafeMutablePointer<FILE>? }
    private final class Flag: @unchecked Sendable { var value = false }

    public init(path: String, header: [String]) throws(PingchaError) {
        self.path = path
        file = Output(file: fopen(path, "wb"))
        if file.file == nil { throw .unwritable(path, detail: SystemErrorText.current) }
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

    public func close() throws(PingchaError) {
        flush()
        let file = file, failed = failed
        let ok = queue.sync { fflush(file.file) == 0 && !failed.value }
        if !ok { throw .unwritable(path, detail: "写入中断（磁盘已满？），文件不完整") }
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

    private init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// `value` as a cell, quoted and neutralised as ``cell(_:)-(String)`` would write it: for a
    /// text that many rows repeat (a rule's title and basis, on every finding of the rule),
    /// encoded once and copied with ``encodedCell(_:)``.
    static func encoded(_ value: String) -> [UInt8] {
        var one = CSVRows(capacity: value.utf8.count + 8)
        one.cell(value)
        return one.bytes
    }

    /// A cell made by ``encoded(_:)``.
    mutating func encodedCell(_ cell: [UInt8]) {
        if rowStarted { bytes.append(0x2C) }
        rowStarted = true
        bytes.append(contentsOf: cell)
    }

    var isFull: Bool { bytes.count >= 1 << 20 }

    mutating func cell(_ value: UnsafeBufferPointer<UInt8>) {
        if rowStarted { bytes.append(0x2C) }
        rowStarted = true
        guard let first = value.first else { return }
        let plain = first != 0x20 && value[value.count - 1] != 0x20 && !Self.needsQuotes(value)
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

    /// Whether a cell holds a comma, a quote or a line break. Eight bytes at a time: this
    /// scan passes over every byte of findings.csv (1.7 GB for a million cases).
    static func needsQuotes(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        /// Nonzero when some byte of `v` is zero (exact as a test, not as a position).
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let base = UnsafeRawPointer(value.baseAddress!)
        var i = 0
        while i + 8 <= value.count {
            let v = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if hasZeroByte(v ^ (ones &* 0x2C)) || hasZeroByte(v ^ (ones &* 0x22))
                || hasZeroByte(v ^ (ones &* 0x0D)) || hasZeroByte(v ^ (ones &* 0x0A)) { return true }
            i += 8
        }
        while i < value.count {
            let b = value[i]
            if b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A { return true }
            i += 1
        }
        return false
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
