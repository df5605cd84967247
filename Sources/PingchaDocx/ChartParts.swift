import PingchaDocuments

/// The charts of a document as native Word charts: one part `word/charts/chartN.xml` per
/// `.chart` block (in block order), a relationship from document.xml to each, their content
/// type, and the inline `w:drawing` that places each one in the text. Word, WPS and
/// LibreOffice draw them from the figures cached in the part, so the DOCX shows the same
/// charts as the HTML without pictures (and a reader can restyle them in Word).
enum ChartParts {
    /// The n-th chart's relationship id; apart from the rIdN of styles, settings and footers.
    static func relationshipId(_ n: Int) -> String { "rIdChart\(n)" }

    static func partName(_ n: Int) -> String { "word/charts/chart\(n).xml" }

    static func charts(in document: OfficialDocument) -> [Chart] {
        document.blocks.compactMap { if case .chart(let c) = $0 { c } else { nil } }
    }

    /// Chart text in the body's Chinese face at 五号 (10.5 pt), figures in the Latin face.
    static func font(_ options: DocxOptions) -> ChartSpace.Font {
        ChartSpace.Font(latin: options.fonts.latin, eastAsia: options.fonts.body, size: 10.5)
    }

    /// `parts` with the chart parts added, and their content types and relationships entered
    /// in [Content_Types].xml and word/_rels/document.xml.rels.
    static func adding(to parts: [(name: String, xml: String)], document: OfficialDocument,
                       options: DocxOptions) -> [(name: String, xml: String)] {
        let charts = charts(in: document)
        guard !charts.isEmpty else { return parts }
        // The embedded workbooks' extension once, each chart's own relationships part.
        var overrides = #"<Default Extension="xlsx" ContentType="\#(ChartDataWorkbook.contentType)"/>"#
        var relationships = ""
        for n in 1...charts.count {
            overrides += #"<Override PartName="/\#(partName(n))" ContentType="\#(ChartSpaceXML.contentType)"/>"#
            relationships += #"<Relationship Id="\#(relationshipId(n))" Type="\#(ChartSpaceXML.relationshipType)" Target="charts/chart\#(n).xml"/>"#
        }
        var out = parts.map { part -> (name: String, xml: String) in
            switch part.name {
            case "[Content_Types].xml": (part.name, inserting(overrides, before: "</Types>", in: part.xml))
            case "word/_rels/document.xml.rels": (part.name, inserting(relationships, before: "</Relationships>", in: part.xml))
            default: part
            }
        }
        // After document.xml and its relationships, as Word orders its own parts.
        let at = (out.firstIndex { $0.name == "word/_rels/document.xml.rels" } ?? out.count - 1) + 1
        let font = font(options)
        out.insert(contentsOf: charts.enumerated().flatMap { i, chart in
            [(partName(i + 1), ChartSpaceXML.make(space(chart, font: font))), ChartDataWorkbook.chartRelationships(i + 1)]
        }, at: min(at, out.count))
        return out
    }

    /// The chart as the DOCX stores it: its figures also in an embedded workbook.
    static func space(_ chart: Chart, font: ChartSpace.Font) -> ChartSpace {
        var space = ChartSpace(chart, font: font)
        space.embeddedDataRelationship = ChartDataWorkbook.relationshipId
        return space
    }

    /// The embedded workbook of each chart: its part name and the workbook's own parts.
    static func dataWorkbooks(in document: OfficialDocument, options: DocxOptions) -> [(name: String, parts: [(name: String, xml: String)])] {
        let font = font(options)
        return charts(in: document).enumerated().map { i, chart in
            (ChartDataWorkbook.partName(i + 1), ChartDataWorkbook.parts(space(chart, font: font)))
        }
    }

    private static func inserting(_ text: String, before end: String, in xml: String) -> String {
        guard let range = xml.range(of: end, options: .backwards) else { return xml }
        var x = xml
        x.insert(contentsOf: text, at: range.lowerBound)
        return x
    }

    // MARK: In the text

    /// The run that places chart `n` in its paragraph: `wp:inline` (it moves with the text,
    /// like a character) at the full width of the type area.
    static func drawing(_ chart: Chart, number n: Int, fonts: String) -> String {
        let size = extent(chart)
        let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
        // The run names its fonts as every run does (they size the line the chart sits on).
        var x = "<w:r><w:rPr>\(fonts)</w:rPr><w:drawing>"
        x += #"<wp:inline xmlns:wp="\#(wp)" distT="0" distB="0" distL="0" distR="0">"#
        x += #"<wp:extent cx="\#(size.cx)" cy="\#(size.cy)"/><wp:effectExtent l="0" t="0" r="0" b="0"/>"#
        x += #"<wp:docPr id="\#(n)" name="图表 \#(n)" descr="\#(XMLText.escape(description(chart)))"/>"#
        x += "<wp:cNvGraphicFramePr/>"
        x += #"<a:graphic xmlns:a="\#(ChartSpaceXML.drawingNamespace)"><a:graphicData uri="\#(ChartSpaceXML.graphicDataURI)">"#
        x += #"<c:chart xmlns:c="\#(ChartSpaceXML.namespace)" r:id="\#(relationshipId(n))"/>"#
        x += "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        return x
    }

    /// Width of the type area; height for the rows a horizontal chart has (9 mm a bar, room
    /// for the axis), a fixed height for columns and lines. In EMU (36 000 per mm).
    static func extent(_ chart: Chart) -> (cx: Int, cy: Int) {
        let mm = 36_000
        let cx = PageGeometry.textWidth * 635
        let millimetres: Int
        switch ChartSpace(chart, font: ChartSpace.Font(latin: "", eastAsia: "", size: 10.5)).kind {
        case .bars(horizontal: true):
            let rows = chart.rowCount
            millimetres = min(200, max(60, 24 + 9 * rows))
        case .bars(horizontal: false): millimetres = 75
        case .lines: millimetres = 90
        }
        return (cx, millimetres * mm)
    }

    /// The alternative text: the title and every figure, for readers who cannot see the chart.
    static func description(_ chart: Chart) -> String {
        let items: [String]
        switch chart {
        case .bars(let c): items = c.bars.map { "\($0.label) \($0.caption.isEmpty ? ChartSpaceXML.number($0.value) : $0.caption)" }
        case .intervals(let c): items = c.points.map { "\($0.label) \($0.caption)" }
        case .trend(let c): items = c.series.map { "\($0.label) " + $0.values.map { $0.map(ChartSpaceXML.number) ?? "—" }.joined(separator: "、") }
        }
        return chart.title + "：" + items.joined(separator: "；")
    }
}

extension Chart {
    /// Bars, points or points of the horizontal axis.
    var rowCount: Int {
        switch self {
        case .bars(let c): c.bars.count
        case .intervals(let c): c.points.count
        case .trend(let c): c.points.count
        }
    }
}
