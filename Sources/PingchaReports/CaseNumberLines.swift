import PingchaDocuments

/// A case number on two lines in a narrow table column (notices, the bulletin's lists, the
/// follow-up documents), broken at its bracketed year so that
/// the column needs the width of the longer half, not of the whole number, and 号 never stands
/// alone on a line.
///
/// Two places qualify: before the year (克城管罚 | （2025）123号) and after it (克城管罚（2025）|
/// 123号). The one whose longer line is shorter wins; on a tie, after the year (the usual way
/// a number is read aloud). The issuing organ's abbreviation is usually the long part, so most
/// numbers break before the year: the police's 克公(治)行罚决字（2025）12号 needs 16 half-ems
/// instead of 24.
enum CaseNumberLines {
    static let opening: Set<Character> = ["（", "〔", "[", "［", "(", "【"]
    static let closing: Set<Character> = ["）", "〕", "]", "］", ")", "】"]

    /// The first line and the second; the whole text and nil when the number has no bracketed
    /// year with text on both sides, or is too short to be worth two lines.
    static func split(_ caseNumber: String) -> (head: String, tail: String?) {
        guard caseNumber.count > 8,
              let close = caseNumber.lastIndex(where: { closing.contains($0) }),
              let open = caseNumber[..<close].lastIndex(where: { opening.contains($0) }) else { return (caseNumber, nil) }
        // Only a year in brackets: four digits between them (〔2025〕).
        let inside = caseNumber[caseNumber.index(after: open)..<close]
        guard inside.count == 4, inside.allSatisfy({ $0.isASCII && $0.isNumber }) else { return (caseNumber, nil) }
        let afterYear = caseNumber.index(after: close)
        var candidates: [(head: Substring, tail: Substring)] = []
        if afterYear < caseNumber.endIndex { candidates.append((caseNumber[..<afterYear], caseNumber[afterYear...])) }
        if open > caseNumber.startIndex { candidates.append((caseNumber[..<open], caseNumber[open...])) }
        func longer(_ c: (head: Substring, tail: Substring)) -> Int {
            max(TableLayout.displayWidth(String(c.head)), TableLayout.displayWidth(String(c.tail)))
        }
        guard let best = candidates.min(by: { longer($0) < longer($1) }) else { return (caseNumber, nil) }
        return (String(best.head), String(best.tail))
    }

    /// The template values of a case number as a table shows it: `caseId` whole, `caseHead` and
    /// `caseTail` (false when it stays on one line) for `{{caseHead}}{{#caseTail}}<br>{{caseTail}}{{/caseTail}}`.
    static func templateValues(_ shown: String) -> [String: Any] {
        let lines = split(shown)
        return ["caseId": shown, "caseHead": lines.head, "caseTail": lines.tail ?? false]
    }
}
