/// Splits an expression into tokens. Identifiers are ASCII (`decision_date`, `add_days`);
/// strings are double-quoted and may hold any text (`"行政处罚"`), with `\"` and `\\`.
struct Lexer {
    static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false"]

    static func tokens(_ source: String) throws(ExpressionError) -> [Token] {
        let s = Array(source.unicodeScalars)
        var out: [Token] = []
        var i = 0
        func isIdentStart(_ c: Unicode.Scalar) -> Bool { c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace { i += 1; continue }
            let start = i
            if isDigit(c) {
                while i < s.count, isDigit(s[i]) { i += 1 }
                if i < s.count, s[i] == ".", i + 1 < s.count, isDigit(s[i + 1]) {
                    i += 1
                    while i < s.count, isDigit(s[i]) { i += 1 }
                }
                out.append(Token(kind: .number(String(String.UnicodeScalarView(s[start..<i]))), offset: start))
            } else if isIdentStart(c) {
                while i < s.count, isIdentStart(s[i]) || isDigit(s[i]) { i += 1 }
                let word = String(String.UnicodeScalarView(s[start..<i]))
                out.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
            } else if c == "$" {
                i += 1
                guard i < s.count, isIdentStart(s[i]) else {
                    throw ExpressionError(offset: start, message: "“$”后应为参数名（如 $large_fine_person）")
                }
                while i < s.count, isIdentStart(s[i]) || isDigit(s[i]) { i += 1 }
                out.append(Token(kind: .param(String(String.UnicodeScalarView(s[(start + 1)..<i]))), offset: start))
            } else if c == "\"" || c == "“" {
                let close: Unicode.Scalar = c == "\"" ? "\"" : "”"
                i += 1
                var text = String.UnicodeScalarView()
                while true {
                    guard i < s.count else { throw ExpressionError(offset: start, message: "字符串缺少结尾的引号") }
                    if s[i] == "\\", i + 1 < s.count { text.append(s[i + 1]); i += 2; continue }
                    if s[i] == close { i += 1; break }
                    text.append(s[i])
                    i += 1
                }
                out.append(Token(kind: .string(String(text)), offset: start))
            } else {
                let two = i + 1 < s.count ? String(String.UnicodeScalarView([c, s[i + 1]])) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    out.append(Token(kind: .symbol(two), offset: start))
                    i += 2
                } else if "<>+-*/()[],".unicodeScalars.contains(c) {
                    out.append(Token(kind: .symbol(String(c)), offset: start))
                    i += 1
                } else if c == "=" {
                    throw ExpressionError(offset: start, message: "“=”不是运算符，比较相等请用“==”")
                } else if c == "&" || c == "|" || c == "!" {
                    let hint = c == "&" ? "and" : c == "|" ? "or" : "not"
                    throw ExpressionError(offset: start, message: "不认识的符号“\(c)”，请用 \(hint)")
                } else {
                    throw ExpressionError(offset: start, message: "不认识的字符“\(c)”")
                }
            }
        }
        out.append(Token(kind: .end, offset: s.count))
        return out
    }
}
