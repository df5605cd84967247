import PingchaDocuments

/// The drawing part of a worksheet with charts (`xl/drawings/drawingN.xml`) and the
/// relationships that tie worksheet → drawing → chart. Each chart is a `xdr:graphicFrame`
/// in a `xdr:twoCellAnchor` (moves with the cells, keeps its size) under the sheet's rows.
enum DrawingXML {
    static let namespace = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
    static let contentType = "application/vnd.openxmlformats-officedocument.drawing+xml"
    static let relationshipType = "\(Namespace.officeRelationships)/drawing"

    /// EMU per pixel at 96 dpi, and per point.
    static let emuPerPixel = 9_525
    static let emuPerPoint = 12_700
    static let emuPerCentimetre = 360_000

    /// A cell corner plus an offset, as `xdr:from`/`xdr:to` hold it.
    struct Marker: Equatable {
        var column: Int
        var columnOffset: Int
        var row: Int
        var rowOffset: Int
    }

    /// Where a chart `width` × `height` EMU starting at the left edge of row `row` (0-based)
    /// ends, given the column widths (digit widths; beyond them Excel's default 8.43) and
    /// rows of `rowHeight` points.
    static func end(fromRow row: Int, width: Int, height: Int, columnWidths: [Double], rowHeight: Double) -> Marker {
        var column = 0
        var left = width
        while true {
            let w = column < columnWidths.count ? columnWidths[column] : 8.43
            // Excel's pixel width of a column: the characters at 7 px plus 5 px of padding,
            // as it stores them rounded (`width` already includes the padding).
            let pixels = Int((w * 7).rounded())
            let emu = max(pixels, 1) * emuPerPixel
            if left < emu { break }
            left -= emu
            column += 1
        }
        let rowEMU = Int(rowHeight * Double(emuPerPoint))
        return Marker(column: column, columnOffset: left, row: row + height / rowEMU, rowOffset: height % rowEMU)
    }

    /// The drawing part: chart `i` of `anchors` refers to relationship `rId(i+1)`.
    static func drawing(_ anchors: [(from: Marker, to: Marker, name: String, description: String)]) -> String {
        var x = PackageXML.declaration
        x += #"<xdr:wsDr xmlns:xdr="\#(namespace)" xmlns:a="\#(ChartSpaceXML.drawingNamespace)">"#
        for (i, anchor) in anchors.enumerated() {
            x += #"<xdr:twoCellAnchor editAs="oneCell">"#
            x += "<xdr:from>\(marker(anchor.from))</xdr:from><xdr:to>\(marker(anchor.to))</xdr:to>"
            x += #"<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>"#
            x += #"<xdr:cNvPr id="\#(i + 2)" name="\#(XMLText.escape(anchor.name))" descr="\#(XMLText.escape(anchor.description))"/>"#
            x += "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
            x += #"<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>"#
            x += #"<a:graphic><a:graphicData uri="\#(ChartSpaceXML.graphicDataURI)">"#
            x += #"<c:chart xmlns:c="\#(ChartSpaceXML.namespace)" xmlns:r="\#(Namespace.officeRelationships)" r:id="rId\#(i + 1)"/>"#
            x += "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
        }
        return x + "</xdr:wsDr>"
    }

    private static func marker(_ m: Marker) -> String {
        "<xdr:col>\(m.column)</xdr:col><xdr:colOff>\(m.columnOffset)</xdr:colOff><xdr:row>\(m.row)</xdr:row><xdr:rowOff>\(m.rowOffset)</xdr:rowOff>"
    }

    /// xl/drawings/_rels/drawingN.xml.rels: rId1… to the workbook's charts `numbers`.
    static func drawingRelationships(charts numbers: [Int]) -> String {
        var x = PackageXML.declaration + "<Relationships xmlns=\"\(Namespace.packageRelationships)\">"
        for (i, n) in numbers.enumerated() {
            x += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(ChartSpaceXML.relationshipType)\" Target=\"../charts/chart\(n).xml\"/>"
        }
        return x + "</Relationships>"
    }

    /// xl/worksheets/_rels/sheetN.xml.rels: the worksheet's drawing as rId1.
    static func sheetRelationships(drawing n: Int) -> String {
        PackageXML.declaration + "<Relationships xmlns=\"\(Namespace.packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationshipType)\" Target=\"../drawings/drawing\(n).xml\"/>"
            + "</Relationships>"
    }
}
