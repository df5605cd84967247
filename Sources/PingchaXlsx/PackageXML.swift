import PingchaDocuments

enum Namespace {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
}

/// The parts around the worksheets: content types, relationships, the workbook, properties.
enum PackageXML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// What workbook.xml needs to know of each worksheet part.
    struct SheetEntry {
        var name: String
        var columns: Int
        var rows: Int
        /// Rows of the header (printed on every page; the last one carries the filter).
        var headerRows = 1
        /// Columns printed again at the left of every page (0: none).
        var printColumns = 0
    }

    static func contentTypes(sheetCount: Int, sharedStrings: Bool = false, drawings: Int = 0, charts: Int = 0) -> String {
        var x = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        x += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        x += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        x += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for n in stride(from: 1, through: sheetCount, by: 1) {
            x += "<Override PartName=\"/xl/worksheets/sheet\(n).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        x += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        if sharedStrings {
            x += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        }
        for n in stride(from: 1, through: drawings, by: 1) {
            x += "<Override PartName=\"/xl/drawings/drawing\(n).xml\" ContentType=\"\(DrawingXML.contentType)\"/>"
        }
        for n in stride(from: 1, through: charts, by: 1) {
            x += "<Override PartName=\"/xl/charts/chart\(n).xml\" ContentType=\"\(ChartSpaceXML.contentType)\"/>"
        }
        x += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        x += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return x + "</Types>"
    }

    static let rootRelationships = declaration
        + "<Relationships xmlns=\"\(Namespace.packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(Namespace.officeRelationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(Namespace.packageRelationships)/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(Namespace.officeRelationships)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    /// Worksheets are rId1…rIdN, the styles part comes after them, then the shared strings.
    static func workbookRelationships(sheetCount: Int, sharedStrings: Bool = false) -> String {
        var x = declaration + "<Relationships xmlns=\"\(Namespace.packageRelationships)\">"
        for n in stride(from: 1, through: sheetCount, by: 1) {
            x += "<Relationship Id=\"rId\(n)\" Type=\"\(Namespace.officeRelationships)/worksheet\" Target=\"worksheets/sheet\(n).xml\"/>"
        }
        x += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(Namespace.officeRelationships)/styles\" Target=\"styles.xml\"/>"
        if sharedStrings {
            x += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(Namespace.officeRelationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        return x + "</Relationships>"
    }

    static func workbook(sheets: [SheetEntry]) -> String {
        var x = declaration + "<workbook xmlns=\"\(Namespace.main)\" xmlns:r=\"\(Namespace.officeRelationships)\">"
        x += "<workbookPr/>"
        x += "<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"15000\" activeTab=\"0\"/></bookViews>"
        x += "<sheets>"
        for (i, sheet) in sheets.enumerated() {
            x += "<sheet name=\"\(XMLText.escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        x += "</sheets>"
        if sheets.contains(where: { $0.columns > 0 }) {
            // Excel keeps the autofilter's range in this hidden name and rewrites a file
            // without it; Print_Titles repeats the header row on every printed page.
            // Excel lists defined names sorted by name.
            x += "<definedNames>"
            for (i, sheet) in sheets.enumerated() where sheet.columns > 0 {
                x += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                let range = CellReference.absoluteRange(columns: sheet.columns, rows: sheet.rows, fromRow: sheet.headerRows)
                x += XMLText.escape("\(quoted(sheet.name))!\(range)")
                x += "</definedName>"
            }
            for (i, sheet) in sheets.enumerated() where sheet.columns > 0 {
                x += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">"
                var titles = ""
                if sheet.printColumns > 0 {
                    titles += "\(quoted(sheet.name))!$A:$\(CellReference.columnLetters(min(sheet.printColumns, sheet.columns) - 1)),"
                }
                titles += "\(quoted(sheet.name))!$1:$\(sheet.headerRows)"
                x += XMLText.escape(titles)
                x += "</definedName>"
            }
            x += "</definedNames>"
        }
        x += "<calcPr calcId=\"191029\"/>"
        return x + "</workbook>"
    }

    /// A sheet name as formulas refer to it: quoted, inner apostrophes doubled.
    static func quoted(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func core(title: String?) -> String {
        var x = declaration
        x += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        x += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        x += " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        if let title, !title.isEmpty { x += "<dc:title>\(XMLText.escape(title))</dc:title>" }
        // No dates: the same input must give the same bytes.
        x += "<dc:creator>Pingcha</dc:creator>"
        return x + "</cp:coreProperties>"
    }

    static let app = declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
        + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        + "<Application>Pingcha</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        + "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        + "</Properties>"
}
