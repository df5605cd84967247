/// Store failures, rendered in Chinese.
public enum StoreError: Error, CustomStringConvertible {
    case newerSchema(found: Int, supported: Int)
    case busy(path: String)
    case noSuchBatch(String, known: [String])
    case sqlite(path: String, detail: String)

    public var description: String {
        switch self {
        case .newerSchema(let found, let supported):
            return "数据库由更新版本的 pingcha 创建（结构版本 \(found)，本程序支持到 \(supported)），请升级 pingcha"
        case .busy(let path):
            return "\(path): 另一个 pingcha 正在写入这个数据库，等待超时；请在它结束后再运行，或用 --db 指定另一个文件"
        case .noSuchBatch(let name, let known):
            return "数据库中没有名为“\(name)”的批次" + (known.isEmpty ? "" : "（已有：\(known.joined(separator: "、"))）")
        case .sqlite(let path, let detail):
            return "\(path): 数据库错误：\(detail)"
        }
    }
}
