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
        html += "</div>\n"
        if let signature = document.signature {
            html += "<div class=\"signature\">\n"
            html += "<p class=\"organisation\">\(BlockHTML.inlineText(signature.organisation))</p>\n"
            html += "<p class=\"date\">\(BlockHTML.inlineText(signature.date))</p>\n"
            html += "</div>\n"
        }
        html += "</article>\n</body>\n</html>\n"
        return html
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
