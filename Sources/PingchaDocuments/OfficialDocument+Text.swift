extension OfficialDocument {
    /// The document with `transform` applied to every piece of text it prints.
    public func mappingText(_ transform: (String) -> String) -> OfficialDocument {
        var d = self
        d.issuer = issuer.map(transform)
        d.documentNumber = documentNumber.map(transform)
        d.title = transform(title)
        d.recipients = recipients.map(transform)
        d.signature = signature.map { Signature(organisation: transform($0.organisation), date: transform($0.date)) }
        d.blocks = Self.mapping(blocks, transform)
        // Attachments are printed and published with the document: a mask must reach them.
        d.attachments = attachments.map { Attachment(title: transform($0.title), blocks: Self.mapping($0.blocks, transform)) }
        d.colophon = colophon.map {
            Colophon(copyTo: $0.copyTo.map(transform), printedBy: $0.printedBy.map(transform), printedOn: $0.printedOn.map(transform))
        }
        return d
    }

    private static func mapping(_ blocks: [Block], _ transform: (String) -> String) -> [Block] {
        blocks.map { (block: Block) -> Block in
            switch block {
            case .heading(let level, let text): return .heading(level: level, text: transform(text))
            case .paragraph(let runs): return .paragraph(runs.map { Run(transform($0.text), strong: $0.strong) })
            case .table(var t):
                t.caption = t.caption.map(transform)
                t.header = t.header.map(transform)
                t.rows = t.rows.map { $0.map(transform) }
                return .table(t)
            case .chart, .pageBreak: return block
            }
        }
    }
}
