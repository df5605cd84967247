/// Masks personal data in text meant for publication (law-and-practice §5.3): ID card numbers,
/// mobile and landline numbers, e-mail addresses and the house numbers of addresses, wherever
/// they appear (a cause or a note can carry them as well as the fields meant for them). An
/// address keeps its district and street — "友谊路***号" — as the publication rules allow.
///
/// Found by scanning runs of digits rather than by regular expressions: the shapes are fixed
/// (18 or 15 digits, 11 digits from 13–19, area code + 7–8 digits) and a scan is linear.
public enum PersonalDataMask {
    /// The text with every ID number, phone number and e-mail address masked.
    public static func maskIdentifiers(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 || $0 == 0x40 }) else { return text }
        var chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i].isASCIIDigit, i == 0 || !chars[i - 1].isASCIIDigit else { i += 1; continue }
            var end = i
            while end < chars.count, chars[end].isASCIIDigit { end += 1 }
            var length = end - i
            // The ID check character may be X.
            if length == 17, end < chars.count, chars[end] == "X" || chars[end] == "x" {
                end += 1
                length = 18
            }
            if length == 18 || length == 15 {
                maskMiddle(&chars, i, end, keepStart: 3, keepEnd: 2)
            } else if length == 11, chars[i] == "1", let second = chars[i + 1].wholeNumberValue, second >= 3 {
                maskMiddle(&chars, i, end, keepStart: 3, keepEnd: 4)
            } else if (3...4).contains(length), chars[i] == "0", end + 1 < chars.count, chars[end] == "-" || chars[end] == "—" {
                var local = end + 1
                while local < chars.count, chars[local].isASCIIDigit { local += 1 }
                if (7...8).contains(local - end - 1) {
                    maskMiddle(&chars, end + 1, local, keepStart: 0, keepEnd: 0)
                    end = local
                }
            }
            i = end
        }
        maskEmails(&chars)
        maskHouseNumbers(&chars)
        return String(chars)
    }

    /// True when `text` still holds something shaped like an ID or phone number: the check
    /// the tests and `run` apply to every published file.
    public static func containsIdentifiers(_ text: String) -> Bool {
        maskIdentifiers(text) != text
    }

    private static func maskMiddle(_ chars: inout [Character], _ start: Int, _ end: Int, keepStart: Int, keepEnd: Int) {
        guard end - start > keepStart + keepEnd else { return }
        for k in (start + keepStart)..<(end - keepEnd) { chars[k] = "*" }
    }

    /// Units that end the numbered part of an address: 号, 号楼, 栋, 幢, 单元, 室, 户, 弄.
    private static let addressUnits: Set<Character> = ["号", "栋", "幢", "单", "室", "户", "弄", "楼"]
    /// What comes before the number: a road, street, lane, estate or village.
    private static let addressPlaces: Set<Character> = ["路", "街", "巷", "道", "区", "村", "组", "苑", "园", "里", "栋", "幢", "单", "元", "楼", "号"]

    /// Digits between an address word (路, 街, 小区 …) and a unit (号, 栋, 室 …) become *.
    private static func maskHouseNumbers(_ chars: inout [Character]) {
        var i = 0
        while i < chars.count {
            guard chars[i].isASCIIDigit || chars[i] == "-", i > 0, addressPlaces.contains(chars[i - 1]) else { i += 1; continue }
            var end = i
            while end < chars.count, chars[end].isASCIIDigit || chars[end] == "-" { end += 1 }
            if end < chars.count, addressUnits.contains(chars[end]), chars[i..<end].contains(where: \.isASCIIDigit) {
                for k in i..<end where chars[k].isASCIIDigit { chars[k] = "*" }
            }
            i = end
        }
    }

    private static func maskEmails(_ chars: inout [Character]) {
        var i = 0
        while i < chars.count {
            if chars[i] == "@" {
                var start = i
                while start > 0, isLocalPart(chars[start - 1]) { start -= 1 }
                var end = i + 1
                while end < chars.count, isLocalPart(chars[end]) { end += 1 }
                if start < i, end > i + 1, chars[(i + 1)..<end].contains(".") {
                    for k in start..<i { chars[k] = "*" }
                }
                i = end
            } else {
                i += 1
            }
        }
    }

    private static func isLocalPart(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "_" || c == "-" || c == "+")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
