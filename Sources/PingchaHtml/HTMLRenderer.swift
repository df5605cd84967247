import PingchaDocuments

/// Renders an official document as one self-contained HTML page: inline CSS, inline SVG, no
/// scripts and nothing loaded from elsewhere, so the file can be mailed or archived alone.
///
/// The markup is also well-formed XML (void elements self-closed, attributes quoted, only the
/// five XML entities), which lets tests and other tools read it with an XML parser.
public enum HTMLRenderer {
    public static func render(_ document: OfficialDocument, options: HTMLOptions = .init()) -> String {
        var html = "<!DOCTYPE html>\n"
        html += "<html lang=\"\(XMLText.escape(options.language))\">\n<head>\n"
        html += "<meta charset=\"utf-8\"/>\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        if let generator = options.generator {
            html += "<meta name=\"generator\" content=\"\(XMLText.escape(generator))\"/>\n"
        }
        html += "<title>\(XMLText.escape(document.title))</title>\n"
        html += "<style>\n\(Stylesheet.css)"
        if let extra = options.extraCSS, !extra.isEmpty {
            html += Stylesheet.embeddable(extra)
        }
        html += "</style>\n</head>\n<body>\n<article class=\"document\">\n"
        html += masthead(document)
        html += "<h1 class=\"title\">\(BlockHTML.inlineText(document.title))</h1>\n"
        if let recipients = document.recipients {
            html += "<p class=\"recipients\">\(BlockHTML.inlineText(recipients))</p>\n"
        }
        html += "<div class=\"body\">\n"
        for block in document.blocks { html += BlockHTML.render(block) }
        if let note = document.attachmentNote { html += attachmentNote(note) }
        html += "</div>\n"
        if let signature = document.signature {
            html += "<div class=\"signature\">\n"
            html += "<p class=\"organisation\">\(BlockHTML.inlineText(signature.organisation))</p>\n"
            html += "<p class=\"date\">\(BlockHTML.inlineText(signature.date))</p>\n"
            html += "</div>\n"
        }
        for (i, attachment) in document.attachments.enumerated() {
            html += "<section class=\"attachment\">\n"
            html += "<p class=\"attachment-label\">\(BlockHTML.inlineText(document.attachmentLabel(i)))</p>\n"
            html += "<h1 class=\"attachment-title\">\(BlockHTML.inlineText(attachment.title))</h1>\n"
            html += "<div class=\"body\">\n"
            for block in attachment.blocks { html += BlockHTML.render(block) }
            html += "</div>\n</section>\n"
        }
        if let colophon = document.colophon { html += self.colophon(colophon) }
        html += "</article>\n</body>\n</html>\n"
        return html
    }

    /// 附件说明: two characters in, "附件：" and the names, each later name (and a wrapped line)
    /// under the first name: hanging indents in characters of the body grid.
    static func attachmentNote(_ note: AttachmentNote) -> String {
        let lead = Double(TableLayout.displayWidth(AttachmentNote.lead)) / 2
        var html = "<div class=\"attachment-notes\">\n"
        for (i, item) in note.items.enumerated() {
            let number = Double(TableLayout.displayWidth(item.number)) / 2
            let left = (2 + lead + number) * Stylesheet.pitch
            let hanging = ((i == 0 ? lead : 0) + number) * Stylesheet.pitch
            let text = (i == 0 ? AttachmentNote.lead : "") + item.number + item.title
            html += "<p class=\"attachment-note\" style=\"padding-left: \(Stylesheet.pt(left)); text-indent: -\(Stylesheet.pt(hanging))\">"
            html += "\(BlockHTML.inlineText(text))</p>\n"
        }
        return html + "</div>\n"
    }

    /// 版记: 抄送 on one line, 印发机关 left and 印发日期 right on the next, between rules.
    static func colophon(_ colophon: Colophon) -> String {
        let printedBy = colophon.printedBy.flatMap { $0.isEmpty ? nil : $0 }
        guard colophon.copyToLine != nil || printedBy != nil || colophon.printedOnText != nil else { return "" }
        var html = "<footer class=\"colophon\">\n"
        if let line = colophon.copyToLine { html += "<p class=\"copy-to\">\(BlockHTML.inlineText(line))</p>\n" }
        if printedBy != nil || colophon.printedOnText != nil {
            html += "<p class=\"printed\"><span class=\"printed-by\">\(BlockHTML.inlineText(printedBy ?? ""))</span>"
            html += "<span class=\"printed-on\">\(BlockHTML.inlineText(colophon.printedOnText ?? ""))</span></p>\n"
        }
        return html + "</footer>\n"
    }

    /// 版头: the issuer in red and the document number, with the red rule under them.
    static func masthead(_ document: OfficialDocument) -> String {
        guard document.issuer != nil || document.documentNumber != nil else { return "" }
        var html = "<header class=\"masthead\">\n"
        if let issuer = document.issuer {
            html += "<p class=\"issuer\"\(issuerStyle(issuer))>\(BlockHTML.inlineText(issuer))</p>\n"
        }
        if let number = document.documentNumber {
            html += "<p class=\"document-number\">\(BlockHTML.inlineText(number))</p>\n"
        }
        html += "</header>\n"
        return html
    }

    /// The issuer is set large but must stay on one line within the type area (about 27.5
    /// characters of body text wide): long names get a smaller size, computed here because
    /// CSS cannot measure text.
    static func issuerStyle(_ issuer: String) -> String {
        let preferred = 2.5
        let width = TextWidth.em(issuer) * 1.1 // letter-spacing 0.1em
        guard width * preferred > 26.5 else { return "" }
        let size = max(26.5 / width, 1.2)
        // A custom property rather than `font-size`, so the small-screen rule can still cap it.
        return " style=\"--issuer-size: \(SVGNumber.format(size))em\""
    }
}
