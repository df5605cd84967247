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
}
