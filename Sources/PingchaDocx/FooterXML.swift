import PingchaDocuments

/// The footer parts that carry the page number and how document.xml refers to them.
struct FooterPlan {
    struct Part {
        /// word/footerN.xml.
        var partName: String
        /// `default` (every page, or odd pages when even pages have their own) or `even`.
        var type: String
        var relationshipId: String
        var xml: String
    }

    var parts: [Part]
    /// Sets w:evenAndOddHeaders in settings.xml.
    var evenAndOdd: Bool

    init(_ options: DocxOptions) {
        switch options.pageNumbers {
        case .outside:
            parts = [
                Part(partName: "word/footer1.xml", type: "default", relationshipId: "rId4",
                     xml: FooterXML.make(options, placement: .right)),
                Part(partName: "word/footer2.xml", type: "even", relationshipId: "rId5",
                     xml: FooterXML.make(options, placement: .left)),
            ]
            evenAndOdd = true
        case .centre:
            parts = [Part(partName: "word/footer1.xml", type: "default", relationshipId: "rId4",
                          xml: FooterXML.make(options, placement: .centre))]
            evenAndOdd = false
        case .none:
            parts = []
            evenAndOdd = false
        }
    }
}

/// 页码: "— 1 —", 四号宋体 digits between two 一字线 (GB/T 9704 7.5).
enum FooterXML {
    enum Placement { case left, centre, right }

    static func make(_ options: DocxOptions, placement: Placement) -> String {
        let oneCharacter = Twips.characters(1, atPoints: StylesXML.pageNumberSize)
        var x = WordML.declaration
        x += "<w:ftr \(WordML.namespaces)><w:p><w:pPr><w:pStyle w:val=\"\(ParagraphStyle.footer.id)\"/>"
        // 单页码居右空一字，双页码居左空一字.
        switch placement {
        case .left:
            x += #"<w:ind w:left="\#(oneCharacter)" w:leftChars="100"/><w:jc w:val="left"/>"#
        case .centre:
            x += #"<w:jc w:val="center"/>"#
        case .right:
            x += #"<w:ind w:right="\#(oneCharacter)" w:rightChars="100"/><w:jc w:val="right"/>"#
        }
        x += "</w:pPr>"
        let font = options.fonts.pageNumber
        let rPr = "<w:rPr>\(WordML.fonts(latin: font, eastAsia: font))</w:rPr>"
        func run(_ inner: String) -> String { "<w:r>\(rPr)\(inner)</w:r>" }
        x += run(#"<w:t xml:space="preserve">— </w:t>"#)
        x += run(#"<w:fldChar w:fldCharType="begin"/>"#)
        x += run(#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#)
        x += run(#"<w:fldChar w:fldCharType="separate"/>"#)
        x += run("<w:t>1</w:t>")
        x += run(#"<w:fldChar w:fldCharType="end"/>"#)
        x += run(#"<w:t xml:space="preserve"> —</w:t>"#)
        x += "</w:p></w:ftr>"
        return x
    }
}
