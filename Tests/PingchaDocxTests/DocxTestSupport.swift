import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaTestSupport
import XCTest
import ZIPFoundation

/// A written .docx opened again.
typealias DocxPackage = ZipParts

extension XMLNode {
    /// Descendant elements with this qualified name (e.g. "w:p"), in document order.
    func elements(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        func walk(_ node: XMLNode) {
            for child in node.children ?? [] {
                if let element = child as? XMLElement {
                    if element.name == name { found.append(element) }
                    walk(element)
                }
            }
        }
        walk(self)
        return found
    }

    func firstElement(_ name: String) -> XMLElement? { elements(name).first }

    /// The text of a paragraph or run as Word shows it: the w:t contents joined.
    var wordText: String { elements("w:t").map { $0.stringValue ?? "" }.joined() }
}

extension XMLElement {
    /// By qualified name. Searches the list itself: on Linux, attribute(forName:) misses an
    /// unprefixed attribute of an element in a default namespace (Relationship's Target).
    func attr(_ name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }

    /// The w:val of the direct child `name` (e.g. w:pStyle in a w:pPr).
    func value(of name: String) -> String? { firstElement(name)?.attr("w:val") }
}

private let temporaryFolder = NSTemporaryDirectory() + "pingcha-docx-tests-\(ProcessInfo.processInfo.processIdentifier)"

func temporaryPath(_ name: String) -> String {
    try? FileManager.default.createDirectory(atPath: temporaryFolder, withIntermediateDirectories: true)
    return temporaryFolder + "/" + name
}

/// Called from each test class's tearDown.
func removeTemporaryFiles() {
    try? FileManager.default.removeItem(atPath: temporaryFolder)
}
