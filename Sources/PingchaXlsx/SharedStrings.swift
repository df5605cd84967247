import Foundation
import PingchaDocuments
import PingchaModel

/// The workbook's shared strings (xl/sharedStrings.xml) for the texts of columns that repeat.
/// Bounded: past ``limit`` distinct texts a cell keeps its text inline, so a column that turns
/// out not to repeat cannot fill memory. Sheets filled from different threads share it.
final class SharedStrings: @unchecked Sendable {
    static let limit = 65_536

    private let lock = NSLock()
    // Unchecked: every access happens under `lock`, and the run-time exclusivity check of
    // each access cost more than the probe itself.
    @exclusivity(unchecked) private var texts: [String] = []
    @exclusivity(unchecked) private var widths: [Int] = []
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    /// Open addressing over ``ByteHash``: slot → index into `texts` + 1, 0 when empty. A
    /// workbook looks up a text for every repeating cell (nine a finding row, millions in
    /// all), and a `Dictionary` keyed by text pays `Hasher` on top of the byte hash.
    @exclusivity(unchecked) private var slots = [Int32](repeating: 0, count: 1024)

    /// The text's index (added when new) and its display width; nil once the table is full.
    func index(of text: String) -> (index: Int, width: Int)? {
        lock.lock()
        defer { lock.unlock() }
        var text = text
        return text.withUTF8 { bytes -> (index: Int, width: Int)? in
            let hash = ByteHash.hash(bytes)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let i = Int(slots[slot]) - 1
                if hashes[i] == hash && UTF8Key.sameBytes(texts[i], bytes) { return (i, widths[i]) }
                slot = (slot + 1) & mask
            }
            guard texts.count < Self.limit else { return nil }
            let i = texts.count
            let text = String(decoding: bytes, as: UTF8.self)
            let width = ColumnWidth.of(text)
            self.texts.append(text)
            self.widths.append(width)
            self.hashes.append(hash)
            self.slots[slot] = Int32(i + 1)
            // At most half full, so that a miss ends after a probe or two.
            if self.texts.count * 2 > slots.count { grow() }
            return (i, width)
        }
    }

    private func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (i, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i + 1)
        }
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return texts
    }

    static func xml(_ texts: [String]) -> String {
        var x = PackageXML.declaration
        x += "<sst xmlns=\"\(Namespace.main)\" uniqueCount=\"\(texts.count)\">"
        for text in texts {
            let spaced = text.first.map { $0 == " " || $0 == "\t" } == true || text.last.map { $0 == " " || $0 == "\t" } == true
            x += spaced ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            x += text.contains("_") ? Sheet.cellText(text) : XMLText.escape(text)
            x += "</t></si>"
        }
        return x + "</sst>"
    }
}

