import PingchaDocuments

/// The named paragraph styles of the document (样式). Every paragraph references one, so a user
/// can restyle the whole document from Word's 样式 pane; direct formatting is kept to what varies
/// per paragraph (column alignment, the signature's indent, the red line).
enum ParagraphStyle: String, CaseIterable {
    case normal = "Normal"
    /// 发文机关标志.
    case issuer = "Issuer"
    /// 发文字号.
    case documentNumber = "DocumentNumber"
    /// 标题.
    case title = "Title"
    /// 主送机关.
    case recipients = "Recipients"
    /// 正文.
    case body = "Body"
    /// 一级标题 一、 (黑体).
    case heading1 = "Heading1"
    /// 二级标题 （一） (楷体).
    case heading2 = "Heading2"
    /// 三级标题 1. (仿宋 bold).
    case heading3 = "Heading3"
    /// 表题, e.g. 表1 各部门评查结果.
    case caption = "Caption"
    case tableText = "TableText"
    case tableHeading = "TableHeading"
    /// 署名 and 成文日期.
    case signature = "Signature"
    /// 页码.
    case footer = "Footer"
    /// 附件说明: under the body, hanging so each attachment's name stands under the first.
    case attachmentNote = "AttachmentNote"
    /// "附件1" at the top left of an attachment's first page (黑体 3号).
    case attachmentLabel = "AttachmentLabel"
    /// 版记: 抄送, 印发机关 and 印发日期 (仿宋 4号).
    case colophon = "Colophon"

    var id: String { rawValue }

    /// The name Word shows. Built-in names (Normal, Title, heading 1…, caption, footer) let Word
    /// translate them (正文, 标题, 标题 1…) and put the headings in its navigation pane.
    var name: String {
        switch self {
        case .normal: "Normal"
        case .issuer: "发文机关标志"
        case .documentNumber: "发文字号"
        case .title: "Title"
        case .recipients: "主送机关"
        case .body: "公文正文"
        case .heading1: "heading 1"
        case .heading2: "heading 2"
        case .heading3: "heading 3"
        case .caption: "caption"
        case .tableText: "表格文字"
        case .tableHeading: "表格标题行"
        case .signature: "署名和成文日期"
        case .footer: "footer"
        case .attachmentNote: "附件说明"
        case .attachmentLabel: "附件标识"
        case .colophon: "版记"
        }
    }

    /// The Chinese font of the style; runs repeat it in their own w:rFonts.
    func eastAsiaFont(_ fonts: DocxOptions.Fonts) -> String {
        switch self {
        case .issuer, .title: fonts.title
        // Table headers in 黑体 as in the HTML (and as printed 公文 set them), not bold 仿宋.
        case .heading1, .caption, .tableHeading, .attachmentLabel: fonts.heading1
        case .heading2: fonts.heading2
        case .footer: fonts.pageNumber
        case .normal, .documentNumber, .recipients, .body, .heading3, .tableText, .signature, .attachmentNote, .colophon: fonts.body
        }
    }
}

/// word/styles.xml.
enum StylesXML {
    /// 三号.
    static let bodySize = 16.0
    /// 二号.
    static let titleSize = 22.0
    /// 四号.
    static let captionSize = 14.0
    static let pageNumberSize = 14.0
    /// 版记: 4号.
    static let colophonSize = 14.0

    static func make(_ options: DocxOptions) -> String {
        let f = options.fonts
        // Two characters of the grid, so readers that ignore w:firstLineChars indent the same.
        let bodyIndent = #"<w:ind w:firstLine="\#(Twips.gridCharacters(2))" w:firstLineChars="200"/>"#
        // Text of another size than the body's stays off the line grid (its own line spacing)
        // and takes back the body's closer setting (its own width).
        let offGrid = #"<w:snapToGrid w:val="0"/>"#
        let ownSpacing = #"<w:spacing w:val="0"/>"#
        let exactLine = #"<w:spacing w:line="\#(PageGeometry.linePitch)" w:lineRule="exact"/>"#
        var x = WordML.declaration
        x += "<w:styles \(WordML.namespaces)>"
        x += "<w:docDefaults><w:rPrDefault><w:rPr>"
        x += WordML.fonts(latin: f.latin, eastAsia: f.body)
        x += #"<w:kern w:val="2"/><w:sz w:val="\#(Twips.halfPoints(bodySize))"/><w:szCs w:val="\#(Twips.halfPoints(bodySize))"/>"#
        x += #"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#
        // Widow control off: moving single lines would break the 22-lines-a-page grid.
        x += #"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#

        // 28 characters a line: the body's characters 0.25 pt closer (PageGeometry.characterPitch).
        x += style(.normal, isDefault: true, pPr: exactLine,
                   rPr: #"<w:spacing w:val="\#(OfficialLayout.bodySpacingTwentieths)"/>"# + size(bodySize))
        x += style(.issuer, next: .documentNumber,
                   // GB/T 9704 7.2.3: the issuer's top edge 35 mm below the top of the type area.
                   pPr: offGrid + #"<w:spacing w:before="\#(Twips.millimetres(35))" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>"#,
                   rPr: WordML.fonts(latin: f.latin, eastAsia: f.title)
                       + (options.redHeader ? #"<w:color w:val="\#(WordML.red)"/>"# : "")
                       + ownSpacing + size(options.issuerFontSize))
        x += style(.documentNumber, next: .title, pPr: #"<w:jc w:val="center"/>"#)
        x += style(.title, next: .recipients,
                   pPr: "<w:keepNext/><w:keepLines/>" + offGrid
                       + #"<w:spacing w:after="\#(PageGeometry.linePitch)" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/>"#,
                   rPr: WordML.fonts(latin: f.latin, eastAsia: f.title) + ownSpacing + size(titleSize))
        x += style(.recipients, next: .body, pPr: #"<w:jc w:val="both"/>"#)
        x += style(.body, next: .body, pPr: bodyIndent + #"<w:jc w:val="both"/>"#)
        x += style(.heading1, next: .body, pPr: "<w:keepNext/>" + bodyIndent + #"<w:jc w:val="both"/><w:outlineLvl w:val="0"/>"#,
                   rPr: WordML.fonts(latin: f.latin, eastAsia: f.heading1))
        x += style(.heading2, next: .body, pPr: "<w:keepNext/>" + bodyIndent + #"<w:jc w:val="both"/><w:outlineLvl w:val="1"/>"#,
                   rPr: WordML.fonts(latin: f.latin, eastAsia: f.heading2))
        x += style(.heading3, next: .body, pPr: "<w:keepNext/>" + bodyIndent + #"<w:jc w:val="both"/><w:outlineLvl w:val="2"/>"#,
                   rPr: "<w:b/><w:bCs/>")
        x += style(.caption, next: .tableText, pPr: "<w:keepNext/>" + offGrid + #"<w:jc w:val="center"/>"#,
                   rPr: WordML.fonts(latin: f.latin, eastAsia: f.heading1) + ownSpacing + size(captionSize))
        x += style(.tableText, next: .tableText,
                   pPr: offGrid + #"<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#,
                   rPr: ownSpacing + size(options.tableFontSize))
        x += style(.tableHeading, basedOn: .tableText, next: .tableText, pPr: #"<w:keepNext/><w:jc w:val="center"/>"#,
                   rPr: WordML.fonts(latin: f.latin, eastAsia: f.heading1))
        x += style(.signature, next: .signature, pPr: #"<w:jc w:val="right"/>"#)
        x += style(.footer, next: .footer, pPr: offGrid + #"<w:spacing w:line="240" w:lineRule="auto"/>"#,
                   rPr: WordML.fonts(latin: f.pageNumber, eastAsia: f.pageNumber) + ownSpacing + size(pageNumberSize))
        // 附件说明 one line under the body (GB/T 9704 7.3.4); the indents are per paragraph.
        x += style(.attachmentNote, next: .body, pPr: #"<w:jc w:val="left"/>"#)
        x += style(.attachmentLabel, next: .title, pPr: "<w:keepNext/>" + #"<w:jc w:val="left"/>"#,
                   rPr: WordML.fonts(latin: f.latin, eastAsia: f.heading1))
        x += style(.colophon, next: .colophon,
                   pPr: offGrid + #"<w:spacing w:before="0" w:after="0" w:line="\#(PageGeometry.linePitch)" w:lineRule="exact"/><w:jc w:val="left"/>"#,
                   rPr: ownSpacing + size(colophonSize))

        x += #"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#
        x += #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>"#
        x += #"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        x += #"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>"#
        x += #"<w:tblPr>\#(TableXML.borders)</w:tblPr></w:style>"#
        x += "</w:styles>"
        return x
    }

    private static func size(_ points: Double) -> String {
        let hp = Twips.halfPoints(points)
        return #"<w:sz w:val="\#(hp)"/><w:szCs w:val="\#(hp)"/>"#
    }

    /// One paragraph style; `pPr` and `rPr` hold child elements already in schema order.
    private static func style(_ s: ParagraphStyle, isDefault: Bool = false, basedOn: ParagraphStyle? = .normal,
                              next: ParagraphStyle? = nil, pPr: String = "", rPr: String = "") -> String {
        var x = #"<w:style w:type="paragraph""#
        if isDefault { x += #" w:default="1""# }
        x += #" w:styleId="\#(s.id)"><w:name w:val="\#(XMLText.escape(s.name))"/>"#
        if s != .normal, let basedOn { x += #"<w:basedOn w:val="\#(basedOn.id)"/>"# }
        if let next { x += #"<w:next w:val="\#(next.id)"/>"# }
        x += "<w:qFormat/>"
        if !pPr.isEmpty { x += "<w:pPr>\(pPr)</w:pPr>" }
        if !rPr.isEmpty { x += "<w:rPr>\(rPr)</w:rPr>" }
        x += "</w:style>"
        return x
    }
}
