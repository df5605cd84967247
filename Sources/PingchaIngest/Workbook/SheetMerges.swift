#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ZIPFoundation

/// The cells a worksheet merges across one row (`<mergeCell ref="D2:E2"/>`), which is how a
/// group header says which sub-headers it stands over: its text is in the first cell only,
/// and the other cells of the merge look exactly like an empty cell outside it.
///
/// The ranges stand after every cell of the sheet (`<mergeCells>` follows `<sheetData>`), so
/// they are read by inflating the part a second time, on its own archive handle (the first is
/// busy reading the cells), and looking only past the end of the cells: the bytes are searched,
/// not parsed, and nothing before `</sheetData>` is kept. This costs a second inflation of the
/// sheet, and is done only when a header row's reading depends on it
/// (``HeaderMapper/carryJoinsNames(group:below:)``).
enum SheetMerges {
    /// Merges kept at most (a damaged or hostile file may list millions).
    static let countLimit = 65_536
    /// Bytes after the cells looked at, at most.
    static let tailLimit = 16 << 20

    /// A merged range: rows and columns, 1-based.
    struct Range: Equatable {
        var rows: ClosedRange<Int>
        var columns: ClosedRange<Int>
    }

    /// Every merged range of the sheet; empty when it has none or cannot be read, or when its
    /// part is larger than `maxPartSize` (merges are looked for by inflating the part again).
    static func ranges(path: String, part: String, maxPartSize: Int? = nil) -> [Range] {
        guard let tail = bytesAfterCells(path: path, part: part, maxPartSize: maxPartSize) else { return [] }
        var found: [Range] = []
        tail.withUnsafeBufferPointer { bytes in
            var i = 0
            while found.count < countLimit, let at = find(Array("mergeCell".utf8), in: bytes, from: i) {
                i = at + 9
                // `<mergeCell ` or `<x:mergeCell `, not `<mergeCells`.
                guard i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x2F,
                      at > 0, bytes[at - 1] == 0x3C || bytes[at - 1] == 0x3A,
                      let close = bytes[i...].firstIndex(of: 0x3E),
                      let range = reference(in: UnsafeBufferPointer(rebasing: bytes[i..<close])) else { continue }
                found.append(Range(rows: range.firstRow...range.lastRow, columns: range.firstColumn...range.lastColumn))
                i = close
            }
        }
        return found
    }

    /// Each range merged within one row, as (row, first column … last column).
    static func acrossRows(_ ranges: [Range]) -> [(row: Int, columns: ClosedRange<Int>)] {
        ranges.filter { $0.rows.count == 1 && $0.columns.count > 1 }.map { ($0.rows.lowerBound, $0.columns) }
    }

    /// The `ref` attribute's range in a tag's attribute bytes: `A1:C1` (or one cell, `A1`).
    static func reference(in attributes: UnsafeBufferPointer<UInt8>) -> (firstRow: Int, lastRow: Int, firstColumn: Int, lastColumn: Int)? {
        guard let at = find(Array("ref".utf8), in: attributes, from: 0) else { return nil }
        var i = at + 3
        while i < attributes.count && (attributes[i] == 0x20 || attributes[i] == 0x3D) { i += 1 }
        guard i < attributes.count, attributes[i] == 0x22 || attributes[i] == 0x27 else { return nil }
        let quote = attributes[i]
        guard let end = attributes[(i + 1)...].firstIndex(of: quote) else { return nil }
        let text = String(decoding: attributes[(i + 1)..<end], as: UTF8.self)
        let ends = text.split(separator: ":", maxSplits: 1).compactMap(cell)
        guard let first = ends.first, let last = ends.last, ends.count == (text.contains(":") ? 2 : 1) else { return nil }
        return (min(first.row, last.row), max(first.row, last.row), min(first.column, last.column), max(first.column, last.column))
    }

    /// `C12` (or `$C$12`) as column 3, row 12.
    private static func cell(_ text: Substring) -> (column: Int, row: Int)? {
        let plain = text.filter { $0 != "$" }
        guard let firstDigit = plain.firstIndex(where: \.isNumber) else { return nil }
        let letters = Array(plain[..<firstDigit].utf8)
        guard let row = Int(plain[firstDigit...]), row >= 1,
              let column = letters.withUnsafeBufferPointer(ColumnLetters.column(ofReference:)) else { return nil }
        return (column, row)
    }

    /// The part's bytes after `</sheetData>` (at most ``tailLimit``); nil when it cannot be read.
    private static func bytesAfterCells(path: String, part: String, maxPartSize: Int? = nil) -> [UInt8]? {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            return nil
        }
        guard let entry = archive[part] else { return nil }
        if let maxPartSize, entry.uncompressedSize > UInt64(maxPartSize) { return nil }
        struct Enough: Error {}
        // Until the end of the cells: the last bytes of the previous piece, so that a closing
        // tag cut between two pieces is still found.
        var window: [UInt8] = []
        var tail: [UInt8]?
        let marker = Array("sheetData>".utf8)
        do {
            _ = try archive.extract(entry, bufferSize: WorkbookPackage.chunkSize, skipCRC32: true) { data in
                if tail != nil {
                    tail!.append(contentsOf: data.prefix(tailLimit - tail!.count))
                    if tail!.count >= tailLimit { throw Enough() }
                    return
                }
                window.append(contentsOf: data)
                window.withUnsafeBufferPointer { bytes in
                    var from = 0
                    while let at = find(marker, in: bytes, from: from) {
                        from = at + marker.count
                        if isClosingTag(bytes, nameAt: at) {
                            tail = Array(bytes[from...].prefix(tailLimit))
                            return
                        }
                    }
                }
                if tail == nil { window = Array(window.suffix(64)) }
            }
        } catch is Enough {
        } catch {
            return nil
        }
        return tail
    }

    /// Whether the name at `at` follows `</` (or `</prefix:`).
    private static func isClosingTag(_ bytes: UnsafeBufferPointer<UInt8>, nameAt at: Int) -> Bool {
        var i = at
        if i > 0 && bytes[i - 1] == 0x3A {
            i -= 1
            while i > 0 && bytes[i - 1] != 0x2F && bytes[i - 1] != 0x3C && at - i < 32 { i -= 1 }
        }
        return i >= 2 && bytes[i - 1] == 0x2F && bytes[i - 2] == 0x3C
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress else { return nil }
        // memchr for the first byte, then the rest compared (Glibc's memmem is not exported).
        return needle.withUnsafeBufferPointer { n -> Int? in
            var i = from
            while i + n.count <= bytes.count, let hit = memchr(base + i, Int32(n[0]), bytes.count - i - n.count + 1) {
                let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + at, n.baseAddress!, n.count) == 0 { return at }
                i = at + 1
            }
            return nil
        }
    }
}
