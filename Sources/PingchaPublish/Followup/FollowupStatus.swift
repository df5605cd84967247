import Foundation
import PingchaCalendar
import PingchaModel
import PingchaRubric
import PingchaStore

/// Where every item of a register stands on a day (`followup status --as-of DATE`): its
/// events dated on or before that day folded by ``FollowupCycle``, the period running, its
/// last day and the warning (网上预警): 黄 within ``FollowupPeriods/warnWithin`` of the last
/// day, 红 after it. The art. 38(八) list (无正当理由逾期不履行意见书、决定书) holds the red
/// items whose opinion or decision period has passed with no reason recorded (no note on the
/// item's last event).
///
/// Only event dates count, so the answer for a past day is the same whenever it is asked:
/// events dated after `asOf` are left out. (A fact recorded late counts from its own date.)
public struct FollowupStatus: Sendable {
    public var batch: String
    public var asOf: CivilDate
    public var periodsVersion: String
    public var rows: [Row]

    public struct Row: Sendable {
        public var item: FollowupRegister.Item
        public var state: FollowupCycle.State
        public var level: FollowupPeriods.WarningLevel
        /// On the art. 38(八) list.
        public var article38: Bool
        /// The running period in words (“按《行政执法监督意见书》自行纠正并书面报告，10个工作日”).
        public var period: String?
    }

    /// Per department: items, those still open, 黄, 红 and the art. 38(八) list.
    public struct DepartmentLine: Sendable, Equatable {
        public var department: String
        public var items = 0
        public var cases = 0
        public var open = 0
        public var yellow = 0
        public var red = 0
        public var article38 = 0
        public var stages: [FollowupStage: Int] = [:]
    }

    public var departments: [DepartmentLine] {
        var lines: [DepartmentLine] = []
        var cases: [String: Set<String>] = [:]
        for r in rows {
            if lines.last?.department != r.item.department { lines.append(DepartmentLine(department: r.item.department)) }
            lines[lines.count - 1].items += 1
            cases[r.item.department, default: []].insert(r.item.caseId)
            lines[lines.count - 1].cases = cases[r.item.department]!.count
            if r.state.running != nil { lines[lines.count - 1].open += 1 }
            if r.level == .yellow { lines[lines.count - 1].yellow += 1 }
            if r.level == .red { lines[lines.count - 1].red += 1 }
            if r.article38 { lines[lines.count - 1].article38 += 1 }
            lines[lines.count - 1].stages[r.state.stage, default: 0] += 1
        }
        return lines
    }

    /// Folds the register's events up to `asOf`.
    public static func compute(batch: String, items: [FollowupRegister.Item], events: [FollowupRegister.Event], asOf: CivilDate,
                               periods: FollowupPeriods, calendar: WorkingDayCalendar) -> FollowupStatus {
        let known = events.filter { $0.date <= asOf }
        let rows = items.map { item -> Row in
            let mine = known.filter { $0.concerns(item) }.map {
                FollowupCycle.Event(kind: $0.event, outcome: $0.outcome, document: $0.document, date: $0.date, note: $0.note, ref: $0.seq)
            }
            let (state, _) = FollowupCycle.fold(mine, periods: periods, calendar: calendar)
            let level = state.due.map { periods.level(due: $0, asOf: asOf, calendar: calendar) } ?? .none
            let department = state.running == .opinionCorrect || state.running == .decisionReport
            let article38 = level == .red && department && (state.lastNote ?? "").isEmpty
            let period = state.running.map { "\(periods[$0].title)，\(periods[$0].wording)" }
            return Row(item: item, state: state, level: level, article38: article38, period: period)
        }
        return FollowupStatus(batch: batch, asOf: asOf, periodsVersion: periods.version, rows: rows)
    }
}
