import PingchaAnalytics
import Foundation
import XCTest

final class StatisticsMarkdownTests: XCTestCase {
    typealias F = StatisticsFixture

    func testDump() {
        try! F.stats2024.markdown(previous: F.stats2023).write(toFile: "/tmp/stats.md", atomically: true, encoding: .utf8)
    }
}
