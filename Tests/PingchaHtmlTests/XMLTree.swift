import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses rendered HTML with an XML parser, which proves it well-formed, and offers a few
/// look-ups the tests need.
enum XMLTree {
    static func parse(_ html: String) throws -> XMLDocument {
        // libxml2 accepts `<!DOCTYPE html>`, but dropping it keeps the test independent of that.
        var text = html
        if text.hasPrefix("<!DOCTYPE html>") { text.removeFirst("<!DOCTYPE html>".count) }
        return try XMLDocument(data: Data(text.utf8), options: [])
    }

    static func elements(named name: String, in node: XMLNode) -> [XMLElement] {
        var found: [XMLElement] = []
        func walk(_ n: XMLNode) {
            if let e = n as? XMLElement, (e.localName ?? e.name) == name { found.append(e) }
            for child in n.children ?? [] { walk(child) }
        }
        walk(node)
        return found
    }

    static func attribute(_ name: String, of element: XMLElement) -> String? {
        // Looked up by hand: inside the SVG namespace FoundationXML's `attribute(forName:)`
        // does not find unprefixed attributes on Linux.
        (element.attributes ?? []).first { ($0.localName ?? $0.name) == name }?.stringValue
    }

    static func number(_ name: String, of element: XMLElement) -> Double? {
        attribute(name, of: element).flatMap(Double.init)
    }

    static func hasClass(_ cssClass: String, _ element: XMLElement) -> Bool {
        (attribute("class", of: element) ?? "").split(separator: " ").contains(Substring(cssClass))
    }
}
