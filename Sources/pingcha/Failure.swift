import ArgumentParser
import PingchaModel
#if canImport(Glibc)
import Glibc
#endif

/// Writes a line to standard error.
func printError(_ text: String) {
    printErrorRaw(text.hasSuffix("\n") ? text : text + "\n")
}

/// Prints `error` as every error leaves the tool: "错误：" and its Chinese message.
func printFailure(_ error: PingchaError) {
    printError("错误：" + error.message)
}

/// Runs `body`; a ``PingchaError`` is printed in Chinese (``printFailure(_:)``) and ends the
/// command with exit code 1 (bad input).
func reporting(_ body: () throws(PingchaError) -> Void) throws {
    do {
        try body()
    } catch {
        printFailure(error)
        throw ExitCode.failure
    }
}
