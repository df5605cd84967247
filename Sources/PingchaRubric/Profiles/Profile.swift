import PingchaModel

/// A profile (适用配置): the tailoring of the loaded rubrics for some departments, as XCCDF
/// tailors a benchmark — params overridden, rules switched off with a reason — without
/// editing the rubrics themselves. `rubrics/profiles/<id>.yaml`.
public struct Profile: Sendable {
    /// The file name without `.yaml`.
    public var id: String
    public var title: String
    public var description: String?
    /// The department names as written; a department belongs to the profile when its
    /// normalised name ends with one of them (see ``DepartmentName``).
    public var departments: [String]
    public var params: [ParamOverride]
    public var disabled: [DisabledRule]
    public var path: String

    public struct ParamOverride: Sendable {
        public var name: String
        public var value: ParamValue
        /// Where the tailored value comes from.
        public var basis: String?
    }

    public struct DisabledRule: Sendable {
        public var rubric: String
        public var rule: String
        /// Why the rule does not apply to these departments (the article that allows it).
        public var reason: String
    }
}

/// How department names are compared with a profile's: full-width forms folded, ASCII
/// lowercased, spaces dropped, so that `克拉玛依市 公安局` and `克拉玛依市公安局` are one name.
public enum DepartmentName {
    public static func normalised(_ name: String) -> String {
        var view = String.UnicodeScalarView()
        for s in name.unicodeScalars {
            let f = HeaderKey.fold(s)
            if f.properties.isWhitespace { continue }
            view.append(f)
        }
        return String(view)
    }
}

/// Finds the profile of a case's department. Suffix matching makes the "one department, two
/// profiles" error decidable when profiles load: two entries that can both end one name are
/// suffixes of each other.
public struct ProfileMatcher: Sendable {
    /// (normalised entry as UTF-8, profile index), longest first.
    private let entries: [([UInt8], Int)]
    public let departmentField: Int

    public init(profiles: [Profile], departmentField: Int) {
        self.departmentField = departmentField
        entries = profiles.enumerated().flatMap { (i, p) in
            p.departments.map { (Array(DepartmentName.normalised($0).utf8), i) }
        }.sorted { $0.0.count > $1.0.count }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The index of the profile whose entry ends `department`, if any. Names already in
    /// normal form (nearly all) are matched on their bytes as they are, without a copy.
    public func profile(forDepartment department: String) -> Int? {
        var decided = false
        var found: Int?
        _ = department.utf8.withContiguousStorageIfAvailable { bytes in
            guard Self.isNormal(bytes) else { return }
            decided = true
            found = match(bytes)
        }
        if decided { return found }
        return Array(DepartmentName.normalised(department).utf8).withUnsafeBufferPointer { match($0) }
    }

    private func match(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        for (entry, i) in entries where name.count >= entry.count && name[(name.count - entry.count)...].elementsEqual(entry) {
            return i
        }
        return nil
    }

    /// No byte that normalising would change: ASCII capitals and whitespace, full-width
    /// forms (U+FF01–FF5E: EF BC/BD), the ideographic space (E3 80 80).
    static func isNormal(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                if (c >= 0x41 && c <= 0x5A) || c == 0x20 || (c >= 0x09 && c <= 0x0D) { return false }
            } else if c == 0xEF, i + 1 < b.count, b[i + 1] == 0xBC || b[i + 1] == 0xBD {
                return false
            } else if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 {
                return false
            }
            i += 1
        }
        return true
    }


    public func profile(for record: CaseRecord) -> Int? {
        guard !entries.isEmpty, case .text(let d)? = record.values[departmentField] else { return nil }
        return profile(forDepartment: d)
    }
}
