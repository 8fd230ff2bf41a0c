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

/// The list of measurements. Each is a small function of the context; a panel still being built
/// says so instead of being measured. When the waiting board, the follow-up queue or the reports
/// land, add their function here (drive the panel through `ConsoleRuntime` over `TestBackend`, as
/// `FindBench` does, and give the `sqlite3` equivalent of its query as the baseline).
enum Measurements {
    typealias Measure = (BenchContext) throws -> [ResultRow]

    static var available: [(name: String, measure: Measure)] { [
        ("cold start (TestBackend)", { try ColdStart(context: $0).inProcess() }),
        ("find as you type", { try FindBench(context: $0).run() }),
        ("cold start and memory (real binary in a pty)", { try ColdStart(context: $0).realBinary() }),
        ("CSV import", { try ImportBench(context: $0).run() }),
    ] }

    static let pending: [PendingMeasurement] = [
        PendingMeasurement(name: "waiting board refresh (200 open ROs)",
                           reason: "the waiting board panel is not built yet (the dataset has the 200 open ROs)"),
        PendingMeasurement(name: "follow-up queue (500 due callbacks)",
                           reason: "the follow-up panel is not built yet (the dataset has the 500 due callbacks)"),
        PendingMeasurement(name: "month's KPI reports (FTFR by technician and month, callbacks, scores)",
                           reason: "the reports panel and its queries are not built yet (the dataset has comebacks, jobs with technicians and callback scores)"),
        PendingMeasurement(name: "cold start to the waiting board",
                           reason: "measured to the first frame of the Find panel, the console's first panel today"),
    ]
}
