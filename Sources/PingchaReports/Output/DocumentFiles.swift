import Foundation
import PingchaDocuments
import PingchaDocx
import PingchaHtml
import PingchaModel

/// Writes one document in the formats people open: Markdown, HTML (screen and A4 print) and
/// DOCX (Word/WPS, official layout).
public enum DocumentFiles {
    public enum Format: String, CaseIterable, Sendable {
        case markdown = "md", html, docx
    }

    /// Writes `<folder>/<name>.md`, `.html`, `.docx` (the formats asked for).
    public static func write(_ document: OfficialDocument, folder: String, name: String,
                             formats: [Format] = Format.allCases) throws(PingchaError) {
        // 图1, 图2 … the same in every format.
        let document = document.numberingFigures()
        let base = PathText.joined(folder, name)
        for format in formats {
            let path = base + "." + format.rawValue
            switch format {
            case .markdown: try writeText(MarkdownWriter.write(document), to: path)
            case .html: try writeText(HTMLRenderer.render(document), to: path)
            case .docx: try DocxWriter.write(document, to: path)
            }
        }
    }

    static func writeText(_ text: String, to path: String) throws(PingchaError) {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .unreadable(path, detail: "无法写入：\(error.localizedDescription)")
        }
    }
}
