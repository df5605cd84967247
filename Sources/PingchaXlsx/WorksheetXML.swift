/// The parts of a worksheet around its rows. The head holds what is known only once every
/// row is written (the used range, the column widths), so it is assembled at the end.
/// Elements follow the schema's order (sheetPr, dimension, sheetViews, sheetFormatPr, cols,
/// sheetData, sheetProtection, autoFilter, mergeCells, dataValidations, pageMargins, pageSetup, headerFooter, rowBreaks,
/// drawing): Excel repairs files that break it.
enum WorksheetXML {
    /// `headerRows` rows above the data are frozen; the last of them carries the filter.
    static func head(columns: Int, rows: Int, widths: [Double], selected: Bool, headerRows: Int = 1,
                     page: PageLayout = PageLayout(landscape: true, fitsWidth: true)) -> String {
        var x = PackageXML.declaration
        x += "<worksheet xmlns=\"\(Namespace.main)\" xmlns:r=\"\(Namespace.officeRelationships)\">"
        // Printing fits the columns to the page width where the sheet is narrow enough
        // (see pageSetup and ``PageLayout``).
        x += page.fitsWidth ? "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" : "<sheetPr><pageSetUpPr fitToPage=\"0\"/></sheetPr>"
        x += "<dimension ref=\"\(CellReference.range(columns: columns, rows: rows))\"/>"
        x += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        if columns > 0 {
            let first = headerRows + 1
            x += "<pane ySplit=\"\(headerRows)\" topLeftCell=\"A\(first)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            x += "<selection pane=\"bottomLeft\" activeCell=\"A\(first)\" sqref=\"A\(first)\"/>"
        }
        x += "</sheetView></sheetViews>"
        x += "<sheetFormatPr defaultRowHeight=\"14.25\"/>"
        if !widths.isEmpty {
            x += "<cols>"
            for (i, width) in widths.enumerated() {
                x += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            x += "</cols>"
        }
        return x + "<sheetData>"
    }

    static func tail(columns: Int, rows: Int, headerRows: Int = 1, merges: [String] = [],
                     page: PageLayout = PageLayout(landscape: true, fitsWidth: true), breaks: [Int] = [],
                     drawing: Bool = false, protected: Bool = false, validations: String = "") -> String {
        var x = "</sheetData>"
        // No password: protection guards against slips, not people (an office may lift it).
        // Filtering and column widths stay free, as in a sheet one reads and sorts.
        if protected {
            x += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\" autoFilter=\"0\"/>"
        }
        if columns > 0 { x += "<autoFilter ref=\"\(CellReference.range(columns: columns, fromRow: headerRows, rows: rows))\"/>" }
        if !merges.isEmpty {
            x += "<mergeCells count=\"\(merges.count)\">"
            for m in merges { x += "<mergeCell ref=\"\(m)\"/>" }
            x += "</mergeCells>"
        }
        x += validations
        x += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        // A4; fitted: all columns on one page width, as many pages down as needed; otherwise
        // at full size, across then down.
        x += "<pageSetup paperSize=\"9\""
        x += page.fitsWidth ? "" : " pageOrder=\"overThenDown\""
        x += " orientation=\"\(page.landscape ? "landscape" : "portrait")\""
        x += page.fitsWidth ? " fitToWidth=\"1\" fitToHeight=\"0\"/>" : "/>"
        // The sheet's name at the top, "第 n 页，共 m 页" at the bottom.
        x += "<headerFooter><oddHeader>&amp;L&amp;A</oddHeader><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"
        if !breaks.isEmpty {
            // Manual page breaks above these (0-based) rows: a chart starts a page of its own
            // rather than being cut in two.
            x += "<rowBreaks count=\"\(breaks.count)\" manualBreakCount=\"\(breaks.count)\">"
            for row in breaks { x += "<brk id=\"\(row)\" max=\"16383\" man=\"1\"/>" }
            x += "</rowBreaks>"
        }
        if drawing { x += "<drawing r:id=\"rId1\"/>" }
        return x + "</worksheet>"
    }
}
