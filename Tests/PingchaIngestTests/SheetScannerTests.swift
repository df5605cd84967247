import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel
import PingchaTestSupport

/// The worksheet reader written for large sheets (``SheetScanner``) against libexpat: the same
/// events for what writers produce and for the XML they rarely write (CDATA, comments, entity
/// and character references, prefixes, single quotes, CR LF), whatever the pieces the bytes
/// arrive in; malformed parts refused at their byte; parts it leaves to libexpat.
final class SheetScannerTests: XCTestCase {
    /// Events as text, consecutive text pieces joined (pieces depend on where bytes were cut).
    struct Recorder: SheetEventSink {
        var events: [String] = []
        var stopAtSheetDataEnd = true

        mutating func start(_ element: SheetElement, _ a: SheetAttributes) {
            func text(_ v: UnsafeBufferPointer<UInt8>?) -> String { v.map { String(decoding: $0, as: UTF8.self) } ?? "-" }
            events.append("<\(element) r=\(text(a.r)) s=\(text(a.s)) t=\(text(a.t))")
        }

        mutating func end(_ element: SheetElement) -> Bool {
            events.append("</\(element)")
            return !(stopAtSheetDataEnd && element == .sheetData)
        }

        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            let piece = String(decoding: bytes, as: UTF8.self)
            if let last = events.last, last.hasPrefix("text ") {
                events[events.count - 1] = last + piece
            } else {
                events.append("text " + piece)
            }
        }
    }

    /// libexpat's events in the same form.
    final class ExpatRecorder: XMLEventHandler {
        var recorder = Recorder()
        var stream: XMLStream?
        func start(_ name: XMLName, _ attributes: XMLAttributes) {
            func value(_ key: StaticString) -> UnsafeBufferPointer<UInt8>? {
                attributes.value(key).map { UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0)) }
            }
            recorder.start(Self.element(name), SheetAttributes(r: value("r"), s: value("s"), t: value("t")))
        }
        func end(_ name: XMLName) { if !recorder.end(Self.element(name)) { stream?.stop() } }
        func text(_ bytes: UnsafeBufferPointer<UInt8>) { recorder.text(bytes) }
        static func element(_ name: XMLName) -> SheetElement {
            let all: [(StaticString, SheetElement)] = [("c", .c), ("v", .v), ("t", .t), ("row", .row), ("is", .is), ("rPh", .rPh), ("sheetData", .sheetData)]
            return all.first { name.is($0.0) }?.1 ?? .other
        }
    }

    func scan(_ xml: [UInt8], piece: Int) throws(SheetScanner.Failure) -> [String] {
        var scanner = SheetScanner()
        defer { scanner.release() }
        var recorder = Recorder()
        var i = 0
        while i < xml.count && !scanner.stopped {
            let n = min(piece, xml.count - i)
            let piece = Array(xml[i..<(i + n)])
            let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: n, alignment: 1)
            defer { bytes.deallocate() }
            bytes.copyBytes(from: piece)
            try scanner.feed(UnsafeRawBufferPointer(bytes), final: false, into: &recorder)
            i += n
        }
        try scanner.feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &recorder)
        return recorder.events
    }

    func expat(_ xml: [UInt8]) throws -> [String] {
        let handler = ExpatRecorder()
        let stream = XMLStream(handler: handler)
        handler.stream = stream
        try xml.withUnsafeBytes { try stream.feed($0, final: true) }
        return handler.recorder.events
    }

    static let tricky = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
        <!-- written by hand -->
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\
        <x:row r="1" spans="1:3"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r='B1' s = "2" t='inlineStr'><x:is><x:r><x:t>克市&amp;监罚</x:t></x:r>\
        <x:r><x:t xml:space="preserve"> 〔2024〕&#49;&#x53F7;</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ケ</x:t></x:rPh></x:is></x:c>\
        <x:c r="C1" t="str" attr="a>b"><x:f>A1&lt;2</x:f><x:v><![CDATA[<第一行>]]>\r\n第二行</x:v></x:c></x:row>\
        <?pi data?><x:row r="2"><x:c r="A2" s="1"><x:v>45383</x:v></x:c><x:c r="B2" t="b"/></x:row></x:sheetData>\
        <x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>
        """

    func testSameEventsAsExpatInEveryPieceSize() throws {
        let xml = Array(Self.tricky.utf8)
        let expected = try expat(xml)
        XCTAssertEqual(expected, [
            "<other r=- s=- t=-", "<sheetData r=- s=- t=-",
            "<row r=1 s=- t=-",
            "<c r=A1 s=- t=s", "<v r=- s=- t=-", "text 0", "</v", "</c",
            "<c r=B1 s=2 t=inlineStr", "<is r=- s=- t=-", "<other r=- s=- t=-", "<t r=- s=- t=-", "text 克市&监罚", "</t", "</other",
            "<other r=- s=- t=-", "<t r=- s=- t=-", "text  〔2024〕1号", "</t", "</other",
            "<rPh r=- s=- t=-", "<t r=- s=- t=-", "text ケ", "</t", "</rPh", "</is", "</c",
            "<c r=C1 s=- t=str", "<other r=- s=- t=-", "text A1<2", "</other", "<v r=- s=- t=-", "text <第一行>\n第二行", "</v", "</c",
            "</row",
            "<row r=2 s=- t=-", "<c r=A2 s=1 t=-", "<v r=- s=- t=-", "text 45383", "</v", "</c", "<c r=B2 s=- t=b", "</c", "</row",
            "</sheetData",
        ])
        for piece in [1, 2, 3, 5, 7, 13, 64, 1 << 20] {
            XCTAssertEqual(try scan(xml, piece: piece), expected, "pieces of \(piece) bytes")
        }
    }

    func testMalformedPartsAreRefusedAtTheirByte() {
        let cases: [(String, String, Int)] = [
            ("<worksheet><sheetData><row></c></sheetData></worksheet>", "结束标签与开始标签不符", 29),
            ("<worksheet><sheetData><row><c r=A1/></row></sheetData></worksheet>", "属性值缺少引号", 32),
            ("<worksheet><sheetData><row><c><v>&nbsp;</v></c></row></sheetData></worksheet>", "未定义的实体引用", 33),
            ("<worksheet><sheetData><row><c><v>\u{FF}</v></c></row></sheetData></worksheet>", "", -1),
            ("<worksheet><sheetData><row>", "文档未结束（缺少结束标签）", 27),
            ("<worksheet/><worksheet/>", "根元素之后还有元素", 13),
            ("<worksheet>x</worksheet>y", "根元素之外有文本", 24),
        ]
        for (xml, message, offset) in cases {
            var bytes = Array(xml.utf8)
            if offset == -1 {
                // A byte that is no UTF-8 (ÿ written as Latin-1).
                bytes = Array("<worksheet><sheetData><row><c><v>".utf8) + [0xFF] + Array("</v></c></row></sheetData></worksheet>".utf8)
            }
            for piece in [1, 4, 1 << 20] {
                XCTAssertThrowsError(try scan(bytes, piece: piece), xml) { error in
                    let expected: SheetScanner.Failure = offset == -1 ? .malformed("文本不是有效的 UTF-8", offset: 33) : .malformed(message, offset: offset)
                    XCTAssertEqual(error as? SheetScanner.Failure, expected, "\(xml), pieces of \(piece)")
                }
                XCTAssertThrowsError(try expat(bytes), "libexpat refuses it too: \(xml)")
            }
        }
    }

    func testDoctypeAndOtherEncodingsAreLeftToExpat() {
        for xml in ["<?xml version=\"1.0\" encoding=\"GB18030\"?><worksheet/>",
                    "<!DOCTYPE worksheet [<!ENTITY d \"局\">]><worksheet/>"] {
            XCTAssertThrowsError(try scan(Array(xml.utf8), piece: 1 << 20)) { error in
                XCTAssertEqual(error as? SheetScanner.Failure, .unsupported)
            }
        }
        XCTAssertEqual(try scan(Array("\u{FEFF}<?xml version='1.0' encoding='utf-8'?><worksheet/>".utf8), piece: 2), ["<other r=- s=- t=-", "</other"])
    }

    /// A sheet with a document type declaring an entity is read through libexpat, which
    /// replaces the entity; a sheet broken in the middle is refused with libexpat's line and
    /// column.
    func testWorkbookSheetsTheScannerLeavesToExpat() throws {
        let parts = try ZipParts(path: IngestFixture.workbookFixtures + "/grouped-header.xlsx")
        let sheet = parts.text("xl/worksheets/sheet1.xml")
        let f = IngestFixture()

        let declared = sheet.replacingOccurrences(of: "<worksheet ", with: "<!DOCTYPE worksheet [<!ENTITY dept \"市场监督管理局\">]>\n<worksheet ")
            .replacingOccurrences(of: "<t>市场监督管理局</t>", with: "<t>&dept;</t>")
        try parts.write(to: f.dir + "/entity.xlsx", replacing: ["xl/worksheets/sheet1.xml": Data(declared.utf8)])
        let read = f.ingest(["entity.xlsx"])[0]
        XCTAssertNil(read.refusal)
        XCTAssertEqual(read.accepted, 2)
        XCTAssertEqual(f.cases.map { f.text($0, "department") }, ["市场监督管理局", "市场监督管理局"])

        let broken = sheet.replacingOccurrences(of: "<c r=\"B5\" t=\"inlineStr\"><is><t>市场监督管理局</t></is></c>",
                                                with: "<c r=\"B5\" t=\"inlineStr\"><is><t>市场监督管理局</is></t></c>")
        XCTAssertNotEqual(broken, sheet)
        try parts.write(to: f.dir + "/broken.xlsx", replacing: ["xl/worksheets/sheet1.xml": Data(broken.utf8)])
        let refused = f.ingest(["broken.xlsx"])[0]
        let message = refused.refusal?.message ?? refused.sheets.compactMap(\.skipReason).joined()
        // libexpat counts columns in characters from 0, here to the name in `</is>`.
        let column = broken[..<broken.range(of: "</is></t>")!.lowerBound].unicodeScalars.count + 2
        XCTAssertEqual(column, 1322)
        XCTAssertEqual(message, "\(f.dir)/broken.xlsx: 无法读取：工作簿部件 xl/worksheets/sheet1.xml 的 XML 有误（第1行第1322列：mismatched tag）")
    }
}
