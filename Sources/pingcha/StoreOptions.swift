import ArgumentParser

/// `--db`, shared by every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("数据库文件。", valueName: "FILE"))
    var db = "reports/pingcha.sqlite"
}
