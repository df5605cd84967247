import PingchaDocuments

/// 版记 (GB/T 9704 7.4): at the foot of the last page, between rules the width of the type area —
/// the first and last 0.35 mm, the one between 0.25 mm — 抄送 on one line (4号, one character in,
/// a wrapped line under the first name), 印发机关 one character in on the left and 印发日期 one
/// character in on the right of the next.
///
/// Written as a one-column table floating at the bottom of the type area (w:tblpPr
/// tblpYSpec="bottom"), anchored to a hairline paragraph after it: wherever the text ends, the
/// 版记 sits on the last line of the last page, and text never runs under it. A table rather
/// than paragraph borders because a paragraph's border would stop at its one-character indents.
/// Placed from the page's left edge (horzAnchor="page", tblpX = the left margin): LibreOffice
/// floats a table that spans the type area only when it is positioned against the page, and
/// lays a full-width table relative to the margin in line with the text instead. No cell
/// margins, so the rules start at the type area's edge; the indents are the paragraphs'.
extension DocumentXML {
    /// 0.35 mm and 0.25 mm in eighths of a point (1 pt = 0.353 mm, 0.75 pt = 0.265 mm).
    static let colophonThickRule = 8
    static let colophonThinRule = 6

    mutating func write(_ colophon: Colophon) {
        let printed = [colophon.printedBy, colophon.printedOnText].compactMap { $0 }.filter { !$0.isEmpty }
        guard colophon.copyToLine != nil || !printed.isEmpty else { return }
        let width = PageGeometry.textWidth
        let oneCharacter = Twips.characters(1, atPoints: StylesXML.colophonSize)
        let fonts = WordML.fonts(latin: options.fonts.latin, eastAsia: ParagraphStyle.colophon.eastAsiaFont(options.fonts))
        func rule(_ side: String, _ size: Int?) -> String {
            guard let size else { return #"<w:\#(side) w:val="nil"/>"# }
            return #"<w:\#(side) w:val="single" w:sz="\#(size)" w:space="0" w:color="000000"/>"#
        }
        func row(_ pPr: String, _ text: String) -> String {
            var x = #"<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>"#
            x += #"<w:p><w:pPr><w:pStyle w:val="\#(ParagraphStyle.colophon.id)"/>\#(pPr)</w:pPr>"#
            x += "<w:r><w:rPr>\(fonts)</w:rPr>\(WordML.runContent(text))</w:r></w:p></w:tc></w:tr>"
            return x
        }

        var x = "<w:tbl><w:tblPr>"
        x += #"<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="\#(PageGeometry.left)" w:tblpYSpec="bottom"/>"#
        x += #"<w:tblOverlap w:val="never"/>"#
        x += #"<w:tblW w:w="\#(width)" w:type="dxa"/><w:jc w:val="center"/>"#
        x += "<w:tblBorders>" + rule("top", Self.colophonThickRule) + rule("left", nil) + rule("bottom", Self.colophonThickRule)
            + rule("right", nil) + rule("insideH", Self.colophonThinRule) + rule("insideV", nil) + "</w:tblBorders>"
        x += #"<w:tblLayout w:type="fixed"/>"#
        x += #"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>"#
        x += #"</w:tblPr><w:tblGrid><w:gridCol w:w="\#(width)"/></w:tblGrid>"#
        if let copyTo = colophon.copyToLine {
            // One character in; 抄送： is three more, and a second line starts under the first name.
            let lead = 3 * oneCharacter
            x += row(#"<w:ind w:left="\#(oneCharacter + lead)" w:right="\#(oneCharacter)" w:hanging="\#(lead)"/>"#, copyTo)
        }
        if !printed.isEmpty {
            // 印发机关 one character in, the date against a right tab one character in from the
            // right edge (tab stops count from the cell's edge).
            let stop = width - oneCharacter
            x += row(#"<w:tabs><w:tab w:val="right" w:pos="\#(stop)"/></w:tabs><w:ind w:left="\#(oneCharacter)" w:right="\#(oneCharacter)"/>"#,
                     colophon.printedBy.flatMap { $0.isEmpty ? nil : $0 }.map { $0 + "\t" + (colophon.printedOnText ?? "") }
                         ?? "\t" + (colophon.printedOnText ?? ""))
        }
        x += "</w:tbl>"
        // The anchor: a hairline paragraph, so it never needs a page of its own.
        x += #"<w:p><w:pPr><w:pStyle w:val="\#(ParagraphStyle.colophon.id)"/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>"#
        if pageBreakPending { pageBreakPending = false }
        out += x
    }
}
