// Usage: xmlparsers expat|foundation SHEET.xml
// Counts the cells (<c>) and the bytes of their values (<v>, <t>) of one worksheet, reading
// the file in 256 KB pieces, and prints the time taken. Both parsers do the same work.
import CExpat
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

final class Tally {
    var cells = 0
    var valueBytes = 0
    var inValue = false
}

func isName(_ p: UnsafePointer<CChar>, _ s: StaticString) -> Bool {
    var local = p
    var q = p
    while q.pointee != 0 { if q.pointee == 0x3A { local = q + 1 }; q += 1 }
    return strcmp(local, UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
}

func runExpat(_ path: String) -> Tally {
    let tally = Tally()
    let parser = XML_ParserCreate(nil)!
    XML_SetUserData(parser, Unmanaged.passUnretained(tally).toOpaque())
    XML_SetElementHandler(parser, { data, name, _ in
        let t = Unmanaged<Tally>.fromOpaque(data!).takeUnretainedValue()
        if isName(name!, "c") { t.cells += 1 } else if isName(name!, "v") || isName(name!, "t") { t.inValue = true }
    }, { data, name in
        let t = Unmanaged<Tally>.fromOpaque(data!).takeUnretainedValue()
        if isName(name!, "v") || isName(name!, "t") { t.inValue = false }
    })
    XML_SetCharacterDataHandler(parser, { data, _, length in
        let t = Unmanaged<Tally>.fromOpaque(data!).takeUnretainedValue()
        if t.inValue { t.valueBytes += Int(length) }
    })
    let handle = FileHandle(forReadingAtPath: path)!
    while true {
        let chunk = handle.readData(ofLength: 1 << 18)
        let final = chunk.isEmpty
        chunk.withUnsafeBytes { b in
            _ = XML_Parse(parser, b.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(b.count), final ? 1 : 0)
        }
        if final { break }
    }
    XML_ParserFree(parser)
    return tally
}

final class Delegate: NSObject, XMLParserDelegate {
    let tally = Tally()
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "c" { tally.cells += 1 } else if name == "v" || name == "t" { tally.inValue = true }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v" || name == "t" { tally.inValue = false }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if tally.inValue { tally.valueBytes += string.utf8.count }
    }
}

func runFoundation(_ path: String) -> Tally {
    // A stream, as a sheet coming out of a zip would be; XMLParser pulls it in pieces.
    let parser = XMLParser(stream: InputStream(fileAtPath: path)!)
    let delegate = Delegate()
    parser.delegate = delegate
    parser.parse()
    return delegate.tally
}

let args = CommandLine.arguments
let start = Date()
let tally = args[1] == "expat" ? runExpat(args[2]) : runFoundation(args[2])
let seconds = Date().timeIntervalSince(start)
print("\(args[1]): \(tally.cells) cells, \(tally.valueBytes) value bytes, \(String(format: "%.2f", seconds)) s")
