import ArgumentParser
import PingchaModel
#if canImport(Glibc)
import Glibc
#endif

/// Writes a line to standard error.
func printError(_ text: String) {
    printErrorRaw(text.hasSuffix("\n") ? text : text + "\n")
}

/// Runs `body`; a ``PingchaError`` is printed in Chinese and ends the command with exit
/// code 1 (bad input). This is the one place errors leave the tool.
func reporting(_ body: () throws(PingchaError) -> Void) throws {
    do {
        try body()
    } catch {
        printError("错误：" + error.message)
        throw ExitCode.failure
    }
}
