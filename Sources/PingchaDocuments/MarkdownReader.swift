import PingchaModel

/// Reads the Markdown a report template renders into an ``OfficialDocument``.
///
/// The subset is what an official document needs, so template authors can write ordinary
/// Markdown: an optional front matter (`---` … `---`) with `issuer`, `document-number`,
/// `recipients`, `signature`, `date` and the 版记's `copy-to`, `printed-by`, `printed-on`; `#` the
/// title; `##`, `###`, `####` the three heading levels (一、 （一） 1.); paragraphs (lines joined
/// until a blank line); `- ` items, each a paragraph; pipe tables with an alignment row and an
/// optional `Table: caption` line just before; `**bold**`; `<!-- chart: NAME -->` and
/// `<!-- page-break -->`. Other HTML comments are notes for the template's reader and are dropped.
///
/// A `# 附件：名称` line (or `# 附件1：名称`) starts an attachment: what follows, up to the next
/// such line, is printed on pages of its own after the signature. Attachments are numbered in
/// order whatever number the line gives, and the body's 附件说明 is made from their names.
///
/// In `document-number`, `{year}` is the year of `date` and `{number}` a visible blank to write
/// the number in (``DocumentNumber``). The 版记 appears when any of its keys has a value; its
/// date is `date` unless `printed-on` says otherwise.
public struct MarkdownReader {
    /// Named for error messages (the template's file name).
    public var source: String
    public var charts: [String: Chart]

    public init(source: String, charts: [String: Chart] = [:]) {
        self.source = source
        self.charts = charts
    }

    public func read(_ text: String) throws(PingchaError) -> OfficialDocument {
        var document = OfficialDocument(title: "")
        // Split on the LF byte, not on characters: a character-by-character split of a notice of
        // two thousand table rows was a tenth of its making, and it kept CR LF (one character)
        // together, so a template saved with Windows line ends read as one line.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            let s = Substring(line)
            return s.utf8.last == 0x0D ? s.dropLast() : s
        }
        var lineNo = 0
        var signatureName: String?, signatureDate: String?
        var copyTo: String?, printedBy: String?, printedOn: String?

        // Template comments before the front matter leave blank lines behind.
        while lineNo < lines.count, lines[lineNo].trimmingCharacters().isEmpty { lineNo += 1 }
        if lineNo < lines.count, lines[lineNo].trimmingCharacters() == "---" {
            let start = lineNo
            var end: Int?
            for (i, line) in lines.enumerated().dropFirst(start + 1) where line.trimmingCharacters() == "---" {
                end = i
                break
            }
            guard let end else { throw located(start + 1, "front matter 以 --- 开始但没有结束的 ---") }
            for i in (start + 1)..<end {
                let line = lines[i].trimmingCharacters()
                if line.isEmpty || line.hasPrefix("#") { continue }
                guard let colon = line.firstIndex(of: ":") else { throw located(i + 1, "front matter 每行应为「键: 值」：\(line)") }
                let key = line[..<colon].trimmingCharacters()
                let raw = line[line.index(after: colon)...].trimmingCharacters()
                let value: String? = raw.isEmpty ? nil : MarkdownText.plain(Substring(raw))
                switch key {
                case "issuer": document.issuer = value
                case "document-number": document.documentNumber = value
                case "recipients": document.recipients = value
                case "signature": signatureName = value
                case "date": signatureDate = value
                case "copy-to": copyTo = value
                case "printed-by": printedBy = value
                case "printed-on": printedOn = value
                default:
                    throw located(i + 1, "front matter 中未知的键「\(key)」；可用：\(Self.frontMatterKeys.joined(separator: "、"))")
                }
            }
            lineNo = end + 1
        }

        var body: [Block] = []
        var attachments: [Attachment] = []
        /// Blocks go to the body until the first attachment starts, then to the latest one.
        func append(_ block: Block) {
            if attachments.isEmpty { body.append(block) } else { attachments[attachments.count - 1].blocks.append(block) }
        }
        var paragraph: [Substring] = []
        var pendingCaption: (text: String, line: Int)?
        func flush() {
            guard !paragraph.isEmpty else { return }
            append(.paragraph(MarkdownText.runs(Substring(paragraph.joined()))))
            paragraph = []
        }

        while lineNo < lines.count {
            let line = lines[lineNo]
            let trimmed = Substring(line.trimmingCharacters())
            let number = lineNo + 1
            lineNo += 1
            if trimmed.isEmpty { flush(); continue }
            if trimmed.hasPrefix("<!--") {
                flush()
                guard trimmed.hasSuffix("-->") else { throw located(number, "注释 <!-- 须在同一行以 --> 结束") }
                let inner = trimmed.dropFirst(4).dropLast(3).trimmingCharacters()
                if inner == "page-break" {
                    append(.pageBreak)
                } else if inner.hasPrefix("chart:") {
                    let name = inner.dropFirst(6).trimmingCharacters()
                    guard let chart = charts[name] else {
                        throw located(number, "没有名为「\(name)」的图表；" + (charts.isEmpty ? "这份文书没有可放的图表" : "可用：\(charts.keys.sorted().joined(separator: "、"))"))
                    }
                    append(.chart(chart))
                }
                continue
            }
            if let level = headingLevel(trimmed) {
                flush()
                let text = MarkdownText.plain(trimmed.drop { $0 == "#" }.drop { $0 == " " })
                if level == 0, !document.title.isEmpty, let name = attachmentTitle(text) {
                    if let pendingCaption { throw located(pendingCaption.line, "「Table:」标题之后没有表格") }
                    guard !name.isEmpty else { throw located(number, "附件须有名称，如「# 附件：问题清单」") }
                    attachments.append(Attachment(title: name))
                } else if level == 0 {
                    if document.title.isEmpty { document.title = text } else { append(.heading(level: 1, text: text)) }
                } else {
                    append(.heading(level: level, text: text))
                }
                continue
            }
            if trimmed.hasPrefix("Table:") {
                flush()
                pendingCaption = (MarkdownText.plain(trimmed.dropFirst(6).drop { $0 == " " }), number)
                continue
            }
            if trimmed.hasPrefix("|") {
                flush()
                var tableLines: [(Substring, Int)] = [(trimmed, number)]
                while lineNo < lines.count {
                    let next = lines[lineNo].trimmingCharacters()
                    guard next.hasPrefix("|") else { break }
                    tableLines.append((Substring(next), lineNo + 1))
                    lineNo += 1
                }
                var table = try readTable(tableLines)
                table.caption = pendingCaption?.text
                pendingCaption = nil
                append(.table(table))
                continue
            }
            if trimmed.hasPrefix("- ") {
                flush()
                append(.paragraph(MarkdownText.runs(trimmed.dropFirst(2))))
                continue
            }
            paragraph.append(trimmed)
        }
        flush()
        if let pendingCaption { throw located(pendingCaption.line, "「Table:」标题之后没有表格") }
        guard !document.title.isEmpty else { throw located(1, "缺少以 # 开头的标题行") }
        document.blocks = body
        document.attachments = attachments
        if let name = signatureName {
            document.signature = Signature(organisation: name, date: signatureDate ?? "")
        }
        if let number = document.documentNumber {
            document.documentNumber = DocumentNumber.resolve(number, date: signatureDate)
        }
        if copyTo != nil || printedBy != nil || printedOn != nil {
            document.colophon = Colophon(copyTo: copyTo, printedBy: printedBy, printedOn: printedOn ?? signatureDate)
        }
        return document
    }

    static let frontMatterKeys = ["issuer", "document-number", "recipients", "signature", "date", "copy-to", "printed-by", "printed-on"]

    /// The name of an attachment from a title-level heading "附件：名称", "附件1：名称", "附件 名称"
    /// (the number, if any, is dropped: attachments are numbered in order); nil for any other
    /// heading.
    private func attachmentTitle(_ heading: String) -> String? {
        guard heading.hasPrefix("附件") else { return nil }
        var rest = heading.dropFirst(2).drop { $0.isASCII && $0.isNumber }
        guard let separator = rest.first, "：: \u{3000}".contains(separator) else { return rest.isEmpty ? "" : nil }
        rest = rest.dropFirst()
        return rest.trimmingCharacters()
    }

    /// 0 for the title (`#`), 1–3 for `##`–`####`; nil for a line that is not a heading.
    private func headingLevel(_ line: Substring) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...4).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes - 1
    }

    private func readTable(_ lines: [(Substring, Int)]) throws(PingchaError) -> Table {
        guard lines.count >= 2 else { throw located(lines[0].1, "表格至少需要表头行和对齐行（|---|）") }
        let header = cells(lines[0].0)
        let rule = cells(lines[1].0)
        guard rule.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ":-".contains($0) } }) else {
            throw located(lines[1].1, "表格第二行应为对齐行，如 |---|---:|")
        }
        guard rule.count == header.count else {
            throw located(lines[1].1, "对齐行有 \(rule.count) 列，表头有 \(header.count) 列")
        }
        let alignments: [Table.Alignment] = rule.map { r in
            switch (r.hasPrefix(":"), r.hasSuffix(":")) {
            case (true, true): .center
            case (false, true): .trailing
            default: .leading
            }
        }
        var rows: [[String]] = []
        for (line, number) in lines.dropFirst(2) {
            var row = cells(line)
            guard row.count <= header.count else {
                throw located(number, "这一行有 \(row.count) 列，表头只有 \(header.count) 列（单元格中的 | 须写作 \\|）")
            }
            while row.count < header.count { row.append("") }
            rows.append(row)
        }
        return Table(header: header, rows: rows, alignments: alignments)
    }

    /// Splits `| a | b\|c |` into `a`, `b|c` (on the UTF-8 bytes: the bars are ASCII).
    private func cells(_ line: Substring) -> [String] {
        let bytes = Array(line.utf8)
        var start = 0, end = bytes.count
        if start < end, bytes[start] == 0x7C { start += 1 }
        if end > start, bytes[end - 1] == 0x7C, !(end - 2 >= start && bytes[end - 2] == 0x5C) { end -= 1 }
        var out: [String] = []
        var cellStart = start
        var i = start
        while i < end {
            if bytes[i] == 0x5C, i + 1 < end {
                i += 2
                continue
            }
            if bytes[i] == 0x7C {
                out.append(cell(bytes[cellStart..<i]))
                cellStart = i + 1
            }
            i += 1
        }
        out.append(cell(bytes[cellStart..<end]))
        return out
    }

    private func cell(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        while let f = slice.first, f == 0x20 || f == 0x09 { slice.removeFirst() }
        while let l = slice.last, l == 0x20 || l == 0x09 { slice.removeLast() }
        return MarkdownText.plain(Substring(String(decoding: slice, as: UTF8.self)))
    }

    private func located(_ line: Int, _ message: String) -> PingchaError {
        .located(SourceLocation(file: source, line: line), message)
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        // Most lines neither start nor end with a space: asked of the first and last scalars,
        // that needs no walk through the characters.
        if let first = unicodeScalars.first, let last = unicodeScalars.last,
           !first.properties.isWhitespace, !last.properties.isWhitespace {
            return String(self)
        }
        return String(self).trimmingSpaces
    }
}
