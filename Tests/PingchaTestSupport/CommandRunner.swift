import Foundation

/// Runs the built `pingcha` binary as a supervisor would, from the package root.
public enum CommandRunner {
    /// The package root (three levels above this file).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The executable beside the test bundle in the build folder.
    public static var binary: String {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while !url.path.isEmpty, url.path != "/" {
            let candidate = url.deletingLastPathComponent().appendingPathComponent("pingcha")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            url.deleteLastPathComponent()
        }
        return packageRoot + "/.build/debug/pingcha"
    }

    /// Runs `pingcha args` in `directory`, with `environment` added to this process's own.
    /// `standardOutput`: where the command writes its output instead of a pipe read back
    /// (then `stdout` is empty), such as `/dev/full` for a disk that is full. `executable`: a
    /// program to run instead of pingcha (a shell, to start pingcha with a stream closed).
    public static func run(_ args: [String], in directory: String = packageRoot,
                           environment: [String: String] = [:],
                           standardOutput: FileHandle? = nil,
                           executable: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable ?? binary)
        p.arguments = args
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        p.standardOutput = standardOutput ?? out
        p.standardError = err
        try p.run()
        // Read both pipes while the child runs, so neither can fill up and block it.
        final class Sink: @unchecked Sendable { var data = Data() }
        let errSink = Sink()
        let done = DispatchSemaphore(value: 0)
        Thread {
            errSink.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        done.wait()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: errSink.data, as: UTF8.self))
    }
}
