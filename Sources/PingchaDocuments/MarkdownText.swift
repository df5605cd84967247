/// How figures and names from the store are put into Markdown templates, and read back.
///
/// Values are escaped so that a case number with a `|` cannot split a table cell and a cause
/// with `**` cannot turn bold; line breaks become spaces so a value stays on its line.
public enum MarkdownText {
    static let escapable: Set<Character> = ["\\", "|", "*", "#", "<", ">", "_", "`", "["]

    /// Every character to escape and every line break is ASCII, so the work is done on UTF-8
    /// bytes (a notice for a large department escapes a few million values).
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard bytes.contains(where: { isEscapable($0) || $0 == 0x0A || $0 == 0x0D }) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if isEscapable(b) {
                    out.append(0x5C)
                    out.append(b)
                } else if b == 0x0D || b == 0x0A {
                    out.append(0x20)
                    if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                } else {
                    out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    @inline(__always)
    static func isEscapable(_ b: UInt8) -> Bool {
        switch b {
        case 0x5C, 0x7C, 0x2A, 0x23, 0x3C, 0x3E, 0x5F, 0x60, 0x5B: true  // \ | * # < > _ ` [
        default: false
        }
    }

    /// Turns `**bold**` into strong runs and `<br>` into a line break, and drops the backslash of
    /// escaped characters.
    static func runs(_ text: Substring) -> [Run] {
        // Most text has no markup at all.
        if !text.utf8.contains(where: { $0 == 0x5C || $0 == 0x2A || $0 == 0x3C }) {
            return text.isEmpty ? [] : [Run(String(text))]
        }
        var runs: [Run] = []
        var current = ""
        var strong = false
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            let next = text.index(after: i)
            if ch == "\\", next < text.endIndex, escapable.contains(text[next]) {
                current.append(text[next])
                i = text.index(after: next)
            } else if ch == "<", let length = ["<br>", "<br/>", "<br />"].first(where: { text[i...].hasPrefix($0) })?.count {
                // A line break inside a table cell or paragraph (Markdown has no other way).
                current.append("\n")
                i = text.index(i, offsetBy: length)
            } else if ch == "*", next < text.endIndex, text[next] == "*" {
                if !current.isEmpty { runs.append(Run(current, strong: strong)) }
                current = ""
                strong.toggle()
                i = text.index(after: next)
            } else {
                current.append(ch)
                i = next
            }
        }
        if !current.isEmpty { runs.append(Run(current, strong: strong)) }
        return runs
    }

    /// Text for a table cell: escaped, its line breaks written as `<br>`.
    static func cell(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }

    static func plain(_ text: Substring) -> String {
        runs(text).map(\.text).joined()
    }
}
