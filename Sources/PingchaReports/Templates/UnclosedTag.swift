import PingchaModel

/// Where an unclosed Mustache tag or section begins. The template parser notices either only at
/// the end of the file and reports that place; a bureau editing a long template needs the line
/// where the `{{` or the `{{#section}}` was opened, and the section's name.
///
/// Only the default `{{ }}` delimiters are followed: a template that changes them (`{{=<% %>=}}`)
/// gets nil and the parser's own position.
struct UnclosedTag: Equatable {
    enum Kind: Equatable {
        /// `{{` without its `}}`.
        case tag
        /// `{{#name}}` or `{{^name}}` without `{{/name}}`.
        case section(String)
    }

    var kind: Kind
    /// 1-based, in characters.
    var line: Int
    var column: Int
    /// The opening tag as written (up to the end of its line for an unclosed tag).
    var text: String

    /// The first tag left open at the end of `template` (for nested sections, the innermost,
    /// which the parser wanted closed first); nil when every tag and section is closed.
    static func find(in template: String) -> UnclosedTag? {
        let chars = Array(template)
        var sections: [UnclosedTag] = []
        var i = 0, line = 1, column = 1
        func advance() {
            if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else { advance(); continue }
            let (startLine, startColumn, start) = (line, column, i)
            advance(); advance()
            var body = ""
            // A name cannot run past its line; a comment can.
            while i < chars.count, !(chars[i] == "}" && i + 1 < chars.count && chars[i + 1] == "}"),
                  chars[i] != "\n" || body.hasPrefix("!") {
                body.append(chars[i])
                advance()
            }
            guard i < chars.count, chars[i] != "\n" else {
                let rest = String(chars[start...].prefix { $0 != "\n" })
                return UnclosedTag(kind: .tag, line: startLine, column: startColumn, text: rest)
            }
            advance(); advance()
            // A triple mustache {{{x}}} ends with one more brace.
            if body.hasPrefix("{"), i < chars.count, chars[i] == "}" { advance() }
            let trimmed = body.trimmingSpaces
            guard let sigil = trimmed.first else { continue }
            let name = String(trimmed.dropFirst()).trimmingSpaces
            switch sigil {
            case "=": return nil
            case "#", "^":
                sections.append(UnclosedTag(kind: .section(name), line: startLine, column: startColumn, text: "{{\(body)}}"))
            case "/":
                if case .section(let open)? = sections.last?.kind, open == name { sections.removeLast() } else { return nil }
            default: continue
            }
        }
        return sections.last
    }
}
