import PingchaDocuments

/// word/document.xml: 版头, 标题, 主送机关, 正文, 附件说明, 署名, 附件, 版记 and the section with the
/// GB/T 9704 page. The 附件 and 版记 are written in DocumentXML+Attachments and
/// DocumentXML+Colophon.
struct DocumentXML {
    let options: DocxOptions
    var out = ""
    /// A page break waits for the next paragraph, which then starts the page
    /// (w:pageBreakBefore), so the new page does not begin with an empty line.
    var pageBreakPending = false
    /// Charts written so far: the n-th is word/charts/chartN.xml (``ChartParts``).
    private var chartsWritten = 0

    /// Direct paragraph properties beyond the style. Rendered in the order CT_PPr requires.
    struct ParagraphProperties {
        var keepNext = false
        var bottomBorderColor: String?
        var spacingBefore: Int?
        var spacingAfter: Int?
        /// Right indent in characters of the body grid (署名, 成文日期).
        var rightCharacters: Double?
        /// Left and hanging indents in characters of the body grid (附件说明).
        var leftCharacters: Double?
        var hangingCharacters: Double?
    }

    static func make(_ document: OfficialDocument, options: DocxOptions, footers: FooterPlan) -> String {
        var writer = DocumentXML(options: options)
        writer.writeHead(document)
        for block in document.blocks { writer.write(block) }
        if let note = document.attachmentNote { writer.write(note) }
        if let signature = document.signature { writer.write(signature) }
        for index in document.attachments.indices { writer.writeAttachment(of: document, at: index) }
        if let colophon = document.colophon { writer.write(colophon) }
        var x = WordML.declaration
        x += "<w:document \(WordML.namespaces)><w:body>"
        x += writer.out
        x += sectionProperties(footers)
        x += "</w:body></w:document>"
        return x
    }

    private init(options: DocxOptions) {
        self.options = options
    }

    // MARK: 版头 and 标题

    private mutating func writeHead(_ document: OfficialDocument) {
        let issuer = document.issuer.flatMap { $0.isEmpty ? nil : $0 }
        let number = document.documentNumber.flatMap { $0.isEmpty ? nil : $0 }
        let line = options.redHeader ? WordML.red : nil
        // GB/T 9704 7.2: 发文字号 two lines under the issuer, the red line 4 mm under the number
        // (or the issuer when there is no number), the title two lines under the red line.
        let twoLines = 2 * PageGeometry.linePitch
        if let issuer {
            var p = ParagraphProperties()
            if number != nil { p.spacingAfter = twoLines } else { p.bottomBorderColor = line }
            paragraph(.issuer, p, runs: [Run(issuer)])
        }
        if let number {
            paragraph(.documentNumber, ParagraphProperties(bottomBorderColor: line), runs: [Run(number)])
        }
        let hasHead = issuer != nil || number != nil
        paragraph(.title, ParagraphProperties(spacingBefore: hasHead ? twoLines : nil), runs: [Run(document.title)])
        if let recipients = document.recipients, !recipients.isEmpty {
            paragraph(.recipients, ParagraphProperties(), runs: [Run(recipients)])
        }
    }

    // MARK: 正文

    mutating func write(_ block: Block) {
        switch block {
        case .heading(let level, let text):
            let style: ParagraphStyle = level <= 1 ? .heading1 : level == 2 ? .heading2 : .heading3
            paragraph(style, ParagraphProperties(), runs: [Run(text)])
        case .paragraph(let runs):
            paragraph(.body, ParagraphProperties(), runs: runs)
        case .table(let table):
            write(table)
        case .chart(let chart):
            write(chart)
        case .pageBreak:
            pageBreakPending = true
        }
    }

    private mutating func write(_ table: Table) {
        let markup = TableXML.make(table, fonts: options.fonts, fontSize: options.tableFontSize)
        if let caption = table.caption, !caption.isEmpty {
            paragraph(.caption, ParagraphProperties(), runs: [Run(caption)])
        }
        guard !markup.isEmpty else { return }
        if pageBreakPending {
            // A table cannot start a page by itself: break in a paragraph of its own.
            out += #"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>"#
            pageBreakPending = false
        }
        out += markup
        // Word needs a paragraph between two tables (else it merges them) and the half line of
        // space keeps the following text off the bottom border.
        out += #"<w:p><w:pPr><w:pStyle w:val="Body"/><w:spacing w:line="\#(PageGeometry.linePitch / 2)" w:lineRule="exact"/></w:pPr></w:p>"#
    }

    /// A native chart (``ChartParts``) in a centred paragraph of its own, kept with its
    /// caption, which goes under it (图题在图下, as 表题 goes above the table).
    private mutating func write(_ chart: Chart) {
        chartsWritten += 1
        // TableText: single line spacing, which an inline drawing needs (the body's exact
        // 22-lines-a-page spacing would cut it to one line's height), and no first-line indent.
        out += #"<w:p><w:pPr><w:pStyle w:val="\#(ParagraphStyle.tableText.id)"/><w:keepNext/>"#
        if pageBreakPending {
            out += "<w:pageBreakBefore/>"
            pageBreakPending = false
        }
        // Off the document grid: a drawing on it would be stretched to whole grid lines.
        out += #"<w:snapToGrid w:val="0"/><w:spacing w:before="\#(PageGeometry.linePitch / 2)"/><w:jc w:val="center"/></w:pPr>"#
        out += ChartParts.drawing(chart, number: chartsWritten,
                                  fonts: WordML.fonts(latin: options.fonts.latin, eastAsia: ParagraphStyle.tableText.eastAsiaFont(options.fonts)))
        out += "</w:p>"
        guard !chart.title.isEmpty else { return }
        // The caption style keeps with the next paragraph (a table's caption stands above
        // it); a figure's caption is the last of its group.
        out += #"<w:p><w:pPr><w:pStyle w:val="\#(ParagraphStyle.caption.id)"/><w:keepNext w:val="0"/>"#
        out += #"<w:spacing w:after="\#(PageGeometry.linePitch / 2)"/></w:pPr>"#
        let fonts = WordML.fonts(latin: options.fonts.latin, eastAsia: ParagraphStyle.caption.eastAsiaFont(options.fonts))
        out += "<w:r><w:rPr>\(fonts)</w:rPr>\(WordML.runContent(chart.title))</w:r></w:p>"
    }

    // MARK: 署名 and 成文日期

    /// GB/T 9704 7.3.5.1 (加盖印章的公文): the date four characters in from the right, the
    /// organisation centred over it; when the organisation is much the longer, it stays two
    /// characters in and the date is centred under it instead.
    private mutating func write(_ signature: Signature) {
        let orgWidth = Double(TableXML.displayWidth(signature.organisation)) / 2
        let dateWidth = Double(TableXML.displayWidth(signature.date)) / 2
        var dateRight = 4.0
        var orgRight = dateRight + (dateWidth - orgWidth) / 2
        if orgRight < 2 {
            orgRight = 2
            dateRight = orgRight + (orgWidth - dateWidth) / 2
        }
        if !signature.organisation.isEmpty {
            paragraph(.signature, ParagraphProperties(keepNext: true, spacingBefore: 2 * PageGeometry.linePitch,
                                                      rightCharacters: orgRight),
                      runs: [Run(signature.organisation)])
        }
        if !signature.date.isEmpty {
            let before = signature.organisation.isEmpty ? 2 * PageGeometry.linePitch : nil
            paragraph(.signature, ParagraphProperties(spacingBefore: before, rightCharacters: dateRight),
                      runs: [Run(signature.date)])
        }
    }

    // MARK: Markup

    mutating func paragraph(_ style: ParagraphStyle, _ p: ParagraphProperties, runs: [Run]) {
        out += #"<w:p><w:pPr><w:pStyle w:val="\#(style.id)"/>"#
        if p.keepNext { out += "<w:keepNext/>" }
        if pageBreakPending {
            out += "<w:pageBreakBefore/>"
            pageBreakPending = false
        }
        if let color = p.bottomBorderColor {
            // 版头分隔线: w:space is in points, 4 mm ≈ 11 pt below the text.
            out += #"<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="11" w:color="\#(color)"/></w:pBdr>"#
        }
        if p.spacingBefore != nil || p.spacingAfter != nil {
            out += "<w:spacing"
            if let before = p.spacingBefore { out += #" w:before="\#(before)""# }
            if let after = p.spacingAfter { out += #" w:after="\#(after)""# }
            out += "/>"
        }
        if p.leftCharacters != nil || p.rightCharacters != nil || p.hangingCharacters != nil {
            // Twips for readers without the w:…Chars attributes, characters for Word and WPS.
            out += "<w:ind"
            for (name, chars) in [("left", p.leftCharacters), ("right", p.rightCharacters), ("hanging", p.hangingCharacters)] {
                guard let chars else { continue }
                out += #" w:\#(name)="\#(Twips.gridCharacters(chars))" w:\#(name)Chars="\#(Int((chars * 100).rounded()))""#
            }
            out += "/>"
        }
        out += "</w:pPr>"
        let fonts = WordML.fonts(latin: options.fonts.latin, eastAsia: style.eastAsiaFont(options.fonts))
        for run in runs {
            let content = WordML.runContent(run.text)
            guard !content.isEmpty else { continue }
            out += "<w:r><w:rPr>\(fonts)"
            if run.strong { out += "<w:b/><w:bCs/>" }
            out += "</w:rPr>\(content)</w:r>"
        }
        out += "</w:p>"
    }

    private static func sectionProperties(_ footers: FooterPlan) -> String {
        var x = "<w:sectPr>"
        for footer in footers.parts {
            x += #"<w:footerReference w:type="\#(footer.type)" r:id="\#(footer.relationshipId)"/>"#
        }
        x += #"<w:pgSz w:w="\#(PageGeometry.width)" w:h="\#(PageGeometry.height)"/>"#
        x += #"<w:pgMar w:top="\#(PageGeometry.top)" w:right="\#(PageGeometry.right)" w:bottom="\#(PageGeometry.bottom)" w:left="\#(PageGeometry.left)""#
        x += #" w:header="851" w:footer="\#(PageGeometry.footerDistance)" w:gutter="0"/>"#
        x += #"<w:pgNumType w:fmt="decimal" w:start="1"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="\#(PageGeometry.linePitch)"/>"#
        x += "</w:sectPr>"
        return x
    }
}
