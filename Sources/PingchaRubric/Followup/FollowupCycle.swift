import PingchaModel
import PingchaCalendar

/// The cycle of one register item (整改事项) through arts. 29–31: its recorded events folded in
/// date order into where it stands, the period running and its last day, and what is
/// impossible or late in the sequence. The one place that knows which event may follow which;
/// `followup record` refuses what it calls an error, and `followup status` shows the state.
public enum FollowupCycle {
    /// One recorded event of the item. `ref` is the caller's handle (a reply file's line, a
    /// stored event) for the problems found.
    public struct Event: Sendable {
        public var kind: FollowupEvent
        public var outcome: FollowupEvent.ReexamOutcome?
        /// The document a 送达 serves.
        public var document: FollowupDocumentKind?
        public var date: CivilDate
        public var note: String?
        public var ref: Int

        public init(kind: FollowupEvent, outcome: FollowupEvent.ReexamOutcome? = nil, document: FollowupDocumentKind? = nil,
                    date: CivilDate, note: String? = nil, ref: Int) {
            self.kind = kind
            self.outcome = outcome
            self.document = document
            self.date = date
            self.note = note
            self.ref = ref
        }
    }

    /// Where the item stands after its events.
    public struct State: Sendable, Equatable {
        public var stage: FollowupStage = .registered
        public var noticeServed: CivilDate?
        public var opinionServed: CivilDate?
        public var reexamApplied: CivilDate?
        public var decisionServed: CivilDate?
        /// The period running (nil when nothing is awaited) and its last day.
        public var running: FollowupPeriods.Kind?
        public var due: CivilDate?
        /// The last event's date and note (a reason given for a delay is written there).
        public var lastDate: CivilDate?
        public var lastNote: String?

        public init() {}
    }

    /// Something wrong with an event: an error refuses it, a warning is shown and kept.
    public struct Problem: Sendable, Equatable {
        public var ref: Int
        public var isError: Bool
        public var message: String
    }

    /// Folds `events` (sorted here by date; the same date keeps the given order) from the start.
    public static func fold(_ events: [Event], periods: FollowupPeriods, calendar: WorkingDayCalendar) -> (State, [Problem]) {
        var s = State()
        var problems: [Problem] = []
        let ordered = events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        // A reply dated before the service it answers is reported as such, not as "nothing served".
        func firstService(_ kind: FollowupDocumentKind) -> CivilDate? {
            ordered.first { $0.kind == .served && $0.document == kind }?.date
        }
        func unserved(_ kind: FollowupDocumentKind, _ what: String, _ date: CivilDate) -> String {
            if let later = firstService(kind) { return "\(what)日期 \(date) 早于《\(kind.chineseName)》送达日期 \(later)" }
            return "尚未登记《\(kind.chineseName)》的送达，不能登记\(what)"
        }
        for e in ordered {
            func error(_ m: String) { problems.append(Problem(ref: e.ref, isError: true, message: m)) }
            func late(_ what: String) {
                if let due = s.due, e.date > due {
                    problems.append(Problem(ref: e.ref, isError: false, message: "\(what)逾期：期限 \(due) 届满（\(e.date) 登记）"))
                }
            }
            func run(_ kind: FollowupPeriods.Kind, from start: CivilDate) {
                s.running = kind
                s.due = periods[kind].end(from: start, calendar: calendar)
            }
            func stop() { s.running = nil; s.due = nil }
            switch e.kind {
            case .served:
                switch e.document {
                case .notice?:
                    s.stage = .notice; s.noticeServed = e.date; run(.noticeAnswer, from: e.date)
                case .opinion?:
                    s.stage = .opinion; s.opinionServed = e.date; s.reexamApplied = nil; run(.opinionCorrect, from: e.date)
                case .decision?:
                    s.stage = .decision; s.decisionServed = e.date; run(.decisionReport, from: e.date)
                case nil:
                    error("送达须写明送达的文书（“文书”列：通知书、意见书 或 决定书），或填写已制发文书的文号")
                    continue
                }
            case .answered:
                guard let served = s.noticeServed else { error(unserved(.notice, "答复", e.date)); continue }
                guard e.date >= served else { error("答复日期 \(e.date) 早于《行政执法监督通知书》送达日期 \(served)"); continue }
                guard s.stage == .notice else { error("答复只能针对待答复的《行政执法监督通知书》（该事项现为“\(s.stage.chineseName)”）"); continue }
                late("答复")
                s.stage = .answered; stop()
            case .corrected, .partlyCorrected, .notCorrected:
                guard let served = [s.noticeServed, s.opinionServed, s.decisionServed].compactMap({ $0 }).max() else {
                    let later = ordered.first { $0.kind == .served && $0.document != nil }
                    error(later.map { "整改情况的日期 \(e.date) 早于《\($0.document!.chineseName)》送达日期 \($0.date)" }
                          ?? "尚未登记任何文书的送达，不能登记整改情况")
                    continue
                }
                guard e.date >= served else { error("整改情况的日期 \(e.date) 早于文书送达日期 \(served)"); continue }
                if s.stage == .decision { error("《行政执法监督决定书》送达后应登记“执行报告”"); continue }
                if s.stage != .reexamination { late("整改报告") }
                s.stage = e.kind == .corrected ? .corrected : (e.kind == .partlyCorrected ? .partlyCorrected : .notCorrected)
                stop()
            case .reexamApplied:
                guard let served = s.opinionServed else { error(unserved(.opinion, "申请复查", e.date)); continue }
                guard e.date >= served else { error("申请复查日期 \(e.date) 早于《行政执法监督意见书》送达日期 \(served)"); continue }
                guard s.stage == .opinion else { error("只能对待整改的《行政执法监督意见书》申请复查（该事项现为“\(s.stage.chineseName)”）"); continue }
                let last = periods[.reexamApply].end(from: served, calendar: calendar)
                if e.date > last {
                    problems.append(Problem(ref: e.ref, isError: false, message:
                        "申请复查超过\(periods[.reexamApply].wording)的期限：意见书 \(served) 送达，\(last) 届满，\(e.date) 申请"))
                }
                s.stage = .reexamination; s.reexamApplied = e.date; run(.reexamDecide, from: e.date)
            case .reexamDecided:
                guard s.stage == .reexamination, let applied = s.reexamApplied, let served = s.opinionServed else {
                    error("没有待决定的复查申请，不能登记复查决定"); continue
                }
                guard e.date >= applied else { error("复查决定日期 \(e.date) 早于申请复查日期 \(applied)"); continue }
                late("复查决定")
                switch e.outcome {
                case .revoked?:
                    s.stage = .revoked; stop()
                default:
                    s.stage = .opinion; s.running = .opinionCorrect
                    s.due = periods.opinionEnd(served: served, reexamApplied: applied, decided: e.date, calendar: calendar)
                }
            case .executionReported:
                guard let served = s.decisionServed else { error(unserved(.decision, "执行报告", e.date)); continue }
                guard e.date >= served else { error("执行报告日期 \(e.date) 早于《行政执法监督决定书》送达日期 \(served)"); continue }
                late("执行报告")
                s.stage = .executed; stop()
            }
            s.lastDate = e.date
            s.lastNote = e.note
        }
        return (s, problems)
    }
}
