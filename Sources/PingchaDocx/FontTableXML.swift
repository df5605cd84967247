import PingchaDocuments

/// word/fontTable.xml: each font the document names, with an alternative name and a generic
/// family, so a machine without 方正小标宋 or the GB2312 fonts substitutes a font of the same
/// kind (a 宋 for 小标宋, 仿宋 for 仿宋_GB2312) rather than whatever comes first.
enum FontTableXML {
    struct Entry {
        var altName: String?
        var charset: String
        /// roman (serif), swiss (sans), modern, script, decorative, auto.
        var family: String
    }

    /// What is known of the usual 公文 fonts; a font not listed is declared as a Chinese font of
    /// no particular family.
    static let known: [String: Entry] = [
        "Times New Roman": Entry(altName: nil, charset: "00", family: "roman"),
        "宋体": Entry(altName: "SimSun", charset: "86", family: "roman"),
        "方正小标宋简体": Entry(altName: "宋体", charset: "86", family: "roman"),
        "方正小标宋_GBK": Entry(altName: "宋体", charset: "86", family: "roman"),
        "华文中宋": Entry(altName: "宋体", charset: "86", family: "roman"),
        "仿宋_GB2312": Entry(altName: "仿宋", charset: "86", family: "roman"),
        "仿宋": Entry(altName: "FangSong", charset: "86", family: "roman"),
        "楷体_GB2312": Entry(altName: "楷体", charset: "86", family: "roman"),
        "楷体": Entry(altName: "KaiTi", charset: "86", family: "roman"),
        "黑体": Entry(altName: "SimHei", charset: "86", family: "swiss"),
    ]

    static func make(_ fonts: DocxOptions.Fonts) -> String {
        // The fonts in use, then the alternatives they name, each once, in a fixed order.
        var names: [String] = []
        func add(_ name: String) {
            if !name.isEmpty && !names.contains(name) { names.append(name) }
        }
        for name in [fonts.latin, fonts.title, fonts.body, fonts.heading1, fonts.heading2, fonts.pageNumber] { add(name) }
        for name in names { if let alt = known[name]?.altName, known[alt] != nil { add(alt) } }

        var x = WordML.declaration
        x += "<w:fonts \(WordML.namespaces)>"
        for name in names {
            let entry = known[name] ?? Entry(altName: nil, charset: "86", family: "auto")
            x += #"<w:font w:name="\#(XMLText.escape(name))">"#
            if let alt = entry.altName { x += #"<w:altName w:val="\#(XMLText.escape(alt))"/>"# }
            x += #"<w:charset w:val="\#(entry.charset)"/><w:family w:val="\#(entry.family)"/><w:pitch w:val="variable"/>"#
            x += "</w:font>"
        }
        x += "</w:fonts>"
        return x
    }
}
