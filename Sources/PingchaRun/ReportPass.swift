import Foundation
import GRDB
import PingchaAnalytics
import PingchaModel
import PingchaRubric
import PingchaStore

/// One pass over a stored batch, in case order: writes cases.csv and findings.csv and
/// gathers ``BatchFigures`` as it goes. Cases and their findings are read side by side
/// (both in case order) from two statements of the same read transaction, straight from
/// SQLite's buffers; only per-group counters and one score per case and grouping (for
/// medians) stay in memory.
struct ReportPass {
    let batch: StoredBatch
    let files: [String]
    let rubrics: [RubricInfo]
    let definitions: [RubricDefinition]
    /// The scorer's applicable counts (rule tallies).
    let applicable: [RuleKey: Int]
    /// Case ids a reviewer decided rules of.
    let decidedCaseIds: Set<String>
    var examplesPerProblem = BatchFigures.examplesPerProblem
    var examplesPerRule = BatchFigures.examplesPerRule

    /// Cases grouped by one column: counters per value, in order of first appearance.
    struct Grouping {
        var keys = ByteKeys()
        /// Position in `groups` of each key number.
        var position: [Int] = []
        var nilPosition: Int?
        var groups: [(key: String?, tally: GroupSummary.Tally)] = []

        mutating func index(_ value: UnsafeBufferPointer<UInt8>?) -> Int {
            guard let value else {
                if let p = nilPosition { return p }
                nilPosition = groups.count
                groups.append((nil, GroupSummary.Tally()))
                return groups.count - 1
            }
            let id = keys.id(value)
            if id < position.count { return position[id] }
            position.append(groups.count)
            groups.append((keys.names[id], GroupSummary.Tally()))
            return groups.count - 1
        }

        var summaries: [GroupSummary] { groups.map { $0.tally.summary(key: $0.key) } }
    }

    /// A main problem's tally (see ``Analytics/mainProblems(_:examplesPerProblem:)``).
    struct ProblemTally {
        var findings = 0
        var cases = 0
        var lastCase = -1
        var rules: Set<RuleKey> = []
        var categories: [String] = []
        var examples: [CaseReference] = []
    }

    func run(_ db: Database, casesCSV: CSVDocument, findingsCSV: CSVDocument) throws -> BatchFigures {
        typealias C = StoredBatch.CaseColumn
        typealias F = StoredBatch.FindingColumn
        let caseRows = try batch.caseRows(db)
        let findingRows = try batch.findingRows(db)
        var haveFinding = try findingRows.next()

        var all = GroupSummary.Tally()
        var departments = Grouping(), types = Grouping(), districts = Grouping(), rubricGroups = Grouping()
        var grades = ByteKeys(), problemKeys = ByteKeys(), categoryKeys = ByteKeys()
        var dispositions = ByteKeys()
        var dispositionOf: [Disposition] = []

        // Rubrics of the batch (the first of an id wins, as in the analytics functions).
        var rubricKeys = ByteKeys()
        var rubricOf: [Int?] = []  // by rubricKeys number: index in `rubrics`
        let rubricIndex = Dictionary(rubrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let categoryIdBytes = rubrics.map { $0.categories.map { Array($0.id.utf8) } }
        var kept = [[Int64]](repeating: [], count: rubrics.count)
        var counted = rubrics.map { [Int](repeating: 0, count: $0.categories.count) }
        var lost = rubrics.map { [Int64](repeating: 0, count: $0.categories.count) }
        var present = [Bool](repeating: false, count: rubrics.map(\.categories.count).max() ?? 0)
        for r in rubrics.indices { kept[r] = [Int64](repeating: 0, count: rubrics[r].categories.count) }
        var failedByCategory: [Int] = []  // by categoryKeys number

        // Rules: every rule of the rubrics in order, then strays met in findings.
        var rules: [RuleSummary] = []
        var ruleIndex: [RuleKey: Int] = [:]
        for rubric in rubrics {
            for rule in rubric.rules {
                let key = RuleKey(rubricId: rubric.id, ruleId: rule.id)
                guard ruleIndex[key] == nil else { continue }
                ruleIndex[key] = rules.count
                rules.append(RuleSummary(key: key, title: rule.title, categoryId: rule.categoryId, problem: rubric.problem(of: rule),
                                         applicable: applicable[key], failed: 0, unknown: 0, examples: []))
            }
        }
        var strays: [RuleSummary] = []
        var strayIndex: [RuleKey: Int] = [:]
        // findings.csv's rule columns, per stored rubric id and rule id.
        var ruleText: [String: [String: (title: String, basis: String, disposition: String)]] = [:]
        for d in definitions where ruleText[d.id] == nil {
            ruleText[d.id] = d.rules.mapValues { ($0.title, $0.basis ?? "", $0.disposition) }
        }

        var problems: [ProblemTally] = []
        var totalFailed = 0, scored = 0
        var rates = ThreeSystem.allCases.map { ThreeSystemRate(system: $0) }
        var decided: [String: BatchFigures.DecidedCase] = [:]
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var caseRow = CSVRows(), findingRow = CSVRows()
        defer {
            casesCSV.write(&caseRow)
            findingsCSV.write(&findingRow)
        }

        func text(_ q: RawQuery, _ column: Int32) -> UnsafeBufferPointer<UInt8>? { q.isNull(column) ? nil : q.bytes(column) }

        // Each (rubric, rule) of the findings, numbered by its bytes once: its key, its
        // findings.csv texts and its place in the rule table.
        var ruleKeys = ByteKeys(), ruleKeyBytes: [UInt8] = []
        var ruleInfo: [(key: RuleKey, text: (title: String, basis: String, disposition: String)?, index: Int?)] = []
        func ruleNumber() -> Int {
            ruleKeyBytes.removeAll(keepingCapacity: true)
            ruleKeyBytes.append(contentsOf: findingRows.bytes(F.rubricId))
            ruleKeyBytes.append(0x1F)
            ruleKeyBytes.append(contentsOf: findingRows.bytes(F.ruleId))
            let n = ruleKeyBytes.withUnsafeBufferPointer { ruleKeys.id($0) }
            if n == ruleInfo.count {
                let key = RuleKey(rubricId: findingRows.string(F.rubricId) ?? "", ruleId: findingRows.string(F.ruleId) ?? "")
                ruleInfo.append((key, ruleText[key.rubricId]?[key.ruleId], ruleIndex[key]))
            }
            return n
        }

        /// Writes one finding row (with an empty case id and department for a finding whose
        /// case is not stored, which is only listed); returns its rule's number.
        @discardableResult
        func finding(caseId: UnsafeBufferPointer<UInt8>, department: UnsafeBufferPointer<UInt8>) -> Int {
            let ruleNo = ruleNumber()
            let rule = ruleInfo[ruleNo].text
            findingRow.cell(findingRows.bytes(F.caseNo))
            findingRow.cell(caseId)
            findingRow.cell(department)
            findingRow.cell(findingRows.bytes(F.rubricId))
            findingRow.cell(findingRows.bytes(F.ruleId))
            findingRow.cell(rule?.title ?? "")
            findingRow.cell(findingRows.bytes(F.categoryId))
            findingRow.cell(findingRows.bytes(F.problem))
            findingRow.cell(findingRows.bytes(F.outcome))
            findingRow.cell(findingRows.bytes(F.deduct))
            findingRow.cell(findingRows.bytes(F.fieldsRead))
            findingRow.cell(rule?.basis ?? "")
            findingRow.cell(rule?.disposition ?? "")
            findingRow.cell(findingRows.bytes(F.automated))
            findingRow.cell(findingRows.bytes(F.review))
            // A screen's suspicion (`on_fail: review`): undecided until a reviewer looks.
            findingRow.cell(findingRows.int(F.suspect) != 0 ? "是" : "")
            findingRow.endRow()
            if findingRow.isFull { findingsCSV.write(&findingRow) }
            return ruleNo
        }

        while try caseRows.next() {
            let caseNo = caseRows.int(C.caseNo)
            // Findings of cases that are not stored come first in case order: listed only.
            while haveFinding && findingRows.int(F.caseNo) < caseNo {
                finding(caseId: empty, department: empty)
                haveFinding = try findingRows.next()
            }
            let caseId = caseRows.bytes(C.caseId), department = caseRows.bytes(C.department)
            let inputOrd = caseRows.int(C.inputOrd)
            let rubricBytes = text(caseRows, C.rubricId)
            let scoreBytes = text(caseRows, C.score)
            let gradeBytes = text(caseRows, C.grade)
            let pass: Bool? = caseRows.isNull(C.pass) ? nil : caseRows.int(C.pass) != 0
            let excellent: Bool? = caseRows.isNull(C.excellent) ? nil : caseRows.int(C.excellent) != 0
            let veto = caseRows.int(C.veto) != 0
            let needsReview = caseRows.int(C.needsReview) != 0

            caseRow.cell(caseRows.bytes(C.caseNo))
            caseRow.cell(caseId)
            caseRow.cell(department)
            caseRow.cell(caseRows.bytes(C.district))
            caseRow.cell(caseRows.bytes(C.enforcementType))
            caseRow.cell(caseRows.bytes(C.decisionDate))
            caseRow.cell(rubricBytes ?? empty)
            caseRow.cell(scoreBytes ?? empty)
            caseRow.cell(gradeBytes ?? empty)
            if let pass { caseRow.cell(pass ? "是" : "否") } else { caseRow.cell(empty) }
            caseRow.cell(veto ? "是" : "否")
            caseRow.cell(caseRows.bytes(C.disposition))
            caseRow.cell(needsReview ? "是" : "否")
            caseRow.cell(files[safe: inputOrd] ?? "")
            caseRow.cell(caseRows.bytes(C.line))
            caseRow.endRow()
            if caseRow.isFull { casesCSV.write(&caseRow) }

            // Group figures.
            let score = scoreBytes.flatMap { DecimalNumber(storedBytes: $0) }
            let grade = gradeBytes.map { b -> String in
                let id = grades.id(b)  // before reading `names`, which the lookup may extend
                return grades.names[id]
            }
            let dispositionId = dispositions.id(caseRows.bytes(C.disposition))
            if dispositionId == dispositionOf.count { dispositionOf.append(Disposition(rawValue: dispositions.names[dispositionId]) ?? .none) }
            let disposition = dispositionOf[dispositionId]
            func add(_ t: inout GroupSummary.Tally) {
                t.add(covered: rubricBytes != nil, needsReview: needsReview, veto: veto, score: score, grade: grade,
                      isPass: pass, isExcellent: excellent, disposition: disposition)
            }
            add(&all)
            add(&departments.groups[departments.index(department)].tally)
            add(&types.groups[types.index(caseRows.bytes(C.enforcementType))].tally)
            add(&districts.groups[districts.index(text(caseRows, C.district))].tally)
            add(&rubricGroups.groups[rubricGroups.index(rubricBytes)].tally)
            if score != nil { scored += 1 }

            // Category points, for scored cases of a rubric of the batch.
            var rubric: Int?
            if let rubricBytes {
                let id = rubricKeys.id(rubricBytes)
                if id == rubricOf.count { rubricOf.append(rubricIndex[rubricKeys.names[id]]) }
                rubric = rubricOf[id]
            }
            let categoryCase = score != nil ? rubric : nil
            if let r = categoryCase {
                Self.categoryScores(caseRows.bytes(C.categoryScores), ids: categoryIdBytes[r], kept: &kept[r], present: &present)
                for (j, category) in rubrics[r].categories.enumerated() where present[j] {
                    counted[r][j] += 1
                    lost[r][j] += category.points.units - kept[r][j]
                }
            }

            // Three systems, as the rules measuring them said when the batch was scored.
            let facts = Self.threeSystems(text(caseRows, C.threeSystems), covered: rubricBytes != nil)
            for (i, system) in ThreeSystem.allCases.enumerated() {
                switch facts[system] {
                case .notApplicable: continue
                case .met: rates[i].met += 1
                case .notMet: rates[i].notMet += 1
                case .unknown: rates[i].unknown += 1
                }
                rates[i].applicable += 1
            }

            // Reviewers' agreement needs the first case of each decided case id.
            var decidedId: String?
            if !decidedCaseIds.isEmpty {
                let id = String(decoding: caseId, as: UTF8.self)
                if decidedCaseIds.contains(id) && decided[id] == nil {
                    decidedId = id
                    decided[id] = BatchFigures.DecidedCase(
                        reference: CaseReference(caseNo: caseNo, caseId: id, department: String(decoding: department, as: UTF8.self)),
                        rubricId: rubricBytes.map { String(decoding: $0, as: UTF8.self) }, findingCategories: [:])
                }
            }

            // The case's findings.
            var reference: CaseReference?
            func ref() -> CaseReference {
                if let reference { return reference }
                let r = CaseReference(caseNo: caseNo, caseId: String(decoding: caseId, as: UTF8.self),
                                      department: String(decoding: department, as: UTF8.self))
                reference = r
                return r
            }
            while haveFinding && findingRows.int(F.caseNo) == caseNo {
                let ruleNo = finding(caseId: caseId, department: department)
                let failed = findingRows.bytes(F.outcome).elementsEqual("fail".utf8)
                let key = ruleInfo[ruleNo].key
                let categoryNo = categoryKeys.id(findingRows.bytes(F.categoryId))
                if categoryNo == failedByCategory.count { failedByCategory.append(0) }
                let categoryId = categoryKeys.names[categoryNo]
                if let id = decidedId, decided[id]!.findingCategories[key.ruleId] == nil {
                    decided[id]!.findingCategories[key.ruleId] = categoryId
                }
                // Rule table.
                func update(_ s: inout RuleSummary) {
                    if failed {
                        s.failed += 1
                        if s.examples.count < examplesPerRule { s.examples.append(ref()) }
                    } else {
                        s.unknown += 1
                    }
                }
                if let i = ruleInfo[ruleNo].index {
                    update(&rules[i])
                } else {
                    if strayIndex[key] == nil {
                        strayIndex[key] = strays.count
                        strays.append(RuleSummary(key: key, title: "", categoryId: categoryId,
                                                  problem: findingRows.string(F.problem) ?? "", applicable: applicable[key],
                                                  failed: 0, unknown: 0, examples: []))
                    }
                    update(&strays[strayIndex[key]!])
                }
                if failed {
                    if categoryCase != nil { failedByCategory[categoryNo] += 1 }
                    // Main problems.
                    totalFailed += 1
                    let p = problemKeys.id(findingRows.bytes(F.problem))
                    if p == problems.count { problems.append(ProblemTally()) }
                    problems[p].findings += 1
                    problems[p].rules.insert(key)
                    if !problems[p].categories.contains(categoryId) { problems[p].categories.append(categoryId) }
                    if problems[p].lastCase != caseNo {
                        problems[p].lastCase = caseNo
                        problems[p].cases += 1
                        if problems[p].examples.count < examplesPerProblem { problems[p].examples.append(ref()) }
                    }
                }
                haveFinding = try findingRows.next()
            }
        }
        while haveFinding {
            finding(caseId: empty, department: empty)
            haveFinding = try findingRows.next()
        }

        // Categories by id across rubrics, in order of first appearance.
        var order: [String] = []
        var titles: [String: String] = [:]
        var casesBy: [String: Int] = [:], possibleBy: [String: Int64] = [:], lostBy: [String: Int64] = [:]
        for (r, rubric) in rubrics.enumerated() {
            for (j, category) in rubric.categories.enumerated() {
                if titles[category.id] == nil {
                    titles[category.id] = category.title
                    order.append(category.id)
                }
                // Only the first rubric of an id is ever matched (as in the analytics).
                guard rubricIndex[rubric.id] == r else { continue }
                casesBy[category.id, default: 0] += counted[r][j]
                possibleBy[category.id, default: 0] += Int64(counted[r][j]) * category.points.units
                lostBy[category.id, default: 0] += lost[r][j]
            }
        }
        var failedBy: [String: Int] = [:]
        for (n, name) in categoryKeys.names.enumerated() { failedBy[name] = failedByCategory[n] }
        let categories = order.map { id in
            CategorySummary(categoryId: id, title: titles[id] ?? id, cases: casesBy[id] ?? 0,
                            pointsPossible: DecimalNumber(units: possibleBy[id] ?? 0), pointsLost: DecimalNumber(units: lostBy[id] ?? 0),
                            failedFindings: failedBy[id] ?? 0)
        }
        let problemSummaries = problemKeys.names.enumerated().map { p, label in
            let t = problems[p]
            return ProblemSummary(problem: label, failedFindings: t.findings, cases: t.cases,
                                  shareOfCases: scored > 0 ? Double(t.cases) / Double(scored) : nil,
                                  shareOfFindings: totalFailed > 0 ? Double(t.findings) / Double(totalFailed) : nil,
                                  rules: t.rules.sorted(), categoryIds: t.categories, examples: t.examples)
        }.sorted { ($1.failedFindings, $1.cases, $0.problem) < ($0.failedFindings, $0.cases, $1.problem) }

        return BatchFigures(all: all.summary(key: nil), departments: departments.summaries, enforcementTypes: types.summaries,
                            districts: districts.summaries, rubricGroups: rubricGroups.summaries, categories: categories,
                            problems: problemSummaries, rules: rules + strays.sorted { $0.key < $1.key },
                            threeSystems: rates, decidedCases: decided)
    }

    /// Reads `{"legality":20,"evidence":17.5}` (the flat object the store writes, categories
    /// in rubric order) into `kept`, marking in `present` the categories it has.
    static func categoryScores(_ json: UnsafeBufferPointer<UInt8>, ids: [[UInt8]], kept: inout [Int64], present: inout [Bool]) {
        for j in present.indices { present[j] = false }
        var i = 1, expected = 0
        let n = json.count
        while i < n {
            guard json[i] == 0x22 else { i += 1; continue }
            let keyStart = i + 1
            i = keyStart
            while i < n, json[i] != 0x22 { i += 1 }
            let key = UnsafeBufferPointer(rebasing: json[keyStart..<i])
            i += 2  // closing quote and colon
            let valueStart = i
            while i < n, json[i] != 0x2C, json[i] != 0x7D { i += 1 }
            defer { i += 1 }
            guard valueStart < i, let v = DecimalNumber(storedBytes: UnsafeBufferPointer(rebasing: json[valueStart..<i])) else { continue }
            let j = expected < ids.count && ids[expected].elementsEqual(key) ? expected : ids.firstIndex { $0.elementsEqual(key) }
            guard let j else { continue }
            kept[j] = v.units
            present[j] = true
            expected = j + 1
        }
    }

    /// A case's three systems from its stored letters (`result.three_systems`, see
    /// ``MeasureCode``). Without letters: a case no rubric covered was judged by no rule, so no
    /// system applies; a scored case without them was stored before schema 2, when the
    /// rules' outcomes were not kept — its systems are unknown (counted apart, in no rate)
    /// rather than judged again here from its values, which would restate the rules in code.
    /// `pingcha rescore` gives such a batch its letters.
    static func threeSystems(_ code: UnsafeBufferPointer<UInt8>?, covered: Bool) -> ThreeSystemsFacts {
        guard let code, code.count == 3 else {
            return covered ? ThreeSystemsFacts(publicity: .unknown, recording: .unknown, legalReview: .unknown) : ThreeSystemsFacts()
        }
        return ThreeSystemsFacts(publicity: ThreeSystemStatus(MeasureCode.outcome(code[0])),
                                 recording: ThreeSystemStatus(MeasureCode.outcome(code[1])),
                                 legalReview: ThreeSystemStatus(MeasureCode.outcome(code[2])))
    }

    /// The same from a stored text (for the cases held in memory, ``StoredCases``).
    static func threeSystems(_ code: String?, covered: Bool) -> ThreeSystemsFacts {
        guard var code else { return threeSystems(nil as UnsafeBufferPointer<UInt8>?, covered: covered) }
        return code.withUTF8 { threeSystems($0, covered: covered) }
    }
}
