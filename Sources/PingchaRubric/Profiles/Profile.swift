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
    public static func normalised(_ name: String) -> String { HeaderKey.folded(name) }
}

/// Finds the profile of a case's department. Suffix matching makes the "one department, two
/// profiles" error decidable when profiles load: two entries that can both end one name are
/// suffixes of each other.
public struct ProfileMatcher: Sendable {
    private let table: SuffixTable
    /// The table again, borrowed per case: two threads retaining one shared object for every
    /// case would contend for its reference count.
    private let borrowed: Unmanaged<SuffixTable>
    public let departmentField: Int
    public let isEmpty: Bool

    public init(profiles: [Profile], departmentField: Int) {
        self.departmentField = departmentField
        let entries = profiles.enumerated().flatMap { (i, p) in
            p.departments.map { (Array(DepartmentName.normalised($0).utf8), i) }
        }.sorted { $0.0.count > $1.0.count }
        table = SuffixTable(entries)
        borrowed = Unmanaged.passUnretained(table)
        isEmpty = entries.isEmpty
    }

    /// The index of the profile whose entry ends `department`, if any. Names already in
    /// normal form (nearly all) are matched on their bytes as they are, without a copy.
    public func profile(forDepartment department: String) -> Int? {
        if isEmpty { return nil }
        return borrowed._withUnsafeGuaranteedRef { table in
            var decided = false
            var found: Int?
            _ = department.utf8.withContiguousStorageIfAvailable { bytes in
                guard Self.isNormal(bytes) else { return }
                decided = true
                found = table.match(bytes)
            }
            if decided { return found }
            return Array(DepartmentName.normalised(department).utf8).withUnsafeBufferPointer { table.match($0) }
        }
    }

    public func profile(for record: CaseRecord) -> Int? {
        guard !isEmpty, case .text(let d)? = record.values[departmentField] else { return nil }
        return profile(forDepartment: d)
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
}

/// The profiles' normalised department names, longest first, in one allocation.
final class SuffixTable: @unchecked Sendable {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// (start in ``bytes``, length, profile index) per entry.
    private let entries: UnsafeMutableBufferPointer<(start: Int, count: Int, profile: Int)>

    init(_ list: [([UInt8], Int)]) {
        bytes = .allocate(capacity: max(1, list.reduce(0) { $0 + $1.0.count }))
        entries = .allocate(capacity: max(1, list.count))
        var at = 0
        for (k, (name, profile)) in list.enumerated() {
            for (j, b) in name.enumerated() { bytes[at + j] = b }
            entries[k] = (at, name.count, profile)
            at += name.count
        }
        count = list.count
    }

    private let count: Int

    deinit {
        bytes.deallocate()
        entries.deallocate()
    }

    /// The profile of the first (longest) entry that ends `name`.
    func match(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        for k in 0..<count {
            let e = entries[k]
            guard name.count >= e.count else { continue }
            let offset = name.count - e.count
            var equal = true
            for j in 0..<e.count where name[offset + j] != bytes[e.start + j] { equal = false; break }
            if equal { return e.profile }
        }
        return nil
    }
}
