import ArgumentParser
import PingchaModel
#if canImport(Glibc)
// `stdout`, a mutable global of the C library, is read once at the end.
@preconcurrency import Glibc
#endif

/// 评查 — administrative law-enforcement case-file review.
struct Pingcha: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pingcha",
        abstract: "行政执法案卷评查：导入各执法部门的案件导出文件，按评查标准打分，生成通报、整改通知和统计。",
        version: PingchaVersion.current,
        subcommands: [RunCommand.self, InspectCommand.self, ScoreCommand.self, RubricCommand.self, BatchesCommand.self,
                      ReportCommand.self, CompareCommand.self, RescoreCommand.self,
                      SampleCommand.self, AssignCommand.self, StatsCommand.self, FollowupCommand.self, GenerateCommand.self]
    )
}

// A standard stream the caller closed (`>&-`) would be given to the next file opened — the
// store, a report — and what is printed would be written into it: /dev/null takes its place.
for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 {
    _ = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
}

// Rule patterns (`matches`) are matched character by character in UTF-8.
setlocale(LC_ALL, "C.UTF-8")

// Exit codes of the contract: 0 done, 1 bad input (the command printed why), 2 usage error.
do {
    var command = try Pingcha.parseAsRoot()
    try command.run()
    // What the commands print goes through C's buffered standard output: a write that failed
    // (a full disk) shows only here, and must not end as if everything had been printed.
    let flushed = fflush(stdout) == 0
    if !flushed || ferror(stdout) != 0 {
        let cause = flushed ? "写入出错（磁盘已满？）" : SystemErrorText.current
        printFailure(.unwritable("标准输出", detail: "\(cause)，输出不完整"))
        exit(1)
    }
} catch {
    let code = Pingcha.exitCode(for: error)
    // Help is printed as it is; the parser's usage errors are said in Chinese.
    let message = code == .success ? Pingcha.fullMessage(for: error) : UsageText.chinese(Pingcha.fullMessage(for: error))
    if !message.isEmpty { printError(message) }
    if code == .success { exit(0) }
    if code == .validationFailure { exit(2) }   // ArgumentParser's EX_USAGE (64) → 2
    exit(code.rawValue == 1 ? 1 : (code.rawValue == 0 ? 0 : 2))
}
