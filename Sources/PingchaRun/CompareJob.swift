import Foundation
import PingchaDocuments
import PingchaModel
import PingchaPublish
import PingchaReports
import PingchaStore

/// `pingcha compare`: two or more stored batches, department by department.
public struct CompareJob {
    public var databasePath: String
    public var batchNames: [String]
    public var outputDirectory: String
    public var minimumCasesForRank = 10
    /// Templates and issuing details (`--templates`, `--org`, `--date`).
    public var request = ReportRequest()

    public init(databasePath: String, batchNames: [String], outputDirectory: String) {
        self.databasePath = databasePath
        self.batchNames = batchNames
        self.outputDirectory = outputDirectory
    }

    /// Writes `compare.md`, `compare.html` and `compare.xlsx`; returns the Markdown.
    @discardableResult
    public func run() throws(PingchaError) -> String {
        guard batchNames.count >= 2 else { throw .invalidOption("compare 需要至少两个批次（--batch A --batch B）") }
        // A batch named twice was compared with itself: every change +0.0.
        if let twice = batchNames.enumerated().first(where: { i, name in batchNames[..<i].contains(name) })?.element {
            throw .invalidOption("批次“\(twice)”指定了两次；compare 比较的是不同的批次")
        }
        let templates = try request.loadTemplates()
        let documents: CompareDocuments
        do {
            let store = try Store(path: databasePath)
            documents = try store.read { db in
                try CompareDocuments.read(db, batchNames: batchNames, minimumCasesForRank: minimumCasesForRank)
            }
        } catch {
            throw Store.userError(error, path: databasePath)
        }
        let document = try documents.document(templates: templates)
        let out = try OutputFolder(destination: outputDirectory)
        do throws(PingchaError) {
            try DocumentFiles.write(document, folder: out.staging, name: "compare", formats: [.markdown, .html])
            try documents.writeWorkbook(to: out.path("compare.xlsx"))
        } catch {
            throw out.discard(after: error)
        }
        try out.commit()
        return MarkdownWriter.write(document)
    }
}
