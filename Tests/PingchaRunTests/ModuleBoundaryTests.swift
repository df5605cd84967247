import Foundation
import PingchaTestSupport
import XCTest

/// SQL and the stored formats belong to the store: only PingchaStore imports GRDB, and it
/// imports it `internal`, so no GRDB type can appear in its public API (the compiler refuses
/// one). SwiftPM lets a module import a dependency of a dependency, so this test is what
/// keeps `import GRDB` out of the other modules.
final class ModuleBoundaryTests: XCTestCase {
    func testOnlyTheStoreImportsGRDBAndOnlyInternally() throws {
        let sources = CommandRunner.packageRoot + "/Sources"
        var importers: [String] = []
        for case let file as String in FileManager.default.enumerator(atPath: sources)! where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("import GRDB") && !line.hasPrefix("//") {
                importers.append(file + ": " + line.trimmingCharacters(in: .whitespaces))
            }
        }
        XCTAssertFalse(importers.isEmpty)
        let outside = importers.filter { !$0.hasPrefix("PingchaStore/") }
        XCTAssertEqual(outside, [], "GRDB outside the store")
        let notInternal = importers.filter { !$0.hasSuffix(": internal import GRDB") && !$0.hasSuffix(": internal import GRDBSQLite") }
        XCTAssertEqual(notInternal, [], "the store must import GRDB internal")
    }
}
