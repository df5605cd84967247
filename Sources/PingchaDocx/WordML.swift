import PingchaDocuments

/// Namespaces and small pieces of markup every part shares.
enum WordML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// The root attributes of document, footer, styles, settings and fontTable parts.
    static let namespaces = #"xmlns:w="\#(main)" xmlns:r="\#(relationships)""#

    /// 版头 red: the one red of every format (``OfficialLayout/red``).
    static let red = OfficialLayout.red

    /// `w:rFonts` for one run: Latin letters and digits in `latin`, Chinese in `eastAsia`. The
    /// eastAsia hint makes Word set the characters both scripts share (“”、—、…) in the Chinese
    /// font, as Chinese documents expect.
    static func fonts(latin: String, eastAsia: String) -> String {
        let l = XMLText.escape(latin), e = XMLText.escape(eastAsia)
        return #"<w:rFonts w:ascii="\#(l)" w:eastAsia="\#(e)" w:hAnsi="\#(l)" w:cs="\#(l)" w:hint="eastAsia"/>"#
    }

    /// The content of a `w:r` for `text`: line breaks become `w:br`, tabs `w:tab`, the rest `w:t`
    /// (escaped; characters XML forbids are dropped by ``XMLText``).
    static func runContent(_ text: String) -> String {
        var out = ""
        var piece = ""
        func flush() {
            guard !piece.isEmpty else { return }
            let escaped = XMLText.escape(piece)
            piece = ""
            guard !escaped.isEmpty else { return }
            // Word drops leading and trailing spaces of a w:t unless told to keep them.
            let keep = escaped.first == " " || escaped.last == " "
            out += keep ? #"<w:t xml:space="preserve">"# : "<w:t>"
            out += escaped
            out += "</w:t>"
        }
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                flush()
                out += "<w:br/>"
                previousWasCR = true
                continue
            case "\n":
                flush()
                if !previousWasCR { out += "<w:br/>" }
            case "\t":
                flush()
                out += "<w:tab/>"
            default:
                piece.unicodeScalars.append(scalar)
            }
            previousWasCR = false
        }
        flush()
        return out
    }
}
