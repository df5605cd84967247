import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel
import PingchaCatalogue

/// Writes fixture files to a temporary folder and ingests them, collecting everything.
final class IngestFixture {
    let dir: String
    let catalogue = FieldCatalogue.builtIn()
    var cases: [CaseRecord] = []
    var rejects: [Reject] = []
    var warnings: [ValueWarning] = []
    var reports: [FileReport] = []

    init() {
        dir = NSTemporaryDirectory() + "pingcha-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @discardableResult
    func write(_ name: String, _ text: String, encoding: String = "UTF-8", bom: Bool = false) -> String {
        var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        bytes += encoding == "UTF-8" ? Array(text.utf8) : Transcoder.encode(text, to: encoding)!
        return write(name, bytes: bytes)
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let path = dir + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @discardableResult
    func ingest(_ names: [String], options: IngestOptions = IngestOptions()) -> [FileReport] {
        let ingester = Ingester(catalogue: catalogue, options: options)
        reports = ingester.ingest(files: names.map { dir + "/" + $0 }, handlers: IngestHandlers(
            onCase: { self.cases.append($0) },
            onReject: { self.rejects.append($0) },
            onWarning: { self.warnings.append($0) }))
        return reports
    }

    func value(_ c: CaseRecord, _ field: String) -> FieldValue? { c[catalogue.index(of: field)!] }
    func text(_ c: CaseRecord, _ field: String) -> String? { value(c, field)?.text }
}
