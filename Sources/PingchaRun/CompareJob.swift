import Foundation
import GRDB
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaStore

/// `pingcha compare`: two or more stored batches, department by department.
public struct CompareJob {
    public var databasePath: String
    public var batchNames: [String]
    public var outputDirectory: String
    public var minimumCasesForRank = 10

    public init(databasePath: String, batchNames: [String], outputDirectory: String) {
        self.databasePath = databasePath
        self.batchNames = batchNames
        self.outputDirectory = outputDirectory
    }

    /// Writes `compare.md` and returns its text.
    @discardableResult
    public func run() throws(PingchaError) -> String {
        guard batchNames.count >= 2 else { throw .invalidOption("compare 需要至少两个批次（--batch A --batch B）") }
        let text: String
        do {
            let queue = try StoreConnection.open(path: databasePath)
            text = try queue.read { db in
                let snapshots = try batchNames.map { name in
                    let stored = try StoredCases.load(try StoredBatch.named(name, in: db), db: db)
                    return BatchSnapshot(name: name, cases: stored.cases, rubrics: stored.rubrics, minimumCases: minimumCasesForRank)
                }
                return CompareMarkdown(comparison: Analytics.compare(snapshots), snapshots: snapshots).render()
            }
        } catch {
            throw BatchRun.storeError(error, path: databasePath)
        }
        let out = try OutputFolder(destination: outputDirectory)
        try out.write("compare.md", text)
        try out.commit()
        return text
    }
}

/// The comparison as Markdown (the reports issue adds HTML and XLSX).
struct CompareMarkdown {
    let comparison: BatchComparison
    let snapshots: [BatchSnapshot]

    func render() -> String {
        var o = "# 行政执法案卷评查结果比较：" + comparison.batches.joined(separator: " → ") + "\n\n"
        if comparison.rubricsDiffer {
            o += "**注意：各批次使用的评查标准版本不同。**只有两批次都有的细则参与“新出现 / 已整改 / 持续存在”的比较，"
            o += "各类别按失分占比比较；若要在同一标准下比较，请用 `pingcha rescore` 按新标准重新评分旧批次。\n\n"
            for case let r? in comparison.rubrics {
                for v in r.versionChanges {
                    o += "- \(v.rubricId)：\(v.earlierVersion ?? "无") → \(v.laterVersion ?? "无")\n"
                }
                o += "- 两批次共有的细则 \(r.rules.common.count) 条；仅前一批次有 \(r.rules.onlyEarlier.count) 条，仅后一批次有 \(r.rules.onlyLater.count) 条\n"
            }
            o += "\n"
        }
        o += "变化只有在两批次合格率的 95% 置信区间不重叠时才判为“进步”或“退步”，否则为“无明显变化”。\n\n"
        var header = "| 执法主体 |"
        var rule = "|---|"
        for b in comparison.batches { header += " \(b)：案件 / 平均分 / 合格率（95%区间） / 名次 |"; rule += "---|" }
        header += " 平均分变化 | 结论 |\n"
        rule += "---|---|\n"
        o += header + rule
        for track in comparison.departments {
            var line = "| \(track.department) |"
            for f in track.figures {
                guard let g = f else { line += " — |"; continue }
                let s = g.summary
                let ci = s.passInterval.map { "（\(pct($0.lower))–\(pct($0.upper))）" } ?? ""
                line += " \(s.cases) / \(num(s.mean)) / \(s.passRate.map(pct) ?? "—")\(ci) / \(g.rank.map(String.init) ?? "不排名") |"
            }
            let last = track.changes.last
            line += " \(last?.meanChange.map { ($0 >= 0 ? "+" : "") + num($0) } ?? "—") | \(last?.verdict.label ?? "—") |\n"
            o += line
        }
        if comparison.rubricsDiffer {
            o += "\n## 各类别失分占比（评查标准不同时可比的部分）\n\n| 执法主体 | 类别 | 前一批次 | 后一批次 | 变化 |\n|---|---|---|---|---|\n"
            for track in comparison.departments {
                for share in track.changes.last?.categoryShares ?? [] {
                    o += "| \(track.department) | \(share.title) | \(share.earlier.map(pct) ?? "—") | \(share.later.map(pct) ?? "—") | "
                    o += "\(share.change.map { ($0 >= 0 ? "+" : "") + pct($0) } ?? "—") |\n"
                }
            }
        }
        o += "\n## 问题整改跟踪（按细则）\n\n"
        for track in comparison.departments {
            guard let change = track.changes.last else { continue }
            if change.newProblems.isEmpty && change.fixedProblems.isEmpty && change.persistingProblems.isEmpty { continue }
            o += "### \(track.department)\n\n"
            o += "- 新出现：\(list(change.newProblems))\n"
            o += "- 已整改：\(list(change.fixedProblems))\n"
            o += "- 持续存在：\(list(change.persistingProblems))\n\n"
        }
        return o
    }

    func list(_ keys: [RuleKey]) -> String { keys.isEmpty ? "无" : keys.map { "\($0.rubricId)/\($0.ruleId)" }.joined(separator: "、") }
    func num(_ v: Double?) -> String { Figures.oneDecimal(v) }
    func pct(_ v: Double) -> String { Figures.percent(v) }
}
