import PingchaModel
import PingchaCatalogue

/// Realistic synthetic case exports (模拟执法案件导出) for demos, tests and benchmarks.
///
/// ```swift
/// let export = try SyntheticExport(options: GeneratorOptions(cases: 1_000, years: [2025], seed: 7, messy: true))
/// let summary = try export.writeSplit(directory: "data/sample/2025", encoding: .gb18030)
/// ```
///
/// Rows are made and written one at a time (about 1 MB is buffered), so a million cases take
/// no more memory than ten. The same options give the same bytes on every machine.
public struct SyntheticExport: Sendable {
    public let options: GeneratorOptions
    /// Body indices written, in the generator's order.
    let selected: [Int]
    let years: [Int]
    let profiles: ExportProfiles

    /// The departments the generator knows, in its order (the `department` column values).
    public static var departmentNames: [String] { CityEnforcementBodies.all.map(\.name) }

    /// The file a department's export is written to by ``writeSplit(directory:encoding:)``.
    public static func fileName(forDepartment name: String) -> String { name + ".csv" }

    public init(options: GeneratorOptions) throws(GeneratorError) {
        guard options.cases >= 0 else { throw .invalidOptions("案件数量不能为负数：\(options.cases)") }
        guard !options.years.isEmpty else { throw .invalidOptions("至少需要一个年份") }
        for y in options.years where !GeneratorOptions.yearRange.contains(y) {
            throw .invalidOptions("年份 \(y) 超出范围（\(GeneratorOptions.yearRange.lowerBound)–\(GeneratorOptions.yearRange.upperBound)）")
        }
        // "2025,2023" and "2023,2025,2023" mean the same run.
        years = Array(Set(options.years)).sorted()
        let names = SyntheticExport.departmentNames
        if let wanted = options.departments {
            guard !wanted.isEmpty else { throw .invalidOptions("--departments 至少需要一个部门") }
            var chosen = Set<Int>()
            for name in wanted {
                guard let i = names.firstIndex(of: name) else {
                    throw .unknownDepartment(name, suggestion: SyntheticExport.nearestDepartment(name), known: names)
                }
                chosen.insert(i)
            }
            selected = chosen.sorted()
        } else {
            selected = Array(names.indices)
        }
        self.options = options
        profiles = ExportProfiles(seed: options.seed, messy: options.messy, bodyCount: CityEnforcementBodies.all.count)
    }

    /// A department name close to a misspelt one: edit distance, or one containing the other
    /// (`市场监管局` → 市场监督管理局 is too far by edits but obvious by containment).
    public static func nearestDepartment(_ name: String) -> String? {
        let names = departmentNames
        if let n = Suggestion.nearest(to: name, among: names) { return n }
        let short = name.replacing("局", with: "")
        return names.first { n in short.count >= 2 && short.allSatisfy { n.contains($0) } }
    }

    // MARK: Writing

    /// Writes one export with every selected department's rows, handing encoded bytes to `sink`
    /// in chunks of about 1 MB.
    @discardableResult
    public func write(encoding: ExportEncoding = .utf8, _ sink: (UnsafeRawBufferPointer) -> Void) throws(GeneratorError) -> GenerationSummary {
        try withoutActuallyEscaping(sink, do: { (emit) throws(GeneratorError) -> GenerationSummary in
            let file = ExportFile(layout: combinedLayout(), department: nil, profiles: profiles, split: false,
                                  channel: try OutputChannel(encoding: encoding, emit: emit))
            var summary = try generate { _ in file }
            file.channel.flush(final: true)
            summary.files = [file.summary(path: nil)]
            summary.bytes = file.channel.bytes
            return summary
        })
    }

    /// Writes one export file (replaced only once complete).
    @discardableResult
    public func writeFile(atPath path: String, encoding: ExportEncoding = .utf8) throws(GeneratorError) -> GenerationSummary {
        let target = try FileTarget(path: path)
        var summary: GenerationSummary
        do {
            summary = try write(encoding: encoding) { target.write($0) }
            try target.commit()
        } catch {
            target.abandon()
            throw error
        }
        summary.files[0].path = path
        return summary
    }

    /// Writes one file per department, `<部门>.csv`, into `directory` (created if missing),
    /// each with its own platform's layout in messy mode. A department without cases gets
    /// no file. Files are renamed into place only when all are complete.
    @discardableResult
    public func writeSplit(directory: String, encoding: ExportEncoding = .utf8) throws(GeneratorError) -> GenerationSummary {
        try FileTarget.makeDirectory(directory)
        let bodies = CityEnforcementBodies.all
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var targets = [FileTarget?](repeating: nil, count: bodies.count)
        var files = [ExportFile?](repeating: nil, count: bodies.count)
        // A department's file opens on its first row.
        func file(_ body: Int) throws(GeneratorError) -> ExportFile {
            if let f = files[body] { return f }
            let target = try FileTarget(path: base + SyntheticExport.fileName(forDepartment: bodies[body].name))
            targets[body] = target
            let f = ExportFile(layout: departmentLayout(body), department: bodies[body].name, profiles: profiles,
                               split: true, channel: try OutputChannel(encoding: encoding) { target.write($0) })
            files[body] = f
            return f
        }
        do {
            var summary = try generate(file)
            for (t, f) in zip(targets, files) {
                guard let t, let f else { continue }
                f.channel.flush(final: true)
                summary.files.append(f.summary(path: t.path))
                summary.bytes += f.channel.bytes
            }
            for t in targets { try t?.commit() }
            return summary
        } catch {
            for t in targets { t?.abandon() }
            throw error
        }
    }

    // MARK: The generation loop

    /// Makes every case in order and writes it, with the broken rows and invalid values of
    /// messy mode, to the export file of its department. Files are flushed as they fill; the
    /// caller flushes them at the end.
    private func generate(_ fileFor: (Int) throws(GeneratorError) -> ExportFile) throws(GeneratorError) -> GenerationSummary {
        let bodies = CityEnforcementBodies.all
        var factory = CaseFactory(bodies: bodies, selected: selected, years: years, seed: options.seed)
        var perBody = [(cases: Int, bad: Int, invalid: Int)](repeating: (0, 0, 0), count: bodies.count)
        var summary = GenerationSummary()

        for i in 0..<options.cases {
            var c = factory.make(index: i)
            factory.assignNumber(&c)
            let file = try fileFor(c.body)
            var format = CaseRandom(seed: options.seed, stream: .rowFormat, index: UInt64(i))

            var defect = RowWriter.Defect.none
            var badKind: BadRowKind?
            if options.messy {
                var plan = CaseRandom(seed: options.seed, stream: .defectPlan, index: UInt64(i))
                let dateColumns = file.writer.dateColumns[c.body]
                if plan.chance(GeneratorOptions.invalidValueRate) && !dateColumns.isEmpty {
                    defect = .invalidDate(column: plan.pick(dateColumns), form: plan.below(3))
                    perBody[c.body].invalid += 1
                    summary.invalidValues += 1
                }
                if plan.chance(GeneratorOptions.badRowRate) {
                    badKind = BadRowKind.allCases[SyntheticExport.badRowKinds.pick(&plan)]
                }
            }
            file.append(c, defect: defect, &format)
            perBody[c.body].cases += 1
            summary.cases += 1

            if let badKind {
                switch badKind {
                case .duplicateCase:
                    // The same case exported twice (a re-export after an edit).
                    file.append(c, defect: .none, &format)
                default:
                    var bad = factory.make(index: i, stream: .defectCase, body: c.body)
                    if badKind != .missingCaseId { factory.assignNumber(&bad) }
                    let rowDefect: RowWriter.Defect
                    switch badKind {
                    case .missingCaseId: rowDefect = .missingCaseId
                    case .invalidEnforcementType: rowDefect = .invalidEnforcementType(i)
                    case .extraField: rowDefect = .extraField
                    default: rowDefect = .missingField
                    }
                    file.append(bad, defect: rowDefect, &format)
                }
                perBody[c.body].bad += 1
                summary.badRows[badKind, default: 0] += 1
            }
            file.channel.flushIfFull()
        }
        summary.departments = selected.map { b in
            GenerationSummary.DepartmentCount(name: bodies[b].name, cases: perBody[b].cases,
                                              badRows: perBody[b].bad, invalidValues: perBody[b].invalid)
        }
        return summary
    }

    /// Broken-row kinds by share: missing ids and duplicates are the commonest in real exports.
    private static let badRowKinds = WeightedChoice([30, 20, 26, 12, 12])

    private func combinedLayout() -> ExportLayout {
        guard options.messy else { return .canonical }
        var rng = CaseRandom(seed: options.seed, stream: .exportStyle, index: 10_000)
        let none = [Bool](repeating: false, count: CaseColumn.allCases.count)
        return .messy(omitted: none, catalogue: SyntheticExport.catalogue, &rng)
    }

    private func departmentLayout(_ body: Int) -> ExportLayout {
        guard options.messy else { return .canonical }
        var rng = CaseRandom(seed: options.seed, stream: .exportStyle, index: 10_001 + UInt64(body))
        return .messy(omitted: profiles.omitted[body], catalogue: SyntheticExport.catalogue, &rng)
    }

    /// Header spellings come from the catalogue the ingester uses, so they always map.
    static let catalogue = FieldCatalogue.builtIn()
}

/// One export file being written: its columns, how rows are spelt in it, where bytes go.
final class ExportFile {
    let layout: ExportLayout
    let department: String?
    let writer: RowWriter
    let channel: OutputChannel
    /// Data rows written (the header not counted); the next row's 序号 is `rows + 1`.
    private(set) var rows = 0

    init(layout: ExportLayout, department: String?, profiles: ExportProfiles, split: Bool, channel: OutputChannel) {
        self.layout = layout
        self.department = department
        self.channel = channel
        writer = RowWriter(bodies: CityEnforcementBodies.all, layout: layout, styles: profiles.styles,
                           unrecorded: profiles.unrecorded(split: split), messy: profiles.messy)
        channel.buffer.append(contentsOf: layout.headerRow())
    }

    func append(_ c: SyntheticCase, defect: RowWriter.Defect, _ rng: inout CaseRandom) {
        rows += 1
        writer.append(c, serial: rows, defect: defect, &rng, to: &channel.buffer)
    }

    func summary(path: String?) -> GenerationSummary.FileSummary {
        var unmapped: [String] = []
        for (i, column) in layout.columns.enumerated() where column.field == nil { unmapped.append(layout.headers[i]) }
        return .init(path: path, department: department, rows: rows, bytes: channel.bytes, unmappedHeaders: unmapped)
    }
}

/// Each department platform's spelling of values and the columns it lacks, drawn once per
/// (seed, department).
struct ExportProfiles: Sendable {
    var styles: [ValueStyle]
    var omitted: [[Bool]]
    let messy: Bool

    init(seed: UInt64, messy: Bool, bodyCount: Int) {
        self.messy = messy
        let none = [Bool](repeating: false, count: CaseColumn.allCases.count)
        guard messy else {
            styles = Array(repeating: .canonical, count: bodyCount)
            omitted = Array(repeating: none, count: bodyCount)
            return
        }
        styles = []
        omitted = []
        for b in 0..<bodyCount {
            var rng = CaseRandom(seed: seed, stream: .exportStyle, index: UInt64(b))
            styles.append(.messy(&rng))
            omitted.append(ExportLayout.omittedColumns(&rng))
        }
    }

    /// Blank masks for the rows of a file: in a department's own file the columns it lacks are
    /// not there at all (nothing to blank); in a combined file they are there and left empty.
    func unrecorded(split: Bool) -> [[Bool]] {
        let none = [Bool](repeating: false, count: CaseColumn.allCases.count)
        return split ? Array(repeating: none, count: omitted.count) : omitted
    }
}
