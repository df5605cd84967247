/// Recursive-descent parser for the grammar of rubric-format.md:
///
/// ```
/// expr := or;  or := and ("or" and)*;  and := not ("and" not)*;  not := "not" not | cmp
/// cmp  := sum (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in") sum)?
/// sum  := prod (("+" | "-") prod)*;  prod := unary (("*" | "/") unary)*;  unary := "-" unary | atom
/// atom := NUMBER | STRING | "true" | "false" | FIELD | "$" PARAM | NAME "(" args? ")" | "(" expr ")" | "[" list? "]"
/// ```
struct Parser {
    private var tokens: [Token]
    private var position = 0

    static func parse(_ source: String) throws(ExpressionError) -> Syntax {
        var parser = Parser(tokens: try Lexer.tokens(source))
        if case .end = parser.peek.kind { throw ExpressionError(offset: 0, message: "表达式是空的") }
        let expr = try parser.orExpr()
        guard case .end = parser.peek.kind else {
            throw ExpressionError(offset: parser.peek.offset, message: "多余的“\(parser.peek.text)”（是否缺少 and / or 或运算符？）")
        }
        return expr
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var peek: Token { tokens[position] }

    private mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    private func isKeyword(_ word: String) -> Bool {
        if case .keyword(let w) = peek.kind { return w == word }
        return false
    }

    private func isSymbol(_ s: String) -> Bool {
        if case .symbol(let x) = peek.kind { return x == s }
        return false
    }

    private mutating func expect(_ symbol: String, _ what: String) throws(ExpressionError) {
        guard isSymbol(symbol) else {
            throw ExpressionError(offset: peek.offset, message: "此处应为“\(symbol)”\(what)，却是“\(peek.text)”")
        }
        _ = advance()
    }

    private mutating func orExpr() throws(ExpressionError) -> Syntax {
        var lhs = try andExpr()
        while isKeyword("or") {
            let op = advance()
            lhs = .binary("or", lhs, try andExpr(), offset: op.offset)
        }
        return lhs
    }

    private mutating func andExpr() throws(ExpressionError) -> Syntax {
        var lhs = try notExpr()
        while isKeyword("and") {
            let op = advance()
            lhs = .binary("and", lhs, try notExpr(), offset: op.offset)
        }
        return lhs
    }

    private mutating func notExpr() throws(ExpressionError) -> Syntax {
        if isKeyword("not") {
            let op = advance()
            return .unary("not", try notExpr(), offset: op.offset)
        }
        return try comparison()
    }

    private mutating func comparison() throws(ExpressionError) -> Syntax {
        let lhs = try sum()
        if case .symbol(let s) = peek.kind, ["==", "!=", "<", "<=", ">", ">="].contains(s) {
            let op = advance()
            return .binary(s, lhs, try sum(), offset: op.offset)
        }
        if isKeyword("in") {
            let op = advance()
            return .binary("in", lhs, try sum(), offset: op.offset)
        }
        if isKeyword("not"), position + 1 < tokens.count, tokens[position + 1].kind == .keyword("in") {
            let op = advance()
            _ = advance()
            return .binary("not in", lhs, try sum(), offset: op.offset)
        }
        return lhs
    }

    private mutating func sum() throws(ExpressionError) -> Syntax {
        var lhs = try product()
        while isSymbol("+") || isSymbol("-") {
            let op = advance()
            lhs = .binary(op.text, lhs, try product(), offset: op.offset)
        }
        return lhs
    }

    private mutating func product() throws(ExpressionError) -> Syntax {
        var lhs = try unary()
        while isSymbol("*") || isSymbol("/") {
            let op = advance()
            lhs = .binary(op.text, lhs, try unary(), offset: op.offset)
        }
        return lhs
    }

    private mutating func unary() throws(ExpressionError) -> Syntax {
        if isSymbol("-") {
            let op = advance()
            return .unary("-", try unary(), offset: op.offset)
        }
        return try atom()
    }

    private mutating func atom() throws(ExpressionError) -> Syntax {
        let t = advance()
        switch t.kind {
        case .number(let text):
            guard let n = ExactNumber(literal: text) else {
                throw ExpressionError(offset: t.offset, message: "数字“\(text)”无效（最多十位小数）")
            }
            return .number(n, offset: t.offset)
        case .string(let s):
            return .string(s, offset: t.offset)
        case .keyword("true"):
            return .bool(true, offset: t.offset)
        case .keyword("false"):
            return .bool(false, offset: t.offset)
        case .param(let name):
            return .param(name, offset: t.offset)
        case .identifier(let name):
            guard isSymbol("(") else { return .field(name, offset: t.offset) }
            _ = advance()
            var args: [Syntax] = []
            if !isSymbol(")") {
                args.append(try orExpr())
                while isSymbol(",") {
                    _ = advance()
                    args.append(try orExpr())
                }
            }
            try expect(")", "（函数参数的结尾）")
            return .call(name, args, offset: t.offset)
        case .symbol("("):
            let inner = try orExpr()
            try expect(")", "（与前面的“(”配对）")
            return inner
        case .symbol("["):
            var items: [Syntax] = []
            if !isSymbol("]") {
                items.append(try orExpr())
                while isSymbol(",") {
                    _ = advance()
                    items.append(try orExpr())
                }
            }
            try expect("]", "（列表的结尾）")
            return .list(items, offset: t.offset)
        case .end:
            throw ExpressionError(offset: t.offset, message: "表达式不完整")
        default:
            throw ExpressionError(offset: t.offset, message: "此处不能出现“\(t.text)”")
        }
    }
}
