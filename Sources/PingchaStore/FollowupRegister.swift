internal import GRDB
import PingchaModel
import PingchaRubric

/// The rectification register (整改台账) of one batch: the items to correct, the documents
/// issued, the events recorded, and the audit trail of every change (schema 6,
/// docs/schema.md). The register is named by its batch's name and outlives a re-run of the
/// batch (see ``Schema``); every write goes through one transaction of ``Store/write``.
public struct FollowupRegister: Sendable {
    public let batch: String

    public init(batch: String) { self.batch = batch }

    /// One item to correct: a failed finding with a disposition (处理方式) of a case.
    public struct Item: Sendable, Equatable {
        /// The item's place in the register (from 1), in the notices' order.
        public var itemNo: Int
        public var department: String
        public var caseId: String
        public var rubricId: String
        public var ruleId: String
        public var disposition: Disposition
        public var stage: FollowupStage

        public init(itemNo: Int, department: String, caseId: String, rubricId: String, ruleId: String,
                    disposition: Disposition, stage: FollowupStage) {
            self.itemNo = itemNo
            self.department = department
            self.caseId = caseId
            self.rubricId = rubricId
            self.ruleId = ruleId
            self.disposition = disposition
            self.stage = stage
        }
    }

    /// One change to the register: what was done, when (UTC, ISO 8601), from which file and
    /// its SHA-256, under which periods file, in words.
    public struct AuditEntry: Sendable, Equatable {
        public var id: Int64
        /// `open` (建立台账), `record` (登记回复), `issue` (制发文书).
        public var action: String
        public var at: String
        public var source: String?
        public var sha256: String?
        public var periodsSHA256: String?
        public var detail: String

        public init(id: Int64 = 0, action: String, at: String, source: String?, sha256: String?, periodsSHA256: String?, detail: String) {
            self.id = id
            self.action = action
            self.at = at
            self.source = source
            self.sha256 = sha256
            self.periodsSHA256 = periodsSHA256
            self.detail = detail
        }
    }

    /// True once the batch's register was opened.
    public func isOpen(_ session: StoreSession) throws -> Bool {
        try Bool.fetchOne(session.db, sql: "SELECT EXISTS (SELECT 1 FROM followup_audit WHERE batch = ? AND action = 'open')",
                          arguments: [batch]) ?? false
    }

    /// Opens the register with `items` (numbered in the order given, from 1) and its audit row.
    /// Returns nil and changes nothing when it is already open: opening twice does not
    /// duplicate the items nor reset their stages. Call it inside ``Store/write``.
    public func open(_ session: StoreSession, items: [Item], audit: AuditEntry) throws -> Int64? {
        guard try !isOpen(session) else { return nil }
        let auditId = try append(session, audit: audit)
        let insert = try session.db.makeStatement(sql: """
            INSERT INTO followup_item (batch, item_no, department, case_id, rubric_id, rule_id, disposition, stage, audit_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (n, item) in items.enumerated() {
            try insert.execute(arguments: [batch, n + 1, item.department, item.caseId, item.rubricId, item.ruleId,
                                           item.disposition.rawValue, item.stage.rawValue, auditId])
        }
        return auditId
    }

    /// Adds an audit row; returns its id.
    @discardableResult
    public func append(_ session: StoreSession, audit: AuditEntry) throws -> Int64 {
        try session.db.execute(sql: """
            INSERT INTO followup_audit (batch, action, at, source, sha256, periods_sha256, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [batch, audit.action, audit.at, audit.source, audit.sha256, audit.periodsSHA256, audit.detail])
        return session.db.lastInsertedRowID
    }

    /// The items in register order.
    public func items(_ session: StoreSession) throws -> [Item] {
        try Row.fetchAll(session.db, sql: """
            SELECT item_no, department, case_id, rubric_id, rule_id, disposition, stage FROM followup_item WHERE batch = ? ORDER BY item_no
            """, arguments: [batch]).map { row in
            let dispositionText: String = row["disposition"], stageText: String = row["stage"]
            guard let disposition = Disposition(rawValue: dispositionText), let stage = FollowupStage(rawValue: stageText) else {
                throw StoreError.sqlite(path: "followup_item", detail: "无法识别的处理方式或阶段：\(dispositionText)、\(stageText)")
            }
            return Item(itemNo: row["item_no"], department: row["department"], caseId: row["case_id"], rubricId: row["rubric_id"],
                        ruleId: row["rule_id"], disposition: disposition, stage: stage)
        }
    }

    /// The audit trail, oldest first.
    public func audit(_ session: StoreSession) throws -> [AuditEntry] {
        try Row.fetchAll(session.db, sql: """
            SELECT id, action, at, source, sha256, periods_sha256, detail FROM followup_audit WHERE batch = ? ORDER BY id
            """, arguments: [batch]).map {
            AuditEntry(id: $0["id"], action: $0["action"], at: $0["at"], source: $0["source"], sha256: $0["sha256"],
                       periodsSHA256: $0["periods_sha256"], detail: $0["detail"])
        }
    }

    /// The earlier change of kind `action` made from a file with this SHA-256, if any: the same
    /// reply file recorded twice is recognised and not applied again.
    public func earlier(_ session: StoreSession, action: String, sha256: String) throws -> AuditEntry? {
        try audit(session).first { $0.action == action && $0.sha256 == sha256 }
    }

    /// A recorded event (a reply file's line), as stored.
    public struct Event: Sendable, Equatable {
        public var seq: Int
        public var department: String
        public var caseId: String?
        public var ruleId: String?
        public var event: FollowupEvent
        public var outcome: FollowupEvent.ReexamOutcome?
        /// The document a 送达 served.
        public var document: FollowupDocumentKind?
        public var date: CivilDate
        public var number: String?
        public var note: String?
        public var auditId: Int64
        public var sheet: String?
        public var line: Int

        public init(seq: Int, department: String, caseId: String?, ruleId: String?, event: FollowupEvent,
                    outcome: FollowupEvent.ReexamOutcome?, document: FollowupDocumentKind?, date: CivilDate,
                    number: String?, note: String?, auditId: Int64, sheet: String?, line: Int) {
            self.seq = seq
            self.department = department
            self.caseId = caseId
            self.ruleId = ruleId
            self.event = event
            self.outcome = outcome
            self.document = document
            self.date = date
            self.number = number
            self.note = note
            self.auditId = auditId
            self.sheet = sheet
            self.line = line
        }

        /// True when the event concerns `item` (a department-wide or case-wide event concerns every item under it).
        public func concerns(_ item: Item) -> Bool {
            department == item.department && (caseId == nil || caseId == item.caseId) && (ruleId == nil || ruleId == item.ruleId)
        }
    }

    /// `followup_event.outcome`: the document a 送达 served (`notice`, `opinion`, `decision`),
    /// or the decision of a 复查决定 (`维持`, `撤销`, `变更`).
    static func outcomeText(_ e: Event) -> String? {
        e.document?.rawValue ?? e.outcome?.rawValue
    }

    /// Every recorded event of the register, in recording order.
    public func events(_ session: StoreSession) throws -> [Event] {
        try Row.fetchAll(session.db, sql: """
            SELECT seq, department, case_id, rule_id, event, outcome, on_date, document_number, note, audit_id, sheet, line
            FROM followup_event WHERE batch = ? ORDER BY seq
            """, arguments: [batch]).map { row in
            let eventText: String = row["event"], outcome: String? = row["outcome"], dateText: String = row["on_date"]
            guard let event = FollowupEvent(rawValue: eventText), let date = CivilDate(iso: dateText) else {
                throw StoreError.sqlite(path: "followup_event", detail: "无法识别的事项或日期：\(eventText)、\(dateText)")
            }
            return Event(seq: row["seq"], department: row["department"], caseId: row["case_id"], ruleId: row["rule_id"], event: event,
                         outcome: event == .reexamDecided ? outcome.flatMap(FollowupEvent.ReexamOutcome.init(rawValue:)) : nil,
                         document: event == .served ? outcome.flatMap(FollowupDocumentKind.init(rawValue:)) : nil,
                         date: date, number: row["document_number"], note: row["note"], auditId: row["audit_id"],
                         sheet: row["sheet"], line: row["line"])
        }
    }

    /// Appends events (numbered after the stored ones) and sets the stages the caller folded.
    public func record(_ session: StoreSession, events: [Event], stages: [Int: FollowupStage], auditId: Int64) throws {
        let next = (try Int.fetchOne(session.db, sql: "SELECT MAX(seq) FROM followup_event WHERE batch = ?", arguments: [batch]) ?? 0) + 1
        let insert = try session.db.makeStatement(sql: """
            INSERT INTO followup_event (batch, seq, department, case_id, rule_id, event, outcome, on_date, document_number, note,
                                        audit_id, sheet, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (n, e) in events.enumerated() {
            try insert.execute(arguments: [batch, next + n, e.department, e.caseId, e.ruleId, e.event.rawValue, Self.outcomeText(e),
                                           e.date.description, e.number, e.note, auditId, e.sheet, e.line])
        }
        let update = try session.db.makeStatement(sql: "UPDATE followup_item SET stage = ? WHERE batch = ? AND item_no = ?")
        for (itemNo, stage) in stages.sorted(by: { $0.key < $1.key }) {
            try update.execute(arguments: [stage.rawValue, batch, itemNo])
        }
    }

    /// A document issued to a department.
    public struct Document: Sendable, Equatable {
        public var department: String
        public var kind: FollowupDocumentKind
        public var number: String
        public var issuedOn: CivilDate

        public init(department: String, kind: FollowupDocumentKind, number: String, issuedOn: CivilDate) {
            self.department = department
            self.kind = kind
            self.number = number
            self.issuedOn = issuedOn
        }
    }

    public func documents(_ session: StoreSession) throws -> [Document] {
        try Row.fetchAll(session.db, sql: """
            SELECT department, kind, number, issued_on FROM followup_document WHERE batch = ? ORDER BY issued_on, department, kind
            """, arguments: [batch]).compactMap { row in
            guard let kind = FollowupDocumentKind(rawValue: row["kind"]), let date = CivilDate(iso: row["issued_on"]) else { return nil }
            return Document(department: row["department"], kind: kind, number: row["number"], issuedOn: date)
        }
    }

    /// Records documents issued, under one audit row.
    public func issue(_ session: StoreSession, documents: [Document], audit: AuditEntry) throws {
        let auditId = try append(session, audit: audit)
        let insert = try session.db.makeStatement(sql: """
            INSERT INTO followup_document (batch, department, kind, number, issued_on, audit_id) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for d in documents {
            try insert.execute(arguments: [batch, d.department, d.kind.rawValue, d.number, d.issuedOn.description, auditId])
        }
    }
}
