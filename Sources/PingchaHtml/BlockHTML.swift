import PingchaDocuments

/// The HTML of the body's blocks.
enum BlockHTML {
    static func render(_ block: Block) -> String {
        switch block {
        case .heading(let level, let text):
            // h1 is the document title, so the body's levels 1–3 are h2–h4.
            let tag = "h\(min(max(level, 1), 3) + 1)"
            return "<\(tag)>\(inlineText(text))</\(tag)>\n"
        case .paragraph(let runs):
            return "<p>\(runs.map(run).joined())</p>\n"
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return "<figure class=\"chart\">\n\(SVGChart.render(chart))\n<figcaption>\(inlineText(chart.title))</figcaption>\n</figure>\n"
        case .pageBreak:
            return "<div class=\"page-break\"></div>\n"
        }
    }

    static func run(_ run: Run) -> String {
        run.strong ? "<strong>\(inlineText(run.text))</strong>" : inlineText(run.text)
    }

    /// Escaped text, with line breaks kept: between CJK characters a bare newline would
    /// show as a stray space.
    static func inlineText(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else { return XMLText.escape(text) }
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { XMLText.escape(String($0)) }
            .joined(separator: "<br/>")
    }

    /// The table's text is 12 pt on the 156 mm line: 73.7 half-ems. Each cell has 0.3 em of
    /// padding on either side and a 1 px border: 1.4 half-ems beyond its text.
    static let tableWidthUnits = OfficialLayout.points(millimetres: OfficialLayout.typeAreaWidthMM) / 6
    static let cellPadding = 1.4

    static func render(_ table: Table) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        let layout = TableLayout.make(table, available: tableWidthUnits, padding: cellPadding)
        func classes(_ c: Int) -> String {
            alignmentClass(table.alignment(ofColumn: c), noWrap: c < layout.noWrap.count && layout.noWrap[c])
        }
        var html = "<div class=\"table-wrap\">\n<table>\n"
        if let caption = table.caption {
            html += "<caption>\(inlineText(caption))</caption>\n"
        }
        if columns > 0 {
            // Widths from the content (TableLayout, as in the DOCX), in per cent of the line.
            html += "<colgroup>"
            for w in layout.widths {
                html += "<col style=\"width: \(SVGNumber.format((w / tableWidthUnits * 1000).rounded(.down) / 10))%\"/>"
            }
            html += "</colgroup>\n"
        }
        if !table.header.isEmpty {
            html += "<thead>\n<tr>"
            for c in 0..<columns {
                let text = c < table.header.count ? table.header[c] : ""
                html += "<th scope=\"col\"\(alignmentClass(table.alignment(ofColumn: c)))>\(inlineText(text))</th>"
            }
            html += "</tr>\n</thead>\n"
        }
        html += "<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            // Short rows are padded so every row has the full set of bordered cells.
            for c in 0..<columns {
                let text = c < row.count ? row[c] : ""
                html += "<td\(classes(c))>\(inlineText(text))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        return html
    }

    /// Figures are kept on one line by their alignment class; a text column that must not wrap
    /// (case numbers) gets `nowrap`.
    static func alignmentClass(_ alignment: Table.Alignment, noWrap: Bool = false) -> String {
        switch alignment {
        case .leading: noWrap ? " class=\"nowrap\"" : ""
        case .center: " class=\"align-center\""
        case .trailing: " class=\"align-right\""
        }
    }
}
