import PingchaAnalytics
import PingchaStore

/// A plain Markdown bulletin (通报) with the store's figures; the reports issue replaces it
/// with the full official-style bulletin from templates.
struct PlainBulletin {
    let batch: StoredBatch
    let summary: SummaryJSON

    func render() -> String {
        let all = summary.all
        var o = "# 关于\(batch.name)情况的通报\n\n"
        o += "## 一、基本情况\n\n"
        o += "本次评查导入 \(summary.inputs.count) 个文件，共 \(batch.rowsRead) 行记录，接受案件 \(batch.casesTotal) 件，"
        o += "退回 \(batch.rowsRejected) 行；按评查标准评分 \(batch.casesScored) 件，无适用标准 \(batch.casesUncovered) 件，"
        o += "需人工评查 \(batch.needsReview) 件。评查标准："
        o += summary.rubrics.map { "\($0.title)（\($0.id)，\($0.version)）" }.joined(separator: "、") + "。\n\n"
        o += "## 二、评查结果\n\n"
        o += "等次分布：" + summary.gradeOrder.map { "\($0) \(all.grades[$0] ?? 0) 件" }.joined(separator: "，") + "。"
        o += "平均分 \(summary.number(all.mean))，中位数 \(summary.number(all.median))。\n\n"
        o += "| 名次 | 执法主体 | 案件数 | 平均分 | 合格率 | 合格率95%区间 | 优秀率 | 否决案件 |\n|---|---|---|---|---|---|---|---|\n"
        for d in summary.departments {
            let s = d.summary
            let ci = s.passInterval.map { "\(percent($0.lower))–\(percent($0.upper))" } ?? "—"
            o += "| \(d.rank.map(String.init) ?? "不排名") | \(s.key ?? "") | \(s.cases) | \(summary.number(s.mean)) | "
            o += "\(s.passRate.map(percent) ?? "—") | \(ci) | \(s.excellentRate.map(percent) ?? "—") | \(s.vetoCases) |\n"
        }
        o += "\n案件数少于最低排名件数的执法主体列出但不排名。\n"
        return o
    }

    func percent(_ v: Double) -> String { summary.number(v * 100) + "%" }
}
