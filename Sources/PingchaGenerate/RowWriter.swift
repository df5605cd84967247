import PingchaModel

/// Spells cases as CSV rows of one export file, straight into a byte buffer.
///
/// No String is made per field: fixed texts are kept as UTF-8 bytes, dates and amounts are
/// written digit by digit, and a field is quoted only when its bytes need it.
struct RowWriter {
    let bodies: [EnforcementBody]
    let layout: ExportLayout
    /// Value spelling per body.
    let styles: [ValueStyle]
    /// Per body, by CaseColumn index: fields the body does not record (blank in this file).
    let unrecorded: [[Bool]]
    let messy: Bool
    private let fields: [CaseColumn?]
    private let fieldIndices: [Int]
    /// Per body: layout positions of the date columns it records, where invalid values go
    /// (not the decision date: it places the case in its statistical year).
    let dateColumns: [[Int]]

    init(bodies: [EnforcementBody], layout: ExportLayout, styles: [ValueStyle], unrecorded: [[Bool]], messy: Bool) {
        self.bodies = bodies
        self.layout = layout
        self.styles = styles
        self.unrecorded = unrecorded
        self.messy = messy
        fields = layout.columns.map { if case .field(let f) = $0 { return f } else { return nil } }
        fieldIndices = fields.map { $0?.index ?? -1 }
        dateColumns = bodies.indices.map { b in
            layout.columns.indices.filter { i in
                // Not the annual fields' dates either: which row gets a bad date was drawn over
                // the columns exports had before them.
                guard let f = layout.columns[i].field, f.isDate, !f.isAnnual, f != .decisionDate else { return false }
                return !unrecorded[b][f.index]
            }
        }
    }

    /// How a row departs from a good one.
    enum Defect {
        case none
        case missingCaseId
        case invalidEnforcementType(Int)
        case extraField
        case missingField
        /// An invalid value in an optional date column (layout position, spelling).
        case invalidDate(column: Int, form: Int)
    }

    // Not "#N/A" and the like: ingestion reads those as an empty cell (a missing value).
    // 行政奖励, 行政裁决 and 行政给付 were here until the catalogue took them as types (issue 16).
    static let invalidTypes = ["行政指导", "行政协议", "内部审批", "待分类", "执法监督"].map { Array($0.utf8) }

    /// Appends the row for `c`. `rng` draws the messy spelling choices.
    func append(_ c: SyntheticCase, serial: Int, defect: Defect, _ rng: inout CaseRandom, to out: inout [UInt8]) {
        let style = styles[c.body]
        let skip = unrecorded[c.body]
        var lastFieldStart = out.count
        // The annual fields are spelt from their own generator (see ``AnnualFacts``).
        var annualSpelling = CaseRandom(seed: c.annual.spellingSeed, stream: .rowFormat, index: 0)
        for i in 0..<fields.count {
            lastFieldStart = out.count
            if i > 0 { out.append(0x2C) }
            let start = out.count
            var mayNeedQuotes = false
            if let field = fields[i] {
                if skip[fieldIndices[i]] { continue }
                switch defect {
                case .missingCaseId where field == .caseId:
                    continue
                case .invalidEnforcementType(let v) where field == .enforcementType:
                    out.append(contentsOf: RowWriter.invalidTypes[v % RowWriter.invalidTypes.count])
                    continue
                case .invalidDate(let column, let form) where column == i:
                    appendInvalidDate(year: c.numberYear, form: form, to: &out)
                    continue
                default:
                    if field.isAnnual {
                        mayNeedQuotes = appendValue(field, c, style, &annualSpelling, to: &out)
                    } else {
                        mayNeedQuotes = appendValue(field, c, style, &rng, to: &out)
                    }
                }
            } else if layout.columns[i] == .serial {
                Digits.append(serial, to: &out)
            } else if messy && rng.chance(0.03) {
                out.append(contentsOf: RowWriter.remarks[rng.below(RowWriter.remarks.count)])
                mayNeedQuotes = true
            }
            if mayNeedQuotes { CSVText.quoteField(in: &out, from: start) }
        }
        switch defect {
        case .extraField:
            out.append(contentsOf: RowWriter.extraCell)
        case .missingField:
            out.removeSubrange(lastFieldStart...)
        default:
            break
        }
        out.append(contentsOf: layout.lineEnding == .crlf ? RowWriter.crlf : RowWriter.lf)
    }

    static let crlf: [UInt8] = [0x0D, 0x0A]
    static let lf: [UInt8] = [0x0A]
    static let extraCell = Array(",补录".utf8)

    /// Writes one field's value; returns whether it may contain bytes that need quoting.
    @inline(__always)
    private func appendValue(_ field: CaseColumn, _ c: SyntheticCase, _ style: ValueStyle,
                             _ rng: inout CaseRandom, to out: inout [UInt8]) -> Bool {
        let body = bodies[c.body]
        switch field {
        case .caseId:
            out.append(contentsOf: body.numberPrefixes[c.numberSlot.rawValue])
            out.append(contentsOf: style.numberBrackets.0)
            Digits.append(c.numberYear, to: &out)
            out.append(contentsOf: style.numberBrackets.1)
            Digits.append(c.number, to: &out)
            out.append(contentsOf: RowWriter.hao)
        case .department:
            out.append(contentsOf: body.nameUTF8)
        case .district:
            if c.district >= 0 { out.append(contentsOf: District.utf8[c.district]) }
        case .enforcementType:
            appendEnum(EnforcementKind.utf8, RowWriter.kindSynonyms, c.kind.rawValue, style, &rng, to: &out)
        case .procedure:
            if let p = c.procedure { appendEnum(ProcedureKind.utf8, RowWriter.procedureSynonyms, p.rawValue, style, &rng, to: &out) }
        case .cause:
            out.append(contentsOf: body.mattersUTF8[c.kind.rawValue][c.matter])
        case .partyType:
            appendEnum(PartyKind.utf8, RowWriter.partySynonyms, c.party.kind.rawValue, style, &rng, to: &out)
        case .partyName:
            c.party.appendName(to: &out)
            return c.party.quotedBrand
        case .partyId:
            c.party.appendIdentifier(to: &out)
        case .partyPhone:
            guard c.party.phone != 0 else { break }
            // Some platforms store mobiles with the country code, which starts the cell with `+`.
            if messy && !c.party.landline && rng.chance(0.02) { out.append(contentsOf: RowWriter.countryCode) }
            c.party.appendPhone(to: &out)
        case .subjectQualified: appendBool(c.subjectQualified, style, &rng, to: &out)
        case .entrusted: appendBool(c.entrusted, style, &rng, to: &out)
        case .entrustmentFiled: appendBool(c.entrustmentFiled, style, &rng, to: &out)
        case .officersCount: if let n = c.officersCount { Digits.append(n, to: &out) }
        case .officersCertified: appendBool(c.officersCertified, style, &rng, to: &out)
        case .credentialsShown: appendBool(c.credentialsShown, style, &rng, to: &out)
        case .violationDate: appendDate(c.violationDate, style, &rng, to: &out)
        case .discoveredDate: appendDate(c.discoveredDate, style, &rng, to: &out)
        case .applicationDate: appendDate(c.applicationDate, style, &rng, to: &out)
        case .acceptedDate: appendDate(c.acceptedDate, style, &rng, to: &out)
        case .filedDate: appendDate(c.filedDate, style, &rng, to: &out)
        case .noticeDate: appendDate(c.noticeDate, style, &rng, to: &out)
        case .statementHeard: appendBool(c.statementHeard, style, &rng, to: &out)
        case .hearingNotified: appendBool(c.hearingNotified, style, &rng, to: &out)
        case .hearingRequested: appendBool(c.hearingRequested, style, &rng, to: &out)
        case .hearingRequestDate: appendDate(c.hearingRequestDate, style, &rng, to: &out)
        case .hearingNoticeDate: appendDate(c.hearingNoticeDate, style, &rng, to: &out)
        case .hearingDate: appendDate(c.hearingDate, style, &rng, to: &out)
        case .majorDecision: appendBool(c.majorDecision, style, &rng, to: &out)
        case .legalReviewDone: appendBool(c.legalReviewDone, style, &rng, to: &out)
        case .legalReviewDate: appendDate(c.legalReviewDate, style, &rng, to: &out)
        case .collectiveDiscussion: appendBool(c.collectiveDiscussion, style, &rng, to: &out)
        case .extensionApproved: appendBool(c.extensionApproved, style, &rng, to: &out)
        case .decisionDate: appendDate(c.decisionDate, style, &rng, to: &out)
        case .servedDate: appendDate(c.servedDate, style, &rng, to: &out)
        case .serviceMethod:
            if let m = c.serviceMethod { appendEnum(ServiceMethod.utf8, RowWriter.serviceSynonyms, m.rawValue, style, &rng, to: &out) }
        case .publicized: appendBool(c.publicized, style, &rng, to: &out)
        case .publicizedDate: appendDate(c.publicizedDate, style, &rng, to: &out)
        case .paymentDate: appendDate(c.paymentDate, style, &rng, to: &out)
        case .executedDate: appendDate(c.executedDate, style, &rng, to: &out)
        case .closedDate: appendDate(c.closedDate, style, &rng, to: &out)
        case .archivedDate: appendDate(c.archivedDate, style, &rng, to: &out)
        case .legalBasis:
            if c.citesBasis, c.kind == .penalty { out.append(contentsOf: body.penaltyMatters[c.matter].legalBasisUTF8) }
        case .penaltyBasis:
            if c.citesBasis, c.kind == .penalty { out.append(contentsOf: body.penaltyMatters[c.matter].penaltyBasisUTF8) }
        case .penaltyKinds:
            return appendList(Int(c.penaltyKinds.rawValue), PenaltyKinds.utf8, style, to: &out)
        case .fineAmount:
            if let v = c.fineAmount { return appendAmount(v, style, &rng, to: &out) }
        case .confiscatedAmount:
            if let v = c.confiscatedAmount { return appendAmount(v, style, &rng, to: &out) }
        case .discretionLevel:
            if let d = c.discretionLevel { out.append(contentsOf: DiscretionLevel.utf8[d.rawValue]) }
        case .discretionBenchmarkCited: appendBool(c.discretionBenchmarkCited, style, &rng, to: &out)
        case .evidenceTypes:
            return appendList(Int(c.evidence.rawValue), EvidenceKinds.utf8, style, to: &out)
        case .evidenceCount: if let n = c.evidenceCount { Digits.append(n, to: &out) }
        case .avRequired: appendBool(c.avRequired, style, &rng, to: &out)
        case .avRecorded: appendBool(c.avRecorded, style, &rng, to: &out)
        case .documentSealed: appendBool(c.documentSealed, style, &rng, to: &out)
        case .decisionEnforceable: appendBool(c.decisionEnforceable, style, &rng, to: &out)
        case .documentsComplete: appendBool(c.documentsComplete, style, &rng, to: &out)
        case .archiveComplete: appendBool(c.archiveComplete, style, &rng, to: &out)
        case .coerciveMeasure:
            if let m = c.coerciveMeasure { out.append(contentsOf: CoerciveMeasure.utf8[m.rawValue]) }
        case .coerciveStartDate: appendDate(c.coerciveStartDate, style, &rng, to: &out)
        case .coerciveEndDate: appendDate(c.coerciveEndDate, style, &rng, to: &out)
        case .inspectionPlanListed: appendBool(c.inspectionPlanListed, style, &rng, to: &out)
        case .reconsidered: appendBool(c.reconsidered, style, &rng, to: &out)
        case .reconsiderationResult:
            if let r = c.reconsiderationResult { out.append(contentsOf: ReconsiderationResult.utf8[r.rawValue]) }
        case .litigated: appendBool(c.litigated, style, &rng, to: &out)
        case .litigationResult:
            if let r = c.litigationResult { out.append(contentsOf: LitigationResult.utf8[r.rawValue]) }
        case .reconsiderationFiledDate: appendDate(c.annual.reconsiderationFiledDate, style, &rng, to: &out)
        case .reconsiderationClosedDate: appendDate(c.annual.reconsiderationClosedDate, style, &rng, to: &out)
        case .litigationFiledDate: appendDate(c.annual.litigationFiledDate, style, &rng, to: &out)
        case .litigationClosedDate: appendDate(c.annual.litigationClosedDate, style, &rng, to: &out)
        case .headAppeared: appendBool(c.annual.headAppeared, style, &rng, to: &out)
        case .coerciveAction:
            if let a = c.annual.coerciveAction { out.append(contentsOf: CoerciveAction.utf8[a.rawValue]) }
        case .enforcementMethod:
            if let m = c.annual.enforcementMethod { out.append(contentsOf: EnforcementMethod.utf8[m.rawValue]) }
        case .courtEnforcementApplied: appendBool(c.annual.courtEnforcementApplied, style, &rng, to: &out)
        case .licenceResult:
            if let r = c.annual.licenceResult { out.append(contentsOf: LicenceResult.utf8[r.rawValue]) }
        case .transferredToJudiciary: appendBool(c.annual.transferredToJudiciary, style, &rng, to: &out)
        case .penaltyExecution:
            if let e = c.annual.penaltyExecution { out.append(contentsOf: PenaltyExecution.utf8[e.rawValue]) }
        }
        return false
    }

    static let hao = Array("号".utf8)
    static let countryCode = Array("+86 ".utf8)

    // MARK: Value spellings

    /// A canonical enum value, or in a messy file now and then one of its catalogue synonyms.
    @inline(__always)
    private func appendEnum(_ names: [[UInt8]], _ synonyms: [[UInt8]], _ value: Int, _ style: ValueStyle,
                            _ rng: inout CaseRandom, to out: inout [UInt8]) {
        if messy && rng.chance(style.strayRate) && !synonyms[value].isEmpty {
            out.append(contentsOf: synonyms[value])
        } else {
            out.append(contentsOf: names[value])
        }
    }

    /// Short forms the catalogue lists as synonyms (许可 = 行政许可, 一般程序 = 普通程序 …);
    /// an empty entry means the value has none used here.
    static let kindSynonyms = ["许可", "处罚", "强制", "检查", "征收", "确认", "其它", "征用", "给付", "裁决", "奖励"].map { Array($0.utf8) }
    static let procedureSynonyms = ["简易", "一般程序", "快办"].map { Array($0.utf8) }
    static let partySynonyms = ["个人", "企业", "个体工商户"].map { Array($0.utf8) }
    static let serviceSynonyms = ["直接", "留置", "邮寄", "电子", "委托", "公告"].map { Array($0.utf8) }

    @inline(__always)
    private func appendBool(_ value: Bool?, _ style: ValueStyle, _ rng: inout CaseRandom, to out: inout [UInt8]) {
        guard let value else { return }
        var form = style.bool
        if messy && rng.chance(style.strayRate) { form = BoolForm.allCases[rng.below(BoolForm.allCases.count)] }
        let pair = form.utf8
        out.append(contentsOf: value ? pair.0 : pair.1)
    }

    @inline(__always)
    private func appendDate(_ value: CivilDate?, _ style: ValueStyle, _ rng: inout CaseRandom, to out: inout [UInt8]) {
        guard let value else { return }
        var form = style.date
        if messy && rng.chance(style.strayRate) { form = DateForm.allCases[rng.below(DateForm.allCases.count)] }
        RowWriter.appendDate(value, form: form, &rng, to: &out)
    }

    static func appendDate(_ date: CivilDate, form: DateForm, _ rng: inout CaseRandom, to out: inout [UInt8]) {
        if form == .excelSerial {
            // Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
            Digits.append(Int(date.dayNumber) + 25_569, to: &out)
            return
        }
        let (y, m, d) = date.components
        switch form {
        case .iso, .isoDateTime:
            Digits.append(y, width: 4, to: &out); out.append(0x2D)
            Digits.append(m, width: 2, to: &out); out.append(0x2D)
            Digits.append(d, width: 2, to: &out)
            if form == .isoDateTime {
                out.append(0x20)
                Digits.append(rng.int(8...19), width: 2, to: &out); out.append(0x3A)
                Digits.append(rng.int(0...59), width: 2, to: &out); out.append(0x3A)
                Digits.append(rng.int(0...59), width: 2, to: &out)
            }
        case .slash, .slashDateTime, .dot:
            let sep: UInt8 = form == .dot ? 0x2E : 0x2F
            Digits.append(y, to: &out); out.append(sep)
            Digits.append(m, to: &out); out.append(sep)
            Digits.append(d, to: &out)
            if form == .slashDateTime {
                out.append(0x20)
                Digits.append(rng.int(8...19), to: &out); out.append(0x3A)
                Digits.append(rng.int(0...59), width: 2, to: &out)
            }
        case .chinese:
            Digits.append(y, to: &out); out.append(contentsOf: nian)
            Digits.append(m, to: &out); out.append(contentsOf: yue)
            Digits.append(d, to: &out); out.append(contentsOf: ri)
        case .compact:
            Digits.append(y, width: 4, to: &out)
            Digits.append(m, width: 2, to: &out)
            Digits.append(d, width: 2, to: &out)
        case .excelSerial:
            break
        }
    }

    static let nian = Array("年".utf8), yue = Array("月".utf8), ri = Array("日".utf8)

    /// A date no calendar has: ingestion must drop it with a warning, not reject the row.
    private func appendInvalidDate(year: Int, form: Int, to out: inout [UInt8]) {
        switch form % 3 {
        case 0:
            Digits.append(year, width: 4, to: &out); out.append(contentsOf: RowWriter.invalidMonth)
        case 1:
            Digits.append(year, width: 4, to: &out); out.append(contentsOf: RowWriter.invalidDay)
        default:
            Digits.append(year, to: &out); out.append(contentsOf: RowWriter.invalidChineseMonth)
        }
    }

    static let invalidMonth = Array("-13-01".utf8)
    static let invalidDay = Array("-02-30".utf8)
    static let invalidChineseMonth = Array("年13月5日".utf8)

    /// Items of a bit set in bit order, joined by the style's separator.
    @inline(__always)
    private func appendList(_ bits: Int, _ names: [[UInt8]], _ style: ValueStyle, to out: inout [UInt8]) -> Bool {
        var first = true
        var rest = bits
        var i = 0
        while rest != 0 {
            if rest & 1 != 0 {
                if !first { out.append(contentsOf: style.listSeparator) }
                out.append(contentsOf: names[i])
                first = false
            }
            rest >>= 1
            i += 1
        }
        return style.listSeparator == RowWriter.comma
    }

    static let comma: [UInt8] = [0x2C]

    /// Whole yuan in the style's form (or, in a messy file, now and then another form).
    private func appendAmount(_ yuan: Int, _ style: ValueStyle, _ rng: inout CaseRandom, to out: inout [UInt8]) -> Bool {
        var form = style.amount
        if messy && rng.chance(style.strayRate) { form = AmountForm.allCases[rng.below(AmountForm.allCases.count)] }
        switch form {
        case .plain:
            Digits.append(yuan, to: &out)
        case .twoDecimals:
            Digits.append(yuan, to: &out); out.append(contentsOf: RowWriter.zeroCents)
        case .groupedYuan:
            RowWriter.appendGrouped(yuan, to: &out)
            out.append(contentsOf: RowWriter.zeroCents); out.append(contentsOf: RowWriter.yuanSign)
            return yuan >= 1_000
        case .yuanSuffix:
            Digits.append(yuan, to: &out); out.append(contentsOf: RowWriter.yuanSign)
        case .yenSign:
            out.append(contentsOf: RowWriter.yen); Digits.append(yuan, to: &out)
        case .capitalNumerals:
            out.append(contentsOf: ChineseAmount.spell(yuan: yuan).utf8)
        case .wan:
            // Whole yuan need at most four decimals of 万: 12345 → 1.2345万.
            Digits.append(yuan / 10_000, to: &out)
            var fraction = yuan % 10_000
            if fraction != 0 {
                var width = 4
                while fraction % 10 == 0 { fraction /= 10; width -= 1 }
                out.append(0x2E)
                Digits.append(fraction, width: width, to: &out)
            }
            out.append(contentsOf: RowWriter.wanSign)
        }
        return false
    }

    static let zeroCents = Array(".00".utf8)
    static let yuanSign = Array("元".utf8)
    static let yen = Array("￥".utf8)
    static let wanSign = Array("万".utf8)

    /// 1234567 → 1,234,567.
    static func appendGrouped(_ value: Int, to out: inout [UInt8]) {
        if value < 1_000 { Digits.append(value, to: &out); return }
        appendGrouped(value / 1_000, to: &out)
        out.append(0x2C)
        Digits.append(value % 1_000, width: 3, to: &out)
    }

    /// 备注 texts, some with commas, quotes and line breaks, as typed into platforms.
    static let remarks = [
        "当事人已整改到位", "已移送公安机关", "补正材料后受理", "罚款已缴纳，案卷已归档",
        "当事人称\"不知道需要办证\"", "第一次邮寄被退回,\n改为直接送达", "复议维持", "分期缴纳,已批准",
        "执法记录仪存储卡编号：JL-0032", "联系人：王科长 0990-6223011",
    ].map { Array($0.utf8) }
}

extension ExportLayout.Column {
    var field: CaseColumn? {
        if case .field(let f) = self { return f }
        return nil
    }
}
