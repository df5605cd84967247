import PingchaModel

/// The two tables `pingcha stats` may read beside the case data, for what case files cannot
/// say: the staff roster (执法人员名册) and the inspection register (检查台账). Read like the
/// other hand-filled tables (``ColumnTable``): CSV or workbook, every bad cell with its
/// position, a file with any error refused as a whole.
public enum StatisticsInputs {
    static let roster = ColumnTable(name: "执法人员名册", columns: [
        .init("body", ["body", "department", "执法主体", "执法部门", "单位", "所在单位"], required: true),
        .init("name", ["name", "姓名", "执法人员", "执法人员姓名"], required: true),
        .init("certificate", ["certificate", "证件编号", "执法证号", "执法证件编号", "证号"]),
        .init("certified", ["certified", "持证", "是否持证", "持有执法证"], required: true),
        .init("hours", ["training_hours", "hours", "培训学时", "学时", "年度培训学时"], required: true),
    ])

    static let register = ColumnTable(name: "检查台账", columns: [
        .init("body", ["body", "department", "执法主体", "执法部门", "检查单位", "实施机关"], required: true),
        .init("date", ["date", "检查日期", "日期"], required: true),
        .init("object", ["object", "检查对象", "被检查对象", "被检查人"], required: true),
        .init("result", ["result", "检查结果", "结果", "处理结果"], required: true),
    ])

    /// The officers of a roster. A blank 持证 or 学时 cell is kept as unknown (no rate counts
    /// it); a cell that is not a yes/no or a number is an error.
    public static func readRoster(path: String) throws(PingchaError) -> [StaffMember] {
        let (rows, readErrors) = try roster.read(path: path)
        var errors = readErrors
        var members: [StaffMember] = []
        for row in rows {
            guard let body = row["body"] else { errors.append(.located(row.at("body"), "缺少执法主体")); continue }
            guard let name = row["name"] else { errors.append(.located(row.at("name"), "缺少姓名")); continue }
            var certified: Bool?
            if let text = row["certified"] {
                guard let b = BoolParser.parse(text) else {
                    errors.append(.located(row.at("certified"), "持证“\(text)”应为 是 或 否")); continue
                }
                certified = b
            }
            var hours: DecimalNumber?
            if let text = row["hours"] {
                guard let n = DecimalNumber(text), n >= .zero else {
                    errors.append(.located(row.at("hours"), "培训学时“\(text)”应为不小于 0 的数字")); continue
                }
                hours = n
            }
            members.append(StaffMember(body: body, name: name, certificateNumber: row["certificate"], certified: certified,
                                       trainingHours: hours, location: row.location))
        }
        try refuse(errors, file: path, table: roster.name)
        return members
    }

    /// The lines of an inspection register. A blank date, object or result makes an incomplete
    /// record (counted apart, not as an inspection); a date that cannot be read is an error.
    public static func readRegister(path: String) throws(PingchaError) -> [InspectionRecord] {
        let (rows, readErrors) = try register.read(path: path)
        var errors = readErrors
        var records: [InspectionRecord] = []
        for row in rows {
            guard let body = row["body"] else { errors.append(.located(row.at("body"), "缺少执法主体")); continue }
            var date: CivilDate?
            if let text = row["date"] {
                guard let d = DateParser.parse(text) else {
                    errors.append(.located(row.at("date"), "检查日期“\(text)”不是日期（如 2025-03-05、2025/3/5、2025年3月5日）")); continue
                }
                date = d
            }
            records.append(InspectionRecord(body: body, date: date, object: row["object"], result: row["result"], location: row.location))
        }
        try refuse(errors, file: path, table: register.name)
        return records
    }

    private static func refuse(_ errors: [PingchaError], file: String, table: String) throws(PingchaError) {
        guard !errors.isEmpty else { return }
        throw errors.count == 1 ? errors[0] : .several(errors, summary: "\(table) \(file) 有 \(errors.count) 处错误，未读取")
    }
}
