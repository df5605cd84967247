import PingchaModel

/// Spreadsheet column names (`A`, `Z`, `AA`, `XFD`), which is how a user finds a cell in Excel
/// or WPS: positions in workbooks are shown with them.
public enum ColumnLetters {
    /// The letters of 1-based column `number`.
    public static func name(_ number: Int) -> String { SourceLocation.columnLetters(number) }

    /// The 1-based column of a cell reference such as `C12` (its letters); nil without letters.
    static func column(ofReference reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var n = 0
        for c in reference {
            let value: Int
            switch c {
            case 65...90: value = Int(c) - 64
            case 97...122: value = Int(c) - 96
            default: return n > 0 ? n : nil
            }
            n = n * 26 + value
            if n > 16_384 { return nil }
        }
        return n > 0 ? n : nil
    }

    /// The same for a NUL-terminated reference.
    static func column(ofReference reference: UnsafePointer<CChar>) -> Int? {
        var p = reference
        var n = 0
        while true {
            let c = Int(p.pointee)
            let value: Int
            switch c {
            case 65...90: value = c - 64
            case 97...122: value = c - 96
            default: return n > 0 ? n : nil
            }
            n = n * 26 + value
            if n > 16_384 { return nil }
            p += 1
        }
    }
}
