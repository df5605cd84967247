import CExpat
#if canImport(Glibc)
import Glibc
#endif

/// What a worksheet or workbook part reader does with the parts of an XML document, as libexpat
/// reports them. Names arrive without their namespace prefix (`x:c` and `c` are both `c`):
/// SpreadsheetML writers differ in prefixes, never in local names.
protocol XMLEventHandler: AnyObject {
    func start(_ name: XMLName, _ attributes: XMLAttributes)
    func end(_ name: XMLName)
    /// Character data, in pieces: one text node may arrive in several calls.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// An element's local name, borrowed from libexpat for the duration of a callback.
struct XMLName {
    let bytes: UnsafePointer<CChar>

    init(_ qualified: UnsafePointer<CChar>) {
        // The local part starts after the last colon, if any.
        var local = qualified
        var p = qualified
        while p.pointee != 0 {
            if p.pointee == 0x3A { local = p + 1 }
            p += 1
        }
        bytes = local
    }

    /// Compares with an ASCII name without building a String (called for every element).
    @inline(__always)
    func `is`(_ name: StaticString) -> Bool {
        let other = name.utf8Start
        var i = 0
        while i < name.utf8CodeUnitCount {
            if UInt8(bitPattern: bytes[i]) != other[i] { return false }
            i += 1
        }
        return bytes[i] == 0
    }

    var string: String { String(cString: bytes) }
}

/// An element's attributes, borrowed from libexpat: a null-terminated list of name, value pairs.
struct XMLAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<CChar>?>

    /// The value of the attribute whose local name is `name`.
    func value(_ name: StaticString) -> UnsafePointer<CChar>? {
        var i = 0
        while let key = pairs[i] {
            if XMLName(key).is(name) { return pairs[i + 1] }
            i += 2
        }
        return nil
    }

    func string(_ name: StaticString) -> String? { value(name).map { String(cString: $0) } }

    /// The value as a non-negative decimal integer; nil when absent or not one.
    func integer(_ name: StaticString) -> Int? {
        guard var p = value(name), p.pointee != 0 else { return nil }
        var n = 0
        while p.pointee != 0 {
            let d = Int(p.pointee) - 48
            guard d >= 0 && d <= 9, n < Int.max / 10 - 9 else { return nil }
            n = n * 10 + d
            p += 1
        }
        return n
    }
}

/// A push parser over libexpat: bytes go in as they come out of the zip entry, events go to
/// the handler, and nothing of the document is kept. Chosen over FoundationXML's `XMLParser`
/// (measured in BENCHMARKS.md): expat takes input in pieces without a second thread and hands
/// names and text over as bytes, so a sheet is read without a String per element.
final class XMLStream {
    enum Failure: Error {
        /// Malformed XML, with the line and column in the part (libexpat's own message).
        case malformed(message: String, line: Int, column: Int)
    }

    private let parser: XML_Parser
    /// Unowned without reference counting: the handler owns the stream's lifetime (it creates
    /// the stream and keeps it only while it reads), and a checked reference cost a retain per event.
    private unowned(unsafe) let handler: XMLEventHandler
    private(set) var stopped = false

    init(handler: XMLEventHandler) {
        self.handler = handler
        parser = XML_ParserCreate(nil)
        XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
        XML_SetElementHandler(parser, { data, name, attributes in
            guard let data, let name, let attributes else { return }
            let stream = Unmanaged<XMLStream>.fromOpaque(data).takeUnretainedValue()
            stream.handler.start(XMLName(name), XMLAttributes(pairs: attributes))
        }, { data, name in
            guard let data, let name else { return }
            Unmanaged<XMLStream>.fromOpaque(data).takeUnretainedValue().handler.end(XMLName(name))
        })
        XML_SetCharacterDataHandler(parser, { data, text, length in
            guard let data, let text, length > 0 else { return }
            let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
            Unmanaged<XMLStream>.fromOpaque(data).takeUnretainedValue().handler
                .text(UnsafeBufferPointer(start: bytes, count: Int(length)))
        })
    }

    deinit { XML_ParserFree(parser) }

    /// Parses the next piece of the document; `final` marks the last one.
    func feed(_ bytes: UnsafeRawBufferPointer, final: Bool = false) throws(Failure) {
        if stopped { return }
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        if XML_Parse(parser, base, Int32(bytes.count), final ? 1 : 0) == XML_STATUS_ERROR {
            if stopped { return }
            let message = XML_ErrorString(XML_GetErrorCode(parser)).map { String(cString: $0) } ?? "XML 错误"
            throw .malformed(message: message, line: Int(XML_GetCurrentLineNumber(parser)),
                             column: Int(XML_GetCurrentColumnNumber(parser)))
        }
    }

    /// Stops parsing from inside a callback (the rest of the part is not needed).
    func stop() {
        guard !stopped else { return }
        stopped = true
        XML_StopParser(parser, 0)
    }
}
