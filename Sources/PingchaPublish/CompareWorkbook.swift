import PingchaAnalytics
import PingchaDocuments
import PingchaModel
import PingchaXlsx

/// `compare.xlsx`: the comparison's figures as numbers — one row per department, each
/// batch's cases, mean, pass rate with its interval and rank under the batch's name (a
/// header in two levels: batch over measure), then the change between the last two; a
/// chart of the mean scores batch by batch; the problems followed up by rule, in words
/// with the rule qualified by its standard; category loss shares where rubrics differ.
struct CompareWorkbook {
    let comparison: BatchComparison
    let names: StandardNames

    func write(to path: String) throws(PingchaError) {
        let book = try Workbook(path: path, title: "评查结果比较")
        try addDepartments(to: book)
        try addTracking(to: book)
        if comparison.rubricsDiffer { try addCategoryShares(to: book) }
        try book.close()
    }

    private func addDepartments(to book: Workbook) throws(PingchaError) {
        var columns = [Column("行政执法主体")]
        for b in comparison.batches {
            // Short titles under the batch's name keep the sheet to one page width.
            columns += [Column("案卷数", .integer, group: b), Column("平均分", .decimal(places: 1), group: b),
                        Column("合格率", .percent(places: 1), group: b), Column("95%下限", .percent(places: 1), group: b),
                        Column("95%上限", .percent(places: 1), group: b), Column("名次", group: b)]
        }
        let change = "最近两批次比较"
        columns += [Column("平均分变化", .decimal(places: 1), group: change), Column("合格率变化", .percent(places: 1), group: change),
                    Column("结论", width: 14, group: change, wraps: true)]
        let sheet = try book.addSheet("各部门比较", columns: columns)
        for track in comparison.departments {
            var row: [Cell] = [.text(track.department)]
            for figure in track.figures {
                guard let g = figure else { row += Array(repeating: .empty, count: 6); continue }
                let s = g.summary
                row += [.integer(s.cases), s.mean.map(Cell.number) ?? .empty, s.passRate.map(Cell.percent) ?? .empty,
                        s.passInterval.map { Cell.percent($0.lower) } ?? .empty, s.passInterval.map { Cell.percent($0.upper) } ?? .empty,
                        g.rank.map(Cell.integer) ?? .text("不排名")]
            }
            let latest = track.changes.last
            row += [latest?.meanChange.map(Cell.number) ?? .empty, latest?.passRateChange.map(Cell.percent) ?? .empty,
                    .text(latest?.verdict.label)]
            try sheet.append(row)
        }
        guard !comparison.departments.isEmpty else { return }
        // Each batch's mean scores as a series, the axis around them.
        let series = comparison.batches.indices.map { i in
            ChartSpace.Series(name: comparison.batches[i], values: comparison.departments.map { $0.figures[i]?.summary.mean })
        }
        let axis = ChartSpace.axisRange(around: series.flatMap { $0.values.compactMap { $0 } }, within: 0...100, step: 5)
        try sheet.addChart(ChartSpace(kind: .bars(horizontal: true), title: "各行政执法主体平均分（各批次）",
                                      categories: comparison.departments.map(\.department), series: series, numberFormat: "0.0", axisNumberFormat: "0",
                                      axisMinimum: axis.lowerBound, axisMaximum: axis.upperBound, showsValues: false, framed: true),
                           categoryColumn: 0, valueColumns: comparison.batches.indices.map { 2 + 6 * $0 })
    }

    /// New, fixed and persisting problems between the last two batches, one rule a row.
    private func addTracking(to book: Workbook) throws(PingchaError) {
        let sheet = try book.addSheet("问题整改跟踪", columns: [
            Column("行政执法主体", repeats: true), Column("状态", repeats: true), Column("评查标准", repeats: true), Column("细则", repeats: true),
            Column("细则名称", width: 48, repeats: true, wraps: true),
        ])
        for track in comparison.departments {
            guard let change = track.changes.last else { continue }
            for (keys, state) in [(change.newProblems, "新出现"), (change.fixedProblems, "未再出现"), (change.persistingProblems, "持续存在")] {
                for key in keys {
                    try sheet.append([.text(track.department), .text(state), .text(names.standard(key.rubricId)),
                                      .text(names.rule(key.ruleId, standard: key.rubricId)),
                                      .text(names.ruleTitle(key.ruleId, standard: key.rubricId))])
                }
            }
        }
    }

    private func addCategoryShares(to book: Workbook) throws(PingchaError) {
        let last = comparison.batches.suffix(2)
        let group = "失分占比"
        let sheet = try book.addSheet("类别失分占比", columns: [
            Column("行政执法主体", repeats: true), Column("类别", repeats: true),
            Column(last.first ?? "前一批次", .percent(places: 1), group: group), Column(last.last ?? "后一批次", .percent(places: 1), group: group),
            Column("变化", .percent(places: 1), group: group),
        ])
        for track in comparison.departments {
            for share in track.changes.last?.categoryShares ?? [] {
                try sheet.append([.text(track.department), .text(share.title), share.earlier.map(Cell.percent) ?? .empty,
                                  share.later.map(Cell.percent) ?? .empty, share.change.map(Cell.percent) ?? .empty])
            }
        }
    }
}
