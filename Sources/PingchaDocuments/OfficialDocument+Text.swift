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
            case .chart(let chart): return .chart(chart.mappingText(transform))
            case .pageBreak: return block
            }
        }
    }
}

extension Chart {
    /// The chart with every text it prints (title, labels, captions) passed through
    /// `transform`: a published chart is masked as the text around it is.
    public func mappingText(_ transform: (String) -> String) -> Chart {
        switch self {
        case .bars(var c):
            c.title = transform(c.title)
            c.bars = c.bars.map { BarChart.Bar(label: transform($0.label), value: $0.value, caption: transform($0.caption)) }
            return .bars(c)
        case .intervals(var c):
            c.title = transform(c.title)
            c.points = c.points.map {
                IntervalChart.Point(label: transform($0.label), value: $0.value, low: $0.low, high: $0.high, caption: transform($0.caption))
            }
            return .intervals(c)
        case .trend(var c):
            c.title = transform(c.title)
            c.points = c.points.map(transform)
            c.series = c.series.map { TrendChart.Series(label: transform($0.label), values: $0.values) }
            return .trend(c)
        }
    }
}
