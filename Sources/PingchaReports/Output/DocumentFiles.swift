import Foundation
import PingchaDocuments
import PingchaDocx
import PingchaHtml
import PingchaModel
import PingchaXlsx

/// Writes one document in the formats people open: Markdown, HTML (screen and A4 print) and
/// DOCX (Word/WPS, official layout).
public enum DocumentFiles {
    public enum Format: String, CaseIterable, Sendable {
        case markdown = "md", html, docx
    }

    /// Writes `<folder>/<name>.md`, `.html`, `.docx` (the formats asked for).
    public static func write(_ document: OfficialDocument, folder: String, name: String,
                             formats: [Format] = Format.allCases) throws(PingchaError) {
        // 图1, 图2 … the same in every format.
        let document = document.numberingFigures()
        let base = PathText.joined(folder, name)
        for format in formats {
            let path = base + "." + format.rawValue
            switch format {
            case .markdown: try writeText(MarkdownWriter.write(document), to: path)
            case .html: try writeText(HTMLRenderer.render(document), to: path)
            case .docx: try DocxWriter.write(document, to: path)
            }
        }
    }

    /// Every table of `document` as a sheet of its own (named after its caption), figures as
    /// numbers: `stats.xlsx` and `compare.xlsx` hold what their Markdown shows.
    public static func writeTables(of document: OfficialDocument, to path: String) throws(PingchaError) {
        let book = try Workbook(path: path, title: document.title)
        var number = 0
        var heading = document.title
        for block in document.blocks {
            switch block {
            case .heading(_, let text): heading = text
            case .table(let table):
                number += 1
                let name = table.caption ?? heading
                let columns = table.header.indices.map { i in
                    Column(table.header[i], TableCells.kind(of: table.rows.map { $0.indices.contains(i) ? $0[i] : "" }))
                }
                let sheet = try book.addSheet(name, columns: columns)
                for row in table.rows { try sheet.append(row.map(TableCells.cell)) }
            default: continue
            }
        }
        if number == 0 { _ = try book.addSheet(document.title, columns: [Column("说明")]) }
        try book.close()
    }

    static func writeText(_ text: String, to path: String) throws(PingchaError) {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .unreadable(path, detail: "无法写入：\(error.localizedDescription)")
        }
    }
}

/// Figures printed in a table read back as typed cells: `12` an integer, `87.5` a decimal,
/// `93.1%` a percentage; anything else (`—`, `不排名`, names) stays text.
enum TableCells {
    static func cell(_ text: String) -> Cell {
        let t = text.trimmingSpaces
        if let n = Int(t) { return .integer(n) }
        if t.hasSuffix("%"), let v = Double(t.dropLast()), isPlainNumber(t.dropLast()) { return .percent(v / 100) }
        if isPlainNumber(Substring(t)), t.contains(".") { return .decimal(t) }
        return .text(t)
    }

    static func kind(of column: [String]) -> ColumnKind {
        var kinds = Set<String>()
        for value in column {
            switch cell(value) {
            case .integer: kinds.insert("i")
            case .decimal: kinds.insert("d")
            case .percent: kinds.insert("p")
            default: continue
            }
        }
        if kinds == ["p"] { return .percent(places: 1) }
        if kinds.contains("d") { return .decimal(places: 1) }
        if kinds == ["i"] { return .integer }
        return .text
    }

    private static func isPlainNumber(_ s: Substring) -> Bool {
        var digits = 0, dots = 0
        for (i, c) in s.enumerated() {
            if c.isASCIIDigit { digits += 1 } else if c == "." { dots += 1 } else if c == "-" && i == 0 { continue } else { return false }
        }
        return digits > 0 && dots <= 1
    }
}
