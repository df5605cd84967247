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

    /// The 情况说明: texts the template words into sentences.
    public struct Summary: Sendable, Equatable {
        public struct Change: Sendable, Equatable {
            public var name: String
            /// With their units: `742宗`, `3697.68万元`, `26.7%`.
            public var current: String
            public var previous: String
            /// `增加12件（增长1.6%）`, `下降3.2个百分点`, `持平`; nil when it cannot be said.
            public var difference: String?

            public init(name: String, current: String, previous: String, difference: String?) {
                self.name = name
                self.current = current
                self.previous = previous
                self.difference = difference
            }
        }

        public struct BodyCount: Sendable, Equatable {
            public var body: String
            public var first: Int
            public var second: Int

            public init(body: String, first: Int, second: Int) {
                self.body = body
                self.first = first
                self.second = second
            }
        }

        public struct Gap: Sendable, Equatable {
            public var item: String
            public var missing: Int
            public var of: Int

            public init(item: String, missing: Int, of: Int) {
                self.item = item
                self.missing = missing
                self.of = of
            }
        }

        /// From the staff roster (`--roster`): 执法人员, 持证, the Art. 18 training.
        public struct Staff: Sendable, Equatable {
            public var listed: Int
            public var certified: Int
            /// `91.5%` (or —).
            public var certificationRate: String
            /// The yearly minimum, `60`.
            public var minimumHours: String
            public var trained: Int
            public var trainingRate: String
            /// Bodies with an officer marked 未持证.
            public var uncertifiedBodies: [String]
            /// The percentage under which a body's 培训达标率 is named (`low_rate_percent` of
            /// rubrics/statistics/training.yaml), `60`.
            public var lowTrainingPercent: String
            /// Bodies whose 培训达标率 is below it, with their rate (`46.2%`).
            public var lowTraining: [BodyRate]

            public init(listed: Int, certified: Int, certificationRate: String, minimumHours: String, trained: Int,
                        trainingRate: String, uncertifiedBodies: [String], lowTrainingPercent: String, lowTraining: [BodyRate]) {
                self.listed = listed
                self.certified = certified
                self.certificationRate = certificationRate
                self.minimumHours = minimumHours
                self.trained = trained
                self.trainingRate = trainingRate
                self.uncertifiedBodies = uncertifiedBodies
                self.lowTrainingPercent = lowTrainingPercent
                self.lowTraining = lowTraining
            }
        }

        public struct BodyRate: Sendable, Equatable {
            public var body: String
            public var rate: String

            public init(body: String, rate: String) {
                self.body = body
                self.rate = rate
            }
        }

        /// From the inspection register (`--inspections`).
        public struct Inspections: Sendable, Equatable {
            public var count: Int
            /// Lines not counted: incomplete, or dated outside the period.
            public var incomplete: Int
            public var outsidePeriod: Int

            public init(count: Int, incomplete: Int, outsidePeriod: Int) {
                self.count = count
                self.incomplete = incomplete
                self.outsidePeriod = outsidePeriod
            }
        }

        public var staff: Staff?
        public var inspections: Inspections?

        public var decisions: Int
        /// Types with at least one decision, in the catalogue's order.
        public var byType: [(name: String, count: Int)]
        public var penalties: Int
        /// 万元, two decimals (or 溢出).
        public var forfeitures: String
        public var changes: [Change]
        /// 重大执法决定 (first) not all 法制审核 (second).
        public var unreviewed: [BodyCount]
        /// 复议纠错 (first), 诉讼败诉 (second).
        public var corrected: [BodyCount]
        public var inactive: [String]
        public var gaps: [Gap]

        public init(decisions: Int, byType: [(name: String, count: Int)], penalties: Int, forfeitures: String,
                    changes: [Change], unreviewed: [BodyCount], corrected: [BodyCount], inactive: [String], gaps: [Gap]) {
            self.decisions = decisions
            self.byType = byType
            self.penalties = penalties
            self.forfeitures = forfeitures
            self.changes = changes
            self.unreviewed = unreviewed
            self.corrected = corrected
            self.inactive = inactive
            self.gaps = gaps
        }

        public static func == (a: Summary, b: Summary) -> Bool {
            a.decisions == b.decisions && a.byType.map(\.name) == b.byType.map(\.name) && a.byType.map(\.count) == b.byType.map(\.count)
                && a.penalties == b.penalties && a.forfeitures == b.forfeitures && a.changes == b.changes
                && a.unreviewed == b.unreviewed && a.corrected == b.corrected && a.inactive == b.inactive && a.gaps == b.gaps
                && a.staff == b.staff && a.inspections == b.inspections
        }
    }

    public var year: Int
    /// The 情况说明; nil leaves the section out.
    public var summary: Summary?
    /// The year of the comparison column, nil without one.
    public var comparedYear: Int?
    /// 统计口径: scope, counting rules and definitions.
    public var notes: [String]
    /// The long table of all bodies together.
    public var total: [Line]
    public var bodyTables: [BodyTable]
    /// The long table of each body, in body order.
    public var departments: [(name: String, lines: [Line])]

    public init(year: Int, comparedYear: Int?, notes: [String], summary: Summary? = nil, total: [Line], bodyTables: [BodyTable],
                departments: [(name: String, lines: [Line])]) {
        self.summary = summary
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
            && a.departments.map(\.lines) == b.departments.map(\.lines) && a.summary == b.summary
    }
}
