import PingchaModel

/// The text report of `pingcha inspect` (导入检查报告), in Chinese.
///
/// Collects rejects and warnings while ingestion streams, keeping only the first few
/// examples of each group so that a file with a million bad dates still gives a short report.
public struct InspectReport {
    public let catalogue: FieldCatalogue
    /// Rejects shown per file; the rest are counted.
    public var rejectLimit: Int
    /// Example warnings shown per field.
    public var examplesPerField: Int

    private var rejects: [String: [Reject]] = [:]
    private var warnings: [String: [String: [ValueWarning]]] = [:]
    private var fileWarnings: [String: [ValueWarning]] = [:]

    public init(catalogue: FieldCatalogue, rejectLimit: Int = 20, examplesPerField: Int = 3) {
        self.catalogue = catalogue
        self.rejectLimit = rejectLimit
        self.examplesPerField = examplesPerField
    }

    public mutating func add(_ reject: Reject) {
        if rejects[reject.file, default: []].count < rejectLimit { rejects[reject.file, default: []].append(reject) }
    }

    public mutating func add(_ warning: ValueWarning) {
        switch warning.kind {
        case .unmappedColumn, .duplicateColumn, .invalidBytes, .skippedRow, .hiddenSheet:
            if fileWarnings[warning.file, default: []].count < 50 { fileWarnings[warning.file, default: []].append(warning) }
        case .invalidValue, .note, .cellError, .textAfterQuote:
            let key = warning.field ?? ""
            if warnings[warning.file, default: [:]][key, default: []].count < examplesPerField {
                warnings[warning.file, default: [:]][key, default: []].append(warning)
            }
        }
    }

    public func render(_ reports: [FileReport]) -> String {
        var out = ""
        for r in reports { out += renderFile(r) + "\n" }
        let rows = reports.reduce(0) { $0 + $1.rows }
        let accepted = reports.reduce(0) { $0 + $1.accepted }
        let rejected = reports.reduce(0) { $0 + $1.rejected }
        let skipped = reports.reduce(0) { $0 + $1.skippedRows }
        let warned = reports.reduce(0) { $0 + $1.warnings }
        let refused = reports.filter { $0.refusal != nil }.count
        out += "合计：\(reports.count) 个文件"
        if refused > 0 { out += "（其中 \(refused) 个未导入）" }
        out += "；记录 \(rows) 行 = 接受 \(accepted) + 退回 \(rejected)" + (skipped > 0 ? " + 跳过 \(skipped)" : "") + "；警告 \(warned) 条\n"
        return out
    }

    private func renderFile(_ r: FileReport) -> String {
        var out = "文件：\(r.path)\n"
        if let e = r.encoding { out += e == .xlsx || e == .xls ? "  格式：\(e.label) 工作簿\n" : "  编码：\(e.label)\n" }
        if let refusal = r.refusal {
            out += "  未导入：\(refusal.message)\n"
            return out
        }
        if !r.sheets.isEmpty {
            for sheet in r.sheets {
                guard let mapping = sheet.mapping else {
                    out += "  工作表“\(sheet.name)”：跳过（\(sheet.skipReason ?? "")）\n"
                    continue
                }
                out += "  工作表“\(sheet.name)”\(sheet.hidden ? "（隐藏）" : "")：表头在第\(sheet.headerRow ?? 1)行；记录 \(sheet.rows) 行 = 接受 \(sheet.accepted) + 退回 \(sheet.rejected)"
                    + (sheet.skippedRows > 0 ? " + 跳过 \(sheet.skippedRows)" : "") + "\n"
                out += renderMapping(mapping, indent: "    ")
            }
        } else if let mapping = r.mapping {
            out += renderMapping(mapping, indent: "  ")
        }
        if r.sheets.isEmpty, let line = r.headerLine, line > 1 { out += "  表头：第\(line)行（前 \(line - 1) 行为标题，已跳过）\n" }
        out += "  记录：\(r.rows) 行 = 接受 \(r.accepted) + 退回 \(r.rejected)"
        if r.skippedRows > 0 { out += " + 跳过 \(r.skippedRows)（合计、说明等非案件行）" }
        if r.blankRows > 0 { out += "（另有空行 \(r.blankRows) 行，已跳过）" }
        out += "\n"
        let shown = rejects[r.path] ?? []
        if r.rejected > 0 {
            out += "  退回的行：\n"
            for rej in shown {
                out += "    \(rej.position)：\(rej.reasonText)\n"
            }
            if r.rejected > shown.count { out += "    ……另有 \(r.rejected - shown.count) 行未列出（--limit 可列出更多；pingcha run 把每一行写入 rejects.csv）\n" }
        }
        for w in fileWarnings[r.path] ?? [] where w.kind == .invalidBytes {
            out += "  编码警告：\(w.message)\n"
        }
        let skipped = (fileWarnings[r.path] ?? []).filter { $0.kind == .skippedRow }
        if !skipped.isEmpty {
            out += "  跳过的非案件行：" + skipped.map { "\($0.sheet.map { "工作表“\($0)” " } ?? "")第\($0.line ?? 0)行“\($0.raw ?? "")”" }.joined(separator: "、") + "\n"
        }
        let byField = r.warningsByField.filter { !$0.key.isEmpty }
        if !byField.isEmpty {
            out += "  值警告（按字段）：\n"
            let order = byField.keys.sorted { (catalogue.index(of: $0) ?? 0) < (catalogue.index(of: $1) ?? 0) }
            for field in order {
                let name = catalogue[field]?.name ?? ""
                out += "    \(field)（\(name)）：\(byField[field]!) 条\n"
                let shown = warnings[r.path]?[field] ?? []
                for w in shown {
                    let what: String
                    switch w.kind {
                    case .note: what = w.detail
                    case .cellError: what = "错误值，按缺失处理"
                    case .textAfterQuote: what = "引号后还有文字，按 Excel 的读法连成一个值"
                    default: what = "应为" + w.detail
                    }
                    out += "      \(w.cellPosition) “\(w.raw ?? "")”：\(what)\n"
                }
                if byField[field]! > shown.count {
                    out += "      ……另有 \(byField[field]! - shown.count) 条未列出（pingcha run 把每一条写入 warnings.csv）\n"
                }
            }
        }
        return out
    }

    private func renderMapping(_ mapping: HeaderMapping, indent: String) -> String {
        var out = "\(indent)表头映射（\(mapping.columns.count) 列）：\n"
        // Three columns a line keeps a 65-column export readable on one screen.
        let items = mapping.columns.map { c -> String in
            var item = "第\(c.number)列“\(c.header)”→"
            if let f = c.field {
                item += c.duplicateOf.map { "（与第\($0)列重复，忽略）" } ?? catalogue[f].id
                if let u = c.unit, !u.isEmpty { item += "（单位：\(u)）" }
            } else {
                item += "（无对应字段）"
            }
            return item
        }
        for start in stride(from: 0, to: items.count, by: 3) {
            out += indent + "  " + items[start..<min(start + 3, items.count)].joined(separator: "；") + "\n"
        }
        let unmapped = mapping.unmapped.filter { !$0.header.isEmpty }
        if !unmapped.isEmpty {
            out += indent + "未对应字段的列：" + unmapped.map { "“\($0.header)”（第\($0.number)列）" }.joined(separator: "、") + "\n"
        }
        for i in mapping.implied {
            out += indent + "没有\(catalogue[i.field].name)列：由第\(i.column)列表头“\(i.header)”推定每行为“\(i.value)”（\(catalogue[i.field].id)）\n"
        }
        return out
    }
}
