/// What a line of a reply file (整改回复登记表) records: a department's reply or an act of the
/// bureau in the rectification cycle (《克拉玛依市行政执法监督办法》第二十九条至第三十一条).
/// The raw values are the Chinese words the file uses and the store keeps
/// (`followup_event.event`); a re-examination decision carries its ``ReexamOutcome``.
public enum FollowupEvent: String, CaseIterable, Sendable, Codable {
    /// 送达：a document (监督通知书、意见书、决定书) reached the department; its periods run from here.
    case served = "送达"
    /// 答复：the department answered a supervision notice (art. 29(二)).
    case answered = "答复"
    /// 已整改 / 部分整改 / 未整改：the department's written report on correcting (art. 30(1)).
    case corrected = "已整改"
    case partlyCorrected = "部分整改"
    case notCorrected = "未整改"
    /// 申请复查：the department objected to an opinion (art. 30(2), within 5 working days).
    case reexamApplied = "申请复查"
    /// 复查决定（维持/撤销/变更）：the bureau's decision on the objection (art. 30(2)).
    case reexamDecided = "复查决定"
    /// 执行报告：the department reported executing a supervision decision (art. 31(3)).
    case executionReported = "执行报告"

    /// The decision on a re-examination.
    public enum ReexamOutcome: String, CaseIterable, Sendable, Codable {
        case upheld = "维持"
        case revoked = "撤销"
        case changed = "变更"
    }

    /// Reads the event column: the words above, `复查决定（维持）` (full- or half-width
    /// brackets, or `复查决定：维持`) with its outcome. Nil for anything else.
    public static func parse(_ text: String) -> (FollowupEvent, ReexamOutcome?)? {
        let t = String(text.filter { !$0.isWhitespace })
        if let e = FollowupEvent(rawValue: t), e != .reexamDecided { return (e, nil) }
        guard t.hasPrefix(FollowupEvent.reexamDecided.rawValue) else { return nil }
        var rest = t.dropFirst(FollowupEvent.reexamDecided.rawValue.count)
        if let first = rest.first, "（(：:".contains(first) { rest = rest.dropFirst() }
        if let last = rest.last, "）)".contains(last) { rest = rest.dropLast() }
        guard let outcome = ReexamOutcome(rawValue: String(rest)) else { return nil }
        return (.reexamDecided, outcome)
    }

    /// The accepted spellings, for the message that refuses another.
    public static let spellings = "送达、答复、已整改、部分整改、未整改、申请复查、复查决定（维持）、复查决定（撤销）、复查决定（变更）、执行报告"
}

/// The documents of the cycle (文书): what a 送达 line serves and `followup issue` writes.
public enum FollowupDocumentKind: String, CaseIterable, Sendable, Codable {
    case notice
    case opinion
    case decision

    /// 《行政执法监督通知书》…
    public var chineseName: String {
        switch self {
        case .notice: return "行政执法监督通知书"
        case .opinion: return "行政执法监督意见书"
        case .decision: return "行政执法监督决定书"
        }
    }

    /// Reads the 文书 column: 通知书, 监督通知书, 行政执法监督通知书 (with or without 《》), or notice …
    public static func parse(_ text: String) -> FollowupDocumentKind? {
        let t = String(text.filter { !$0.isWhitespace && $0 != "《" && $0 != "》" })
        if let k = FollowupDocumentKind(rawValue: t.lowercased()) { return k }
        for k in allCases {
            let short = String(k.chineseName.suffix(3))   // 通知书、意见书、决定书
            if t == short || t == "监督" + short || t == k.chineseName { return k }
        }
        return nil
    }
}
