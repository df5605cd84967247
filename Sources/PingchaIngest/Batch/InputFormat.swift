import PingchaModel

/// What kind of file an input is, decided by its first bytes rather than its name: a workbook
/// renamed `.csv`, or a CSV saved as `.xls` by a platform that names every export so, is read
/// for what it is.
enum InputFormat: Equatable {
    /// Delimited text (CSV, tab-separated), in any encoding the detector knows.
    case text
    /// Office Open XML workbook (a zip package).
    case xlsx
    /// Excel 97–2003 workbook (BIFF8 in an OLE2 compound file).
    case xls

    static func detect(_ file: ChunkedFile) throws(PingchaError) -> InputFormat {
        var head: [UInt8] = []
        file.forEachBlock(in: 0..<min(8, file.size)) { head.append(contentsOf: $0) }
        let name = file.path.lowercased()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if let advice = zipAdvice(name) { throw .unsupportedFormat(file.path, detail: advice) }
            return .xlsx
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            if name.hasSuffix(".doc") || name.hasSuffix(".wps") {
                throw .unsupportedFormat(file.path, detail: "这是 Word/WPS 文字文档，不是案件清单；请导出为 Excel 或 CSV 文件")
            }
            if name.hasSuffix(".et") {
                throw .unsupportedFormat(file.path, detail: "这是 WPS 表格（.et）文件；请在 WPS 中另存为 .xlsx 后再导入")
            }
            return .xls
        }
        if head.starts(with: Array("%PDF".utf8)) {
            throw .unsupportedFormat(file.path, detail: "这是 PDF 文件，无法读取其中的表格；请向执法部门索取 Excel 或 CSV 格式的导出文件")
        }
        return .text
    }

    /// The zip packages that are not workbooks, by name, with what to do instead.
    private static func zipAdvice(_ name: String) -> String? {
        if name.hasSuffix(".docx") { return "这是 Word 文档（.docx），不是案件清单；请导出为 Excel 或 CSV 文件" }
        if name.hasSuffix(".ods") { return "这是 OpenDocument 表格（.ods）；请在 WPS 或 LibreOffice 中另存为 .xlsx 后再导入" }
        if name.hasSuffix(".numbers") { return "这是 Numbers 表格；请在 Numbers 中导出为 Excel（.xlsx）后再导入" }
        if name.hasSuffix(".zip") { return "这是压缩包；请先解压，再导入其中的 .xlsx、.xls 或 .csv 文件" }
        return nil
    }
}
