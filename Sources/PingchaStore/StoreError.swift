/// Store failures, rendered in Chinese.
public enum StoreError: Error, CustomStringConvertible {
    case newerSchema(found: Int, supported: Int)
    /// Another pingcha holds the writer lock (``WriterLock``) and did not finish in `waited` seconds.
    case busy(path: String, waited: Double)
    /// SQLite found the file locked: another pingcha migrating or writing it, or another program
    /// (a database tool) holding it open in a transaction.
    case inUse(path: String)
    case noSuchBatch(String, known: [String])
    case sqlite(path: String, detail: String)
    /// The file or the disk failed (full, read-only, damaged); `undone`: it stopped a write,
    /// which its transaction undid, so the store is as it was before the command.
    case storage(path: String, cause: String, undone: Bool)

    public var description: String {
        switch self {
        case .newerSchema(let found, let supported):
            return "数据库由更新版本的 pingcha 创建（结构版本 \(found)，本程序支持到 \(supported)），请升级 pingcha"
        case .busy(let path, let waited):
            return "\(path): 另一个 pingcha 正在写入这个数据库，等了 \(Self.duration(waited))仍未结束；请在它结束后再运行，或用 --db 指定另一个文件"
        case .inUse(let path):
            return "\(path): 数据库正被占用（另一个 pingcha 正在写入，或有数据库工具打开着它），等待后仍未释放；请在它结束或关闭后再运行"
        case .noSuchBatch(let name, let known):
            return "数据库中没有名为“\(name)”的批次" + (known.isEmpty ? "" : "（已有：\(known.joined(separator: "、"))）")
        case .sqlite(let path, let detail):
            return "\(path): 数据库错误：\(detail)"
        case .storage(let path, let cause, let undone):
            return "\(path): \(cause)" + (undone ? "；这次运行写入数据库的内容已全部撤销，数据库保持运行之前的状态" : "")
        }
    }

    /// “10 分钟”, “90 秒”: how long a run waited, as a person says it.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 && whole % 60 == 0 ? "\(whole / 60) 分钟" : "\(max(whole, 1)) 秒"
    }
}
