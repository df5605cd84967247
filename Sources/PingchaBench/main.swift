// `make bench` helper: scoring alone, on cases already normalised in memory, on one and on
// two threads. Usage: pingcha-bench-score RUBRICS_DIR [CASES]; `xlsx IN.csv OUT.xlsx` converts a
// CSV to a workbook with the project's xlsx writer (make bench).
import Foundation
import PingchaGenerate
import PingchaIngest
import PingchaModel
import PingchaRubric
import PingchaScoring
import PingchaCalendar
import PingchaCatalogue

let arguments = CommandLine.arguments
// `PingchaBench xlsx IN.csv OUT.xlsx`: the CSV's cases as a workbook (see CSVToWorkbook).
if arguments.count == 4, arguments[1] == "xlsx" {
    do { try CSVToWorkbook.convert(csv: arguments[2], to: arguments[3]) } catch { print(error); exit(1) }
    exit(0)
}
let rubricDir = arguments.count > 1 ? arguments[1] : "rubrics"
let count = arguments.count > 2 ? Int(arguments[2]) ?? 200_000 : 200_000
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3

let catalogue = FieldCatalogue.builtIn()
let calendar = WorkingDayCalendar.builtIn()
let loader = RubricLoader(catalogue: catalogue, calendar: calendar)
let rubrics = try loader.load(paths: [rubricDir])
guard loader.errors.isEmpty else { loader.errors.forEach { print($0.message) }; exit(1) }
let scorer = Scorer(rubrics: rubrics, profiles: loader.profiles, departmentField: catalogue.index(of: "department")!)

// Generate and ingest once; keep the normalised cases in memory.
let path = NSTemporaryDirectory() + "pingcha-bench-\(getpid()).csv"
_ = try SyntheticExport(options: GeneratorOptions(cases: count, years: [2024, 2025], seed: 11)).writeFile(atPath: path)
var cases: [CaseRecord] = []
cases.reserveCapacity(count)
_ = Ingester(catalogue: catalogue).ingest(files: [path], handlers: IngestHandlers(onCase: { cases.append($0) }))
try? FileManager.default.removeItem(atPath: path)

final class Box: @unchecked Sendable { var cases: [CaseRecord] = []; var checksum = 0; var scored = 0 }
let box = Box()
box.cases = cases

func deepCopy(_ r: CaseRecord) -> CaseRecord {
    CaseRecord(values: r.values.map { v -> FieldValue? in
        switch v {
        case .text(let s)?: return .text(String(decoding: Array(s.utf8), as: UTF8.self))
        case .list(let l)?: return .list(l.map { String(decoding: Array($0.utf8), as: UTF8.self) })
        default: return v
        }
    }, fileIndex: r.fileIndex, line: r.line)
}

/// Scores every case `rounds` times on `threads` threads; returns cases per second.
func measure(threads: Int, rubricFilter: Int?, rounds: Int) -> (rate: Double, scored: Int) {
    let subset = rubricFilter.map { r in box.cases.filter { scorer.rubricIndex(for: $0) == r } } ?? box.cases
    // Each thread scores its own deep copy, as in the pipeline where a case belongs to one
    // thread: shared copies would make the threads fight over reference counts.
    let shares = (0..<threads).map { t in stride(from: t, to: subset.count, by: threads).map { deepCopy(subset[$0]) } }
    let group = DispatchGroup()
    let lock = NSLock()
    box.scored = 0
    let start = Date()
    for share in shares {
        group.enter()
        Thread {
            var local = 0, sum = 0
            var result = CaseResult.uncovered
            for _ in 0..<rounds {
                for record in share {
                    if let r = rubricFilter ?? scorer.rubricIndex(for: record) {
                        scorer.score(record, rubric: r, into: &result)
                    }
                    sum &+= result.findings.count
                    local += 1
                }
            }
            lock.lock(); box.scored += local; box.checksum &+= sum; lock.unlock()
            group.leave()
        }.start()
    }
    group.wait()
    return (Double(box.scored) / Date().timeIntervalSince(start), subset.count)
}

print("| rubric | cases | 1 thread (cases/s) | 2 threads (cases/s) |")
print("|---|---|---|---|")
let all1 = measure(threads: 1, rubricFilter: nil, rounds: 3)
let all2 = measure(threads: 2, rubricFilter: nil, rounds: 3)
print("| all (rubric chosen per case) | \(all1.scored) | \(Int(all1.rate)) | \(Int(all2.rate)) |")
for (i, r) in rubrics.enumerated() {
    let one = measure(threads: 1, rubricFilter: i, rounds: rounds)
    guard one.scored > 0 else { continue }
    let two = measure(threads: 2, rubricFilter: i, rounds: rounds)
    print("| \(r.id) | \(one.scored) | \(Int(one.rate)) | \(Int(two.rate)) |")
}
