import PingchaModel
import Yams
import PingchaCatalogue

/// Composes the calendar file with ``YAMLReader``'s error translation, and gives a repeated
/// key (most likely a year pasted twice while adding the next notice) a real position:
/// Yams reports it without one usable for `file:line:col`.
enum CalendarYAML {
    static func compose(_ text: String, reader: YAMLReader) throws(PingchaError) -> Node? {
        do {
            return try Yams.compose(yaml: text, .basic)  // scalars read as text (YAMLReader)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            let key = duplicates.first ?? ""
            let first = context.mark
            let second = secondOccurrence(of: key, after: first, in: text)
            throw .calendarDuplicateKey(
                SourceLocation(file: reader.path, line: second?.line ?? first.line, column: first.column),
                key: key, firstLine: first.line)
        } catch {
            // Any other problem: let the shared reader produce its translated message.
            return try reader.parse(text)
        }
    }

    /// The line (1-based) where `key:` appears again in block style at the same column as its
    /// first occurrence, within the same mapping (stopping at a line indented less).
    static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let column = first.column - 1
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard let content = scalars.firstIndex(where: { $0 != " " }) else { continue }
            if scalars[content] == "#" { continue }
            if content < column { return nil }
            guard content == column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[column...]))
            guard rest.hasPrefix(key) else { continue }
            let after = rest.dropFirst(key.count).drop(while: { $0 == " " })
            if after.first == ":" { return (index + 1, column + 1) }
        }
        return nil
    }
}
