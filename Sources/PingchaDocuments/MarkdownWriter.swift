/// Writes an ``OfficialDocument`` as Markdown (ending in one newline) (`bulletin.md`, `notices/*.md`): readable as
/// plain text and in any Markdown viewer. A chart is an image link to a drawing written beside
/// the file (``write(_:chartImages:)``), under its caption 图N, so that a text that says "见下图"
/// has its picture in Markdown too; without drawings charts are left out (their figures are in
/// tables).
///
/// The parts of the official layout are there as text, in the standard's order: the 附件说明
/// under the body, the signature, each attachment under a `# 附件1：名称` heading (the syntax the
/// reader takes), and the 版记 under a rule (`---`).
public enum MarkdownWriter {
    /// - Parameter chartImages: the relative paths of the charts' drawings, in the order the
    ///   charts appear (body, then attachments); a chart without one is left out.
    public static func write(_ document: OfficialDocument, chartImages: [String] = []) -> String {
        var images = chartImages[...]
        var o = ""
        if let issuer = document.issuer { o += "**\(MarkdownText.escape(issuer))**\n\n" }
        if let number = document.documentNumber { o += "\(MarkdownText.escape(number))\n\n" }
        o += "# \(MarkdownText.escape(document.title))\n\n"
        if let recipients = document.recipients { o += "\(MarkdownText.escape(recipients))\n\n" }
        o += blocks(document.blocks, images: &images)
        if let note = document.attachmentNote {
            for line in note.lines { o += MarkdownText.escape(line) + "\n\n" }
        }
        if let signature = document.signature {
            o += "\(MarkdownText.escape(signature.organisation))\n\n\(MarkdownText.escape(signature.date))\n\n"
        }
        for (i, attachment) in document.attachments.enumerated() {
            o += "# \(document.attachmentLabel(i))：\(MarkdownText.escape(attachment.title))\n\n"
            o += blocks(attachment.blocks, images: &images)
        }
        if let colophon = document.colophon {
            // A blank line before the rule: right under a paragraph, --- would make it a heading.
            o += "---\n\n"
            if let line = colophon.copyToLine { o += MarkdownText.escape(line) + "\n\n" }
            let printed = [colophon.printedBy, colophon.printedOnText].compactMap { $0 }.filter { !$0.isEmpty }
            if !printed.isEmpty { o += printed.map(MarkdownText.escape).joined(separator: "\u{3000}\u{3000}") + "\n\n" }
        }
        while o.hasSuffix("\n\n") { o.removeLast() }
        if !o.hasSuffix("\n") { o += "\n" }
        return o
    }

    static func blocks(_ blocks: [Block], images: inout ArraySlice<String>) -> String {
        var o = ""
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                o += String(repeating: "#", count: level + 1) + " " + MarkdownText.escape(text) + "\n\n"
            case .paragraph(let runs):
                o += runs.map { $0.strong ? "**\(MarkdownText.escape($0.text))**" : MarkdownText.escape($0.text) }.joined() + "\n\n"
            case .table(let table):
                o += self.table(table)
            case .chart(let chart):
                guard let image = images.popFirst() else { continue }
                let caption = MarkdownText.escape(chart.title)
                o += "![\(caption)](\(image.replacingOccurrences(of: " ", with: "%20")))\n\n\(caption)\n\n"
            case .pageBreak:
                continue
            }
        }
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
