import Foundation
import ServiceStore
import ShopFixtures

/// What every measurement gets: the loaded database and the baseline tool.
struct BenchContext {
    let size: BulkSize
    let folder: URL
    let dbPath: String
    let db: AppDatabase
    let summary: BulkDatasetSummary
    let sqlite: SQLiteTool?
    let now: Date
    let timeZone: TimeZone
    let repetitions: Int
}

/// The list of measurements. Each is a small function of the context that drives the console through
/// `ConsoleRuntime` over `TestBackend` (or the real binary in a pty) and gives the `sqlite3` equivalent of
/// the store's SQL as the baseline. A measurement that cannot be taken yet goes in `pending` with the reason.
enum Measurements {
    typealias Measure = (BenchContext) throws -> [ResultRow]

    static var available: [(name: String, measure: Measure)] { [
        ("cold start to the waiting board (TestBackend)", { try ColdStart(context: $0).inProcess() }),
        ("find as you type", { try FindBench(context: $0).run() }),
        ("waiting board refresh (200 open ROs)", { try PanelBench(context: $0).waitingBoard() }),
        ("follow-up queue (500 due callbacks)", { try PanelBench(context: $0).followUpQueue() }),
        ("month's KPI reports", { try PanelBench(context: $0).monthReports() }),
        ("comebacks panel", { try PanelBench(context: $0).comebacks() }),
        ("cold start to the waiting board and memory (real binary in a pty)", { try ColdStart(context: $0).realBinary() }),
        ("CSV import", { try ImportBench(context: $0).run() }),
        ("history import", { try HistoryBench(context: $0).run() }),
        ("migration steps, write lock held (baseline: one transaction per step)", { try MigrationBench(context: $0).run() }),
    ] }

    /// Every measurement of the benchmark issue is taken today.
    static let pending: [PendingMeasurement] = []
}
