import Foundation
import PingchaAnalytics
import PingchaDocuments
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// `compare`'s documents from the store: the batches compared department by department
/// (``Analytics/compare(_:)``), laid out by the `compare` template (compare.md, compare.html)
/// and as compare.xlsx (``CompareWorkbook``).
public struct CompareDocuments {
    let batchNames: [String]
    let comparison: BatchComparison
    let names: StandardNames
    /// The rectification register of the review before the last (`pingcha followup`), if any.
    let previousRegister: [FollowupRegister.Item]
    /// Each batch with cases still waiting for a reviewer, and how many: its figures are a
    /// first assessment (初评), which the comparison must say.
    let pending: [(batch: String, cases: Int)]

    /// The batches `batchNames` (two or more) as stored, in the order of their review years
    /// (``inYearOrder(_:)``).
    public static func read(_ db: StoreSession, batchNames: [String], minimumCasesForRank: Int) throws -> CompareDocuments {
        let batches = inYearOrder(try batchNames.map { try StoredBatch.named($0, in: db) })
        let batchNames = batches.map(\.name)
        let previousRegister = try FollowupRegister(batch: batchNames[batchNames.count - 2]).items(db)
        var pending: [(batch: String, cases: Int)] = []
        let snapshots = try batches.map { batch in
            let stored = try StoredCases.load(batch, db: db)
            let open = stored.cases.filter { !$0.isDecided }.count
            if open > 0 { pending.append((batch.name, open)) }
            return BatchSnapshot(name: batch.name, cases: stored.cases, rubrics: stored.rubrics, minimumCases: minimumCasesForRank)
        }
        // The later batch's rubrics name a standard or rule over an earlier one's.
        return CompareDocuments(batchNames: batchNames, comparison: Analytics.compare(snapshots),
                                names: StandardNames(rubrics: snapshots.flatMap(\.rubrics)), previousRegister: previousRegister,
                                pending: pending)
    }

    /// Earliest review year first, whatever order the batches were run or named in: every
    /// change, new and fixed problem is read from the earlier review to the later (a 2023
    /// batch run after the 2025 one turned 78.8 → 94.4 into a fall of 15.6). Batches of one
    /// year, or without one, keep the order they were named in.
    static func inYearOrder(_ batches: [StoredBatch]) -> [StoredBatch] {
        batches.enumerated().sorted { a, b in (a.element.year ?? Int.max, a.offset) < (b.element.year ?? Int.max, b.offset) }.map(\.element)
    }

    /// compare.md and compare.html's document.
    public func document(templates: ReportTemplates) throws(PingchaError) -> OfficialDocument {
        let tables = CompareTables(comparison: comparison, names: names)
        let view: [String: Any] = [
            "organisation": templates.settings.organisation,
            "dateText": (templates.settings.date ?? CivilDate.todayInChina).chineseText,
            "batchList": comparison.batches.joined(separator: " → "),
            "rubricsDiffer": comparison.rubricsDiffer,
            "versionChanges": tables.versionChanges,
            "pendingBatches": pending.map { ["name": $0.batch, "cases": String($0.cases)] },
            "batches": comparison.batches.map { ["name": $0] },
            "departmentRows": tables.departments,
            "categoryRows": tables.categories,
            "trackingNumeral": comparison.rubricsDiffer ? "三" : "二",
            "tracking": tables.tracking,
            "hasRectification": !previousRegister.isEmpty,
            "previousBatch": batchNames[batchNames.count - 2],
            "rectificationNumeral": comparison.rubricsDiffer ? "四" : "三",
            "rectificationTable": comparison.rubricsDiffer ? "3" : "2",
            "rectification": tables.rectification(previousRegister),
        ]
        return try templates.document("compare", view, charts: ["trend": tables.trend])
    }

    /// compare.xlsx.
    public func writeWorkbook(to path: String) throws(PingchaError) {
        try CompareWorkbook(comparison: comparison, names: names).write(to: path)
    }
}

/// The comparison's tables as values for the `compare` template, which lays them out.
struct CompareTables {
    let comparison: BatchComparison
    let names: StandardNames

    /// Department × batch: cases and mean, pass rate with its interval, rank (the template
    /// puts them one to a line within the cell, so that the table fits a page), then the
    /// change and the verdict. A batch without the department has `figures` false.
    var departments: [[String: Any]] {
        comparison.departments.map { track in
            let cells: [[String: Any]] = track.figures.map { f in
                guard let g = f else { return ["figures": false] }
                let s = g.summary
                return ["figures": [
                    // The mean and the pass rate are of the scored cases: when some had no
                    // standard, the count says how many were scored (87 of 98, not of 108).
                    "cases": String(s.cases), "scoredOnly": s.scored < s.cases ? String(s.scored) : "", "mean": num(s.mean), "passRate": s.passRate.map(pct) ?? "—",
                    "interval": s.passInterval.map { "（\(num($0.lower * 100))–\(num($0.upper * 100))）" } ?? "",
                    "rank": g.rank.map { "第\($0)名" } ?? "不排名",
                ] as [String: Any]]
            }
            let last = track.changes.last
            return ["department": track.department, "cells": cells, "change": last?.meanChange.map(signed) ?? "—",
                    "verdict": last?.verdict.label ?? "—"]
        }
    }

    /// Category loss shares, earlier against later batch, where the rubrics differ.
    var categories: [[String: Any]] {
        comparison.departments.flatMap { track in
            (track.changes.last?.categoryShares ?? []).map { share -> [String: Any] in
                ["department": track.department, "category": share.title, "earlier": share.earlier.map(pct) ?? "—",
                 "later": share.later.map(pct) ?? "—", "change": share.change.map { ($0 >= 0 ? "+" : "") + pct($0) } ?? "—"]
            }
        }
    }

    var versionChanges: [String] {
        var lines: [String] = []
        for case let r? in comparison.rubrics {
            for v in r.versionChanges {
                lines.append("\(names.title(ofStandard: v.rubricId))：\(v.earlierVersion ?? "无") → \(v.laterVersion ?? "无")")
            }
            lines.append("两批次共有的细则\(r.rules.common.count)条；仅前一批次有\(r.rules.onlyEarlier.count)条，仅后一批次有\(r.rules.onlyLater.count)条")
        }
        return lines
    }

    /// New, fixed and persisting problems (by rule, in words) of the departments that have any.
    var tracking: [[String: Any]] {
        var out: [[String: Any]] = []
        for track in comparison.departments {
            guard let change = track.changes.last,
                  !(change.newProblems.isEmpty && change.fixedProblems.isEmpty && change.persistingProblems.isEmpty) else { continue }
            out.append(["numeral": Figures.chineseNumeral(out.count + 1), "department": track.department,
                        "newProblems": list(change.newProblems), "fixedProblems": list(change.fixedProblems),
                        "persistingProblems": list(change.persistingProblems)])
        }
        return out
    }

    /// 上次评查问题整改情况: per department of the previous review's register, its items by
    /// how they ended (the stage recorded last), beside the number of rules compare finds new,
    /// fixed and persisting for the department.
    func rectification(_ items: [FollowupRegister.Item]) -> [[String: Any]] {
        FollowupOutcomes.byDepartment(items).map { r in
            let change = comparison.departments.first { $0.department == r.department }?.changes.last
            return ["department": r.department, "items": String(r.items), "corrected": String(r.corrected), "partly": String(r.partly),
                    "notCorrected": String(r.notCorrected), "reexamination": String(r.reexamination), "revoked": String(r.revoked),
                    "open": String(r.open),
                    "newProblems": change.map { String($0.newProblems.count) } ?? "—",
                    "fixedProblems": change.map { String($0.fixedProblems.count) } ?? "—",
                    "persistingProblems": change.map { String($0.persistingProblems.count) } ?? "—"]
        }
    }

    /// Mean score per department across the batches.
    var trend: Chart {
        let series = comparison.departments.map { track in
            TrendChart.Series(label: track.department, values: track.figures.map { $0?.summary.mean })
        }
        let lowest = series.flatMap { $0.values.compactMap { $0 } }.min() ?? 0
        return .trend(TrendChart(title: "各行政执法主体平均分变化", points: comparison.batches, series: series,
                                 axisMinimum: max(0, (lowest / 10).rounded(.down) * 10), axisMaximum: 100))
    }

    /// "处罚（普通）PRO-08“告知听证权利后，待五个工作日……”；许可TSY-02“在规定期限内公示”": each rule
    /// qualified by its standard, the requirement it states in quotes (a requirement may hold a
    /// semicolon of its own).
    func list(_ keys: [RuleKey]) -> String {
        guard !keys.isEmpty else { return "无" }
        return keys.map { key in
            let title = names.ruleTitle(key.ruleId, standard: key.rubricId).map { "“" + RuleWording.plainTitle($0) + "”" } ?? ""
            return MarkdownText.escape(names.rule(key.ruleId, standard: key.rubricId) + title)
        }.joined(separator: "；")
    }
    func num(_ v: Double?) -> String { Figures.oneDecimal(v) }
    func pct(_ v: Double) -> String { Figures.percent(v) }
    func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + num(v) }
}
