/// One line of a staff roster (执法人员名册): a law-enforcement officer of a body, whether they
/// hold a valid enforcement certificate (持证) and their training hours this year (培训学时).
/// Personal data: the name and certificate number are read for checking duplicates and never
/// printed.
public struct StaffMember: Sendable, Equatable {
    public var body: String
    public var name: String
    /// 执法证件编号.
    public var certificateNumber: String?
    /// Nil when the roster leaves it blank (then no rate counts the officer).
    public var certified: Bool?
    public var trainingHours: DecimalNumber?
    public var location: SourceLocation

    public init(body: String, name: String, certificateNumber: String? = nil, certified: Bool?,
                trainingHours: DecimalNumber?, location: SourceLocation) {
        self.body = body
        self.name = name
        self.certificateNumber = certificateNumber
        self.certified = certified
        self.trainingHours = trainingHours
        self.location = location
    }
}

/// One line of an inspection register (检查台账): a body inspected an object on a day with a
/// result. Lines with the date, the object or the result missing are incomplete records.
public struct InspectionRecord: Sendable, Equatable {
    public var body: String
    public var date: CivilDate?
    /// 检查对象.
    public var object: String?
    /// 检查结果.
    public var result: String?
    public var location: SourceLocation

    public init(body: String, date: CivilDate?, object: String?, result: String?, location: SourceLocation) {
        self.body = body
        self.date = date
        self.object = object
        self.result = result
        self.location = location
    }
}
