import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaModel
@testable import PingchaXlsx
import PingchaTestSupport
import XCTest
import ZIPFoundation

/// A written .xlsx read back.
typealias XlsxPackage = ZipParts

extension ZipParts {
    /// Sheet names in workbook order.
    func sheetNames() throws -> [String] {
        try xml("xl/workbook.xml").elements("sheet").compactMap { $0.attr("name") }
    }

    /// The `n`th worksheet (1-based), with the cells by reference.
    func sheet(_ n: Int) throws -> WorksheetReading {
        WorksheetReading(document: try xml("xl/worksheets/sheet\(n).xml"), styles: try StylesReading(xml("xl/styles.xml")))
    }
}

struct WorksheetReading {
    let document: XMLDocument
    let styles: StylesReading

    var rows: [XMLElement] { document.elements("row") }

    func cell(_ reference: String) -> XMLElement? {
        document.elements("c").first { $0.attr("r") == reference }
    }

    /// What the cell holds as written: `<v>` for numbers, the inline text for strings.
    func value(_ reference: String) -> String? {
        guard let c = cell(reference) else { return nil }
        if c.attr("t") == "inlineStr" { return c.elements("t").map { $0.stringValue ?? "" }.joined() }
        return c.firstElement("v")?.stringValue
    }

    /// The number format code of the cell's style.
    func formatCode(_ reference: String) -> String? {
        let s = cell(reference)?.attr("s").flatMap(Int.init) ?? 0
        return styles.formatCode(ofStyle: s)
    }

    /// Column widths of `<cols>`, in order.
    var widths: [Double] { document.elements("col").compactMap { $0.attr("width").flatMap(Double.init) } }
}

struct StylesReading {
    let xfs: [XMLElement]
    let customFormats: [Int: String]

    init(_ document: XMLDocument) {
        xfs = document.firstElement("cellXfs")?.elements("xf") ?? []
        var formats: [Int: String] = [:]
        for f in document.elements("numFmt") {
            if let id = f.attr("numFmtId").flatMap(Int.init), let code = f.attr("formatCode") { formats[id] = code }
        }
        customFormats = formats
    }

    func formatCode(ofStyle s: Int) -> String? {
        guard s < xfs.count, let id = xfs[s].attr("numFmtId").flatMap(Int.init) else { return nil }
        let builtin = [0: "General", 1: "0", 2: "0.00", 9: "0%", 10: "0.00%", 14: "m/d/yyyy"]
        return customFormats[id] ?? builtin[id]
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension XMLNode {
    /// Descendant elements with this name, in document order.
    func elements(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        func walk(_ node: XMLNode) {
            for child in node.children ?? [] {
                guard let element = child as? XMLElement else { continue }
                if element.name == name { found.append(element) }
                walk(element)
            }
        }
        walk(self)
        return found
    }

    func firstElement(_ name: String) -> XMLElement? { elements(name).first }

    /// Names of the direct child elements.
    var childNames: [String] { (children ?? []).compactMap { ($0 as? XMLElement)?.name } }
}

extension XMLElement {
    /// Searches the attribute list itself: on Linux attribute(forName:) can miss unprefixed
    /// attributes of elements in a default namespace.
    func attr(_ name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}

/// A fresh, empty folder for one test.
func temporaryFolder(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let dir = NSTemporaryDirectory() + "pingcha-xlsx-tests-\(ProcessInfo.processInfo.processIdentifier)/\(safe)"
    try? FileManager.default.removeItem(atPath: dir)
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// A workbook with every kind of cell on two sheets: what most tests read.
enum SampleWorkbook {
    static let scoreColumns = [
        Column("案卷编号"), Column("立案日期", .date), Column("得分", .decimal(places: 1)),
        Column("扣分项数", .integer), Column("扣分率", .percent(places: 1)), Column("说明"),
    ]

    static func write(to path: String) throws {
        let book = try Workbook(path: path, title: "评查结果")
        let scores = try book.addSheet("案卷得分", columns: scoreColumns)
        try scores.append([.text("AJ-2024-0001"), .date(CivilDate(year: 2024, month: 3, day: 5)!), .decimal("87.5"),
                           .integer(3), .percent(0.125), .text("A & B <c> \"引号\" 控制\u{0001}\u{0008}字符\u{FFFF}")])
        try scores.append([.text("AJ-2024-0002"), .date(CivilDate(year: 1900, month: 3, day: 1)!), .decimal(DecimalNumber(100)),
                           .integer(-12), .percent(1), .text("第一行\n第二行")])
        try scores.append([.text("城市管理综合行政执法局（本级）"), .date(CivilDate(year: 1899, month: 12, day: 31)!), .decimal("-3.25"),
                           .number(123456789.125), .bool(true), .bool(false)])
        let problems = try book.addSheet("问题/统计", columns: [Column("问题"), Column("次数", .integer), Column("占比", .percent(places: 2)),
                                                            Column("备注", width: 30)])
        try problems.append(["未告知陈述申辩权利", 120, .percent(0.3456), .empty])
        try problems.append([.text("  前后空格  "), .number(.nan), .decimal("1,234"), "_x000D_ 字面"])
        try book.close()
    }
}
