/// Recognises the rows departments put among and below their cases: totals (合计, 总计, 小计),
/// notes (填报说明, 备注, 以下空白), signatures (制表人, 填表人, 审核人, 填报日期), the header
/// repeated (a table pasted under another, or printed page by page) and a group's title on
/// a row of its own (二季度, 一、行政处罚). Only a row that would otherwise be rejected is looked
/// at (``RowNormaliser``), so a case is never taken for one of these.
enum SummaryRow {
    static let labels = ["合计", "总计", "小计", "共计", "累计", "填报说明", "填表说明", "说明", "备注", "注：", "注:",
                         "制表人", "制表", "审核人", "审核", "填报人", "填表人", "经办人", "填报单位", "填报日期", "填表日期",
                         "制表日期", "负责人", "单位负责人", "联系人", "统计", "以上", "以下空白", "以下无", "本页以下空白",
                         "（以下空白）", "(以下空白)"]

    /// The label of a row that is no case: ``label(_:)``, or the header repeated (every filled
    /// cell, at least two, is the header's cell of its column; `header` trimmed), or a group
    /// title (one filled cell, holding no digit: a case number always does, and one cell is
    /// never a case).
    static func label(_ record: RecordView, header: [String]) -> String? {
        if let label = label(record) { return label }
        var filled: [(column: Int, text: String)] = []
        for i in 0..<record.fieldCount {
            let cell = CellTrimming.trim(record.field(i))
            guard !cell.isEmpty else { continue }
            filled.append((i, String(decoding: cell.prefix(240), as: UTF8.self)))
        }
        let repeatsHeader = filled.count >= 2 && filled.allSatisfy { $0.column < header.count && header[$0.column] == $0.text }
        let isGroupTitle = filled.count == 1
            && !filled[0].text.unicodeScalars.contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
        return repeatsHeader || isGroupTitle ? String(filled[0].text.prefix(40)) : nil
    }

    /// The label of a totals or notes row: its first non-empty cell, when that cell starts
    /// with one of ``labels`` (spaces inside ignored: `合　计`).
    static func label(_ record: RecordView) -> String? {
        for i in 0..<record.fieldCount {
            let cell = CellTrimming.trim(record.field(i))
            if cell.isEmpty { continue }
            let text = String(decoding: cell.prefix(240), as: UTF8.self)
            let squeezed = String(text.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" }.prefix(40))
            guard labels.contains(where: { squeezed.hasPrefix($0) }) else { return nil }
            return String(text.prefix(40))
        }
        return nil
    }
}
