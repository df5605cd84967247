import Foundation
import PingchaDocuments
import PingchaDocx
import PingchaHtml
import PingchaModel

/// Writes one document in the formats people open: Markdown, HTML (screen and A4 print) and
/// DOCX (Word/WPS, official layout). The Markdown file's charts are SVG drawings in
/// `charts/<name>-图N.svg` beside it (the same drawings the HTML holds inline).
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
            case .markdown:
                let images = try writeChartDrawings(document, folder: folder, name: name)
                try writeText(MarkdownWriter.write(document, chartImages: images), to: path)
            case .html: try writeText(HTMLRenderer.render(document), to: path)
            case .docx: try DocxWriter.write(document, to: path)
            }
        }
    }

    /// The folder beside a Markdown document that holds its charts' drawings.
    public static let chartFolder = "charts"

    /// Writes each chart of `document` (body, then attachments) as `charts/<name>-图N.svg` and
    /// returns the paths relative to `folder`; none (and no folder) for a document without charts.
    static func writeChartDrawings(_ document: OfficialDocument, folder: String, name: String) throws(PingchaError) -> [String] {
        let charts = (document.blocks + document.attachments.flatMap(\.blocks)).compactMap { block -> Chart? in
            if case .chart(let chart) = block { return chart }
            return nil
        }
        guard !charts.isEmpty else { return [] }
        let drawings = PathText.joined(folder, chartFolder)
        do {
            try FileManager.default.createDirectory(atPath: drawings, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(drawings, detail: SystemErrorText.text(of: error))
        }
        return try charts.enumerated().map { (i, chart) throws(PingchaError) in
            let file = "\(name)-图\(i + 1).svg"
            try writeText(SVGChart.render(chart) + "\n", to: PathText.joined(drawings, file))
            return chartFolder + "/" + file
        }
    }

    static func writeText(_ text: String, to path: String) throws(PingchaError) {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .unwritable(path, detail: SystemErrorText.text(of: error))
        }
    }
}
