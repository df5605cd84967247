import PingchaModel
import PingchaCatalogue

/// The catalogue fields the `case` table keeps in columns of their own, beside the binary
/// record of every value.
///
/// `case_id`, `department` and `enforcement_type` are NOT NULL columns that every report
/// groups and names cases by, so a catalogue (`--fields`) without one of them cannot store a
/// batch: ``check(_:)`` says which are missing before anything is written, where an unwrapped
/// index once trapped. `district` and `decision_date` are optional: without them the columns
/// hold NULL (``CaseRows/Columns``), as they do for a case that lacks the value.
public enum CaseKeyFields {
    /// Ids of the fields a batch cannot be stored without.
    public static let required = ["case_id", "department", "enforcement_type"]
    /// Ids of the fields stored in a column when the catalogue has them.
    public static let optional = ["district", "decision_date"]

    /// Throws ``PingchaError/catalogueLacksKeyFields(_:missing:)`` naming the catalogue file and
    /// each missing field with its Chinese name (from the built-in catalogue).
    public static func check(_ catalogue: FieldCatalogue) throws(PingchaError) {
        let missing = required.filter { catalogue.index(of: $0) == nil }
        guard !missing.isEmpty else { return }
        let builtIn = FieldCatalogue.builtIn()
        throw .catalogueLacksKeyFields(SourceLocation(file: catalogue.source),
                                       missing: missing.map { id in builtIn[id].map { "\(id)（\($0.name)）" } ?? id })
    }
}
