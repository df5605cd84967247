import Foundation

/// A temporary folder for one test's files, removed afterwards.
public struct TemporaryFolder {
    public let path: String

    public init() throws {
        path = NSTemporaryDirectory() + "pingcha-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    public func file(_ name: String) -> String { path + "/" + name }
}
