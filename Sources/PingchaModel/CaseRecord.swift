/// One accepted case after ingestion (案件): its normalised values, indexed like the field
/// catalogue, and where it came from.
public struct CaseRecord: Sendable, Equatable {
    /// Values by catalogue index; nil = missing.
    public var values: [FieldValue?]
    /// Index of the input file in the batch's input list.
    public var fileIndex: Int
    /// Physical line on which the record starts (header = line 1).
    public var line: Int

    public init(values: [FieldValue?], fileIndex: Int, line: Int) {
        self.values = values
        self.fileIndex = fileIndex
        self.line = line
    }

    public subscript(index: Int) -> FieldValue? {
        get { values[index] }
        set { values[index] = newValue }
    }
}
