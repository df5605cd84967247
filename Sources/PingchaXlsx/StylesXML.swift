import PingchaDocuments

/// How a cell looks; each one used gets an entry of `cellXfs`, in order of first use, so the
/// same workbook always gets the same style numbers.
enum CellFormat: Hashable {
    case general
    case header
    case date
    /// Text with line breaks: shown on several lines, as Excel does after Alt+Enter.
    case wrappedText
    case integer
    case decimal(places: Int)
    case percent(places: Int)
    /// A sheet's note over its header: bold dark red, wrapped, on a pale fill.
    case note
    /// A cell the user fills in (``Column/editable``): unlocked under sheet protection, on the
    /// note's pale fill with a thin border, text wrapped.
    case input
}

/// The `cellXfs` table and the `xl/styles.xml` part that holds it.
final class StyleTable {
    private(set) var formats: [CellFormat] = []
    private var indices: [CellFormat: Int] = [:]

    static let general = 0
    static let header = 1
    static let date = 2
    static let wrappedText = 3

    /// DengXian is the default of Chinese Excel, and its digit width is what the fitted
    /// column widths assume; WPS and LibreOffice substitute their CJK sans face.
    static let fontName = "等线"

    init() {
        for format in [CellFormat.general, .header, .date, .wrappedText] { _ = style(format) }
    }

    /// The `s` attribute for `format`, adding it on first use.
    func style(_ format: CellFormat) -> Int {
        if let index = indices[format] { return index }
        indices[format] = formats.count
        formats.append(format)
        return formats.count - 1
    }

    /// Built-in number format ids where one matches, custom codes (ids from 164) otherwise.
    private static func builtinFormat(_ format: CellFormat) -> Int? {
        switch format {
        case .general, .header, .wrappedText, .note, .input: return 0
        case .integer, .decimal(places: 0): return 1
        case .decimal(places: 2): return 2
        case .percent(places: 0): return 9
        case .percent(places: 2): return 10
        case .date, .decimal, .percent: return nil
        }
    }

    private static func formatCode(_ format: CellFormat) -> String {
        switch format {
        case .date: return "yyyy-mm-dd"
        case .decimal(let places): return "0." + String(repeating: "0", count: places)
        case .percent(let places): return "0." + String(repeating: "0", count: places) + "%"
        default: return "General"
        }
    }

    var xml: String {
        var customIds: [String: Int] = [:]
        var customOrder: [String] = []
        var numFmtIds: [Int] = []
        for format in formats {
            if let id = Self.builtinFormat(format) {
                numFmtIds.append(id)
                continue
            }
            let code = Self.formatCode(format)
            if customIds[code] == nil {
                customIds[code] = 164 + customOrder.count
                customOrder.append(code)
            }
            numFmtIds.append(customIds[code]!)
        }

        let fontTail = "<sz val=\"11\"/><color rgb=\"FF000000\"/><name val=\"\(Self.fontName)\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        let edge = "style=\"thin\"><color rgb=\"FF9BA7B4\"/>"
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        x += "<styleSheet xmlns=\"\(Namespace.main)\">"
        if !customOrder.isEmpty {
            x += "<numFmts count=\"\(customOrder.count)\">"
            for code in customOrder {
                x += "<numFmt numFmtId=\"\(customIds[code]!)\" formatCode=\"\(XMLText.escape(code))\"/>"
            }
            x += "</numFmts>"
        }
        let noteFont = "<font><b/><sz val=\"11\"/><color rgb=\"FFC00000\"/><name val=\"\(Self.fontName)\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        x += "<fonts count=\"3\"><font>\(fontTail)<font><b/>\(fontTail)\(noteFont)</fonts>"
        x += "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        x += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        x += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        x += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        x += "<border><left \(edge)</left><right \(edge)</right><top \(edge)</top><bottom \(edge)</bottom><diagonal/></border></borders>"
        // The Normal style is top-aligned too: LibreOffice takes cells without `s` from it.
        x += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf></cellStyleXfs>"
        x += "<cellXfs count=\"\(formats.count)\">"
        // Every cell sits at the top of its row, so that in a row made tall by wrapped text
        // the case number and the first line of every text read across on one line (rather
        // than the other cells sitting at the bottom, or floating in the middle).
        let top = "<alignment vertical=\"top\"/></xf>"
        for (format, numFmtId) in zip(formats, numFmtIds) {
            switch format {
            case .general:
                x += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">\(top)"
            case .header:
                x += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
                x += "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
            case .note:
                x += "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\">"
                x += "<alignment vertical=\"center\" wrapText=\"1\"/></xf>"
            case .input:
                x += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\" applyProtection=\"1\">"
                x += "<alignment vertical=\"top\" wrapText=\"1\"/><protection locked=\"0\"/></xf>"
            case .wrappedText:
                x += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
                x += "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
            case .date, .integer, .decimal, .percent:
                x += "<xf numFmtId=\"\(numFmtId)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">\(top)"
            }
        }
        x += "</cellXfs>"
        x += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        x += "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" defaultPivotStyle=\"PivotStyleLight16\"/>"
        x += "</styleSheet>"
        return x
    }
}
