/// How figures and names from the store are put into Markdown templates, and read back.
///
/// Values are escaped so that a case number with a `|` cannot split a table cell and a cause
/// with `**` cannot turn bold; line breaks become spaces so a value stays on its line.
public enum MarkdownText {
    /// Every character to escape and every line break is ASCII, so the work is done on UTF-8
    /// bytes (a notice for a large department escapes a few million values).
    public static func escape(_ text: String) -> String { escaped(text, lineFeed: " ") }

    /// `text` with every escapable character escaped, a CR LF or a lone CR as a space, and a
    /// lone LF as `lineFeed`.
    private static func escaped(_ text: String, lineFeed: StaticString) -> String {
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
                } else if b == 0x0D {
                    out.append(0x20)
                    if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                } else if b == 0x0A {
                    out.append(contentsOf: UnsafeBufferPointer(start: lineFeed.utf8Start, count: lineFeed.utf8CodeUnitCount))
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
        // Every mark is ASCII, and an ASCII byte is never part of another character in UTF-8:
        // the text is read byte by byte, not character by character.
        let bytes = Array(text.utf8)
        let n = bytes.count
        var runs: [Run] = []
        var current: [UInt8] = []
        var strong = false
        func endRun() {
            if !current.isEmpty { runs.append(Run(String(decoding: current, as: UTF8.self), strong: strong)) }
            current.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == 0x5C, i + 1 < n, isEscapable(bytes[i + 1]) {
                current.append(bytes[i + 1])
                i += 2
            } else if b == 0x3C, let length = lineBreakLength(bytes, at: i) {
                // A line break inside a table cell or paragraph (Markdown has no other way).
                current.append(0x0A)
                i += length
            } else if b == 0x2A, i + 1 < n, bytes[i + 1] == 0x2A {
                endRun()
                strong.toggle()
                i += 2
            } else {
                current.append(b)
                i += 1
            }
        }
        endRun()
        return runs
    }

    /// The length of the `<br>`, `<br/>` or `<br />` at `i`; nil when there is none.
    private static func lineBreakLength(_ bytes: [UInt8], at i: Int) -> Int? {
        for tag in ["<br>", "<br/>", "<br />"] where bytes[i...].starts(with: tag.utf8) { return tag.utf8.count }
        return nil
    }

    /// Text for a table cell: escaped, its line breaks written as `<br>`.
    static func cell(_ text: String) -> String { escaped(text, lineFeed: "<br>") }

    static func plain(_ text: Substring) -> String {
        runs(text).map(\.text).joined()
    }
}
