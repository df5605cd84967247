/// Which cell number formats show a date, so that a number in such a cell is read as the
/// date the user sees rather than as a day count.
///
/// A workbook stores a date as a number of days and says it is a date only through the cell's
/// format: built-in formats 14–22 and 45–47 (ECMA-376 Part 1, 18.8.30), the East Asian
/// built-ins 27–36 and 50–58 that Chinese Excel and WPS write for `2024年3月5日`, and custom
/// formats whose code has a year, month-with-day or day part (`yyyy/m/d`, `yyyy"年"m"月"d"日"`).
enum NumberFormat {
    static func showsDate(id: Int, code: String?) -> Bool {
        switch id {
        case 14...22, 45...47, 27...36, 50...58: return true
        case 0..<164: return code.map(codeShowsDate) ?? false
        default: return code.map(codeShowsDate) ?? false
        }
    }

    /// Looks for `y` or `d` outside quoted text, bracketed sections (`[Red]`, `[$-804]`,
    /// `[DBNum1]`) and escaped characters; `m` alone is ambiguous (months or minutes) and
    /// `General` and `@` are not dates.
    static func codeShowsDate(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var escaped = false
        for scalar in code.unicodeScalars {
            if escaped { escaped = false; continue }
            switch scalar {
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "\\" where !inQuote: escaped = true
            case "y", "Y", "d", "D":
                if !inQuote && !inBracket { return true }
            case ";":
                // Only the first section (positive numbers) decides what a date cell shows.
                if !inQuote && !inBracket { return false }
            default: break
            }
        }
        return false
    }
}

/// The cell styles of a workbook, reduced to what reading needs: whether style `s` shows a date.
struct CellStyles {
    private var dateStyles: [Bool] = []

    init(dateStyles: [Bool] = []) { self.dateStyles = dateStyles }

    func showsDate(style: Int) -> Bool { style >= 0 && style < dateStyles.count && dateStyles[style] }
}
