import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaDocuments
import PingchaDocx
import PingchaModel
import XCTest

/// The package as a container: parts, relationships, content types, well-formed XML, bytes.
final class DocxPackageTests: XCTestCase {
    override class func tearDown() {
        removeTemporaryFiles()
        super.tearDown()
    }

    /// The sample has one chart: its part and relationships follow the document's relationships,
    /// the workbook of its figures comes last.
    static let requiredParts = [
        "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/charts/chart1.xml", "word/charts/_rels/chart1.xml.rels", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
        "word/footer1.xml", "word/footer2.xml", "docProps/core.xml", "docProps/app.xml", "word/embeddings/Microsoft_Excel_Worksheet1.xlsx",
    ]

    private func written(_ document: OfficialDocument = SampleDocument.document, options: DocxOptions = DocxOptions(),
                         name: String = "sample.docx") throws -> DocxPackage {
        let path = temporaryPath(name)
        try DocxWriter.write(document, to: path, options: options)
        return try DocxPackage(path: path)
    }

    func testZipOpensWithExactlyTheRequiredPartsContentTypesFirst() throws {
        let package = try written()
        XCTAssertEqual(package.order, Self.requiredParts)
    }

    func testEveryXMLPartParses() throws {
        let package = try written()
        // The chart's embedded workbook is a zip of its own (DocxChartTests opens it).
        for part in package.order where !part.hasSuffix(".xlsx") {
            XCTAssertNoThrow(try package.xml(part), part)
        }
    }

    func testPackageRelationshipsPointAtTheParts() throws {
        let package = try written()
        let rels = try package.xml("_rels/.rels").elements("Relationship")
        let byType = Dictionary(uniqueKeysWithValues: rels.map { ($0.attr("Type") ?? "", $0.attr("Target") ?? "") })
        XCTAssertEqual(byType, [
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument": "word/document.xml",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties": "docProps/core.xml",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties": "docProps/app.xml",
        ])
    }

    func testDocumentRelationshipsResolveAndFootersAreReferencedByThem() throws {
        let package = try written()
        let rels = try package.xml("word/_rels/document.xml.rels").elements("Relationship")
        let targets = rels.map { "word/" + ($0.attr("Target") ?? "") }
        XCTAssertEqual(targets, ["word/styles.xml", "word/settings.xml", "word/fontTable.xml",
                                 "word/footer1.xml", "word/footer2.xml", "word/charts/chart1.xml"])
        let ids = Dictionary(uniqueKeysWithValues: rels.map { ($0.attr("Id") ?? "", $0.attr("Target") ?? "") })
        let references = try package.xml("word/document.xml").elements("w:footerReference")
        XCTAssertEqual(references.map { $0.attr("w:type") ?? "" }, ["default", "even"])
        XCTAssertEqual(references.map { ids[$0.attr("r:id") ?? ""] }, ["footer1.xml", "footer2.xml"])
    }

    func testEveryPartHasAContentType() throws {
        let package = try written()
        let types = try package.xml("[Content_Types].xml")
        let defaults = Dictionary(uniqueKeysWithValues: types.elements("Default").map { ($0.attr("Extension") ?? "", $0.attr("ContentType") ?? "") })
        let overrides = Dictionary(uniqueKeysWithValues: types.elements("Override").map { ($0.attr("PartName") ?? "", $0.attr("ContentType") ?? "") })
        for part in package.order where part != "[Content_Types].xml" {
            let ext = String(part.split(separator: ".").last!)
            XCTAssertTrue(overrides["/" + part] != nil || defaults[ext] != nil, "no content type for \(part)")
        }
        // Overrides name only parts that exist.
        for name in overrides.keys {
            XCTAssertNotNil(package.parts[String(name.dropFirst())], name)
        }
        XCTAssertEqual(overrides["/word/document.xml"],
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
        XCTAssertEqual(overrides["/word/footer1.xml"],
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml")
        XCTAssertEqual(defaults["rels"], "application/vnd.openxmlformats-package.relationships+xml")
    }

    func testSameInputGivesIdenticalBytes() throws {
        let first = temporaryPath("same-1.docx"), second = temporaryPath("same-2.docx")
        try DocxWriter.write(SampleDocument.document, to: first)
        try DocxWriter.write(SampleDocument.document, to: second)
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        XCTAssertGreaterThan(a.count, 2000)
        XCTAssertEqual(a, b)
    }

    func testCorePropertiesUseTheFixedTimeAndTheTitle() throws {
        let core = try written().xml("docProps/core.xml")
        XCTAssertEqual(core.firstElement("dcterms:created")?.stringValue, "2020-01-01T00:00:00Z")
        XCTAssertEqual(core.firstElement("dcterms:modified")?.stringValue, "2020-01-01T00:00:00Z")
        XCTAssertEqual(core.firstElement("dc:title")?.stringValue, SampleDocument.title)

        let later = DocxOptions(author: "市司法局", timestamp: Date(timeIntervalSince1970: 1_764_547_200))
        let other = try written(options: later, name: "core.docx").xml("docProps/core.xml")
        XCTAssertEqual(other.firstElement("dcterms:created")?.stringValue, "2025-12-01T00:00:00Z")
        XCTAssertEqual(other.firstElement("dc:creator")?.stringValue, "市司法局")
    }

    func testReplacesAnExistingFileAndLeavesNoPartialFile() throws {
        let path = temporaryPath("replace.docx")
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try DocxWriter.write(OfficialDocument(title: "标题"), to: path)
        XCTAssertNoThrow(try DocxPackage(path: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".part"))
    }

    func testWriteIntoMissingFolderThrowsUnwritableWithThePath() {
        let path = "/nonexistent-pingcha-folder/out.docx"
        XCTAssertThrowsError(try DocxWriter.write(SampleDocument.document, to: path)) { error in
            guard case .unwritable(let where_, let detail) = error as? PingchaError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(where_, path)
            XCTAssertEqual(detail, "无法创建文件：文件或文件夹不存在")
            XCTAssertEqual((error as? PingchaError)?.message, path + ": 无法写入：无法创建文件：文件或文件夹不存在")
        }
    }

    func testPageNumbersCentredUseOneFooterAndNoOddEvenSetting() throws {
        let package = try written(options: DocxOptions(pageNumbers: .centre), name: "centre.docx")
        XCTAssertEqual(package.order.filter { $0.hasPrefix("word/footer") }, ["word/footer1.xml"])
        XCTAssertNil(try package.xml("word/settings.xml").firstElement("w:evenAndOddHeaders"))
        XCTAssertEqual(try package.xml("word/footer1.xml").firstElement("w:jc")?.attr("w:val"), "center")

        let none = try written(options: DocxOptions(pageNumbers: .none), name: "none.docx")
        XCTAssertEqual(none.order.filter { $0.hasPrefix("word/footer") }, [])
        XCTAssertEqual(try none.xml("word/document.xml").elements("w:footerReference").count, 0)
        XCTAssertFalse(none.text("[Content_Types].xml").contains("footer"))
    }

    /// Writes the sample to $PINGCHA_DOCX_SAMPLE for scripts/render/docx.sh; skipped otherwise.
    func testWriteRenderSampleWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["PINGCHA_DOCX_SAMPLE"], !path.isEmpty else {
            throw XCTSkip("PINGCHA_DOCX_SAMPLE not set")
        }
        try DocxWriter.write(SampleDocument.document, to: path)
    }
}
