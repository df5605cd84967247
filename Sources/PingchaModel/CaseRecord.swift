/// One accepted case after ingestion (案件): its normalised values, indexed like the field
/// catalogue, and where it came from.
public struct CaseRecord: Sendable, Equatable {
    /// Values by catalogue index; nil = missing.
    public var values: [FieldValue?]
    /// Work a later stage did on the case while it was still on an ingest worker thread
    /// (see `IngestOptions.prepare`); not part of the case's identity.
    public var prepared: (any Sendable)?
    /// Index of the input file in the batch's input list.
    public var fileIndex: Int
    /// Physical line on which the record starts (header = line 1).
    public var line: Int

    public init(values: [FieldValue?], fileIndex: Int, line: Int) {
        self.values = values
        self.fileIndex = fileIndex
        self.line = line
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.values == b.values && a.fileIndex == b.fileIndex && a.line == b.line
    }

    public subscript(index: Int) -> FieldValue? {
        get { values[index] }
        set { values[index] = newValue }
    }
}
