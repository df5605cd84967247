/// The chart part (`word/charts/chartN.xml`, `xl/charts/chartN.xml`) for a ``ChartSpace``:
/// one writer for both packages, so a chart reads the same in the bulletin and the workbooks.
///
/// Elements follow the schema's sequences (CT_ChartSpace, CT_Chart, CT_BarSer, CT_CatAx,
/// CT_ValAx …): Word refuses a chart part that breaks them, where LibreOffice is lenient.
/// Every series holds its figures in `c:strCache`/`c:numCache` — what Word, WPS and
/// LibreOffice draw from — and, where the chart has cells behind it, the formula Excel
/// reads. Without cells the formulas point into a sheet of an embedded table Word would
/// make (`Sheet1!$B$2:$B$5`), as Word itself writes them; the caches are then the data.
public enum ChartSpaceXML {
    public static let namespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    public static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
    public static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// The relationship from a document or drawing to its chart part.
    public static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
    public static let contentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    /// `a:graphicData/@uri` of a chart inside a drawing.
    public static let graphicDataURI = "http://schemas.openxmlformats.org/drawingml/2006/chart"

    /// Colours of the series in order: the dark blue of the HTML charts first (it prints as a
    /// dark grey), then hues that also differ in lightness.
    static let palette = ["1F4E79", "C0392B", "2E7D32", "D4860B", "6A1B9A", "546E7A", "00838F", "8D6E63"]
    /// Line series also differ by dash and marker, for black-and-white print.
    static let dashes = ["solid", "dash", "sysDot", "lgDashDot", "sysDash", "dot", "lgDash", "dashDot"]
    static let markers = ["circle", "square", "triangle", "diamond", "circle", "triangle", "square", "diamond"]

    private static let categoryAxisId = 50_010_001
    private static let valueAxisId = 50_010_002

    public static func make(_ chart: ChartSpace) -> String {
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        x += #"<c:chartSpace xmlns:c="\#(namespace)" xmlns:a="\#(drawingNamespace)" xmlns:r="\#(relationshipsNamespace)">"#
        x += #"<c:date1904 val="0"/><c:lang val="zh-CN"/>"#
        // Word draws rounded corners unless told otherwise.
        x += #"<c:roundedCorners val="0"/>"#
        x += "<c:chart>"
        if let title = chart.title, !title.isEmpty {
            x += self.title(title, font: chart.font)
            x += #"<c:autoTitleDeleted val="0"/>"#
        } else {
            // Otherwise a single-series chart shows its series name as a title.
            x += #"<c:autoTitleDeleted val="1"/>"#
        }
        x += "<c:plotArea><c:layout/>"
        x += plot(chart)
        x += categoryAxis(chart)
        x += valueAxis(chart)
        x += "</c:plotArea>"
        if chart.showsLegend {
            x += #"<c:legend><c:legendPos val="b"/><c:overlay val="0"/>"# + textProperties(chart.font) + "</c:legend>"
        }
        x += #"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>"#
        x += "</c:chart>"
        x += "<c:spPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill>"
        x += chart.framed ? line(width: 9525, colour: "BFBFBF") : "<a:ln><a:noFill/></a:ln>"
        x += "</c:spPr>"
        x += textProperties(chart.font)
        if let id = chart.embeddedDataRelationship {
            x += #"<c:externalData r:id="\#(XMLText.escape(id))"><c:autoUpdate val="0"/></c:externalData>"#
        }
        x += "</c:chartSpace>"
        return x
    }

    // MARK: Plot

    private static func plot(_ chart: ChartSpace) -> String {
        var x: String
        switch chart.kind {
        case .bars(let horizontal):
            x = "<c:barChart><c:barDir val=\"\(horizontal ? "bar" : "col")\"/>"
            x += #"<c:grouping val="clustered"/><c:varyColors val="0"/>"#
        case .lines:
            x = #"<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>"#
        }
        for (index, series) in chart.series.enumerated() {
            x += self.series(series, index: index, chart: chart)
        }
        switch chart.kind {
        case .bars:
            x += chart.series.count > 1 ? #"<c:gapWidth val="80"/><c:overlap val="-10"/>"# : #"<c:gapWidth val="60"/>"#
        case .lines:
            x += #"<c:marker val="1"/>"#
        }
        x += #"<c:axId val="\#(categoryAxisId)"/><c:axId val="\#(valueAxisId)"/>"#
        switch chart.kind {
        case .bars: x += "</c:barChart>"
        case .lines: x += "</c:lineChart>"
        }
        return x
    }

    private static func series(_ s: ChartSpace.Series, index: Int, chart: ChartSpace) -> String {
        let colour = s.colour ?? palette[index % palette.count]
        let column = columnLetters(index + 1)
        var x = #"<c:ser><c:idx val="\#(index)"/><c:order val="\#(index)"/>"#
        x += "<c:tx><c:strRef><c:f>\(XMLText.escape(s.nameReference ?? "Sheet1!$\(column)$1"))</c:f>"
        x += #"<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>\#(XMLText.escape(s.name))</c:v></c:pt></c:strCache></c:strRef></c:tx>"#
        switch chart.kind {
        case .bars:
            x += "<c:spPr><a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>"
            x += #"<c:invertIfNegative val="0"/>"#
        case .lines:
            let dash = dashes[index % dashes.count]
            x += #"<c:spPr><a:ln w="22225" cap="rnd"><a:solidFill><a:srgbClr val="\#(colour)"/></a:solidFill>"#
            x += #"<a:prstDash val="\#(dash)"/><a:round/></a:ln></c:spPr>"#
            x += #"<c:marker><c:symbol val="\#(markers[index % markers.count])"/><c:size val="6"/>"#
            x += #"<c:spPr><a:solidFill><a:srgbClr val="\#(colour)"/></a:solidFill>\#(line(width: 9525, colour: colour))</c:spPr></c:marker>"#
        }
        if chart.showsValues { x += dataLabels(s, chart: chart) }
        if let errors = s.errors, !errors.isEmpty { x += errorBars(errors, kind: chart.kind) }
        let rows = max(chart.categories.count, 1) + 1
        x += "<c:cat><c:strRef><c:f>\(XMLText.escape(chart.categoriesReference ?? "Sheet1!$A$2:$A$\(rows)"))</c:f>"
        x += "<c:strCache><c:ptCount val=\"\(chart.categories.count)\"/>"
        for (i, label) in chart.categories.enumerated() {
            x += #"<c:pt idx="\#(i)"><c:v>\#(XMLText.escape(label))</c:v></c:pt>"#
        }
        x += "</c:strCache></c:strRef></c:cat>"
        x += "<c:val><c:numRef><c:f>\(XMLText.escape(s.valuesReference ?? "Sheet1!$\(column)$2:$\(column)$\(rows)"))</c:f>"
        x += numberCache(s.values, format: chart.numberFormat, count: chart.categories.count)
        x += "</c:numRef></c:val>"
        if case .lines = chart.kind { x += #"<c:smooth val="0"/>"# }
        return x + "</c:ser>"
    }

    /// `c:numCache`: a point per figure; a missing one is left out, which draws as a gap.
    private static func numberCache(_ values: [Double?], format: String, count: Int) -> String {
        var x = "<c:numCache><c:formatCode>\(XMLText.escape(format))</c:formatCode><c:ptCount val=\"\(count)\"/>"
        for (i, value) in values.prefix(count).enumerated() {
            guard let value, value.isFinite else { continue }
            x += #"<c:pt idx="\#(i)"><c:v>\#(number(value))</c:v></c:pt>"#
        }
        return x + "</c:numCache>"
    }

    private static func dataLabels(_ s: ChartSpace.Series, chart: ChartSpace) -> String {
        let position: String
        switch chart.kind {
        // Inside the bar's base when whiskers would cross a label at its end.
        case .bars: position = s.errors == nil ? "outEnd" : "inBase"
        case .lines: position = "t"
        }
        let flags = #"<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>"#
        var x = "<c:dLbls>"
        if let labels = s.labels {
            // A label of its own per point: the caption the HTML chart prints.
            for (i, text) in labels.enumerated() where i < s.values.count && s.values[i] != nil && !text.isEmpty {
                x += #"<c:dLbl><c:idx val="\#(i)"/><c:tx><c:rich><a:bodyPr wrap="none"/><a:lstStyle/><a:p><a:r>"#
                x += runProperties(chart.font, size: chart.font.size, bold: false)
                x += "<a:t>\(XMLText.escape(text))</a:t></a:r></a:p></c:rich></c:tx>"
                x += #"<c:dLblPos val="\#(position)"/>"# + flags + "</c:dLbl>"
            }
        }
        x += #"<c:numFmt formatCode="\#(XMLText.escape(chart.numberFormat))" sourceLinked="0"/>"#
        x += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        // On one line: LibreOffice otherwise breaks "1348（93.9%）" after the bracket.
        x += textProperties(chart.font, wraps: false)
        x += #"<c:dLblPos val="\#(position)"/>"# + flags
        return x + "</c:dLbls>"
    }

    /// Custom error bars from literal figures: the interval is not in any cell.
    private static func errorBars(_ errors: [ChartSpace.ErrorRange], kind: ChartSpace.Kind) -> String {
        var x = "<c:errBars>"
        // Bars take their error direction from the bar direction; lines need it said.
        if case .lines = kind { x += #"<c:errDir val="y"/>"# }
        x += #"<c:errBarType val="both"/><c:errValType val="cust"/><c:noEndCap val="0"/>"#
        for (name, values) in [("plus", errors.map(\.plus)), ("minus", errors.map(\.minus))] {
            x += "<c:\(name)><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"\(values.count)\"/>"
            for (i, v) in values.enumerated() {
                x += #"<c:pt idx="\#(i)"><c:v>\#(number(max(0, v.isFinite ? v : 0)))</c:v></c:pt>"#
            }
            x += "</c:numLit></c:\(name)>"
        }
        x += "<c:spPr>\(line(width: 12700, colour: "404040"))</c:spPr>"
        return x + "</c:errBars>"
    }

    // MARK: Axes

    private static func categoryAxis(_ chart: ChartSpace) -> String {
        let horizontal = chart.kind == .bars(horizontal: true)
        var x = #"<c:catAx><c:axId val="\#(categoryAxisId)"/>"#
        // Horizontal bars read top-down in the order given, as the table beside them does.
        x += #"<c:scaling><c:orientation val="\#(horizontal ? "maxMin" : "minMax")"/></c:scaling>"#
        x += #"<c:delete val="0"/><c:axPos val="\#(horizontal ? "l" : "b")"/>"#
        x += #"<c:numFmt formatCode="General" sourceLinked="0"/>"#
        x += #"<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>"#
        x += "<c:spPr><a:noFill/>\(line(width: 9525, colour: "7F7F7F"))</c:spPr>"
        x += textProperties(chart.font)
        x += #"<c:crossAx val="\#(valueAxisId)"/><c:crosses val="autoZero"/>"#
        x += #"<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>"#
        return x + "</c:catAx>"
    }

    private static func valueAxis(_ chart: ChartSpace) -> String {
        let horizontal = chart.kind == .bars(horizontal: true)
        var x = #"<c:valAx><c:axId val="\#(valueAxisId)"/><c:scaling><c:orientation val="minMax"/>"#
        if let max = chart.axisMaximum, max.isFinite { x += #"<c:max val="\#(number(max))"/>"# }
        if let min = chart.axisMinimum, min.isFinite { x += #"<c:min val="\#(number(min))"/>"# }
        x += "</c:scaling>"
        x += #"<c:delete val="0"/><c:axPos val="\#(horizontal ? "b" : "l")"/>"#
        x += "<c:majorGridlines><c:spPr>\(line(width: 6350, colour: "D9D9D9"))</c:spPr></c:majorGridlines>"
        x += #"<c:numFmt formatCode="\#(XMLText.escape(chart.axisNumberFormat ?? chart.numberFormat))" sourceLinked="0"/>"#
        x += #"<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>"#
        x += "<c:spPr><a:noFill/>\(line(width: 9525, colour: "7F7F7F"))</c:spPr>"
        x += textProperties(chart.font)
        // With the categories reversed the value axis would sit at the top; crossing at the
        // last category keeps it at the bottom.
        x += #"<c:crossAx val="\#(categoryAxisId)"/><c:crosses val="\#(horizontal ? "max" : "autoZero")"/>"#
        x += #"<c:crossBetween val="between"/>"#
        if let unit = chart.majorUnit, unit > 0, unit.isFinite { x += #"<c:majorUnit val="\#(number(unit))"/>"# }
        return x + "</c:valAx>"
    }

    // MARK: Text

    private static func title(_ text: String, font: ChartSpace.Font) -> String {
        let size = font.size + 2
        var x = "<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        x += "<a:defRPr sz=\"\(hundredths(size))\" b=\"1\">\(typefaces(font))</a:defRPr></a:pPr>"
        x += "<a:r>\(runProperties(font, size: size, bold: true))<a:t>\(XMLText.escape(text))</a:t></a:r></a:p></c:rich></c:tx>"
        return "<c:title>" + x + #"<c:overlay val="0"/></c:title>"#
    }

    /// `c:txPr`: the default look of an element's text.
    private static func textProperties(_ font: ChartSpace.Font, wraps: Bool = true) -> String {
        var x = "<c:txPr>" + (wraps ? "<a:bodyPr/>" : #"<a:bodyPr wrap="none"/>"#) + "<a:lstStyle/><a:p><a:pPr>"
        x += "<a:defRPr sz=\"\(hundredths(font.size))\" b=\"0\"><a:solidFill><a:srgbClr val=\"262626\"/></a:solidFill>"
        x += typefaces(font) + "</a:defRPr></a:pPr><a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr>"
        return x
    }

    private static func runProperties(_ font: ChartSpace.Font, size: Double, bold: Bool) -> String {
        "<a:rPr lang=\"zh-CN\" sz=\"\(hundredths(size))\" b=\"\(bold ? 1 : 0)\"><a:solidFill><a:srgbClr val=\"262626\"/></a:solidFill>"
            + typefaces(font) + "</a:rPr>"
    }

    private static func typefaces(_ font: ChartSpace.Font) -> String {
        #"<a:latin typeface="\#(XMLText.escape(font.latin))"/><a:ea typeface="\#(XMLText.escape(font.eastAsia))"/>"#
    }

    private static func line(width: Int, colour: String) -> String {
        #"<a:ln w="\#(width)"><a:solidFill><a:srgbClr val="\#(colour)"/></a:solidFill></a:ln>"#
    }

    /// Font sizes in hundredths of a point.
    private static func hundredths(_ points: Double) -> Int { Int((points * 100).rounded()) }

    /// A figure as the cache holds it: whole numbers without a point, others rounded to ten
    /// places so that 0.1 × 7 is written 0.7; never in the locale's notation.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 1e10).rounded() / 1e10
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    /// `A`, `B`, … `Z`, `AA`, … for a zero-based column (the workbook writer's too).
    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}
