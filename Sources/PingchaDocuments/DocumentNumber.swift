/// The 发文字号 as a pattern: "克司通〔{year}〕{number}号". A bureau sets the pattern once; the year
/// is the 成文日期's, and the number is the one the registry gives the document.
///
/// A number nobody has given is printed as a visible blank between 〔2025〕 and 号 to be written
/// in by hand, never left out: a 公文 without its 发文字号 looks complete and is not.
public enum DocumentNumber {
    public static let yearPlaceholder = "{year}"
    public static let numberPlaceholder = "{number}"
    /// Two full-width spaces: room for a handwritten number of up to four digits, and a blank
    /// that neither HTML nor Word collapses.
    public static let blank = "\u{3000}\u{3000}"
    /// The pattern used when the settings name none.
    public static let defaultPattern = "克司通〔{year}〕{number}号"

    /// `pattern` with `{number}` replaced by `number`, or left in place when there is none.
    public static func numbered(_ pattern: String, _ number: Int?) -> String {
        guard let number else { return pattern }
        return pattern.replacing(numberPlaceholder, with: String(number))
    }

    /// The number as printed: `{year}` the year of `date` (its leading four digits, so both
    /// "2025年12月3日" and "2025-12-03" do), `{number}` the visible blank.
    public static func resolve(_ pattern: String, date: String?) -> String {
        var year = blank
        if let date {
            let digits = date.prefix { $0.isASCII && $0.isNumber }
            if digits.count == 4 { year = String(digits) }
        }
        return pattern.replacing(yearPlaceholder, with: year).replacing(numberPlaceholder, with: blank)
    }
}
