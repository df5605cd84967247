import PingchaModel

/// Every figure the annual statistics (年度行政执法统计) print, as texts the caller formatted
/// from the computed statistics (nothing is computed here). Plain values, so that a test can
/// write one out by hand.
public struct StatsFacts: Sendable, Equatable {
    /// One line of a long table: a section title, or a figure with this year's value and the
    /// compared year's.
    public enum Line: Sendable, Equatable {
        case section(String)
        case figure(String, current: String, previous: String?)
    }

    /// A table of every body for one type of action (行政许可, 行政处罚 …) with a 合计 row.
    public struct BodyTable: Sendable, Equatable {
        public var title: String
        public var columns: [String]
        public var rows: [(body: String, values: [String])]
        public var total: [String]
        /// Printed under the table: what each column counts, denominators in words.
        public var definitions: [String]

        public init(title: String, columns: [String], rows: [(body: String, values: [String])], total: [String],
                    definitions: [String]) {
            self.title = title
            self.columns = columns
            self.rows = rows
            self.total = total
            self.definitions = definitions
        }

        public static func == (a: BodyTable, b: BodyTable) -> Bool {
            a.title == b.title && a.columns == b.columns && a.total == b.total && a.definitions == b.definitions
                && a.rows.map(\.body) == b.rows.map(\.body) && a.rows.map(\.values) == b.rows.map(\.values)
        }
    }

    public var year: Int
    /// The year of the comparison column, nil without one.
    public var comparedYear: Int?
    /// 统计口径: scope, counting rules and definitions.
    public var notes: [String]
    /// The long table of all bodies together.
    public var total: [Line]
    public var bodyTables: [BodyTable]
    /// The long table of each body, in body order.
    public var departments: [(name: String, lines: [Line])]

    public init(year: Int, comparedYear: Int?, notes: [String], total: [Line], bodyTables: [BodyTable],
                departments: [(name: String, lines: [Line])]) {
        self.year = year
        self.comparedYear = comparedYear
        self.notes = notes
        self.total = total
        self.bodyTables = bodyTables
        self.departments = departments
    }

    public static func == (a: StatsFacts, b: StatsFacts) -> Bool {
        a.year == b.year && a.comparedYear == b.comparedYear && a.notes == b.notes && a.total == b.total
            && a.bodyTables == b.bodyTables && a.departments.map(\.name) == b.departments.map(\.name)
            && a.departments.map(\.lines) == b.departments.map(\.lines)
    }
}
