import Foundation
import PingchaModel
import PingchaStore

/// Work on a stored batch done on a thread of its own, over a read connection of its own,
/// while the report goes on: scores.xlsx's detail sheets during the pass, the notices while
/// the bulletin is written. The thread's read transaction must still see the batch the
/// report started with — a run that replaced it in between gave the name another id or
/// another run time — else the report stops rather than mix two batches.
final class BatchReadThread: @unchecked Sendable {
    private let done = DispatchGroup()
    private let failure = FirstFailure()

    /// Starts `body` at once.
    init(databasePath: String, batch: StoredBatch, _ body: @escaping @Sendable (StoreSession) throws -> Void) {
        done.enter()
        let thread = Thread { [self] in
            do {
                try Store(path: databasePath).read { db in
                    guard try batch.isStillStored(db) else {
                        throw PingchaError.invalidOption("批次“\(batch.name)”在生成报告期间被另一次运行替换，请重新运行 pingcha report")
                    }
                    try body(db)
                }
            } catch {
                failure.record(error)
            }
            done.leave()
        }
        // Building a document nests deeply (templates, Markdown, DOCX): more than the
        // default half megabyte of a secondary thread.
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Waits for the work; its error, if any.
    func wait() -> Error? {
        done.wait()
        return failure.error
    }
}
