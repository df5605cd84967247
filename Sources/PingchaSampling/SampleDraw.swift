/// One department's line in the draw record: how many cases it had, how many were must-review,
/// how many the plan asked for and how many were drawn. Population counts are what let anyone
/// check later that the sample was drawn from the whole department, not from a chosen part.
public struct DepartmentTally: Sendable, Equatable, Codable {
    public var department: String
    /// 案卷总数: every case of the department given to the draw.
    public var population: Int
    /// 必查: cases taken because the `--must` expression holds.
    public var mustReview: Int
    /// 应抽: what the plan asked the random part to draw.
    public var quota: Int
    /// 实抽: cases drawn at random (the quota, or every eligible case when there are fewer).
    public var drawn: Int

    public init(department: String, population: Int, mustReview: Int, quota: Int, drawn: Int) {
        self.department = department
        self.population = population
        self.mustReview = mustReview
        self.quota = quota
        self.drawn = drawn
    }

    /// 可抽: the cases the random part chose from (the must-review ones are in anyway).
    public var eligible: Int { population - mustReview }
    /// 样本合计.
    public var sampled: Int { mustReview + drawn }
    /// The department had fewer cases to draw from than the plan asked for: all were taken.
    public var tookAll: Bool { quota > eligible }
}

/// The result of a draw and its record (抽样记录): the seed, the method, the algorithm version,
/// every department's counts and the sampled cases. Everything needed to re-draw the sample
/// and to show that it was drawn as announced.
public struct SampleDraw: Sendable, Equatable, Codable {
    /// Names the exact procedure of docs/sampling.md. Any change that could change a sample for
    /// some seed must change this name, so an old record still says how it was drawn.
    public static let algorithmName = "pingcha-sample/1"

    public var algorithm: String
    public var seed: UInt64
    public var plan: SamplingPlan
    /// The method in Chinese, for the record and the bulletin.
    public var method: String
    /// In UTF-8 byte order of the department name.
    public var departments: [DepartmentTally]
    /// In the draw's sort order: department, case id, case number (UTF-8 byte order).
    public var cases: [SampledCase]

    public init(algorithm: String = SampleDraw.algorithmName, seed: UInt64, plan: SamplingPlan, method: String,
                departments: [DepartmentTally], cases: [SampledCase]) {
        self.algorithm = algorithm
        self.seed = seed
        self.plan = plan
        self.method = method
        self.departments = departments
        self.cases = cases
    }

    public var totalPopulation: Int { departments.reduce(0) { $0 + $1.population } }
    public var totalMustReview: Int { departments.reduce(0) { $0 + $1.mustReview } }
    public var totalDrawn: Int { departments.reduce(0) { $0 + $1.drawn } }
}
