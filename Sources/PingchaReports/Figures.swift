import Foundation

/// How reports print figures: one decimal, percentages with one decimal, "—" where there is
/// no figure. One place, so the bulletin, notices and analyses never disagree on a digit.
public enum Figures {
    /// `98.3`, rounded half away from zero as people round by hand (91.25 → 91.3, as in
    /// summary.json); a value that rounds to zero prints `0.0`, never `-0.0`.
    public static func oneDecimal(_ v: Double?) -> String {
        v.map { String(format: "%.1f", rounded($0, tenths: 1)) } ?? "—"
    }

    /// A rate as `87.3%`.
    public static func percent(_ v: Double) -> String { String(format: "%.1f%%", rounded(v, tenths: 100)) }

    private static func rounded(_ v: Double, tenths scale: Double) -> Double {
        let r = (v * scale * 10).rounded() / 10
        return r == 0 ? 0 : r
    }

    /// A rate as `87.3%`, "—" without one.
    public static func percent(_ v: Double?) -> String { v.map { percent($0) } ?? "—" }

    /// A share `part / whole` as `12.5%`, "—" when the whole is zero.
    public static func share(_ part: Int, of whole: Int) -> String {
        whole > 0 ? percent(Double(part) / Double(whole)) : "—"
    }

    /// A date the way official documents write it: `2025年12月1日`.
    public static func chineseDate(year: Int, month: Int, day: Int) -> String { "\(year)年\(month)月\(day)日" }

    /// 一, 二, … 九十九 (for 一、 and （一） numbering); larger counts print as digits.
    public static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 0...9: return digits[n]
        case 10...19: return "十" + (n == 10 ? "" : digits[n - 10])
        case 20...99: return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10])
        default: return String(n)
        }
    }
}
