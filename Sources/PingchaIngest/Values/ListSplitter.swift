/// Splits list cells (处罚种类, 证据种类) into items.
///
/// Exports separate items with whatever the clerk typed: `;` `；` `、` `,` `，` `|`, or a line
/// break inside the cell. Items are trimmed, empty ones dropped (`警告；；罚款；`) and repeats
/// dropped, keeping first-seen order so the value reads as it was written.
public enum ListSplitter {
    public static func split(_ text: String) -> [String] {
        var items: [String] = []
        for piece in text.unicodeScalars.split(whereSeparator: isSeparator) {
            let item = CellTrimming.trim(Substring(piece))
            // A cell lists a handful of items, so a linear search beats hashing into a set.
            if !item.isEmpty && !items.contains(where: { $0 == item }) { items.append(String(item)) }
        }
        return items
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ";", "；", "、", ",", "，", "|", "｜", "\n", "\r": return true
        default: return false
        }
    }

    /// Calls `body` with each trimmed, non-empty item of a cell's bytes, without building
    /// Strings: the common path for a list column read a million times.
    static func forEachItem(_ cell: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        var i = 0
        let n = cell.count
        func emit(_ end: Int) {
            let item = CellTrimming.trim(UnsafeBufferPointer(rebasing: cell[start..<end]))
            if !item.isEmpty { body(item) }
        }
        while i < n {
            let b = cell[i]
            var width = 0
            switch b {
            case UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "|"), 0x0A, 0x0D: width = 1
            case 0xE3 where i + 2 < n && cell[i + 1] == 0x80 && cell[i + 2] == 0x81: width = 3          // 、
            case 0xEF where i + 2 < n && cell[i + 1] == 0xBC && (cell[i + 2] == 0x9B || cell[i + 2] == 0x8C): width = 3  // ； ，
            case 0xEF where i + 2 < n && cell[i + 1] == 0xBD && cell[i + 2] == 0x9C: width = 3          // ｜
            default: break
            }
            if width > 0 {
                emit(i)
                i += width
                start = i
            } else {
                i += 1
            }
        }
        emit(n)
    }
}
