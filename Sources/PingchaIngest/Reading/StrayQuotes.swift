#if canImport(Glibc)
import Glibc
#endif

/// Text after a field's closing quote (`"违法行为"补充说明,…`), read as Excel and WPS read it:
/// one value, `违法行为补充说明`.
///
/// libcsv, outside strict mode, takes such a quote for a literal one and goes on inside the
/// quoted field, so every delimiter and line break up to the next quote in the file became
/// part of one value: the following cases were swallowed into one reject. A line is
/// rewritten before libcsv sees it: the stray closing quote is dropped and a closing quote is
/// put where the field really ends (the next delimiter or line end), the quotes in between
/// doubled so that they stay text.
enum StrayQuotes {
    /// Where the parser stands as the line's bytes begin.
    enum Start: Equatable {
        /// Before a field (a new record, or after a delimiter).
        case fieldStart
        /// Inside an unquoted field.
        case unquoted
        /// Inside a quoted field, which may close on this line.
        case quoted
        /// Just after a quote inside a quoted field (a line split between two blocks): not
        /// repaired, libcsv reads it as before.
        case unsure
    }

    struct Repaired: Equatable {
        var bytes: [UInt8]
        /// The 0-based fields, counted from the line's first byte, that were repaired.
        var fields: [Int]
        /// Each repaired field's value as read (the part on this line, for a field that began
        /// on an earlier one).
        var values: [String]
    }

    /// The line rewritten, or nil when it has no quote that closes before text.
    /// `line` holds one physical line with its line feed (without one at the end of the file,
    /// or where a line is split between two blocks: a stray quote whose text runs to the end
    /// of such a piece is left alone, since its field's end is not known yet).
    static func repair(_ line: UnsafeRawBufferPointer, start: Start, delimiter: UInt8) -> Repaired? {
        guard start != .unsure, let base = line.baseAddress, !line.isEmpty else { return nil }
        let n = line.count
        if start != .quoted && memchr(base, 0x22, n) == nil { return nil }
        let complete = line[n - 1] == 0x0A
        func isSpace(_ c: UInt8) -> Bool { (c == 0x20 || c == 0x09) && c != delimiter }
        func isEnd(_ c: UInt8) -> Bool { c == delimiter || c == 0x0A || c == 0x0D }

        var out: [UInt8] = []
        var copied = 0
        var repaired: [Int] = []
        var values: [String] = []
        var field = 0
        var fieldBegin = 0
        var state = start
        var i = 0
        while i < n {
            let c = line[i]
            switch state {
            case .fieldStart:
                if c == 0x22 { state = .quoted; fieldBegin = i + 1 } else if c == delimiter { field += 1 } else if !isSpace(c) && !isEnd(c) { state = .unquoted }
                i += 1
            case .unquoted:
                if c == delimiter { field += 1; state = .fieldStart } else if c == 0x0A || c == 0x0D { state = .fieldStart }
                i += 1
            case .quoted:
                guard let hit = memchr(base + i, 0x22, n - i) else { i = n; continue }
                let quote = UnsafeRawPointer(hit) - base
                if quote + 1 < n && line[quote + 1] == 0x22 { i = quote + 2; continue }   // "" inside the field
                var next = quote + 1
                while next < n && isSpace(line[next]) { next += 1 }
                if next == n || isEnd(line[next]) { i = next; state = .unquoted; continue }   // closed where it should
                var end = next
                while end < n && !isEnd(line[end]) { end += 1 }
                if end == n && !complete {
                    return repaired.isEmpty ? nil : Repaired(bytes: out + line[copied...], fields: repaired, values: values)
                }
                var value = Array(line[fieldBegin..<quote])
                value.removeEscapedQuotes()
                value += line[(quote + 1)..<end]
                values.append(String(decoding: value, as: UTF8.self))
                out.append(contentsOf: line[copied..<quote])
                for b in line[(quote + 1)..<end] {
                    out.append(b)
                    if b == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
                copied = end
                repaired.append(field)
                i = end
                state = .unquoted
            case .unsure:
                return nil
            }
        }
        guard !repaired.isEmpty else { return nil }
        out.append(contentsOf: line[copied...])
        return Repaired(bytes: out, fields: repaired, values: values)
    }
}

private extension [UInt8] {
    /// `""` → `"`, as inside a quoted field.
    mutating func removeEscapedQuotes() {
        var kept: [UInt8] = []
        kept.reserveCapacity(count)
        var i = 0
        while i < count {
            kept.append(self[i])
            i += self[i] == 0x22 && i + 1 < count && self[i + 1] == 0x22 ? 2 : 1
        }
        self = kept
    }
}
