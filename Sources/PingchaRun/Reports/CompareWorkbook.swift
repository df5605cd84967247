import PingchaAnalytics
import PingchaModel
import PingchaXlsx

/// `compare.xlsx`: the comparison's figures as numbers — one row per department with each
/// batch's cases, mean, pass rate and its interval, rank; then the change and the verdict;
/// and a sheet of the problems followed up by rule.
struct CompareWorkbook {
    let comparison: BatchComparison

    func write(to path: String) throws(PingchaError) {
        let book = try Workbook(path: path, title: "评查结果比较")
        var columns = [Column("执法主体")]
        for b in comparison.batches {
            columns += [Column("\(b) 案卷数", .integer), Column("\(b) 平均分", .decimal(places: 1)), Column("\(b) 合格率", .percent(places: 1)),
                        Column("\(b) 合格率95%下限", .percent(places: 1)), Column("\(b) 合格率95%上限", .percent(places: 1)),
                        Column("\(b) 名次")]
        }
        columns += [Column("平均分变化", .decimal(places: 1)), Column("结论")]
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
            let last = track.changes.last
            row += [last?.meanChange.map(Cell.number) ?? .empty, .text(last?.verdict.label)]
            try sheet.append(row)
        }
        let problems = try book.addSheet("问题整改跟踪", columns: [Column("执法主体"), Column("评查标准"), Column("细则"), Column("状态")])
        for track in comparison.departments {
            guard let change = track.changes.last else { continue }
            for (keys, state) in [(change.newProblems, "新出现"), (change.fixedProblems, "已整改"), (change.persistingProblems, "持续存在")] {
                for key in keys { try problems.append([.text(track.department), .text(key.rubricId), .text(key.ruleId), .text(state)]) }
            }
        }
        if comparison.rubricsDiffer {
            let shares = try book.addSheet("类别失分占比", columns: [Column("执法主体"), Column("类别"), Column("前一批次", .percent(places: 1)),
                                                                 Column("后一批次", .percent(places: 1)), Column("变化", .percent(places: 1))])
            for track in comparison.departments {
                for share in track.changes.last?.categoryShares ?? [] {
                    try shares.append([.text(track.department), .text(share.title), share.earlier.map(Cell.percent) ?? .empty,
                                       share.later.map(Cell.percent) ?? .empty, share.change.map(Cell.percent) ?? .empty])
                }
            }
        }
        try book.close()
    }
}
