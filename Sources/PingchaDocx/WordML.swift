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
        // Line breaks and tabs are ASCII, never part of another character in UTF-8: the text is
        // cut into pieces on its bytes (appending it scalar by scalar cost more than the rest
        // of a notice's table).
        var out = ""
        var previousWasCR = false
        var utf8 = text.utf8[...]
        func piece(_ range: Range<String.Index>) {
            guard !range.isEmpty else { return }
            let escaped = XMLText.escape(String(text[range]))
            guard !escaped.isEmpty else { return }
            // Word drops leading and trailing spaces of a w:t unless told to keep them.
            let keep = escaped.utf8.first == 0x20 || escaped.utf8.last == 0x20
            out += keep ? #"<w:t xml:space="preserve">"# : "<w:t>"
            out += escaped
            out += "</w:t>"
        }
        while let cut = utf8.firstIndex(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x09 }) {
            let before = utf8[..<cut]
            if !before.isEmpty { previousWasCR = false }
            piece(before.startIndex..<before.endIndex)
            switch utf8[cut] {
            case 0x0D:
                out += "<w:br/>"
                previousWasCR = true
            case 0x0A:
                if !previousWasCR { out += "<w:br/>" }
                previousWasCR = false
            default:
                out += "<w:tab/>"
                previousWasCR = false
            }
            utf8 = utf8[utf8.index(after: cut)...]
        }
        piece(utf8.startIndex..<utf8.endIndex)
        return out
    }
}
