import PingchaDocuments

/// A `Table` as a `w:tbl`: the full width of the type area, single borders, a header row that
/// repeats on every page, rows that never split across pages.
enum TableXML {
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
        let widths = columnWidths(table, columns: columns, total: PageGeometry.textWidth,
                                  unit: Twips.points(fontSize / 2))

        var x = "<w:tbl><w:tblPr>"
        x += #"<w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>"#
        x += borders
        // Fixed layout: the widths below hold in Word, WPS and LibreOffice alike instead of each
        // application's own auto-fit.
        x += #"<w:tblLayout w:type="fixed"/>"#
        // 1 mm above and below the text: single-spaced 小四 rows are otherwise cramped.
        x += #"<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>"#
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

    /// Widths in twips that add up to `total`. Each column first gets what it needs on one line
    /// (its longest cell or header); when that is too wide for the type area, headers wrap to two
    /// lines (those that save most first), then the widest columns give way (their text wraps),
    /// so figures stay on one line. Room left over is shared in proportion. `unit` is half an em
    /// of the table text in twips.
    static func columnWidths(_ table: Table, columns: Int, total: Int, unit: Int) -> [Int] {
        // The cell margins (2 × 108 twips), 3 pt of air and half an em for fonts whose Latin
        // glyphs run wider than half an em (the fallbacks of 仿宋_GB2312).
        let padding = 2 * 108 + 60 + unit
        var cells = [Int](repeating: 4, count: columns)
        for row in table.rows {
            for (column, text) in row.enumerated() { cells[column] = max(cells[column], displayWidth(text)) }
        }
        let headers = (0..<columns).map { $0 < table.header.count ? displayWidth(table.header[$0]) : 0 }
        func twips(_ units: Int) -> Int { units * unit + padding }
        var need = (0..<columns).map { twips(max(cells[$0], headers[$0])) }
        func excess() -> Int { need.reduce(0, +) - total }

        // Headers onto two lines, the biggest saving first (ties: leftmost).
        let savings = (0..<columns).map { need[$0] - twips(max(cells[$0], (headers[$0] + 1) / 2)) }
        for column in (0..<columns).sorted(by: { savings[$0] != savings[$1] ? savings[$0] > savings[$1] : $0 < $1 })
        where excess() > 0 && savings[column] > 0 {
            need[column] -= savings[column]
        }
        // Then the widest column gives way, half an em at a time, down to two characters.
        let floor = (0..<columns).map { twips(max(4, (headers[$0] + 1) / 2)) }
        while excess() > 0 {
            guard let widest = (0..<columns).filter({ need[$0] > floor[$0] }).max(by: { need[$0] < need[$1] }) else { break }
            need[widest] = max(floor[widest], need[widest] - min(unit, excess()))
        }
        let sum = need.reduce(0, +)
        var widths = need.map { total * $0 / sum }
        widths[columns - 1] += total - widths.reduce(0, +)
        return widths
    }

    /// Width in half-em units: a Chinese character counts 2, a Latin letter or digit 1. For the
    /// longest line when a cell holds several.
    static func displayWidth(_ text: String) -> Int {
        var longest = 0, current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                longest = max(longest, current)
                current = 0
            } else {
                // % and capitals are nearly an em wide in the Chinese fonts.
                current += scalar.value >= 0x2E80 || scalar == "%" || ("A"..."Z").contains(scalar) ? 2 : 1
            }
        }
        return max(longest, current)
    }
}
