import Foundation
import PingchaModel

/// Reads one file on three kinds of thread, because normalising is most of the work and a
/// machine has more than one core:
///
/// - the parser thread reads, decodes and parses (libcsv), copying records into batches;
/// - worker threads normalise whole batches (dates, amounts, enums …) in parallel;
/// - the calling thread takes the batches back in file order and hands them to `consume`,
///   so everything after (duplicates, counts, the caller's handlers) stays sequential.
///
/// Exactly ``maxBatchesInFlight`` batches (about 256 KB of text each) exist, passed round from parser
/// to workers to consumer and back, so memory stays bounded whatever the file size and
/// however slow the consumer is.
enum FilePipeline {
    static let maxBatchesInFlight = 6

    /// State shared between the threads; each field is written before the queue operation
    /// that publishes it, so the queues' locks order every access.
    private final class Shared<Prepared: Sendable>: @unchecked Sendable {
        var normaliser: RowNormaliser<Prepared>?
        var failure: PingchaError?
        var workersLeft = 0
        /// The last line read (set by the parser thread, read once it has finished).
        var lastLine = 0
        let lock = NSLock()
    }

    private final class ReaderBox: @unchecked Sendable {
        let reader: RecordSource
        init(_ reader: RecordSource) { self.reader = reader }
    }

    static func run<Prepared: Sendable>(reader: RecordSource, path: String, sheet: String? = nil, catalogueCount: Int,
                    header: HeaderSearch = HeaderSearch(),
                    makeNormaliser: @escaping @Sendable (RecordView, GroupRow?) throws(PingchaError) -> RowNormaliser<Prepared>,
                    onHeader: (RowNormaliser<Prepared>) -> Void, consume: (RawBatch<Prepared>) -> Void) throws(PingchaError) {
        let shared = Shared<Prepared>()
        let work = BlockingQueue<RawBatch<Prepared>>(capacity: 4)
        let done = BlockingQueue<RawBatch<Prepared>>()
        // Consumed batches go back to the parser for reuse; their number bounds memory.
        let recycled = BlockingQueue<RawBatch<Prepared>>()
        for _ in 0..<maxBatchesInFlight { recycled.put(RawBatch<Prepared>(sequence: 0)) }
        let parserFinished = DispatchSemaphore(value: 0)
        let box = ReaderBox(reader)
        let workerCount = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
        shared.workersLeft = workerCount

        let parser = Thread {
            parse(box.reader, path: path, sheet: sheet, header: header, shared: shared, work: work, recycled: recycled, makeNormaliser: makeNormaliser)
            work.close()
            parserFinished.signal()
        }
        parser.stackSize = 1 << 20
        parser.start()

        for _ in 0..<workerCount {
            let worker = Thread {
                while let batch = work.take() {
                    if let normaliser = shared.normaliser {
                        var results: [RowResult<Prepared>] = []
                        results.reserveCapacity(batch.recordCount)
                        batch.forEachRecord { results.append(normaliser.normalise($0, fieldCount: catalogueCount)) }
                        batch.results = results
                    }
                    done.put(batch)
                }
                shared.lock.lock()
                shared.workersLeft -= 1
                let last = shared.workersLeft == 0
                shared.lock.unlock()
                if last { done.close() }
            }
            worker.start()
        }

        var pending: [Int: RawBatch<Prepared>] = [:]
        var next = 0
        var announced = false
        while let batch = done.take() {
            pending[batch.sequence] = batch
            while let ready = pending.removeValue(forKey: next) {
                if !announced, let n = shared.normaliser {
                    announced = true
                    onHeader(n)
                }
                consume(ready)
                recycled.put(ready)
                next += 1
            }
        }
        parserFinished.wait()
        recycled.close()
        if let failure = shared.failure { throw failure }
        guard let normaliser = shared.normaliser else {
            // `--header-row` past the end of a text file: it has rows, not that one. (A short
            // sheet of a workbook stays a sheet without cases, as an instructions sheet is.)
            if sheet == nil, let row = header.fixedRow, shared.lastLine > 0 {
                throw .invalidOption("--header-row \(row)：\(path) 只有 \(shared.lastLine) 行，没有第 \(row) 行")
            }
            throw .emptyFile(path)
        }
        if !announced { onHeader(normaliser) }
    }

    private static func parse<Prepared: Sendable>(_ reader: RecordSource, path: String, sheet: String?, header search: HeaderSearch,
                              shared: Shared<Prepared>, work: BlockingQueue<RawBatch<Prepared>>,
                              recycled: BlockingQueue<RawBatch<Prepared>>,
                              makeNormaliser: @escaping (RecordView, GroupRow?) throws(PingchaError) -> RowNormaliser<Prepared>) {
        var sequence = 0
        var batch = recycled.take()!
        // The first rows, held until the header is known (title rows may precede it).
        let held = RawBatch<Prepared>(sequence: -1)
        var heldScores: [HeaderSearch.Score] = []
        // Per held row: the cells of the row above it, when they read as its group row.
        var heldGroups: [GroupRow?] = []
        var previousCells: GroupRow?
        var previousLine = 0
        /// The row above `record` as its group row, with the sheet's merged ranges filled in
        /// when they could change how it reads (asked of the reader only then: a sheet's merges
        /// stand after its cells).
        func group(over record: RecordView) -> GroupRow? {
            guard var above = previousCells, search.needsMerges?(above, record) == true,
                  let spans = reader.mergedSpans(inRow: previousLine) else { return previousCells }
            above.spans = spans
            previousCells = above
            return above
        }
        var pendingHeader: Int?
        // Cells merged down below the header, filled in row by row (a workbook's only).
        var fill = MergedFill([], columns: 0)
        func append(_ record: RecordView) {
            if fill.isEmpty { batch.append(record) } else { batch.append(record, filling: fill.fills(for: record)) }
        }
        func ship() {
            work.put(batch)
            sequence += 1
            batch = recycled.take()!
            batch.reuse(sequence: sequence)
        }
        func refuse(_ error: PingchaError) {
            shared.failure = error
            reader.stopRequested = true
        }
        /// Takes the held row at `index` as the header; the rows above it are titles, the rows
        /// below it the first records.
        func settle(on index: Int) {
            var i = 0
            held.forEachRecord { record in
                defer { i += 1 }
                guard shared.failure == nil else { return }
                if i == index {
                    do throws(PingchaError) {
                        let normaliser = try makeNormaliser(record, heldGroups[index])
                        shared.normaliser = normaliser
                        fill = MergedFill(reader.mergedDown(below: normaliser.headerLine), columns: normaliser.headerCount)
                    } catch { refuse(error) }
                } else if i > index {
                    append(record)
                }
            }
        }
        func settleOnBest() {
            guard shared.normaliser == nil, shared.failure == nil, !heldScores.isEmpty else { return }
            settle(on: pendingHeader ?? HeaderSearch.best(heldScores))
        }
        do {
            try reader.read { event in
                if shared.failure != nil { return }
                switch event {
                case .record(let record):
                    shared.lastLine = record.endLine
                    if shared.normaliser == nil {
                        // A complete header waits one row: the row below may be its sub-headers.
                        if let pending = pendingHeader, let cells = group(over: record) {
                            let twoRows = search.subHeaderBeats(heldScores[pending], next: record, headerCells: cells)
                            heldScores.append(.complete)
                            heldGroups.append(twoRows ? cells : nil)
                            held.append(record)
                            settle(on: twoRows ? heldScores.count - 1 : pending)
                            return
                        }
                        let above = group(over: record)
                        let (decision, underGroup, score) = search.consider(record, above: above)
                        let group = underGroup ? above : nil
                        previousCells = GroupRow(cells: HeaderSearch.cells(record))
                        previousLine = record.startLine
                        switch decision {
                        case .title:
                            return
                        case .header:
                            heldScores.append(score)
                            heldGroups.append(group)
                            held.append(record)
                            if search.fixedRow != nil || search.score == nil { settle(on: heldScores.count - 1) } else { pendingHeader = heldScores.count - 1 }
                        case .candidate(let score):
                            heldScores.append(score)
                            heldGroups.append(group)
                            held.append(record)
                            if heldScores.count >= HeaderSearch.window { settleOnBest() }
                            return
                        }
                        return
                    }
                    append(record)
                case .unterminatedQuote(let start, let end, let raw), .oversized(let start, let end, let raw):
                    settleOnBest()
                    guard shared.normaliser != nil else { return refuse(.emptyFile(path)) }
                    let reason: RejectReason
                    if case .oversized = event { reason = .oversized } else { reason = .unterminatedQuote }
                    batch.append(.reject(Reject(file: path, line: start, endLine: end, reasons: [reason], raw: raw, sheet: sheet)))
                case .invalidBytes(let line, let column):
                    batch.append(.invalidBytes(line: line, column: column))
                case .cellError(let line, let column, let text):
                    batch.append(.cellError(line: line, column: column, text: text))
                case .textAfterQuote(let line, let column, let value):
                    batch.append(.textAfterQuote(line: line, column: column, value: value))
                }
                if batch.isFull { ship() }
            }
        } catch {
            shared.failure = error
        }
        // A file shorter than the search window: its best row is the header.
        settleOnBest()
        if !batch.isEmpty {
            work.put(batch)
        }
    }
}
