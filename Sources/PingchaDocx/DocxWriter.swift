import Foundation
import PingchaDocuments
import PingchaModel

/// Writes an ``OfficialDocument`` as a Word file (.docx) laid out to GB/T 9704-2012 党政机关公文格式:
/// A4, the standard margins, 版头 with the red line, 标题 in 小标宋, 正文 in 仿宋 三号 at 22 lines a
/// page, page numbers "— 1 —" on the outer side.
public enum DocxWriter {
    /// Writes the file at `path`, replacing one already there. The file is built beside it and
    /// moved into place at the end, so a failure never leaves half a document under that name.
    /// The same document and options always give the same bytes.
    public static func write(_ document: OfficialDocument, to path: String,
                             options: DocxOptions = DocxOptions()) throws(PingchaError) {
        let partial = path + ".part"
        do {
            try writePackage(document, to: partial, options: options)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            // The error names the file the user asked for, not the partial one beside it.
            if case .unreadable(_, let detail) = error { throw .unreadable(path, detail: detail) }
            if case .unwritable(_, let detail) = error { throw .unwritable(path, detail: detail) }
            throw error
        }
        if rename(partial, path) != 0 {
            let reason = SystemErrorText.current
            try? FileManager.default.removeItem(atPath: partial)
            throw .unwritable(path, detail: reason)
        }
    }

    /// The parts in the order Word itself writes them: [Content_Types].xml first, which some
    /// readers expect at the start of the zip.
    static func parts(_ document: OfficialDocument, options: DocxOptions) -> [(name: String, xml: String)] {
        let footers = FooterPlan(options)
        var parts: [(name: String, xml: String)] = [
            ("[Content_Types].xml", PackageParts.contentTypes(footers: footers)),
            ("_rels/.rels", PackageParts.packageRelationships),
            ("word/document.xml", DocumentXML.make(document, options: options, footers: footers)),
            ("word/_rels/document.xml.rels", PackageParts.documentRelationships(footers: footers)),
            ("word/styles.xml", StylesXML.make(options)),
            ("word/settings.xml", PackageParts.settings(footers: footers)),
            ("word/fontTable.xml", FontTableXML.make(options.fonts)),
        ]
        for footer in footers.parts { parts.append((footer.partName, footer.xml)) }
        parts.append(("docProps/core.xml", PackageParts.core(title: document.title, options: options)))
        parts.append(("docProps/app.xml", PackageParts.app))
        return ChartParts.adding(to: parts, document: document, options: options)
    }

    /// The package lives only inside this function: the archive is closed when it returns.
    private static func writePackage(_ document: OfficialDocument, to path: String,
                                     options: DocxOptions) throws(PingchaError) {
        let package = try ZipPackage(path: path)
        for part in parts(document, options: options) {
            try package.add(part.name, text: part.xml)
        }
        // Each chart's figures as a workbook of their own, zipped beside the package first.
        for (n, workbook) in ChartParts.dataWorkbooks(in: document, options: options).enumerated() {
            let scratch = path + ".chart\(n + 1).xlsx"
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let inner = try ZipPackage(path: scratch)
            for part in workbook.parts { try inner.add(part.name, text: part.xml) }
            try inner.finish()
            try package.add(workbook.name, contentsOf: scratch)
        }
        try package.finish()
    }
}
