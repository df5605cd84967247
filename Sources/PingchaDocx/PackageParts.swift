import Foundation
import PingchaDocuments

/// The package's bookkeeping parts (Open Packaging Conventions) and the small word/ parts.
enum PackageParts {
    static let documentType = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    /// [Content_Types].xml: Word refuses a package with a part that has no content type.
    static func contentTypes(footers: FooterPlan) -> String {
        var x = WordML.declaration
        x += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        x += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        x += #"<Default Extension="xml" ContentType="application/xml"/>"#
        x += #"<Override PartName="/word/document.xml" ContentType="\#(documentType).document.main+xml"/>"#
        x += #"<Override PartName="/word/styles.xml" ContentType="\#(documentType).styles+xml"/>"#
        x += #"<Override PartName="/word/settings.xml" ContentType="\#(documentType).settings+xml"/>"#
        x += #"<Override PartName="/word/fontTable.xml" ContentType="\#(documentType).fontTable+xml"/>"#
        for footer in footers.parts {
            x += #"<Override PartName="/\#(footer.partName)" ContentType="\#(documentType).footer+xml"/>"#
        }
        x += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        x += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        x += "</Types>"
        return x
    }

    /// _rels/.rels.
    static let packageRelationships: String = {
        var x = WordML.declaration
        x += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        x += #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
        x += #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        x += #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        x += "</Relationships>"
        return x
    }()

    /// word/_rels/document.xml.rels. The footers' ids are the ones ``FooterPlan`` gave them.
    static func documentRelationships(footers: FooterPlan) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var x = WordML.declaration
        x += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        x += #"<Relationship Id="rId1" Type="\#(base)/styles" Target="styles.xml"/>"#
        x += #"<Relationship Id="rId2" Type="\#(base)/settings" Target="settings.xml"/>"#
        x += #"<Relationship Id="rId3" Type="\#(base)/fontTable" Target="fontTable.xml"/>"#
        for footer in footers.parts {
            let target = footer.partName.replacingOccurrences(of: "word/", with: "")
            x += #"<Relationship Id="\#(footer.relationshipId)" Type="\#(base)/footer" Target="\#(target)"/>"#
        }
        x += "</Relationships>"
        return x
    }

    /// docProps/core.xml (文档属性). The time comes from the options, never the clock.
    static func core(title: String, options: DocxOptions) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        let time = formatter.string(from: options.timestamp)
        let oneLine = title.split(whereSeparator: \.isNewline).joined()
        var x = WordML.declaration
        x += #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
        x += "<dc:title>\(XMLText.escape(oneLine))</dc:title>"
        x += "<dc:creator>\(XMLText.escape(options.author))</dc:creator>"
        x += "<cp:lastModifiedBy>\(XMLText.escape(options.author))</cp:lastModifiedBy>"
        x += #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(time)</dcterms:created>"#
        x += #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(time)</dcterms:modified>"#
        x += "</cp:coreProperties>"
        return x
    }

    /// docProps/app.xml.
    static let app: String = WordML.declaration
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
        + "<Application>Pingcha</Application><DocSecurity>0</DocSecurity></Properties>"

    /// word/settings.xml. Children in CT_Settings order.
    static func settings(footers: FooterPlan) -> String {
        var x = WordML.declaration
        x += "<w:settings \(WordML.namespaces)>"
        x += #"<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>"#
        if footers.evenAndOdd { x += "<w:evenAndOddHeaders/>" }
        // Full-width punctuation keeps its full width, as in printed 公文.
        x += #"<w:characterSpacingControl w:val="doNotCompress"/>"#
        // Without it Word opens the file in 兼容模式 (compatibility mode).
        x += #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
        x += #"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>"#
        x += "</w:settings>"
        return x
    }
}
