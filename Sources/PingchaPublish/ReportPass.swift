import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaRubric
import PingchaStore

/// One pass over a stored batch, in case order: writes cases.csv and feeds every case, with
/// its findings, to the analytics fold (``BatchFold``), which owns the figures (findings.csv is
/// written beside it, ``FindingsFile``). Cases, their results and their findings are read side by side (all in case order) from three
/// statements of the same read transaction, straight from SQLite's buffers; the texts a
/// batch repeats (departments, rubric and rule ids, categories, problems) become one shared
/// string each.
public struct ReportPass {
    let batch: StoredBatch
    let files: [String]
    let rubrics: [RubricInfo]
    /// The scorer's applicable counts (rule tallies).
    let applicable: [RuleKey: Int]
    /// Case ids a reviewer decided rules of.
    let decidedCaseIds: Set<String>
    var examplesPerProblem = BatchFigures.examplesPerProblem
    var examplesPerRule = BatchFigures.examplesPerRule
    /// How many excellent and unqualified cases the bulletin lists (settings' `list_limit`).
    public var namedCasesLimit = NamedCases.defaultLimit
    /// How many failed cases a department's notice lists (settings' `notice_case_limit`; 0: all).
    public var noticeCaseLimit = DepartmentFindings.defaultListLimit

    public func run(_ db: StoreSession, casesCSV: CSVDocument) throws -> BatchFigures {
        typealias C = StoredBatch.CaseColumn
        typealias R = StoredBatch.ResultColumn
        typealias F = StoredBatch.FindingColumn
        let caseRows = try batch.caseRows(db)
        let resultRows = try batch.resultRows(db)
        let findingRows = try batch.findingRows(db)
        var haveResult = try resultRows.next()
        var haveFinding = try findingRows.next()
        var fold = BatchFold(rubrics: rubrics, applicable: applicable, decidedCaseIds: decidedCaseIds,
                             examplesPerProblem: examplesPerProblem, examplesPerRule: examplesPerRule, namedCasesLimit: namedCasesLimit,
                             noticeCaseLimit: noticeCaseLimit)

        // One shared string per text the batch repeats.
        var texts = ByteKeys()
        func shared(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            let id = texts.id(bytes)  // before reading `names`, which the lookup may extend
            return texts.names[id]
        }
        var dispositions = ByteKeys()
        var dispositionOf: [Disposition] = []
        // Category ids of each rubric (the store writes a case's points in rubric order).
        let rubricIndex = Dictionary(rubrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let categoryIdBytes = rubrics.map { $0.categories.map { Array($0.id.utf8) } }
        var kept = [Int64](repeating: 0, count: rubrics.map(\.categories.count).max() ?? 0)
        var present = [Bool](repeating: false, count: kept.count)
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var caseRow = CSVRows()
        defer { casesCSV.write(&caseRow) }

        func text(_ q: RawQuery, _ column: Int32) -> UnsafeBufferPointer<UInt8>? { q.isNull(column) ? nil : q.bytes(column) }

        // One case value reused from row to row (its findings and category points keep their
        // storage).
        var scored = ScoredCase(caseNo: 0, caseId: "", department: "", enforcementType: "", rubricId: nil, score: nil, grade: nil,
                                isPass: nil, isExcellent: nil)
        while try caseRows.next() {
            let caseNo = caseRows.int(C.caseNo)
            // Every stored case has its result; one without is left out, as a join would.
            while haveResult && resultRows.int(R.caseNo) < caseNo { haveResult = try resultRows.next() }
            guard haveResult && resultRows.int(R.caseNo) == caseNo else { continue }
            // Findings of cases that are not stored come first in case order: listed only.
            while haveFinding && findingRows.int(F.caseNo) < caseNo { haveFinding = try findingRows.next() }
            let caseId = caseRows.bytes(C.caseId), department = caseRows.bytes(C.department)
            let inputOrd = caseRows.int(C.inputOrd)
            let rubricBytes = text(resultRows, R.rubricId)
            let scoreBytes = text(resultRows, R.score)
            let gradeBytes = text(resultRows, R.grade)
            let pass: Bool? = resultRows.isNull(R.pass) ? nil : resultRows.int(R.pass) != 0
            let excellent: Bool? = resultRows.isNull(R.excellent) ? nil : resultRows.int(R.excellent) != 0
            let veto = resultRows.int(R.veto) != 0
            let needsReview = resultRows.int(R.needsReview) != 0

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
            caseRow.cell(resultRows.bytes(R.disposition))
            caseRow.cell(needsReview ? "是" : "否")
            caseRow.cell(files[safe: inputOrd] ?? "")
            caseRow.cell(caseRows.bytes(C.line))
            caseRow.endRow()
            if caseRow.isFull { casesCSV.write(&caseRow) }

            let dispositionId = dispositions.id(resultRows.bytes(R.disposition))
            if dispositionId == dispositionOf.count { dispositionOf.append(Disposition(rawValue: dispositions.names[dispositionId]) ?? .none) }
            scored.caseNo = caseNo
            scored.caseId = String(decoding: caseId, as: UTF8.self)
            scored.department = shared(department)
            scored.district = text(caseRows, C.district).map(shared)
            scored.enforcementType = shared(caseRows.bytes(C.enforcementType))
            scored.rubricId = rubricBytes.map(shared)
            scored.score = scoreBytes.flatMap { DecimalNumber(storedBytes: $0) }
            scored.grade = gradeBytes.map(shared)
            scored.isPass = pass
            scored.isExcellent = excellent
            scored.veto = veto
            scored.disposition = dispositionOf[dispositionId]
            scored.needsReview = needsReview
            scored.profileId = text(resultRows, R.profile).map(shared)
            scored.threeSystems = ThreeSystemsFacts(outcomes: MeasureCode.threeSystems(stored: text(resultRows, R.threeSystems), covered: rubricBytes != nil))
            scored.categoryScores.removeAll(keepingCapacity: true)
            if let rubricId = scored.rubricId, let r = rubricIndex[rubricId] {
                StoredCategoryScores.decode(resultRows.bytes(R.categoryScores), ids: categoryIdBytes[r], kept: &kept, present: &present)
                for (j, category) in rubrics[r].categories.enumerated() where present[j] {
                    scored.categoryScores[category.id] = DecimalNumber(units: kept[j])
                }
            }

            scored.findings.removeAll(keepingCapacity: true)
            var openSuspicion = false
            while haveFinding && findingRows.int(F.caseNo) == caseNo {
                let suspect = findingRows.int(F.suspect) != 0
                if StoredBatch.isOpenSuspicion(outcome: findingRows.bytes(F.outcome), suspect: suspect) { openSuspicion = true }
                let f = FailedRule(rubricId: shared(findingRows.bytes(F.rubricId)), ruleId: shared(findingRows.bytes(F.ruleId)),
                                   categoryId: shared(findingRows.bytes(F.categoryId)), problem: shared(findingRows.bytes(F.problem)),
                                   outcome: findingRows.bytes(F.outcome).elementsEqual("fail".utf8) ? .fail : .unknown,
                                   deduct: DecimalNumber(storedBytes: findingRows.bytes(F.deduct)) ?? .zero,
                                   conflict: findingRows.int(F.conflict) != 0, suspect: suspect)
                scored.findings.append(f)
                haveFinding = try findingRows.next()
            }
            scored.isDecided = StoredBatch.isDecided(needsReview: needsReview, hasOpenSuspicion: openSuspicion)
            fold.add(scored)
        }
        return fold.figures
    }
}
