// `make bench` helper: scoring alone, on cases already normalised in memory, on one and on
// two threads. Usage: pingcha-bench-score RUBRICS_DIR [CASES]
import Foundation
import PingchaGenerate
import PingchaIngest
import PingchaModel
import PingchaRubric
import PingchaScoring

let arguments = CommandLine.arguments
let rubricDir = arguments.count > 1 ? arguments[1] : "rubrics"
let count = arguments.count > 2 ? Int(arguments[2]) ?? 200_000 : 200_000
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3

let catalogue = FieldCatalogue.builtIn()
let calendar = WorkingDayCalendar.builtIn()
let loader = RubricLoader(catalogue: catalogue, calendar: calendar)
let rubrics = try loader.load(paths: [rubricDir])
guard loader.errors.isEmpty else { loader.errors.forEach { print($0.message) }; exit(1) }
let scorer = Scorer(rubrics: rubrics)

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

/// Scores every case `rounds` times on `threads` threads; returns cases per second.
func measure(threads: Int, rubricFilter: Int?, rounds: Int) -> (rate: Double, scored: Int) {
    let subset = rubricFilter.map { r in box.cases.filter { scorer.rubricIndex(for: $0) == r } } ?? box.cases
    let start = Date()
    let group = DispatchGroup()
    let lock = NSLock()
    box.scored = 0
    for t in 0..<threads {
        group.enter()
        Thread {
            var local = 0, sum = 0
            var result = CaseResult.uncovered
            for _ in 0..<rounds {
                var i = t
                while i < subset.count {
                    if let r = rubricFilter ?? scorer.rubricIndex(for: subset[i]) {
                        scorer.score(subset[i], rubric: r, into: &result)
                    }
                    sum &+= result.findings.count
                    local += 1
                    i += threads
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
