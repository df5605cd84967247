/// Writes an ``OfficialDocument`` as Markdown (ending in one newline) (`bulletin.md`, `notices/*.md`): readable as
/// plain text and in any Markdown viewer. Charts are left out (their figures are in tables).
public enum MarkdownWriter {
    public static func write(_ document: OfficialDocument) -> String {
        var o = ""
        if let issuer = document.issuer { o += "**\(MarkdownText.escape(issuer))**\n\n" }
        if let number = document.documentNumber { o += "\(MarkdownText.escape(number))\n\n" }
        o += "# \(MarkdownText.escape(document.title))\n\n"
        if let recipients = document.recipients { o += "\(MarkdownText.escape(recipients))\n\n" }
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                o += String(repeating: "#", count: level + 1) + " " + MarkdownText.escape(text) + "\n\n"
            case .paragraph(let runs):
                o += runs.map { $0.strong ? "**\(MarkdownText.escape($0.text))**" : MarkdownText.escape($0.text) }.joined() + "\n\n"
            case .table(let table):
                o += self.table(table)
            case .chart, .pageBreak:
                continue
            }
        }
        if let signature = document.signature {
            o += "\(MarkdownText.escape(signature.organisation))\n\n\(MarkdownText.escape(signature.date))\n"
        }
        while o.hasSuffix("\n\n") { o.removeLast() }
        if !o.hasSuffix("\n") { o += "\n" }
        return o
    }

    static func table(_ table: Table) -> String {
        var o = ""
        if let caption = table.caption { o += "**\(MarkdownText.escape(caption))**\n\n" }
        o += "| " + table.header.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
        o += "|" + table.header.indices.map { i in
            switch table.alignment(ofColumn: i) {
            case .leading: "---|"
            case .center: ":---:|"
            case .trailing: "---:|"
            }
        }.joined() + "\n"
        for row in table.rows {
            o += "| " + row.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
        }
        return o + "\n"
    }
}
