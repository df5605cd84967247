@testable import PingchaSampling
import XCTest

final class AssignerTests: XCTestCase {
    static let reviewers = [
        Reviewer(name: "张三", department: "市场监督管理局"),
        Reviewer(name: "李四", department: "交通运输局"),
        Reviewer(name: "王五", department: "生态环境局"),
        Reviewer(name: "赵六", department: "司法局"),
        Reviewer(name: "钱七", department: "市场监督管理局"),
    ]

    private func sample() throws -> [SampledCase] {
        try Sampler.draw(SamplingFixture.candidates, plan: SamplingPlan(perDepartment: 3, seed: 1)).cases
    }

    /// The checks every assignment must pass: perCase distinct reviewers per case, nobody from
    /// the case's own department, workloads and per-case lists telling the same story.
    private func assertValid(_ a: Assignment, cases: [SampledCase], perCase: Int,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.cases.count, cases.count, file: file, line: line)
        for ca in a.cases {
            XCTAssertEqual(ca.reviewers.count, perCase, file: file, line: line)
            XCTAssertEqual(Set(ca.reviewers).count, perCase, "distinct", file: file, line: line)
            for r in ca.reviewers {
                XCTAssertFalse(r.mustRecuse(from: ca.sampledCase.department), "回避 violated: \(r.name) on \(ca.sampledCase.caseId)",
                               file: file, line: line)
                XCTAssertTrue(a.workload(of: r)?.cases.contains(ca.sampledCase) ?? false, file: file, line: line)
            }
        }
        XCTAssertEqual(a.workloads.reduce(0) { $0 + $1.load }, cases.count * perCase, file: file, line: line)
    }

    func testRecusalPerCaseAndBalanceOnTheFixture() throws {
        let cases = try sample()
        XCTAssertEqual(cases.count, 8)
        for perCase in 1...3 {
            for seed: UInt64 in 0..<20 {
                let a = try Assigner.assign(cases: cases, reviewers: Self.reviewers, perCase: perCase, seed: seed)
                assertValid(a, cases: cases, perCase: perCase)
                if perCase < 3 {
                    XCTAssertTrue(a.isBalanced, "perCase \(perCase) seed \(seed): \(a.workloads.map(\.load))")
                } else {
                    // Three per case: the four market cases need all three reviewers from outside
                    // the market bureau, and its two own reviewers can take at most 4 cases each,
                    // so 16 of the 24 reviews fall on three people: 6/5/5 is the best there is.
                    XCTAssertEqual(a.workloads.map(\.load).sorted(), [4, 4, 5, 5, 6])
                }
            }
        }
    }

    func testSameSeedSameAssignment() throws {
        let cases = try sample()
        let a = try Assigner.assign(cases: cases, reviewers: Self.reviewers, perCase: 2, seed: 42)
        let b = try Assigner.assign(cases: cases.reversed(), reviewers: Self.reviewers, perCase: 2, seed: 42)
        XCTAssertEqual(a, b)
        var differs = false
        for seed: UInt64 in 0..<10 where try Assigner.assign(cases: cases, reviewers: Self.reviewers, perCase: 2, seed: seed) != a {
            differs = true
        }
        XCTAssertTrue(differs, "the seed reshuffles ties")
    }

    /// A case the greedy pass alone leaves uneven (loads 1, 3, 2): the hand-over chains of the
    /// second pass even it out to 2, 2, 2.
    func testRebalancingEvensOutWhatGreedyCannot() throws {
        let reviewers = [Reviewer(name: "R0", department: "甲局"), Reviewer(name: "R1", department: "丙局"),
                         Reviewer(name: "R2", department: "乙局")]
        let cases = zip(["丙局", "甲局", "丙局", "甲局", "乙局", "甲局"], 0...).map {
            SampledCase(caseNo: $1, caseId: "C\($1)", department: $0, reason: .drawn)
        }
        let greedy = try Assigner.assign(cases: cases, reviewers: reviewers, perCase: 1, seed: 0, rebalance: false)
        XCTAssertGreaterThan(greedy.maxLoad - greedy.minLoad, 1)
        let a = try Assigner.assign(cases: cases, reviewers: reviewers, perCase: 1, seed: 0)
        assertValid(a, cases: cases, perCase: 1)
        XCTAssertEqual(a.workloads.map(\.load), [2, 2, 2])
    }

    /// Loads are as even as any valid assignment can make them: compared with every possible
    /// assignment of small random inputs.
    func testLoadsAreAsEvenAsAnyAssignmentAllows() throws {
        let departments = ["甲局", "乙局", "丙局", "丁局"]
        var r = SamplingFixture.TestRandom(2024)
        var checked = 0
        for _ in 0..<300 {
            let perCase = 1 + r.below(2)
            let reviewers = (0..<(3 + r.below(3))).map { Reviewer(name: "R\($0)", department: departments[r.below(3)]) }
            let cases = (0..<(2 + r.below(4))).map {
                SampledCase(caseNo: $0, caseId: "C\($0)", department: departments[r.below(4)], reason: .drawn)
            }
            guard let a = try? Assigner.assign(cases: cases, reviewers: reviewers, perCase: perCase, seed: UInt64(checked)) else { continue }
            assertValid(a, cases: cases, perCase: perCase)
            XCTAssertEqual(a.maxLoad - a.minLoad, bestSpread(cases: cases, reviewers: reviewers, perCase: perCase),
                           "\(reviewers) \(cases.map(\.department)) perCase \(perCase)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 150)
    }

    /// Exhaustive search over every assignment: the smallest max − min load.
    private func bestSpread(cases: [SampledCase], reviewers: [Reviewer], perCase: Int) -> Int {
        func subsets(_ items: [Int], _ k: Int) -> [[Int]] {
            if k == 0 { return [[]] }
            guard let first = items.first else { return [] }
            let rest = Array(items.dropFirst())
            return subsets(rest, k - 1).map { [first] + $0 } + subsets(rest, k)
        }
        let options = cases.map { c in subsets(reviewers.indices.filter { !reviewers[$0].mustRecuse(from: c.department) }, perCase) }
        var best = Int.max
        var loads = [Int](repeating: 0, count: reviewers.count)
        func go(_ i: Int) {
            if i == options.count { best = min(best, loads.max()! - loads.min()!); return }
            for choice in options[i] {
                for r in choice { loads[r] += 1 }
                go(i + 1)
                for r in choice { loads[r] -= 1 }
            }
        }
        go(0)
        return best
    }

    /// Larger inputs with a balanced assignment planted in them: the assigner must find one.
    func testBalancedWheneverABalancedAssignmentExists() throws {
        let departments = ["市场监督管理局", "交通运输局", "生态环境局", "自然资源局", "城市管理综合行政执法局"]
        var r = SamplingFixture.TestRandom(99)
        for round in 0..<20 {
            let perCase = 1 + r.below(3)
            let reviewers = (0..<(6 + r.below(10))).map { Reviewer(name: "评查员\($0)", department: departments[r.below(4)]) }
            let caseCount = 20 + r.below(60)
            let total = caseCount * perCase
            var capacity = reviewers.indices.map { total / reviewers.count + ($0 < total % reviewers.count ? 1 : 0) }
            var cases: [SampledCase] = []
            for i in 0..<caseCount {
                // The perCase reviewers with the most capacity left (random among equals) take it;
                // its department is one none of them belongs to.
                let order = reviewers.indices.map { ($0, r.below(1_000)) }
                    .sorted { capacity[$0.0] != capacity[$1.0] ? capacity[$0.0] > capacity[$1.0] : $0.1 < $1.1 }.map(\.0)
                let chosen = order.prefix(perCase)
                for c in chosen { capacity[c] -= 1 }
                let open = departments.filter { d in !chosen.contains { reviewers[$0].department == d } }
                cases.append(SampledCase(caseNo: i, caseId: "案\(i)", department: open[r.below(open.count)], reason: .drawn))
            }
            XCTAssertEqual(capacity.max(), 0)
            let a = try Assigner.assign(cases: cases, reviewers: reviewers, perCase: perCase, seed: UInt64(round))
            assertValid(a, cases: cases, perCase: perCase)
            XCTAssertTrue(a.isBalanced, "round \(round): \(a.workloads.map(\.load))")
        }
    }

    func testRecusalIgnoresStraySpaces() throws {
        let reviewers = [Reviewer(name: "张三", department: "市场监督管理局　"), Reviewer(name: "李四", department: "司法局")]
        let cases = [SampledCase(caseNo: 1, caseId: "A1", department: " 市场监督管理局", reason: .drawn)]
        let a = try Assigner.assign(cases: cases, reviewers: reviewers, perCase: 1, seed: 0)
        XCTAssertEqual(a.cases[0].reviewers.map(\.name), ["李四"])
    }

    /// The same body written as a list writes it: with the city's name in front, spaces in the
    /// middle, full-width letters. Each reviewer here is from the case's department.
    func testRecusalKnowsABodyHoweverItIsWritten() throws {
        let cases = [SampledCase(caseNo: 1, caseId: "A1", department: "住房和城乡建设局", reason: .drawn),
                     SampledCase(caseNo: 2, caseId: "A2", department: "市场监督管理局", reason: .drawn),
                     SampledCase(caseNo: 3, caseId: "A3", department: "克拉玛依市公安局", reason: .drawn)]
        for (own, caseNo) in [("克拉玛依市住房和城乡建设局", 1), ("市场监督 管理局", 2), ("公安局", 3)] {
            let reviewers = [Reviewer(name: "本单位", department: own), Reviewer(name: "李四", department: "司法局")]
            let a = try Assigner.assign(cases: cases.filter { $0.caseNo == caseNo }, reviewers: reviewers, perCase: 1, seed: 0)
            XCTAssertEqual(a.cases[0].reviewers.map(\.name), ["李四"], own)
        }
        // Two bodies whose names merely share an ending are not one.
        XCTAssertFalse(Reviewer(name: "甲", department: "公安局").mustRecuse(from: "交通运输局"))
        XCTAssertFalse(Reviewer(name: "甲", department: "自然资源局").mustRecuse(from: "水利局"))
    }

    func testInfeasibleDepartmentGivesAChineseError() throws {
        let reviewers = [Reviewer(name: "张三", department: "市场监督管理局"), Reviewer(name: "钱七", department: "市场监督管理局"),
                         Reviewer(name: "李四", department: "交通运输局")]
        let cases = [SampledCase(caseNo: 1, caseId: "交罚1", department: "交通运输局", reason: .drawn),
                     SampledCase(caseNo: 2, caseId: "市监罚1", department: "市场监督管理局", reason: .drawn),
                     SampledCase(caseNo: 3, caseId: "市监罚2", department: "市场监督管理局", reason: .mustReview)]
        XCTAssertThrowsError(try Assigner.assign(cases: cases, reviewers: reviewers, perCase: 2, seed: 0)) { error in
            XCTAssertEqual(error as? SamplingError,
                           .notEnoughEligibleReviewers(department: "市场监督管理局", cases: 2, perCase: 2, eligible: 1, recused: 2))
            XCTAssertEqual((error as? SamplingError)?.message,
                           "无法分配 市场监督管理局 的 2 件案卷：每件需要 2 名评查人员，但回避本部门的 2 人后只有 1 名其他部门的评查人员；请增加其他部门的评查人员或减少 --per-case")
        }
        // Only own-department reviewers: nobody may take the case.
        let onlyOwn = [Reviewer(name: "张三", department: "市场监督管理局")]
        XCTAssertThrowsError(try Assigner.assign(cases: Array(cases.dropFirst()), reviewers: onlyOwn, perCase: 1, seed: 0)) { error in
            XCTAssertEqual((error as? SamplingError)?.message,
                           "无法分配 市场监督管理局 的 2 件案卷：每件需要 1 名评查人员，但回避本部门的 1 人后只有 0 名其他部门的评查人员；请增加其他部门的评查人员或减少 --per-case")
        }
        // Feasible with one reviewer per case.
        XCTAssertNoThrow(try Assigner.assign(cases: cases, reviewers: reviewers, perCase: 1, seed: 0))
    }

    func testBadReviewerListsAreRefused() {
        let c = [SampledCase(caseNo: 1, caseId: "A", department: "甲局", reason: .drawn)]
        func message(_ reviewers: [Reviewer], perCase: Int = 1) -> String? {
            do { _ = try Assigner.assign(cases: c, reviewers: reviewers, perCase: perCase, seed: 0); return nil } catch { return error.message }
        }
        XCTAssertEqual(message([]), "评查人员名单是空的：请在 --reviewers 文件中列出评查人员的姓名和所在部门")
        XCTAssertEqual(message([Reviewer(name: "甲", department: "乙局")], perCase: 0), "每件案卷的评查人数（--per-case）应为正整数，而不是 0")
        XCTAssertEqual(message([Reviewer(name: "张伟", department: "乙局"), Reviewer(name: "张伟", department: "丙局")]),
                       "评查人员 张伟 在名单中出现了不止一次：姓名相同的请加以区分（如“张伟（司法局）”）")
        XCTAssertEqual(message([Reviewer(name: " ", department: "乙局")]), "评查人员名单中有一名 乙局 的人员没有填写姓名")
        XCTAssertEqual(message([Reviewer(name: "张伟", department: "")]), "评查人员 张伟 没有填写所在部门：无法执行回避")
    }

    func testNoCasesGivesEmptyWorkloads() throws {
        let a = try Assigner.assign(cases: [], reviewers: Self.reviewers, perCase: 2, seed: 0)
        XCTAssertEqual(a.workloads.map(\.load), [0, 0, 0, 0, 0])
        XCTAssertTrue(a.isBalanced)
    }
}
