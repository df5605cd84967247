/// The type of a case field (fields.md, "Types").
public enum FieldType: String, CaseIterable, Sendable {
    case text, number, bool, date
    case enumeration = "enum"
    case list
}

/// One allowed value of an enum or list field, with the other spellings that mean it.
public struct AllowedValue: Equatable, Sendable {
    public var value: String
    public var synonyms: [String]
    public init(value: String, synonyms: [String] = []) {
        self.value = value
        self.synonyms = synonyms
    }
}

/// One canonical case field (字段): its id, type, Chinese name and the headers that mean it.
public struct FieldDefinition: Equatable, Sendable {
    public static func == (a: FieldDefinition, b: FieldDefinition) -> Bool {
        a.id == b.id && a.type == b.type && a.name == b.name && a.aliases == b.aliases && a.required == b.required
            && a.values == b.values && a.personal == b.personal && a.note == b.note && a.unit == b.unit && a.line == b.line
            && a.impliedBy.map(\.header) == b.impliedBy.map(\.header) && a.impliedBy.map(\.value) == b.impliedBy.map(\.value)
    }

    public var id: String
    public var type: FieldType
    /// 中文名, also accepted as a header.
    public var name: String
    public var aliases: [String]
    public var required: Bool
    /// For enum fields the allowed values; for list fields the known items (others are kept
    /// with a warning).
    public var values: [AllowedValue]
    /// Personal data (个人信息): masked in published documents.
    public var personal: Bool
    public var note: String?
    /// The unit a number is in (`元`), printed after it in documents ("罚款金额：3200元").
    public var unit: String? = nil
    /// `implied_by`: header → value. An export without a column for this field but with one
    /// of these headers gives every row that value (a 双公示 export of 行政处罚 records has a
    /// 行政处罚决定书文号 column and no 执法类别: every row is a 行政处罚). In file order.
    public var impliedBy: [(header: String, value: String)] = []
    /// Line of the definition in the catalogue file, for messages.
    public var line: Int

    public init(id: String, type: FieldType, name: String, aliases: [String] = [], required: Bool = false,
                values: [AllowedValue] = [], personal: Bool = false, note: String? = nil, line: Int = 0) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.required = required
        self.values = values
        self.personal = personal
        self.note = note
        self.line = line
    }

    /// Every header spelling that maps to this field: the id, the Chinese name, the aliases.
    public var headerSpellings: [String] { [id, name] + aliases }
}

/// The field catalogue (字段目录): every field a case may have after ingestion.
///
/// Fields are addressed by their position (``index(of:)``) so that cases can be plain arrays
/// and compiled rubric expressions never look fields up by name while scoring.
public struct FieldCatalogue: Sendable {
    public private(set) var fields: [FieldDefinition]
    public let source: String
    private var indexById: [String: Int]

    public init(fields: [FieldDefinition], source: String = "<内置>") {
        self.fields = fields
        self.source = source
        var map: [String: Int] = [:]
        for (i, f) in fields.enumerated() { map[f.id] = i }
        self.indexById = map
    }

    public var count: Int { fields.count }
    public func index(of id: String) -> Int? { indexById[id] }
    public subscript(id: String) -> FieldDefinition? { indexById[id].map { fields[$0] } }
    public subscript(index: Int) -> FieldDefinition { fields[index] }
    public var requiredIndices: [Int] { fields.indices.filter { fields[$0].required } }
}
