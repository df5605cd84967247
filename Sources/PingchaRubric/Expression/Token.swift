/// A lexical token of a rule expression, with its offset (in Unicode scalars) in the
/// expression text, for `file:line:col` messages.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(String)
        case string(String)
        case identifier(String)
        /// `$name`: a rubric parameter (the name without `$`).
        case param(String)
        case keyword(String)      // and or not in true false
        case symbol(String)       // == != < <= > >= + - * / ( ) [ ] ,
        case end
    }

    var kind: Kind
    var offset: Int

    var text: String {
        switch kind {
        case .number(let s), .identifier(let s), .keyword(let s), .symbol(let s): return s
        case .string(let s): return "\"\(s)\""
        case .param(let s): return "$" + s
        case .end: return "表达式结尾"
        }
    }
}
