import PingchaDocuments

/// A `Table` as a `w:tbl`: the full width of the type area, single borders, a header row that
/// repeats on every page, rows that never split across pages, column widths from the content
/// (``TableLayout``, shared with the HTML).
enum TableXML {
    /// Cell margins left and right: 1 mm, as in Word's own tables (0.19 cm); every twip of
    /// padding is taken from the text columns of a six-column table.
    static let cellMargin = 57

    /// Single 0.5 pt lines around and between all cells.
    static let borders: String = {
        let line = #"w:val="single" w:sz="4" w:space="0" w:color="000000""#
        return "<w:tblBorders><w:top \(line)/><w:left \(line)/><w:bottom \(line)/><w:right \(line)/>"
            + "<w:insideH \(line)/><w:insideV \(line)/></w:tblBorders>"
    }()

    /// The table markup, or "" when it has no columns (Word rejects a w:tbl without rows).
    static func make(_ table: Table, fonts: DocxOptions.Fonts, fontSize: Double) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        let widths = columnWidths(table, total: PageGeometry.textWidth, unit: Twips.points(fontSize / 2))

        var x = "<w:tbl><w:tblPr>"
        x += #"<w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>"#
        x += borders
        // Fixed layout: the widths below hold in Word, WPS and LibreOffice alike instead of each
        // application's own auto-fit.
        x += #"<w:tblLayout w:type="fixed"/>"#
        // 1 mm above and below the text: single-spaced 小四 rows are otherwise cramped.
        x += #"<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="\#(cellMargin)" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="\#(cellMargin)" w:type="dxa"/></w:tblCellMar>"#
        x += "</w:tblPr><w:tblGrid>"
        for w in widths { x += #"<w:gridCol w:w="\#(w)"/>"# }
        x += "</w:tblGrid>"
        if !table.header.isEmpty {
            x += row(table.header, columns: columns, widths: widths, isHeader: true, table: table, fonts: fonts)
        }
        for cells in table.rows {
            x += row(cells, columns: columns, widths: widths, isHeader: false, table: table, fonts: fonts)
        }
        x += "</w:tbl>"
        return x
    }

    private static func row(_ cells: [String], columns: Int, widths: [Int], isHeader: Bool, table: Table,
                            fonts: DocxOptions.Fonts) -> String {
        var x = "<w:tr><w:trPr><w:cantSplit/>"
        if isHeader { x += "<w:tblHeader/>" }
        x += "</w:trPr>"
        let style: ParagraphStyle = isHeader ? .tableHeading : .tableText
        let rFonts = WordML.fonts(latin: fonts.latin, eastAsia: style.eastAsiaFont(fonts))
        for column in 0..<columns {
            let text = column < cells.count ? cells[column] : ""
            x += #"<w:tc><w:tcPr><w:tcW w:w="\#(widths[column])" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>"#
            x += #"<w:p><w:pPr><w:pStyle w:val="\#(style.id)"/>"#
            if !isHeader { x += #"<w:jc w:val="\#(jc(table.alignment(ofColumn: column)))"/>"# }
            x += "</w:pPr>"
            let content = WordML.runContent(text)
            if !content.isEmpty { x += "<w:r><w:rPr>\(rFonts)</w:rPr>\(content)</w:r>" }
            x += "</w:p></w:tc>"
        }
        x += "</w:tr>"
        return x
    }

    /// `left`/`right` rather than the newer `start`/`end`, which Word 2007 and older WPS refuse.
    private static func jc(_ alignment: Table.Alignment) -> String {
        switch alignment {
        case .leading: "left"
        case .center: "center"
        case .trailing: "right"
        }
    }

    /// Widths in twips that add up to `total`, from ``TableLayout``. `unit` is half an em of the
    /// table text in twips; each column has its two cell margins and 1 pt of air beyond its text.
    static func columnWidths(_ table: Table, total: Int, unit: Int) -> [Int] {
        let padding = Double(2 * cellMargin + 20) / Double(unit)
        let layout = TableLayout.make(table, available: Double(total) / Double(unit), padding: padding)
        guard !layout.widths.isEmpty else { return [] }
        var widths = layout.widths.map { Int(($0 * Double(unit)).rounded(.down)) }
        widths[widths.count - 1] += total - widths.reduce(0, +)
        return widths
    }

    /// Width in half-em units (``TableLayout/displayWidth(_:)``).
    static func displayWidth(_ text: String) -> Int { TableLayout.displayWidth(text) }
}
