/// Reads yes/no cells: 是/否, 有/无, 已/未, √/×, ✓/✗, Y/N, yes/no, true/false, 1/0.
///
/// Matching ignores ASCII case and full-width forms. Prefixed forms such as `已送达` or
/// `未告知` are refused on purpose: whether `未及时告知` means "not told" or "told late" is for
/// the rubric author to decide, not for the reader to guess.
public enum BoolParser {
    public static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool? {
        read(CellTrimming.trim(utf8))
    }

    public static func parse(_ text: String) -> Bool? {
        text.withCellBytes { parse($0) }
    }

    /// Reads an already trimmed cell.
    static func read(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool? {
        // 是 (E6 98 AF) and 否 (E5 90 A6) are most cells of a bool column: compare bytes.
        if utf8.count == 3 {
            if utf8[0] == 0xE6 && utf8[1] == 0x98 && utf8[2] == 0xAF { return true }
            if utf8[0] == 0xE5 && utf8[1] == 0x90 && utf8[2] == 0xA6 { return false }
        }
        var scanner = CellScanner(utf8)
        guard let first = scanner.next() else { return nil }
        if scanner.isAtEnd { return single(CellScanner.lowercased(first)) }
        // Otherwise an English word: pack up to five lowercased ASCII letters into an integer.
        var packed: UInt64 = 0
        var length = 0
        var s: Unicode.Scalar? = first
        while let letter = s {
            let lower = CellScanner.lowercased(letter)
            guard length < 5, ("a"..."z").contains(lower) else { return nil }
            packed = packed << 8 | UInt64(lower.value)
            length += 1
            s = scanner.next()
        }
        switch packed {
        case pack("yes"), pack("true"): return true
        case pack("no"), pack("false"): return false
        default: return nil
        }
    }

    private static func single(_ scalar: Unicode.Scalar) -> Bool? {
        switch scalar {
        case "是", "有", "已", "√", "✓", "✔", "y", "1": return true
        case "否", "无", "無", "未", "×", "✗", "✘", "n", "0": return false
        default: return nil
        }
    }

    private static func pack(_ word: StaticString) -> UInt64 {
        var packed: UInt64 = 0
        word.withUTF8Buffer { for b in $0 { packed = packed << 8 | UInt64(b) } }
        return packed
    }
}
