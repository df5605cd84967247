/// Spreadsheet column names (`A`, `Z`, `AA`, `XFD`), which is how a user finds a cell in Excel
/// or WPS: positions in workbooks are shown with them.
public enum ColumnLetters {
    /// The letters of 1-based column `number`.
    public static func name(_ number: Int) -> String {
        var n = number
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The 1-based column of a cell reference such as `C12` (its letters); nil without letters.
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
