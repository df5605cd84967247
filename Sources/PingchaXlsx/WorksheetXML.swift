/// The parts of a worksheet around its rows. The head holds what is known only once every
/// row is written (the used range, the column widths), so it is assembled at the end.
/// Elements follow the schema's order (sheetPr, dimension, sheetViews, sheetFormatPr, cols,
/// sheetData, …, autoFilter, …, pageMargins, pageSetup): Excel repairs files that break it.
enum WorksheetXML {
    static func head(columns: Int, rows: Int, widths: [Double], selected: Bool) -> String {
        var x = PackageXML.declaration
        x += "<worksheet xmlns=\"\(Namespace.main)\" xmlns:r=\"\(Namespace.officeRelationships)\">"
        // Printing fits the columns to the page width (see pageSetup).
        x += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        x += "<dimension ref=\"\(CellReference.range(columns: columns, rows: rows))\"/>"
        x += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        if columns > 0 {
            x += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            x += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
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

    static func tail(columns: Int, rows: Int) -> String {
        var x = "</sheetData>"
        if columns > 0 { x += "<autoFilter ref=\"\(CellReference.range(columns: columns, rows: rows))\"/>" }
        x += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        // A4 landscape, all columns on one page width, as many pages down as needed.
        x += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return x + "</worksheet>"
    }
}
