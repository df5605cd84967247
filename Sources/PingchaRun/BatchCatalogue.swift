import PingchaModel
import PingchaStore

/// The batches a store holds (`pingcha batches`).
public enum BatchCatalogue {
    public static func list(databasePath: String) throws(PingchaError) -> [StoredBatch] {
        do {
            let store = try Store(path: databasePath)
            return try store.read { db in try StoredBatch.list(db) }
        } catch {
            throw Store.userError(error, path: databasePath)
        }
    }
}
