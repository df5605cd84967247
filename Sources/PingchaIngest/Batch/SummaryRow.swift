/// Recognises the rows departments put below their cases: totals (合计, 总计, 小计), notes
/// (填报说明, 备注) and signatures (制表人, 审核人, 填报日期). Only a row that would otherwise be
/// rejected is looked at (``RowNormaliser``), so a case is never taken for one of these.
enum SummaryRow {
    static let labels = ["合计", "总计", "小计", "共计", "累计", "填报说明", "填表说明", "说明", "备注", "注：", "注:",
                         "制表人", "制表", "审核人", "审核", "填报人", "填报单位", "填报日期", "制表日期", "负责人",
                         "单位负责人", "联系人", "统计", "以上"]

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
