/// The draw record (抽样记录) written beside the sample, and the sample itself as CSV.
extension SampleDraw {
    /// The sample as CSV: `case_id,department,reason,risk`, reason 必查 or 抽取, in the draw's
    /// order. UTF-8 with BOM, CRLF, cells neutralised.
    public func sampleCSV() -> [UInt8] {
        TextFormatting.csv(
            header: ["case_id", "department", "reason", "risk"],
            rows: cases.map { [$0.caseId, $0.department, $0.reason.chinese, TextFormatting.number($0.risk)] })
    }

    /// The draw record in Markdown: seed, method, algorithm, per-department counts with totals,
    /// and the sampled cases. Holds nothing that varies between runs (no clock, no paths), so
    /// the same draw always gives the same bytes; the caller may add when and by whom.
    public func drawRecordMarkdown() -> String {
        let c = TextFormatting.cell
        var lines: [String] = []
        lines.append("# 抽样记录")
        lines.append("")
        lines.append("- 随机种子：\(seed)")
        lines.append("- 算法：\(algorithm)")
        if let n = plan.perDepartment { lines.append("- 各部门抽取件数：\(n)") }
        if let f = plan.fractionText { lines.append("- 各部门抽取比例：\(f)") }
        lines.append("- 风险加权：\(plan.riskWeighted ? "是（权重 = 1 + 风险值）" : "否")")
        lines.append("- 方法：\(method)")
        lines.append("- 案卷总数 \(totalPopulation) 件，必查 \(totalMustReview) 件，随机抽取 \(totalDrawn) 件，"
            + "样本合计 \(totalMustReview + totalDrawn) 件")
        lines.append("")
        lines.append("## 各部门情况")
        lines.append("")
        lines.append("| 执法部门 | 案卷总数 | 必查 | 可抽 | 应抽 | 实抽 | 样本合计 |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for d in departments {
            lines.append("| \(c(d.department)) | \(d.population) | \(d.mustReview) | \(d.eligible) | \(d.quota) | \(d.drawn) | \(d.sampled) |")
        }
        let quotaTotal = departments.reduce(0) { $0 + $1.quota }
        let eligibleTotal = departments.reduce(0) { $0 + $1.eligible }
        lines.append("| 合计 | \(totalPopulation) | \(totalMustReview) | \(eligibleTotal) | \(quotaTotal) | \(totalDrawn) | \(totalMustReview + totalDrawn) |")
        let short = departments.filter(\.tookAll)
        if !short.isEmpty {
            lines.append("")
            lines.append("可抽案卷少于应抽件数、已全部抽取的部门：\(short.map(\.department).joined(separator: "、"))。")
        }
        lines.append("")
        lines.append("## 样本案卷")
        lines.append("")
        lines.append("| 序号 | 执法部门 | 案件编号 | 理由 | 风险值 |")
        lines.append("|---:|---|---|---|---:|")
        for (i, s) in cases.enumerated() {
            lines.append("| \(i + 1) | \(c(s.department)) | \(c(s.caseId)) | \(s.reason.chinese) | \(TextFormatting.number(s.risk)) |")
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
