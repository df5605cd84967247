import Foundation
import PingchaDocuments
import PingchaModel

/// The workbook's shared strings (xl/sharedStrings.xml) for the texts of columns that repeat.
/// Bounded: past ``limit`` distinct texts a cell keeps its text inline, so a column that turns
/// out not to repeat cannot fill memory. Sheets filled from different threads share it.
final class SharedStrings: @unchecked Sendable {
    static let limit = 65_536

    private let lock = NSLock()
    private var indices: [UTF8Key: (index: Int, width: Int)] = [:]
    private var texts: [String] = []

    /// The text's index (added when new) and its display width; nil once the table is full.
    func index(of text: String) -> (index: Int, width: Int)? {
        lock.lock()
        defer { lock.unlock() }
        let key = UTF8Key(text)
        if let known = indices[key] { return known }
        guard texts.count < Self.limit else { return nil }
        let entry = (texts.count, ColumnWidth.of(text))
        indices[key] = entry
        texts.append(text)
        return entry
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return texts
    }

    static func xml(_ texts: [String]) -> String {
        var x = PackageXML.declaration
        x += "<sst xmlns=\"\(Namespace.main)\" uniqueCount=\"\(texts.count)\">"
        for text in texts {
            let spaced = text.first.map { $0 == " " || $0 == "\t" } == true || text.last.map { $0 == " " || $0 == "\t" } == true
            x += spaced ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            x += text.contains("_") ? Sheet.cellText(text) : XMLText.escape(text)
            x += "</t></si>"
        }
        return x + "</sst>"
    }
}

