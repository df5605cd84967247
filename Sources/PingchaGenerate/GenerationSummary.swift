/// The kinds of deliberately broken rows (messy mode): each must be rejected by ingestion.
public enum BadRowKind: String, CaseIterable, Sendable {
    /// 案件编号 empty (a required field missing).
    case missingCaseId = "missing_case_id"
    /// 执法类别 not one of the catalogue's values or synonyms.
    case invalidEnforcementType = "invalid_enforcement_type"
    /// The same (department, case_id) as the row before it: the later row is rejected.
    case duplicateCase = "duplicate_case"
    /// One field more than the header.
    case extraField = "extra_field"
    /// One field fewer than the header.
    case missingField = "missing_field"
}

/// What a generation run wrote, exactly: tests and benchmarks compare ingestion against it.
public struct GenerationSummary: Equatable, Sendable {
    /// Good case rows (what ingestion should accept).
    public var cases = 0
    /// Broken rows by kind (what ingestion should reject).
    public var badRows: [BadRowKind: Int] = [:]
    /// Optional cells holding an invalid value (what ingestion should warn about, once each).
    public var invalidValues = 0
    /// Per department, in the generator's order, for the departments written.
    public var departments: [DepartmentCount] = []
    /// Files written, with their columns that map to no field (序号, 备注).
    public var files: [FileSummary] = []
    /// Bytes written, after encoding, over all files.
    public var bytes = 0

    public var totalBadRows: Int { badRows.values.reduce(0, +) }
    /// Data rows written (headers not counted).
    public var rows: Int { cases + totalBadRows }

    public init() {}

    public struct DepartmentCount: Equatable, Sendable {
        public var name: String
        public var cases: Int
        public var badRows: Int
        public var invalidValues: Int
    }

    public struct FileSummary: Equatable, Sendable {
        /// The path, or nil for a caller's sink.
        public var path: String?
        public var department: String?
        public var rows: Int
        public var bytes: Int
        /// Header texts that match no case field.
        public var unmappedHeaders: [String]
    }
}
