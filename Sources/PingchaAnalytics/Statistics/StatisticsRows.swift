/// The rows of one statistics table (合计 or one department), in the 年报's order: 执法行为,
/// 行政处罚, 听证与法制审核, 行政复议, 行政诉讼, 执法时效, 三项制度.
///
/// Rows are the same for every table and both years (zero rows included) so that tables
/// compare line by line; rows for values outside the catalogue (an unknown 执法类别 or 复议
/// 结果) appear when either year has them.
enum StatisticsRow {
    /// A bold section line.
    case section(String)
    case figure(String, (AnnualFigures) -> StatisticsCell)

    static func rows(current: AnnualFigures, previous: AnnualFigures?) -> [StatisticsRow] {
        let both = [current] + (previous.map { [$0] } ?? [])
        var rows: [StatisticsRow] = [.section("执法行为")]
        rows.append(.figure("决定案件数（件）") { .count($0.cases) })
        let types = union(both.map { $0.enforcementTypeRows.map(\.type) })
        for type in types {
            rows.append(.figure(type) { .count($0.byEnforcementType[type, default: 0]) })
        }
        if both.contains(where: { $0.withoutEnforcementType > 0 }) {
            rows.append(.figure("未注明执法类别") { .count($0.withoutEnforcementType) })
        }
        rows.append(.figure("无决定日期（件，不计入本表其他数字）") { .count($0.undated) })

        rows.append(.section("行政处罚"))
        rows.append(.figure("行政处罚决定（宗）") { .count($0.penalties.decisions) })
        for kind in PenaltyKind.tableOrder {
            rows.append(.figure(kind.title) { .count($0.penalties.byHeaviestKind[kind, default: 0]) })
        }
        rows.append(.figure("不予处罚（无处罚种类）") { .count($0.penalties.notPenalised) })
        rows.append(.figure("未注明处罚种类") { .count($0.penalties.withoutKind) })
        rows.append(.figure("其中简易程序（宗）") { .count($0.penalties.summaryProcedure) })
        rows.append(.figure("罚款案件数（件）") { .count($0.penalties.fines.cases) })
        rows.append(.figure("罚款金额（万元）") { .amount($0.penalties.fines) })
        rows.append(.figure("处以罚款但未注明金额（件）") { .count($0.penalties.fineAmountMissing) })
        rows.append(.figure("没收案件数（件，有没收金额的）") { .count($0.penalties.confiscations.cases) })
        rows.append(.figure("没收金额（万元）") { .amount($0.penalties.confiscations) })
        rows.append(.figure("罚没金额合计（万元）") { .amount($0.penalties.forfeitures) })

        rows.append(.section("听证与法制审核"))
        rows.append(.figure("听证（申请或举行，件）") { .count($0.hearings) })
        rows.append(.figure("其中有听证日期（件）") { .count($0.hearingsDated) })
        // The rate's denominator: decisions known to require review, whose review is recorded
        // (those that cannot be told are the 无法判断 row below). Counting them here as well put
        // every inspection without a 重大执法决定 column among the decisions to review (463
        // against 219), beside 196 reviewed.
        rows.append(.figure("应当法制审核的决定（件）") { .count($0.rate(.legalReview).rate.trials) })
        rows.append(.figure("其中经法制审核（件）") { .count($0.rate(.legalReview).met) })

        rows += remedyRows(.reconsideration, both: both)
        rows += remedyRows(.litigation, both: both)

        rows.append(.section("执法时效"))
        // The periods and scopes are the rubrics' (the rules measuring each figure), so the
        // row names state none: a changed rubric would make them wrong.
        rows += deadlineRows("按期作出决定率", \.decision)
        rows += deadlineRows("按期送达率", \.service)
        rows += deadlineRows("按期公示率", \.publication)

        rows.append(.section("三项制度"))
        for system in ThreeSystem.allCases {
            rows.append(.figure(system.rateName) { .rate($0.rate(system).rate) })
            rows.append(.figure("\(system.rateName)：无法判断（件）") { .count($0.rate(system).unknown) })
        }
        return rows
    }

    /// 新收, 审结 by outcome group and outcome, the rate over 审结, then what is counted apart.
    private static func remedyRows(_ remedy: Remedy, both: [AnnualFigures]) -> [StatisticsRow] {
        let name = remedy.shortName
        let corrected = remedy.correctedName
        var rows: [StatisticsRow] = [.section(remedy.title)]
        rows.append(.figure("新收\(name)案件（件）") { .count($0.remedy(remedy).filed) })
        rows.append(.figure("审结\(name)案件（件）") { .count($0.remedy(remedy).closed) })
        rows.append(.figure("其中维持、驳回") { .count($0.remedy(remedy).upheld) })
        rows.append(.figure("其中\(corrected)（撤销、变更、确认违法、确认无效、责令履行）") { .count($0.remedy(remedy).corrected) })
        let otherwise = remedy == .reconsideration ? "终止、调解" : "驳回起诉、撤诉、调解"
        rows.append(.figure("其中\(otherwise)") { .count($0.remedy(remedy).closedOtherwise) })
        for outcome in union(both.map { $0.remedy(remedy).outcomeRows.map(\.outcome) }) {
            rows.append(.figure("\(name)结果：\(outcome)") { .count($0.remedy(remedy).byOutcome[outcome, default: 0]) })
        }
        rows.append(.figure("\(name)\(corrected)率") { .rate($0.remedy(remedy).correctionRate) })
        if remedy == .litigation {
            rows.append(.figure("负责人出庭应诉（件）") { .count($0.litigation.headAppeared) })
            rows.append(.figure("负责人出庭应诉率") { .rate($0.litigation.headAppearanceRate) })
            rows.append(.figure("负责人出庭应诉：未注明（件）") { .count($0.litigation.headUnknown) })
        }
        rows.append(.figure("年末未审结（件，本年度新收）") { .count($0.remedy(remedy).pending) })
        rows.append(.figure("有审结日期但未注明结果（件，不计入审结）") { .count($0.remedy(remedy).closedWithoutResult) })
        rows.append(.figure("无申请和审结日期（件，不计入本年度）") { .count($0.remedy(remedy).undated) })
        return rows
    }

    private static func deadlineRows(_ label: String, _ path: KeyPath<TimelinessFigures, DeadlineTally>) -> [StatisticsRow] {
        let short = String(label.prefix { $0 != "率" })
        return [.figure(label) { .rate($0.timeliness[keyPath: path].rate) },
                .figure("\(short)：无法判断（件）") { .count($0.timeliness[keyPath: path].undetermined) }]
    }

    /// The lists merged, first-seen order, no repeats (the first list is already in table
    /// order and later ones only add values it lacks).
    private static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for list in lists {
            for item in list where seen.insert(item).inserted { out.append(item) }
        }
        return out
    }
}
