import PingchaDocuments

/// The small workbook embedded beside each chart of a DOCX (`word/embeddings/…xlsx`), holding the
/// figures the chart's formulas point to (`Sheet1!$A$2:$A$9`, `Sheet1!$B$1` …): categories in
/// column A from row 2, each series' name in row 1 and its values under it. With it, Word's and
/// WPS's "编辑数据" opens the figures instead of saying the linked file is missing, and a bureau that
/// corrects a figure in the bulletin can correct the chart too.
///
/// Only the parts a spreadsheet needs to open: no styles (default formatting), strings inline.
enum ChartDataWorkbook {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
    /// The chart part's relationship to its workbook.
    static let relationshipId = "rIdChartData"

    static func partName(_ n: Int) -> String { "word/embeddings/Microsoft_Excel_Worksheet\(n).xlsx" }

    /// `word/charts/_rels/chartN.xml.rels`.
    static func chartRelationships(_ n: Int) -> (name: String, xml: String) {
        ("word/charts/_rels/chart\(n).xml.rels",
         #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="\#(relationshipId)" Type="\#(relationshipType)" Target="../embeddings/Microsoft_Excel_Worksheet\#(n).xlsx"/>"#
            + "</Relationships>")
    }

    /// The workbook's parts, for ``ZipPackage``.
    static func parts(_ chart: ChartSpace) -> [(name: String, xml: String)] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        return [
            ("[Content_Types].xml", head + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
                + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
                + #"<Default Extension="xml" ContentType="application/xml"/>"#
                + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
                + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
                + "</Types>"),
            ("_rels/.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", head + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)">"#
                + #"<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", head + #"<worksheet xmlns="\#(main)"><sheetData>"# + rows(chart) + "</sheetData></worksheet>"),
        ]
    }

    /// Row 1: the series' names over columns B…; then a row per category, its label in A.
    static func rows(_ chart: ChartSpace) -> String {
        func text(_ reference: String, _ value: String) -> String {
            #"<c r="\#(reference)" t="inlineStr"><is><t>\#(XMLText.escape(value))</t></is></c>"#
        }
        var x = #"<row r="1">"#
        for (i, series) in chart.series.enumerated() { x += text(ChartSpaceXML.columnLetters(i + 1) + "1", series.name) }
        x += "</row>"
        for (r, category) in chart.categories.enumerated() {
            let row = r + 2
            x += #"<row r="\#(row)">"# + text("A\(row)", category)
            for (i, series) in chart.series.enumerated() {
                guard r < series.values.count, let value = series.values[r], value.isFinite else { continue }
                x += #"<c r="\#(ChartSpaceXML.columnLetters(i + 1))\#(row)"><v>\#(ChartSpaceXML.number(value))</v></c>"#
            }
            x += "</row>"
        }
        return x
    }
}
