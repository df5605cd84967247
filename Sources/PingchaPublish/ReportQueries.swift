import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaStore

/// The store's report queries in the shapes the documents take.
extension StoredBatch {
    /// The cases `caseNos` as the documents name them, in the order given; a failed rule is
    /// named by `titles` (its requirement in words), else by its problem label, each once.
    func listedCases(_ db: StoreSession, caseNos: [Int], catalogue: FieldCatalogue,
                     titles: (String, String) -> String? = { _, _ in nil }) throws -> [ListedCase] {
        try caseSummaries(db, caseNos: caseNos, catalogue: catalogue).map { c in
            var reasons: [String] = []
            for f in c.failures {
                let reason = titles(f.rubricId, f.ruleId) ?? f.problem
                if !reasons.contains(reason) { reasons.append(reason) }
            }
            return ListedCase(department: c.department, caseId: c.caseId, cause: c.cause, partyName: c.partyName, partyType: c.partyType,
                              score: c.score, grade: c.grade, veto: c.veto, disposition: c.disposition.chineseName, reasons: reasons)
        }
    }
}
