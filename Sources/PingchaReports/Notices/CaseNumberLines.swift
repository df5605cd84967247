/// A case number on two lines in a narrow table column: broken after the bracketed year
/// (克城管罚（2025）| 123号), so the column needs the width of the longer half, not of the whole
/// number, and 号 never stands alone on a line.
enum CaseNumberLines {
    static let closing: Set<Character> = ["）", "〕", "]", "］", ")", "】"]

    /// The part up to and including the year's closing bracket, and the rest; the whole text
    /// and nil when there is no such bracket or nothing after it.
    static func split(_ caseNumber: String) -> (head: String, tail: String?) {
        guard let bracket = caseNumber.lastIndex(where: { closing.contains($0) }) else { return (caseNumber, nil) }
        let rest = caseNumber[caseNumber.index(after: bracket)...]
        let head = caseNumber[...bracket]
        // Only a year in brackets: four digits before the bracket (〔2025〕).
        let digits = head.dropLast().reversed().prefix { $0.isASCII && $0.isNumber }.count
        guard digits == 4, !rest.isEmpty, head.count > 6 else { return (caseNumber, nil) }
        return (String(head), String(rest))
    }
}
